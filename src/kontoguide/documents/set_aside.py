"""The answers set aside because they did not pass the checks: each as it was
given, and why it needs correcting, found by checking it again in its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from kontoguide.checklist.parts import Checklist
from kontoguide.documents import messages as m
from kontoguide.model import paths
from kontoguide.model.record import Record
from kontoguide.rules.completeness import SetAsideCounts
from kontoguide.rules.field_problems import Problem, field_title
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import context_record, make_context


@dataclass(frozen=True)
class SetAside:
    """The set-aside answers, each as given, and the reason each needs correcting."""

    values: dict[str, Any]
    reasons: dict[str, list[Problem]]  # by set-aside key: what `validate` lists for it

    @property
    def problems(self) -> list[Problem]:
        return [problem for found in self.reasons.values() for problem in found]

    def under(self, field: str) -> list[tuple[Any, str]]:
        """The set-aside answers to `field` (or its items), and the part of a set-aside
        group that answers it, each with its reason."""
        found: list[tuple[Any, str]] = []
        for key, value in self.values.items():
            found_here = self.reasons.get(key) or []
            reason = " ".join(p.message for p in found_here) or m.DOC_SET_ASIDE
            base = _base_of(key)
            if paths.within(base, field):
                found.append((value, reason))
            elif field.startswith(base + ".") and isinstance(value, dict) and base == key:
                part = paths.get(value, field.removeprefix(base + "."))
                if paths.is_answered(part):
                    found.append((part, reason))
        return found


_ITEM_KEY = re.compile(r"^(.+)\[(\d+)\]$")


def _base_of(key: str) -> str:
    """The field a set-aside key belongs to: `step2.goals[1]` belongs to step2.goals."""
    match = _ITEM_KEY.match(key)
    return match[1] if match else key


def set_aside_reasons(record: Record, checklist: Checklist, today: date) -> SetAside:
    """Why each set-aside answer needs correcting: checked again, each in its place.

    The record keeps the values, not the reasons; `validate` on the file that gave
    them says the same. An item of a list is checked as the list's last item.
    """
    reasons: dict[str, list[Problem]] = {}
    context = make_context(checklist, today=today)
    given = {key: value for key, value in record.set_aside.items() if not paths.in_progress(key)}
    for key, value in given.items():
        data = _with_value(record.model_dump(mode="json"), key, value)
        data["set_aside"] = {}
        try:
            _, found = prune(data, context)
        except Exception:  # a reason is a courtesy; the value is shown all the same
            found = []
        field = _base_of(key)
        mine = [problem for problem in found if paths.within(problem.path, field)]
        if _ITEM_KEY.match(key):
            # Checked as the list's last item: named by its own key again.
            item = re.compile(rf"^{re.escape(field)}\[\d+\]")
            mine = [Problem(item.sub(key, p.path, count=1), p.title, p.message) for p in mine]
        title = field_title(field, context_record(checklist))
        reasons[key] = mine or [Problem(key, title, m.DOC_SET_ASIDE)]
    return SetAside(given, reasons)


def _with_value(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    match = _ITEM_KEY.match(key)
    if match is None:
        paths.put(data, key, value)
        return data
    items = paths.get(data, match[1])
    paths.put(data, match[1], [*items, value] if isinstance(items, list) else [value])
    return data


def set_aside_under(field: str, set_aside: dict[str, Any]) -> int:
    """How many set-aside answers concern `field` (see SetAsideCounts)."""
    return SetAsideCounts(set_aside).under(field)
