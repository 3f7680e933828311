"""The words of `kontoguide list` for a folder with nothing in it.

Its own module: both the quick path (list_command) and the full listing
(commands) say it, and neither may import the other.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from kontoguide.cli import messages as m
from kontoguide.terminal.output import say


def say_empty(folder: Path) -> None:
    """The message for a folder with nothing to list, wrapped to the terminal."""
    width = shutil.get_terminal_size().columns
    text = m.CLI_LIST_EMPTY.format(home=folder)
    for line in textwrap.wrap(text, width=max(width, 20), break_on_hyphens=False):
        say(line)
