"""A message wrapped at words so that a command it gives is never split.

"Fortsätt med: kontoguide resume 7agkmmv8" in a 60-column terminal must not end one
line with "kontoguide resume" and put the id on the next: a person copies the
command from one line. Wrapping here treats each command as one unit and moves it
whole to the next line; the message's words wrap as usual. A command is
"kontoguide" and what follows it that belongs to a command: its subcommands,
options and their values, ids, file names and placeholders (ID, FIL).
"""

from __future__ import annotations

import re

from rich.cells import cell_len

PROGRAM = "kontoguide"
_SUBCOMMANDS = frozenset(
    {"start", "resume", "validate", "export", "schema", "list", "overview", "checklist"}
    | {"new", "check"}
)
# An id as kontoguide makes them, a placeholder in capitals, or a token with a
# character no Swedish word has (a path, a file name, a number, an option's value).
_ID = re.compile(r"[a-z0-9]{8}")
_PLACEHOLDER = re.compile(r"[A-ZÅÄÖ|]{2,}")
_NOT_A_WORD = re.compile(r"[0-9./\\_=~|]")
_TRAILING = ".,;:)!?”"
# Options that take no value: the word after one is not its value.
_FLAGS = frozenset(("--enkel", "--force", "--no-input", "--help", "-h", "--version", "--answers"))


def _belongs(token: str, previous: str) -> bool:
    core = token.rstrip(_TRAILING)
    if not core:
        return False
    takes_value = previous.startswith("-") and previous not in _FLAGS
    return bool(
        core in _SUBCOMMANDS
        or core.startswith("-")
        or takes_value
        or _ID.fullmatch(core)
        or _PLACEHOLDER.fullmatch(core)
        or _NOT_A_WORD.search(core)
    )


def units(line: str) -> list[str]:
    """The words of `line`, each command joined into one unit (with its spaces)."""
    words = line.split()
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word != PROGRAM:
            out.append(word)
            index += 1
            continue
        command = [word]
        index += 1
        while index < len(words) and _belongs(words[index], command[-1]):
            command.append(words[index])
            index += 1
            if words[index - 1][-1] in _TRAILING:  # the end of its sentence
                break
        out.append(" ".join(command))
    return out


def wrap_keeping_commands(line: str, width: int) -> list[str]:
    """`line` wrapped at `width` columns, never inside a command (a command wider than
    the whole line is left on a line of its own)."""
    rows: list[str] = []
    row = ""
    for unit in units(line):
        candidate = f"{row} {unit}" if row else unit
        if row and cell_len(candidate) > width:
            rows.append(row)
            row = unit
        else:
            row = candidate
    if row or not rows:
        rows.append(row)
    return rows


def has_command(line: str) -> bool:
    return f"{PROGRAM} " in line
