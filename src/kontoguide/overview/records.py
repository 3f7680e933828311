"""The communication function's overview: every record from several places, once each.

`gather` reads the drafts folder or the folders and files given (folders searched
recursively for *.json, links inside them never followed: files.folderwalk),
migrates older formats, and keeps each record once: the same id met twice counts
once, the newest `updated_at` winning, except that a copy changed after `today`
(by its own word) never wins over one that is not: a time in the future is forged
or from a wrong clock, and the overview says so (attention rule
"changed_in_future"). Files and folders that cannot be used are kept as
`Unreadable` with their reason; they never stop the others.

A record is read here through `Summary`, a light model of only the fields the
overview shows, not through the full record model: the full check of every answer
costs milliseconds per record (see bench/overview_bench.py), and a shared folder
of a few hundred records must open at once. The state is never taken from the
file: a hand-edited `status` or `outcome` would otherwise reach the city's list.
Each record is loaded as `list` loads it (drafts.record_from_data: answers checked
against the day they were saved, invalid ones set aside, the state derived), and
the summary is read from that record; `kontoguide validate FIL` reports its problems.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core.core_schema import ErrorType

from kontoguide.checklist.earlier import open_at_review
from kontoguide.checklist.loading import RecordChecklists, shipped_standard
from kontoguide.checklist.parts import Checklist
from kontoguide.files.folderwalk import walk_files
from kontoguide.files.inputfile import read_json_object
from kontoguide.model.account_life import State
from kontoguide.model.days import day_given
from kontoguide.model.errors import FileProblem, KontoguideError, UnknownChecklistError
from kontoguide.model.fieldtypes import Moment
from kontoguide.model.steps import APPROVED
from kontoguide.model.textsafe import printable
from kontoguide.overview import messages as m
from kontoguide.rules.field_problems import Problem
from kontoguide.store import drafts
from kontoguide.store.storage import Store, migrate

# Pydantic's own kinds of error, whose messages are English; the rest are kontoguide's.
_PYDANTIC_ERRORS = frozenset(get_args(ErrorType))

# A saved record has all of these; an answers file or anything else does not.
_RECORD_KEYS = ("id", "checklist_id", "checklist_version", "created_at", "updated_at")


class _Part(BaseModel):
    # Only what the overview shows is read; the rest of the record is left alone.
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Organisation(_Part):
    name: str | None = None
    unit: str | None = None


class _Person(_Part):
    name: str | None = None
    email: str | None = None


class _Goal(_Part):
    description: str
    deadline: date


class _Purpose(_Part):
    goals: list[_Goal] | None = None
    responsible: _Person = _Person()


class _Channel(_Part):
    platform: str | None = None
    platform_other: str | None = None
    proposed_account_name: str | None = None


class _Decision(_Part):
    outcome: str | None = None
    decision_date: date | None = None
    next_review: date | None = None


class _Start(_Part):
    started_on: date | None = None
    address: str | None = None
    reported_to_list: bool | None = None
    reported_date: date | None = None


class _Measurement(_Part):
    goal: int
    measured_on: date


class _FollowUp(_Part):
    held_on: date
    measurements: list[_Measurement] = []
    next_review: date | None = None


class _Closing(_Part):
    closed_on: date | None = None


class _Transition(_Part):
    what: str
    # The record's own rule (1900–2200, with a time zone): a moment Python cannot
    # shift into the local time zone never reaches the overview's date arithmetic.
    at: Moment


class Summary(_Part):
    """What the overview needs of one record, with the state derived from its answers."""

    id: str
    checklist_id: str
    checklist_version: str
    updated_at: Moment
    status: State = "draft"
    history: list[_Transition] = []
    organisation: _Organisation = _Organisation()
    account_name: str | None = None
    step2: _Purpose = _Purpose()
    step3: _Channel = _Channel()
    step5: _Decision = _Decision()
    start: _Start = _Start()
    follow_ups: list[_FollowUp] | None = None
    closing: _Closing = _Closing()

    @property
    def account(self) -> str | None:
        return self.step3.proposed_account_name or self.account_name

    def review_due(self) -> date | None:
        """As lifecycle.review_due: the last follow-up's next date, else the decision's;
        None before an approved decision and after closing (the derived state)."""
        if self.step5.outcome != APPROVED or self.status == "closed":
            return None
        for follow_up in reversed(self.follow_ups or []):
            return follow_up.next_review
        return self.step5.next_review

    def last_change(self) -> datetime:
        """The latest moment the record gives: its `updated_at` or a history entry."""
        return max((self.updated_at, *(entry.at for entry in self.history)))

    def changed_after(self, today: date) -> bool:
        """Whether the record says it was changed after the end of `today`, the
        computer's own date.

        A moment, not a day (day_given), is compared here: a record changed on its
        writer's 2026-12-08 at UTC+14 was changed on 2026-12-07 at UTC-8, so it is not
        in the future for a reader there whose date is 2026-12-07. Read in the zone
        that `today` is in, a real change is never after it, wherever it was made.
        """
        return self.last_change().astimezone().date() > today

    def ready_on(self) -> date | None:
        """As lifecycle.ready_on: the day (where it was given) the record was first seen ready."""
        for entry in self.history:
            if entry.what == "ready":
                return day_given(entry.at)
            if entry.what in ("decided", "started", "closed"):
                return None
        return None


@dataclass(frozen=True)
class Entry:
    """One record in the overview: its summary, its checklist, and where it was read."""

    summary: Summary
    checklist: Checklist
    source: Path
    also_in: tuple[Path, ...] = ()
    # False when the record's own checklist (a variant) is not installed here and
    # `checklist` is the city's standard, standing in for it.
    checklist_known: bool = True
    # Answers found invalid as the record was read (validate names each): not counted.
    set_aside: tuple[Problem, ...] = ()
    # Questions a later checklist version added that the next review is to ask, derived
    # from the answers as the record was read (checklist.earlier), never from the file.
    review_open: int = 0

    @property
    def state_label(self) -> str:
        record = self.summary
        if record.status == "decided" and record.step5.outcome is not None:
            label = self.checklist.choice_label("outcomes", record.step5.outcome)
        else:
            label = m.STATE_LABELS[record.status]
        return label if self.checklist_known else m.OV_STATE_UNKNOWN_CHECKLIST.format(state=label)

    @property
    def platform_label(self) -> str | None:
        channel = self.summary.step3
        if channel.platform is None:
            return None
        if channel.platform == "annan" and channel.platform_other:
            return channel.platform_other
        return self.checklist.choice_label("platforms", channel.platform)


@dataclass(frozen=True)
class Unreadable:
    path: Path
    reason: str

    @property
    def message(self) -> str:
        return f"{printable(str(self.path), None)}: {self.reason}"


@dataclass
class Gathered:
    entries: list[Entry] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    duplicates: int = 0
    sources: list[Path] = field(default_factory=list)
    # Links met inside a folder, left alone (files.folderwalk says why).
    links: list[Path] = field(default_factory=list)


def record_data(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """A stored record migrated to today's format; anything else is refused.

    Its fields are checked once, by the record's own model as `list` and `validate`
    check them (derived_summary): a moment out of range in `updated_at` refuses the
    file in validate's words, one in `history` is set aside and named.
    """
    data = migrate(path, data)
    missing = [key for key in _RECORD_KEYS if key not in data]
    if missing:
        raise FileProblem(path, m.OV_NOT_A_RECORD.format(missing=", ".join(missing)))
    return data


def summary_from_data(path: Path, data: dict[str, Any]) -> Summary:
    """The overview's light view of a record's fields (already checked by the record's
    model), or the problem with the first field it cannot read."""
    try:
        return Summary.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = printable(".".join(str(part) for part in first["loc"]), 60)
        problem = m.OV_BAD_FIELD.format(field=where)
        if first["type"] not in _PYDANTIC_ERRORS:
            # The record's own rule (model.fieldtypes) said it, in the words validate uses.
            problem = m.OV_BAD_FIELD_SAID.format(field=where, said=first["msg"])
        raise FileProblem(path, problem) from None


def derived_summary(
    path: Path, data: dict[str, Any], checklist: Checklist
) -> tuple[Summary, list[Problem], int]:
    """The summary of the record as `list` loads it: its stored `status` is not trusted,
    answers that are invalid (an unknown `outcome`, say) are set aside, and the state
    is derived from what is left (lifecycle.state). With it, what was set aside now:
    the problems `kontoguide validate` reports for the same file; and how many questions
    of `checklist` (today's version) the next review is to ask, as resume counts them."""
    loaded = drafts.record_from_data(path, data, checklist)
    summary = summary_from_data(path, loaded.record.model_dump(mode="json"))
    review_open = open_at_review(checklist, loaded.checklist, loaded.record)
    return summary, loaded.set_aside_now, review_open


class _Reader:
    """Reads records into a Gathered, one checklist load per checklist id."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.found = Gathered()
        self.checklist = RecordChecklists()
        self._by_id: dict[str, int] = {}

    def add(self, path: Path, data: dict[str, Any]) -> None:
        data = record_data(path, data)
        checklist_id = data["checklist_id"]
        known = True
        try:
            checklist = self.checklist(path, checklist_id)
        except UnknownChecklistError:
            # Made with another administration's variant: shown, not left out. Every
            # variant keeps the standard's questions (checklist.consistency), so the
            # standard derives the state from those; the variant's own answers are set
            # aside, and the attention list says that the state may differ.
            standard = shipped_standard()
            if standard is None:  # pragma: no cover - the standard is always shipped
                raise
            checklist, known = standard, False
        summary, set_aside, review_open = derived_summary(path, data, checklist)
        entry = Entry(
            summary,
            checklist,
            path,
            checklist_known=known,
            set_aside=tuple(set_aside),
            review_open=review_open,
        )
        index = self._by_id.get(summary.id)
        if index is None:
            self._by_id[summary.id] = len(self.found.entries)
            self.found.entries.append(entry)
            return
        self.found.duplicates += 1
        kept = self.found.entries[index]
        if self._rank(summary) > self._rank(kept.summary):
            winner, other = entry, kept
        else:
            winner, other = kept, entry
        also = (*winner.also_in, *other.also_in, other.source)
        self.found.entries[index] = dataclasses.replace(winner, also_in=also)

    def _rank(self, summary: Summary) -> tuple[bool, datetime]:
        # A copy whose time is in the future can be made to win by anyone: it loses
        # to every copy that is not, whatever its time says.
        return not summary.changed_after(self.today), summary.updated_at

    def read_file(self, path: Path, *, follow_symlinks: bool = True) -> None:
        try:
            self.add(path, read_json_object(path, follow_symlinks=follow_symlinks))
        except FileProblem as problem:
            self.found.unreadable.append(Unreadable(problem.path, problem.problem))
        except KontoguideError as problem:
            self.found.unreadable.append(Unreadable(path, problem.message))

    def read_store(self, store: Store) -> None:
        good, bad = store.scan()
        self.found.unreadable += [Unreadable(p.path, p.problem) for p in bad]
        for stored in good:
            try:
                self.add(stored.path, stored.data)
            except FileProblem as problem:
                self.found.unreadable.append(Unreadable(problem.path, problem.problem))
            except KontoguideError as problem:
                self.found.unreadable.append(Unreadable(stored.path, problem.message))


def gather(
    paths: Iterable[Path], store: Store | None = None, *, today: date | None = None
) -> Gathered:
    """Every record in `paths` (folders recursively), or in the drafts folder when none
    is given; each id once, the newest change winning (a change after `today`, default
    the computer's date, never wins over one that is not)."""
    reader = _Reader(today or date.today())
    given = list(paths)
    if not given:
        store = store or Store()
        reader.found.sources.append(store.folder)
        reader.read_store(store)
        return reader.found
    for path in given:
        reader.found.sources.append(path)
        if path.is_dir():
            walk = walk_files(path, ".json")
            reader.found.links += walk.links
            reader.found.unreadable += [Unreadable(where, why) for where, why in walk.unreadable]
            for file in walk.files:
                # Not followed even if the file became a link since the walk saw it.
                reader.read_file(file, follow_symlinks=False)
        else:
            reader.read_file(path)
    return reader.found
