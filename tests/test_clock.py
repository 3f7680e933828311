"""The computer's clock and time zone do not undo answers that held when they were given."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kontoguide.checklist.loading import load_checklist
from kontoguide.model.days import checking_day, clock_behind, day_given
from kontoguide.questionnaire.flow import Flow
from kontoguide.store import drafts
from kontoguide.store.storage import now
from overview_support import saved
from scenario import Saves

STANDARD = load_checklist()
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="time.tzset is POSIX only")


def started_at_kiritimati() -> dict[str, Any]:
    """A record started on its writer's day 2026-12-08 at UTC+14 (2026-12-07 in UTC)."""
    data = saved("komplett.json", "kiritimati")
    data["start"]["started_on"] = data["start"]["reported_date"] = "2026-12-08"
    data["updated_at"] = "2026-12-08T00:30:00+14:00"
    return data


def loaded(tmp_path: Path, data: dict[str, Any]) -> drafts.Loaded:
    path = tmp_path / f"{data['id']}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return drafts.record_from_data(path, json.loads(path.read_text(encoding="utf-8")))


@POSIX_ONLY
@pytest.mark.parametrize("reader", ["America/Los_Angeles", "UTC", "Pacific/Kiritimati"])
def test_the_state_does_not_depend_on_the_readers_time_zone(
    tmp_path: Path, zone: Any, reader: str
) -> None:
    zone(reader)
    found = loaded(tmp_path, started_at_kiritimati())
    assert found.set_aside_now == []
    assert found.record.status == "started"


def test_a_day_is_the_day_where_the_moment_was_given() -> None:
    east = datetime(2026, 12, 8, 0, 30, tzinfo=timezone(timedelta(hours=14)))
    west = datetime(2026, 12, 7, 2, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert east == west  # the same moment, on each writer's own day
    assert (day_given(east), day_given(west)) == (date(2026, 12, 8), date(2026, 12, 7))


@POSIX_ONLY
def test_a_time_stored_in_utc_is_read_in_the_local_zone_as_before(zone: Any) -> None:
    zone("Europe/Stockholm")
    # Stored in UTC by an earlier kontoguide, just after midnight in Stockholm.
    assert day_given(datetime(2026, 12, 6, 23, 30, tzinfo=UTC)) == date(2026, 12, 7)


@POSIX_ONLY
def test_a_new_time_keeps_the_offset_of_the_computer(zone: Any) -> None:
    zone("Pacific/Kiritimati")
    assert now().utcoffset() == timedelta(hours=14)


def test_a_clock_running_behind_sets_nothing_aside(tmp_path: Path) -> None:
    record = loaded(tmp_path, saved("startat-med-uppfoljning.json")).record
    assert record.status == "started"
    behind = date(2025, 1, 1)
    saves = Saves()
    flow = Flow(STANDARD, record, save=saves, stage="started", today=behind)
    flow.apply("start.address", "@nyttnamn")
    assert saves.last.set_aside == {}
    assert saves.last.status == "started"
    # Its day never moves back, so the next load judges its answers on the same day.
    assert saves.last.updated_at >= record.updated_at
    again = loaded(tmp_path, json.loads(saves.last.model_dump_json()))
    assert (again.record.status, again.set_aside_now) == ("started", [])


def test_the_checking_day_is_never_before_the_last_change() -> None:
    changed = datetime(2026, 12, 7, 12, tzinfo=UTC)
    assert checking_day(date(2025, 1, 1), changed) == date(2026, 12, 7)
    assert checking_day(date(2027, 1, 1), changed) == date(2027, 1, 1)
    assert clock_behind(date(2025, 1, 1), changed)
    assert not clock_behind(date(2026, 12, 7), changed)


class _ClockBehind(date):
    @classmethod
    def today(cls) -> _ClockBehind:
        return cls(2025, 1, 1)


def test_resume_says_when_the_computers_date_is_before_the_last_change(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from kontoguide.store.storage import Store
    from kontoguide.terminal import interactive
    from kontoguide.terminal import messages as tm
    from kontoguide.terminal.views import RichScreen
    from scenario import INTERRUPT, ScriptedAsker

    store = Store()
    record = drafts.new_record(STANDARD, store.allocate_id())
    store.save(record)
    monkeypatch.setattr(interactive, "date", _ClockBehind)
    out = io.StringIO()
    screen = RichScreen(Console(file=out, width=200, no_color=True))
    asker = ScriptedAsker({STANDARD.notice.confirm: [INTERRUPT]})
    assert interactive.resume(store, record.id, asker=asker, screen=screen) == 130
    changed = day_given(record.updated_at).isoformat()
    expected = tm.I_CLOCK_BEHIND.format(today="2025-01-01", changed=changed)
    assert " ".join(expected.split()) in " ".join(out.getvalue().split())
