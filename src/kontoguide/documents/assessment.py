"""Whether the document is a draft, derived again from the answers, and what a draft
lacks, each problem named by its step and question for the document's reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kontoguide.checklist.parts import Checklist, Question, Section
from kontoguide.documents import messages as m
from kontoguide.documents.labels import question_label
from kontoguide.documents.set_aside import SetAside, set_aside_reasons
from kontoguide.model import paths
from kontoguide.model.account_life import State
from kontoguide.model.record import Record
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import SetAsideCounts, in_checklist_order
from kontoguide.rules.field_problems import Problem


def questions_by_field(checklist: Checklist) -> dict[str, tuple[Section, Question]]:
    by_field: dict[str, tuple[Section, Question]] = {}
    for section, question in checklist.questions():
        by_field.setdefault(question.field, (section, question))
    return by_field


def _question_for(
    path: str, by_field: dict[str, tuple[Section, Question]]
) -> tuple[Section, Question] | None:
    """The checklist question a problem path belongs to (the longest matching field), or
    for a group (the deputy as a whole) its first question."""
    found = next((by_field[part] for part in paths.ancestors(path) if part in by_field), None)
    if found is None:
        found = next((q for f, q in by_field.items() if f.startswith(path + ".")), None)
    return found


def describe_problem(
    problem: Problem,
    checklist: Checklist,
    set_aside: dict[str, Any] | SetAsideCounts,
    by_field: dict[str, tuple[Section, Question]] | None = None,
) -> str:
    """A problem as a reader of the document understands it: step, question, what to do."""
    if not isinstance(set_aside, SetAsideCounts):
        set_aside = SetAsideCounts(set_aside)
    found = _question_for(problem.path, by_field or questions_by_field(checklist))
    if found is None:
        return m.DOC_MISSING_ITEM.format(where=problem.title, message=problem.message)
    section, question = found
    where = question_label(question)
    if section.number is not None:
        where = m.DOC_MISSING_IN_STEP.format(number=section.number, label=where)
    return m.DOC_MISSING_ITEM.format(where=where, message=problem.message)


@dataclass(frozen=True)
class Assessment:
    """The state the document shows, and what a draft lacks to be ready for a decision."""

    state: State
    missing: tuple[Problem, ...]
    set_aside: SetAside | None = None

    @property
    def draft(self) -> bool:
        return self.state == "draft"


def assess(record: Record, checklist: Checklist) -> Assessment:
    """The record's state, derived again: a changed checklist can make a record that was
    ready a draft again, and the document must never claim more than the answers hold.

    Answers were checked against the day they were saved (see drafts.reference_day): a
    goal deadline that has passed since is not something the record is missing.
    """
    from kontoguide.store.drafts import reference_day

    today = reference_day(record.updated_at)
    # A draft lists what stands between it and a decision; what a later stage still
    # lacks (a decision half written in) belongs to that stage, not to the draft.
    missing = lifecycle.open_problems(record, checklist, "ready", today=today)
    aside = set_aside_reasons(record, checklist, today)
    if missing:
        # Listed as `start` and `validate` list them: a set-aside answer with its reason,
        # then what is missing and not already covered by one.
        covered = {part for p in aside.problems for part in paths.ancestors(p.path)}
        merged = aside.problems + [p for p in missing if p.path not in covered]
        return Assessment("draft", tuple(in_checklist_order(merged, checklist)), aside)
    return Assessment(lifecycle.state(record, checklist, today=today), (), aside)
