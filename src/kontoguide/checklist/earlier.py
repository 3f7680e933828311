"""Earlier versions of a checklist, kept so that a decision stays what it was.

A decision taken is a fact, and so are a start and a closing recorded. A record
with a decision is judged, up to the furthest of these it has recorded, by the
version of the checklist it was decided under, never by questions a later version
added; what it has not recorded yet (the start after a decision, the closing)
follows the version in use now. A record without a decision is judged by the
version in use now, and moves to it.

The questions a later version added before the decision are asked when the account
is next reviewed (omprövning: after a follow-up), never forced onto the decision
(`review_questions`). What was answered there is listed in that follow-up
(`review_answers`), and the record is judged by its version with those questions
in it: they show in its document, and nothing else of the decision changes.

Earlier versions live beside the checklists, one folder per version:
`earlier/<id>/<version>/<id>.toml` (with its base document, if it names one). The
city's earlier standard versions are shipped; an administration's variant keeps
its earlier version when a new version is installed (install.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kontoguide.checklist import messages as m
from kontoguide.checklist.folders import checklist_folders
from kontoguide.checklist.parts import (
    Checklist,
    Question,
    Section,
    reserved_on_windows,
    stage_rank,
)
from kontoguide.files.regularfile import read_regular
from kontoguide.model import paths
from kontoguide.model.errors import ChecklistError, UnreadableError
from kontoguide.model.record import Record
from kontoguide.model.steps import APPROVED

EARLIER_FOLDER = "earlier"
# A version comes from a record, which is data: it names a folder, so only a plain name.
_SAFE_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,39}")
# The answer that records each fact, from the latest: its stage is the record's own.
_RECORDED = (("closing.closed_on", "closed"), ("start.started_on", "started"))


def is_safe_version(version: object) -> bool:
    return (
        isinstance(version, str)
        and _SAFE_VERSION.fullmatch(version) is not None
        and ".." not in version
        and not version.endswith(".")
        and not reserved_on_windows(version)
    )


def earlier_file(folder: Path, checklist_id: str, version: str) -> Path:
    """Where version `version` of checklist `checklist_id` is kept under `folder`."""
    return folder / EARLIER_FOLDER / checklist_id / version / f"{checklist_id}.toml"


def has_decision(data: dict[str, Any]) -> bool:
    """Whether a record's content holds a decision (its outcome is answered)."""
    return paths.is_answered(paths.get(data, "step5.outcome"))


def recorded_stage(data: dict[str, Any]) -> str:
    """The furthest fact a record with a decision has recorded: "closed", "started" or
    "decided"."""
    for field, stage in _RECORDED:
        if paths.is_answered(paths.get(data, field)):
            return stage
    return "decided"


def judged_by(current: Checklist, data: dict[str, Any]) -> Checklist:
    """The checklist a record with content `data` is judged by: for a decision taken
    under an earlier version that is kept, that version up to the decision."""
    version = data.get("checklist_version")
    if (
        data.get("checklist_id") != current.id
        or version == current.version
        or not has_decision(data)
        or not is_safe_version(version)
    ):
        return current
    assert isinstance(version, str)
    return decided_under(current, version, recorded_stage(data), reviewed_fields(data))


def reviewed_fields(data: dict[str, Any]) -> frozenset[str]:
    """The answers a record's follow-ups list as given at a review, from its content as
    stored (not validated yet: anything but a list of names counts for nothing). Only
    answers the record holds count: a listed question without an answer (a hand edit)
    would otherwise join the version the decision is judged by, as a required question
    unanswered, and undo the decision."""
    found: set[str] = set()
    follow_ups = data.get("follow_ups")
    for item in follow_ups if isinstance(follow_ups, list) else []:
        fields = item.get("review_answers") if isinstance(item, dict) else None
        found.update(
            f
            for f in (fields if isinstance(fields, list) else [])
            if isinstance(f, str) and paths.is_answered(paths.get(data, f))
        )
    return frozenset(found)


def review_questions(
    current: Checklist, judged: Checklist, data: dict[str, Any]
) -> list[tuple[Section, Question]]:
    """The questions before the decision that `current` asks and `judged` (the version
    a decided record is judged by, with what was answered at reviews) does not, that
    apply to the answers `data` and are not answered in it yet: offered at the next
    review, in `current`'s order. The start's and the closing's questions follow
    `current` already."""
    if judged is current or judged.id != current.id:
        return []
    asked = {question.field for _, question in judged.questions()}
    return [
        (section, question)
        for section, question in current.questions("ready")
        if question.field not in asked
        and question.applies_to(data)
        # An answer the record holds already (an imported record, a file from a
        # later version) is not asked for again.
        and not paths.is_answered(paths.get(data, question.field))
    ]


def open_at_review(current: Checklist, judged: Checklist, record: Record) -> int:
    """How many questions of `current` the next review is to offer `record` (judged by
    `judged`), derived from its answers: none for an account that has no review to
    come (a closed account, a rejected or postponed one, one not decided yet)."""
    approved = record.status == "decided" and record.step5.outcome == APPROVED
    if record.status != "started" and not approved:
        return 0
    return len(review_questions(current, judged, record.model_dump(mode="json")))


# By the identity of today's checklist (kept alive here): hashing a frozen checklist would
# walk every question, for every decided record `list` reads.
_composed: dict[tuple[int, str, str, frozenset[str]], tuple[Checklist, Checklist]] = {}


def decided_under(
    current: Checklist,
    version: str,
    upto: str = "decided",
    reviewed: frozenset[str] = frozenset(),
) -> Checklist:
    """`current` as a record decided under `version`, with facts recorded up to stage
    `upto`, reads it: the earlier version's sections up to that stage, today's after it,
    and today's questions answered at a review (`reviewed`) where today's version asks
    them; `current` itself when that version is not kept. A kept file that cannot be
    read is refused, naming it."""
    key = (id(current), version, upto, reviewed)
    if key not in _composed:
        _composed[key] = (current, _compose(current, version, stage_rank(upto), reviewed))
    return _composed[key][1]


def forget_kept() -> None:
    """Forget what was read: a version was kept or installed since (install.py)."""
    _composed.clear()


def _compose(current: Checklist, version: str, rank: int, reviewed: frozenset[str]) -> Checklist:
    earlier = _kept(current.id, version)
    if earlier is None:
        return current
    sections = _with_reviewed(
        tuple(s for s in earlier.sections if stage_rank(s.stage) <= rank), current, reviewed
    )
    later = tuple(s for s in current.sections if stage_rank(s.stage) > rank)
    return Checklist(
        id=current.id,
        version=earlier.version,
        title=earlier.title,
        organisation=earlier.organisation,
        base_docx=earlier.base_docx,
        # The notice is the city's advice in the city's words, as the standard quotes it now.
        notice=current.notice,
        # A later section may name a list the earlier version did not have.
        choices={**current.choices, **earlier.choices},
        sections=sections + later,
        source=earlier.source,
    )


def _with_reviewed(
    sections: tuple[Section, ...], current: Checklist, reviewed: frozenset[str]
) -> tuple[Section, ...]:
    """The earlier sections with today's questions answered at a review in them, each
    after the question before it that both versions ask (a section today's version
    added comes after the sections before it)."""
    out = list(sections)
    ready = current.sections_upto("ready")
    for at_now, now in enumerate(ready):
        wanted = [q for q in now.questions if q.field in reviewed]
        wanted_fields = {q.field for q in wanted}
        if not wanted:
            continue
        index = next((i for i, s in enumerate(out) if s.id == now.id), None)
        if index is None:
            before = {s.id for s in ready[:at_now]}
            place = max((i + 1 for i, s in enumerate(out) if s.id in before), default=0)
            out.insert(place, now.model_copy(update={"questions": tuple(wanted)}))
            continue
        questions = list(out[index].questions)
        wanted_fields -= {q.field for q in questions}  # asked by that version already
        for position, question in enumerate(now.questions):
            if question.field not in wanted_fields:
                continue
            before_it = {q.field for q in now.questions[:position]}
            place = max((i + 1 for i, q in enumerate(questions) if q.field in before_it), default=0)
            questions.insert(place, question)
        out[index] = out[index].model_copy(update={"questions": tuple(questions)})
    return tuple(out)


def _kept(checklist_id: str, version: str) -> Checklist | None:
    from kontoguide.checklist.loading import MAX_CHECKLIST_BYTES, checklist_problems

    for folder in checklist_folders():
        path = earlier_file(folder, checklist_id, version)
        if not path.is_file():
            continue
        try:
            raw = read_regular(path, MAX_CHECKLIST_BYTES)
        except UnreadableError as exc:
            raise ChecklistError(path, exc.problem) from None
        # Problems of consistency with today's standard do not count: the version was
        # in use when the decision was taken, and it is kept as it was.
        checklist, problems = checklist_problems(path, raw)
        if checklist is None:
            raise ChecklistError(path, m.C_EARLIER_BROKEN.format(detail=problems[0].detail))
        if checklist.id != checklist_id or checklist.version != version:
            # A decision is never judged by a file that only sits in its version's folder.
            raise ChecklistError(
                path,
                m.C_EARLIER_NOT_THAT_VERSION.format(
                    checklist_id=checklist_id,
                    version=version,
                    found_id=checklist.id,
                    found_version=checklist.version,
                ),
            )
        return checklist
    return None
