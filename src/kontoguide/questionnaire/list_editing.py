"""Adding, changing and removing the items of a list, and showing the list after.

Each item is saved field by field while it is filled in (as the unfinished
item, or the unfinished change), so a pause loses nothing; a way out or a
refusal leaves the list as it was.
"""

from __future__ import annotations

from typing import Any

from kontoguide.checklist.parts import ItemField, Question
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_prompts import Cancelled
from kontoguide.questionnaire.answer_text import one_line, shorten
from kontoguide.questionnaire.events import ListShown, Note, Screen
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.item_fields import BackFromItem, ItemFields
from kontoguide.questionnaire.prompting import BACK, NO, YES, Asker, GoBack, Option, Prompt, yes_no
from kontoguide.questionnaire.session import Refused
from kontoguide.questionnaire.set_aside import change_key, unfinished_key
from kontoguide.questionnaire.set_aside_notes import show_displaced

_ALL_FIELDS = "\x00alla"


class ListEditing:
    def __init__(self, flow: Flow, asker: Asker, screen: Screen, fields: ItemFields) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen
        self.fields = fields

    def show_list(self, question: Question, *, intro: bool = False) -> None:
        titles = tuple(
            one_line(self.flow.item_menu_title(question, item))
            for item in self.flow.items(question)
        )
        self.screen.show(ListShown(question, titles, intro))

    def add(
        self,
        question: Question,
        defaults: dict[str, Any] | None,
        *,
        resolves: str | None = None,
        given: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """Add an item, field by field. When the person goes back from its first field
        (to where the item began), the answers given so far are returned, to be the
        defaults when the item is started again; None otherwise."""
        if self.flow.is_full(question):
            limit = self.flow.max_items(question)
            self.screen.show(Note(m.Q_LIST_FULL.format(max=limit), "problem"))
            return None
        # Saved field by field until the item is whole: a new item as the unfinished
        # one, an item set aside under its own key (with its answers not yet asked).
        key = resolves or unfinished_key(question)
        before = self.flow.record.set_aside.get(key)
        base = dict(given or {})

        def keep(so_far: dict[str, Any]) -> None:
            self.flow.keep_item(key, {**base, **so_far})

        while True:
            number = len(self.flow.items(question)) + 1
            try:
                item = self.fields.ask(question, defaults, number, given=given, keep=keep)
            except Cancelled:
                if key == unfinished_key(question) or before is None:
                    self.flow.drop_set_aside(key)
                else:  # an item set aside earlier stays as it was, to be put right later
                    self.flow.keep_item(key, before)
                self.screen.show(Note(m.Q_ITEM_CANCELLED))
                self.show_list(question)
                return None
            except BackFromItem as back:
                if key == unfinished_key(question) or before is None:
                    self.flow.drop_set_aside(key)
                else:
                    self.flow.keep_item(key, before)
                return {f: v for f, v in back.answers.items() if f not in base}
            given = None
            try:
                displaced = self.flow.add_item(question, item, resolves=key)
            except Refused as refused:
                self.screen.show(Note(refused.message, "problem"))
                defaults = base = item
                continue
            show_displaced(self.screen, displaced)
            self.show_list(question)
            return None

    def change(
        self,
        question: Question,
        index: int,
        answers: dict[str, Any] | None = None,
        start: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """Change an item field by field; `answers` already given (a change begun in an
        earlier session) are not asked again, `start` are the defaults left by going
        back. The answers so far are saved as they come. Going back from the first
        field returns the answers given so far (the item stays as it was)."""
        defaults = {**self.flow.items(question)[index], **(answers or {}), **(start or {})}
        title = self.flow.item_title(question, self.flow.items(question)[index])
        given = answers
        base = dict(answers or {})

        def keep(so_far: dict[str, Any]) -> None:
            self.flow.keep_item_change(question, index, {**base, **so_far})

        while True:
            try:
                item = self.fields.ask(
                    question,
                    defaults,
                    index + 1,
                    given=given,
                    keep=keep,
                    cancel=m.Q_ITEM_CANCEL_CHANGE,
                )
            except Cancelled:
                self.flow.drop_set_aside(change_key(question))
                item_name = shorten(title.split(" · ")[0], 50)
                self.screen.show(Note(m.Q_ITEM_CHANGE_CANCELLED.format(item=item_name)))
                self.show_list(question)
                return None
            except BackFromItem as back:
                self.flow.drop_set_aside(change_key(question))
                return {**defaults, **back.answers}
            given = None
            try:
                displaced = self.flow.replace_item(
                    question, index, item, resolves=change_key(question)
                )
            except Refused as refused:
                self.screen.show(Note(refused.message, "problem"))
                defaults = base = item
                continue
            show_displaced(self.screen, displaced)
            self.show_list(question)
            return None

    def change_one(self, question: Question, index: int) -> None:
        """Pick one field of an item (its answer shown) and change only that one, and
        what follows from it ("Annan effekt" asks for the other effect); or all fields."""
        item = self.flow.items(question)[index]
        title = shorten(self.flow.item_title(question, item).split(" · ")[0], 40)
        specs = [s for s in question.fields if s.when is None or s.when.holds(item)]
        options = [Option(s.field, self._field_choice_title(question, s, item)) for s in specs]
        options += [Option(_ALL_FIELDS, m.Q_ITEM_ALL_FIELDS), Option(BACK, m.Q_BACK)]
        left: dict[str, Any] | None = None  # the answers of "all fields" left by going back
        while True:  # going back from a field comes back to this choice
            chosen = self.asker.select(
                Prompt(m.Q_ITEM_WHICH_FIELD.format(item=title), default=specs[0].field), options
            )
            if chosen == BACK:
                return
            if chosen == _ALL_FIELDS:
                left = self.change(question, index, start=left)
                if left is None:
                    return
                continue
            try:
                changed = self.fields.change_field(question, index, item, chosen)
            except GoBack:
                continue
            except Cancelled:
                self.screen.show(Note(m.Q_ITEM_CHANGE_CANCELLED.format(item=title)))
                self.show_list(question)
                return
            break
        try:
            displaced = self.flow.replace_item(question, index, changed)
        except Refused as refused:
            # A rule across the item's fields: the whole item, the new answer kept.
            self.screen.show(Note(refused.message, "problem"))
            self.change(question, index, changed)
            return
        show_displaced(self.screen, displaced)
        self.show_list(question)

    def _field_choice_title(self, question: Question, spec: ItemField, item: dict[str, Any]) -> str:
        name = self.flow.item_field_title(question, spec)
        value = item.get(spec.field)
        shown = m.Q_NOT_ANSWERED if value in (None, "") else self.flow.format_value(spec, value)
        return f"{name}: {one_line(shown)}"

    def remove(self, question: Question) -> None:
        # Which one is always asked, with one item as with several: nothing is removed
        # that the person did not point at.
        index = self.pick_item(question, m.Q_LIST_WHICH_REMOVE)
        if index is None:
            return
        title = self.flow.item_menu_title(question, self.flow.items(question)[index])
        sure = self.asker.select(
            # Keeping is the default: a quick Enter must not delete anything.
            Prompt(m.Q_LIST_REMOVE_SURE.format(item=one_line(title)), default=NO),
            yes_no(m.Q_LIST_REMOVE_YES, m.Q_LIST_REMOVE_NO),
        )
        if sure != YES:
            return
        show_displaced(self.screen, self.flow.remove_item(question, index))
        self.screen.show(Note(m.Q_LIST_REMOVED.format(item=one_line(title)), "success"))
        self.show_list(question)

    def pick_item(self, question: Question, message: str) -> int | None:
        items = self.flow.items(question)
        options = [
            Option(
                str(index),
                f"{index + 1}. {one_line(self.flow.item_menu_title(question, item))}",
            )
            for index, item in enumerate(items)
        ]
        options.append(Option(BACK, m.Q_BACK))
        choice = self.asker.select(Prompt(message), options)
        return None if choice == BACK else int(choice)
