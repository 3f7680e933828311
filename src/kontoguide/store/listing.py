"""What `kontoguide list` shows of each record, read one file at a time (issue 23).

A record is read and checked in full (drafts.record_from_data, the one way every
command reads one), and only the few facts the table shows are kept: a folder of
10,000 records no longer stays in memory until the table is drawn. The facts of a
file that has not changed since the last listing come from the list cache
(list_cache), which is keyed on the file's identity and stamp and on the code and
checklists that derived them; anything else is read and derived again.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from kontoguide.model.errors import FileProblem, KontoguideError
from kontoguide.store.list_row import Listed, listed

if TYPE_CHECKING:
    from kontoguide.checklist.loading import RecordChecklists
    from kontoguide.store.storage import Store


def _read(path: Path, checklists: RecordChecklists) -> Listed:
    from kontoguide.store import drafts
    from kontoguide.store.storage import stored_file

    stored = stored_file(path)
    try:
        checklist = checklists(stored.path, stored.data.get("checklist_id"))
        return listed(drafts.record_from_data(stored.path, stored.data, checklist))
    except KontoguideError as problem:  # unknown checklist or broken identity
        raise _Underivable(problem.message) from None


class _Underivable(Exception):
    """A file that was read but is not a usable record (listed after the unreadable)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def scan_listed(store: Store, *, cache: bool = True) -> tuple[list[Listed], list[str]]:
    """Every usable record's line, newest change first, and a message for each file that
    is not usable: first those that could not be read, then those that are not records,
    each in the files' order (as drafts.scan_records)."""
    from kontoguide.store.list_cache import ListCache, stamp

    files = store.record_files()
    known = ListCache.open(store.folder) if cache and files else None
    found: list[Listed] = []
    unreadable: list[str] = []
    underivable: list[str] = []
    checklists: RecordChecklists | None = None
    for path in files:
        before = stamp(path)
        hit = known.get(path.name, before) if known and before else None
        if hit is not None:
            found.append(hit)
            continue
        if checklists is None:  # the models are loaded only when a file is read
            from kontoguide.checklist.loading import RecordChecklists

            checklists = RecordChecklists()
        try:
            row = _read(path, checklists)
        except FileProblem as problem:  # a damaged file, or a link to nothing
            unreadable.append(problem.message)
            continue
        except _Underivable as problem:
            underivable.append(problem.message)
            continue
        found.append(row)
        # Kept only if the file is the one that was read: the same stamp after reading.
        if known is not None and before is not None and stamp(path) == before:
            known.put(path.name, before, row, now_ns=time.time_ns())
    if known is not None:
        known.save({path.name for path in files})
    found.sort(key=lambda row: row.updated_at, reverse=True)
    return found, unreadable + underivable
