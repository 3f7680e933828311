"""What resume says about a record before anything is asked: facts about the record
and the computer that the person should know (its checklist version, the clock, the
questions a later version added that are still to be answered at a review)."""

from __future__ import annotations

from datetime import date

from kontoguide.checklist.earlier import open_at_review
from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Checklist
from kontoguide.model.days import clock_behind, day_given
from kontoguide.model.errors import KontoguideError
from kontoguide.model.record import Record
from kontoguide.terminal import messages as m
from kontoguide.terminal.views import RichScreen


def resume_notes(screen: RichScreen, record: Record, judged_by: Checklist, today: date) -> None:
    if clock_behind(today, record.updated_at):
        changed = day_given(record.updated_at).isoformat()
        screen.note(m.I_CLOCK_BEHIND.format(today=today.isoformat(), changed=changed), "warning")
    try:
        current = load_checklist(judged_by.id)
    except KontoguideError:  # not installed here: loading the record said so already
        return
    if judged_by.version != current.version:
        screen.note(m.I_DECIDED_UNDER.format(used=judged_by.version, current=current.version))
    count = open_at_review(current, judged_by, record)
    if count:
        text = m.I_REVIEW_OPEN_ONE if count == 1 else m.I_REVIEW_OPEN_MANY
        screen.note(text.format(count=count, current=current.version))
