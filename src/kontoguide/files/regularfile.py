"""Read a file only if it is an ordinary file of a bounded size.

Drafts, answers files, checklists and base documents come from the user's
folders and from the paths they type: a named pipe there must not block the
program for ever, /dev/zero or a huge file must not fill the memory, and a
folder, a device or a file without read permission gets a message that says
exactly that.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from kontoguide.files import messages as m
from kontoguide.model.errors import MissingFileError, UnreadableError

# Opening a named pipe for reading waits for a writer; without O_NONBLOCK the check
# below (is it a regular file?) would never be reached. Not defined on Windows, where
# such files cannot appear in a folder anyway.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def megabytes(size: int) -> str:
    count = f"{size / 1_000_000:.1f}".removesuffix(".0").replace(".", ",")
    return m.R_MEGABYTES.format(count=count)


def _open(path: Path, *, follow_symlinks: bool) -> int:
    flags = os.O_RDONLY | _BINARY | _NONBLOCK | (0 if follow_symlinks else _NOFOLLOW)
    # O_NOFOLLOW is missing on Windows: ask first there (a narrow race is acceptable
    # on a system where an unprivileged user can rarely create links at all).
    if not follow_symlinks and not _NOFOLLOW and path.is_symlink():
        raise UnreadableError(path, m.R_SYMLINK)
    try:
        return os.open(path, flags)
    except FileNotFoundError:
        raise MissingFileError(path, m.F_NOT_FOUND) from None
    except IsADirectoryError:
        raise UnreadableError(path, m.R_IS_FOLDER) from None
    except PermissionError:
        # Windows refuses to open a folder with a permission error.
        problem = m.R_IS_FOLDER if path.is_dir() else m.R_DENIED
        raise UnreadableError(path, problem) from None
    except ValueError:  # a NUL in the name
        raise UnreadableError(path, m.R_BAD_NAME) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise UnreadableError(path, m.R_SYMLINK) from None
        raise UnreadableError(path, m.F_UNREADABLE.format(detail=exc.strerror or exc)) from None


def read_regular(path: Path, limit: int, *, follow_symlinks: bool = True) -> bytes:
    """The content of `path`, or UnreadableError with a Swedish problem naming the file.

    The checks are made on the opened file, not on the name, so the file cannot be
    swapped for another kind between the check and the read.
    """
    fd = _open(path, follow_symlinks=follow_symlinks)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableError(path, m.R_IS_FOLDER)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableError(path, m.R_NOT_REGULAR)
        if info.st_size > limit:
            raise UnreadableError(path, m.R_TOO_LARGE.format(limit=megabytes(limit)))
        with os.fdopen(fd, "rb") as handle:
            fd = -1  # the handle closes it now
            # As much as fstat says, and one byte more to tell a file that grew since
            # (a read of the whole limit would allocate the limit for every file).
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                # One byte more than allowed tells a file that is too large now.
                data += handle.read(max(0, limit + 1 - len(data)))
    except OSError as exc:
        raise UnreadableError(path, m.F_UNREADABLE.format(detail=exc.strerror or exc)) from None
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
    if len(data) > limit:
        raise UnreadableError(path, m.R_TOO_LARGE.format(limit=megabytes(limit)))
    return data
