"""A command kontoguide prints is never split across lines, whatever the width."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from kontoguide.terminal import messages as m
from kontoguide.terminal.command_wrap import units, wrap_keeping_commands
from kontoguide.terminal.views import RichScreen

SAVED = m.I_SAVED_RESUME.format(draft_id="7agkmmv8")
COMMANDS = {
    SAVED: "kontoguide resume 7agkmmv8",
    "Med skärmläsare: kontoguide resume --enkel 7agkmmv8 fortsätter i enkelt läge.": (
        "kontoguide resume --enkel 7agkmmv8"
    ),
    "Skapa den med kontoguide export g2r8cwvx --format md, eller välj en annan fil.": (
        "kontoguide export g2r8cwvx --format md,"
    ),
    "Läs in den med kontoguide start --answers svar.json --no-input och exportera.": (
        "kontoguide start --answers svar.json --no-input"
    ),
    "Kontrollera med kontoguide checklist check kultur.toml innan du installerar.": (
        "kontoguide checklist check kultur.toml"
    ),
}


def test_a_command_is_one_unit_and_the_words_around_it_are_not() -> None:
    for text, command in COMMANDS.items():
        assert command in units(text), text
        assert "fortsätter" not in command and "eller" not in command


@given(st.integers(min_value=10, max_value=140), st.sampled_from(sorted(COMMANDS)))
def test_wrapping_never_splits_a_command(width: int, text: str) -> None:
    rows = wrap_keeping_commands(text, width)
    assert " ".join(rows) == " ".join(text.split())
    assert any(COMMANDS[text] in row for row in rows)
    # Only a single word or command wider than the whole line may pass the edge.
    assert all(len(row) <= width or len(units(row)) == 1 for row in rows)


def test_the_saved_note_keeps_its_command_on_one_line_at_60_columns() -> None:
    out = io.StringIO()
    RichScreen(Console(file=out, width=60, no_color=True)).note(SAVED, "success")
    lines = out.getvalue().splitlines()
    assert any("kontoguide resume 7agkmmv8" in line for line in lines), lines
    assert all(len(line) <= 60 for line in lines)
