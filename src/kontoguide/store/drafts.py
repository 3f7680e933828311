"""Records as the commands see them: create, load, check and save, checklist-aware.

This facade joins the store (files), the checklist (questions) and the model
(rules), so the CLI and the questionnaire never touch those details.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from kontoguide.checklist.earlier import has_decision, judged_by
from kontoguide.checklist.loading import RecordChecklists, checklist_for_record, load_checklist
from kontoguide.checklist.parts import Checklist
from kontoguide.files.inputfile import read_json_object
from kontoguide.model import paths
from kontoguide.model.account_life import Transition
from kontoguide.model.days import day_given
from kontoguide.model.errors import CorruptFileError, KontoguideError, UsageError
from kontoguide.model.fieldtypes import parse_moment
from kontoguide.model.parts import NoticeAck
from kontoguide.model.record import META_FIELDS, SCHEMA_KEY, SCHEMA_VERSION, Record
from kontoguide.model.textsafe import printable
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import in_checklist_order, whole_record
from kontoguide.rules.field_problems import Problem, problem_list
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store import messages as m
from kontoguide.store.storage import Store, is_safe_id, migrate, now

# What identifies a record: never cut away when invalid answers are set aside. The
# status is derived (lifecycle) and a damaged history is set aside like an answer.
IDENTITY = tuple(name for name in META_FIELDS if name not in ("set_aside", "status", "history"))
# A file with all of these is a saved record; without them it is an answers file.
RECORD_KEYS = ("id", "checklist_id", "created_at", "updated_at")


@dataclass
class Loaded:
    record: Record
    checklist: Checklist
    set_aside_now: list[Problem] = field(default_factory=list)


def new_record(checklist: Checklist, draft_id: str) -> Record:
    stamp = now()
    return Record(
        id=draft_id,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        created_at=stamp,
        updated_at=stamp,
    )


def acknowledged(record: Record, moment: datetime) -> Record:
    """The record with the notice acknowledged at `moment`.

    Only the acknowledgement is validated: the answers were checked when they were
    saved, and checking them again today (a goal deadline that has passed since)
    is the questionnaire's job, which sets them aside instead of failing.
    """
    notice = NoticeAck(acknowledged=True, acknowledged_at=moment)
    # An acknowledgement set aside (one without a time zone, say) is replaced by this one.
    set_aside = {key: value for key, value in record.set_aside.items() if key != "notice"}
    return touch(record, notice=notice, set_aside=set_aside)


def reference_day(updated_at: datetime) -> date:
    """The day answers were last checked: the day of the last change where it was made
    (model.days.day_given). Answers are checked against the date where they are given,
    so one given just after midnight is not "in the future" on the next load."""
    return day_given(updated_at)


def _reference_day(data: dict[str, Any]) -> date | None:
    # Answers were checked on the day they were saved: a goal deadline that was in
    # the future then is still a valid answer in the draft (see README, "Datum").
    # The raw value is checked by the model's own type first: one without a time
    # zone or far outside the span would fail or overflow here; the record's
    # validation then reports it.
    try:
        moment = parse_moment(data.get("updated_at"))
    except PydanticCustomError:
        return None
    return reference_day(moment)


def record_from_data(
    path: Path, data: dict[str, Any], checklist: Checklist | None = None
) -> Loaded:
    """A record from stored JSON: identity must be valid, answers are pruned if needed."""
    data = migrate(path, data)
    if checklist is None:
        checklist = checklist_for_record(path, data.get("checklist_id"))
    checklist = judged_by(checklist, data)
    version = data.get("checklist_version")
    if isinstance(version, str) and version != checklist.version and not has_decision(data):
        # Not decided yet: judged by the version in use now, and it moves to it on its
        # next save (the questions that version added are asked on resume).
        data = {**data, "checklist_version": checklist.version}
    if not isinstance(data.get("set_aside", {}), dict):
        raise CorruptFileError(path, m.F_SET_ASIDE_NOT_OBJECT)
    day = _reference_day(data)
    context = make_context(checklist, today=day, data=data)
    # The stored status is only what the last save derived: derived again here.
    candidate = {**data, "status": "draft"}
    history = _history(data)
    whole = None
    if history is not None:
        whole = whole_record(candidate, context, lifecycle.first_ready_day(history))
    if whole is not None:
        status = lifecycle.state(whole, checklist, today=day, checked=True)
        return Loaded(whole.model_copy(update={"status": status}), checklist, [])
    try:
        record, set_aside = prune(candidate, context, keep=IDENTITY)
    except ValidationError as exc:
        details = "\n".join(f"  - {p}" for p in problem_list(exc))
        raise CorruptFileError(path, m.F_RECORD_INVALID.format(problems=details)) from None
    record = record.model_copy(update={"status": lifecycle.state(record, checklist, today=day)})
    return Loaded(record, checklist, set_aside)


def _history(data: dict[str, Any]) -> list[Transition] | None:
    """The record's history as stored, or None when it cannot be read as one (the
    long way then sets it aside)."""
    try:
        return _history_type().validate_python(data.get("history", []))
    except ValidationError:
        return None


@cache
def _history_type() -> TypeAdapter[list[Transition]]:
    return TypeAdapter(list[Transition])


def settle(record: Record, checklist: Checklist) -> Record:
    """`record` with its derived status and history, as it is saved (see lifecycle)."""
    return lifecycle.settled(record, checklist, moment=record.updated_at)


def scan_records(store: Store) -> tuple[list[Loaded], list[str]]:
    """Every usable record, newest change first, and a message for each file that is not."""
    good, bad = store.scan()
    unusable = [problem.message for problem in bad]
    found: list[Loaded] = []
    checklists = RecordChecklists()
    for stored in good:
        try:
            checklist = checklists(stored.path, stored.data.get("checklist_id"))
            found.append(record_from_data(stored.path, stored.data, checklist))
        except KontoguideError as problem:  # unknown checklist or broken identity
            unusable.append(problem.message)
    found.sort(key=lambda item: item.record.updated_at, reverse=True)
    return found, unusable


def load(store: Store, draft_id: str) -> Loaded:
    stored = store.read(draft_id)
    return record_from_data(stored.path, stored.data)


def read_answers(path: Path) -> dict[str, Any]:
    """An answers file or a saved record, at today's format (a newer one is refused).

    The one way every command reads such a file, so `start --answers` and
    `validate` accept and refuse the same files.
    """
    data = read_json_object(path)
    # An editor that validates the file against `kontoguide schema` names the schema here;
    # it says which schema, not an answer, and is not kept.
    data.pop(SCHEMA_KEY, None)
    data = migrate(path, data)
    if not isinstance(data.get("set_aside", {}), dict):
        raise CorruptFileError(path, m.F_SET_ASIDE_NOT_OBJECT)
    return data


def load_file(path: Path, checklist_name: str | None = None) -> Loaded:
    data = read_answers(path)
    checklist = load_checklist(checklist_name) if checklist_name else None
    return record_from_data(path, data, checklist)


def touch(record: Record, **changes: Any) -> Record:
    return record.model_copy(update={**changes, "updated_at": now()})


def with_identity(data: dict[str, Any], checklist: Checklist, draft_id: str) -> dict[str, Any]:
    """Answers-file content with a fresh identity (any identity in the file is ignored).

    Answers set aside in the file (an exported draft) are answers the person gave:
    they come along and are asked again, like any other answer that needs fixing.
    """
    answers = {key: value for key, value in data.items() if key not in META_FIELDS}
    if "set_aside" in data:
        answers["set_aside"] = data["set_aside"]
    stamp = now().isoformat()
    return {
        **answers,
        "schema_version": SCHEMA_VERSION,
        "id": draft_id,
        "checklist_id": checklist.id,
        "checklist_version": checklist.version,
        "created_at": stamp,
        "updated_at": stamp,
        "status": "draft",
    }


def _merge(first: list[Problem], then: list[Problem], checklist: Checklist) -> list[Problem]:
    # A required answer that was set aside is already listed with its real reason:
    # a later problem at an invalid path, or around one, is left out. Every part
    # that holds an invalid path is collected once, so each check is a lookup.
    covered = {part for p in first for part in paths.ancestors(p.path)}
    merged = first + [p for p in then if p.path not in covered]
    return in_checklist_order(merged, checklist)


def prefilled(
    data: dict[str, Any], checklist: Checklist, draft_id: str, notice: NoticeAck | None = None
) -> tuple[Record, list[Problem]]:
    """A record from answers-file content with a fresh identity (and `notice`, if
    given, in place of the file's); invalid answers are set aside and listed."""
    candidate = with_identity(data, checklist, draft_id)
    if notice is not None:
        candidate["notice"] = notice.model_dump(mode="json")
    return prune(candidate, make_context(checklist, data=candidate), keep=IDENTITY)


def from_answers(path: Path, checklist: Checklist, store: Store) -> tuple[Record, list[Problem]]:
    """A record built from an answers file; invalid answers are set aside and listed."""
    record, invalid = prefilled(read_answers(path), checklist, store.allocate_id())
    record = settle(record, checklist)
    found = _merge(invalid, lifecycle.open_problems(record, checklist), checklist)
    with store.lock(record.id):
        store.save(record)
    return record, found


def check_file(path: Path) -> tuple[Loaded, list[Problem]]:
    """Everything wrong with a record (or answers) file: what is invalid and what is missing."""
    return check(record_or_answers(path, "kontroll"))


def check(loaded: Loaded) -> tuple[Loaded, list[Problem]]:
    """Everything wrong with a loaded record: what was set aside and what is missing,
    judged on the day it was last changed."""
    today = reference_day(loaded.record.updated_at)
    found = lifecycle.open_problems(loaded.record, loaded.checklist, today=today)
    return loaded, _merge(loaded.set_aside_now, found, loaded.checklist)


def record_or_answers(path: Path, placeholder_id: str) -> Loaded:
    """A saved record file, or an answers file given `placeholder_id` as its identity."""
    data = read_answers(path)
    if not all(key in data for key in RECORD_KEYS):
        # An answers file for a variant names it (checklist_id); else the standard.
        checklist = checklist_for_record(path, data.get("checklist_id"))
        data = with_identity(data, checklist, placeholder_id)
    return record_from_data(path, data)


def resolve(
    source: str, read_file: Callable[[Path], Loaded], unknown: str, store: Store | None = None
) -> Loaded:
    """The record behind ID|FILE, the one rule `export`, `validate` and `start --from`
    share: an existing file wins (read with `read_file`), then a saved record's id;
    anything else is refused with `unknown` (a message with {source})."""
    path = Path(source)
    if path.is_file():
        return read_file(path)
    if is_safe_id(source):
        return load(store or Store(), source)
    raise UsageError(unknown.format(source=printable(source)))


# What a new record takes over from an earlier one as suggestions (`start --from`):
# the answers up to the decision. Not the identity, the notice (acknowledged anew),
# the decision, the start, the follow-ups, the closing, the history or what was set
# aside: those belong to the earlier account's own life. Of step 5, who decides and
# who prepared the checklist are answers like the others (the README: only the
# decision and what follows stay behind), offered to be confirmed or changed.
_NOT_SUGGESTED = ("notice", "start", "follow_ups", "closing")
_DECISION_SUGGESTED = ("decision_maker", "prepared_by")


def suggestions_from(record: Record) -> dict[str, Any]:
    """The earlier record's answers as suggestions for a new one (see _NOT_SUGGESTED)."""
    data = record.model_dump(mode="json", exclude=set(META_FIELDS) | set(_NOT_SUGGESTED))
    step5 = data.get("step5") or {}
    data["step5"] = {key: step5[key] for key in _DECISION_SUGGESTED if key in step5}
    return data


def earlier_record(source: str, store: Store) -> Loaded:
    """The record behind `start --from ID|FILE`: a file (a saved record or an answers
    file) if one exists by that name, else a draft id in the store."""
    return resolve(
        source, lambda path: record_or_answers(path, "forslag"), m.CLI_FROM_UNKNOWN, store
    )
