"""Loading a checklist: read from its file, checked, and found by id.

A checklist that the program could not follow is refused with the file, the
place and the reason. `checklist_problems` lists every problem of a file in one
run, also in the parts of a broken file that could be read. What a checklist
holds is in parts.py, the checks against the record model in consistency.py,
the folders it is found in in folders.py.
"""

from __future__ import annotations

import contextlib
import copy
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kontoguide.checklist import messages as m
from kontoguide.checklist.consistency import OCCURRENCE, consistency_problems
from kontoguide.checklist.folders import (
    DEFAULT_CHECKLIST,
    available_checklists,
    shipped_folders,
    user_checklist_folder,
)
from kontoguide.checklist.parts import (
    ADDED_PREFIX,
    ID_PATTERN,
    Checklist,
    ChoiceOption,
    Condition,
    ItemField,
    Notice,
    Question,
    Section,
)
from kontoguide.checklist.standard import with_standard_notice
from kontoguide.files.regularfile import read_regular
from kontoguide.files.textcoding import NotUtf8, decode_utf8_text
from kontoguide.model import paths
from kontoguide.model.errors import (
    ChecklistError,
    CorruptFileError,
    UnknownChecklistError,
    UnreadableError,
    UsageError,
)
from kontoguide.model.fieldtypes import find_forbidden_char
from kontoguide.model.textsafe import printable

_ID_PATTERN = re.compile(ID_PATTERN)
_NOT_IN_A_PATH = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The shipped checklist is under 40 KB; anything far larger is not a checklist.
MAX_CHECKLIST_BYTES = 1_000_000


def _author_message(error: Any) -> str:
    """A Swedish message for the person who edits a checklist file."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "missing":
        return m.C_MISSING
    if kind == "extra_forbidden":
        return m.C_UNKNOWN_KEY
    if kind == "literal_error":
        return m.C_ALLOWED.format(expected=str(ctx.get("expected", "")).replace(" or ", " eller "))
    if kind in ("string_too_short", "too_short"):
        return m.C_EMPTY
    if kind == "string_pattern_mismatch":
        return m.C_PATTERN.format(pattern=ctx.get("pattern", ""))
    if kind.startswith("value_error"):
        return str(error["msg"]).removeprefix("Value error, ")
    from kontoguide.model.errortext import translate

    return translate(error)


def is_checklist_id(name: str) -> bool:
    return bool(_ID_PATTERN.fullmatch(name))


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_CHECKLIST_BYTES)
    except UnreadableError as exc:
        raise ChecklistError(path, exc.problem) from None


@dataclass(frozen=True)
class ChecklistProblem:
    """One thing wrong in a checklist file: where (a path in the file), its line, why."""

    where: str
    detail: str
    line: int | None = None

    def place(self) -> str:
        where = self.where or m.C_WHOLE_FILE
        if self.line is None:
            return where
        return m.CV_AT_LINE.format(where=where, line=self.line)


_TOML_LINE = re.compile(r"line (\d+)")


# --- checking the parts of a file that did parse --------------------------------
#
# A file the model refuses still has much that can be checked: the duplicate ids,
# the choice lists, the required questions. To list every problem in one run, the
# broken places are set aside (an unknown key dropped, a bad optional value left
# to its default, a missing text given a stand-in, else the question, list field,
# choice or section around the mistake left out) and the rest is checked as a
# whole. What is said about the parts set aside is not said again.

Loc = tuple[str | int, ...]
_STAND_IN = "?"
_TEXT_KEYS = frozenset(
    {"title", "purpose", "label", "version", "organisation", "text", "confirm", "declined"}
)
_ROUNDS = 8  # a part set aside can show one more mistake (an empty list): a few rounds
_GONE = object()
# The checklist's own id and notice, when broken as a whole: nothing else names them.
_WHOLE_STAND_INS: dict[Loc, Any] = {
    ("id",): "x",
    ("notice",): {key: _STAND_IN for key in ("title", "text", "confirm", "declined")},
}


def _shape(loc: Loc) -> Loc:
    if loc[:1] == ("choices",):
        return ("choices", "", *(0 if isinstance(p, int) else p for p in loc[2:]))[: len(loc)]
    return tuple(0 if isinstance(p, int) else p for p in loc)


_MODELS: dict[Loc, type[BaseModel]] = {
    (): Checklist,
    ("notice",): Notice,
    ("sections", 0): Section,
    ("sections", 0, "questions", 0): Question,
    ("sections", 0, "questions", 0, "when"): Condition,
    ("sections", 0, "questions", 0, "fields", 0): ItemField,
    ("sections", 0, "questions", 0, "fields", 0, "when"): Condition,
    ("choices", "", 0): ChoiceOption,
}
_REMOVABLE: frozenset[Loc] = frozenset(
    {
        ("sections", 0),
        ("sections", 0, "questions", 0),
        ("sections", 0, "questions", 0, "fields", 0),
        ("choices", "", 0),
        ("choices", ""),
    }
)


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        in_list = isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)
        if not (in_list or (isinstance(part, str) and isinstance(data, dict) and part in data)):
            return _GONE
        data = data[part]
    return data


def _names_in(part: Any) -> set[str]:
    """The names a part set aside is known by in other problems' texts."""
    if not isinstance(part, dict):
        return set()
    names = set()
    for key in ("field", "id"):
        if isinstance(part.get(key), str):
            names.add(part[key])
    if isinstance(part.get("id"), str) and "field" not in part:
        names.add(ADDED_PREFIX + part["id"])
    for question in part.get("questions", []) if isinstance(part.get("questions"), list) else []:
        names |= _names_in(question)
    return names


def _set_aside(data: dict[str, Any], error: Any, names: set[str]) -> bool:
    """Take the mistake of one model error out of `data`; False if it cannot be."""
    loc: Loc = tuple(error["loc"])
    for depth in range(len(loc), 0, -1):
        owner, key, last = loc[: depth - 1], loc[depth - 1], depth == len(loc)
        parent, model = _at(data, owner), _MODELS.get(_shape(owner))
        if isinstance(key, str) and isinstance(parent, dict) and model is not None:
            info = model.model_fields.get(key)
            if key in parent and (
                (last and error["type"] == "extra_forbidden")
                or (info is not None and not info.is_required())
            ):
                del parent[key]
                return True
            if last and key in _TEXT_KEYS:
                parent[key] = _STAND_IN
                return True
        if isinstance(parent, dict) and loc[:depth] in _WHOLE_STAND_INS:
            parent[key] = copy.deepcopy(_WHOLE_STAND_INS[loc[:depth]])
            return True
        if _shape(loc[:depth]) in _REMOVABLE:
            part, holder = _at(data, loc[:depth]), _at(data, loc[: depth - 1])
            if part is _GONE:
                return True  # already set aside for another mistake
            names |= _names_in(part)
            if isinstance(holder, dict):  # a whole choice list
                names.add(str(key))
                del holder[key]
            else:
                holder[key] = _GONE
            return True
    return False


def _without_gone(data: Any) -> Any:
    if isinstance(data, list):
        return [_without_gone(item) for item in data if item is not _GONE]
    if isinstance(data, dict):
        return {key: _without_gone(value) for key, value in data.items()}
    return data


def _not_about(problems: list[str], names: set[str]) -> list[str]:
    """The problems that name none of `names` (the parts set aside)."""
    if not names:
        return problems
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    named = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)")
    return [problem for problem in problems if not named.search(problem)]


def _checks_of_the_rest(data: dict[str, Any], errors: list[Any], path: Path) -> list[str]:
    """The cross-checks' problems in what remains once the model's mistakes are set aside."""
    rest = copy.deepcopy(data)
    names: set[str] = set()
    for _ in range(_ROUNDS):
        if not all(_set_aside(rest, error, names) for error in errors):
            return []
        rest = _without_gone(rest)
        try:
            checklist = Checklist.model_validate({**rest, "source": path, "notice_ignored": False})
        except ValidationError as exc:
            errors = exc.errors()
            continue
        return _not_about(consistency_problems(checklist), names)
    return []


def _control_characters(node: Any, where: str = "") -> Iterator[tuple[str, tuple[int, str]]]:
    """Each text (key or value) in `node` holding a character no text may hold."""
    stack: list[tuple[str, Any]] = [(where, node)]
    while stack:  # iterative: a deep table must not end in a RecursionError
        at, value = stack.pop()
        if isinstance(value, str):
            # A Windows line ending in a multi-line string is a line ending, not a control.
            bad = find_forbidden_char(value.replace("\r\n", "\n"))
            if bad is not None:
                yield at or m.C_WHOLE_FILE, bad
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                bad = find_forbidden_char(str(key))
                if bad is not None:
                    yield at or m.C_WHOLE_FILE, bad
                stack.append((f"{at}.{key}" if at else str(key), item))
        elif isinstance(value, list):
            stack.extend(
                (f"{at}[{index}]", item) for index, item in reversed(list(enumerate(value)))
            )


def checklist_problems(path: Path, raw: bytes) -> tuple[Checklist | None, list[ChecklistProblem]]:
    """The checklist in `raw`, if it could be read, and every problem found in it."""
    try:
        text = decode_utf8_text(raw)
    except NotUtf8 as wrong:
        return None, [ChecklistProblem("", wrong.message, wrong.line)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        return None, [ChecklistProblem("", m.C_NOT_TOML.format(detail=exc), line)]
    except RecursionError:  # tomllib parses nested arrays recursively: "a = [[[[…"
        return None, [ChecklistProblem("", m.C_TOO_DEEP)]
    except ValueError:  # an integer past Python's 4,300 digits, refused by int()
        return None, [ChecklistProblem("", m.C_NUMBER_TOO_LONG)]
    from kontoguide.checklist.lines import line_of

    # Every text of a checklist reaches a terminal or a document: an escape sequence in a
    # title would retitle the window or clear the screen in `checklist list`.
    controls = [
        ChecklistProblem(where, m.C_TEXT_CONTROL.format(pos=pos, code=code), line_of(text, where))
        for where, (pos, code) in _control_characters(data)
    ]
    if controls:
        return None, controls

    # A variant shows the city's notice as the standard quotes it, never its own.
    data, ignored = with_standard_notice(data)
    try:
        checklist = Checklist.model_validate({**data, "source": path, "notice_ignored": ignored})
    except ValidationError as exc:
        out = []
        for error in exc.errors():
            where = paths.from_loc(error["loc"]) or m.C_WHOLE_FILE
            line = line_of(text, where) if error["loc"] else None
            out.append(ChecklistProblem(where, _author_message(error), line))
        # Nesting tomllib could read but a copy cannot: the rest is left unchecked.
        with contextlib.suppress(RecursionError):
            out += _located(_checks_of_the_rest(data, exc.errors(), path), text)
        return None, out
    return checklist, _located(consistency_problems(checklist), text)


def _located(problems: list[str], text: str) -> list[ChecklistProblem]:
    from kontoguide.checklist.lines import line_of

    located = []
    for problem in problems:
        where, _, detail = problem.partition(": ")
        located.append(
            ChecklistProblem(where.partition(OCCURRENCE)[0], detail, line_of(text, where))
        )
    return located


def _parse(path: Path, raw: bytes) -> Checklist:
    checklist, problems = checklist_problems(path, raw)
    if problems or checklist is None:
        first = problems[0]
        if not first.where:  # the file could not be read as TOML at all
            raise ChecklistError(path, first.detail)
        more = m.C_MORE_ERRORS.format(count=len(problems) - 1) if len(problems) > 1 else ""
        raise ChecklistError(
            path, m.C_INVALID.format(where=first.place(), detail=first.detail + more)
        )
    return checklist


def load_checklist_file(path: Path) -> Checklist:
    """A checklist file, read (an ordinary file, at most 1 MB) and checked; nothing installed."""
    return _parse(path, _read(path))


def shipped_standard() -> Checklist | None:
    """The city's standard checklist as shipped (never a file in the user's folder)."""
    for folder in shipped_folders():
        path = folder / f"{DEFAULT_CHECKLIST}.toml"
        if path.is_file():
            return _load_cached(path)
    return None  # pragma: no cover


def _matches_file_name(path: Path, checklist: Checklist) -> Checklist:
    # Records name their checklist by id and are reopened by file name: the two must agree.
    if checklist.id != path.stem:
        raise ChecklistError(path, m.C_ID_NOT_FILE_NAME.format(checklist_id=checklist.id))
    return checklist


@cache
def _load_cached(path: Path) -> Checklist:
    return _matches_file_name(path, load_checklist_file(path))


def load_checklist(checklist_id: str = DEFAULT_CHECKLIST) -> Checklist:
    """A checklist by id (its file name without .toml), from the known folders.

    Never by path and never installing anything: that is `install_checklist`'s job,
    and only `start --checklist FILE.toml` calls it.
    """
    if not is_checklist_id(checklist_id):
        raise UsageError(m.C_NOT_AN_ID.format(name=printable(checklist_id)))
    found = available_checklists()
    if checklist_id not in found:
        available = ", ".join(sorted(found)) or m.C_NONE
        raise UsageError(
            m.C_UNKNOWN.format(checklist_id=printable(checklist_id), available=available)
        )
    return _load_cached(found[checklist_id])


def checklist_for_record(record: Path, value: object) -> Checklist:
    """The checklist a stored record or exported file names in checklist_id.

    A record is data, not a command: it names a checklist by id only, and reading
    it never installs or reads any other file. Problems name the record's file.
    """
    if value is None:
        # No checklist_id at all: the record's own check reports the missing field.
        return load_checklist()
    if not isinstance(value, str) or not is_checklist_id(value):
        raise CorruptFileError(record, m.C_RECORD_NOT_AN_ID.format(value=printable(value)))
    found = available_checklists()
    if value not in found:
        available = ", ".join(sorted(found)) or m.C_NONE
        folder = user_checklist_folder()
        message = m.C_RECORD_UNKNOWN.format(
            checklist_id=printable(value), available=available, folder=folder
        )
        raise UnknownChecklistError(record, value, message)
    return _load_cached(found[value])


class RecordChecklists:
    """The checklists that the records of one command name, each found once.

    `checklist_for_record` looks through the checklist folders on every call; a
    command that reads a folder of records (`list`, `overview`) asks this instead.
    """

    def __init__(self) -> None:
        self._known: dict[str, Checklist] = {}

    def __call__(self, record: Path, value: object) -> Checklist:
        if isinstance(value, str) and value in self._known:
            return self._known[value]
        found = checklist_for_record(record, value)
        if isinstance(value, str):
            self._known[value] = found
        return found
