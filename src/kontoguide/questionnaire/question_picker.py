"""Picking one question of a step, each shown with its answer, a page at a time.

A step has up to 32 questions; a page of PICKER_PAGE keeps the picker, with
its heading, within a terminal of 80×24.
"""

from __future__ import annotations

from kontoguide.checklist.parts import Question, Section
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_text import one_line
from kontoguide.questionnaire.events import Screen, SummaryShown
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.prompting import BACK, Asker, Option, Prompt

_NEXT_PAGE, _PREVIOUS_PAGE, _SHOW_ALL = "\x00nästa", "\x00föregående", "\x00visa"
# The questions a picker shows at a time: with the heading, the problems line and the
# page choices it stays within 24 rows.
PICKER_PAGE = 12


class QuestionPicker:
    def __init__(self, flow: Flow, asker: Asker, screen: Screen) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen

    def pick(
        self,
        section: Section,
        message: str,
        default: str | None,
        back_title: str,
        *,
        summary: bool = False,
    ) -> Question | None:
        """One of the section's questions, each with its answer, at most PICKER_PAGE
        at a time (a step has up to 32): the picker fits 80×24 with its heading.
        `summary` offers the step's whole summary; None when the person went back."""
        questions = self.flow.applicable_questions(section)
        fields = [q.field for q in questions]
        page = fields.index(default) // PICKER_PAGE if default in fields else 0
        pages = max(1, -(-len(questions) // PICKER_PAGE))
        while True:
            shown = questions[page * PICKER_PAGE : (page + 1) * PICKER_PAGE]
            options = [Option(q.field, self._change_title(q)) for q in shown]
            if page + 1 < pages:
                first, last = (
                    (page + 1) * PICKER_PAGE + 1,
                    min(len(questions), (page + 2) * PICKER_PAGE),
                )
                text = m.Q_PAGE_NEXT.format(first=first, last=last, count=len(questions))
                options.append(Option(_NEXT_PAGE, text))
            if page > 0:
                first, last = (page - 1) * PICKER_PAGE + 1, page * PICKER_PAGE
                text = m.Q_PAGE_PREVIOUS.format(first=first, last=last, count=len(questions))
                options.append(Option(_PREVIOUS_PAGE, text))
            if summary:
                options.append(Option(_SHOW_ALL, m.Q_SHOW_STEP_ANSWERS))
            options.append(Option(BACK, back_title))
            chosen = self.asker.select(Prompt(message, default=default), options)
            if chosen == _NEXT_PAGE:
                page, default = page + 1, None
            elif chosen == _PREVIOUS_PAGE:
                page, default = page - 1, None
            elif chosen == _SHOW_ALL:
                self.screen.show(SummaryShown((self.flow.section_summary(section),)))
                default = BACK
            else:
                return next((q for q in questions if q.field == chosen), None)
            if default is None:
                default = questions[page * PICKER_PAGE].field

    def _change_title(self, question: Question) -> str:
        answer = self.flow.format_answer(question)
        shown = m.Q_NOT_ANSWERED if answer is None else answer
        # Whole: the terminal cuts what does not fit its width (prompts.fit_title).
        return f"{one_line(question.label)} ({one_line(shown)})"
