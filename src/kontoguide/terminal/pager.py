"""Output taller than the screen, a screen at a time: "Visa alla svar i steget" (about
70 rows) and `validate` of a checklist with many problems would otherwise scroll their
start off an 80x24 terminal. Only where both ends are a terminal; piped output, a
script's or a screen reader's, stays whole and unpaged.

pydoc's pager is the standard library's: `less` or $PAGER where there is one, `more`
in Windows, plain output where neither works.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence

from rich.console import Console, RenderableType

from kontoguide.terminal.plain_wanted import wanted


def _interactive() -> bool:
    # A screen reader reads the output as it comes (plain mode asked for by
    # ACCESSIBLE or KONTOGUIDE_ENKEL): a pager would hold it back behind a key.
    if wanted(False, os.environ):
        return False
    try:
        return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _rows() -> int:
    return shutil.get_terminal_size().lines


def _keep_on_screen() -> None:
    # less, as git runs it: what was read stays on the screen after q (X), and a text
    # that fits one screen is just printed (F). Without it less clears the screen on
    # exit and the report is gone just when the person wants to act on it.
    os.environ.setdefault("LESS", "FRX")


def page_lines(lines: Sequence[str]) -> bool:
    """Show `lines` through the pager when they do not fit the screen; whether it did."""
    # The prompt or the shell's line comes after them: one row is theirs.
    if not _interactive() or len(lines) < _rows():
        return False
    import pydoc  # here: views.py imports this module on the way to the first question

    _keep_on_screen()
    pydoc.pager("\n".join(lines))
    return True


def print_paged(console: Console, renderables: Sequence[RenderableType], width: int) -> None:
    """Print `renderables`, through the pager when they are taller than the screen."""
    options = console.options.update(width=width)
    height = sum(len(console.render_lines(r, options, pad=False)) for r in renderables)
    on_terminal = console.is_terminal and not console.is_dumb_terminal and _interactive()
    if on_terminal and height >= console.height:
        _keep_on_screen()
        with console.pager(styles=False):
            for renderable in renderables:
                console.print(renderable, width=width)
        return
    for renderable in renderables:
        console.print(renderable, width=width)
