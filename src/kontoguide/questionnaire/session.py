"""One record being answered: the state every part of the questionnaire engine shares.

The parts (what comes next, set-aside answers, applying an answer, lists,
summaries, follow-ups) are classes over this one, so that they read the same
record and save through the same `_store`; flow.py puts them together as `Flow`.
Here are the record and its answers as JSON data, the context answers are
checked in, checking one answer, and saving.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from kontoguide.checklist.added_questions import answers_model
from kontoguide.checklist.parts import Checklist, Question, Section
from kontoguide.checklist.record_fields import _field_annotation, list_item_model
from kontoguide.model import paths
from kontoguide.model.days import checking_day
from kontoguide.model.errortext import translate
from kontoguide.model.record import Record
from kontoguide.model.textsafe import xml_safe
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import applicable
from kontoguide.rules.validation import make_context
from kontoguide.store.storage import now

Saver = Callable[[Record], object]

# The longest half-typed text kept: far beyond any answer, short enough to show.
TYPED_LIMIT = 20_000


class Refused(Exception):
    """An answer the record model does not accept; `message` says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def related(error_path: str, field: str) -> bool:
    """Whether an error at `error_path` is about the answer at `field`.

    Errors on the field, inside it (list items), or on an object that holds it
    (a rule on the whole deputy, say) all belong to that answer.
    """
    return paths.within(error_path, field) or field.startswith(error_path + ".")


class Session:
    """One record and the checklist it answers, and what this session remembers."""

    def __init__(
        self,
        checklist: Checklist,
        record: Record,
        *,
        save: Saver,
        today: date | None = None,
        stage: str = "ready",
        suggestions: dict[str, Any] | None = None,
    ) -> None:
        self.checklist = checklist
        # Answers of an earlier record (`start --from`): offered, never taken unasked.
        self.suggestions = suggestions or {}
        self.suggested_lists_offered: set[str] = set()
        # How far this session walks: "ready" for the questionnaire up to the decision,
        # "decided", "started" or "closed" to record what happened after it.
        self.stage = stage
        self._save = save
        self._today = today
        self._record = record
        self._data = record.model_dump(mode="json")
        # Optional questions left empty and lists closed in this session.
        self.passed: set[str] = set()
        # Answers set aside by the last `apply` because the answer they rest on changed
        # (the reason a platform fits, the TikTok questions), for the dialogue to name.
        self.set_aside_now: list[Question] = []
        # Per set-aside answer: the answer it rested on and that answer's old value.
        self._changed_from: dict[str, tuple[str, Any]] = {}
        self.people_offered: set[str] = set()

    # --- state ---------------------------------------------------------------

    @property
    def record(self) -> Record:
        return self._record

    @property
    def today(self) -> date:
        """The day answers are checked against (model.days.checking_day): the computer's
        date, or the one given, never before the day the record was last changed."""
        return checking_day(self._today or date.today(), self._record.updated_at)

    def _set_record(self, record: Record) -> None:
        self._record = record
        self._data = record.model_dump(mode="json")

    @property
    def data(self) -> dict[str, Any]:
        """The record as JSON data (read-only by convention: copy before changing)."""
        return self._data

    def context(self, *, complete: bool = False) -> dict[str, Any]:
        context = make_context(self.checklist, today=self.today, complete=complete, data=self._data)
        context["ready_on"] = lifecycle.ready_on(self._record)
        return context

    def value(self, field: str) -> Any:
        return paths.get(self._data, field)

    def suggestion(self, field: str) -> Any:
        """The earlier record's answer to `field`, if a suggestion was given for it."""
        return paths.get(self.suggestions, field) if self.suggestions else None

    def is_answered(self, field: str) -> bool:
        return paths.is_answered(self.value(field))

    def is_applicable(self, question: Question) -> bool:
        return applicable(question, self._data)

    def applicable_questions(self, section: Section) -> list[Question]:
        return [q for q in section.questions if self.is_applicable(q)]

    def question_for(self, path: str) -> tuple[Section, Question] | None:
        """The question that owns an answer path such as step2.goals[0].deadline."""
        for section, question in self.checklist.questions():
            if paths.within(path, question.field):
                return section, question
        return None

    # --- checking and saving ---------------------------------------------------

    def _with(self, field: str, value: Any) -> dict[str, Any]:
        candidate = copy.deepcopy(self._data)
        paths.put(candidate, field, value)
        return candidate

    def check(self, field: str, value: Any) -> str | None:
        """The Swedish message if `value` is not acceptable at `field`, else None."""
        try:
            Record.model_validate(self._with(field, value), context=self.context())
        except ValidationError as exc:
            for error in exc.errors():
                if related(paths.from_loc(error["loc"]), field):
                    return translate(error)
        return None

    def _store(self, record: Record) -> None:
        # Never before the last change: a clock running behind must not move the record's
        # day back, or its answers would look like dates in the future on the next load.
        moment = max(now(), self._record.updated_at)
        record = lifecycle.settled(record, self.checklist, moment=moment, today=self.today)
        record = record.model_copy(update={"updated_at": moment})
        self._save(record)
        self._set_record(record)

    # --- lists: the model of an item, and the items now ----------------------------

    def item_model(self, question: Question) -> type[BaseModel]:
        model = list_item_model(_field_annotation(answers_model(self.checklist), question.field))
        if model is None:  # the checklist loader guarantees this for kind "list"
            raise TypeError(question.field)
        return model

    def items(self, question: Question) -> list[dict[str, Any]]:
        value = self.value(question.field)
        return list(value) if isinstance(value, list) else []

    # --- text typed but not yet an answer ----------------------------------------

    def typed_for(self, field: str) -> str | None:
        """Text typed at `field` before a pause, made safe to show and edit: it comes
        from the file like any answer and is never trusted (control characters are
        replaced, a very long text is cut)."""
        value = self._record.typed.get(field)
        if not isinstance(value, str) or not value.strip():
            return None
        return xml_safe(value)[:TYPED_LIMIT]

    def keep_typed(self, field: str, text: str) -> None:
        """Save the text typed at `field` when the person pauses (empty text: forget it)."""
        typed = dict(self._record.typed)
        if text.strip():
            # Kept whole, but storable: a byte that was not UTF-8 (kept by the input as
            # a lone surrogate) cannot be written as UTF-8, and would lose the draft.
            typed[field] = xml_safe(text)[:TYPED_LIMIT]
        else:
            typed.pop(field, None)
        if typed != self._record.typed:
            self._store(self._record.model_copy(update={"typed": typed}))
