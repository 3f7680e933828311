"""Answers as text: a value, a list item, a whole answer, and a title cut to a width.

One place for this, so that an answer reads the same in the summary, the list
menus, the reasons shown for set-aside answers and the conversation.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from kontoguide.checklist.parts import ItemField, Question
from kontoguide.model import paths
from kontoguide.model.readable import readable
from kontoguide.questionnaire.session import Session

Spec = Question | ItemField


def format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


# Plain mode (`--enkel`) says every title and answer whole: a listener has no line to
# fit, and a text cut short ("…") is not heard as cut.
whole_titles: ContextVar[bool] = ContextVar("whole_titles", default=False)


def one_line(text: str) -> str:
    """`text` whole on one line: a menu's title, which the terminal fits to its width."""
    return " ".join(text.split())


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


class AnswerText(Session):
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
