"""The overview never takes a record file's word for a derived fact (issue 20).

A record's stored `status` is only what its last save derived; a hand-edited one
(or an `outcome` that is no outcome) must not change what the overview shows,
counts, filters or puts on the city's list. The state is derived as `list` derives
it (drafts.record_from_data).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kontoguide.checklist.loading import load_checklist
from kontoguide.cli.overview_command import render
from kontoguide.overview.formats import city_list_rows, to_city_list
from kontoguide.overview.records import gather
from kontoguide.overview.report import build
from kontoguide.store import drafts
from overview_support import (
    TODAY,
    approved_not_started,
    entry,
    ready,
    report,
    saved,
    started,
    write,
)

STATES = ("draft", "ready", "decided", "started", "closed")
EXAMPLES = sorted(p.name for p in (Path(__file__).resolve().parents[1] / "examples").glob("*.json"))
ROBUST = bool(os.environ.get("KONTOGUIDE_ROBUST_EXAMPLES"))


def _forged_start(record_id: str = "forfalskad") -> dict[str, Any]:
    """Ready for a decision, never decided, but with a start and a stored "started"."""
    data = ready(record_id)
    data["start"] = {
        "started_on": "2026-12-01",
        "address": "https://example.org/forfalskad",
        "reported_to_list": True,
        "reported_date": "2026-12-02",
    }
    data["status"] = "started"
    return data


def test_a_forged_start_is_not_shown_as_started(tmp_path: Path) -> None:
    shown = entry(tmp_path, _forged_start())
    assert shown.summary.status == "ready"
    assert shown.state_label != "Startat"


def test_a_forged_start_never_reaches_the_citys_list(tmp_path: Path) -> None:
    made = report(tmp_path, _forged_start(), started())
    assert [row.id for row in city_list_rows(made)] == ["startat"]
    assert b"forfalskad" not in to_city_list(made)
    assert made.by_state["Startat"] == 1
    assert made.by_state["Klar för beslut"] == 1


def test_an_outcome_that_is_no_outcome_is_never_shown_as_the_state(tmp_path: Path) -> None:
    data = approved_not_started("ond")
    data["step5"]["outcome"] = "+evil"
    shown = entry(tmp_path, data)
    assert "evil" not in shown.state_label
    assert shown.summary.status == "ready"
    assert shown.summary.step5.outcome is None


def test_a_stored_state_further_back_is_not_trusted_either(tmp_path: Path) -> None:
    data = started()
    data["status"] = "draft"
    assert entry(tmp_path, data).summary.status == "started"


@settings(
    max_examples=200 if ROBUST else 25,
    derandomize=not ROBUST,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(example=st.sampled_from(EXAMPLES), stored=st.sampled_from(STATES))
def test_the_overview_state_is_the_one_list_derives(
    tmp_path_factory: Any, example: str, stored: str
) -> None:

    folder = tmp_path_factory.mktemp("delad")
    data = saved(example, "konto")
    data["status"] = stored
    path = write(folder, data)
    (shown,) = gather([folder]).entries
    listed = drafts.record_from_data(path, dict(data), load_checklist()).record
    assert shown.summary.status == listed.status


# --- a time in the future never wins -------------------------------------------------

REAL = "2026-12-01T10:00:00Z"
FORGED = "2099-01-01T00:00:00Z"


def _at(data: dict[str, Any], moment: str) -> dict[str, Any]:
    """`data` last changed at `moment`, its history too (not the clock of the test run)."""
    data["updated_at"] = moment
    data["history"] = [{"what": "started", "at": REAL}, {"what": "followed_up", "at": REAL}]
    return data


def _copies(tmp_path: Path) -> list[Path]:
    real = _at(started("samma"), REAL)
    real["account_name"] = "Riktiga"
    forged = _at(started("samma"), FORGED)
    forged["account_name"] = "Förfalskade"
    forged["step3"]["proposed_account_name"] = "Förfalskade – Stockholms stad"
    write(tmp_path / "a", real, "riktig.json")
    write(tmp_path / "b", forged, "framtid.json")
    return [tmp_path / "a", tmp_path / "b"]


def test_a_copy_changed_in_the_future_never_wins(tmp_path: Path) -> None:
    folders = _copies(tmp_path)
    for order in (folders, folders[::-1]):
        found = gather(order, today=TODAY)
        (only,) = found.entries
        assert found.duplicates == 1
        assert only.source.name == "riktig.json"
        assert [path.name for path in only.also_in] == ["framtid.json"]


def test_a_time_in_the_future_is_named_in_the_overview(tmp_path: Path) -> None:
    data = _at(started("framtid"), FORGED)
    made = build(gather([write(tmp_path, data).parent], today=TODAY), TODAY)
    (row,) = made.records
    assert row.attention[0].rule == "changed_in_future"
    assert "2099-01-01" in row.attention[0].text and TODAY.isoformat() in row.attention[0].text
    for fmt in ("csv", "md", "html", "json"):
        assert "2099-01-01" in render(made, fmt).decode("utf-8-sig")


def test_a_history_entry_in_the_future_is_named_too(tmp_path: Path) -> None:
    data = _at(started("historia"), REAL)
    data["history"] = [*data["history"], {"what": "followed_up", "at": FORGED}]
    (row,) = build(gather([write(tmp_path, data).parent], today=TODAY), TODAY).records
    assert [item.rule for item in row.attention][:1] == ["changed_in_future"]


def test_a_time_on_today_is_not_in_the_future(tmp_path: Path) -> None:
    data = _at(started("i-dag"), REAL)
    day = date(2026, 12, 1)
    (row,) = build(gather([write(tmp_path, data).parent], today=day), day).records
    assert "changed_in_future" not in [item.rule for item in row.attention]


def test_a_half_entered_closing_keeps_the_next_follow_up(tmp_path: Path) -> None:
    # A closing date typed in, the confirmations not yet: the account is still open.
    data = started("halvstangd")
    data["closing"] = {"closed_on": "2026-12-01"}
    shown = entry(tmp_path, data)
    assert shown.summary.status == "started"
    assert shown.summary.review_due() == date(2027, 2, 16)
    made = report(tmp_path, data, today=date(2027, 3, 1))
    (row,) = made.records
    assert row.next_follow_up == date(2027, 2, 16)
