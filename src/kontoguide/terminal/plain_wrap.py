"""Plain mode's lines broken at spaces to the terminal's width (issue 21).

A terminal breaks a line that is too long wherever the width ends, in the middle
of a word ("kontoguid" / "e"), and a screen reader then reads the two halves as
two words. Written to a terminal, each line is broken at spaces instead; the
lines of an option ("10. Annan plattform") go on under its text, not under its
number. Written to a pipe or a file, lines stay whole: a script or a reader of
the transcript gets one line per sentence, as before.

Only the standard library (textwrap): word_wrap.py serves the normal mode and
imports prompt_toolkit, which this mode never loads.
"""

from __future__ import annotations

import os
import re
import textwrap
from typing import Any

# What a continued line starts under: the text of a numbered option, or the indent.
_HANG = re.compile(r"^(\d+\.\s+|\s+)")


def width_of(stream: Any) -> int | None:
    """The columns to fill on `stream`: its terminal's width less one (a line that
    fills the last column makes some terminals add an empty one), or None when it
    is not a terminal."""
    try:
        if not stream.isatty():
            return None
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return None
    return columns - 1 if columns > 20 else None


def wrapped(text: str, width: int | None) -> str:
    """Each line of `text` broken at spaces to `width` (None: unchanged). A word
    longer than the width (a web address) stays whole on its own line."""
    if width is None:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        hang = _HANG.match(line)
        indent = " " * len(hang.group(1)) if hang else ""
        out += textwrap.wrap(
            line,
            width=width,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [line]
    return "\n".join(out)
