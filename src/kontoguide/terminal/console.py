"""The rich console, set up once: colour off under NO_COLOR or when not a terminal."""

from __future__ import annotations

import os
import shutil
from typing import Any

from rich.console import Console


def make_console(*, stderr: bool = False, file: Any = None) -> Console:
    # rich takes a dumb terminal to be 80 columns wide whatever its real width;
    # its panels and tables would then break in a narrower window.
    dumb = os.environ.get("TERM", "").lower() in ("dumb", "unknown")
    size = shutil.get_terminal_size() if dumb else None
    return Console(
        stderr=stderr,
        file=file,
        # no-color.org: set and not empty means no colour.
        no_color=bool(os.environ.get("NO_COLOR")),
        highlight=False,
        emoji=False,
        width=size.columns if size else None,
        height=size.lines if size else None,
    )
