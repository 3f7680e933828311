"""The offer after a follow-up: the questions a later checklist version added, asked
now or not at all (omprövning). One choice up front, "inte nu" the default; then each
question as an optional one, through the same engine as every other question."""

from __future__ import annotations

from kontoguide.checklist.parts import Question, Section
from kontoguide.model import paths
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Note
from kontoguide.questionnaire.prompting import Option, Prompt

_NOW, _LATER = "nu", "inte_nu"


def offer_review(conversation: Conversation) -> int:
    """Offer the review's questions, if there are any; how many were answered."""
    flow = conversation.flow
    asked = flow.review_questions()
    if not asked:
        return 0
    count = len(asked)
    text = m.FU_REVIEW_ONE if count == 1 else m.FU_REVIEW_MANY
    current = flow.current_checklist()
    version = current.version if current is not None else ""
    conversation.screen.show(
        Note(text.format(count=count, used=flow.checklist.version, current=version))
    )
    choice = conversation.asker.select(
        # Not now is the default: the questions are never forced onto a decision.
        Prompt(m.FU_REVIEW_OFFER, default=_LATER),
        [Option(_NOW, m.FU_REVIEW_NOW), Option(_LATER, m.FU_REVIEW_LATER)],
    )
    if choice != _NOW:
        conversation.screen.show(Note(m.FU_REVIEW_LATER_NOTE))
        return 0
    seen: list[str] = []
    try:
        # The list is asked for again after each answer: a question that starts to apply
        # because of an answer given here is asked in this review, not the next one.
        while (upcoming := _next(flow.review_questions(), seen)) is not None:
            section, question = upcoming
            seen.append(question.field)
            flow.in_review = frozenset(seen)
            conversation.questions.announce(section)
            conversation.ask(section, question.model_copy(update={"required": False}))
    finally:
        flow.in_review = frozenset()
    answered = sum(1 for field in seen if paths.is_answered(flow.value(field)))
    conversation.screen.show(
        Note(m.FU_REVIEW_DONE.format(answered=answered, count=len(seen)), "success")
    )
    return answered


def _next(
    questions: list[tuple[Section, Question]], seen: list[str]
) -> tuple[Section, Question] | None:
    """The first question not asked in this review yet (one left empty stays offered
    for the next review, but is not asked twice in this one)."""
    return next((item for item in questions if item[1].field not in seen), None)
