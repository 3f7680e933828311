"""Checking a checklist against the record model and against the city's standard.

A checklist that is well formed may still be one the program could not follow:
a question names no record field, or one of another kind or choice list; a
condition could never be met; a name is used twice; a variant leaves out or
makes optional a question the standard makes mandatory. Each problem is a text
"where: why", placed by loading.py at its line in the file.
"""

from __future__ import annotations

import types
import typing
from collections import Counter
from datetime import date
from typing import Any

from pydantic import BaseModel

from kontoguide.checklist import messages as m
from kontoguide.checklist.folders import DEFAULT_CHECKLIST
from kontoguide.checklist.parts import (
    ADDED_PREFIX,
    Checklist,
    ItemField,
    Question,
    _Asked,
    stage_rank,
)
from kontoguide.checklist.record_fields import _field_annotation, _unwrap_optional, list_item_model
from kontoguide.checklist.standard import StandardQuestion, standard_questions
from kontoguide.model import paths
from kontoguide.model.fieldtypes import ChoiceFrom, ChoicesFrom
from kontoguide.model.textsafe import printable


def _kind_fits(kind: str, annotation: Any) -> bool:
    if kind == "list":
        return list_item_model(annotation) is not None
    if kind == "multichoice":
        return typing.get_origin(annotation) is list and list_item_model(annotation) is None
    expected: dict[str, tuple[type, ...]] = {
        "yesno": (bool,),
        "date": (date,),
        "number": (int, float),
    }
    return annotation in expected.get(kind, (str,))


def _bound_choice_list(model: type[BaseModel], path: str) -> str | None:
    """The choice list a record field is bound to (its ChoiceFrom/ChoicesFrom marker)."""
    *parents, last = paths.split(path)
    owner = _unwrap_optional(_field_annotation(model, ".".join(parents))) if parents else model
    return _marker_in(owner.model_fields[last].annotation)


def _marker_in(annotation: Any) -> str | None:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in args[1:]:
            if isinstance(meta, ChoiceFrom | ChoicesFrom):
                return meta.list_name
        return _marker_in(args[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in args:
            found = _marker_in(arg)
            if found is not None:
                return found
    return None


def _check_question(
    model: type[BaseModel], checklist: Checklist, path: str, kind: str, choices: str | None
) -> str | None:
    try:
        annotation = _field_annotation(model, path)
    except KeyError:
        return m.C_NO_FIELD.format(path=path)
    if not _kind_fits(kind, annotation):
        return m.C_KIND_MISMATCH.format(kind=kind, path=path)
    bound = _bound_choice_list(model, path)
    if kind in ("choice", "multichoice"):
        if choices is None or choices not in checklist.choices:
            return m.C_NEEDS_CHOICES.format(path=path)
        if bound is not None and bound != choices:
            return m.C_WRONG_CHOICES.format(path=path, bound=bound, choices=choices)
    elif bound is not None:
        return m.C_IS_CHOICE.format(path=path, bound=bound)
    elif choices is not None:
        return m.C_CHOICES_NOT_FOR_KIND
    return None


def _choice_list_problems(checklist: Checklist) -> list[str]:
    # Values identify the answer, labels are what the user picks from: both must be unique.
    problems: list[str] = []
    for name, options in checklist.choices.items():
        values = Counter(option.value for option in options)
        labels = Counter(option.label for option in options)
        problems += [
            f"choices.{name}: {m.C_CHOICE_VALUE_TWICE.format(value=value)}"
            for value, count in values.items()
            if count > 1
        ]
        problems += [
            f"choices.{name}: {m.C_CHOICE_LABEL_TWICE.format(label=label)}"
            for label, count in labels.items()
            if count > 1
        ]
    return problems


def _section_problems(checklist: Checklist) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    ranks = [stage_rank(section.stage) for section in checklist.sections]
    for section, rank, before in zip(checklist.sections, ranks, [0, *ranks], strict=False):
        # The questionnaire walks the sections in order, one stage after the other.
        if rank < before or (section.number is not None and section.stage != "ready"):
            problems.append(f"sections.{section.id}.stage: {m.C_STAGE_ORDER}")
    for index, section in enumerate(checklist.sections):
        if section.id in seen:
            count = sum(s.id == section.id for s in checklist.sections[:index])
            twice = m.C_SECTION_TWICE.format(section=section.id)
            problems.append(f"sections.{section.id}{again(count)}: {twice}")
        seen.add(section.id)
    # The questionnaire and the document say "Steg 2 av 5": the numbers must count 1..n.
    steps = checklist.steps
    wrong = [s for index, s in enumerate(steps, start=1) if s.number != index]
    if wrong:
        numbers = ", ".join(str(s.number) for s in steps)
        problems.append(
            f"sections.{wrong[0].id}.number: {m.C_STEP_NUMBERS.format(numbers=numbers)}"
        )
    return problems


# A problem about the second (third, …) of two things with the same name is placed
# with "where#n" (the n-th such thing, from 0): the line is then the duplicate's, not
# the first one's. checklist_problems takes the mark off before the author sees it.
OCCURRENCE = "#"


def again(count: int) -> str:
    return f"{OCCURRENCE}{count}" if count else ""


def _before(question: Question, item: ItemField) -> int:
    """How many of the question's fields before `item` (itself, not an equal one) share its name."""
    index = next(i for i, asked in enumerate(question.fields) if asked is item)
    return sum(asked.field == item.field for asked in question.fields[:index])


def _when_problem(
    question: Question, earlier: dict[str, Question], checklist: Checklist
) -> str | None:
    """Why a question's condition could never be met as written, if it could not."""
    when = question.when
    if when is None:
        return None
    target = earlier.get(when.field)
    if target is None:
        return m.C_WHEN_NOT_EARLIER.format(path=when.field)
    if target.kind == "yesno":
        wrong = [value for value in when.equals if not isinstance(value, bool)]
        if wrong:
            return m.C_WHEN_YESNO.format(path=when.field, value=printable(wrong[0]))
    elif target.kind in ("choice", "multichoice") and target.choices is not None:
        allowed = checklist.choice_values(target.choices)
        wrong = [value for value in when.equals if value not in allowed]
        if wrong:
            return m.C_WHEN_VALUE.format(
                value=printable(wrong[0]), choices=target.choices, path=when.field
            )
    return None


def _item_problems(where: str, question: Question, checklist: Checklist) -> list[str]:
    from kontoguide.model.record import Answers

    problems: list[str] = []
    item_model = list_item_model(_field_annotation(Answers, question.field))
    assert item_model is not None
    seen: set[str] = set()
    for item in question.fields:
        if item.when is not None and item.when.field not in seen:
            problems.append(
                f"{where}.{item.field}: {m.C_WHEN_NOT_EARLIER.format(path=item.when.field)}"
            )
        if item.field in seen:
            twice = m.C_DUPLICATE_FIELD.format(path=item.field)
            problems.append(f"{where}.{item.field}{again(_before(question, item))}: {twice}")
            continue
        seen.add(item.field)
        problem = _check_question(item_model, checklist, item.field, item.kind, item.choices)
        if problem:
            problems.append(f"{where}.{item.field}: {problem}")
    return problems


def _choices_problem(asked: _Asked, checklist: Checklist) -> str | None:
    """An added question's choice list: named where it is needed, and only there."""
    if asked.kind in ("choice", "multichoice"):
        if asked.choices is None:
            return m.CV_NEEDS_CHOICES
        if asked.choices not in checklist.choices:
            known = ", ".join(sorted(checklist.choices)) or m.C_NONE
            return m.CV_UNKNOWN_CHOICES.format(choices=asked.choices, known=known)
    elif asked.choices is not None:
        return m.C_CHOICES_NOT_FOR_KIND
    return None


def _added_problems(where: str, question: Question, checklist: Checklist) -> list[str]:
    """An added question is checked against the checklist only: its model is made from it."""
    problems: list[str] = []
    problem = _choices_problem(question, checklist)
    if problem:
        problems.append(f"{where}: {problem}")
    seen: set[str] = set()
    for item in question.fields:
        at = f"{where}.{item.field}"
        if item.when is not None and item.when.field not in seen:
            problems.append(f"{at}: {m.C_WHEN_NOT_EARLIER.format(path=item.when.field)}")
        if item.field in seen:
            count = _before(question, item)
            problems.append(f"{at}{again(count)}: {m.C_DUPLICATE_FIELD.format(path=item.field)}")
        seen.add(item.field)
        if item.kind == "list":
            problems.append(f"{at}: {m.CV_NO_LIST_IN_LIST}")
        problem = _choices_problem(item, checklist)
        if problem:
            problems.append(f"{at}: {problem}")
    return problems


def _standard_problems(where: str, question: Question) -> list[str]:
    """A standard question's rules are the record model's: a variant cannot add any."""
    if question.field.startswith(ADDED_PREFIX):
        return [f"{where}: {m.CV_EXTRA_NEEDS_ID}"]
    if question.has_rules or any(item.has_rules for item in question.fields):
        return [f"{where}: {m.CV_RULES_ONLY_ADDED}"]
    return []


def consistency_problems(checklist: Checklist) -> list[str]:
    from kontoguide.model.record import Answers

    problems = _choice_list_problems(checklist) + _section_problems(checklist)
    earlier: dict[str, Question] = {}
    # The line of a duplicate is its own: the how-manieth with this field in its section.
    in_section: Counter[tuple[int, str]] = Counter()
    for section, question in checklist.questions():
        where = f"sections.{section.id}.{question.field}"
        in_section[id(section), question.field] += 1
        if question.field in earlier:
            twice = m.CV_DUPLICATE_ID.format(id=question.id) if question.is_added else None
            count = in_section[id(section), question.field] - 1
            detail = twice or m.C_DUPLICATE_FIELD.format(path=question.field)
            problems.append(f"{where}{again(count)}: {detail}")
        when_problem = _when_problem(question, earlier, checklist)
        earlier.setdefault(question.field, question)
        if question.is_added:
            problems += _added_problems(where, question, checklist)
            if when_problem:
                problems.append(f"{where}: {when_problem}")
            continue
        standard = _standard_problems(where, question)
        if standard:
            problems += standard
            continue
        problem = _check_question(
            Answers, checklist, question.field, question.kind, question.choices
        )
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        if question.kind == "list":
            problems += _item_problems(where, question, checklist)
        if when_problem:
            problems.append(f"{where}: {when_problem}")
    # A required question left out is named first: other problems may follow from it.
    return mandatory_problems(checklist) + stage_problems(checklist) + problems


def mandatory_problems(checklist: Checklist) -> list[str]:
    """The standard's mandatory questions a variant leaves out or makes optional."""
    if checklist.id == DEFAULT_CHECKLIST:
        return []
    mine = {question.field: question for _, question in checklist.questions()}
    problems: list[str] = []
    for wanted in standard_questions():
        if not wanted.mandatory:
            continue
        kept = mine.get(wanted.field)
        if kept is None:
            reason = m.CV_MANDATORY_MISSING
        elif not kept.required or (kept.when is not None and not wanted.conditional):
            reason = m.CV_MANDATORY_OPTIONAL
        else:
            continue
        detail = reason.format(label=wanted.label, field=wanted.field)
        problems.append(f"sections.{wanted.section}.{wanted.field}: {detail}")
    return problems


def stage_problems(checklist: Checklist) -> list[str]:
    """The sections of a variant that ask a standard question at another stage than the
    standard does: the decision, the start or the closing before their time, or what the
    decision maker needs after the decision (a record would be "ready" without it)."""
    if checklist.id == DEFAULT_CHECKLIST:
        return []
    wanted = {question.field: question for question in standard_questions()}
    problems: list[str] = []
    for section in checklist.sections:
        moved: dict[str, list[StandardQuestion]] = {}
        for question in section.questions:
            standard = wanted.get(question.field)
            if standard is not None and standard.stage != section.stage:
                moved.setdefault(standard.stage, []).append(standard)
        for stage, questions in moved.items():
            earlier = stage_rank(section.stage) < stage_rank(stage)
            detail = (m.CV_STAGE_EARLIER if earlier else m.CV_STAGE_LATER).format(
                section=section.id,
                stage=section.stage,
                wanted=stage,
                standard=questions[0].section,
                fields=", ".join(question.field for question in questions),
            )
            problems.append(f"sections.{section.id}.stage: {detail}")
    return problems
