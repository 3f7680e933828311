"""The checklist's questions asked in order, each in its step, with a way back.

A question's default is its answer, else an answer set aside for it, else the
suggestion from an earlier record, else a person named earlier in the checklist
(earlier_person); text typed before a pause is offered before any of them.
Going back asks the previous applicable question again and then
the ones after it in turn, so nothing between is skipped.
"""

from __future__ import annotations

from typing import Any

from kontoguide.checklist.parts import Question, Section
from kontoguide.model import paths
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_prompts import TEXT_KINDS, AnswerPrompts, Asking
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.earlier_person import earlier_answer, earlier_note
from kontoguide.questionnaire.events import Note, Progress, Screen, SectionStarted
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.list_dialogue import ListDialogue
from kontoguide.questionnaire.prompting import Asker, GoBack
from kontoguide.questionnaire.session import Refused
from kontoguide.questionnaire.set_aside_notes import (
    show_displaced,
    show_set_aside,
    show_set_aside_now,
)


class QuestionDialogue:
    def __init__(
        self,
        flow: Flow,
        asker: Asker,
        screen: Screen,
        answers: AnswerPrompts,
        lists: ListDialogue,
    ) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen
        self.answers = answers
        self.lists = lists
        self._announced: str | None = None

    def run(self) -> None:
        """Ask every pending question, in checklist order, until none is left.

        Going back (GoBack from the asker) asks the previous applicable question
        again, its answer as the default, and then the questions after it in turn,
        each with its answer as the default, up to where the person went back from.
        """
        ahead: list[tuple[Section, Question]] = []
        while True:
            found = self.flow.next_question()
            # A question that an answer on the way back made apply comes in its turn.
            if ahead and (found is None or not self._comes_before(found[1], ahead[-1][1])):
                section, question = ahead.pop()
                if not self.flow.is_applicable(question):
                    continue  # an answer given on the way back made it not apply
            elif found is not None:
                section, question = found
            else:
                return
            self.announce(section)
            previous = self.flow.previous_question(question)
            try:
                self.ask(section, question, back=previous is not None)
            except GoBack:
                ahead.append((section, question))
                if previous is None:
                    self.screen.show(Note(m.Q_NOTHING_BEFORE))
                else:
                    ahead.append(previous)

    def _comes_before(self, first: Question, second: Question) -> bool:
        order = [q.field for _, q in self.flow.checklist.questions(self.flow.stage)]
        return order.index(first.field) < order.index(second.field)

    def announce(self, section: Section) -> None:
        if section.id != self._announced:
            self._announced = section.id
            again = self.flow.section_state(section) != "empty"
            self.screen.show(SectionStarted(section, len(self.flow.checklist.steps), again))

    def ask(
        self, section: Section, question: Question, *, changing: bool = False, back: bool = False
    ) -> None:
        index, count = self.flow.position(section, question)
        steps = len(self.flow.checklist.steps)
        skipped = self.flow.skipped_before(section, question)
        self.screen.show(Progress(section, index, count, steps, skipped))
        if question.kind == "list":
            self.answers.in_list = question
            # For the list's own menu: GoBack from it is handled by `run` like any other.
            self.lists.back = back
            try:
                self.lists.ask(question)
            finally:
                self.answers.in_list, self.lists.back = None, False
            return
        field = question.field
        default = self._default(question)

        def check(value: Any) -> str | None:
            # "X" typed under "Annan plattform" is the listed X, not a too short name.
            if self.flow.listed_choice(question, value) is not None:
                return None
            return self.flow.check(field, value)

        self.answers.asking = Asking(field, back)
        try:
            while True:
                value = self.answers.ask_value(question, default, check)
                listed = self.flow.listed_choice(question, value)
                if listed is not None:
                    self._take_listed_choice(value, *listed)
                    return
                try:
                    displaced = self.flow.apply(field, value)
                except Refused as refused:
                    # Only reached when the asker could not check the answer in place.
                    self.screen.show(Note(refused.message, "problem"))
                    default = value
                    continue
                break
        finally:
            self.answers.asking = None
        if value is None and not changing:
            self.flow.pass_question(question)
        advice = self.flow.advice(field)
        if advice is not None and value is not None:
            self.screen.show(Note(advice, "warning"))
        show_displaced(self.screen, displaced)
        show_set_aside_now(self.flow, self.screen, question)

    def _default(self, question: Question) -> Any:
        """What the prompt starts from: text typed before a pause, else the answer, else
        an answer set aside, else the earlier record's, else a person named earlier."""
        field = question.field
        default = self.flow.value(field)
        entry = self.flow.set_aside_for(field)
        if entry is not None and not paths.is_answered(default):
            default = entry[1]
            show_set_aside(self.flow, self.screen, question, default)
        elif not paths.is_answered(default):
            default = self.flow.suggestion(field)
        if not paths.is_answered(default):
            default = earlier_answer(field, self.flow.value)
            note = earlier_note(field)
            if default is not None and note is not None:
                self.screen.show(Note(note))
        typed = self.flow.typed_for(field) if question.kind in TEXT_KINDS else None
        if typed is not None:
            # Text typed here before a pause: offered in the answer, said to be unsaved.
            self.screen.show(Note(m.Q_TYPED_NOT_SAVED, "warning"))
            default = typed
        return default

    def _take_listed_choice(self, typed: str, question: Question, option: Any) -> None:
        """ "Annan plattform" and then the name of a listed one: that one, with its caution
        and its questions."""
        self.screen.show(
            Note(m.Q_LISTED_CHOICE.format(typed=shorten(typed, 40), label=option.label))
        )
        if not self.answers.caution_accepted(question, option.value):
            owner = self.flow.question_for(question.field)
            if owner is not None:
                self.ask(owner[0], question, changing=True)
            return
        try:
            displaced = self.flow.apply(question.field, option.value)
        except Refused as refused:
            self.screen.show(Note(refused.message, "problem"))
            return
        show_displaced(self.screen, displaced)
        show_set_aside_now(self.flow, self.screen, question)
