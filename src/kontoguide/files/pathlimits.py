"""How long a path kontoguide writes may be, told before anything is written.

Most file systems allow at most 255 bytes in one name of a path (Linux says
ENAMETOOLONG; an encrypted home folder allows even fewer). Windows allows at most
259 characters in a whole path (MAX_PATH, 260 with the closing NUL) unless long
paths are switched on for the whole PC, which Word and Explorer still do not
follow; beyond it Windows answers "the path was not found", which tells the user
nothing. So on Windows the length is checked before writing, and a file name too
long for any file system is named before the system refuses it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kontoguide.files import messages as m

NAME_MAX_BYTES = 255
WINDOWS_MAX_PATH = 259
_WINERROR_FILENAME_EXCED_RANGE = 206
_SHOWN_CHARS = 40


def on_windows() -> bool:
    return os.name == "nt"


class PathTooLongError(OSError):
    """A path refused for its length before the file system was asked."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.ENAMETOOLONG, reason, str(path))


def is_too_long(exc: OSError) -> bool:
    """Whether the file system refused a path for its length."""
    return exc.errno == errno.ENAMETOOLONG or (
        getattr(exc, "winerror", None) == _WINERROR_FILENAME_EXCED_RANGE
    )


def _shown(name: str) -> str:
    return name if len(name) <= _SHOWN_CHARS else f"{name[:_SHOWN_CHARS]}…"


def length_problem(path: Path, longest_name: int = 0) -> str | None:
    """Why `path` is too long to write, or None; `longest_name` is the length of a
    longer name that will stand in its folder too (a temp file's, a lock's)."""
    windows = on_windows()
    for part in path.parts[1:] if path.anchor else path.parts:
        # NTFS counts characters; ext4, APFS and most others count UTF-8 bytes.
        size = len(part) if windows else len(part.encode("utf-8", "surrogateescape"))
        if size > NAME_MAX_BYTES:
            unit = m.F_CHARACTERS if windows else m.F_BYTES
            return m.F_NAME_TOO_LONG.format(
                name=_shown(part), size=size, unit=unit, limit=NAME_MAX_BYTES
            )
    if windows:
        # As Windows counts it: from the drive, links not followed.
        length = len(str(path.absolute())) + max(0, longest_name - len(path.name))
        if length > WINDOWS_MAX_PATH:
            return m.F_PATH_TOO_LONG_WINDOWS.format(length=length, limit=WINDOWS_MAX_PATH)
    return None


def refuse_too_long(path: Path, longest_name: int = 0) -> None:
    """PathTooLongError if `path` (see length_problem) is too long to write."""
    problem = length_problem(path, longest_name)
    if problem is not None:
        raise PathTooLongError(path, problem)


def too_long_reason(exc: OSError) -> str:
    """The Swedish reason for a path refused for its length, by us or the system."""
    if isinstance(exc, PathTooLongError):
        return str(exc.strerror)
    return m.F_PATH_TOO_LONG_SYSTEM.format(detail=exc.strerror or exc)
