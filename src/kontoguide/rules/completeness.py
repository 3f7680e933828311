"""Completeness: every required, applicable question answered, every rule met.

What stands between a record and being whole at a stage (`problems`), the first
stage where something does (`first_open_stage`, `held_back_at`), and how far
each step has come (`steps_done`).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from kontoguide.checklist.parts import STAGES, Checklist, Question, stage_rank
from kontoguide.model import paths
from kontoguide.model.record import Record
from kontoguide.rules import messages as m
from kontoguide.rules.field_problems import Problem, field_title, problem_list
from kontoguide.rules.validation import context_record, make_context, validate_record


def applicable(question: Question, data: dict[str, Any]) -> bool:
    return question.applies_to(data)


def missing_answers(
    record: Record, checklist: Checklist, *, upto: str | None = None
) -> list[Problem]:
    data = record.model_dump(mode="json")
    out = []
    for _, question in checklist.questions(upto):
        if not question.required or not applicable(question, data):
            continue
        if not paths.is_answered(paths.get(data, question.field)):
            message = m.V_NOT_ANSWERED
            if question.kind == "list":
                message = m.V_MIN_ITEMS.format(item=question.item_label)
            # The typed record (with the added questions) is built only when one is named.
            typed = context_record(checklist) if question.is_added else None
            title = field_title(question.field, typed)
            out.append(Problem(question.field, title, message))
    return out


def reached_stage(record: Record, checklist: Checklist) -> str:
    """The furthest stage the record has answers for (the decision, the start, ...).

    What a record is checked against: a record with a decision recorded must have
    a whole, valid decision, one without is checked as far as the decision."""
    data = record.model_dump(mode="json")
    reached = STAGES[0]
    for section in checklist.sections:
        if stage_rank(section.stage) <= stage_rank(reached):
            continue
        if any(
            applicable(q, data) and paths.is_answered(paths.get(data, q.field))
            for q in section.questions
        ):
            reached = section.stage
    if record.follow_ups and stage_rank(reached) < stage_rank("started"):
        reached = "started"
    return reached


def in_checklist_order(found: list[Problem], checklist: Checklist) -> list[Problem]:
    # Positions by field and by part, looked up along each problem's path: linear in
    # the number of problems, however many questions the checklist has.
    own: dict[str, int] = {}
    parts: dict[str, int] = {}
    for index, (_, question) in enumerate(checklist.questions()):
        own.setdefault(question.field, index)
        for part in list(paths.ancestors(question.field))[1:]:
            parts.setdefault(part, index)

    def position(problem: Problem) -> int:
        held = [own[path] for path in paths.ancestors(problem.path) if path in own]
        if held:
            return min(held)
        # A rule on a whole part (the deputy) belongs where the part is first asked.
        return parts.get(problem.path, -1)  # the notice and record-wide problems first

    return sorted(found, key=position)


def problems(
    record: Record,
    checklist: Checklist,
    *,
    today: date | None = None,
    upto: str | None = None,
    ready_on: date | None = None,
) -> list[Problem]:
    """Everything that stands between this record and being whole up to stage `upto`
    (by default the stage it has reached: see reached_stage)."""
    stage = upto or reached_stage(record, checklist)
    found = missing_answers(record, checklist, upto=stage)
    if record.notice is None:
        found.insert(0, Problem("notice", field_title("notice"), m.V_YES_NOTICE))
    data = record.model_dump(mode="json")
    context = make_context(checklist, today=today, complete=True, data=data)
    context["ready_on"] = ready_on
    try:
        validate_record(data, context)
    except ValidationError as exc:
        known = {p.path for p in found}
        rank = stage_rank(stage)
        found.extend(
            p
            for p in problem_list(exc, context_record(checklist))
            if p.path not in known and stage_rank(checklist.stage_of(p.path)) <= rank
        )
    return in_checklist_order(found, checklist)


def first_open_stage(
    record: Record,
    checklist: Checklist,
    *,
    today: date | None = None,
    ready_on: date | None = None,
    checked: bool = False,
) -> int:
    """The rank of the first stage at which `problems(..., upto=stage)` finds
    something (len(STAGES) when the record is whole at every stage), in one pass.
    With `checked` the record has passed the complete check already (whole_record).

    `problems` up to a stage is the required answers of its sections and those
    before, plus the complete check's problems of fields asked at or before it;
    so the first stage with a problem is the least stage of any of them, and the
    complete check runs once instead of once per stage (what `lifecycle.state`
    needs, for every record `kontoguide list` shows).
    """
    if record.notice is None:
        return 0
    data = record.model_dump(mode="json")
    first = len(STAGES)
    for rank, question in checklist.required_questions:
        # Answered first: most are, and then whether it applies does not matter.
        if rank >= first or paths.is_answered(paths.get(data, question.field)):
            continue
        if applicable(question, data):
            first = rank
    if first == 0 or checked:
        return first
    context = make_context(checklist, today=today, complete=True, data=data)
    context["ready_on"] = ready_on
    try:
        validate_record(data, context)
    except ValidationError as exc:
        for problem in problem_list(exc, context_record(checklist)):
            first = min(first, stage_rank(checklist.stage_of(problem.path)))
    return first


def held_back_at(record: Record, checklist: Checklist) -> int:
    """The rank of the first stage with an answer set aside that the questionnaire
    asks again (len(STAGES) when there is none).

    An answer that was given but does not hold is open, whether or not its question
    is required: the record is not whole at that stage until it is fixed or removed.
    Work in progress (paths.in_progress) is not an answer, and an answer whose
    question is gone from the checklist or does not apply is not asked again: it is
    only kept, and shown in the document, so neither holds the record back.
    """
    aside = SetAsideCounts(record.set_aside)
    if not aside:
        return len(STAGES)
    data: dict[str, Any] | None = None
    first = len(STAGES)
    for section, question in checklist.questions():
        rank = stage_rank(section.stage)
        if rank >= first or not aside.under(question.field):
            continue
        data = data if data is not None else record.model_dump(mode="json")
        if applicable(question, data):
            first = rank
    return first


class SetAsideCounts:
    """How many set-aside answers concern a field: itself, its list items, or a whole
    group it belongs to (a partial group is set aside as one). Work in progress
    (paths.in_progress) is not an answer and is not counted.

    Counted once for all keys, so that each question and each problem is a few
    lookups, however many answers are set aside.
    """

    def __init__(self, set_aside: dict[str, Any]) -> None:
        self.keys = {key for key in set_aside if not paths.in_progress(key)}
        self.inside: dict[str, int] = {}
        for key in self.keys:
            for part in paths.ancestors(key):
                self.inside[part] = self.inside.get(part, 0) + 1

    def __bool__(self) -> bool:
        return bool(self.keys)

    def under(self, field: str) -> int:
        groups = sum(1 for part in _groups_around(field) if part in self.keys)
        return self.inside.get(field, 0) + groups


@lru_cache(maxsize=1024)
def _groups_around(field: str) -> tuple[str, ...]:
    # The same few question fields are looked up for every record `list` reads.
    return tuple(paths.ancestors(field))[1:]


def whole_record(
    data: dict[str, Any], context: dict[str, Any], ready_on: date | None
) -> Record | None:
    """The record of `data` when it passes the complete check as it stands, else None.

    The complete check is the usual one plus the rules of a whole record (two
    admins, a decision not older than the day the record became ready), so a
    record that passes has nothing to set aside, and its state follows from its
    required answers alone (first_open_stage with `checked`). Most records read
    pass: one validation instead of two for each (`kontoguide list` reads every
    draft); the rest take the long way, prune and then the complete check.
    """
    complete = {**context, "complete": True, "ready_on": ready_on}
    try:
        return validate_record(data, complete)
    except ValidationError:
        return None


def steps_done(record: Record, checklist: Checklist) -> dict[int, str]:
    """Per numbered step: "done", "started", "empty", or "fix" when an answer in it
    was set aside to be asked again (for lists and resume)."""
    data = record.model_dump(mode="json")
    aside = SetAsideCounts(record.set_aside)
    state: dict[int, str] = {}
    for section in checklist.steps:
        asked = [q for q in section.questions if applicable(q, data)]
        answered = [q for q in asked if paths.is_answered(paths.get(data, q.field))]
        complete = all(paths.is_answered(paths.get(data, q.field)) for q in asked if q.required)
        assert section.number is not None
        if any(aside.under(q.field) for q in asked):
            state[section.number] = "fix"
        elif complete and answered:
            state[section.number] = "done"
        elif answered:
            state[section.number] = "started"
        else:
            state[section.number] = "empty"
    return state
