"""The records table of `list` and the resume chooser: the state in Swedish, 80 columns."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.rules.lifecycle import settled
from kontoguide.store.drafts import Loaded, new_record, prefilled
from kontoguide.terminal.views import drafts_table, notice_panel, state_text
from scenario import whole_closing

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2027, 3, 1)


def loaded(checklist: Checklist, name: str, **changes: Any) -> Loaded:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    for part, values in changes.items():
        if values is None:
            data.pop(part, None)
        else:
            data.setdefault(part, {}).update(values)
    record, invalid = prefilled(data, checklist, name.split(".")[0][:8].replace("-", "x"))
    assert invalid == []
    moment = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    record = settled(record, checklist, moment=moment, today=date(2026, 11, 28))
    # The last change at 09:00 on the machine's own clock, whatever today and the zone.
    changed = datetime(2026, 11, 28, 9, 0).astimezone()
    return Loaded(
        record.model_copy(
            update={
                "account_name": "Barn och unga på Instagram, Stadsbiblioteket i Söderort",
                "updated_at": changed,
            }
        ),
        checklist,
    )


def draft(checklist: Checklist) -> Loaded:
    return Loaded(new_record(checklist, "utkast12"), checklist)


CLOSING = whole_closing("2026-11-27")


@pytest.mark.parametrize(
    ("name", "changes", "label"),
    [
        ("klar-for-beslut.json", {}, "Klar för beslut"),
        ("avslaget.json", {}, "Avslaget"),
        ("avslaget.json", {"step5": {"outcome": "uppskjutet"}}, "Uppskjutet"),
        ("komplett.json", {"start": None}, "Godkänt"),
        ("startat-med-uppfoljning.json", {}, "Startat"),
        ("startat-med-uppfoljning.json", {"closing": CLOSING}, "Avslutat"),
    ],
)
def test_the_state_is_shown_in_swedish(
    checklist: Checklist, name: str, changes: dict[str, Any], label: str
) -> None:
    item = loaded(checklist, name, **changes)
    assert state_text(item, today=date(2026, 11, 28)) == label


def test_a_draft_says_how_far_it_has_come(checklist: Checklist) -> None:
    assert state_text(draft(checklist)) == "Utkast · " + m.STATE_DRAFT_STEPS.format(done=0, steps=5)


def test_an_overdue_follow_up_is_marked_and_fits_80_columns(checklist: Checklist) -> None:
    items = [
        loaded(checklist, "startat-med-uppfoljning.json"),
        loaded(checklist, "klar-for-beslut.json"),
        draft(checklist),
    ]
    # The example's follow-up set the next one for 2027-02-16: overdue on 2027-03-01.
    assert state_text(items[0], today=TODAY) == "Startat · " + m.STATE_FOLLOW_UP_OVERDUE.format(
        due="2027-02-16"
    )
    assert state_text(items[0], today=date(2027, 2, 16)) == "Startat"
    console = Console(file=io.StringIO(), width=80, no_color=True)
    console.print(drafts_table(items, status=True, width=80, today=TODAY))
    file = console.file
    assert isinstance(file, io.StringIO)
    text = file.getvalue()
    assert max(len(line) for line in text.splitlines()) <= 80
    # The overdue follow-up wraps under the state, in its own column.
    lines = text.splitlines()
    at = next(line for line in lines if "Status" in line).index("Status")
    rule = next(n for n, line in enumerate(lines) if line.startswith("─"))
    status = [line[at : at + 17].strip() for line in lines[rule + 1 :]]
    assert status[0:4] == ["Startat ·", "uppföljning", "försenad sedan", "2027-02-16"]
    assert "Klar för beslut" in status  # on one line
    assert "Utkast · 0 av 5" in status
    # Every heading whole ("Senast ändrad" may take two lines).
    for column in ("Id", "Konto", "Organisation", "Status", "Senast", "ändrad"):
        assert column in text
    # The time of the last change, whole: the date, the time under it.
    assert re.search(r"2026-11-28\s*\n.*\d\d:\d\d", text)


def test_a_wide_terminal_shows_each_state_on_one_line(checklist: Checklist) -> None:
    items = [loaded(checklist, "startat-med-uppfoljning.json"), draft(checklist)]
    console = Console(file=io.StringIO(), width=160, no_color=True)
    console.print(drafts_table(items, status=True, width=160, today=TODAY))
    file = console.file
    assert isinstance(file, io.StringIO)
    text = file.getvalue()
    assert "Startat · uppföljning försenad sedan 2027-02-16" in text
    assert "Utkast · 0 av 5 steg klara" in text


def test_an_approved_decision_not_started_is_overdue_after_its_review_date(
    checklist: Checklist,
) -> None:
    item = loaded(checklist, "komplett.json", start=None)
    due = item.record.step5.next_review
    assert due is not None
    late = due + timedelta(days=1)
    assert state_text(item, today=late).endswith(
        m.STATE_FOLLOW_UP_OVERDUE.format(due=due.isoformat())
    )


def test_the_notice_on_screen_says_which_words_are_ours(checklist: Checklist) -> None:
    """The city's notice and kontoguide's explanation are told apart in words, not
    only by a dim colour that NO_COLOR and screen readers lose."""
    console = Console(width=80, no_color=True, record=True, file=io.StringIO())
    console.print(notice_panel(checklist.notice))
    text = " ".join(console.export_text().replace("│", " ").split())
    city = " ".join(checklist.notice.text.split())
    assert city in text
    assert checklist.notice.note is not None
    ours = text.index(m.NOTICE_NOTE_HEADING)
    assert text.index(city) < ours < text.index(" ".join(checklist.notice.note.split())[:40])
