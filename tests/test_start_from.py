"""`start --from ID|FILE`: an earlier record's answers as suggestions, each confirmed."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.console import Console

from cli_support import run_kontoguide
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.errors import ExitCode
from kontoguide.questionnaire.prompting import NO, YES, Option, Prompt
from kontoguide.store import drafts
from kontoguide.store.storage import Store
from kontoguide.terminal import interactive
from kontoguide.terminal.views import RichScreen

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


class TakesSuggestions:
    """Accepts every offered answer (the suggestion) as a person pressing Enter would;
    says yes to the notice, closes lists, completes the review and declines the document."""

    def __init__(self, notice: str) -> None:
        self.notice = notice
        self.asked: list[str] = []

    def text(self, prompt: Prompt, *, multiline: bool = False) -> str:
        self.asked.append(prompt.message)
        assert prompt.default, f"no suggestion for {prompt.message!r}"
        assert prompt.validate is None or prompt.validate(prompt.default) is None
        return str(prompt.default)

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str:
        self.asked.append(prompt.message)
        values = [option.value for option in options]
        if prompt.message == self.notice:
            return YES
        for wanted in ("done", "complete", "take", NO):
            if wanted in values and (prompt.default in (None, "") or wanted == "take"):
                return wanted
        assert prompt.default in values, f"no suggestion for {prompt.message!r}"
        return str(prompt.default)

    def checkbox(self, prompt: Prompt, options: Sequence[Option]) -> list[str]:
        self.asked.append(prompt.message)
        assert prompt.default, f"no suggestion for {prompt.message!r}"
        return list(prompt.default)


def test_every_answer_is_offered_and_only_the_earlier_life_stays_behind(
    home: Path, checklist: Checklist
) -> None:
    store = Store()
    earlier, _ = drafts.from_answers(EXAMPLES / "startat-med-uppfoljning.json", checklist, store)
    loaded = drafts.earlier_record(earlier.id, store)
    asker = TakesSuggestions(checklist.notice.confirm)
    screen = RichScreen(Console(file=io.StringIO(), width=100, no_color=True))

    code = interactive.start(checklist, store, earlier=loaded, asker=asker, screen=screen)

    assert code == ExitCode.OK
    [new] = [r for r in store.folder.glob("*.json") if r.stem != earlier.id]
    data = json.loads(new.read_text(encoding="utf-8"))
    old = json.loads((store.folder / f"{earlier.id}.json").read_text(encoding="utf-8"))
    # Every answer up to the decision came along, confirmed one by one ...
    for part in ("organisation", "account_name", "step1", "step2", "step3", "step4"):
        assert data[part] == old[part], part
    assert data["step5"]["decision_maker"] == old["step5"]["decision_maker"]
    assert data["step5"]["prepared_by"] == old["step5"]["prepared_by"]
    assert data["status"] == "ready"
    # ... but nothing of the earlier account's own life.
    assert data["id"] != old["id"]
    assert "outcome" not in data["step5"] or data["step5"]["outcome"] is None
    assert data["start"] == {k: None for k in data["start"]}
    assert not data["follow_ups"]
    assert [entry["what"] for entry in data["history"]][-1] == "ready"
    assert data["notice"]["acknowledged_at"] != old["notice"]["acknowledged_at"]
    assert m.Q_SUGGESTED_ITEM.split("”")[0] in " ".join(asker.asked)


def test_from_a_file_and_from_an_unknown_source(home: Path, checklist: Checklist) -> None:
    loaded = drafts.earlier_record(str(EXAMPLES / "komplett.json"), Store())
    assert drafts.suggestions_from(loaded.record)["step3"]["platform"] == "instagram"
    assert "start" not in drafts.suggestions_from(loaded.record)
    # Who prepared the checklist is an answer like the others, not the decision.
    step5 = drafts.suggestions_from(loaded.record)["step5"]
    assert step5["prepared_by"] == loaded.record.step5.prepared_by.model_dump(mode="json")
    assert "outcome" not in step5
    result = run_kontoguide("start", "--from", "finnsinte", home=home)
    assert result.returncode == ExitCode.USAGE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "abc", "--no-input", "--answers", "x.json"], m.CLI_FROM_WITH_ANSWERS),
        (["--from", "abc", "--no-input"], m.CLI_FROM_NEEDS_TERMINAL),
        (["--from", "abc"], m.CLI_FROM_NEEDS_TERMINAL),
    ],
)
def test_from_is_for_a_person_at_a_terminal(home: Path, args: list[str], message: str) -> None:
    result = run_kontoguide("start", *args, home=home)
    assert result.returncode == ExitCode.USAGE
    assert message in result.stderr
