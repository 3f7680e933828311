"""What every variant takes from the city's standard checklist as it is shipped.

A variant keeps the standard's mandatory questions, asks each of the standard's
questions at the standard's stage (nothing needed for the decision is moved after
it, no part of the decision, the start or the closing before it), and shows the
standard's Schrems II notice, the city's words, whatever its own file says.

Only these parts are read, straight from the shipped file with tomllib, not the
whole checklist through its model: a variant's load stays cheap. The shipped file
is checked as a whole by its own tests.
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from kontoguide.checklist.folders import DEFAULT_CHECKLIST, shipped_folders


@cache
def _standard_data() -> dict[str, Any]:
    for folder in shipped_folders():
        path = folder / f"{DEFAULT_CHECKLIST}.toml"
        if path.is_file():
            return tomllib.loads(path.read_text(encoding="utf-8"))
    return {}  # pragma: no cover - the package always ships it


@dataclass(frozen=True)
class StandardQuestion:
    section: str
    stage: str
    field: str
    label: str
    mandatory: bool
    conditional: bool


@cache
def standard_questions() -> tuple[StandardQuestion, ...]:
    """Every question of the standard, with its section's id and stage, in order."""
    return tuple(
        StandardQuestion(
            section["id"],
            section.get("stage", "ready"),
            question["field"],
            question.get("doc_label") or question["label"],
            bool(question.get("mandatory")),
            "when" in question,
        )
        for section in _standard_data().get("sections", [])
        for question in section["questions"]
    )


def _words(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _same_notice(own: Any, standard: dict[str, Any]) -> bool:
    """Whether a variant's notice says what the standard's says (spacing aside)."""
    if not isinstance(own, dict):
        return False
    keys = set(own) | set(standard)
    return all(_words(own.get(key)) == _words(standard.get(key)) for key in keys)


def with_standard_notice(data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A checklist file's content with the standard's notice in place of a variant's own,
    and whether the variant's own notice said something else (it is not used).

    The notice is the city's advice, quoted as the city's guide gives it: a variant
    can neither leave it out nor change its words.
    """
    if data.get("id") == DEFAULT_CHECKLIST:
        return data, False  # its own notice is the standard's: no second reading of it
    standard = _standard_data().get("notice")
    if not isinstance(standard, dict):
        return data, False
    own = data.get("notice")
    differs = own is not None and not _same_notice(own, standard)
    return {**data, "notice": copy.deepcopy(standard)}, differs
