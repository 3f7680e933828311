"""The rich console, set up once: colour off under NO_COLOR or when not a terminal."""

from __future__ import annotations

import os

from rich.console import Console


def make_console(*, stderr: bool = False) -> Console:
    return Console(
        stderr=stderr,
        # no-color.org: set and not empty means no colour.
        no_color=bool(os.environ.get("NO_COLOR")),
        highlight=False,
        emoji=False,
    )
