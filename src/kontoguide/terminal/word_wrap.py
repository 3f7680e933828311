"""The typing line wrapped at words: prompt_toolkit wraps an input line at the
screen's edge, by character, so a word is cut in two while it is typed.

`WordWrap` is an input processor: before the window draws a line, it pads the row
with spaces (on screen only, never in the answer) where the next word would cross
the edge, so the window's own wrapping moves the whole word to the next row. It
asks the window for the prefix of each row (the input mark, the continuation) so
it counts the columns as the window does. A word longer than a whole row is cut
as before: there is no other way to show it.
"""

from __future__ import annotations

from collections.abc import Callable

from prompt_toolkit.application.current import get_app
from prompt_toolkit.formatted_text import StyleAndTextTuples, to_formatted_text
from prompt_toolkit.formatted_text.utils import fragment_list_width
from prompt_toolkit.layout.containers import Window
from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput
from prompt_toolkit.layout.utils import explode_text_fragments
from prompt_toolkit.utils import get_cwidth

Prefix = Callable[[int, int], int]


def _window_prefix(ti: TransformationInput) -> Prefix:
    """The width of the prefix the window draws before row `wrap_count` of line
    `lineno` (0 when the window cannot be found or draws none)."""
    window = next(
        (
            w
            for w in get_app().layout.find_all_windows()
            if isinstance(w, Window) and w.content is ti.buffer_control
        ),
        None,
    )
    get_line_prefix = window.get_line_prefix if window is not None else None
    if get_line_prefix is None:
        return lambda _lineno, _wrap: 0

    def width(lineno: int, wrap_count: int) -> int:
        return fragment_list_width(to_formatted_text(get_line_prefix(lineno, wrap_count)))

    return width


def wrap_at_words(
    fragments: StyleAndTextTuples, width: int, prefix: Prefix, lineno: int
) -> tuple[StyleAndTextTuples, list[int]]:
    """The fragments padded so that no word crosses the edge of a `width` wide row,
    and where each source position (and the end) lands in them."""
    chars = explode_text_fragments(fragments)
    out: StyleAndTextTuples = []
    positions: list[int] = []
    wrap_count = 0
    x = prefix(lineno, 0)
    shown = 0  # characters in `out`

    def advance(char_width: int) -> None:
        # As the window does: a character that does not fit starts the next row.
        nonlocal x, wrap_count
        if x + char_width > width:
            wrap_count += 1
            x = prefix(lineno, wrap_count)
        x += char_width

    at = 0
    while at < len(chars):
        end = at
        if chars[at][1] != " ":
            while end < len(chars) and chars[end][1] != " ":
                end += 1
            word = sum(get_cwidth(c[1]) for c in chars[at:end])
            room = width - prefix(lineno, wrap_count + 1)
            start = prefix(lineno, wrap_count)
            # The space after the word must fit too: on the next row it would
            # start that row with a blank.
            spaced = word + (1 if end < len(chars) else 0)
            if x + spaced > width and x > start and word <= room:
                pad = width - x
                out.append((chars[at][0], " " * pad))
                shown += pad
                x = width  # the word's first character starts the next row
        else:
            end = at + 1
        for style, text, *_ in chars[at:end]:
            positions.append(shown)
            out.append((style, text))
            shown += 1
            advance(get_cwidth(text))
        at = end
    positions.append(shown)
    return out, positions


class WordWrap(Processor):
    """Wrap the typed answer at words (see the module's docstring)."""

    def apply_transformation(self, ti: TransformationInput) -> Transformation:
        if ti.width <= 0:
            return Transformation(ti.fragments)
        fragments, positions = wrap_at_words(ti.fragments, ti.width, _window_prefix(ti), ti.lineno)
        # `out` holds padding as one fragment: positions count characters, so
        # explode it for the window's cursor arithmetic to match.
        fragments = explode_text_fragments(fragments)

        def source_to_display(position: int) -> int:
            if position < len(positions):
                return positions[position]
            return positions[-1] + (position - len(positions) + 1)

        def display_to_source(position: int) -> int:
            # A click in the padding lands on the word after it.
            for source, shown in enumerate(positions):
                if shown >= position:
                    return source
            return len(positions) - 1

        return Transformation(fragments, source_to_display, display_to_source)
