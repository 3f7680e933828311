"""The typing line wraps at words, not inside them (issue 9, "reading the screen").

The window is drawn in-process, as prompt_toolkit draws it, at 60 and 80 columns,
with the input mark before the first row and the continuation before the others."""

from __future__ import annotations

import asyncio

import pytest
from prompt_toolkit.application import Application
from prompt_toolkit.application.current import set_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import BufferControl
from prompt_toolkit.layout.mouse_handlers import MouseHandlers
from prompt_toolkit.layout.processors import Processor
from prompt_toolkit.layout.screen import Screen, WritePosition
from prompt_toolkit.output import DummyOutput

from kontoguide.terminal.word_wrap import WordWrap

TEXT = (
    "Stadsbiblioteket ordnar läsecirklar och skrivarverkstäder för unga i hela "
    "Stockholm, och kontot berättar om dem varje vecka under läsåret med bilder."
)
LONG = TEXT + "\n" + "Andra stycket: bokprat, författarbesök och sommarboken för barn."


def draw(text: str, width: int, processors: list[Processor]) -> tuple[list[str], tuple[int, int]]:
    control = BufferControl(
        Buffer(document=Document(text, len(text)), multiline=True),
        input_processors=processors,
    )

    def prefix(line: int, wrap: int) -> str:
        return "› " if (line, wrap) == (0, 0) else "  "

    window = Window(control, wrap_lines=True, get_line_prefix=prefix)
    app: Application[None] = Application(layout=Layout(window), output=DummyOutput())
    screen = Screen()

    async def write() -> None:
        # In an event loop: the buffer starts loading its (empty) history as it is drawn.
        with set_app(app):
            window.write_to_screen(
                screen, MouseHandlers(), WritePosition(0, 0, width, 30), "", False, None
            )

    asyncio.run(write())
    rows = [
        "".join(screen.data_buffer[y][x].char for x in range(width)).rstrip()
        for y in range(screen.height)
    ]
    rows = [row for row in rows if row]
    assert rows[0].startswith("› ")
    cursor = screen.get_cursor_position(window)
    return ["  " + rows[0][2:], *rows[1:]], (cursor.y, cursor.x)


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("text", [TEXT, LONG])
def test_no_word_is_cut_while_typing(width: int, text: str) -> None:
    rows, cursor = draw(text, width, [WordWrap()])
    assert len(rows) > 1, "the text is longer than a row"
    # Every word on screen is a whole word of the answer, in order.
    assert " ".join(rows).split() == text.split()
    assert all(len(row) <= width for row in rows)
    # No row starts with a blank that belongs to the answer (the continuation is two).
    assert all(not row.startswith("   ") for row in rows)
    # The cursor stands right after the last character typed.
    assert cursor == (len(rows) - 1, len(rows[-1]))


@pytest.mark.parametrize("width", [60, 80])
def test_without_it_prompt_toolkit_cuts_words(width: int) -> None:
    rows, _ = draw(TEXT, width, [])
    assert " ".join(rows).split() != TEXT.split()


def test_a_word_longer_than_a_row_is_still_shown_whole() -> None:
    word = "https://start.stockholm/" + "a" * 70
    rows, _ = draw(f"Länk: {word} slut", 60, [WordWrap()])
    assert "".join(rows).replace(" ", "") == f"Länk:{word}slut"
