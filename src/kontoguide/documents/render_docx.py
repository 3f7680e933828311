"""The checklist as a Word document (.docx), built with python-docx.

python-docx is imported only here and in docx_look (the styles), and both only
when a .docx is exported: it is slow to import and `kontoguide --help` must
stay fast. Content is placed with Word styles (Title, Heading 1/2, the table
style and the document's own paragraph styles), never by formatting single
runs, so headings are navigable with a screen reader and the look can be
restyled. Every text passes textsafe.xml_safe before it reaches python-docx.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph

from kontoguide.documents import messages as m
from kontoguide.documents.document import (
    Answer,
    ChecksAnswer,
    DecisionView,
    DocumentView,
    FigureView,
    FollowUpView,
    NoAnswer,
    QuestionView,
    SectionView,
    SignLine,
    TableAnswer,
    TextAnswer,
    YesNoAnswer,
)
from kontoguide.documents.docx_look import LANGUAGE, finish_package, prepare, table_look
from kontoguide.documents.page_count import estimate_pages
from kontoguide.documents.table_layout import column_widths, columns_that_fit, width_scale
from kontoguide.model.textsafe import xml_safe

FACTS_LABEL_SHARE = 0.32  # of the text width, for the label column of key-value tables


def yes_no(value: bool) -> str:
    return m.DOC_YES if value else m.DOC_NO


# --- fields, header and footer ------------------------------------------------


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> Any:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out,
    with `shown` as its stored result; the run holding that result is returned."""

    def fld_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    result = paragraph.add_run(shown)
    fld_char("end")
    return result


def _page_numbers(paragraph: Paragraph) -> Any:
    """The footer's "Sida 1 av N"; returns the run that shows N, filled in by render().

    Word and LibreOffice compute both fields on every page as they lay out. Tools that
    do not lay out (text extraction, previews, archive systems) show the stored results
    of the one footer that all pages share: PAGE's stored "1" is right for the first
    page, the only one such a tool can mean, and NUMPAGES stores the estimated count.
    """
    pages = None
    for part in re.split(r"(\{page\}|\{pages\})", m.DOC_FOOTER_PAGES):
        if part == "{page}":
            _add_field(paragraph, "PAGE", "1")
        elif part == "{pages}":
            pages = _add_field(paragraph, "NUMPAGES", "1")
        elif part:
            paragraph.add_run(part)
    return pages


def _has_content(part: Any) -> bool:
    element = part._element
    text = "".join(element.itertext()).strip()
    pictures = element.findall(".//" + qn("w:drawing")) + element.findall(".//" + qn("w:pict"))
    return bool(text or pictures)


# --- the writer ----------------------------------------------------------------


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


class _Writer:
    """Appends the document's parts; style ids are looked up once, by name.

    python-docx resolves a style name by scanning every style in the document on
    each call; with a few hundred paragraphs that was most of the export time.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.ids = {style.name: style.style_id for style in document.styles}
        self.page_counts: list[Any] = []  # the runs showing NUMPAGES's stored result
        section = document.sections[-1]
        margins = (section.left_margin or 0) + (section.right_margin or 0)
        self.width = int((section.page_width or Cm(21)) - margins)
        # A base document's tables may print in a wider font than the standard's Arial.
        self.table_scale = max(
            width_scale(*_font_of(document, name))
            for name in (m.STYLE_TABLE_HEADING, m.STYLE_TABLE_TEXT)
        )

    def style(self, paragraph: Paragraph, name: str) -> None:
        paragraph._p.style = self.ids[name]

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
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            + "".join(
                _cell_xml((h,), heading, w) for h, w in zip(answer.headers, twips, strict=True)
            )
            + "</w:tr>"
        ]
        for values in answer.rows:
            cells = (_cell_xml(v, text, w) for v, w in zip(values, twips, strict=True))
            rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
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
        table = self.new_table(len(facts), 2)
        # A key-value table: the first column holds the labels, there is no header row.
        table_look(table, first_row=False, first_column=True)
        for row, (label, value) in zip(table.rows, facts, strict=True):
            self.fill(row.cells[0], [label], m.STYLE_TABLE_HEADING)
            self.fill(row.cells[1], [value], m.STYLE_TABLE_TEXT)
        labels = int(self.width * FACTS_LABEL_SHARE)
        self.set_widths(table, [labels, self.width - labels])
        return table

    def sign_lines(self, rows: tuple[tuple[SignLine, ...], ...]) -> None:
        """Lines to write on: the caption, then a ruled line to the right margin (a tab
        with a line leader) holding what is known already; a tall one has three lines."""
        for lines in rows:
            for line in lines:
                paragraph = self.para(self.document, "", m.STYLE_SIGN_LINE)
                paragraph.paragraph_format.tab_stops.add_tab_stop(
                    Emu(self.width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES
                )
                text = f"{line.caption}: {line.filled}" if line.filled else f"{line.caption}: "
                ruled = "\t" + ("\n\t" * 2 if line.tall else "")
                paragraph.add_run(xml_safe(text + ruled))

    def figure(self, figure: FigureView) -> None:
        """The chart as a picture, its alternative text stating the same numbers."""
        from kontoguide.documents.chart import progress_png

        paragraph = self.para(self.document, "", m.STYLE_FIGURE)
        width = min(self.width, int(Cm(16)))
        shape = paragraph.add_run().add_picture(io.BytesIO(progress_png(figure.chart)), width=width)
        alt = xml_safe(figure.alt)
        # Word and screen readers read docPr's descr; some tools read the picture's own.
        shape._inline.docPr.set("descr", alt)
        for c_nv_pr in shape._inline.xpath(".//pic:cNvPr"):
            c_nv_pr.set("descr", alt)
        self.para(self.document, figure.caption, m.STYLE_FIGURE_CAPTION)

    # --- the body ---

    def boxed(self, label: str, checked: bool, style: str) -> Paragraph:
        """A box (ticked or not) and its label; the box in a font that has the glyph."""
        paragraph = self.para(self.document, "", style)
        box = paragraph.add_run(m.DOC_CHECKED if checked else m.DOC_UNCHECKED)
        box._r.get_or_add_rPr().style = self.ids[m.STYLE_BOX]
        paragraph.add_run(xml_safe(f" {label}"))
        return paragraph

    def set_aside(self, given: str | None, reason: str | None) -> None:
        if given is not None:
            self.para(self.document, m.DOC_SET_ASIDE_GIVEN.format(given=given), m.STYLE_ANSWER)
        self.para(
            self.document,
            m.DOC_SET_ASIDE_REASON.format(reason=reason or m.DOC_SET_ASIDE),
            m.STYLE_CAUTION,
        )

    def answer(self, answer: Answer) -> None:
        body = self.document
        if isinstance(answer, NoAnswer):
            if answer.set_aside and (answer.given is not None or answer.reason is not None):
                self.set_aside(answer.given, answer.reason)
            elif not answer.set_aside:
                self.para(body, m.DOC_NOT_ANSWERED, m.STYLE_NO_ANSWER)
        elif isinstance(answer, YesNoAnswer):
            self.para(body, yes_no(answer.value), m.STYLE_ANSWER)
        elif isinstance(answer, ChecksAnswer):
            for label, checked in answer.options:
                self.boxed(label, checked, "List Bullet")
        elif isinstance(answer, TableAnswer):
            self.list_table(answer)
        elif isinstance(answer, TextAnswer):
            self.para(body, answer.text, m.STYLE_ANSWER)

    def question(self, question: QuestionView) -> None:
        self.para(self.document, question.label, "Heading 2")
        self.answer(question.answer)
        for given, reason in question.set_aside:
            self.set_aside(given, reason)
        if question.note:
            self.para(self.document, question.note, m.STYLE_CAUTION)

    def section(self, section: SectionView) -> None:
        # The section's introduction is addressed to the person filling it in: left out.
        self.para(self.document, section.heading, "Heading 1")
        for question in section.questions:
            self.question(question)

    def decision(self, decision: DecisionView) -> None:
        body = self.document
        heading = self.para(body, m.DOC_DECISION_HEADING, "Heading 1")
        # The decision is a page of its own: the form to sign, or the decision to file.
        heading.paragraph_format.page_break_before = True
        self.para(body, decision.lead, m.STYLE_LEAD)
        self.para(body, m.DOC_DECISION_SUBJECT, "Heading 2")
        self.facts_table(decision.subject)
        self.para(body, m.DOC_DECISION_TAKEN, "Heading 2")
        for label, ticked in decision.outcomes:
            box = self.boxed(label, ticked, m.STYLE_ANSWER)
            # The boxes and what follows them (the lines to sign on) share a page.
            box.paragraph_format.keep_with_next = True
        if decision.facts:
            self.facts_table(decision.facts)
        if decision.lines:
            self.sign_lines(decision.lines)

    def follow_up(self, follow_up: FollowUpView) -> None:
        body = self.document
        heading = self.para(body, follow_up.heading, "Heading 1")
        # A follow-up (its table, its chart, the assessment) reads as a page of its own.
        heading.paragraph_format.page_break_before = True
        self.facts_table(follow_up.facts)
        self.para(body, m.DOC_FOLLOW_UP_MEASUREMENTS, "Heading 2")
        self.list_table(follow_up.measurements)
        self.para(body, follow_up.rule, m.STYLE_FIGURE_CAPTION)
        if follow_up.figure is not None:
            self.figure(follow_up.figure)
        self.para(body, m.DOC_FOLLOW_UP_ASSESSMENT, "Heading 2")
        self.para(body, follow_up.assessment, m.STYLE_ANSWER)

    def notice(self, view: DocumentView) -> None:
        """The Schrems II notice, in one piece: the city's words quoted, our note apart."""
        body, notice = self.document, view.notice
        parts = [self.para(body, notice.title, "Heading 1")]
        parts.append(self.para(body, notice.source, m.STYLE_ANSWER))
        parts += [self.para(body, text, m.STYLE_NOTICE) for text in notice.paragraphs]
        if notice.note:
            parts.append(self.para(body, notice.note_heading, m.STYLE_NOTICE_NOTE_HEADING))
            parts += [self.para(body, text, m.STYLE_NOTICE_NOTE) for text in notice.note]
        parts.append(self.para(body, notice.acknowledgement, m.STYLE_ANSWER))
        for paragraph in parts:
            paragraph.paragraph_format.keep_together = True
        for paragraph in parts[:-1]:
            paragraph.paragraph_format.keep_with_next = True

    def body(self, view: DocumentView) -> None:
        body = self.document
        self.para(body, view.title, "Title")
        self.para(body, view.subtitle, "Subtitle")
        self.para(body, view.kind, m.STYLE_DRAFT if view.draft else m.STYLE_KIND)
        self.para(body, m.DOC_ISSUER.format(issuer=view.issuer), m.STYLE_ANSWER)
        if view.lead:
            self.para(body, view.lead, m.STYLE_LEAD)
        caption = self.para(body, m.DOC_FACTS_CAPTION, "Caption")
        caption.paragraph_format.keep_with_next = True
        self.facts_table(view.facts)
        self.notice(view)
        if view.missing:
            heading = m.DOC_MISSING_HEADING.format(count=len(view.missing))
            self.para(body, heading, "Heading 1")
            for item in view.missing:
                self.para(body, item, "List Bullet")
        for section in view.sections:
            self.section(section)
        if view.decision is not None:
            self.decision(view.decision)
        for section in view.start:
            self.section(section)
        for follow_up in view.follow_ups:
            self.follow_up(follow_up)
        for section in view.closing:
            self.section(section)
        if view.history is not None:
            self.para(body, m.DOC_HISTORY_HEADING, "Heading 1")
            self.list_table(view.history)
        self.para(body, view.about, m.STYLE_ABOUT)

    def header_and_footer(self, view: DocumentView) -> None:
        for section in self.document.sections:
            header = section.header
            header.is_linked_to_previous = False
            # A base document's own header (its logo) stays; an empty one gets ours.
            if not _has_content(header):
                first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
                self.style(first, "Header")
                first.add_run(xml_safe(view.header_text))
            # The state and the case number on every page, whatever the base's header.
            self.para(header, view.header_state, m.STYLE_HEADER_STATE)
            if view.draft:
                self.para(header, m.DOC_DRAFT_MARK, m.STYLE_HEADER_DRAFT)
            footer = section.footer
            footer.is_linked_to_previous = False
            if footer._element.xpath(".//w:instrText[contains(., 'PAGE')]|.//w:fldSimple"):
                continue  # the base document numbers its pages already
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            if paragraph.text.strip():
                paragraph = footer.add_paragraph()
            self.style(paragraph, "Footer")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.page_counts.append(_page_numbers(paragraph))


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


# python-docx refuses longer core properties (title, author, ...), while an answer
# they come from (the account's name, a person's name) may have 300 characters.
CORE_PROPERTY_MAX = 255


def core_text(text: str, limit: int = CORE_PROPERTY_MAX) -> str:
    """`text` as one line that fits a core property: cut at a word boundary, with "…"."""
    line = " ".join(xml_safe(text).split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if line[limit - 1] != " ":  # the cut falls inside a word: leave that word out
        space = cut.rfind(" ")
        # A word longer than half the room is cut inside rather than dropped whole.
        if space > limit // 2:
            cut = cut[:space]
    return cut.rstrip() + "…"


def _properties(document: Document, view: DocumentView) -> None:
    props = document.core_properties
    info = view.properties
    # Every text property goes through core_text: each has python-docx's limit.
    props.title = core_text(info.title)
    props.subject = core_text(info.subject)
    props.author = core_text(info.author)
    props.last_modified_by = core_text(info.author)
    props.keywords = core_text(info.keywords)
    props.category = core_text(info.category)
    props.identifier = core_text(info.identifier)
    props.comments = ""
    props.language = LANGUAGE
    props.created = info.created
    props.modified = info.created
    props.revision = 1
    # A base document's print date belongs to the base, not to this checklist.
    for printed in props._element.findall(qn("cp:lastPrinted")):
        props._element.remove(printed)


def render(
    view: DocumentView, *, base: Path | None = None, checklist_source: Path | None = None
) -> bytes:
    """The .docx file for `view`, as bytes; `base` is the variant's base document."""
    document = prepare(base, checklist_source)
    _properties(document, view)
    writer = _Writer(document)
    writer.header_and_footer(view)
    writer.body(view)
    pages = estimate_pages(document)
    for run in writer.page_counts:
        if run is not None:
            run.text = str(pages)
    buffer = io.BytesIO()
    document.save(buffer)
    return finish_package(buffer.getvalue(), pages=pages)
