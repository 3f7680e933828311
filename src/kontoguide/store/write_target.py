"""Where kontoguide may write a file the user names: `export`, `overview -o`, `schema -o`."""

from __future__ import annotations

import stat
from pathlib import Path

from kontoguide.checklist.folders import user_checklist_folder
from kontoguide.files.homefolder import own_folder_holding
from kontoguide.files.pathlimits import length_problem
from kontoguide.model.errors import UnreadableError, UsageError
from kontoguide.store import messages as m
from kontoguide.store.storage import Store


def refuse_too_long(target: Path) -> None:
    """A name no file system takes is refused before the first look at it, which
    would fail with the system's English "File name too long"."""
    problem = length_problem(target)
    if problem is not None:
        raise UsageError(
            m.OUTPUT_TOO_LONG.format(path=target, reason=problem, choose=m.F_CHOOSE_OUTPUT_SHORTER)
        )


def may_write(target: Path) -> bool:
    """Whether `target` exists; refused if it is not a regular file or is our own data.

    Replacing a device, a FIFO or a link would put a file where something else
    was (`-o /dev/null --force` as root); writing into the drafts or checklists
    folder would replace a draft with a copy readable by others.
    """
    refuse_too_long(target)
    try:
        info = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UnreadableError(target, m.F_UNREADABLE.format(detail=exc.strerror or exc)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(m.EXPORT_NOT_REGULAR.format(path=target))
    own = own_folder_holding(target, (Store().folder, user_checklist_folder()))
    if own is not None:
        raise UsageError(m.EXPORT_INTO_OWN_FOLDER.format(path=target, folder=own))
    return info is not None
