"""Dates and moments: timezone-aware moments, a plausible span of years, no overflow.

A moment without a time zone cannot be ordered against the others (`list` sorts
by the last change), and a date near year 1 or 9999 overflows as soon as it is
shifted into another time zone or a year is added. Both are refused by the model
with a Swedish message; the identity's moments make the file unusable (as any
identity error does), other values are set aside.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError
from typer.testing import CliRunner

from export_support import NOW, open_docx
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.cli.app import app
from kontoguide.documents.export import render
from kontoguide.model.errors import CorruptFileError, ExitCode
from kontoguide.model.fieldtypes import EARLIEST_YEAR, LATEST_YEAR, AnyDate, Moment
from kontoguide.model.steps import add_months
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store import drafts
from kontoguide.store.storage import Store
from kontoguide.terminal import interactive
from scenario import INTERRUPT, ScriptedAsker

DATE_RANGE = m.V_DATE_RANGE.format(first=EARLIEST_YEAR, last=LATEST_YEAR)
MOMENT_RANGE = m.V_MOMENT_RANGE.format(first=EARLIEST_YEAR, last=LATEST_YEAR)
NOTICE = "Jag har läst rådet och vill ändå gå vidare med att pröva ett nytt konto."


@pytest.fixture
def stored(home: Path, checklist: Checklist) -> dict[str, Any]:
    """The complete example as a stored record (JSON data)."""
    record, found = drafts.from_answers(
        Path(__file__).resolve().parents[1] / "examples" / "komplett.json", checklist, Store()
    )
    assert found == []
    data: dict[str, Any] = record.model_dump(mode="json")
    return data


def write(home: Path, data: dict[str, Any]) -> Path:
    path = home / "records" / f"{data['id']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


# --- the field types -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-01-01T10:00:00", m.V_MOMENT_NO_ZONE),
        ("2026-01-01", m.V_MOMENT_NO_ZONE),
        ("9999-12-31T23:59:59-12:00", MOMENT_RANGE),
        ("0001-01-01T00:00:00+00:00", MOMENT_RANGE),
        ("0001-01-01", MOMENT_RANGE),
        ("igår", m.V_MOMENT_FORMAT),
        (1767261600, m.V_MOMENT_FORMAT),
    ],
)
def test_a_moment_must_have_a_time_zone_and_a_plausible_year(text: Any, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Moment).validate_python(text)
    assert caught.value.errors()[0]["msg"] == message


def test_a_moment_at_the_edges_of_the_span_is_accepted_and_shifts_safely() -> None:
    for text in ("1900-01-01T00:00:00+14:00", f"{LATEST_YEAR}-12-31T23:59:59-12:00"):
        moment = TypeAdapter(Moment).validate_python(text)
        assert moment.astimezone(UTC).tzinfo is UTC
        moment.astimezone()


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"])
def test_a_date_outside_the_span_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(AnyDate).validate_python(text)
    assert caught.value.errors()[0]["msg"] == DATE_RANGE


def test_adding_a_year_to_the_last_date_of_the_span_does_not_overflow() -> None:
    assert add_months(date(LATEST_YEAR, 12, 31), 12) == date(LATEST_YEAR + 1, 12, 31)


# --- the record's identity: the file is unusable, with the reason --------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("updated_at", "2026-01-01T10:00:00", m.V_MOMENT_NO_ZONE),
        ("created_at", "2026-01-01T10:00:00", m.V_MOMENT_NO_ZONE),
        ("updated_at", "0001-01-01", MOMENT_RANGE),
        ("created_at", "9999-12-31T23:59:59-12:00", MOMENT_RANGE),
    ],
)
def test_a_wrong_moment_in_the_identity_makes_the_file_unusable_with_a_message(
    home: Path, stored: dict[str, Any], field: str, value: str, message: str
) -> None:
    good = dict(stored)
    broken = {**stored, "id": "trasig1", field: value}
    write(home, good)
    path = write(home, broken)
    with pytest.raises(CorruptFileError) as caught:
        drafts.load_file(path)
    assert message in caught.value.message

    listed = cli("list")
    assert listed.exit_code == ExitCode.INVALID_DATA
    assert good["id"] in listed.stdout
    assert message in " ".join(listed.stderr.split())
    assert "Traceback" not in listed.output

    for args in (["validate", str(path)], ["export", str(path), "-o", str(home / "x.docx")]):
        result = cli(*args)
        assert result.exit_code != ExitCode.OK, args
        assert message in " ".join(result.stderr.split()), args
        assert result.exception is None or isinstance(result.exception, SystemExit), args


# --- other moments and dates are set aside -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-01-01T10:00:00", m.V_MOMENT_NO_ZONE),
        ("9999-12-31T23:59:59-12:00", MOMENT_RANGE),
    ],
)
def test_a_wrong_acknowledgement_moment_sets_the_notice_aside(
    home: Path, stored: dict[str, Any], text: str, message: str
) -> None:
    stored["notice"]["acknowledged_at"] = text
    path = write(home, stored)
    loaded = drafts.load_file(path)
    assert loaded.record.notice is None
    # The whole acknowledgement, kept as one: it cannot stand without its moment.
    assert loaded.record.set_aside == {"notice": {"acknowledged": True, "acknowledged_at": text}}
    assert [p.message for p in loaded.set_aside_now] == [message]

    result = cli("validate", str(path))
    assert result.exit_code == ExitCode.INVALID_DATA
    shown = " ".join(result.stdout.split())
    assert f"Rådet om Schrems II › Tidpunkt för bekräftelsen – {message}" in shown
    for fmt in ("docx", "md"):
        render(loaded.record, loaded.checklist, fmt, now=NOW)
    assert cli("list").exit_code == ExitCode.OK


def test_resume_asks_for_the_notice_again_and_clears_the_old_one(
    home: Path, stored: dict[str, Any], checklist: Checklist
) -> None:
    stored["notice"]["acknowledged_at"] = "2026-01-01T10:00:00"
    write(home, stored)
    asker = ScriptedAsker({NOTICE: ["ja"], m.I_MENU_WHAT: [INTERRUPT]})
    store = Store()
    result = interactive.resume(store, stored["id"], asker=asker)
    assert result == ExitCode.INTERRUPTED
    assert asker.asked[0] == NOTICE
    record = drafts.load(store, stored["id"]).record
    assert record.notice is not None and record.notice.acknowledged_at.tzinfo is not None
    assert "notice" not in record.set_aside


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("step2", "goals", 0, "deadline"), "9999-12-31"),
        (("step5", "decision_date"), "0001-01-01"),
        (("step1", "comms_contact", "date"), "1899-12-31"),
        (("step5", "next_review"), "9999-12-31"),
    ],
)
def test_a_date_outside_the_span_is_set_aside_and_everything_still_works(
    home: Path, stored: dict[str, Any], where: tuple[Any, ...], value: str
) -> None:
    node: Any = stored
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    path = write(home, stored)
    loaded = drafts.load_file(path)
    assert value in json.dumps(loaded.record.set_aside)
    assert DATE_RANGE in [p.message for p in loaded.set_aside_now]
    result = cli("validate", str(path))
    assert result.exit_code == ExitCode.INVALID_DATA
    assert DATE_RANGE in " ".join(result.stdout.split())
    assert cli("list").exit_code == ExitCode.OK
    assert cli("export", stored["id"], "-o", str(home / "ut.docx")).exit_code == ExitCode.OK


def test_dates_at_the_edges_of_the_span_export(
    home: Path, stored: dict[str, Any], checklist: Checklist
) -> None:
    last = f"{LATEST_YEAR}-12-31"
    stored["step2"]["goals"][0]["deadline"] = last
    stored["notice"]["acknowledged_at"] = f"{LATEST_YEAR}-12-31T23:59:59-12:00"
    stored["step5"]["decision_date"] = "1900-01-01"
    stored["start"]["started_on"] = "1900-01-02"
    stored["start"]["reported_date"] = "1900-01-02"
    stored["step5"]["next_review"] = "1900-12-31"
    stored["step1"]["comms_contact"]["date"] = "1900-01-01"
    stored["step3"]["officer_dialogue"]["date"] = "1900-01-01"
    stored["step4"]["data_protection"]["dpo_date"] = "1900-01-01"
    # The review date lies ahead of the day the decision was written down.
    for item in stored["history"]:
        if item["what"] in ("decided", "started"):
            item["at"] = "1900-01-01T12:00:00+00:00"
    path = write(home, stored)
    loaded = drafts.load_file(path)
    assert loaded.set_aside_now == []
    document = open_docx(render(loaded.record, checklist, "docx", now=NOW))
    assert any(last in cell.text for t in document.tables for r in t.rows for cell in r.cells)
    assert cli("validate", str(path)).exit_code == ExitCode.OK
    assert cli("list").exit_code == ExitCode.OK


def test_prune_keeps_a_moment_with_a_time_zone(checklist: Checklist) -> None:
    moment = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)
    data = {
        "id": "tid1",
        "checklist_id": checklist.id,
        "checklist_version": checklist.version,
        "created_at": moment.isoformat(),
        "updated_at": moment.isoformat().replace("+00:00", "Z"),
        "notice": {"acknowledged": True, "acknowledged_at": moment.isoformat()},
    }
    record, found = prune(data, make_context(checklist), keep=drafts.IDENTITY)
    assert found == []
    assert record.updated_at == moment
