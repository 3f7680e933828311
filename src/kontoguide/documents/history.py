"""The record's history as the document shows it: each event on the day it happened.

The record's own history (record.history) says when each state was entered in
kontoguide: a decision taken in April and typed in in May is "Beslutat" in May
there. A registrar reads the history for the day each thing happened, so each row
is an event of the account with its day from the record's answers (the decision
date, the start, each follow-up, the closing) and, beside it, when it was entered.
A record read in from an answers file began in kontoguide at that moment: the
events the file brought say they were read in then, and no steps between are
invented (no draft, no "ready for decision" that kontoguide never saw).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kontoguide.checklist.parts import Checklist
from kontoguide.documents import messages as m
from kontoguide.documents.values import format_moment, local_time
from kontoguide.documents.view import Cell, TableAnswer
from kontoguide.model.account_life import Transition
from kontoguide.model.record import Record

_LIFE = ("draft", "ready", "decided", "started", "closed")


@dataclass(frozen=True)
class _Event:
    label: str
    day: date
    entered: str


def _entries(record: Record) -> tuple[dict[str, datetime], list[datetime]]:
    """When each state was last entered, and when each follow-up was added."""
    states: dict[str, datetime] = {}
    follow_ups: list[datetime] = []
    for entry in record.history:
        if entry.what == "followed_up":
            follow_ups.append(entry.at)
        else:
            states[entry.what] = entry.at
    return states, follow_ups


def _import(history: list[Transition]) -> Transition | None:
    """The first entry, if the record began past a draft: read in from a file."""
    first = history[0] if history else None
    return first if first is not None and first.what != "draft" else None


def _events(record: Record, checklist: Checklist) -> list[_Event]:
    states, follow_ups = _entries(record)
    imported = _import(list(record.history))
    # The states the file brought with it: reached when it was read in.
    read_in = _LIFE.index(imported.what) if imported is not None else -1

    def entered(moment: datetime | None, state: str = "") -> str:
        if imported is not None and (
            moment == imported.at
            or (moment is None and state and _LIFE.index(state) <= read_in)  # jumped over
        ):
            return m.DOC_HISTORY_READ_IN.format(moment=format_moment(imported.at))
        return m.DOC_NONE if moment is None else format_moment(moment)

    reached = _LIFE.index(record.status)
    events: list[_Event] = []
    for state, label in (("draft", m.DOC_HISTORY_DRAFT), ("ready", m.DOC_HISTORY_READY)):
        moment = states.get(state)
        if moment is not None and (imported is None or moment != imported.at):
            events.append(_Event(label, local_time(moment).date(), format_moment(moment)))
    decision, start, closing = record.step5, record.start, record.closing
    outcome = decision.outcome
    if reached >= _LIFE.index("decided") and outcome and decision.decision_date:
        label = m.DOC_HISTORY_DECISION.format(outcome=checklist.choice_label("outcomes", outcome))
        moment = states.get("decided")
        events.append(_Event(label, decision.decision_date, entered(moment, "decided")))
    if reached >= _LIFE.index("started") and start.started_on is not None:
        moment = states.get("started")
        events.append(_Event(m.DOC_HISTORY_STARTED, start.started_on, entered(moment, "started")))
    for number, follow_up in enumerate(record.follow_ups or [], start=1):
        moment = follow_ups[number - 1] if number <= len(follow_ups) else None
        label = m.DOC_HISTORY_FOLLOW_UP.format(number=number)
        events.append(_Event(label, follow_up.held_on, entered(moment)))
    # A closing half entered is no closing: the document says the account is open.
    if reached >= _LIFE.index("closed") and closing.closed_on is not None:
        moment = states.get("closed")
        events.append(_Event(m.DOC_HISTORY_CLOSED, closing.closed_on, entered(moment, "closed")))
    # In time order; events of one day keep the order of the account's life.
    return sorted(events, key=lambda event: event.day)


def history_table(record: Record, checklist: Checklist) -> TableAnswer | None:
    """The history table, or None for a record with nothing in it yet."""
    events = _events(record, checklist)
    if not events:
        return None
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        ((event.label,), (event.day.isoformat(),), (event.entered,)) for event in events
    )
    return TableAnswer(m.DOC_HISTORY_COLUMNS, rows, tuple(() for _ in rows))
