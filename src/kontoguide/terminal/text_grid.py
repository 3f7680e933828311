"""Tables of many rows drawn as plain lines: each cell wrapped at words to its column.

rich's Table measures and lays out every cell several times (about a millisecond
per row of the overview), which a folder of a few thousand records makes slow.
The tables of `list` and `overview` only need columns of given widths, a header
with a rule under it and styled text, so they are drawn here in one pass; the
console still applies NO_COLOR and the terminal's colours. Words are never broken;
a word wider than its column (a long file path) is folded, after a slash where
it can be, else at the column's edge as rich's "fold" does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style, StyleType
from rich.table import Table
from rich.text import Span, Text

_WORD = re.compile(r"\S+")
# What separates two columns: as rich's simple tables without an edge.
GAP = 3


def longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _fold(text: str, start: int, end: int, width: int) -> int:
    """Where a line of `text[start:end]` at most `width` cells wide ends."""
    used = 0
    cut = start
    while cut < end:
        size = get_character_cell_size(text[cut])
        if used + size > width:
            break
        used += size
        cut += 1
    if cut < end:
        # A path is folded after a separator where it can be, so a file name stays whole.
        slash = max(text.rfind("/", start, cut), text.rfind("\\", start, cut))
        if slash > start:
            return slash + 1
    return max(cut, start + 1)


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """The lines of one line of `text`, as (start, end), broken between words.

    Widths are added up word by word, so a long text costs linear time."""
    lines: list[tuple[int, int]] = []
    begun: int | None = None
    end = used = 0
    for match in _WORD.finditer(text):
        start, stop = match.span()
        size = cell_len(match.group())
        if begun is not None and used + cell_len(text[end:start]) + size <= width:
            used += cell_len(text[end:start]) + size
            end = stop
            continue
        if begun is not None:
            lines.append((begun, end))
        while size > width:
            cut = _fold(text, start, stop, width)
            lines.append((start, cut))
            size -= cell_len(text[start:cut])
            start = cut
        begun, end, used = start, stop, size
    if begun is not None:
        lines.append((begun, end))
    return lines or [(0, 0)]


def wrap(cell: Text, width: int) -> list[Text]:
    """`cell` (which may hold line breaks) as lines at most `width` cells wide."""
    out: list[Text] = []
    for line in cell.split("\n", allow_blank=True) if "\n" in cell.plain else [cell]:
        plain = line.plain
        if cell_len(plain) <= width and plain == plain.strip():
            out.append(line)
            continue
        out.extend(line[start:end] for start, end in wrap_spans(plain, width))
    return out


# One line of a cell as drawn: its segments and its width in cells.
_Drawn = tuple[list[Segment], int]


def _runs(cell: Text) -> list[tuple[str, StyleType]] | None:
    """The cell's lines with one style each, or None where a line mixes styles.

    The tables' cells are built line by line, each line in one style: those are
    wrapped as plain strings, without rich's Text slicing (the cost of a table).
    """
    out: list[tuple[str, StyleType]] = []
    offset = 0
    for part in cell.plain.split("\n"):
        end = offset + len(part)
        over = [span for span in cell.spans if span.start < end and span.end > offset]
        if not over:
            out.append((part, cell.style))
        elif len(over) == 1 and not cell.style and over[0].start <= offset <= end <= over[0].end:
            out.append((part, over[0].style))
        else:
            return None
        offset = end + 1
    return out


def _drawn(cell: Text, width: int, console: Console, styles: dict[str, Style]) -> list[_Drawn]:
    runs = _runs(cell)
    if runs is None:
        return [(list(_styled(line).render(console)), line.cell_len) for line in wrap(cell, width)]
    out: list[_Drawn] = []
    for part, style in runs:
        if isinstance(style, str):
            if style not in styles:
                styles[style] = console.get_style(style) if style else Style.null()
            style = styles[style]
        size = cell_len(part)
        if size <= width and part == part.strip():
            out.append(([Segment(part, style)], size))
            continue
        for start, end in wrap_spans(part, width):
            piece = part[start:end]
            out.append(([Segment(piece, style)], cell_len(piece)))
    return out


def shared(minimums: Sequence[int], ratios: Sequence[int], width: int) -> list[int]:
    """Column widths summing to `width` less the gaps, like rich's ratio columns: the
    room is shared by `ratios` (a column of ratio 0 keeps its minimum), no column
    narrower than its minimum; where the minimums do not fit side by side the
    widest columns give way first."""
    count = len(minimums)
    room = max(width - GAP * (count - 1), count)
    pinned = {at: minimums[at] for at in range(count) if not ratios[at]}
    shares: dict[int, float] = {}
    while True:
        free = [at for at in range(count) if at not in pinned]
        left = room - sum(pinned.values())
        total = sum(ratios[at] for at in free)
        shares = {at: left * ratios[at] / total for at in free} if total else {}
        short = [at for at in free if shares[at] < minimums[at]]
        if not short:
            break
        pinned.update((at, minimums[at]) for at in short)
    sizes = [pinned[at] if at in pinned else int(shares[at]) for at in range(count)]
    if shares:
        sizes[max(shares, key=lambda at: ratios[at])] += room - sum(sizes)
    while sum(sizes) > room:
        widest = max(range(count), key=lambda at: sizes[at])
        sizes[widest] -= 1
    return sizes


def _styled(line: Text) -> Text:
    # Text.render draws spans only: a text's own style becomes its first span.
    if not line.style:
        return line
    return Text(line.plain, spans=[Span(0, len(line.plain), line.style), *line.spans])


class Grid(Table):
    """A table of text cells in columns of fixed widths (see the module's note).

    A rich Table in what it holds (columns, cells, title), so that whatever reads a
    table's cells (the plain screen reads each row out as "Name: value") reads this
    one too; only the drawing is its own.
    """

    def __init__(
        self,
        headers: Sequence[str],
        widths: Sequence[int],
        rows: Sequence[Sequence[Text]],
        *,
        title: str | None = None,
        blank_between: bool = False,
    ) -> None:
        super().__init__(title=title, title_justify="left", show_lines=blank_between)
        self.column_widths = list(widths)
        for header, size in zip(headers, widths, strict=True):
            self.add_column(header, width=size)
        for cells in rows:
            self.add_row(*cells)

    @property
    def drawn_width(self) -> int:
        return sum(self.column_widths) + GAP * (len(self.column_widths) - 1)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.drawn_width, self.drawn_width)

    def _lines(
        self, console: Console, cells: Sequence[Text], styles: dict[str, Style]
    ) -> RenderResult:
        wrapped = [
            _drawn(cell, size, console, styles)
            for cell, size in zip(cells, self.column_widths, strict=True)
        ]
        gap = Segment(" " * GAP)
        last = len(wrapped) - 1
        for index in range(max(len(lines) for lines in wrapped)):
            for column, lines in enumerate(wrapped):
                used = 0
                if index < len(lines):
                    segments, used = lines[index]
                    yield from segments
                if column < last:
                    yield Segment(" " * (self.column_widths[column] - used))
                    yield gap
            yield Segment.line()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.title:
            yield from Text(str(self.title), style="italic").render(console)
            yield Segment.line()
        styles: dict[str, Style] = {}
        headers = [Text(str(column.header), style="bold") for column in self.columns]
        yield from self._lines(console, headers, styles)
        yield Segment("─" * self.drawn_width)
        yield Segment.line()
        cells = [list(column.cells) for column in self.columns]
        for index in range(self.row_count):
            if index and self.show_lines:
                yield Segment.line()
            yield from self._lines(console, [_text(column[index]) for column in cells], styles)


def _text(cell: object) -> Text:
    return cell if isinstance(cell, Text) else Text(str(cell))
