"""Exports that do not collide: a default name tells records and states apart, and a
refusal names the file and a free name to give --output, which works as printed."""

from __future__ import annotations

import os
import re
import shlex
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from export_support import EXAMPLES, open_docx
from kontoguide.checklist.parts import Checklist
from kontoguide.cli.app import app
from kontoguide.documents.export import default_file_name, export_record
from kontoguide.model.account_life import State
from kontoguide.model.errors import ExitCode, OutputExistsError
from kontoguide.model.record import Record
from kontoguide.store import drafts
from kontoguide.store.storage import Store, record_json

STATES: tuple[State, ...] = ("draft", "ready", "decided", "started", "closed")
SUGGESTED = re.compile(r"--output (\"[^\"]+\"|\S+), eller")


def _from_example(name: str, checklist: Checklist) -> Record:
    record, found = drafts.from_answers(EXAMPLES / name, checklist, Store())
    assert found == [], found
    return record


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder to export into, as the current folder."""
    folder = tmp_path / "ut"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_two_records_of_one_account_exported_the_same_day_do_not_collide(
    home: Path, out: Path, checklist: Checklist
) -> None:
    # A second application for the same account (start --from): the same working name.
    first = _from_example("klar-for-beslut.json", checklist)
    second = _from_example("klar-for-beslut.json", checklist)
    assert first.account_name == second.account_name
    runner = CliRunner()
    for record in (first, second):
        result = runner.invoke(app, ["export", record.id])
        assert result.exit_code == ExitCode.OK, result.output
    names = sorted(path.name for path in out.iterdir())
    assert len(names) == 2
    for record, name in zip(sorted((first, second), key=lambda r: r.id), names, strict=True):
        assert f"-{record.id}-" in name and name.endswith("-klar-for-beslut.docx")


def test_the_paper_for_the_decision_is_not_replaced_by_a_later_state(
    home: Path, out: Path, checklist: Checklist
) -> None:
    ready = _from_example("klar-for-beslut.json", checklist)
    assert ready.status == "ready"
    # The same record once the decision is in: exported from its saved JSON file.
    rejected = _from_example("avslaget.json", checklist).model_copy(update={"id": ready.id})
    assert rejected.status == "decided"
    saved = out.parent / "beslutad.json"
    saved.write_text(record_json(rejected), encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["export", ready.id])
    assert done.exit_code == ExitCode.OK, done.output
    [paper] = list(out.iterdir())
    before = paper.read_bytes()
    done = runner.invoke(app, ["export", str(saved)])
    assert done.exit_code == ExitCode.OK, done.output
    names = sorted(path.name for path in out.iterdir())
    assert [name.rsplit("-", 1)[-1] for name in names] == ["avslaget.docx", "beslut.docx"]
    assert paper.read_bytes() == before
    assert "underlag för beslut" in " ".join(p.text for p in open_docx(before).paragraphs).lower()


def test_a_refusal_names_the_file_and_a_free_name_that_works_as_printed(
    home: Path, out: Path, checklist: Checklist
) -> None:
    record = _from_example("klar-for-beslut.json", checklist)
    runner = CliRunner()
    assert runner.invoke(app, ["export", record.id]).exit_code == ExitCode.OK
    [existing] = list(out.iterdir())
    kept = existing.read_bytes()
    refused = runner.invoke(app, ["export", record.id])
    assert refused.exit_code == ExitCode.USAGE
    said = " ".join(refused.output.split())
    assert f"{existing} finns redan och har inte ändrats" in said
    assert "--force" in said
    suggested = SUGGESTED.search(said)
    assert suggested is not None, said
    assert suggested.group(1) == f"{existing.stem}-2.docx"
    # The suggestion, typed as printed, writes the free name and leaves the old file.
    again = runner.invoke(app, shlex.split(f"export {record.id} --output {suggested.group(1)}"))
    assert again.exit_code == ExitCode.OK, again.output
    assert (out / f"{existing.stem}-2.docx").is_file()
    assert existing.read_bytes() == kept
    # Next time the next free name is offered.
    refused = runner.invoke(app, ["export", record.id])
    assert f"--output {existing.stem}-3.docx," in " ".join(refused.output.split())
    # --force is the only way over the file.
    forced = runner.invoke(app, ["export", record.id, "--force"])
    assert forced.exit_code == ExitCode.OK, forced.output
    open_docx(existing.read_bytes())


def test_a_suggested_path_with_a_space_is_quoted_so_it_works_as_printed(
    home: Path, out: Path, checklist: Checklist
) -> None:
    record = _from_example("klar-for-beslut.json", checklist)
    folder = out.parent / "mina beslut"
    folder.mkdir()
    runner = CliRunner()
    assert runner.invoke(app, ["export", record.id, "-o", str(folder)]).exit_code == 0
    refused = runner.invoke(app, ["export", record.id, "-o", str(folder)])
    suggested = SUGGESTED.search(" ".join(refused.output.split()))
    assert suggested is not None, refused.output
    assert suggested.group(1).startswith('"') and "mina beslut" in suggested.group(1)
    again = runner.invoke(app, shlex.split(f"export {record.id} --output {suggested.group(1)}"))
    assert again.exit_code == ExitCode.OK, again.output
    assert len(list(folder.iterdir())) == 2


def test_the_api_refuses_too_and_names_the_free_name(
    home: Path, out: Path, checklist: Checklist
) -> None:
    record = _from_example("klar-for-beslut.json", checklist)
    first = export_record(record, checklist, "md", out)
    with pytest.raises(OutputExistsError) as caught:
        export_record(record, checklist, "md", out)
    assert str(first) in caught.value.message
    assert f"{first.stem}-2.md" in caught.value.message


def _record(record_id: str, account: str | None) -> Record:
    return Record(
        id=record_id,
        checklist_id="stockholm-standard",
        checklist_version="2026.3",
        created_at="2026-11-26T10:00:00Z",
        updated_at="2026-11-26T10:00:00Z",
    ).model_copy(update={"account_name": account})


IDS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,63}", fullmatch=True)


# Derandomized (the same examples every run) unless a long run is asked for.
LONG_RUN = "KONTOGUIDE_ROBUST_EXAMPLES" in os.environ


@settings(
    max_examples=int(os.environ.get("KONTOGUIDE_ROBUST_EXAMPLES", "200")),
    deadline=None,
    derandomize=not LONG_RUN,
    database=None,
)
@given(
    account=st.one_of(st.none(), st.text(max_size=300)),
    ids=st.lists(IDS, min_size=2, max_size=2, unique=True),
)
def test_default_names_differ_by_record_and_by_state(account: str | None, ids: list[str]) -> None:
    day = date(2026, 11, 26)
    names = {
        default_file_name(_record(record_id, account), "docx", day, state=state)
        for record_id in ids
        for state in STATES
    }
    assert len(names) == len(ids) * len(STATES)
    for name in names:
        assert len(name.encode("utf-8")) <= 200


def test_a_decision_says_its_outcome_in_the_name(home: Path, checklist: Checklist) -> None:
    rejected = _from_example("avslaget.json", checklist)
    name = default_file_name(rejected, "docx", date(2026, 11, 26), state="decided")
    assert name.endswith(f"-{rejected.id}-2026-11-26-avslaget.docx")
