"""The order of a record's dates: the story of one account, told in a possible order.

1. The groundwork comes on or before the decision: the dialogue with the
   communication function (step 1) and with the communications officer (step 3),
   the DPO consultation (step 4). The notice's acknowledgement is not among them:
   kontoguide stamps it when the notice is shown, so it cannot be typed wrong, and
   a later one is a true later fact (confirmed again on resume after an old
   acknowledgement was set aside, or given when a decided record is imported);
   refusing it would undo a decision taken. Nor is a date given at a review (a
   question a later checklist version added, answered after a follow-up): it
   tells of something done after the decision, so it lies on or after the
   decision and on or before the day of the follow-up it was given at (else a
   hand-edited record could list any late groundwork date as reviewed).
2. The start (and its report to the city's list) on or after the decision day:
   an account may be opened the day it is approved.
3. Every follow-up on or after the start.
4. The closing on or after the start and on or after every follow-up (the last
   follow-up may be the one that concludes to close, held that same day).

Each rule is checked by the record (record.Answers) and reported at the later
date, naming both; here are the dates each rule compares.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kontoguide.model import messages as m

# Each groundwork date: where the record holds it, and its Swedish name.
_GROUNDWORK = (
    (("step1", "comms_contact", "date"), m.V_EARLIER_COMMS),
    (("step3", "officer_dialogue", "date"), m.V_EARLIER_OFFICER),
    (("step4", "data_protection", "dpo_date"), m.V_EARLIER_DPO),
)


def groundwork_dates(
    data: dict[str, Any], reviewed: frozenset[str] = frozenset()
) -> list[tuple[str, date]]:
    """The dates that must lie on or before the decision, each with its Swedish name,
    in the order of the checklist; `data` is the record's fields checked so far.

    A date given at a review (`reviewed`: answers a later checklist version asked
    after the decision) tells of something done after the decision, truly: it is
    not groundwork of that decision."""
    found: list[tuple[str, date]] = []
    for (part, group, name), what in _GROUNDWORK:
        if f"{part}.{group}.{name}" in reviewed:
            continue
        day = getattr(getattr(data.get(part), group, None), name, None)
        if isinstance(day, date):
            found.append((what, day))
    return found


def _value_at(record: Any, field: str) -> Any:
    node = record
    for name in field.split("."):
        node = getattr(node, name, None)
    return node


def review_out_of_order(
    record: Any, decided: date | None, reviewed: dict[str, date]
) -> tuple[str, date, str] | None:
    """A date given at a review that lies before the decision or after the follow-up
    it was given at: its field, the date and why, if there is one. `reviewed` is each
    answer given at a review and the day of its follow-up."""
    for field, held in reviewed.items():
        day = _value_at(record, field)
        if not isinstance(day, date):
            continue
        if decided is not None and day < decided:
            why = m.V_REVIEWED_BEFORE_DECISION.format(
                day=day.isoformat(), decision=decided.isoformat(), held=held.isoformat()
            )
            return field, day, why
        if day > held:
            why = m.V_REVIEWED_AFTER_FOLLOW_UP.format(day=day.isoformat(), held=held.isoformat())
            return field, day, why
    return None


def decision_too_early(
    decided: date | None, data: dict[str, Any], reviewed: frozenset[str] = frozenset()
) -> str | None:
    """Why the decision date comes before its groundwork, if it does."""
    if decided is None:
        return None
    for what, day in groundwork_dates(data, reviewed):
        if day > decided:
            return m.V_DECIDED_BEFORE_EARLIER.format(
                decision=decided.isoformat(), what=what, earlier=day.isoformat()
            )
    return None
