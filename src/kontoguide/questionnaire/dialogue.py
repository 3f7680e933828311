"""The conversation: asks a Flow's questions through an Asker and shows events on a Screen.

Pure like the engine: the Asker (prompting.py) and the Screen (events.py) are
protocols, so tests drive the whole conversation with a scripted asker. The
Conversation only puts its parts together and is what the terminal and the
follow-ups talk to: one answer of any kind (answer_prompts.py), the questions
in order with a way back (question_dialogue.py), a list question and its items
(list_dialogue.py, list_editing.py, item_fields.py), and checking the answers
at the end (review_dialogue.py, question_picker.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from kontoguide.checklist.parts import Question, Section
from kontoguide.questionnaire.answer_prompts import AnswerPrompts
from kontoguide.questionnaire.answer_text import Spec
from kontoguide.questionnaire.events import Screen
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.item_fields import ItemFields
from kontoguide.questionnaire.list_dialogue import ListDialogue
from kontoguide.questionnaire.list_editing import ListEditing
from kontoguide.questionnaire.prompting import Asker, Check
from kontoguide.questionnaire.question_dialogue import QuestionDialogue
from kontoguide.questionnaire.question_picker import QuestionPicker
from kontoguide.questionnaire.review_dialogue import ReviewDialogue


class _Part(Protocol):
    asker: Asker


class Conversation:
    def __init__(self, flow: Flow, asker: Asker, screen: Screen) -> None:
        self.flow = flow
        self.screen = screen
        # One of each part for the whole conversation: what one part sets while it
        # asks (the question or list being asked, a step announced, an item left by
        # going back) is what the next part it calls reads.
        self.answers = AnswerPrompts(flow, asker, screen)
        fields = ItemFields(flow, asker, screen, self.answers)
        editing = ListEditing(flow, asker, screen, fields)
        self.lists = ListDialogue(flow, asker, screen, editing)
        self.questions = QuestionDialogue(flow, asker, screen, self.answers, self.lists)
        picker = QuestionPicker(flow, asker, screen)
        self.checking = ReviewDialogue(flow, asker, screen, self.questions, picker)
        parts = (self.answers, fields, editing, self.lists, self.questions, picker, self.checking)
        self._parts: tuple[_Part, ...] = parts
        self._asker = asker

    @property
    def asker(self) -> Asker:
        return self._asker

    @asker.setter
    def asker(self, asker: Asker) -> None:
        # A conversation under way can be given another asker: every part asks through it.
        self._asker = asker
        for part in self._parts:
            part.asker = asker

    # --- asking -------------------------------------------------------------------------

    def run(self) -> None:
        """Ask every pending question, in checklist order, until none is left."""
        self.questions.run()

    def ask(
        self, section: Section, question: Question, *, changing: bool = False, back: bool = False
    ) -> None:
        self.questions.ask(section, question, changing=changing, back=back)

    def ask_value(self, spec: Spec, default: Any, check: Check) -> Any:
        """Ask for one answer; returns the value to store (None: left empty)."""
        return self.answers.ask_value(spec, default, check)

    def ask_list(self, question: Question) -> None:
        self.lists.ask(question)

    # --- checking and changing the answers ----------------------------------------------

    def review(self) -> bool:
        """ "Check your answers" until the user completes (True) or stops."""
        return self.checking.review()

    def open_section(self, section: Section) -> None:
        self.checking.open_section(section)

    def change(self, sections: Sequence[Section] | None = None) -> bool:
        return self.checking.change(sections)

    def revise(self) -> None:
        self.checking.revise()

    def walk(self) -> bool:
        """The flow's stage asked and checked; True when whole and agreed to."""
        return self.checking.walk()

    def redo(self) -> None:
        self.checking.redo()
