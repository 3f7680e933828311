"""Column widths for the document's tables, from their text alone.

Word and LibreOffice lay out a table with fixed widths exactly as given, so the
widths must already fit the content: every column gets room for its longest
word (a date or "Utgångsvärde" must never break in the middle), and what is
left goes to the columns with the most text, like a browser's automatic layout.
Widths are in EMU (English Metric Units, as python-docx uses).
"""

from __future__ import annotations

from collections.abc import Sequence

EMU_PER_CM = 360_000
EMU_PER_PT = 12_700

# Table text is 10 pt Arial in the standard look (docx_look). Glyph widths in em for
# Arial (and the metric-compatible Liberation Sans), by class: close enough to keep
# words, dates and numbers whole without measuring text with a font library.
_EM = 10 * EMU_PER_PT
_NARROW = set("fijlrt.,:;'!|()[]-/ ")
_WIDE = set("mwMW@%")
CELL_PADDING = 0.45 * EMU_PER_CM
MAX_WORD = 4.5 * EMU_PER_CM  # longer words (web addresses) may break rather than squeeze the rest
TABLE_SIZE_PT = 10.0
# Fonts printed no wider than the estimate above: Arial and its metric twins, and the
# narrower Calibri and Times New Roman (and theirs). A base document's own font may be
# wider (Georgia; and where a font is missing, LibreOffice uses DejaVu, up to 30 % wider
# than Arial for Swedish words): any other font, or a theme's font, which is not looked
# up, gets that much, so that a word is never broken, only a column a little wider.
NOT_WIDER = frozenset(
    {
        "arial",
        "liberation sans",
        "arimo",
        "helvetica",
        "calibri",
        "carlito",
        "times new roman",
        "liberation serif",
        "tinos",
    }
)
OTHER_FONT = 1.3


def width_scale(font: str | None, size_pt: float | None) -> float:
    """How much wider than the estimate (10 pt Arial) a table's text prints."""
    known = 1.0 if font is not None and font.strip().lower() in NOT_WIDER else OTHER_FONT
    return known * (size_pt or TABLE_SIZE_PT) / TABLE_SIZE_PT


def text_width(text: str, *, bold: bool = False) -> float:
    """Estimated printed width of `text` in EMU."""
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.3
        elif char in _WIDE:
            ems += 0.86
        elif char.isdigit():
            ems += 0.556
        elif char.isupper():
            ems += 0.68
        else:
            ems += 0.53
    return ems * _EM * (1.08 if bold else 1.0)


def _minimum(header: str, cells: Sequence[Sequence[str]], scale: float) -> float:
    lines = [part for cell in cells for line in cell for part in line.split("\n")]
    words = [scale * text_width(w) for line in lines for w in line.split()]
    words += [scale * text_width(w, bold=True) for w in header.split()]
    return min(max(words, default=0.0), MAX_WORD) + CELL_PADDING


def columns_that_fit(
    headers: Sequence[str],
    rows: Sequence[Sequence[Sequence[str]]],
    total: int,
    scale: float = 1.0,
) -> list[int]:
    """The columns that stay in the table so that each has room for its longest word.

    When they do not all fit, the column with the most text (never the first, which
    names the row) leaves the table, one at a time; the document lists its values
    under the table, as it does a goal's source.
    """
    kept = list(range(len(headers)))
    minimums = [_minimum(h, [row[i] for row in rows], scale) for i, h in enumerate(headers)]
    amounts = [sum(len(" ".join(row[index])) for row in rows) for index in range(len(headers))]
    while len(kept) > 2 and sum(minimums[i] for i in kept) > total:
        kept.remove(max(kept[1:], key=lambda i: (amounts[i], i)))
    return kept


def column_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[Sequence[str]]],
    total: int,
    scale: float = 1.0,
) -> list[int]:
    """Widths (EMU) of the columns of a table with a bold header row, summing to `total`.

    `scale` is the table font's width against 10 pt Arial (width_scale).

    Each column first gets room for its longest word. If every cell then fits on one
    line, the rest is shared by line length; otherwise it goes to the columns with
    the most text in all rows, so that the long answers get the width.
    """
    minimums: list[float] = []
    preferred: list[float] = []
    amounts: list[float] = []
    for index, header in enumerate(headers):
        cells = [row[index] for row in rows]
        lines = [part for cell in cells for line in cell for part in line.split("\n")]
        words = [scale * text_width(w) for line in lines for w in line.split()]
        words += [scale * text_width(w, bold=True) for w in header.split()]
        minimum = min(max(words, default=0.0), MAX_WORD) + CELL_PADDING
        longest = scale * max(
            [text_width(line) for line in lines] + [text_width(header, bold=True)]
        )
        minimums.append(minimum)
        preferred.append(max(minimum, longest + CELL_PADDING))
        amounts.append(sum(min(scale * text_width(" ".join(cell)), total) for cell in cells))
    if sum(minimums) >= total:
        # Too many columns for every longest word: the widest columns give way first
        # (their longest words break), so that short words elsewhere stay whole.
        level = _level(minimums, total)
        return [int(min(w, level)) for w in minimums]
    extra = total - sum(minimums)
    if sum(preferred) <= total:  # everything fits on one line: share the rest by length
        return [int(total * p / sum(preferred)) for p in preferred]
    wants = [max(a + CELL_PADDING - m, 0.0) for a, m in zip(amounts, minimums, strict=True)]
    if not sum(wants):
        return [int(m + extra / len(minimums)) for m in minimums]
    return [int(m + extra * w / sum(wants)) for m, w in zip(minimums, wants, strict=True)]


def _level(widths: Sequence[float], total: int) -> float:
    """The cap L with sum(min(w, L)) == total (total below sum(widths))."""
    ordered = sorted(widths)
    rest = float(total)
    for index, width in enumerate(ordered):
        share = rest / (len(ordered) - index)
        if width >= share:
            return share
        rest -= width
    return ordered[-1]  # pragma: no cover - total covers every width
