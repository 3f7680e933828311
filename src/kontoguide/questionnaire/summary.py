"""The answers part by part: each part's state and its answers as rows of text.

What the summary, "check your answers" and the reminder on resume show, in one
shape (`SectionSummary`) that the terminal lays out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kontoguide.checklist.added_questions import record_model
from kontoguide.checklist.parts import Question, Section
from kontoguide.questionnaire.answer_text import AnswerText, shorten
from kontoguide.rules.completeness import SetAsideCounts, steps_done
from kontoguide.rules.field_problems import Problem, field_title


@dataclass(frozen=True)
class Row:
    """One answer in the summary: the question, the answer as text (None: not answered)."""

    field: str
    label: str  # the question
    title: str  # the short name of the answer, as in the checklist document
    answer: str | None
    required: bool
    # A list or a multiple choice: one line per item, to be laid out as such.
    # Any other answer is text as the user wrote it, line breaks and all.
    itemised: bool = False


@dataclass(frozen=True)
class SectionSummary:
    section: Section
    state: str  # "done", "started", "empty", "fix"; the basics count like a step
    rows: tuple[Row, ...]


class Summaries(AnswerText):
    def step_states(self) -> dict[int, str]:
        return steps_done(self._record, self.checklist)

    def section_state(self, section: Section) -> str:
        if section.number is not None:
            return self.step_states()[section.number]
        asked = self.applicable_questions(section)
        aside = SetAsideCounts(self._record.set_aside)
        if any(aside.under(q.field) for q in asked):
            return "fix"
        answered = [q for q in asked if self.is_answered(q.field)]
        if not answered:
            return "empty"
        missing = [q for q in asked if q.required and not self.is_answered(q.field)]
        return "started" if missing else "done"

    def task_states(self, found: list[Problem]) -> list[tuple[Section, str, int]]:
        """Each part up to the stage with its state for "check your answers": "fix"
        when completion problems point into it (with how many), else its own state."""
        out = []
        for section in self.checklist.sections_upto(self.stage):
            count = 0
            for problem in found:
                owner = self.question_for(problem.path)
                if owner is not None and owner[0].id == section.id:
                    count += 1
            out.append((section, "fix" if count else self.section_state(section), count))
        return out

    def summary(self) -> list[SectionSummary]:
        return [
            self.section_summary(section) for section in self.checklist.sections_upto(self.stage)
        ]

    def section_summary(self, section: Section) -> SectionSummary:
        rows = tuple(
            Row(
                q.field,
                q.label,
                field_title(q.field, record_model(self.checklist)),
                self.format_answer(q, detailed=True),
                q.required,
                q.kind in ("list", "multichoice"),
            )
            for q in self.applicable_questions(section)
        )
        return SectionSummary(section, self.section_state(section), rows)

    def latest_answers(
        self, section: Section, before: Question | None = None, count: int = 2
    ) -> SectionSummary:
        """The answers just before `before` in a part (default: its last ones), each on
        one line that fits 80 columns: the reminder shown on resume, small enough for
        the overview and the question to share an 80×24 screen."""
        rows = list(self.section_summary(section).rows)
        fields = [row.field for row in rows]
        if before is not None and before.field in fields:
            rows = rows[: fields.index(before.field)]
        rows = [row for row in rows if row.answer is not None]
        short = tuple(
            dataclasses.replace(
                row,
                answer=shorten(row.answer or "", max(20, 74 - len(row.title.split(" › ")[-1]))),
                itemised=False,
            )
            for row in rows[-count:]
        )
        return SectionSummary(section, self.section_state(section), short)
