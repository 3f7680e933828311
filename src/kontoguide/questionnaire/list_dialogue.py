"""A list question (the team, the goals): what waits for it first, then its menu.

Before the menu come the item left unfinished or half changed in an earlier
session, the items set aside, the items of the earlier record (`start --from`)
and the people named in step 2; then add, change and remove until done. Each
is offered once, and an item left by going back is kept as the defaults of the
next one added.
"""

from __future__ import annotations

from typing import Any

from kontoguide.checklist.parts import Question
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.events import Note, Screen
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.list_editing import ListEditing
from kontoguide.questionnaire.prompting import Asker, Option, Prompt
from kontoguide.questionnaire.session import Refused
from kontoguide.questionnaire.set_aside import unfinished_key
from kontoguide.questionnaire.set_aside_notes import show_displaced

_TAKE, _CHANGE_FIRST, _SKIP_ITEM = "take", "change", "skip"


class ListDialogue:
    def __init__(self, flow: Flow, asker: Asker, screen: Screen, editing: ListEditing) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen
        self.editing = editing
        # The answers of an item left by going back from its first field, per list.
        self._left_items: dict[str, dict[str, Any]] = {}
        self.back = False  # whether the list being asked may offer going back

    def ask(self, question: Question) -> None:
        self.editing.show_list(question, intro=True)
        unfinished = self.flow.unfinished_item(question)
        if unfinished is not None:
            title = self.flow.item_title(question, unfinished).split(" · ")[0]
            self.screen.show(Note(m.Q_UNFINISHED_ITEM.format(item=shorten(title, 50))))
            self.editing.add(
                question, unfinished, resolves=unfinished_key(question), given=unfinished
            )
        change = self.flow.item_change(question)
        if change is not None:
            at, answers = change
            title = self.flow.item_title(question, self.flow.items(question)[at]).split(" · ")[0]
            self.screen.show(Note(m.Q_UNFINISHED_CHANGE.format(item=shorten(title, 50))))
            self.editing.change(question, at, answers)
        self._ask_set_aside_items(question)
        self._offer_suggested_items(question)
        self._offer_people(question)
        if not self.flow.items(question) and question.required:
            self.editing.add(question, None)
        while True:
            self.flow.mark_list_open(question, is_open=True)
            choice = self._list_menu(question)
            if choice == "done":
                self.flow.mark_list_open(question, is_open=False)
                self.flow.pass_question(question)
                return
            if choice == "add":
                left = self.editing.add(question, self._left_items.pop(question.field, None))
                if left:
                    # Offered again as the defaults of the next item added here.
                    self._left_items[question.field] = left
                    self.screen.show(Note(m.Q_ITEM_BACK_KEPT))
            elif choice == "change":
                index = self.editing.pick_item(question, m.Q_LIST_WHICH_CHANGE)
                if index is not None:
                    self.editing.change_one(question, index)
            elif choice == "remove":
                self.editing.remove(question)

    def _offer_suggested_items(self, question: Question) -> None:
        """Each item of the earlier record's list (`start --from`): take, change or skip."""
        suggested = self.flow.suggestion(question.field)
        if not isinstance(suggested, list) or question.field in self.flow.suggested_lists_offered:
            return
        self.flow.suggested_lists_offered.add(question.field)
        for old in suggested:
            if not isinstance(old, dict) or self.flow.is_full(question):
                continue
            title = shorten(self.flow.item_title(question, old).split(" · ")[0], 50)
            left: dict[str, Any] | None = None
            while True:  # back from the item's first field: this offer again
                choice = self.asker.select(
                    Prompt(m.Q_SUGGESTED_ITEM.format(item=title), default=_TAKE),
                    [
                        Option(_TAKE, m.Q_SUGGESTED_TAKE),
                        Option(_CHANGE_FIRST, m.Q_SUGGESTED_CHANGE),
                        Option(_SKIP_ITEM, m.Q_SUGGESTED_SKIP),
                    ],
                )
                if choice == _SKIP_ITEM:
                    break
                if choice == _TAKE and self.flow.item_problem(question, old) is None:
                    try:
                        show_displaced(self.screen, self.flow.add_item(question, dict(old)))
                    except Refused as refused:
                        self.screen.show(Note(refused.message, "problem"))
                    else:
                        self.editing.show_list(question)
                        break
                # Changed first, or no longer valid as it stands: asked with it as defaults.
                left = self.editing.add(question, {**old, **(left or {})})
                if left is None:
                    break

    def _offer_people(self, question: Question) -> None:
        """The people named in step 2 (the responsible person, the deputy), offered one
        by one as members of the team: taken with their name and e-mail, changed
        first, or skipped. Once a session; a person already in the list is not offered."""
        if question.field in self.flow.people_offered:
            return
        self.flow.people_offered.add(question.field)
        for who, person in self.flow.people_to_offer(question):
            if self.flow.is_full(question):
                return
            name = shorten(str(person.get("name", "")), 40)
            left: dict[str, Any] | None = None
            while True:  # back from the person's first field: this offer again, and
                # what was answered for the person is the default when taken again
                choice = self.asker.select(
                    Prompt(m.Q_PERSON_OFFER.format(name=name, who=who), default=_TAKE),
                    [
                        Option(_TAKE, m.Q_PERSON_TAKE),
                        Option(_CHANGE_FIRST, m.Q_PERSON_CHANGE),
                        Option(_SKIP_ITEM, m.Q_PERSON_SKIP),
                    ],
                )
                if choice == _TAKE:
                    # Only what step 2 does not say (the role, the admin right) is asked.
                    left = self.editing.add(question, left, given=dict(person))
                elif choice == _CHANGE_FIRST:
                    left = self.editing.add(question, {**person, **(left or {})})
                else:
                    left = None
                if left is None:
                    break

    def _ask_set_aside_items(self, question: Question) -> None:
        """Offer each set-aside item of the list again, while there is room for it."""
        no_room = 0
        for key, old in self.flow.set_aside_items(question):
            if self.flow.is_full(question):
                # Kept in the draft, and said so once: asking for an item that cannot
                # be added would only end in a refusal.
                no_room += 1
                continue
            # The reason for each wrong answer is shown at its own question below.
            title = self.flow.item_title(question, old).split(" · ")[0]
            text = m.Q_SET_ASIDE_ITEM.format(item=shorten(title or question.item_label or "", 50))
            self.screen.show(Note(text, "warning"))
            # Only what is missing or wrong is asked; the rest of the item is kept.
            self.editing.add(question, old, resolves=key, given=old)
        if no_room:
            limit = self.flow.max_items(question)
            self.screen.show(Note(m.Q_LIST_NO_ROOM.format(count=no_room, max=limit), "warning"))

    def _list_menu(self, question: Question) -> str:
        items = self.flow.items(question)
        options = [Option("add", m.Q_LIST_ADD if items else m.Q_LIST_ADD_FIRST)]
        if items:
            options += [Option("change", m.Q_LIST_CHANGE), Option("remove", m.Q_LIST_REMOVE)]
        options.append(Option("done", m.Q_LIST_DONE))

        def validate(choice: str) -> str | None:
            return self.flow.list_done_problem(question) if choice == "done" else None

        prompt = Prompt(
            m.Q_LIST_MENU.format(count=len(items)),
            help=question.help,
            default="done" if items else "add",
            validate=validate,
            back=self.back,
        )
        return self.asker.select(prompt, options)
