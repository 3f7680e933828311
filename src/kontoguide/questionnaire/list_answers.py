"""List questions (the team, the goals): their items, limits and checks.

A list changes only as a whole answer through `apply`, so an item is checked
against its own model while it is filled in and the list against the record when
it is closed. The people named earlier are offered here as the team's first
members.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from kontoguide.checklist.added_questions import answers_model
from kontoguide.checklist.parts import ItemField, Question
from kontoguide.checklist.record_fields import _field_annotation
from kontoguide.model import paths
from kontoguide.model.errortext import translate
from kontoguide.model.record import Record
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.applying import Applying
from kontoguide.questionnaire.session import related
from kontoguide.rules.field_problems import Problem


class ListAnswers(Applying):
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
