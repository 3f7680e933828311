"""The questionnaire engine: what comes next, what an answer does, when it is done.

Pure: no terminal, no prompt library. It holds one record and the checklist,
and every change goes through the record model (validated with the checklist
context), then straight to the `save` callback, so a crash loses at most the
answer being typed.

Rules it keeps:
- Questions come in checklist order; a question whose `when` does not hold is
  skipped, and an answer to it (from an earlier choice) is moved to
  `set_aside` so that nothing the user wrote is dropped.
- "Answered" means a value in the record. Optional questions left empty and
  lists the user has closed are remembered for this session only; on resume an
  optional question before the last answered one counts as passed, and a list
  that is the last answered question is opened again (the user may have been
  about to add more).
- An answer that no longer validates lives in `set_aside`; its question is
  asked again with the old value as default and the reason.

`Flow` is put together from its parts, one module each: the shared record
(session.py), answers as text (answer_text.py), set-aside answers (set_aside.py),
applying an answer (applying.py), the order of the questions (order.py), lists
(list_answers.py), summaries (summary.py), follow-ups (follow_up_answers.py) and
answers given at a review (review_answers.py).
What is left here is when the walk is done.
"""

from __future__ import annotations

from kontoguide.checklist.parts import Section
from kontoguide.model.record import Record
from kontoguide.questionnaire.follow_up_answers import FollowUpAnswers
from kontoguide.questionnaire.list_answers import ListAnswers
from kontoguide.questionnaire.order import QuestionOrder
from kontoguide.questionnaire.review_answers import ReviewAnswers
from kontoguide.questionnaire.session import Refused
from kontoguide.questionnaire.summary import Summaries
from kontoguide.rules import lifecycle
from kontoguide.rules.field_problems import Problem
from kontoguide.store.storage import now


class Flow(QuestionOrder, ListAnswers, FollowUpAnswers, ReviewAnswers, Summaries):
    """The engine over one record: its parts, and the end of the walk."""

    def completion_problems(self) -> list[Problem]:
        """What is missing or wrong up to this session's stage."""
        return lifecycle.open_problems(self._record, self.checklist, self.stage, today=self.today)

    def complete(self) -> Record:
        """End the walk when nothing is missing up to its stage; the state follows."""
        found = self.completion_problems()
        if found:
            raise Refused(found[0].message)
        moment = now()
        if lifecycle.settled(self._record, self.checklist, moment=moment, today=self.today) != (
            self._record
        ):
            self._store(self._record)
        # Otherwise every answer is saved and the state is already derived: a record
        # that is only looked at keeps its time of last change.
        return self._record

    def stage_sections(self) -> tuple[Section, ...]:
        """The sections of this session's stage only (the decision, the start, ...)."""
        return tuple(s for s in self.checklist.sections if s.stage == self.stage)

    def advice(self, field: str) -> str | None:
        """kontoguide's hint on the answer just given to `field`, if it has one."""
        return self._record.advice(field)
