"""The order of a record's dates: the story of one account, told in a possible order.

1. The groundwork comes on or before the decision: the dialogue with the
   communication function (step 1) and with the communications officer (step 3),
   the DPO consultation (step 4). The notice's acknowledgement is not among them:
   kontoguide stamps it when the notice is shown, so it cannot be typed wrong, and
   a later one is a true later fact (confirmed again on resume after an old
   acknowledgement was set aside, or given when a decided record is imported);
   refusing it would undo a decision taken.
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


def groundwork_dates(data: dict[str, Any]) -> list[tuple[str, date]]:
    """The dates that must lie on or before the decision, each with its Swedish name,
    in the order of the checklist; `data` is the record's fields checked so far."""
    found: list[tuple[str, date]] = []
    step1, step3, step4 = data.get("step1"), data.get("step3"), data.get("step4")
    for day, what in (
        (getattr(getattr(step1, "comms_contact", None), "date", None), m.V_EARLIER_COMMS),
        (getattr(getattr(step3, "officer_dialogue", None), "date", None), m.V_EARLIER_OFFICER),
        (getattr(getattr(step4, "data_protection", None), "dpo_date", None), m.V_EARLIER_DPO),
    ):
        if isinstance(day, date):
            found.append((what, day))
    return found


def decision_too_early(decided: date | None, data: dict[str, Any]) -> str | None:
    """Why the decision date comes before its groundwork, if it does."""
    if decided is None:
        return None
    for what, day in groundwork_dates(data):
        if day > decided:
            return m.V_DECIDED_BEFORE_EARLIER.format(
                decision=decided.isoformat(), what=what, earlier=day.isoformat()
            )
    return None
