"""Answers set aside: kept out of the answers, never dropped, until dealt with.

An answer lands in `set_aside` when it no longer validates or no longer applies,
and a list item is kept there while it is half answered (new or being changed),
so that a pause or a crash loses nothing. These methods find such a value again
for its question, keep one, and forget it once it has a fresh answer.
"""

from __future__ import annotations

from typing import Any

from kontoguide.checklist.parts import Question
from kontoguide.model import paths
from kontoguide.model.readable import readable
from kontoguide.questionnaire.session import Session
from kontoguide.rules.pruning import free_item_key


class SetAside(Session):
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


def _has_values(node: Any) -> bool:
    if isinstance(node, dict):
        return any(_has_values(v) for v in node.values())
    return paths.is_answered(node)


def unfinished_key(question: Question) -> str:
    return f"{question.field}[new]"


def change_key(question: Question) -> str:
    return f"{question.field}[edit]"
