"""Dotted field paths ("step2.responsible.email") over the record's JSON form."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any


def split(path: str) -> list[str]:
    return path.split(".")


def get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for key in split(path):
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def put(data: dict[str, Any], path: str, value: Any) -> None:
    keys = split(path)
    node = data
    for key in keys[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = {}
            node[key] = child
        node = child
    node[keys[-1]] = value


def from_loc(loc: Sequence[str | int]) -> str:
    """Pydantic error location as a readable path: step2.goals[0].deadline."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def within(path: str, field: str) -> bool:
    """Whether `path` is `field` itself or lies inside it (a part or a list item)."""
    return path == field or path.startswith((field + ".", field + "["))


def ancestors(path: str) -> Iterator[str]:
    """`path` and every path it lies `within`, longest first: a.b[2].c, a.b[2], a.b, a.

    Looking these up in a set or a dict answers "which of many fields holds this
    path" in time linear in the path, where testing `within` against every field
    would grow with their number.
    """
    yield path
    for index in range(len(path) - 1, 0, -1):
        if path[index] in ".[":
            yield path[:index]


def is_answered(value: Any) -> bool:
    return value is not None and value != [] and value != ""


# Set-aside keys of the questionnaire's work in progress: an item being added
# ("[new]", also a pause on a list's menu) or changed ("[edit]"). They are kept so a
# pause loses nothing, but they are not answers: nothing counts, lists or prints them.
IN_PROGRESS = ("[new]", "[edit]")


def in_progress(key: str) -> bool:
    return key.endswith(IN_PROGRESS)
