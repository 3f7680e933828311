"""lifecycle.state in one complete check equals the state by its definition (one
`problems` pass per stage): for every example, every stage of each cut away, and
every state the lifecycle and state tests derive (they import the same check)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kontoguide.checklist.loading import load_checklist, load_checklist_file
from kontoguide.checklist.parts import STAGES, Checklist
from kontoguide.model import paths
from kontoguide.model.account_life import State
from kontoguide.rules import lifecycle
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store import drafts
from state_support import state_checked_per_stage, state_per_stage  # noqa: F401

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2026, 11, 28)


def _examples() -> list[str]:
    return sorted(path.stem for path in EXAMPLES.glob("*.json"))


def _record(checklist: Checklist, answers: dict[str, Any], today: date) -> Any:
    candidate = drafts.with_identity(answers, checklist, "test1234")
    record, _ = prune(candidate, make_context(checklist, today=today), keep=drafts.IDENTITY)
    return record


def _checklist_for(answers: dict[str, Any]) -> Checklist:
    # The variant example's checklist is read from its file (it is not installed).
    name = answers.get("checklist_id")
    return load_checklist_file(EXAMPLES / f"{name}.toml") if name else load_checklist()


def _variants(answers: dict[str, Any], checklist: Checklist) -> list[dict[str, Any]]:
    """The answers, and the answers with each asked field of each stage left out
    (a record stopped or broken at every point), and with each stage's part cut."""
    out = [answers]
    for _, question in checklist.questions():
        if paths.get(answers, question.field) is not None:
            changed = json.loads(json.dumps(answers))
            paths.put(changed, question.field, None)
            out.append(changed)
    for part in ("notice", "step5", "start", "follow_ups", "closing"):
        if part in answers:
            out.append({key: value for key, value in answers.items() if key != part})
    return out


@pytest.mark.parametrize("name", _examples())
@pytest.mark.parametrize("days", [0, 400, -400])
def test_one_pass_equals_each_stage_for_every_example(name: str, days: int) -> None:
    answers = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    checklist = _checklist_for(answers)
    today = TODAY + timedelta(days=days)
    states: set[State] = set()
    for variant in _variants(answers, checklist):
        record = _record(checklist, variant, today)
        derived = lifecycle.state(record, checklist, today=today)
        assert derived == state_per_stage(record, checklist, today=today)
        states.add(derived)
    assert "draft" in states  # a required answer left out makes a draft


def test_the_examples_and_their_cuts_reach_every_state_up_to_started() -> None:
    reached: set[State] = set()
    for name in _examples():
        answers = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
        checklist = _checklist_for(answers)
        for variant in _variants(answers, checklist):
            reached.add(lifecycle.state(_record(checklist, variant, TODAY), checklist, today=TODAY))
    # "closed" is derived in test_lifecycle, which runs the same per-stage check.
    assert reached >= {"draft", *STAGES[:3]}


# --- reading a stored record: one validation when it is whole, the long way else -------


def _saved(checklist: Checklist, answers: dict[str, Any]) -> dict[str, Any]:
    from kontoguide.store.storage import record_json

    record, _ = drafts.prefilled(answers, checklist, "test1234")
    return json.loads(record_json(drafts.settle(record, checklist)))


def _spoiled(saved: dict[str, Any], checklist: Checklist) -> list[dict[str, Any]]:
    """The saved record with each answered field given a value no rule accepts, with
    one administrator, and with a decision dated before the day it became ready."""
    out = []
    for _, question in checklist.questions():
        if paths.get(saved, question.field) is not None:
            changed = json.loads(json.dumps(saved))
            paths.put(changed, question.field, {"inte": "ett svar"})
            out.append(changed)
    team = (saved.get("step4") or {}).get("team") or []
    if sum(1 for member in team if member.get("admin")) >= 2:
        # A rule only a whole record has (two administrators): valid in a draft.
        one_admin = json.loads(json.dumps(saved))
        for member in one_admin["step4"]["team"][1:]:
            member["admin"] = False
        out.append(one_admin)
    if (saved.get("step5") or {}).get("decision_date"):
        early = json.loads(json.dumps(saved))
        early["history"] = [{"what": "ready", "at": "2099-01-01T10:00:00+00:00"}]
        out.append(early)
    return out


@pytest.mark.parametrize("name", _examples())
def test_reading_a_record_the_short_way_equals_the_long_way(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """drafts.record_from_data validates a record once when it passes the complete
    check (completeness.whole_record); the result must be what pruning and then the
    complete check give, for whole records, drafts cut at every answer and records
    with a broken answer."""
    answers = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    checklist = _checklist_for(answers)
    saved = [_saved(checklist, variant) for variant in _variants(answers, checklist)]
    records = saved + _spoiled(saved[0], checklist)
    whole_record = drafts.whole_record
    short_way: list[bool] = []

    def spied(*args: Any) -> Any:
        found = whole_record(*args)
        short_way.append(found is not None)
        return found

    monkeypatch.setattr(drafts, "whole_record", spied)
    short = [drafts.record_from_data(Path("x.json"), data, checklist) for data in records]
    monkeypatch.setattr(drafts, "whole_record", lambda *_: None)
    long = [drafts.record_from_data(Path("x.json"), data, checklist) for data in records]
    for data, quick, slow in zip(records, short, long, strict=True):
        assert quick.record == slow.record, data
        assert quick.set_aside_now == slow.set_aside_now
    # Both ways were taken: whole records and drafts the short way, broken ones the long.
    assert any(short_way)
    assert not all(short_way)
