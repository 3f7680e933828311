"""Finding the files in a folder tree that someone else may have made.

A shared folder is input, like the files in it. Three things in it must not
break or mislead a command that reads the whole tree (the overview):

- Depth: a tree thousands of levels deep made `Path.rglob` fail with
  RecursionError. The walk keeps its own stack, so depth costs memory only.
- Links: a symbolic link in a share can point anywhere the reader may read, for
  example at an owner-only draft, whose content would then land in a report that
  others read. Links (to files and to folders) are never followed; they are
  returned so that the command can name them.
- Rights: a share with mixed rights has folders and files the reader cannot
  open. Each is returned with its reason; none of them stops the walk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kontoguide.files import messages as m


@dataclass
class FolderWalk:
    """What a walk found: the files wanted, the links left alone, what could not be read."""

    files: list[Path] = field(default_factory=list)
    links: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def _reason(exc: OSError, *, folder: bool) -> str:
    if isinstance(exc, PermissionError):
        return m.R_FOLDER_DENIED if folder else m.R_DENIED
    return m.F_UNREADABLE.format(detail=exc.strerror or exc)


def walk_files(top: Path, suffix: str) -> FolderWalk:
    """Every file under `top` whose name ends in `suffix` (hidden files left out), sorted.

    `top` itself is used as given, even when it is a link: the person named it.
    Below it nothing is followed.
    """
    found = FolderWalk()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            found.unreadable.append((folder, _reason(exc, folder=True)))
            continue
        for entry in listed:
            path = folder / entry.name
            try:
                if entry.is_symlink():
                    found.links.append(path)
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif entry.name.endswith(suffix) and not entry.name.startswith("."):
                    # Not only regular files: the reader names a pipe or a device as such.
                    found.files.append(path)
            except OSError as exc:
                found.unreadable.append((path, _reason(exc, folder=False)))
    found.files.sort()
    found.links.sort()
    found.unreadable.sort()
    return found
