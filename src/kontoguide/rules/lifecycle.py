"""A record's life: draft → ready → decided → started → closed, derived, never set.

- `state`: the furthest state whose requirements the record meets in full. A
  record is `ready` (klar för beslut) when the basics and steps 1–4 and who
  decides are complete; `decided` when the decision is whole; `started` only
  after an approved decision, when the start is recorded; `closed` when the
  closing routine is confirmed.
- `settled`: the record with its derived state in `status` and, when the state
  changed or a follow-up was added, a new entry in its history. Called before
  every save, so the stored status is always the derived one.
- `ready_on`: the day the record first became ready (a decision cannot be
  older), and `review_due`: when the next review or follow-up is due.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from kontoguide.checklist.parts import Checklist, stage_rank
from kontoguide.model.account_life import State, Transition
from kontoguide.model.days import day_given
from kontoguide.model.record import Record
from kontoguide.model.steps import APPROVED
from kontoguide.rules import messages as m
from kontoguide.rules.completeness import first_open_stage, held_back_at, problems
from kontoguide.rules.field_problems import Problem


def ready_on(record: Record) -> date | None:
    """The local day the record first became ready for a decision, if that was seen.

    A record that arrived already decided (an answers file with the decision in
    it) was never seen ready: its history starts at the decision, and there is no
    day to hold the decision date against.
    """
    return first_ready_day(record.history)


def first_ready_day(history: Iterable[Transition]) -> date | None:
    """`ready_on` of a record with this history."""
    for entry in history:
        if entry.what == "ready":
            return day_given(entry.at)
        if entry.what in ("decided", "started", "closed"):
            return None
    return None


def open_problems(
    record: Record, checklist: Checklist, stage: str | None = None, *, today: date | None = None
) -> list[Problem]:
    """What stands between the record and being whole at `stage` (default: the stage
    it has reached), with the decision checked against the day it became ready."""
    return problems(record, checklist, today=today, upto=stage, ready_on=ready_on(record))


def state(
    record: Record, checklist: Checklist, *, today: date | None = None, checked: bool = False
) -> State:
    """The furthest state the record's answers support in full. An answer set aside
    to be asked again holds the record back at its stage, as a missing one does.

    `checked`: the record has passed the complete check on `today` (see
    completeness.whole_record), so only its required answers are left to look at.
    """

    # One complete check for every stage (completeness.first_open_stage), not one per stage.
    first_open = min(
        first_open_stage(
            record, checklist, today=today, ready_on=ready_on(record), checked=checked
        ),
        held_back_at(record, checklist),
    )

    def whole(stage: str) -> bool:
        return stage_rank(stage) < first_open

    decision = record.step5
    if not whole("ready"):
        return "draft"
    if decision.outcome is None or not whole("decided"):
        return "ready"
    if decision.outcome != APPROVED or record.start.started_on is None or not whole("started"):
        return "decided"
    if record.closing.closed_on is None or not whole("closed"):
        return "started"
    return "closed"


def settled(
    record: Record, checklist: Checklist, *, moment: datetime, today: date | None = None
) -> Record:
    """`record` with its derived status, and its history extended by what changed."""
    derived = state(record, checklist, today=today)
    history = list(record.history)
    last_state = next((e.what for e in reversed(history) if e.what != "followed_up"), None)
    if derived != last_state:
        history.append(Transition(what=derived, at=moment))
    recorded = sum(1 for entry in history if entry.what == "followed_up")
    for _ in range(recorded, len(record.follow_ups or [])):
        history.append(Transition(what="followed_up", at=moment))
    if derived == record.status and history == record.history:
        return record
    return record.model_copy(update={"status": derived, "history": history})


def review_due(record: Record) -> date | None:
    """When the account is next to be reviewed: the last follow-up's date for it, else
    the decision's; None before an approved decision and after closing. Closed is the
    derived state: a closing date without its confirmations closes nothing, and its
    account's next follow-up must not vanish."""
    if record.step5.outcome != APPROVED or record.status == "closed":
        return None
    for follow_up in reversed(record.follow_ups or []):
        return follow_up.next_review
    return record.step5.next_review


def state_label(record: Record, checklist: Checklist) -> str:
    """The record's state in Swedish; a decision says its outcome (Godkänt, ...)."""
    if record.status == "decided" and record.step5.outcome is not None:
        return checklist.choice_label("outcomes", record.step5.outcome)
    return m.STATE_LABELS[record.status]
