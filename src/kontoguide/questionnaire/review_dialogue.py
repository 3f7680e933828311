"""Checking the answers: the task list of the steps, the change menu, the stage check.

After the questions come "check your answers" (each step opened on its own to
see and change its answers), changing any answer picked from a step, and for a
later stage (the decision, the start, the closing) its answers shown whole to
agree to or correct. Every change goes through the questions again, so what
follows from it is asked in its turn.
"""

from __future__ import annotations

from collections.abc import Sequence

from kontoguide.checklist.parts import Section
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.events import (
    ProblemsShown,
    Screen,
    SummaryShown,
    TaskList,
    section_title,
)
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.prompting import BACK, Asker, Option, Prompt
from kontoguide.questionnaire.question_dialogue import QuestionDialogue
from kontoguide.questionnaire.question_picker import QuestionPicker
from kontoguide.rules.field_problems import Problem


class ReviewDialogue:
    def __init__(
        self,
        flow: Flow,
        asker: Asker,
        screen: Screen,
        questions: QuestionDialogue,
        picker: QuestionPicker,
    ) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen
        self.questions = questions
        self.picker = picker

    # --- checking the answers at the end --------------------------------------------------

    def review(self) -> bool:
        """Ask what is left, then "check your answers" as a task list of the steps, each
        opened on its own to see and change its answers, until the user completes (True)
        or stops."""
        self.questions.run()
        while True:
            self.questions.run()
            found = self.flow.completion_problems()
            states = tuple(self.flow.task_states(found))
            self.screen.show(TaskList(states, ready=not found))
            options = [
                Option(section.id, self._task_title(section, state, count))
                for section, state, count in states
            ]
            if found:
                options.append(Option("fix", m.Q_REVIEW_FIX))
                message = m.Q_REVIEW_PROMPT_PROBLEMS
            else:
                options.append(Option("complete", m.Q_REVIEW_COMPLETE))
                message = m.Q_REVIEW_PROMPT_READY
            options.append(Option("later", m.Q_REVIEW_LATER))
            default = "fix" if found else "complete"
            choice = self.asker.select(Prompt(message, default=default), options)
            if choice == "complete":
                self.flow.complete()
                return True
            if choice == "later":
                return False
            if choice == "fix":
                self.fix(found)
                continue
            section = next((s for s, _, _ in states if s.id == choice), None)
            if section is not None:
                self.open_section(section)

    @staticmethod
    def _task_title(section: Section, state: str, count: int) -> str:
        label = m.VIEW_STATE_LABELS[state]
        if count:
            return m.Q_TASK_STEP_PROBLEMS.format(
                title=section_title(section), state=label, count=count
            )
        return m.Q_TASK_STEP.format(title=section_title(section), state=label)

    def open_section(self, section: Section) -> None:
        """One step's answers and what needs putting right there; any answer can be
        changed, and then it is back to the task list. The answers are the picker's
        choices, a page at a time, so that the step fits 80×24; the whole summary
        is shown on request."""
        problems = [
            problem
            for problem in self.flow.completion_problems()
            if (owner := self.flow.question_for(problem.path)) is not None
            and owner[0].id == section.id
        ]
        if problems:
            self.screen.show(ProblemsShown(tuple(problems)))
        first_problem = next(
            (
                owner[1].field
                for problem in problems
                if (owner := self.flow.question_for(problem.path)) is not None
            ),
            BACK,
        )
        question = self.picker.pick(
            section, m.Q_STEP_WHICH_ANSWER, first_problem, m.Q_BACK_TO_TASKS, summary=True
        )
        if question is None:
            return
        self.questions.announce(section)
        self.questions.ask(section, question, changing=True)
        self.questions.run()

    def fix(self, found: Sequence[Problem]) -> None:
        """Ask again every question that a completion problem points to."""
        seen: set[str] = set()
        for problem in found:
            owner = self.flow.question_for(problem.path)
            if owner is None or owner[1].field in seen:
                continue
            section, question = owner
            seen.add(question.field)
            self.questions.announce(section)
            self.questions.ask(section, question, changing=True)

    def change(self, sections: Sequence[Section] | None = None) -> bool:
        """Pick any answer (up to the flow's stage, or in `sections`), ask it again with
        the current answer as default; False when the user went back instead."""
        if sections is None:
            sections = self.flow.checklist.sections_upto(self.flow.stage)
        if len(sections) == 1:
            section: Section | None = sections[0]
        else:
            options = [Option(s.id, section_title(s)) for s in sections]
            options.append(Option(BACK, m.Q_BACK))
            chosen = self.asker.select(Prompt(m.Q_CHANGE_WHICH_STEP), options)
            section = next((s for s in sections if s.id == chosen), None)
        if section is None:
            return False
        question = self.picker.pick(section, m.Q_CHANGE_WHICH_QUESTION, None, m.Q_BACK)
        if question is None:
            return False
        self.questions.announce(section)
        self.questions.ask(section, question, changing=True)
        self.questions.run()
        self.screen.show(SummaryShown((self.flow.section_summary(section),)))
        return True

    def revise(self) -> None:
        """Change answers one after the other until the user goes back."""
        while self.change():
            pass

    # --- after the questionnaire: the decision, the start, the closing ---------------------

    def walk(self) -> bool:
        """Ask what the flow's stage still needs (the decision, the start, the closing),
        then show those answers for the user to check or correct.

        True when the record is whole at the stage and the user agrees; False when
        the user leaves it for later (every answer is saved either way).
        """
        while True:
            self.questions.run()
            found = self.flow.completion_problems()
            sections = self.flow.stage_sections()
            self.screen.show(SummaryShown(tuple(self.flow.section_summary(s) for s in sections)))
            if found:
                self.screen.show(ProblemsShown(tuple(found)))
                options = [Option("fix", m.Q_REVIEW_FIX), Option("later", m.Q_REVIEW_LATER)]
                message = m.Q_REVIEW_PROMPT_PROBLEMS
            else:
                options = [Option("done", m.Q_STAGE_DONE), Option("change", m.Q_STAGE_CHANGE)]
                message = m.Q_STAGE_CHECK
            choice = self.asker.select(Prompt(message, default=options[0].value), options)
            if choice == "done":
                self.flow.complete()
                return True
            if choice == "later":
                return False
            if choice == "fix":
                self.fix(found)
            else:
                self.change(sections)

    def redo(self) -> None:
        """Ask every question of the flow's stage again, the current answers as defaults
        (a new decision); which questions follow depends on the new answers."""
        for section in self.flow.stage_sections():
            self.questions.announce(section)
            asked: set[str] = set()
            while True:
                pending = [
                    q for q in self.flow.applicable_questions(section) if q.field not in asked
                ]
                if not pending:
                    break
                asked.add(pending[0].field)
                self.questions.ask(section, pending[0], changing=True)
