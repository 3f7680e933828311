"""What to tell the user when a file could not be written.

One wording for every writer (the drafts, exports, the overview, the schema), so a
document open in Word gets the same advice wherever it is written.
"""

from __future__ import annotations

from kontoguide.store import messages as m


def write_failure(exc: OSError, existed: bool) -> str:
    """The Swedish reason for `exc`, raised while writing a file that `existed` or not."""
    detail = exc.strerror or str(exc)
    if existed and isinstance(exc, PermissionError):
        # On Windows a file open in Word or Excel cannot be replaced (access denied, or
        # the sharing violation, winerror 32); elsewhere it is read-only or not ours.
        return m.F_WRITE_HELD_OPEN.format(detail=detail)
    template = m.F_WRITE_FAILED if existed else m.F_WRITE_FAILED_NEW
    return template.format(detail=detail)
