"""What to tell the user when a file could not be written.

One wording for every writer (the drafts, exports, the overview, the schema), so a
document open in Word gets the same advice wherever it is written. `where` says
how the user picks another place: `--output` for a file they name ("output"),
KONTOGUIDE_HOME for kontoguide's own folder ("home").
"""

from __future__ import annotations

from typing import Literal

from kontoguide.files.atomicfile import FolderNotWritableError
from kontoguide.files.pathlimits import is_too_long, too_long_reason
from kontoguide.store import messages as m

# For each place: how to choose a shorter path, and how to choose another folder.
_CHOICES = {
    "output": (m.F_CHOOSE_OUTPUT_SHORTER, m.F_CHOOSE_OUTPUT_FOLDER),
    "home": (m.F_CHOOSE_HOME_SHORTER, m.F_CHOOSE_HOME_FOLDER),
}


Where = Literal["output", "home"]


def write_failure(exc: OSError, existed: bool, *, where: Where = "output") -> str:
    """The Swedish reason for `exc`, raised while writing a file that `existed` or not."""
    shorter, other = _CHOICES[where]
    kept = m.F_KEPT if existed else m.F_NONE_MADE
    if is_too_long(exc):
        return m.F_WRITE_TOO_LONG.format(reason=too_long_reason(exc), choose=shorter, kept=kept)
    detail = exc.strerror or str(exc)
    if isinstance(exc, FolderNotWritableError):
        return m.F_FOLDER_NOT_WRITABLE.format(
            folder=exc.filename, detail=detail, choose=other, kept=kept
        )
    if existed and isinstance(exc, PermissionError):
        # On Windows a file open in Word or Excel cannot be replaced (access denied, or
        # the sharing violation, winerror 32); elsewhere it is read-only or not ours.
        return m.F_WRITE_HELD_OPEN.format(detail=detail)
    template = m.F_WRITE_FAILED if existed else m.F_WRITE_FAILED_NEW
    return template.format(detail=detail)
