"""Any JSON value as a line a person can read, for answers of an unexpected shape.

An answers file or an old draft can hold a list or an object where one choice or
one line of text belongs. Such an answer is set aside and shown again; it must
read as what the user wrote ("Instagram", "typ: förvaltning"), not as Python's
repr, and showing it must never fail, whatever its shape or depth.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kontoguide.model import messages as m

# Deeper than any answer a person writes; the storage layer limits nesting too, but
# this text is also built for values that never went through it (a model_construct).
MAX_DEPTH = 20
EMPTY = "–"
ELLIPSIS = "…"


def number(value: int | float) -> str:
    """A number the Swedish way (decimal comma), without float noise like 2.5000001."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f").replace(".", ",")


def readable(value: Any, *, label: Callable[[str], str] | None = None) -> str:
    """`value` as plain text: lists joined with commas, objects as "key: value".

    `label` turns a text (a choice value) into what the user saw (its label).
    Nested lists and objects are put in parentheses so their parts stay together.
    """
    if value is None:
        return ""
    return _text(value, label, 0)


def _text(value: Any, label: Callable[[str], str] | None, depth: int) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return m.ANSWER_YES if value else m.ANSWER_NO
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        return label(value) if label is not None else value
    if depth >= MAX_DEPTH:
        return ELLIPSIS
    if isinstance(value, dict):
        parts = [f"{key}: {_inner(item, label, depth)}" for key, item in value.items()]
        return "; ".join(parts) or EMPTY
    if isinstance(value, list | tuple):
        return ", ".join(_inner(item, label, depth) for item in value) or EMPTY
    return str(value)


def _inner(value: Any, label: Callable[[str], str] | None, depth: int) -> str:
    text = _text(value, label, depth + 1)
    if isinstance(value, dict | list | tuple) and value:
        return f"({text})"
    return text
