"""How many pages the Word document will have, estimated without laying it out.

Word and LibreOffice compute the page number fields (PAGE, NUMPAGES) when they lay
the document out, but a field also stores a result, and tools that do not lay out
(text extraction, some previews and archive systems, the app.xml page count) show
that stored result. The true count needs a layout engine with the fonts; this walks
the body as a simple layout would: lines of text by estimated glyph widths
(table_layout), paragraph spacing and line height from the styles, table rows,
pictures, page breaks and headings kept with what follows. Checked against
LibreOffice's page counts for the document of every state (tests/test_page_count.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn as _qualified

from kontoguide.documents.table_layout import EMU_PER_PT

# The estimate asks for the same few dozen qualified names thousands of times
# in one export; python-docx builds each anew (issue 23).
qn = cache(_qualified)

TWIPS_PER_PT = 20
# Arial's (and Liberation Sans's) line height is 1.149 em; "single" spacing is that.
SINGLE_LINE = 1.149
# Spacing and borders around a table row, beyond its paragraphs' own spacing: the table
# style's cell margins (45 twips above and below) and the border line. Measured in
# LibreOffice 7.4's PDFs (pdftotext -bbox): a row of n lines of 10 pt text takes
# 11.5 n + 7 pt, of which 2 pt are the paragraphs' spacing. (6.35 pt, fitted to the
# page counts alone, was 1.35 pt too much a row: once the head block had a header row
# it moved the notice to page 2, where LibreOffice keeps it on page 1.)
ROW_EXTRA_PT = 5.0


@dataclass(frozen=True)
class _Look:
    size: float = 11.0  # pt
    before: float = 0.0  # pt
    after: float = 0.0  # pt
    line: float = 1.0  # multiple of single spacing
    exact: float | None = None  # pt, for an exact or at-least line height
    bold: bool = False
    keep_next: bool = False
    keep_lines: bool = False
    page_break: bool = False
    indent: float = 0.0  # pt, left plus right
    contextual: bool = False
    border: tuple[float, ...] = (0.0, 0.0)  # pt above and below the text (pBdr)

    def line_height(self) -> float:
        if self.exact is not None:
            return self.exact
        return self.size * SINGLE_LINE * self.line


def _spacing(look: dict[str, Any], spacing: Any) -> None:
    for key, attr in (("before", "w:before"), ("after", "w:after")):
        value = spacing.get(qn(attr))
        if value is not None:
            look[key] = int(value) / TWIPS_PER_PT
    line, rule = spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))
    if line is not None:
        if rule in (None, "auto"):
            look["line"], look["exact"] = int(line) / 240, None
        else:
            look["exact"] = int(line) / TWIPS_PER_PT


def _borders(borders: Any) -> tuple[float, ...]:
    """Room taken above and below the text: each border's width (eighths of a point)
    and its distance from the text."""
    room = []
    for side in ("top", "bottom"):
        edge = borders.find(qn(f"w:{side}"))
        if edge is None:
            room.append(0.0)
        else:
            room.append(int(edge.get(qn("w:sz"), "0")) / 8 + int(edge.get(qn("w:space"), "0")))
    return tuple(room)


_SWITCHES = (
    ("keep_next", "w:keepNext"),
    ("keep_lines", "w:keepLines"),
    ("page_break", "w:pageBreakBefore"),
    ("contextual", "w:contextualSpacing"),
)


def _paragraph_properties(look: dict[str, Any], ppr: Any) -> None:
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        _spacing(look, spacing)
    borders = ppr.find(qn("w:pBdr"))
    if borders is not None:
        look["border"] = _borders(borders)
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        sides = [ind.get(qn(a)) for a in ("w:left", "w:start", "w:right", "w:end")]
        look["indent"] = sum(int(v) for v in sides if v and v.lstrip("-").isdigit()) / 20
    for key, tag in _SWITCHES:
        element = ppr.find(qn(tag))
        if element is not None:
            look[key] = element.get(qn("w:val")) not in ("0", "false")
    if ppr.find(qn("w:numPr")) is not None and "indent" not in look:
        look["indent"] = 18.0  # a list item's hanging indent


def _apply(look: dict[str, Any], ppr: Any, rpr: Any) -> None:
    """Fold one level's paragraph and run properties into `look` (a later level wins)."""
    if ppr is not None:
        _paragraph_properties(look, ppr)
    if rpr is not None:
        size = rpr.find(qn("w:sz"))
        if size is not None:
            look["size"] = int(size.get(qn("w:val"))) / 2
        bold = rpr.find(qn("w:b"))
        if bold is not None:
            look["bold"] = bold.get(qn("w:val")) not in ("0", "false")


class _Styles:
    """Paragraph looks by style id, resolved through basedOn and the document defaults."""

    def __init__(self, document: Document) -> None:
        root = document.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        self.default: dict[str, Any] = {}
        defaults = root.find(qn("w:docDefaults"))
        if defaults is not None:
            ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            _apply(self.default, ppr, rpr)
        self.normal = next(
            (
                s.get(qn("w:styleId"))
                for s in self.styles.values()
                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"
            ),
            None,
        )
        self.cache: dict[str | None, dict[str, Any]] = {}

    def resolve(self, style_id: str | None) -> dict[str, Any]:
        key = style_id if style_id in self.styles else self.normal
        if key in self.cache:
            return self.cache[key]
        cached = key  # an unknown or missing style is Normal's look, cached as Normal's
        chain = []
        seen = set()
        while key is not None and key in self.styles and key not in seen:
            seen.add(key)
            chain.append(self.styles[key])
            based = self.styles[key].find(qn("w:basedOn"))
            key = based.get(qn("w:val")) if based is not None else None
        look = dict(self.default)
        for style in reversed(chain):
            _apply(look, style.find(qn("w:pPr")), style.find(qn("w:rPr")))
        self.cache[cached] = look
        return look

    def look(self, p: Any) -> _Look:
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        look = dict(self.resolve(style.get(qn("w:val")) if style is not None else None))
        _apply(look, ppr, None)
        return _Look(**look)


# Advance widths of Arial (and the metric-compatible Liberation Sans) in 1/1000 em, regular
# and bold, for the letters Swedish text uses most; other characters count as 556.
_REGULAR = dict.fromkeys("abdeghnopqu0123456789åäöé?_#$", 556)
_REGULAR |= dict.fromkeys("cksvxyz", 500) | dict.fromkeys("ijl", 222) | dict.fromkeys("ft", 278)
_REGULAR |= {"m": 833, "r": 333, "w": 722, " ": 278, "@": 1015, "%": 889, "–": 556, "—": 1000}
_REGULAR |= dict.fromkeys(".,:;!/|·'", 278) | dict.fromkeys('-()[]”“"', 333)
_REGULAR |= dict.fromkeys("ABEKPSVXYÅÄ&", 667) | dict.fromkeys("CDHNRUw", 722)
_REGULAR |= dict.fromkeys("FTZ", 611) | dict.fromkeys("GOQÖ", 778) | {"I": 278, "J": 500}
_REGULAR |= {"L": 556, "M": 833, "W": 944, "+": 584, "=": 584, "…": 1000}
_BOLD = dict(_REGULAR) | dict.fromkeys("bdghnopqu", 611) | dict.fromkeys("ckstvxy", 556)
_BOLD |= dict.fromkeys("ijl", 278) | {"f": 333, "t": 333, "m": 889, "r": 389, "w": 778}
_BOLD |= dict.fromkeys("ABCDHKNRUÅÄ", 722) | {"J": 556, "L": 611, ":": 333, ";": 333}


def _width(text: str, size: float, bold: bool) -> float:
    """Printed width of `text` at `size` pt, in EMU."""
    widths = _BOLD if bold else _REGULAR
    return sum(widths.get(char, 556) for char in text) / 1000 * size * EMU_PER_PT


def _lines(text: str, width: float, look: _Look) -> int:
    """Lines `text` takes in `width` (EMU), wrapped at spaces like a word processor."""
    count = 0
    space = _width(" ", look.size, look.bold)
    for paragraph_line in text.split("\n"):
        count += 1
        used = 0.0
        for word in paragraph_line.split():
            wide = _width(word, look.size, look.bold)
            if used and used + space + wide > width:
                count += 1
                used = wide
            else:
                used += (space if used else 0.0) + wide
            if used > width:  # a word wider than the line breaks inside
                extra = math.ceil(used / width) - 1
                count += extra
                used -= extra * width
    return max(count, 1)


def _text(p: Any) -> str:
    parts = []
    for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("    ")
        else:
            parts.append("\n")
    return "".join(parts)


def _picture_height(p: Any) -> float:
    extents = p.findall(f".//{qn('wp:extent')}")
    return sum(int(e.get("cy", "0")) for e in extents) / EMU_PER_PT


@dataclass
class _Block:
    """Something placed on the page: `lines` lines of `line` pt, with spacing around them
    (`before`, `after`) and a border's room (`top`, `bottom`)."""

    before: float
    line: float
    lines: int
    after: float
    keep_next: bool = False
    page_break: bool = False
    keep_together: bool = False
    repeat: float = 0.0  # a table's header row, repeated on every page it continues on
    top: float = 0.0
    bottom: float = 0.0
    # The part of a line that is extra line spacing (1.15 lines): the last line on a
    # page fits without it.
    slack: float = 0.0
    element: Any = None  # the body paragraph it stands for, if any


class _Layout:
    """Blocks placed top to bottom. As LibreOffice lays out a .docx: the space between
    two paragraphs is the larger of the one's space after and the other's space before
    (not their sum), and a page starts with no space before its first block."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.pages = 1
        self.used = 0.0
        self.after = 0.0  # the space after the last block placed
        self.strict = False  # whether a block's space after must fit on its page
        self.page_starts: list[Any] = []  # paragraphs that begin a page after the first

    def new_page(self) -> None:
        self.pages += 1
        self.used = 0.0
        self.after = 0.0

    def place(self, blocks: list[_Block]) -> None:
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.page_break and self.used > 0:
                self.new_page()
            # A paragraph kept with the next one moves with the next one's first line.
            group = [block]
            while group[-1].keep_next and index + len(group) < len(blocks):
                group.append(blocks[index + len(group)])
            needed, after = 0.0, self.after
            for position, member in enumerate(group):
                whole = member.keep_together or position < len(group) - 1
                if needed or self.used:
                    needed += max(after, member.before)
                # Of the last one, its first lines: two when it has more (orphan control).
                first = member.lines if whole else min(member.lines, 2)
                needed += member.top + member.line * first
                needed += member.bottom if whole else 0.0
                after = member.after
            needed -= group[-1].slack
            if self.strict:
                needed += group[-1].after
            if self.used > 0 and self.used + needed > self.height and needed <= self.height:
                alone = max(self.after, block.before) + block.top + block.line
                if len(group) > 1 and self.used + alone <= self.height:
                    # A heading that would have fitted moves on with what it is kept
                    # with. Seen in LibreOffice 7.4: on the pages after such a move, the
                    # last paragraph's space after must fit too (the basis for a
                    # decision, whose head block leaves room under the notice, took a
                    # page more than estimated without this).
                    self.strict = True
                self.new_page()
            for member in group:
                self._one(member)
            index += len(group)

    def _one(self, block: _Block) -> None:
        if self.used == 0 and self.pages > 1 and block.element is not None:
            self.page_starts.append(block.element)
        if self.used > 0:
            self.used += max(self.after, block.before)
        self.used += block.top
        line = max(block.line, 1.0)
        lines = block.lines
        # Nothing placed on this page yet (but a repeated table header): what does not
        # fit here is cut, not moved, or it would move on forever.
        fresh = self.used == 0
        while lines:
            fits = max(int((self.height - self.used + block.slack) // line), 0)
            if fits >= lines:
                self.used += line * lines
                break
            if lines > 1:
                # Widow and orphan control: a paragraph split across pages leaves at
                # least two lines on each side.
                fits = min(fits, lines - 2)
                if fits < 2:
                    fits = 0
            if fits == 0 and fresh:
                fits = min(lines, max(int((self.height - self.used) // line), 1))
            self.used += line * fits
            lines -= fits
            if lines:
                self.new_page()
                self.used += block.repeat
                fresh = True
        self.used += block.bottom
        self.after = block.after


def _table_blocks(tbl: Any, styles: _Styles) -> list[_Block]:
    blocks: list[_Block] = []
    header = 0.0
    for tr in tbl.findall(qn("w:tr")):
        tallest = 0.0
        for tc in tr.findall(qn("w:tc")):
            width_el = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            twips = int(width_el.get(qn("w:w"), "0")) if width_el is not None else 0
            width = max(twips / TWIPS_PER_PT - 10, 20) * EMU_PER_PT  # less the cell margins
            height = 0.0
            for p in tc.findall(qn("w:p")):
                look = styles.look(p)
                # In a table the table style's single line spacing applies.
                height += look.before + look.after
                height += look.size * SINGLE_LINE * _lines(_text(p), width, look)
            tallest = max(tallest, height)
        row = _Block(0.0, tallest + ROW_EXTRA_PT, 1, 0.0)
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            header += row.line
        blocks.append(row)
    for block in blocks:
        block.repeat = header
    return blocks


def estimate_pages(document: Document) -> int:
    """The number of pages the document will have when laid out (an estimate)."""
    return _laid_out(document).pages


def begins_page(document: Document, paragraph: Any) -> bool:
    """Whether the body paragraph `paragraph` (a w:p) is estimated to begin a page other
    than the first: where a paragraph kept with those after it is moved on whole."""
    return any(element is paragraph for element in _laid_out(document).page_starts)


def _laid_out(document: Document) -> _Layout:
    section = document.sections[-1]
    page_height = (section.page_height or 0) / EMU_PER_PT
    top = (section.top_margin or 0) / EMU_PER_PT
    bottom = (section.bottom_margin or 0) / EMU_PER_PT
    styles = _Styles(document)
    # A header taller than its room above the body pushes the body down.
    header_top = (section.header_distance or 0) / EMU_PER_PT
    header = sum(
        max(styles.look(p._p).line_height(), _picture_height(p._p))
        for p in section.header.paragraphs
    )
    footer_bottom = (section.footer_distance or 0) / EMU_PER_PT
    footer = sum(styles.look(p._p).line_height() for p in section.footer.paragraphs)
    body_top = max(top, header_top + header)
    body_bottom = max(bottom, footer_bottom + footer)
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    width_pt = ((section.page_width or 0) - margins) / EMU_PER_PT
    blocks: list[_Block] = []
    previous: _Look | None = None
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            blocks += _table_blocks(child, styles)
            previous = None
        elif child.tag == qn("w:p"):
            look = styles.look(child)
            picture = _picture_height(child)
            before, after = look.before, look.after
            if previous is not None and look.contextual and previous.contextual:
                # contextualSpacing: no space between paragraphs of the same style.
                before = 0.0
                blocks[-1].after = 0.0
            top, bottom = look.border
            if previous is not None and previous.border == look.border and any(look.border):
                # Paragraphs with the same border share one box: no border between them.
                top = 0.0
                blocks[-1].bottom = 0.0
            if picture:
                block = _Block(before, picture, 1, after)
            else:
                width = max(width_pt - look.indent, 36.0) * EMU_PER_PT
                block = _Block(before, look.line_height(), _lines(_text(child), width, look), after)
                if look.exact is None:
                    block.slack = max(look.line_height() - look.size * SINGLE_LINE, 0.0)
            block.keep_next, block.page_break = look.keep_next, look.page_break
            block.keep_together, block.top, block.bottom = look.keep_lines, top, bottom
            block.element = child
            blocks.append(block)
            previous = look
    layout = _Layout(math.floor(page_height - body_top - body_bottom))
    layout.place(blocks)
    return layout
