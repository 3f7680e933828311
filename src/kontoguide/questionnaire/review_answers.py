"""Answers given at a review (omprövning): the questions a later checklist version
added before the decision, asked after a follow-up and listed in it.

Each answer is saved like any other (apply), in the same save as its mark in the
follow-up's `review_answers`, so the record is never judged by a question that is
answered but not marked. The decision stays what it was: the record is still
judged by the version it was decided under, now with the answered questions in it.
"""

from __future__ import annotations

from typing import Any

from kontoguide.checklist.earlier import judged_by, review_questions
from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Checklist, Question, Section
from kontoguide.model import paths
from kontoguide.model.errors import KontoguideError
from kontoguide.model.record import Record
from kontoguide.questionnaire.applying import Applying
from kontoguide.questionnaire.follow_up_answers import FOLLOW_UPS


class ReviewAnswers(Applying):
    # The fields being asked at the review now; an answer to one of them is marked in
    # the last follow-up (the review's).
    in_review: frozenset[str] = frozenset()

    def current_checklist(self) -> Checklist | None:
        """The version of the record's checklist in use now (None: not installed here)."""
        try:
            return load_checklist(self.checklist.id)
        except KontoguideError:
            return None

    def review_questions(self) -> list[tuple[Section, Question]]:
        """What the version in use now asks before the decision and the record's own
        version (with what earlier reviews answered) does not, where it applies."""
        current = self.current_checklist()
        if current is None or not self.value(FOLLOW_UPS):
            return []
        return review_questions(current, self.checklist, self._data)

    def _with(self, field: str, value: Any) -> dict[str, Any]:
        candidate = super()._with(field, value)
        follow_ups = candidate.get(FOLLOW_UPS)
        if field in self.in_review and paths.is_answered(value) and follow_ups:
            last = follow_ups[-1]
            listed = list(last.get("review_answers") or [])
            if field not in listed:
                last["review_answers"] = [*listed, field]
        return candidate

    def _store(self, record: Record) -> None:
        super()._store(record)
        current = self.current_checklist()
        if self.in_review and current is not None:
            # Judged from now on with the answered question in it (its document shows it).
            self.checklist = judged_by(current, self._data)
