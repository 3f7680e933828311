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
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, ValidationError

from kontoguide.checklist.added_questions import answers_model, record_model
from kontoguide.checklist.parts import Checklist, ChoiceOption, ItemField, Question, Section
from kontoguide.checklist.record_fields import _field_annotation, list_item_model
from kontoguide.model import paths
from kontoguide.model.account_life import CONCLUSION_CLOSE
from kontoguide.model.errortext import translate
from kontoguide.model.fieldtypes import parse_date
from kontoguide.model.readable import readable
from kontoguide.model.record import META_FIELDS, Record
from kontoguide.model.textsafe import xml_safe
from kontoguide.questionnaire import messages as m
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import SetAsideCounts, applicable, steps_done
from kontoguide.rules.field_problems import Problem, field_title
from kontoguide.rules.pruning import free_item_key, free_item_keys, prune
from kontoguide.rules.validation import make_context
from kontoguide.store.storage import now

Spec = Question | ItemField
Saver = Callable[[Record], object]

# Follow-ups are asked by their own dialogue (follow_up.py), not by a checklist
# question: one item at a time, one measured value per goal.
FOLLOW_UPS = "follow_ups"
UNFINISHED_FOLLOW_UP = f"{FOLLOW_UPS}[new]"
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


def format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


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


class Flow:
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

    def _set_record(self, record: Record) -> None:
        self._record = record
        self._data = record.model_dump(mode="json")

    @property
    def data(self) -> dict[str, Any]:
        """The record as JSON data (read-only by convention: copy before changing)."""
        return self._data

    def context(self, *, complete: bool = False) -> dict[str, Any]:
        context = make_context(
            self.checklist, today=self._today, complete=complete, data=self._data
        )
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
            typed[field] = text[:TYPED_LIMIT]
        else:
            typed.pop(field, None)
        if typed != self._record.typed:
            self._store(self._record.model_copy(update={"typed": typed}))

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

    # --- answers that were set aside -------------------------------------------

    def set_aside_for(self, field: str) -> tuple[str, Any] | None:
        """The set-aside value for a field, found directly or inside a set-aside group."""
        for key, value in self._record.set_aside.items():
            if key == field:
                return key, value
            if field.startswith(key + "."):
                inner = self._set_aside_part(key, value, field)
                if inner is not None:
                    return key, inner
        return None

    def _set_aside_part(self, key: str, value: Any, field: str) -> Any:
        """What of the group `value` (set aside under `key`) belongs to `field`.

        A group given as something other than an object (an answers file with text or
        a list for a whole part) belongs to the part's first question: it is shown
        there, so the user's words are seen and not silently kept.
        """
        node, at = value, key
        for part in paths.split(field[len(key) + 1 :]):
            if not isinstance(node, dict):
                return node if self.first_question_in(at) == field else None
            node, at = node.get(part), f"{at}.{part}"
        return node

    def first_question_in(self, group: str) -> str | None:
        """The first applicable question inside a group of answers (a part or a step)."""
        for _, question in self.checklist.questions():
            if question.field.startswith(group + ".") and self.is_applicable(question):
                return question.field
        return None

    def set_aside_items(self, question: Question) -> list[tuple[str, dict[str, Any]]]:
        """Set-aside items of a list question, with the key each is stored under."""
        found = []
        for key, value in self._record.set_aside.items():
            if self._in_progress(question, key, value):
                continue  # shown by unfinished_item and item_change
            mine = key == question.field or key.startswith(question.field + "[")
            # A whole group given as text or a list, whose first question is this list.
            group = question.field.startswith(key + ".") and not isinstance(value, dict)
            if mine or (group and self.first_question_in(key) == question.field):
                found.append((key, self._as_item(question, value)))
        return found

    @staticmethod
    def _in_progress(question: Question, key: str, value: Any) -> bool:
        """Whether `key` holds an item being added or changed, in the shape the list
        continues from; in any other shape (a hand-edited file) it is a set-aside item."""
        if key == unfinished_key(question):
            return isinstance(value, dict)
        if key == change_key(question):
            return isinstance(value, dict) and isinstance(value.get("answers"), dict)
        return False

    @staticmethod
    def _as_item(question: Question, value: Any) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        if not paths.is_answered(value):
            return {}
        # Text, a number or a list where an item belongs (an answers file, say): it
        # opens the item's first question, so the user's words are shown, not lost.
        return {question.fields[0].field: readable(value)}

    def unfinished_item(self, question: Question) -> dict[str, Any] | None:
        """The item the user was filling in when the session ended, if any."""
        value = self._record.set_aside.get(unfinished_key(question))
        return value if isinstance(value, dict) and value else None

    def keep_unfinished_item(self, question: Question, item: dict[str, Any]) -> None:
        """Save an item's answers so far: an item joins the list only when whole, but
        a crash in the middle of one must not lose what was already answered."""
        self.keep_item(unfinished_key(question), item)

    def keep_item(self, key: str, item: dict[str, Any]) -> None:
        """Save an item's answers so far under `key` in set_aside (a new item, or one
        set aside that is being put right)."""
        self._keep(key, dict(item))

    def keep_item_change(self, question: Question, index: int, answers: dict[str, Any]) -> None:
        """Save the answers so far while an item of the list is changed field by field;
        the item in the list keeps its old answers until the change is whole."""
        entry = {"was": self.items(question)[index], "answers": dict(answers)}
        self._keep(change_key(question), entry)

    def _keep(self, key: str, value: Any) -> None:
        set_aside = {**self._record.set_aside, key: value}
        self._store(self._record.model_copy(update={"set_aside": set_aside}))

    def item_change(self, question: Question) -> tuple[int, dict[str, Any]] | None:
        """The change of an item the user was making when the session ended: the item's
        index and the answers so far. If that item is no longer in the list (set aside
        when the draft was loaded, say), the answers are set aside as an item of their
        own, to be completed like any set-aside item."""
        key = change_key(question)
        entry = self._record.set_aside.get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("answers"), dict):
            return None
        was, answers = entry.get("was"), entry["answers"]
        items = self.items(question)
        if was in items:
            return items.index(was), answers
        set_aside = {k: v for k, v in self._record.set_aside.items() if k != key}
        merged = {**was, **answers} if isinstance(was, dict) else dict(answers)
        set_aside[free_item_key(set_aside, question.field)] = merged
        self._store(self._record.model_copy(update={"set_aside": set_aside}))
        return None

    def has_set_aside(self, question: Question) -> bool:
        if question.kind == "list":
            # Items set aside, and an item left half-answered (new or being changed):
            # exactly what the list will show, so it never opens with nothing to do.
            return bool(
                self.set_aside_items(question)
                or self.unfinished_item(question)
                or self._record.set_aside.get(change_key(question))
            )
        return self.set_aside_for(question.field) is not None

    def set_aside_reason(self, field: str, value: Any) -> str | None:
        """Why a set-aside value is not accepted now (None: it would be accepted)."""
        return self.check(field, value)

    def changed_reason(self, field: str) -> str | None:
        """Why an answer that is still valid was set aside: the answer it rested on
        changed in this session (the platform), said with the old and the new answer."""
        entry = self._changed_from.get(field)
        owner = self.question_for(entry[0]) if entry is not None else None
        if entry is None or owner is None:
            return None
        spec, was, now_ = owner[1], entry[1], self.value(entry[0])
        if was == now_ or not paths.is_answered(now_):
            return None  # changed back: the old answer fits as it did
        return m.Q_DEPENDS_CHANGED.format(
            title=spec.label, old=self.format_value(spec, was), new=self.format_value(spec, now_)
        )

    def drop_set_aside(self, key: str) -> None:
        """Forget a set-aside value the user has dealt with, and save."""
        if key not in self._record.set_aside:
            return
        set_aside = {k: v for k, v in self._record.set_aside.items() if k != key}
        self._store(self._record.model_copy(update={"set_aside": set_aside}))

    def _without_set_aside(self, data: dict[str, Any], field: str) -> None:
        """Remove what is set aside for `field` once it has a fresh answer."""
        set_aside: dict[str, Any] = data.get("set_aside") or {}
        for key in list(set_aside):
            if key == field:
                del set_aside[key]
            elif field.startswith(key + "."):
                self._drop_part(set_aside, key, field)
                if key in set_aside and not _has_values(set_aside[key]):
                    del set_aside[key]
        data["set_aside"] = set_aside

    def _drop_part(self, set_aside: dict[str, Any], key: str, field: str) -> None:
        """Remove `field`'s part of the group under `key`: the value at the field in a
        group object, or the whole group if it was shown at `field` (see _set_aside_part)."""
        holder: dict[str, Any] = set_aside
        name, at = key, key
        for part in paths.split(field[len(key) + 1 :]):
            node = holder[name]
            if not isinstance(node, dict):
                if self.first_question_in(at) == field:
                    del holder[name]
                return
            if part not in node:
                return
            holder, name, at = node, part, f"{at}.{part}"
        del holder[name]

    # --- checking and applying -------------------------------------------------

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

    def apply(self, field: str, value: Any, *, resolves: str | None = None) -> list[Problem]:
        """Store an answer and save; returns other answers that this one made invalid.

        Those are set aside (never dropped) and asked again in their turn.
        `resolves` names a set-aside entry (a list item) that this answer replaces.
        """
        message = self.check(field, value)
        if message is not None:
            raise Refused(message)
        candidate = self._with(field, value)
        self._without_set_aside(candidate, field)
        # Answered now: text typed there before a pause is no longer needed.
        typed = candidate.get("typed")
        if isinstance(typed, dict):
            typed.pop(field, None)
        if resolves is not None:
            candidate["set_aside"].pop(resolves, None)
        self.set_aside_now = self._set_aside_dependents(candidate, field)
        return self._commit(candidate)

    # --- answers that rest on another one ----------------------------------------

    def dependents(self, field: str) -> list[Question]:
        """Questions whose `when` or `depends_on` names `field` (the platform's)."""
        return [
            q
            for _, q in self.checklist.questions()
            if (q.when is not None and q.when.field == field) or q.depends_on == field
        ]

    def _set_aside_dependents(self, candidate: dict[str, Any], field: str) -> list[Question]:
        """When an answer changes, what rested on it is set aside (kept, asked again
        where it still applies); returns those questions."""
        old, new = paths.get(self._data, field), paths.get(candidate, field)
        if not paths.is_answered(old) or old == new:
            return []
        moved: list[Question] = []
        set_aside: dict[str, Any] = candidate.setdefault("set_aside", {})
        for question in self.dependents(field):
            value = paths.get(candidate, question.field)
            if question.kind != "list" and paths.is_answered(value):
                set_aside[question.field] = value
                paths.put(candidate, question.field, None)
                moved.append(question)
                self._changed_from[question.field] = (field, old)
            elif question.field in self._changed_from and question.field not in set_aside:
                del self._changed_from[question.field]  # answered again since
        return moved

    def listed_choice(self, question: Question, text: Any) -> tuple[Question, ChoiceOption] | None:
        """The listed choice that an answer to an "other" question names: "TikTok" typed
        after "Annan plattform" is TikTok (its label, value or an alias, case and spaces
        aside). The "other" question is a text question asked when a choice question has
        the value that means "another"."""
        if question.kind != "text" or question.when is None or not isinstance(text, str):
            return None
        owner = self.question_for(question.when.field)
        if owner is None or owner[1].field != question.when.field:
            return None
        choice_question = owner[1]
        if choice_question.kind != "choice" or not choice_question.choices:
            return None
        wanted = _plain(text)
        if not wanted:
            return None
        for option in self.checklist.choices.get(choice_question.choices, ()):
            if option.value in question.when.equals:
                continue
            if any(
                _plain(name) == wanted for name in (option.label, option.value, *option.aliases)
            ):
                return choice_question, option
        return None

    def _commit(self, candidate: dict[str, Any]) -> list[Problem]:
        self._retire_inapplicable(candidate)
        record, displaced = prune(candidate, self.context(), keep=META_FIELDS)
        new = record.model_dump(mode="json")
        if _same_content(new, self._data):
            # The same answer again (nothing set aside resolved either): nothing to save,
            # and a finished checklist stays finished.
            return displaced
        self._store(record)
        return displaced

    def _store(self, record: Record) -> None:
        moment = now()
        record = lifecycle.settled(record, self.checklist, moment=moment, today=self._today)
        record = record.model_copy(update={"updated_at": moment})
        self._save(record)
        self._set_record(record)

    def _retire_inapplicable(self, data: dict[str, Any]) -> None:
        # An answer to a question that no longer applies (TikTok questions after
        # switching to Instagram) must not end up in the checklist, but it is kept
        # in set_aside and offered again if the question applies again.
        set_aside: dict[str, Any] = data.setdefault("set_aside", {})
        for _, question in self.checklist.questions():
            value = paths.get(data, question.field)
            if not paths.is_answered(value) or applicable(question, data):
                continue
            if question.kind == "list" and isinstance(value, list):
                # One entry per item, as prune stores them, so each comes back on its own.
                keys = free_item_keys(set_aside, question.field, len(value))
                set_aside.update(zip(keys, value, strict=True))
            else:
                set_aside[question.field] = value
            paths.put(data, question.field, None)

    # --- lists -----------------------------------------------------------------

    def item_model(self, question: Question) -> type[BaseModel]:
        model = list_item_model(_field_annotation(answers_model(self.checklist), question.field))
        if model is None:  # the checklist loader guarantees this for kind "list"
            raise TypeError(question.field)
        return model

    def max_items(self, question: Question) -> int | None:
        """The most items the list may hold, from the record model (None: no limit)."""
        parent, _, name = question.field.rpartition(".")
        # The checklist's own answers model: its added questions (extra.<id>) are typed there.
        typed = answers_model(self.checklist)
        model = _field_annotation(typed, parent) if parent else typed
        is_model = isinstance(model, type) and issubclass(model, BaseModel)
        info = model.model_fields.get(name) if is_model else None
        for rule in info.metadata if info is not None else ():
            # pydantic keeps Field(max_length=...) as a MaxLen marker in the metadata.
            limit = getattr(rule, "max_length", None)
            if isinstance(limit, int):
                return limit
        return None

    def is_full(self, question: Question) -> bool:
        limit = self.max_items(question)
        return limit is not None and len(self.items(question)) >= limit

    def items(self, question: Question) -> list[dict[str, Any]]:
        value = self.value(question.field)
        return list(value) if isinstance(value, list) else []

    def check_item(self, question: Question, item: dict[str, Any], sub_field: str) -> str | None:
        """The message for one field of a list item being filled in, else None.

        The item is incomplete while it is being asked, so only errors on
        `sub_field` count.
        """
        try:
            self.item_model(question).model_validate(item, context=self.context())
        except ValidationError as exc:
            for error in exc.errors():
                loc = error["loc"]
                if loc and loc[0] == sub_field:
                    return translate(error)
        return None

    def item_problem(self, question: Question, item: dict[str, Any]) -> str | None:
        """The first thing wrong with a whole item, with the field's title, else None."""
        model = self.item_model(question)
        try:
            model.model_validate(item, context=self.context())
        except ValidationError as exc:
            error = exc.errors()[0]
            name = str(error["loc"][0]) if error["loc"] else ""
            info = model.model_fields.get(name)
            title = info.title if info is not None and info.title else name
            return f"{title}: {translate(error)}" if title else translate(error)
        return None

    def set_items(self, question: Question, items: list[dict[str, Any]]) -> list[Problem]:
        return self.apply(question.field, items or None)

    def add_item(
        self, question: Question, item: dict[str, Any], *, resolves: str | None = None
    ) -> list[Problem]:
        return self.apply(question.field, [*self.items(question), item], resolves=resolves)

    def replace_item(
        self, question: Question, index: int, item: dict[str, Any], *, resolves: str | None = None
    ) -> list[Problem]:
        items = self.items(question)
        items[index] = item
        return self.apply(question.field, items, resolves=resolves)

    def remove_item(self, question: Question, index: int) -> list[Problem]:
        items = self.items(question)
        del items[index]
        return self.set_items(question, items)

    def list_done_problem(self, question: Question) -> str | None:
        """Why the list cannot be closed yet: too few items or a rule for the whole list."""
        if question.required and not self.items(question):
            return m.V_MIN_ITEMS.format(item=question.item_label)
        try:
            Record.model_validate(self._data, context=self.context(complete=True))
        except ValidationError as exc:
            for error in exc.errors():
                if related(paths.from_loc(error["loc"]), question.field):
                    if error["type"] == "two_admins":
                        return f"{translate(error)} {self.admins_now(question)}"
                    return translate(error)
        return None

    def admins_now(self, question: Question) -> str:
        """Who has the admin right in the list now, said by name."""
        names = [
            str(item.get("name") or "")
            for item in self.items(question)
            if item.get(ADMIN_FIELD) is True
        ]
        if not names:
            return m.Q_ADMINS_NONE
        return m.Q_ADMINS_NOW.format(names=", ".join(f"”{name}”" for name in names))

    def item_menu_title(self, question: Question, item: dict[str, Any]) -> str:
        """An item in menus and the list so far: its first two answers, and for a team
        member whether the person has the admin right."""
        title = self.item_title(question, item)
        if any(spec.field == ADMIN_FIELD for spec in question.fields) and isinstance(
            item.get(ADMIN_FIELD), bool
        ):
            title += " · " + (m.Q_ITEM_ADMIN if item[ADMIN_FIELD] else m.Q_ITEM_NOT_ADMIN)
        return title

    def item_field_title(self, question: Question, spec: ItemField) -> str:
        info = self.item_model(question).model_fields.get(spec.field)
        return info.title if info is not None and info.title else spec.label

    def people_to_offer(self, question: Question) -> list[tuple[str, dict[str, Any]]]:
        """The people named earlier (step 2) who are not in the list yet: (who, item)."""
        return [
            (who, item)
            for who, item in offered_people(question, self._data)
            if not any(_same_person(item, member) for member in self.items(question))
        ]

    # --- overview, summary, completion -------------------------------------------

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

    def format_answer(self, question: Question, *, detailed: bool = False) -> str | None:
        """The answer as text; `detailed` spells out list items and choices line by line."""
        value = self.value(question.field)
        if not paths.is_answered(value):
            return None
        if question.kind == "list":
            if not detailed:
                return "; ".join(self.item_title(question, item) for item in value)
            return "\n".join(
                self._item_block(question, number, item) for number, item in enumerate(value, 1)
            )
        if detailed and question.kind == "multichoice" and isinstance(value, list):
            return "\n".join(f"- {self.format_value(question, [v])}" for v in value)
        return self.format_value(question, value)

    def _item_block(self, question: Question, number: int, item: dict[str, Any]) -> str:
        details = self.item_details(question, item)
        if not details:
            return f"{number}."
        # A value written over several lines continues under its item, indented.
        details = [(title, value.replace("\n", "\n   ")) for title, value in details]
        (_, first), rest = details[0], details[1:]
        lines = [f"{number}. {first}"]
        lines += [f"   {title}: {value}" for title, value in rest]
        return "\n".join(lines)

    def format_value(self, spec: Spec, value: Any) -> str:
        """An answer as text; any JSON value (a set-aside answer can have any shape)."""
        if value is None:
            return ""
        if spec.kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
            return f"{format_number(value)} {spec.unit}" if spec.unit else format_number(value)
        if spec.kind in ("choice", "multichoice") and spec.choices:
            list_name = spec.choices
            return readable(value, label=lambda v: self.checklist.choice_label(list_name, v))
        return readable(value)

    def item_title(self, question: Question, item: dict[str, Any]) -> str:
        """One line that identifies an item: its first two answers."""
        parts = [
            self.format_value(spec, item.get(spec.field))
            for spec in question.fields
            if item.get(spec.field) not in (None, "")
        ][:2]
        return " · ".join(part.replace("\n", " ") for part in parts)

    def item_details(self, question: Question, item: dict[str, Any]) -> list[tuple[str, str]]:
        """Every answer in an item, with the item model's short field titles."""
        model = self.item_model(question)
        out = []
        for spec in question.fields:
            value = item.get(spec.field)
            if value in (None, ""):
                continue
            title = model.model_fields[spec.field].title or spec.field
            out.append((title, self.format_value(spec, value)))
        return out

    def completion_problems(self) -> list[Problem]:
        """What is missing or wrong up to this session's stage."""
        return lifecycle.open_problems(self._record, self.checklist, self.stage, today=self._today)

    def complete(self) -> Record:
        """End the walk when nothing is missing up to its stage; the state follows."""
        found = self.completion_problems()
        if found:
            raise Refused(found[0].message)
        moment = now()
        if lifecycle.settled(self._record, self.checklist, moment=moment, today=self._today) != (
            self._record
        ):
            self._store(self._record)
        # Otherwise every answer is saved and the state is already derived: a record
        # that is only looked at keeps its time of last change.
        return self._record

    def stage_sections(self) -> tuple[Section, ...]:
        """The sections of this session's stage only (the decision, the start, ...)."""
        return tuple(s for s in self.checklist.sections if s.stage == self.stage)

    # --- follow-ups --------------------------------------------------------------

    def goals(self) -> list[dict[str, Any]]:
        value = self.value("step2.goals")
        return list(value) if isinstance(value, list) else []

    def follow_ups(self) -> list[dict[str, Any]]:
        value = self.value(FOLLOW_UPS)
        return list(value) if isinstance(value, list) else []

    def unfinished_follow_up(self) -> dict[str, Any] | None:
        """The follow-up the user was writing when the last session ended, if any."""
        value = self._record.set_aside.get(UNFINISHED_FOLLOW_UP)
        return value if isinstance(value, dict) and value else None

    def keep_unfinished_follow_up(self, item: dict[str, Any]) -> None:
        """Save a follow-up's answers so far: it joins the record only when whole, but
        an interruption in the middle must not lose what was typed."""
        self.keep_item(UNFINISHED_FOLLOW_UP, item)

    def drop_unfinished_follow_up(self) -> None:
        self.drop_set_aside(UNFINISHED_FOLLOW_UP)

    def check_follow_up(self, item: dict[str, Any]) -> str | None:
        """The message for the first thing wrong with a follow-up being written, else None.

        The item is checked as the record would check it (the follow-up's own rules
        and the record's: not before the start, not measured after the follow-up),
        with the answers not given yet filled in with values that pass. The dialogue
        checks after every answer, in order, so anything refused here is about the
        answer just given.
        """
        return self.check(FOLLOW_UPS, [*self.follow_ups(), self._follow_up_probe(item)])

    def _follow_up_probe(self, item: dict[str, Any]) -> dict[str, Any]:
        """`item` made whole with stand-ins that every rule accepts (never saved)."""
        held = item.get("held_on")
        try:
            day = parse_date(held)
        except ValueError:  # an unreadable date is refused at its own place first
            day = self._today or date.today()
        stand_in_day = day.isoformat()
        given = item.get("measurements")
        given = given if isinstance(given, list) else []
        measurements = []
        for number in range(1, len(self.goals()) + 1):
            stand_in = {"goal": number, "value": 0, "measured_on": stand_in_day}
            earlier = given[number - 1] if number <= len(given) else {}
            measurements.append({**stand_in, **(earlier if isinstance(earlier, dict) else {})})
        probe = {
            "held_on": stand_in_day,
            "assessment": "ok",  # never saved; passes the two-letter minimum
            "conclusion": CONCLUSION_CLOSE,
            **item,
            "measurements": measurements,
        }
        if probe.get("conclusion") != CONCLUSION_CLOSE and probe.get("next_review") is None:
            probe["next_review"] = (day + timedelta(days=1)).isoformat()
        return probe

    def add_follow_up(self, item: dict[str, Any]) -> list[Problem]:
        """Add a whole follow-up to the record (refused unless the record accepts it)."""
        return self.apply(FOLLOW_UPS, [*self.follow_ups(), item], resolves=UNFINISHED_FOLLOW_UP)

    def question_for(self, path: str) -> tuple[Section, Question] | None:
        """The question that owns an answer path such as step2.goals[0].deadline."""
        for section, question in self.checklist.questions():
            if paths.within(path, question.field):
                return section, question
        return None


# The people named in step 2 who are offered as the team's first members, with the
# words that say who each is.
PEOPLE_FROM: dict[str, tuple[tuple[str, str], ...]] = {
    "step4.team": (
        ("step2.responsible", m.Q_WHO_RESPONSIBLE),
        ("step2.deputy", m.Q_WHO_DEPUTY),
    )
}
ADMIN_FIELD = "admin"


def offered_people(question: Question, data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(who, item with name and e-mail) for each person named earlier for this list."""
    out = []
    for path, who in PEOPLE_FROM.get(question.field, ()):
        name = paths.get(data, f"{path}.name")
        if not isinstance(name, str) or not name.strip():
            continue
        item: dict[str, Any] = {"name": name}
        email = paths.get(data, f"{path}.email")
        if isinstance(email, str) and email.strip():
            item["email"] = email
        out.append((who, item))
    return out


def _same_person(one: dict[str, Any], other: dict[str, Any]) -> bool:
    def plain(value: Any) -> str:
        return " ".join(str(value or "").casefold().split())

    same_name = plain(one.get("name")) == plain(other.get("name"))
    return same_name or (
        bool(one.get("email")) and plain(one.get("email")) == plain(other.get("email"))
    )


# Plain mode (`--enkel`) says every title and answer whole: a listener has no line to
# fit, and a text cut short ("…") is not heard as cut.
whole_titles: ContextVar[bool] = ContextVar("whole_titles", default=False)


def shorten(text: str, width: int) -> str:
    """`text` on one line, at most `width` characters, cut after a whole word (a word
    is cut only when the first one alone is too long)."""
    flat = " ".join(text.split())
    if len(flat) <= width or whole_titles.get():
        return flat
    cut = flat[: width - 1]
    if flat[width - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def _plain(text: str) -> str:
    """A name to compare: lower case, no spaces or punctuation ("Tik Tok" is "tiktok")."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _same_content(new: dict[str, Any], old: dict[str, Any], *, transient: bool = False) -> bool:
    """Whether two records hold the same answers and set-aside values; with `transient`,
    items being added or changed right now ("[new]", "[edit]") do not count."""

    def essence(data: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in data.items() if k not in ("updated_at", "status")}
        if transient:
            out["set_aside"] = {
                key: value
                for key, value in (data.get("set_aside") or {}).items()
                if not paths.in_progress(key)
            }
        return out

    return essence(new) == essence(old)


def _has_values(node: Any) -> bool:
    if isinstance(node, dict):
        return any(_has_values(v) for v in node.values())
    return paths.is_answered(node)


def unfinished_key(question: Question) -> str:
    return f"{question.field}[new]"


def change_key(question: Question) -> str:
    return f"{question.field}[edit]"
