"""Where checklist files live: shipped with the package, and the user's own folder."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_CHECKLIST = "stockholm-standard"


def user_checklist_folder() -> Path:
    """Where an administration's own checklist variants live: KONTOGUIDE_HOME/checklists."""
    from kontoguide.files.homefolder import home_folder

    return home_folder() / "checklists"


def shipped_folders() -> list[Path]:
    """Where the shipped checklists live: the package, or the source checkout."""
    folders: list[Path] = []
    packaged = resources.files("kontoguide") / "checklists"
    if packaged.is_dir():
        folders.append(Path(str(packaged)))
    # An editable install reads the checkout's folder; only a checkout's (beside its
    # pyproject.toml), so a "checklists" folder someone puts beside an installed or
    # one-folder program is never taken for the city's own.
    root = Path(__file__).resolve().parents[3]
    checkout = root / "checklists"
    if (root / "pyproject.toml").is_file() and checkout.is_dir() and checkout not in folders:
        folders.append(checkout)
    return folders


def checklist_folders() -> list[Path]:
    """Where checklists live: the package (or the source checkout), then the user's folder.

    The shipped checklists come first, so a user's file cannot shadow the city's own.
    """
    folders = shipped_folders()
    own = user_checklist_folder()
    if own.is_dir():
        folders.append(own)
    return folders


def available_checklists() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in checklist_folders():
        for file in sorted(folder.glob("*.toml")):
            found.setdefault(file.stem, file)
    return found
