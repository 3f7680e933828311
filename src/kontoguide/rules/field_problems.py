"""Pydantic's errors as Swedish problems that name the field where the user sees it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from kontoguide.model import paths
from kontoguide.model.errortext import translate
from kontoguide.model.record import Record
from kontoguide.rules import messages as m


@dataclass(frozen=True)
class Problem:
    path: str
    title: str
    message: str

    def __str__(self) -> str:
        if not self.path:  # about the file as a whole (its unknown fields)
            return f"{self.title}: {self.message}"
        return f"{self.title} ({self.path}): {self.message}"


def field_title(path: str, record: Any = None) -> str:
    """The Swedish title of a record field, from the model, with its parents.

    "step2.goals[1].target" becomes "Mätbara mål 2 › Målvärde"; the step itself is
    left out because the path already says which step it is. `record` is the record
    model of the checklist (added_questions.record_model), for its own questions.
    """
    model: Any = record or Record
    titles: list[str] = []
    for key in paths.split(path.replace("[", ".[")):
        if key.startswith("["):
            if titles and key.strip("[]").isdigit():
                titles[-1] += f" {int(key.strip('[]')) + 1}"
            continue
        target = _model_of(model)
        if target is None or key not in target.model_fields:
            break
        info = target.model_fields[key]
        if not key.startswith("step"):
            titles.append(info.title or key)
        model = info.annotation
    if len(titles) > 1 and path.startswith("extra."):
        # A variant's own question is named by its own words, like a standard one.
        titles = titles[1:]
    return " › ".join(titles) or path


def _model_of(annotation: Any) -> type[BaseModel] | None:
    from kontoguide.checklist.record_fields import _unwrap_optional, list_item_model

    target = _unwrap_optional(annotation)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return target
    return list_item_model(target)


def problem_list(error: ValidationError, record: Any = None) -> list[Problem]:
    return problems_of(error.errors(), record=record)


# Unknown fields named in full before the rest are only counted: a file with a
# hundred thousand stray keys gives one readable line, not a hundred thousand.
UNKNOWN_NAMES_SHOWN = 5
_NAME_MAX = 40


def problems_of(
    errors: Sequence[Any],
    messages: dict[tuple[str | int, ...], str] | None = None,
    *,
    record: Any = None,
) -> list[Problem]:
    """Problems for pydantic errors, in their order; unknown fields of one object are
    one problem. `messages` replaces the message for an error at a location."""
    entries: list[Problem | tuple[str | int, ...]] = []
    unknown: dict[tuple[str | int, ...], list[str]] = {}
    for item in errors:
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden" and loc:
            names = unknown.setdefault(loc[:-1], [])
            if not names:
                entries.append(loc[:-1])  # the group's place among the problems
            names.append(str(loc[-1]))
            continue
        path = paths.from_loc(loc)
        message = (messages or {}).get(loc) or translate(item)
        entries.append(Problem(path=path, title=field_title(path, record), message=message))
    return [
        entry if isinstance(entry, Problem) else _unknown_fields(entry, unknown[entry])
        for entry in entries
    ]


def _unknown_fields(parent: tuple[str | int, ...], names: list[str]) -> Problem:
    if len(names) == 1:
        path = paths.from_loc((*parent, names[0]))
        return Problem(path=path, title=field_title(path), message=m.V_UNKNOWN_FIELD)
    shown = []
    for name in names[:UNKNOWN_NAMES_SHOWN]:
        flat = " ".join(name.split())
        shown.append(flat if len(flat) <= _NAME_MAX else flat[: _NAME_MAX - 1] + "…")
    listed = ", ".join(shown)
    if len(names) > UNKNOWN_NAMES_SHOWN:
        listed = m.V_UNKNOWN_NAMES_MORE.format(names=listed, more=len(names) - UNKNOWN_NAMES_SHOWN)
    message = m.V_UNKNOWN_FIELDS.format(count=len(names), names=listed)
    path = paths.from_loc(parent)
    return Problem(path=path, title=_group_title(path), message=message)


def _group_title(path: str) -> str:
    if not path:
        return m.V_UNKNOWN_FIELDS_TITLE
    title = field_title(path)
    if title == path and path in Record.model_fields:  # a step: field_title leaves it out
        return Record.model_fields[path].title or path
    return title
