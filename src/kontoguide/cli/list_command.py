"""`kontoguide list`, with a quick way out when there is nothing to list.

Listing records needs the record and checklist models, which take most of the
command's time to build. With no record file in the folder (the first run, a new
PC) nothing of them is needed: the empty message is printed from the folder's name
alone, and the models are loaded only when there is a file to read (issue 23).
"""

from __future__ import annotations

from pathlib import Path

from kontoguide.cli.list_empty import say_empty
from kontoguide.files.homefolder import home_folder
from kontoguide.model.errors import ExitCode


def _nothing_to_list(folder: Path) -> bool:
    """Whether the records folder holds no record file; False when unsure (a broken
    home, an unreadable folder), so the full listing gives its own message."""
    try:
        if folder.is_dir():
            return next(folder.glob("*.json"), None) is None
        if folder.exists() or folder.is_symlink():
            return False
        parent = folder.parent
        return not (parent.exists() and not parent.is_dir())
    except OSError:
        return False


def list_records(*, plain: bool = False) -> int:
    folder = home_folder() / "records"
    if _nothing_to_list(folder):
        say_empty(folder)
        return ExitCode.OK
    from kontoguide.cli import commands

    return commands.list_records(plain=plain)
