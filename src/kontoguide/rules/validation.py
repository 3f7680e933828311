"""Validating a record: the context its field types are checked with.

- `make_context`: what the field types need (reference date, checklist, mode,
  the day of the decision).
- `validate_record`: the record model's rules, with that context.
- `context_record`: a checklist's record model, its own questions typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError

from kontoguide.checklist.parts import Checklist
from kontoguide.model.fieldtypes import parse_date, parse_moment
from kontoguide.model.record import Record


def make_context(
    checklist: Checklist | None,
    *,
    today: date | None = None,
    complete: bool = False,
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the field types need; `data` (the record as JSON) gives the decision day.

    With a checklist, also the model of its own questions (`extra_model`, which the
    record checks its `extra` part with)."""
    from kontoguide.checklist.added_questions import extra_model

    return {
        "checklist": checklist,
        "today": today or date.today(),
        "complete": complete,
        "decided_on": decision_day(data) if data is not None else None,
        "review_given_on": review_given_on(data) if data is not None else None,
        "extra_model": extra_model(checklist) if checklist is not None else None,
    }


def review_given_on(data: dict[str, Any]) -> date | None:
    """The day the decision, and so its next review date, was written down.

    - In kontoguide: the first moment the record went past "ready" (decided, or
      started or closed in one go). A review date must lie ahead of that day, not
      ahead of every later change, or a started account would fail once its review
      date came.
    - Arrived with the decision in it (an answers file, a record with no history
      before the decision): the decision was written down elsewhere, on its day.
    - None while the decision is being written down now: the reference day applies.
    """
    history = data.get("history")
    listed = history if isinstance(history, list) else []
    items = [item for item in listed if isinstance(item, dict)]
    if not items:
        return decision_day(data)
    given: date | None = None
    lived = False  # the record was a draft or ready in kontoguide before
    for item in items:
        what = item.get("what")
        if what in ("draft", "ready"):
            given, lived = None, True
        elif what in ("decided", "started", "closed") and given is None:
            if not lived:
                return decision_day(data)
            try:
                given = parse_moment(item.get("at")).date()
            except PydanticCustomError:
                continue
    return given


def decision_day(data: dict[str, Any]) -> date | None:
    """The decision date in a record's data, if it has a readable one.

    The plan (the goals and their deadlines) was judged on the day of the decision:
    a deadline that was ahead then is not wrong because it has passed since, and a
    started account is followed up against the goals it was approved with.
    """
    step5 = data.get("step5")
    value = step5.get("decision_date") if isinstance(step5, dict) else None
    if isinstance(value, date):
        return value
    try:
        parsed = parse_date(value) if isinstance(value, str) else None
    except PydanticCustomError:
        return None
    return parsed if isinstance(parsed, date) else None


def validate_record(data: dict[str, Any], context: dict[str, Any]) -> Record:
    return Record.model_validate(data, context=context)


def context_record(checklist: Checklist) -> Any:
    """The record model of `checklist`, with its own questions typed."""
    from kontoguide.checklist.added_questions import record_model

    return record_model(checklist)
