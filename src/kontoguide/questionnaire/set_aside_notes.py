"""What the person is told when an answer no longer holds: set aside, or displaced.

Said the same way after a question, a listed choice and a change to a list, so
the words are in one place.
"""

from __future__ import annotations

from typing import Any

from kontoguide.checklist.parts import Question
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.events import Note, Screen
from kontoguide.questionnaire.flow import Flow
from kontoguide.rules.field_problems import Problem


def show_set_aside_now(flow: Flow, screen: Screen, question: Question) -> None:
    """Name the answers that rested on the one just changed and were set aside."""
    moved, flow.set_aside_now = flow.set_aside_now, []
    if not moved:
        return
    lines = [m.Q_DEPENDENTS_SET_ASIDE.format(title=question.label)]
    for other in moved:
        again = flow.is_applicable(other)
        text = m.Q_DEPENDENT_ASKED_AGAIN if again else m.Q_DEPENDENT_NOT_ASKED
        lines.append("- " + text.format(title=other.label))
    screen.show(Note("\n".join(lines), "warning"))


def show_set_aside(flow: Flow, screen: Screen, question: Question, old: Any) -> None:
    reason = flow.set_aside_reason(question.field, old)
    changed = flow.changed_reason(question.field)
    if reason is None and changed is not None:
        # Still a valid answer, written for the old platform: it stands as the
        # default below, so only the change is said.
        screen.show(Note(changed, "warning"))
        return
    answer = shorten(flow.format_value(question, old), 200)
    text = m.Q_SET_ASIDE.format(answer=answer)
    if reason:
        text += " " + m.Q_SET_ASIDE_REASON.format(reason=reason)
    screen.show(Note(text, "warning"))


def show_displaced(screen: Screen, displaced: list[Problem]) -> None:
    for problem in displaced:
        screen.show(
            Note(
                m.Q_DISPLACED.format(title=problem.title, message=problem.message),
                "warning",
            )
        )
