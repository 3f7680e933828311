"""The rich console, set up once: colour off under NO_COLOR or when not a terminal."""

from __future__ import annotations

import os

from rich.console import Console


def make_console(*, stderr: bool = False) -> Console:
    return Console(
        stderr=stderr,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        emoji=False,
    )
