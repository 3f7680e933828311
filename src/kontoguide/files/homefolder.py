"""Where kontoguide keeps the user's files (KONTOGUIDE_HOME, else the platform's place).

Below both storage (drafts) and the checklist loader (installed variants), so
that the loader finds the user's checklists without importing storage.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kontoguide.files import messages as m
from kontoguide.files.pathlimits import length_problem
from kontoguide.model.errors import UsageError

HOME_ENV = "KONTOGUIDE_HOME"


# The longest path kontoguide writes below the folder itself: a draft's temp file,
# records/.<id>.json.<8 random>.tmp, for an id as kontoguide makes them.
_LONGEST_INSIDE = Path("records", ".xxxxxxxx.json.xxxxxxxx.tmp")


def home_folder() -> Path:
    configured = os.environ.get(HOME_ENV)
    if configured:
        try:
            home = Path(configured).expanduser()
        except RuntimeError:  # "~someone" for a user this machine does not know
            raise UsageError(
                m.S_HOME_UNUSABLE.format(path=configured, detail=m.S_NO_SUCH_USER)
            ) from None
    else:
        from platformdirs import user_data_path

        home = user_data_path("kontoguide", appauthor=False)
    # Told before the first draft is written: a home on a deep share would otherwise
    # fail at the first save, with Windows' "path not found".
    problem = length_problem(home / _LONGEST_INSIDE)
    if problem is not None:
        raise UsageError(m.S_HOME_TOO_LONG.format(path=home, reason=problem))
    return home


def own_folder_holding(target: Path, folders: Iterable[Path]) -> Path | None:
    """The one of `folders` (kontoguide's own) that `target` would land in, if any."""
    where = target.parent.resolve()
    for own in folders:
        own = own.resolve()
        if where == own or own in where.parents:
            return own
    return None
