"""Applying an answer: check it, store it, and set aside what it made invalid.

An answer can also take others with it: those that rest on it (the reason a
platform fits, after the platform changed) and those to questions that no longer
apply (the TikTok questions after a switch to Instagram). They are set aside,
never dropped, and the reason is kept so that the user is told why.
"""

from __future__ import annotations

import re
from typing import Any

from kontoguide.checklist.parts import ChoiceOption, Question
from kontoguide.model import paths
from kontoguide.model.record import META_FIELDS
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_text import AnswerText
from kontoguide.questionnaire.session import Refused
from kontoguide.questionnaire.set_aside import SetAside
from kontoguide.rules.completeness import applicable
from kontoguide.rules.field_problems import Problem
from kontoguide.rules.pruning import free_item_keys, prune


class Applying(SetAside, AnswerText):
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
