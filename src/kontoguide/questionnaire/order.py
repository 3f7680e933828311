"""The order of the questions: which one comes next, and where a question stands.

It only reads: what is answered, set aside or passed in this session decides
what comes next. The one thing it saves is the mark that a list's menu is open,
so that a pause there resumes on it.
"""

from __future__ import annotations

from kontoguide.checklist.parts import Question, Section
from kontoguide.questionnaire.set_aside import SetAside, unfinished_key


class QuestionOrder(SetAside):
    def position(self, section: Section, question: Question) -> tuple[int, int]:
        """Question number within its section (1-based) and how many it has.

        Every question of the section counts, also those that apply only after some
        answer: each question keeps its number and the total never grows as the
        answers go on ("7 av 12" is followed by "9 av 12" when question 8 does not
        apply, never by "8 av 11" after "7 av 10").
        """
        index = next((i for i, q in enumerate(section.questions) if q.field == question.field), 0)
        return index + 1, len(section.questions)

    def skipped_before(self, section: Section, question: Question) -> tuple[int, int] | None:
        """The numbers (first, last) of the questions right before `question` in its
        section that do not apply to the answers, if any: why the number jumps."""
        at = next((i for i, q in enumerate(section.questions) if q.field == question.field), 0)
        first = at
        while first > 0 and not self.is_applicable(section.questions[first - 1]):
            first -= 1
        return (first + 1, at) if first < at else None

    def previous_question(self, question: Question) -> tuple[Section, Question] | None:
        """The applicable question before `question` in this session's order, if any."""
        order = [(s, q) for s, q in self.checklist.questions(self.stage) if self.is_applicable(q)]
        at = next((i for i, (_, q) in enumerate(order) if q.field == question.field), None)
        return order[at - 1] if at else None

    # --- what comes next -------------------------------------------------------

    def next_question(self) -> tuple[Section, Question] | None:
        order = [(s, q) for s, q in self.checklist.questions(self.stage) if self.is_applicable(q)]
        last = max((i for i, (_, q) in enumerate(order) if self.is_answered(q.field)), default=-1)
        for index, (section, question) in enumerate(order):
            if question.field in self.passed:
                continue
            if question.kind == "list" and self.list_open(question):
                return section, question
            if self.has_set_aside(question):
                return section, question
            if self.is_answered(question.field):
                if question.kind == "list" and index == last:
                    return section, question
                continue
            if not question.required and index < last:
                continue
            return section, question
        return None

    def list_open(self, question: Question) -> bool:
        """Whether the person left the list's menu open (paused there) last time."""
        return self._record.set_aside.get(unfinished_key(question)) == {}

    def mark_list_open(self, question: Question, *, is_open: bool) -> None:
        """Remember that the list's menu is open, so that a pause there resumes on it.

        Needed only when later questions are answered already (an answers file, a
        change from the summary): otherwise the list is the last answered question and
        is opened again anyway. Kept as an empty unfinished item, which nothing else
        reads as an answer."""
        key = unfinished_key(question)
        if not is_open:
            if self.list_open(question):
                self.drop_set_aside(key)
            return
        if key in self._record.set_aside or not self._answered_after(question):
            return
        self._keep(key, {})

    def _answered_after(self, question: Question) -> bool:
        order = [q for _, q in self.checklist.questions(self.stage) if self.is_applicable(q)]
        fields = [q.field for q in order]
        if question.field not in fields:
            return False
        later = order[fields.index(question.field) + 1 :]
        return any(self.is_answered(q.field) for q in later)

    def pass_question(self, question: Question) -> None:
        """Leave an optional question empty, or close a list, for this session."""
        self.passed.add(question.field)
