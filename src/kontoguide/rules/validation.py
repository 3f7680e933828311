"""One place that turns the record model's rules into answers, problems and drafts.

- `make_context`: what the field types need (reference date, checklist, mode).
- `problem_list`: pydantic errors as Swedish problems that name the field.
- `prune`: keep the valid part of a record, set the rest aside (never dropped).
- `problems`: completeness: every required, applicable question answered and
  every rule for a finished checklist met.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from kontoguide.checklist.loading import STAGES, Checklist, Question, stage_rank
from kontoguide.model import paths
from kontoguide.model.errortext import translate
from kontoguide.model.fieldtypes import parse_date, parse_moment
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


def make_context(
    checklist: Checklist | None,
    *,
    today: date | None = None,
    complete: bool = False,
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the field types need; `data` (the record as JSON) gives the decision day.

    With a checklist, also the model of its own questions (`extra_model`, which the
    record checks its `extra` part with)."""
    from kontoguide.checklist.added_questions import extra_model

    return {
        "checklist": checklist,
        "today": today or date.today(),
        "complete": complete,
        "decided_on": decision_day(data) if data is not None else None,
        "review_given_on": review_given_on(data) if data is not None else None,
        "extra_model": extra_model(checklist) if checklist is not None else None,
    }


def review_given_on(data: dict[str, Any]) -> date | None:
    """The day the decision, and so its next review date, was written down.

    - In kontoguide: the first moment the record went past "ready" (decided, or
      started or closed in one go). A review date must lie ahead of that day, not
      ahead of every later change, or a started account would fail once its review
      date came.
    - Arrived with the decision in it (an answers file, a record with no history
      before the decision): the decision was written down elsewhere, on its day.
    - None while the decision is being written down now: the reference day applies.
    """
    history = data.get("history")
    listed = history if isinstance(history, list) else []
    items = [item for item in listed if isinstance(item, dict)]
    if not items:
        return decision_day(data)
    given: date | None = None
    lived = False  # the record was a draft or ready in kontoguide before
    for item in items:
        what = item.get("what")
        if what in ("draft", "ready"):
            given, lived = None, True
        elif what in ("decided", "started", "closed") and given is None:
            if not lived:
                return decision_day(data)
            try:
                given = parse_moment(item.get("at")).date()
            except PydanticCustomError:
                continue
    return given


def decision_day(data: dict[str, Any]) -> date | None:
    """The decision date in a record's data, if it has a readable one.

    The plan (the goals and their deadlines) was judged on the day of the decision:
    a deadline that was ahead then is not wrong because it has passed since, and a
    started account is followed up against the goals it was approved with.
    """
    step5 = data.get("step5")
    value = step5.get("decision_date") if isinstance(step5, dict) else None
    if isinstance(value, date):
        return value
    try:
        parsed = parse_date(value) if isinstance(value, str) else None
    except PydanticCustomError:
        return None
    return parsed if isinstance(parsed, date) else None


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
    from kontoguide.checklist.loading import _unwrap_optional, list_item_model

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


def validate_record(data: dict[str, Any], context: dict[str, Any]) -> Record:
    return Record.model_validate(data, context=context)


def _removal_target(
    data: Any, loc: tuple[str | int, ...], record: Any = None
) -> tuple[str | int, ...] | None:
    """Where to cut so that an error disappears: a whole list item, else the field."""
    from kontoguide.checklist.loading import _unwrap_optional, list_item_model

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


def context_record(checklist: Checklist) -> Any:
    """The record model of `checklist`, with its own questions typed."""
    from kontoguide.checklist.added_questions import record_model

    return record_model(checklist)


def applicable(question: Question, data: dict[str, Any]) -> bool:
    return question.when is None or question.when.holds(data)


def missing_answers(
    record: Record, checklist: Checklist, *, upto: str | None = None
) -> list[Problem]:
    data = record.model_dump(mode="json")
    out = []
    for _, question in checklist.questions(upto):
        if not question.required or not applicable(question, data):
            continue
        if not paths.is_answered(paths.get(data, question.field)):
            message = m.V_NOT_ANSWERED
            if question.kind == "list":
                message = m.V_MIN_ITEMS.format(item=question.item_label)
            # The typed record (with the added questions) is built only when one is named.
            typed = context_record(checklist) if question.is_added else None
            title = field_title(question.field, typed)
            out.append(Problem(question.field, title, message))
    return out


def reached_stage(record: Record, checklist: Checklist) -> str:
    """The furthest stage the record has answers for (the decision, the start, ...).

    What a record is checked against: a record with a decision recorded must have
    a whole, valid decision, one without is checked as far as the decision."""
    data = record.model_dump(mode="json")
    reached = STAGES[0]
    for section in checklist.sections:
        if stage_rank(section.stage) <= stage_rank(reached):
            continue
        if any(
            applicable(q, data) and paths.is_answered(paths.get(data, q.field))
            for q in section.questions
        ):
            reached = section.stage
    if record.follow_ups and stage_rank(reached) < stage_rank("started"):
        reached = "started"
    return reached


def in_checklist_order(found: list[Problem], checklist: Checklist) -> list[Problem]:
    # Positions by field and by part, looked up along each problem's path: linear in
    # the number of problems, however many questions the checklist has.
    own: dict[str, int] = {}
    parts: dict[str, int] = {}
    for index, (_, question) in enumerate(checklist.questions()):
        own.setdefault(question.field, index)
        for part in list(paths.ancestors(question.field))[1:]:
            parts.setdefault(part, index)

    def position(problem: Problem) -> int:
        held = [own[path] for path in paths.ancestors(problem.path) if path in own]
        if held:
            return min(held)
        # A rule on a whole part (the deputy) belongs where the part is first asked.
        return parts.get(problem.path, -1)  # the notice and record-wide problems first

    return sorted(found, key=position)


def problems(
    record: Record,
    checklist: Checklist,
    *,
    today: date | None = None,
    upto: str | None = None,
    ready_on: date | None = None,
) -> list[Problem]:
    """Everything that stands between this record and being whole up to stage `upto`
    (by default the stage it has reached: see reached_stage)."""
    stage = upto or reached_stage(record, checklist)
    found = missing_answers(record, checklist, upto=stage)
    if record.notice is None:
        found.insert(0, Problem("notice", field_title("notice"), m.V_YES_NOTICE))
    data = record.model_dump(mode="json")
    context = make_context(checklist, today=today, complete=True, data=data)
    context["ready_on"] = ready_on
    try:
        validate_record(data, context)
    except ValidationError as exc:
        known = {p.path for p in found}
        rank = stage_rank(stage)
        found.extend(
            p
            for p in problem_list(exc, context_record(checklist))
            if p.path not in known and stage_rank(checklist.stage_of(p.path)) <= rank
        )
    return in_checklist_order(found, checklist)


def first_open_stage(
    record: Record,
    checklist: Checklist,
    *,
    today: date | None = None,
    ready_on: date | None = None,
    checked: bool = False,
) -> int:
    """The rank of the first stage at which `problems(..., upto=stage)` finds
    something (len(STAGES) when the record is whole at every stage), in one pass.
    With `checked` the record has passed the complete check already (whole_record).

    `problems` up to a stage is the required answers of its sections and those
    before, plus the complete check's problems of fields asked at or before it;
    so the first stage with a problem is the least stage of any of them, and the
    complete check runs once instead of once per stage (what `lifecycle.state`
    needs, for every record `kontoguide list` shows).
    """
    if record.notice is None:
        return 0
    data = record.model_dump(mode="json")
    first = len(STAGES)
    for rank, question in checklist.required_questions:
        # Answered first: most are, and then whether it applies does not matter.
        if rank >= first or paths.is_answered(paths.get(data, question.field)):
            continue
        if applicable(question, data):
            first = rank
    if first == 0 or checked:
        return first
    context = make_context(checklist, today=today, complete=True, data=data)
    context["ready_on"] = ready_on
    try:
        validate_record(data, context)
    except ValidationError as exc:
        for problem in problem_list(exc, context_record(checklist)):
            first = min(first, stage_rank(checklist.stage_of(problem.path)))
    return first


def held_back_at(record: Record, checklist: Checklist) -> int:
    """The rank of the first stage with an answer set aside that the questionnaire
    asks again (len(STAGES) when there is none).

    An answer that was given but does not hold is open, whether or not its question
    is required: the record is not whole at that stage until it is fixed or removed.
    Work in progress (paths.in_progress) is not an answer, and an answer whose
    question is gone from the checklist or does not apply is not asked again: it is
    only kept, and shown in the document, so neither holds the record back.
    """
    aside = SetAsideCounts(record.set_aside)
    if not aside:
        return len(STAGES)
    data: dict[str, Any] | None = None
    first = len(STAGES)
    for section, question in checklist.questions():
        rank = stage_rank(section.stage)
        if rank >= first or not aside.under(question.field):
            continue
        data = data if data is not None else record.model_dump(mode="json")
        if applicable(question, data):
            first = rank
    return first


class SetAsideCounts:
    """How many set-aside answers concern a field: itself, its list items, or a whole
    group it belongs to (a partial group is set aside as one). Work in progress
    (paths.in_progress) is not an answer and is not counted.

    Counted once for all keys, so that each question and each problem is a few
    lookups, however many answers are set aside.
    """

    def __init__(self, set_aside: dict[str, Any]) -> None:
        self.keys = {key for key in set_aside if not paths.in_progress(key)}
        self.inside: dict[str, int] = {}
        for key in self.keys:
            for part in paths.ancestors(key):
                self.inside[part] = self.inside.get(part, 0) + 1

    def __bool__(self) -> bool:
        return bool(self.keys)

    def under(self, field: str) -> int:
        groups = sum(1 for part in _groups_around(field) if part in self.keys)
        return self.inside.get(field, 0) + groups


@lru_cache(maxsize=1024)
def _groups_around(field: str) -> tuple[str, ...]:
    # The same few question fields are looked up for every record `list` reads.
    return tuple(paths.ancestors(field))[1:]


def whole_record(
    data: dict[str, Any], context: dict[str, Any], ready_on: date | None
) -> Record | None:
    """The record of `data` when it passes the complete check as it stands, else None.

    The complete check is the usual one plus the rules of a whole record (two
    admins, a decision not older than the day the record became ready), so a
    record that passes has nothing to set aside, and its state follows from its
    required answers alone (first_open_stage with `checked`). Most records read
    pass: one validation instead of two for each (`kontoguide list` reads every
    draft); the rest take the long way, prune and then the complete check.
    """
    complete = {**context, "complete": True, "ready_on": ready_on}
    try:
        return validate_record(data, complete)
    except ValidationError:
        return None


def steps_done(record: Record, checklist: Checklist) -> dict[int, str]:
    """Per numbered step: "done", "started", "empty", or "fix" when an answer in it
    was set aside to be asked again (for lists and resume)."""
    data = record.model_dump(mode="json")
    aside = SetAsideCounts(record.set_aside)
    state: dict[int, str] = {}
    for section in checklist.steps:
        asked = [q for q in section.questions if applicable(q, data)]
        answered = [q for q in asked if paths.is_answered(paths.get(data, q.field))]
        complete = all(paths.is_answered(paths.get(data, q.field)) for q in asked if q.required)
        assert section.number is not None
        if any(aside.under(q.field) for q in asked):
            state[section.number] = "fix"
        elif complete and answered:
            state[section.number] = "done"
        elif answered:
            state[section.number] = "started"
        else:
            state[section.number] = "empty"
    return state
