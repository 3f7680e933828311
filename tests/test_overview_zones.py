"""The overview's days do not depend on the reader's time zone (issue 20).

A day the overview judges (since when a record waits for a decision, the day a note
is about, the day shown as "changed") is the day where the record was changed
(model.days.day_given), as the answers are judged. Whether a change lies in the
future is a question about a moment, asked in the zone of the reader's own date: a
record changed at UTC+14 is not in the future for a reader at UTC-8.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kontoguide.cli.overview_command import render
from kontoguide.overview.attention import DECISION_DAYS, attention
from overview_support import entry, report, saved

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="time.tzset is POSIX only")
READERS = ("America/Los_Angeles", "UTC", "Europe/Stockholm", "Pacific/Kiritimati")
# Its writer's day is 2026-12-08; it is 2026-12-07 in UTC and at UTC-8.
EAST = "2026-12-08T00:30:00+14:00"
WRITERS_DAY = date(2026, 12, 8)


def _ready_without_history() -> dict[str, Any]:
    """Ready for a decision, last changed at UTC+14, with no history to say since when
    (an older or hand-made file): the overview counts from its last change."""
    data = saved("klar-for-beslut.json", "ostlig")
    data["updated_at"] = data["created_at"] = EAST
    data["history"] = []
    return data


@POSIX_ONLY
@pytest.mark.parametrize("reader", READERS)
def test_the_wait_for_a_decision_counts_from_the_writers_day(
    tmp_path: Path, zone: Any, reader: str
) -> None:
    zone(reader)
    last_quiet = WRITERS_DAY + timedelta(days=DECISION_DAYS)
    shown = entry(tmp_path, _ready_without_history())
    assert shown.summary.status == "ready"
    assert [item.rule for item in attention(shown, last_quiet)] == []
    (waiting,) = attention(shown, last_quiet + timedelta(days=1))
    assert waiting.rule == "waiting_for_decision"
    assert waiting.day == WRITERS_DAY
    assert WRITERS_DAY.isoformat() in waiting.text


@POSIX_ONLY
@pytest.mark.parametrize("reader", READERS)
def test_the_changed_column_is_the_writers_day(tmp_path: Path, zone: Any, reader: str) -> None:
    zone(reader)
    made = report(tmp_path, _ready_without_history(), today=date(2027, 1, 10))
    text = render(made, "csv").decode("utf-8-sig")
    assert f";{WRITERS_DAY.isoformat()};" in text
    assert ";2026-12-07;" not in text


@POSIX_ONLY
def test_a_change_at_utc_plus_14_is_not_in_the_future_at_utc_minus_8(
    tmp_path: Path, zone: Any
) -> None:
    zone("America/Los_Angeles")
    # The reader's own date at the moment the record was changed.
    readers_day = date(2026, 12, 7)
    shown = entry(tmp_path, _ready_without_history())
    assert not shown.summary.changed_after(readers_day)
    assert "changed_in_future" not in [item.rule for item in attention(shown, readers_day)]
    # At UTC+14 the same change is on 2026-12-08: after a reader's 2026-12-07 there.
    zone("Pacific/Kiritimati")
    assert shown.summary.changed_after(date(2026, 12, 7))
    assert not shown.summary.changed_after(WRITERS_DAY)


@POSIX_ONLY
@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    # Not UTC itself: a time stored in UTC is read in the local zone (model.days).
    minutes=st.integers(min_value=-12 * 60, max_value=14 * 60).filter(bool),
    hour=st.integers(min_value=0, max_value=23),
    reader=st.sampled_from(READERS),
)
def test_no_writers_zone_puts_a_real_change_in_the_future(
    tmp_path_factory: pytest.TempPathFactory, zone: Any, minutes: int, hour: int, reader: str
) -> None:
    zone(reader)
    writer = timezone(timedelta(minutes=minutes))
    moment = datetime(2026, 12, 8, hour, 0, tzinfo=writer)
    data = _ready_without_history()
    data["updated_at"] = data["created_at"] = moment.isoformat()
    shown = entry(tmp_path_factory.mktemp("zon"), data)
    # The reader's own date at the moment of the change, and every day after it.
    readers_day = moment.astimezone().date()
    for today in (readers_day, readers_day + timedelta(days=1)):
        rules = [item.rule for item in attention(shown, today)]
        assert "changed_in_future" not in rules
    # The wait is counted from the writer's day, whatever the reader's zone.
    since = WRITERS_DAY + timedelta(days=DECISION_DAYS + 1)
    (waiting,) = attention(shown, since)
    assert waiting.day == WRITERS_DAY
