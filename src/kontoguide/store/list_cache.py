"""The list cache: what `kontoguide list` derived of each record file, kept for the next
listing so that an unchanged file is neither read nor checked again (issue 23).

A derived fact is never trusted from a file: an entry is used only for the very file
it was derived from, unchanged (the same device, inode, size, modification and change
times, of the link and of what it points to), and only by the same kontoguide (its
version and the stamps of its code) with the same checklists (the stamps of every
checklist file) in the same time zone. An entry for a file changed less than two
seconds before it was read is not kept, as a change within the file system's clock
step could leave its stamp unchanged. The cache is ours alone: owner-only, written
atomically, and a cache file that is broken, too large, or not the user's own is
ignored (the records are then read as if there were none).

It lives in the user's cache folder (platformdirs), or under KONTOGUIDE_HOME when that
is set, one file per records folder. It holds the table's texts (account and
organisation names), so it is kept as privately as the records themselves.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import kontoguide
from kontoguide.checklist.folders import checklist_folders
from kontoguide.files import atomicfile
from kontoguide.files.homefolder import HOME_ENV, home_folder
from kontoguide.store.list_row import Listed

FORMAT = 1
# Larger than any cache of a real folder (10,000 records take about 3 MB).
_MAX_BYTES = 256 * 1024 * 1024
# A file modified this recently may change again within its modification time step.
_SETTLED_NS = 2_000_000_000

Stamp = tuple[int, ...]


def stamp(path: Path) -> Stamp | None:
    """The file's identity and content stamp, of the name and of what it points to."""
    try:
        link = path.lstat()
        target = path.stat()
    except (OSError, ValueError):
        return None
    return (
        target.st_dev,
        target.st_ino,
        target.st_size,
        target.st_mtime_ns,
        target.st_ctime_ns,
        link.st_ino,
        link.st_mtime_ns,
        link.st_ctime_ns,
    )


def _code_files() -> list[Path]:
    package = Path(kontoguide.__file__).parent
    return sorted(path for path in package.rglob("*.py"))


def _checklist_files() -> list[Path]:
    return sorted(path for folder in checklist_folders() for path in folder.rglob("*"))


def context(folder: Path) -> str:
    """What derived the entries: the records folder, kontoguide, its checklists, the zone."""
    digest = hashlib.sha256()
    digest.update(repr((FORMAT, kontoguide.__version__, str(folder))).encode())
    digest.update(repr((time.timezone, time.altzone, time.daylight, time.tzname)).encode())
    for path in [*_code_files(), *_checklist_files()]:
        digest.update(repr((str(path), stamp(path))).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def cache_file(folder: Path) -> Path:
    """Where the cache of the records in `folder` is kept."""
    if os.environ.get(HOME_ENV):
        base = home_folder() / "cache"
    else:
        from platformdirs import user_cache_path

        base = user_cache_path("kontoguide", appauthor=False)
    name = hashlib.sha256(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return base / f"list-{name}.cache"


def _encode(row: Listed) -> list[Any]:
    return [
        row.id,
        row.account_name,
        row.organisation,
        row.updated_at.isoformat(),
        row.status,
        row.label,
        list(row.steps) if row.steps is not None else None,
        row.review_due.isoformat() if row.review_due is not None else None,
    ]


def _text(value: object, *, optional: bool = False) -> str | None:
    if isinstance(value, str) or (optional and value is None):
        return value
    raise ValueError("not a text")


def _decode(value: Any) -> Listed:
    """An entry's row, every part of the type it was written with; ValueError if not."""
    row_id, account, organisation, updated, status, label, steps, due = value
    moment = datetime.fromisoformat(str(_text(updated)))
    if moment.tzinfo is None:
        raise ValueError("no time zone")
    if steps is not None:
        if not (isinstance(steps, list) and len(steps) == 2):
            raise ValueError("steps")
        done, total = steps
        if not all(type(number) is int for number in (done, total)):
            raise ValueError("steps")
        steps = (done, total)
    return Listed(
        id=str(_text(row_id)),
        account_name=_text(account, optional=True),
        organisation=_text(organisation, optional=True),
        updated_at=moment,
        status=str(_text(status)),
        label=str(_text(label)),
        steps=steps,
        review_due=date.fromisoformat(str(_text(due))) if due is not None else None,
    )


def _own_file(path: Path) -> bytes | None:
    """The cache file's bytes if it is a regular file of this user's, private to it."""
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BYTES:
                return None
            if os.name != "nt" and (info.st_uid != os.getuid() or info.st_mode & 0o077):
                return None
            return handle.read(_MAX_BYTES + 1)
    except OSError:
        return None


class ListCache:
    def __init__(self, path: Path, context: str, entries: dict[str, Any]) -> None:
        self.path = path
        self.context = context
        self._entries = entries
        self._changed = False

    @classmethod
    def open(cls, folder: Path) -> ListCache:
        """The cache for `folder`; an empty one when there is none or it cannot be used."""
        path = cache_file(folder)
        derived_by = context(folder)
        raw = _own_file(path)
        entries: dict[str, Any] = {}
        if raw is not None:
            with contextlib.suppress(ValueError, RecursionError):
                data = json.loads(raw)
                if (
                    isinstance(data, dict)
                    and data.get("format") == FORMAT
                    and data.get("context") == derived_by
                    and isinstance(data.get("entries"), dict)
                ):
                    entries = data["entries"]
        return cls(path, derived_by, entries)

    def get(self, name: str, key: Stamp) -> Listed | None:
        """The row derived from the file `name` when it had the stamp `key`, if any."""
        entry = self._entries.get(name)
        if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == list(key)):
            return None
        try:
            return _decode(entry[1])
        except (ValueError, TypeError):
            return None

    def put(self, name: str, key: Stamp, row: Listed, *, now_ns: int) -> None:
        if now_ns - max(key[3], key[6]) < _SETTLED_NS:
            self._entries.pop(name, None)
            return
        self._entries[name] = [list(key), _encode(row)]
        self._changed = True

    def save(self, names: set[str]) -> None:
        """Written when it changed, with entries for the files in `names` only; a cache
        that cannot be written is no problem (the next listing reads the files)."""
        gone = [name for name in self._entries if name not in names]
        if not self._changed and not gone:
            return
        for name in gone:
            del self._entries[name]
        data = {"format": FORMAT, "context": self.context, "entries": self._entries}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(OSError):
            atomicfile.private_folder(self.path.parent)
            atomicfile.write_text(self.path, text, private=True)
