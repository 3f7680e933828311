"""Keeping the valid part of a record, and setting the rest aside to be asked again."""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError

from kontoguide.model import paths
from kontoguide.model.record import Record
from kontoguide.rules import messages as m
from kontoguide.rules.field_problems import Problem, _model_of, problems_of
from kontoguide.rules.validation import context_record, validate_record


def _removal_target(
    data: Any, loc: tuple[str | int, ...], record: Any = None
) -> tuple[str | int, ...] | None:
    """Where to cut so that an error disappears: a whole list item, else the field."""
    from kontoguide.checklist.record_fields import _unwrap_optional, list_item_model

    node = data
    annotation: Any = record or Record
    for depth, key in enumerate(loc):
        target = _unwrap_optional(annotation)
        if isinstance(key, int):
            # An item of a list of objects (a goal) is an answer of its own; a list of
            # values (a multiple choice) is one answer, set aside whole so that it is
            # shown and asked again as one.
            if annotation is not None and list_item_model(target) is None:
                return loc[:depth] or None
            return loc[: depth + 1]
        if not isinstance(node, dict) or key not in node or (depth and _required(target, key)):
            # A missing field inside a partial object, or a wrong one the object cannot
            # stand without (the acknowledgement's moment): cut its parent, as one.
            return loc[:depth] or None
        node = node[key]
        annotation = _annotation_of(target, key)
    return loc or None


def _annotation_of(target: Any, key: str) -> Any:
    """The annotation of field `key` of a model (or of a list's item model); None if unknown."""
    model = _model_of(target)
    if model is None or key not in model.model_fields:
        return None
    return model.model_fields[key].annotation


def _required(target: Any, key: str) -> bool:
    model = _model_of(target)
    return model is not None and key in model.model_fields and model.model_fields[key].is_required()


def _cut(data: dict[str, Any], loc: tuple[str | int, ...]) -> Any:
    node: Any = data
    for key in loc[:-1]:
        node = node[key]
    last = loc[-1]
    value = node[last]
    if isinstance(node, list) and isinstance(last, int):
        node.pop(last)
    else:
        del node[last]
    return value


def free_item_key(set_aside: dict[str, Any], field: str) -> str:
    """`field[n]` with the lowest n not yet used in `set_aside`."""
    return free_item_keys(set_aside, field, 1)[0]


def free_item_keys(set_aside: dict[str, Any], field: str, count: int) -> list[str]:
    """`count` keys `field[n]` not used in `set_aside`, lowest n first.

    One pass upwards for all of them: asking for one key at a time from 0 would
    make setting aside n items take n² steps.
    """
    keys: list[str] = []
    index = 0
    while len(keys) < count:
        key = f"{field}[{index}]"
        if key not in set_aside:
            keys.append(key)
        index += 1
    return keys


def _set_aside(
    work: dict[str, Any], targets: list[tuple[str | int, ...]], set_aside: dict[str, Any]
) -> None:
    """Move each target's value from `work` into `set_aside` (targets in document order)."""
    keys: dict[tuple[str | int, ...], str] = {}
    items: dict[str, list[tuple[str | int, ...]]] = {}
    for target in targets:
        if isinstance(target[-1], int):
            # An index is a position in today's list, and an item set aside earlier may
            # hold that key already: items get the next free slots, in their order.
            items.setdefault(paths.from_loc(target[:-1]), []).append(target)
        else:
            keys[target] = paths.from_loc(target)
    for field, of_field in items.items():
        keys.update(zip(of_field, free_item_keys(set_aside, field, len(of_field)), strict=True))
    # Cut the highest list indices first so that the remaining indices stay right,
    # then keep the values in document order (the order they are asked again in).
    values: dict[tuple[str | int, ...], Any] = {}
    for target in sorted(
        targets, key=lambda t: t[-1] if isinstance(t[-1], int) else -1, reverse=True
    ):
        values[target] = _cut(work, target)
    for target in targets:
        set_aside[keys[target]] = values[target]


def _surplus(data: Any, loc: tuple[str | int, ...], limit: int) -> list[tuple[str | int, ...]]:
    """The items of the list at `loc` beyond its maximum, to be set aside one by one."""
    node = data
    for key in loc:
        node = node[key]
    return [(*loc, index) for index in range(limit, len(node))] if isinstance(node, list) else []


def _outermost(targets: set[tuple[str | int, ...]]) -> list[tuple[str | int, ...]]:
    # A target inside another one goes with it; checking each target's own prefixes
    # keeps this linear in the number of targets.
    return sorted(
        target
        for target in targets
        if not any(target[:length] in targets for length in range(1, len(target)))
    )


def prune(
    data: dict[str, Any], context: dict[str, Any], *, keep: tuple[str, ...] = ()
) -> tuple[Record, list[Problem]]:
    """The valid part of `data` as a record, and the problems of what was set aside.

    Every invalid value is moved to the record's `set_aside` under its path, so the
    questionnaire can show it again and nothing the user wrote is dropped. Fields in
    `keep` (the record's identity) are never cut: errors there are raised.
    """
    work = data
    checklist = context.get("checklist")
    set_aside: dict[str, Any] = dict(work.get("set_aside") or {})
    found: list[Problem] = []
    for _ in range(100):
        try:
            record = validate_record(work, context)
        except ValidationError as exc:
            if work is data:
                # Copied only when something is to be cut: validation leaves its
                # input alone, and most records read have nothing to set aside.
                work = copy.deepcopy(data)
            errors = exc.errors()
            record_type = context_record(checklist) if checklist is not None else None
            targets: set[tuple[str | int, ...]] = set()
            messages: dict[tuple[str | int, ...], str] = {}
            for item in errors:
                loc = tuple(item["loc"])
                if loc and loc[0] in keep:
                    raise
                limit = (
                    item.get("ctx", {}).get("max_length") if item["type"] == "too_long" else None
                )
                surplus = _surplus(work, loc, limit) if isinstance(limit, int) else []
                if surplus:
                    # A list longer than the model allows keeps its first items; the
                    # rest are set aside one by one, each to be offered again.
                    targets.update(surplus)
                    messages[loc] = m.V_TOO_MANY_SET_ASIDE.format(max=limit, count=len(surplus))
                    continue
                target = _removal_target(work, loc, record_type)
                if target is None:
                    raise
                targets.add(target)
            found.extend(problems_of(errors, messages, record=record_type))
            _set_aside(work, _outermost(targets), set_aside)
            work["set_aside"] = set_aside
            continue
        return record, found
    raise AssertionError("prune did not converge")  # pragma: no cover
