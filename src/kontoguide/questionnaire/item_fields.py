"""The fields of one item of a list, asked one by one, with a way out and a way back.

Adding an item, changing it whole and changing one of its fields all ask
through here. Every field offers a way out (the item is then not kept), and
going back from a field asks the one before it again; from the first field it
goes to where the item began, which the caller decides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kontoguide.checklist.parts import ItemField, Question
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_prompts import TEXT_KINDS, AnswerPrompts, Cancelled
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.events import ItemProgress, ItemStarted, Note, Screen
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.prompting import NO, YES, Asker, Check, GoBack, Prompt, yes_no


class BackFromItem(Exception):
    """The person went back from the first field of an item: to where the item began
    (the list's menu, the offer of a person). `answers` are the ones given so far."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__()
        self.answers = answers


def _way_out(question: Question, number: int, *, changing: bool) -> str:
    """How to leave item `number` by an empty answer, naming it as its heading does."""
    item = f"{question.item_label or ''} {number}".strip()
    return (m.Q_ITEM_CHANGE_HINT if changing else m.Q_ITEM_CANCEL_HINT).format(item=item)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class ItemFields:
    def __init__(self, flow: Flow, asker: Asker, screen: Screen, answers: AnswerPrompts) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen
        self.answers = answers

    def ask(
        self,
        question: Question,
        defaults: dict[str, Any] | None,
        number: int,
        *,
        given: dict[str, Any] | None = None,
        keep: Callable[[dict[str, Any]], None] | None = None,
        cancel: str = m.Q_ITEM_CANCEL,
    ) -> dict[str, Any]:
        """Ask an item's fields; `given` answers (still valid) are not asked again, and
        `keep` gets the answers so far after each one, to save them at once. Every
        field offers a way out (`cancel`), which raises Cancelled."""
        label = (question.item_label or "").capitalize()
        self.screen.show(ItemStarted(label, number))
        way_out = _way_out(question, number, changing=cancel == m.Q_ITEM_CANCEL_CHANGE)
        fields = question.fields
        item: dict[str, Any] = {}
        asked: list[int] = []  # the fields asked so far, in order: where back goes
        revisit = False  # on the way back: every field is asked again, its answer the default
        at = 0
        while at < len(fields):
            spec = fields[at]
            if spec.when is not None and not spec.when.holds(item):
                item.pop(spec.field, None)  # an answer on the way back made it not apply
                at += 1
                continue  # asked only after a given answer ("Annan effekt")
            reason = None
            if given and spec.field in given and at not in asked:
                earlier = given[spec.field]
                reason = self.flow.check_item(question, {**item, spec.field: earlier}, spec.field)
                if reason is None:
                    item[spec.field] = earlier
                    at += 1
                    continue
            skipped = self._fields_skipped(question, item, given, at)
            self.screen.show(ItemProgress(label, number, at + 1, len(fields), *skipped))
            if reason is not None and earlier not in (None, ""):
                answer = shorten(self.flow.format_value(spec, earlier), 200)
                text = m.Q_SET_ASIDE.format(answer=answer)
                self.screen.show(
                    Note(f"{text} {m.Q_SET_ASIDE_REASON.format(reason=reason)}", "warning")
                )
            if spec.field in item and (revisit or at in asked):
                default = item[spec.field]
            else:
                default = (defaults or {}).get(spec.field)

            def check(value: Any, name: str = spec.field) -> str | None:
                return self.flow.check_item(question, {**item, name: value}, name)

            try:
                value = self._ask_field(spec, default, check, cancel, way_out)
            except GoBack:
                if not asked:
                    raise BackFromItem(dict(item)) from None
                at, revisit = asked.pop(), True
                continue
            # None too: an optional field left empty counts as answered for the unfinished item.
            item[spec.field] = value
            if at not in asked:
                asked.append(at)
            if keep is not None:
                keep(item)
            at += 1
        return item

    def _fields_skipped(
        self,
        question: Question,
        item: dict[str, Any],
        given: dict[str, Any] | None,
        at: int,
    ) -> tuple[tuple[int, int] | None, str]:
        """The field numbers right before field `at` that are not asked, and why: the
        same stable numbering as the questions, saying why a number jumps."""
        first = at
        why = "not_needed"
        while first > 0:
            spec = question.fields[first - 1]
            if spec.when is not None and not spec.when.holds(item):
                first -= 1
            elif given and spec.field in given and item.get(spec.field) == given[spec.field]:
                why = "given"
                first -= 1
            else:
                break
        return ((first + 1, at) if first < at else None), why

    def change_field(
        self, question: Question, index: int, item: dict[str, Any], chosen: str
    ) -> dict[str, Any]:
        """The item with field `chosen` asked again, and the fields that follow from it."""
        label = (question.item_label or "").capitalize()
        changed = dict(item)
        pending = [s for s in question.fields if s.field == chosen]
        asked: set[str] = set()
        while pending:
            spec = pending.pop(0)
            asked.add(spec.field)
            position = question.fields.index(spec) + 1
            self.screen.show(ItemProgress(label, index + 1, position, len(question.fields)))

            def check(value: Any, name: str = spec.field) -> str | None:
                return self.flow.check_item(question, {**changed, name: value}, name)

            default = changed.get(spec.field)
            way_out = _way_out(question, index + 1, changing=True)
            value = self._ask_field(spec, default, check, m.Q_ITEM_CANCEL_CHANGE, way_out)
            changed[spec.field] = value
            for other in question.fields:
                if other.when is None:
                    continue
                if not other.when.holds(changed):
                    if other.field in changed:
                        changed[other.field] = None
                elif other.field not in asked and _blank(changed.get(other.field)):
                    pending.append(other)
        return changed

    def _ask_field(
        self, spec: ItemField, default: Any, check: Check, cancel: str, way_out: str
    ) -> Any:
        """One field of an item, with a way out: a choice to cancel in a choice, an
        empty answer (confirmed) in a required text, said by `way_out` in its hint;
        and a way back (GoBack)."""
        self.answers.item_back = True
        try:
            if spec.kind in TEXT_KINDS and spec.required:
                return self._ask_text(spec, default, check, way_out)
            if spec.kind not in ("choice", "yesno"):
                return self.answers.ask_value(spec, default, check)
            return self.answers.ask_value(spec, default, check, cancel=cancel)
        finally:
            self.answers.item_back = False

    def _ask_text(self, spec: ItemField, default: Any, check: Check, way_out: str) -> Any:
        """A required text of an item: left empty, it asks whether to cancel the item."""
        hint = f"{spec.hint} {way_out}" if spec.hint else way_out
        hinted = spec.model_copy(update={"hint": hint})

        def lenient(value: Any) -> str | None:
            return None if _blank(value) else check(value)

        while True:
            value = self.answers.ask_text(hinted, default, lenient)
            if not _blank(value):
                return value
            if self._cancel_confirmed():
                raise Cancelled

    def _cancel_confirmed(self) -> bool:
        answer = self.asker.select(
            # Going on is the default: a quick Enter must not throw away what was typed.
            Prompt(m.Q_ITEM_CANCEL_SURE, default=NO),
            yes_no(m.Q_ITEM_CANCEL_YES, m.Q_ITEM_CANCEL_NO),
        )
        return answer == YES
