"""The state as it was defined, one `problems` pass per stage, to hold the one-pass
`lifecycle.state` against: a module that imports `state_checked_per_stage` has every
state it derives (directly, through `settled` or through a loaded file) compared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.model import paths
from kontoguide.model.account_life import State
from kontoguide.model.record import Record
from kontoguide.model.steps import APPROVED
from kontoguide.rules import lifecycle


def state_per_stage(record: Record, checklist: Checklist, *, today: date | None = None) -> State:
    """lifecycle.state by its definition: the furthest stage with no open problem and
    no answer set aside to be asked again."""

    data = record.model_dump(mode="json")
    answers_aside = [key for key in record.set_aside if not paths.in_progress(key)]

    def asked_again(stage: str) -> bool:
        # An answer set aside at a question of this stage or before, which applies.
        return any(
            paths.within(key, question.field) or paths.within(question.field, key)
            for _, question in checklist.questions(stage)
            if question.when is None or question.when.holds(data)
            for key in answers_aside
        )

    def whole(stage: str) -> bool:
        return not lifecycle.open_problems(record, checklist, stage, today=today) and not (
            asked_again(stage)
        )

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


@pytest.fixture(autouse=True)
def state_checked_per_stage(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[State]]:
    """Every state derived in the test, also derived per stage; they must agree."""
    one_pass = lifecycle.state
    seen: list[State] = []

    def checked(
        record: Record, checklist: Checklist, *, today: date | None = None, checked: bool = False
    ) -> State:
        # With `checked` (a record that passed the complete check as it was read) the
        # per-stage check still runs every check: the shortcut must not change the state.
        derived = one_pass(record, checklist, today=today, checked=checked)
        assert derived == state_per_stage(record, checklist, today=today), record.id
        seen.append(derived)
        return derived

    monkeypatch.setattr(lifecycle, "state", checked)
    yield seen
