"""Paragraphs and tables in a python-docx document, in the document's own styles.

The base of render_docx's writer: the style ids looked up once, the width of the
text, and the two kinds of table (a list's items, label-and-value facts).
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph

from kontoguide.documents import messages as m
from kontoguide.documents.docx_look import table_look
from kontoguide.documents.table_layout import column_widths, columns_that_fit, width_scale
from kontoguide.documents.view import TableAnswer
from kontoguide.documents.xml_text import escape, quoteattr
from kontoguide.model.textsafe import xml_safe

FACTS_LABEL_SHARE = 0.32  # of the text width, for the label column of key-value tables


def _font_of(document: Document, style_name: str) -> tuple[str | None, float | None]:
    """The font name and size (pt) a paragraph style prints in: its own, its base
    styles' or the document's defaults. A theme font is not looked up (None)."""
    name: str | None = None
    size: float | None = None
    style: Any = document.styles[style_name]
    while style is not None and (name is None or size is None):
        name = name or style.font.name
        size = size or (style.font.size.pt if style.font.size is not None else None)
        style = style.base_style
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
    if rpr is not None:
        fonts, half_points = rpr.find(qn("w:rFonts")), rpr.find(qn("w:sz"))
        if name is None and fonts is not None:
            name = fonts.get(qn("w:ascii"))
        if size is None and half_points is not None:
            size = int(half_points.get(qn("w:val"), "20")) / 2
    return name, size


class DocxWriter:
    """Paragraphs and tables in the document's styles; style ids are looked up once, by name.

    python-docx resolves a style name by scanning every style in the document on
    each call; with a few hundred paragraphs that was most of the export time.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.ids = {style.name: style.style_id for style in document.styles}
        section = document.sections[-1]
        margins = (section.left_margin or 0) + (section.right_margin or 0)
        self.width = int((section.page_width or Cm(21)) - margins)
        # A base document's tables may print in a wider font than the standard's Arial.
        self.table_scale = max(
            width_scale(*_font_of(document, name))
            for name in (m.STYLE_TABLE_HEADING, m.STYLE_TABLE_TEXT)
        )

    def style(self, paragraph: Paragraph, name: str) -> None:
        p = paragraph._p
        if p.pPr is not None:
            p.style = self.ids[name]
            return
        # A new paragraph: its properties made as python-docx makes them, without its
        # search for where w:pStyle goes among thirty-odd possible siblings, a third
        # of the time writing the body took in a profile (issue 23).
        properties = OxmlElement("w:pPr")
        properties.append(OxmlElement("w:pStyle", attrs={qn("w:val"): self.ids[name]}))
        p.insert(0, properties)

    def para(self, container: Any, text: str, style: str) -> Paragraph:
        paragraph: Paragraph = container.add_paragraph()
        self.style(paragraph, style)
        if text:
            # run.text turns "\n" into a line break and "\t" into a tab, as Word does.
            paragraph.add_run(xml_safe(text))
        return paragraph

    # --- tables ---

    def fill(self, cell: Any, lines: tuple[str, ...] | list[str], style: str) -> None:
        for index, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            self.style(paragraph, style)
            paragraph.add_run(xml_safe(line))

    def new_table(self, rows: int, cols: int, *, styled: bool = True) -> Any:
        # python-docx's Table methods have no type hints: tables are handled as Any.
        table: Any = self.document.add_table(rows=rows, cols=cols)
        for tr in table._tbl.tr_lst:
            keep_row(tr)
        if styled:
            table._tbl.tblPr.get_or_add_tblStyle().val = self.ids[m.STYLE_TABLE]
        return table

    @staticmethod
    def set_widths(table: Any, widths: list[int]) -> None:
        # Word reads the cell widths, LibreOffice the table grid: set both.
        table.autofit = False
        for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
            column.set(qn("w:w"), str(Emu(width).twips))
        for tr in table._tbl.tr_lst:
            column = 0
            for cell in tr.tc_lst:
                # A merged cell is as wide as the columns it spans.
                span = cell.grid_span
                cell.width = Emu(sum(widths[column : column + span]))
                column += span

    def _fitting(self, answer: TableAnswer) -> TableAnswer:
        """The table with only the columns whose longest words fit; the others' values
        go to the rows' notes under the table (a word is never broken inside a cell)."""
        kept = columns_that_fit(answer.headers, answer.rows, self.width, self.table_scale)
        if len(kept) == len(answer.headers):
            return answer
        moved = [i for i in range(len(answer.headers)) if i not in kept]
        notes = tuple(
            tuple(
                m.DOC_LABELLED.format(label=answer.headers[i], text=" ".join(row[i]))
                for i in moved
                if " ".join(row[i]) not in ("", m.DOC_NONE)
            )
            + note
            for row, note in zip(answer.rows, answer.notes, strict=True)
        )
        return TableAnswer(
            headers=tuple(answer.headers[i] for i in kept),
            rows=tuple(tuple(row[i] for i in kept) for row in answer.rows),
            notes=notes,
        )

    def list_table(self, answer: TableAnswer) -> None:
        """A list's items as a table, a header row and a row per item; the rows' notes
        (a goal's source, a measurement's comment) as a list under it, never as merged rows.

        The rows are written as XML text and parsed in one go. Added one at a time
        through python-docx (add_row, a width per cell, a style per paragraph) each
        element searches its parent for where it belongs: thousands of items took
        minutes, and even linear it was the most of an export's time.
        """
        answer = self._fitting(answer)
        widths = column_widths(answer.headers, list(answer.rows), self.width, self.table_scale)
        table = self.new_table(0, len(answer.headers))
        table_look(table, first_row=True, first_column=False)
        self.set_widths(table, widths)
        heading, text = self.ids[m.STYLE_TABLE_HEADING], self.ids[m.STYLE_TABLE_TEXT]
        twips = [Emu(width).twips for width in widths]
        # The header row repeats on each page and is announced as such by screen readers.
        rows = [
            f"<w:tr><w:trPr>{_KEEP_ROW}<w:tblHeader/></w:trPr>"
            + "".join(
                _cell_xml((h,), heading, w) for h, w in zip(answer.headers, twips, strict=True)
            )
            + "</w:tr>"
        ]
        for values in answer.rows:
            cells = (_cell_xml(v, text, w) for v, w in zip(values, twips, strict=True))
            rows.append(f"<w:tr><w:trPr>{_KEEP_ROW}</w:trPr>" + "".join(cells) + "</w:tr>")
        parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
        table._tbl.extend(list(parsed))
        below = [
            m.DOC_ROW_NOTE.format(row=" ".join(values[0]) if values else "", note=line)
            for values, note in zip(answer.rows, answer.notes, strict=True)
            for line in note
        ]
        for index, line in enumerate(below):
            paragraph = self.para(self.document, line, "List Bullet")
            if index == 0:  # a table has no spacing of its own below it
                paragraph.paragraph_format.space_before = Pt(6)

    def facts_table(self, facts: tuple[tuple[str, str], ...]) -> Any:
        """A label-and-value table: a header row naming the two columns (repeated on each
        page, announced by screen readers), then the labels in the first column."""
        table = self.new_table(len(facts) + 1, 2)
        table_look(table, first_row=True, first_column=True)
        header, *rows = table.rows
        header._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        for cell, text in zip(header.cells, m.DOC_FACTS_HEADERS, strict=True):
            self.fill(cell, [text], m.STYLE_TABLE_HEADING)
        for row, (label, value) in zip(rows, facts, strict=True):
            self.fill(row.cells[0], [label], m.STYLE_TABLE_HEADING)
            self.fill(row.cells[1], [value], m.STYLE_TABLE_TEXT)
        labels = int(self.width * FACTS_LABEL_SHARE)
        self.set_widths(table, [labels, self.width - labels])
        return table


# A row split across two pages leaves a label on one page and its value, or half a
# list item, on the next: every row kontoguide writes stays whole (w:cantSplit).
_KEEP_ROW = "<w:cantSplit/>"


def keep_row(tr: Any) -> None:
    """Mark a python-docx table row as one that is never split across pages."""
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


def _runs_xml(text: str) -> str:
    """One run holding `text`, as python-docx's run.text writes it: a line break for
    "\n", a tab for "\t", the rest as text (XML-safe and escaped)."""
    parts = []
    for piece in re.split(r"([\n\t])", xml_safe(text)):
        if piece == "\n":
            parts.append("<w:br/>")
        elif piece == "\t":
            parts.append("<w:tab/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return "<w:r>" + "".join(parts) + "</w:r>"


def _cell_xml(lines: tuple[str, ...], style_id: str, twips: int) -> str:
    """A table cell: its width, a paragraph per line in `style_id`."""
    style = f"<w:pStyle w:val={quoteattr(style_id)}/>"
    paragraphs = [f"<w:p><w:pPr>{style}</w:pPr>{_runs_xml(line)}</w:p>" for line in lines]
    # A cell holds at least one paragraph, or Word reports the file as damaged.
    body = "".join(paragraphs) or "<w:p/>"
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{twips}"/></w:tcPr>{body}</w:tc>'
