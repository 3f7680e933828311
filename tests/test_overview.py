"""The overview: gathering records once each, the attention rules, filters and exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_support import run_kontoguide
from kontoguide.checklist.loading import load_checklist
from kontoguide.model.errors import ExitCode
from kontoguide.model.record import SCHEMA_VERSION
from kontoguide.overview.attention import Attention, attention
from kontoguide.overview.records import gather
from kontoguide.overview.report import Filters, build
from kontoguide.rules import lifecycle
from kontoguide.store import drafts
from overview_support import (
    EXAMPLES,
    TODAY,
    approved_not_started,
    entry,
    ready,
    report,
    saved,
    started,
    write,
)

ROOT = Path(__file__).resolve().parents[1]


def judged(tmp_path: Path, data: dict[str, Any], today: date) -> list[Attention]:
    # The example records are saved when the test runs, and some rules are judged on an
    # earlier day here; the note on a change after that day is tested in
    # test_overview_trust.py, so it is left out of these.
    found = attention(entry(tmp_path, data), today)
    return [item for item in found if item.rule != "changed_in_future"]


def rules(tmp_path: Path, data: dict[str, Any], today: date) -> list[str]:
    return [item.rule for item in judged(tmp_path, data, today)]


# --- each attention rule, with a record that meets it and one that does not -----


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2027, 2, 17), ["follow_up_overdue"]), (date(2027, 2, 16), ["follow_up_soon"])],
)
def test_a_follow_up_is_overdue_the_day_after_it_was_due(
    tmp_path: Path, today: date, expected: list[str]
) -> None:
    assert rules(tmp_path, started(), today) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2027, 1, 17), ["follow_up_soon"]), (date(2027, 1, 16), [])],
)
def test_a_follow_up_is_due_soon_within_30_days(
    tmp_path: Path, today: date, expected: list[str]
) -> None:
    assert rules(tmp_path, started(), today) == expected


def test_the_soon_sentence_says_when_in_plain_swedish(tmp_path: Path) -> None:
    (item,) = attention(entry(tmp_path, started()), date(2027, 2, 15))
    assert item.text == "Uppföljningen ska göras senast 2027-02-16, om 1 dag."


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2026, 12, 21), ["approved_not_started"]), (date(2026, 12, 20), [])],
)
def test_approved_but_not_started_after_30_days(
    tmp_path: Path, today: date, expected: list[str]
) -> None:
    found = rules(tmp_path, approved_not_started(decided="2026-11-20"), today)
    assert [rule for rule in found if rule != "follow_up_soon"] == expected


@pytest.mark.parametrize(("reported", "expected"), [(False, ["not_on_city_list"]), (True, [])])
def test_started_but_not_reported_to_the_citys_list(
    tmp_path: Path, reported: bool, expected: list[str]
) -> None:
    data = started()
    data["start"]["reported_to_list"] = reported
    data["start"]["reported_date"] = None if not reported else data["start"]["reported_date"]
    assert rules(tmp_path, data, TODAY) == expected


def test_a_closed_account_is_not_asked_to_be_reported(tmp_path: Path) -> None:
    data = started()
    data["start"]["reported_to_list"] = False
    data["closing"] = {"closed_on": "2026-12-01", "archived": True, "comms_told": True}
    data["status"] = "closed"
    assert rules(tmp_path, data, TODAY) == []


@pytest.mark.parametrize(
    ("deadline", "expected"),
    # Goal 2 was measured on 2026-11-10 in the follow-up.
    [("2026-11-15", ["goal_unmeasured"]), ("2026-11-05", [])],
)
def test_a_goal_past_its_deadline_needs_a_value_measured_since(
    tmp_path: Path, deadline: str, expected: list[str]
) -> None:
    data = started()
    data["step2"]["goals"][1]["deadline"] = deadline
    assert rules(tmp_path, data, date(2026, 12, 1)) == expected


def test_the_goal_sentence_names_the_goal(tmp_path: Path) -> None:
    data = started()
    data["step2"]["goals"][1]["deadline"] = "2026-11-15"
    (item,) = judged(tmp_path, data, date(2026, 12, 1))
    assert item.text == (
        "Mål 2 (”Kontot når målgruppen”) skulle vara nått 2026-11-15, men inget värde är "
        "uppmätt sedan dess."
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2026, 11, 1), ["waiting_for_decision"]), (date(2026, 10, 31), [])],
)
def test_waiting_for_a_decision_more_than_60_days(
    tmp_path: Path, today: date, expected: list[str]
) -> None:
    data = ready(since="2026-09-01T10:00:00+00:00")
    assert rules(tmp_path, data, today) == expected


def test_a_postponed_decision_is_still_waiting(tmp_path: Path) -> None:
    data = saved("avslaget.json", "uppskjutet")
    data["step5"]["outcome"] = "uppskjutet"
    decided = date.fromisoformat(data["step5"]["decision_date"])
    assert rules(tmp_path, data, date.fromordinal(decided.toordinal() + 61)) == [
        "waiting_for_decision"
    ]
    assert rules(tmp_path, data, date.fromordinal(decided.toordinal() + 60)) == []


@pytest.mark.parametrize(("version", "expected"), [("2025.1", ["older_checklist"]), (None, [])])
def test_a_record_made_with_an_older_checklist_version(
    tmp_path: Path, version: str | None, expected: list[str]
) -> None:
    data = saved("avslaget.json", "aldre")
    if version is not None:
        data["checklist_version"] = version
    assert rules(tmp_path, data, TODAY) == expected


def test_the_most_urgent_record_comes_first(tmp_path: Path) -> None:
    on_time = started("i-tid")
    late = started("sen")
    late["follow_ups"][0]["next_review"] = "2027-01-02"
    old = saved("avslaget.json", "gammal")
    old["checklist_version"] = "2025.1"
    found = report(tmp_path, on_time, old, late)
    # Overdue first, then the older checklist; a record that needs nothing comes last.
    assert [row.id for row in found.records] == ["sen", "gammal", "i-tid"]


# --- the overview's state and due date agree with the full record model ------------


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_the_summary_agrees_with_the_full_record(tmp_path: Path, example: str) -> None:
    data = saved(example)
    path = write(tmp_path, data)
    full = drafts.record_from_data(path, json.loads(path.read_text(encoding="utf-8")))
    summary = entry(tmp_path / "x", data).summary
    assert summary.status == full.record.status
    assert summary.review_due() == lifecycle.review_due(full.record)
    assert summary.ready_on() == lifecycle.ready_on(full.record)


def test_an_older_format_is_migrated_when_read(tmp_path: Path) -> None:
    path = tmp_path / "gammal" / "format1.json"
    path.parent.mkdir()
    path.write_bytes((ROOT / "tests" / "data" / "format1-complete.json").read_bytes())
    found = gather([path.parent])
    assert not found.unreadable
    (only,) = found.entries
    # Format 1's "complete" is migrated to "ready", then the state is derived as
    # `list` derives it: the decision in the file is whole, so it is decided.
    assert only.summary.status == drafts.load_file(path).record.status == "decided"


# --- the same record twice, and files that cannot be read ---------------------------


def test_the_same_record_twice_counts_once_and_the_newest_wins(tmp_path: Path) -> None:
    older = started("samma")
    newer = started("samma")
    newer["updated_at"] = "2030-01-01T00:00:00Z"
    newer["account_name"] = "Nyaste"
    first = write(tmp_path / "a", older, "export-1.json")
    second = write(tmp_path / "b" / "under", newer, "export-2.json")
    for order in ([tmp_path / "a", tmp_path / "b"], [tmp_path / "b", tmp_path / "a"]):
        found = gather(order, today=date(2030, 1, 1))
        (only,) = found.entries
        assert found.duplicates == 1
        assert only.summary.account_name == "Nyaste"
        assert only.source == second
        assert only.also_in == (first,)


def test_unreadable_files_are_listed_and_never_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started("bra"))
    (folder / "trasig.json").write_text("{ inte json", encoding="utf-8")
    newer = started("nyare")
    newer["schema_version"] = SCHEMA_VERSION + 1
    write(folder, newer)
    write(folder, json.loads((EXAMPLES / "komplett.json").read_text(encoding="utf-8")), "svar.json")
    (folder / "lista.json").write_text("[1, 2]", encoding="utf-8")
    found = gather([folder])
    assert [e.summary.id for e in found.entries] == ["bra"]
    reasons = {item.path.name: item.reason for item in found.unreadable}
    assert set(reasons) == {"trasig.json", "nyare.json", "svar.json", "lista.json"}
    assert "inte en sparad checklista" in reasons["svar.json"]
    assert (
        "nyare version" in reasons["nyare.json"] or str(SCHEMA_VERSION + 1) in reasons["nyare.json"]
    )


def test_exit_codes_all_read_some_unreadable_usage_error(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started("bra"))
    done = run_kontoguide("overview", str(folder), home=home)
    assert done.returncode == ExitCode.OK, done.stderr
    assert "Stadsbiblioteket" in done.stdout
    (folder / "trasig.json").write_text("{", encoding="utf-8")
    done = run_kontoguide("overview", str(folder), home=home)
    assert done.returncode == ExitCode.INVALID_DATA
    assert "Stadsbiblioteket" in done.stdout
    assert "trasig.json" in done.stderr.splitlines()[-1]
    done = run_kontoguide("overview", str(tmp_path / "finns-inte"), home=home)
    assert done.returncode == ExitCode.USAGE
    assert "finns inte" in done.stderr
    done = run_kontoguide("overview", str(folder), "--due-within", "-1", home=home)
    assert done.returncode == ExitCode.USAGE


def test_the_drafts_folder_is_read_when_no_path_is_given(home: Path) -> None:
    write(home / "records", started("abc23456"))
    done = run_kontoguide("overview", home=home, env={"COLUMNS": "200"})
    assert done.returncode == ExitCode.OK, done.stderr
    assert "utkast abc23456.json" in done.stdout
    assert "Traceback" not in done.stderr


# --- filters -------------------------------------------------------------------------


def _records() -> list[dict[str, Any]]:
    late = started("sen")
    late["follow_ups"][0]["next_review"] = "2027-01-02"
    other = saved("avslaget.json", "annan")
    other["organisation"]["name"] = "Idrottsförvaltningen"
    other["organisation"]["unit"] = "Simhallar"
    # The account name must fit the organisation (else the record is a draft again).
    other["step3"]["proposed_account_name"] = "Simhallar – Stockholms stad"
    return [late, started("i-tid"), ready("klar"), other]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(org="idrott"), ["annan"]),
        (Filters(org="SIMHALL"), ["annan"]),
        (Filters(states=frozenset({"started"})), ["sen", "i-tid"]),
        (Filters(due_within=10), ["sen"]),
        (Filters(due_within=40), ["sen", "i-tid"]),
        (Filters(attention_only=True), ["sen", "klar"]),
    ],
)
def test_filters(tmp_path: Path, filters: Filters, expected: list[str]) -> None:
    found = report(tmp_path, *_records(), filters=filters, today=TODAY)
    assert [row.id for row in found.records] == expected


def test_state_filter_takes_swedish_words_on_the_command_line(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "delad"
    for data in _records():
        write(folder, data)
    done = run_kontoguide("overview", str(folder), "--state", "klar", "--format", "json", home=home)
    assert done.returncode == ExitCode.OK, done.stderr
    assert [row["id"] for row in json.loads(done.stdout)["records"]] == ["klar"]
    done = run_kontoguide("overview", str(folder), "--state", "nästan", home=home)
    assert done.returncode == ExitCode.USAGE
    assert "utkast, klar, beslutat, startat, avslutat" in done.stderr


def test_counts_per_state_and_platform(tmp_path: Path) -> None:
    found = build(_gathered(tmp_path), TODAY)
    assert found.by_state == {
        "Utkast": 0,
        "Klar för beslut": 1,
        "Beslutat": 1,
        "Startat": 2,
        "Avslutat": 0,
    }
    assert found.by_platform == {"Instagram": 4}


def _gathered(tmp_path: Path) -> Any:
    folder = tmp_path / "delad"
    for data in _records():
        write(folder, data)
    return gather([folder])


def test_the_checklist_is_loaded_once_per_id(tmp_path: Path) -> None:
    found = _gathered(tmp_path)
    assert len({id(item.checklist) for item in found.entries}) == 1
    assert found.entries[0].checklist.version == load_checklist().version


@pytest.mark.parametrize("width", [80, 200])
def test_the_terminal_table_fits_and_keeps_words_whole(tmp_path: Path, width: int) -> None:
    import io

    from rich.console import Console

    from kontoguide.terminal.overview_view import overview_screen

    late = started("sen")
    late["follow_ups"][0]["next_review"] = "2027-01-02"
    other = ready("klar")
    other["organisation"]["name"] = "Socialförvaltningen"
    found = report(tmp_path, late, other)
    console = Console(file=io.StringIO(), width=width, no_color=True)
    console.print(overview_screen(found, width=width, drafts_folder=None))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert any("Klar för beslut" in line for line in lines)
    assert any("Socialförvaltningen" in line for line in lines)
    assert text.count("sen.json") == 1 and text.count("klar.json") == 1
    assert lines[0] == "2 konton, varav 2 behöver uppmärksamhet (2027-01-10)."
