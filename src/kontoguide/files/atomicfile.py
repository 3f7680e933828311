"""Write a file so that a crash leaves either the old or the new content, never half.

Temp file in the same folder (same file system, so the rename is atomic),
flush, fsync, rename; the temp file is removed if anything fails. The temp file
is created owner-only (mkstemp), so a draft with personal data is never
readable by others, not even for a moment; documents meant for sharing get the
usual permissions (`private=False`), but only once they have their final name.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

from kontoguide.files.pathlimits import refuse_too_long

# On Windows a virus scanner, the search indexer or OneDrive may hold the target for
# a moment right after it was written; the rename then fails with PermissionError.
_RETRY_REPLACE = os.name == "nt"
_REPLACE_ATTEMPTS = 5


def _replace(temp: Path, path: Path) -> None:
    for attempt in range(1, _REPLACE_ATTEMPTS + 1):
        try:
            temp.replace(path)  # os.replace: atomic on POSIX and Windows
            return
        except PermissionError:
            if not _RETRY_REPLACE or attempt == _REPLACE_ATTEMPTS:
                raise
            time.sleep(0.05 * attempt)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders this way.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# A shared output (an export, the overview) still holds personal data: readable by the
# owner's group if the umask allows, never by everyone, never writable by anyone else.
_SHARED_MODE = 0o640


def _shared_mode(fd: int) -> None:
    if os.name != "posix":
        return
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, _SHARED_MODE & ~umask)


def _publish_new(temp: Path, path: Path) -> None:
    """Rename without ever replacing an existing file (FileExistsError if there is one)."""
    try:
        # A hard link fails if the target exists: no window between check and write.
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (FAT, some network shares): check, then rename.
        if path.exists():
            raise FileExistsError(path) from None
        _replace(temp, path)
        return
    # The file is published; a temp name that cannot be removed now (a virus scanner
    # holding it on Windows) must not turn a written export into a reported failure.
    with contextlib.suppress(OSError):
        temp.unlink()


class FolderNotWritableError(PermissionError):
    """No file can be made in the folder (read-only, or not ours): not the target's fault."""


_TEMP_SUFFIX = ".tmp"
_TEMP_RANDOM = 8  # the characters mkstemp puts between the prefix and the suffix
# The temp file's name holds at most this much of the target's, so that a name the
# file system takes (up to 255 bytes) does not fail for its temp file's longer name;
# a draft's ".<id>.json." stays whole (Store.sweep finds its temp files by it).
_TEMP_NAME_BYTES = 100


def _temp_prefix(name: str) -> str:
    kept = name.encode("utf-8", "surrogateescape")[:_TEMP_NAME_BYTES]
    return f".{kept.decode('utf-8', 'ignore')}."


def _make_temp(path: Path) -> tuple[int, str]:
    prefix = _temp_prefix(path.name)
    refuse_too_long(path, len(prefix) + _TEMP_RANDOM + len(_TEMP_SUFFIX))
    try:
        return tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=_TEMP_SUFFIX)
    except PermissionError as exc:
        raise FolderNotWritableError(exc.errno, exc.strerror, str(path.parent)) from None


def write_bytes(path: Path, data: bytes, *, private: bool = True, overwrite: bool = True) -> None:
    fd, temp_name = _make_temp(path)
    temp = Path(temp_name)
    handle = os.fdopen(fd, "wb")
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if os.name != "posix":
                handle.close()  # Windows cannot rename a file that is open
            if overwrite:
                _replace(temp, path)
            else:
                _publish_new(temp, path)
            if not private and not handle.closed:
                # Only now, under its final name: a temp file left by a killed process
                # stays owner-only, like the personal data it holds.
                _shared_mode(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


def write_text(path: Path, text: str, *, private: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), private=private)


def private_folder(folder: Path) -> None:
    """`folder` and each missing parent created owner-only (0700), whatever the umask.

    kontoguide's own folders hold drafts with personal data and the installed
    variants whose words are shown as advice: with `umask 000` a plain mkdir made
    them 0777, and another user replaced a variant. Parents that already exist are
    the user's and are left as they are; `folder` itself (records, checklists, cache:
    kontoguide's) is closed to others if an earlier kontoguide made it open.
    """
    if folder.is_dir() and not folder.is_symlink():
        _close_to_others(folder)
        return
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made at the same moment by another kontoguide
        if os.name == "posix":
            path.chmod(0o700)  # mkdir's mode is cut by the umask, never widened


def _close_to_others(folder: Path) -> None:
    # Nobody else may add, remove or replace a file in it (a group may still look);
    # a folder of another user's, which cannot be changed, is left as it is.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(folder.stat().st_mode)
        if current & 0o027:
            folder.chmod(current & ~0o027)
