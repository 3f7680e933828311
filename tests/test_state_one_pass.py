"""lifecycle.state in one complete check equals the state by its definition (one
`problems` pass per stage): for every example, every stage of each cut away, and
every state the lifecycle and state tests derive (they import the same check)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kontoguide import drafts, lifecycle, paths
from kontoguide.checklist import STAGES, Checklist, load_checklist, load_checklist_file
from kontoguide.record import State
from kontoguide.validation import make_context, prune
from state_support import state_checked_per_stage, state_per_stage  # noqa: F401

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2026, 11, 28)


def _examples() -> list[str]:
    return sorted(path.stem for path in EXAMPLES.glob("*.json"))


def _record(checklist: Checklist, answers: dict[str, Any], today: date) -> Any:
    candidate = drafts.with_identity(answers, checklist, "test1234")
    record, _ = prune(candidate, make_context(checklist, today=today), keep=drafts.IDENTITY)
    return record


def _checklist_for(answers: dict[str, Any]) -> Checklist:
    # The variant example's checklist is read from its file (it is not installed).
    name = answers.get("checklist_id")
    return load_checklist_file(EXAMPLES / f"{name}.toml") if name else load_checklist()


def _variants(answers: dict[str, Any], checklist: Checklist) -> list[dict[str, Any]]:
    """The answers, and the answers with each asked field of each stage left out
    (a record stopped or broken at every point), and with each stage's part cut."""
    out = [answers]
    for _, question in checklist.questions():
        if paths.get(answers, question.field) is not None:
            changed = json.loads(json.dumps(answers))
            paths.put(changed, question.field, None)
            out.append(changed)
    for part in ("notice", "step5", "start", "follow_ups", "closing"):
        if part in answers:
            out.append({key: value for key, value in answers.items() if key != part})
    return out


@pytest.mark.parametrize("name", _examples())
@pytest.mark.parametrize("days", [0, 400, -400])
def test_one_pass_equals_each_stage_for_every_example(name: str, days: int) -> None:
    answers = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    checklist = _checklist_for(answers)
    today = TODAY + timedelta(days=days)
    states: set[State] = set()
    for variant in _variants(answers, checklist):
        record = _record(checklist, variant, today)
        derived = lifecycle.state(record, checklist, today=today)
        assert derived == state_per_stage(record, checklist, today=today)
        states.add(derived)
    assert "draft" in states  # a required answer left out makes a draft


def test_the_examples_and_their_cuts_reach_every_state_up_to_started() -> None:
    reached: set[State] = set()
    for name in _examples():
        answers = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
        checklist = _checklist_for(answers)
        for variant in _variants(answers, checklist):
            reached.add(lifecycle.state(_record(checklist, variant, TODAY), checklist, today=TODAY))
    # "closed" is derived in test_lifecycle, which runs the same per-stage check.
    assert reached >= {"draft", *STAGES[:3]}
