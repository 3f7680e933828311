"""Drafts and records on disk: one JSON file per record, never lost, never clobbered.

Folder: $KONTOGUIDE_HOME, else the platform's user data folder. Files are
written atomically and owner-only; a lock file per record stops two processes
from editing one draft. Files that cannot be read (corrupt, from a newer
version) are reported with their name and left untouched.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kontoguide.files import atomicfile
from kontoguide.files.homefolder import home_folder
from kontoguide.files.inputfile import read_json_object
from kontoguide.model.errors import (
    CorruptFileError,
    DraftLockedError,
    FileProblem,
    NewerVersionError,
    UnknownDraftError,
    UnreadableError,
    UsageError,
)
from kontoguide.model.record import SCHEMA_VERSION, Record
from kontoguide.model.textsafe import printable
from kontoguide.store import messages as m
from kontoguide.store.write_failure import write_failure

_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
# No look-alike characters (0/o, 1/l/i): ids are read aloud and typed by hand.
_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

# Migrations from format N to N+1, applied in order on read. Add one whenever
# SCHEMA_VERSION goes up; the file on disk is only rewritten on the next save.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _to_lifecycle(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 → 2: the decision process (issue 7).

    The status is derived from the answers from now on; the old "complete" or
    "draft" is only a starting point until the next save. The report to the
    city's list moves from step 5 to the account's start. A "no" there says only
    that the account was not reported yet, not that it started: it is set aside,
    kept and asked again when the start is recorded, so nothing is lost.
    """
    out = dict(data)
    out["status"] = "ready" if data.get("status") == "complete" else "draft"
    out.setdefault("history", [])
    step5 = data.get("step5")
    if isinstance(step5, dict) and ("reported_to_list" in step5 or "reported_date" in step5):
        step5 = dict(step5)
        reported = step5.pop("reported_to_list", None)
        reported_date = step5.pop("reported_date", None)
        out["step5"] = step5
        if reported is True and isinstance(out.get("start", {}), dict):
            start = dict(out.get("start") or {})
            start.update({"reported_to_list": True, "reported_date": reported_date})
            out["start"] = start
        elif isinstance(out.get("set_aside", {}), dict):  # else refused after migrating
            set_aside = dict(out.get("set_aside") or {})
            if reported is not None:
                set_aside["start.reported_to_list"] = reported
            if reported_date is not None:
                set_aside["start.reported_date"] = reported_date
            out["set_aside"] = set_aside
    return out


def _to_case_number_choice(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 → 3: "no case number yet" is a choice, not a skipped question (issue 9).

    A decision written down without a case number had skipped the question, which
    said "skip it if there is none": that becomes "Inget diarienummer ännu". A case
    number given stays; one that is not in a case number's form (”vet inte”) is set
    aside when the record is read and asked again, never dropped.
    """
    step5 = data.get("step5")
    if not isinstance(step5, dict) or "case_number_status" in step5:
        return data
    number = step5.get("case_number")
    given = isinstance(number, str) and bool(number.strip())
    if not given and step5.get("outcome") is None:
        return data  # no decision written down yet: asked with the decision
    out = dict(data)
    out["step5"] = {**step5, "case_number_status": "finns" if given else "inget"}
    return out


MIGRATIONS: dict[int, Migration] = {1: _to_lifecycle, 2: _to_case_number_choice}


# Windows refuses these as file names, with or without an extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{stem}{n}" for stem in ("com", "lpt") for n in range(1, 10)
}


def is_safe_id(draft_id: str) -> bool:
    return bool(_ID_PATTERN.fullmatch(draft_id)) and draft_id not in _WINDOWS_RESERVED


def new_id() -> str:
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))


def now() -> datetime:
    """This moment with the computer's UTC offset: its day is the day where it was given
    (model.days.day_given), whoever reads it later and wherever."""
    return datetime.now(UTC).astimezone().replace(microsecond=0)


def migrate(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptFileError(path, m.F_BAD_VERSION)
    if version > SCHEMA_VERSION:
        raise NewerVersionError(path, m.F_NEWER.format(found=version, supported=SCHEMA_VERSION))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def record_json(record: Record) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class StoredFile:
    path: Path
    data: dict[str, Any]


class Store:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else home_folder() / "records"

    def ensure_folder(self) -> None:
        try:
            atomicfile.private_folder(self.folder)
        except OSError as exc:
            raise UsageError(
                m.S_HOME_UNUSABLE.format(path=self.folder, detail=exc.strerror or exc)
            ) from None

    def path_for(self, draft_id: str) -> Path:
        if not is_safe_id(draft_id):
            raise UnknownDraftError(m.S_UNSAFE_ID.format(draft_id=draft_id))
        return self.folder / f"{draft_id}.json"

    def exists(self, draft_id: str) -> bool:
        return self.path_for(draft_id).exists()

    def read(self, draft_id: str) -> StoredFile:
        path = self.path_for(draft_id)
        if not path.exists():
            raise UnknownDraftError(m.S_UNKNOWN_ID.format(draft_id=draft_id))
        return stored_file(path)

    def save(self, record: Record) -> Path:
        self.ensure_folder()
        path = self.path_for(record.id)
        existed = path.exists()
        try:
            atomicfile.write_text(path, record_json(record))
        except OSError as exc:
            raise UnreadableError(path, write_failure(exc, existed, where="home")) from None
        return path

    def allocate_id(self) -> str:
        while True:
            candidate = new_id()
            if not self.exists(candidate):
                return candidate

    @contextmanager
    def lock(self, draft_id: str) -> Iterator[None]:
        """Hold the draft for this process; a second process gets a clear message."""
        from filelock import FileLock, Timeout

        path = self.path_for(draft_id)  # an unsafe id is refused before any file is touched
        self.ensure_folder()
        lock = FileLock(str(path) + ".lock", timeout=0, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise DraftLockedError(m.S_LOCKED.format(draft_id=draft_id)) from None
        except OSError as exc:  # a read-only or vanished folder
            raise UsageError(
                m.S_HOME_UNUSABLE.format(path=self.folder, detail=exc.strerror or exc)
            ) from None
        try:
            yield
        finally:
            lock.release()

    def scan(self) -> tuple[list[StoredFile], list[FileProblem]]:
        """Every record file, readable ones and the problems of the others."""
        good: list[StoredFile] = []
        bad: list[FileProblem] = []
        for path in self.record_files():
            try:
                good.append(stored_file(path))
            except FileProblem as problem:  # a damaged file, or a link to nothing
                bad.append(problem)
        return good, bad

    def record_files(self) -> list[Path]:
        """The record files in the folder, in name order; none when there is no folder."""
        if not self.folder.exists():
            if self.folder.parent.exists() and not self.folder.parent.is_dir():
                raise UsageError(
                    m.S_HOME_UNUSABLE.format(path=self.folder.parent, detail=m.S_NOT_A_FOLDER)
                )
            return []
        try:
            return sorted(self.folder.glob("*.json"))
        except OSError as exc:
            raise UsageError(
                m.S_HOME_UNUSABLE.format(path=self.folder, detail=exc.strerror or exc)
            ) from None

    def sweep(self) -> None:
        """Remove what a killed process left behind: temp files and locks of no draft.

        A temp file may hold a whole draft (personal data). Each is removed only
        while holding its draft's lock, so a save in progress in another process is
        never touched; a draft that is open elsewhere is simply skipped.
        """
        if not self.folder.is_dir():
            return
        from filelock import FileLock, Timeout

        try:
            leftovers = sorted(self.folder.glob(".*.json.*.tmp"))
            locks = sorted(self.folder.glob("*.json.lock"))
        except OSError:
            return
        by_draft: dict[str, list[Path]] = {}
        for temp in leftovers:
            by_draft.setdefault(temp.name[1:].split(".json.", 1)[0], []).append(temp)
        for lock_path in locks:
            by_draft.setdefault(lock_path.name.removesuffix(".json.lock"), [])
        for draft_id, temps in by_draft.items():
            if not is_safe_id(draft_id):
                continue
            draft = self.path_for(draft_id)
            lock = FileLock(str(draft) + ".lock", timeout=0, mode=0o600)
            try:
                lock.acquire()
            except (Timeout, OSError):
                continue
            try:
                for temp in temps:
                    with contextlib.suppress(OSError):
                        temp.unlink()
                if not draft.exists():
                    with contextlib.suppress(OSError):
                        Path(lock.lock_file).unlink()
            finally:
                lock.release()


def stored_file(path: Path) -> StoredFile:
    """A record file as stored, its id checked against its name.

    The store reads, locks and writes a draft by the id in its file name; a file
    whose own id differs (a copied draft) would be saved over the other draft.
    """
    data = migrate(path, read_json_object(path))
    found = data.get("id")
    if found is None:
        raise CorruptFileError(path, m.F_NO_ID_IN_DRAFTS)
    if found != path.stem:
        raise CorruptFileError(
            path,
            m.F_ID_NOT_FILE_NAME.format(name=path.name, found=printable(found, 40)),
        )
    return StoredFile(path, data)
