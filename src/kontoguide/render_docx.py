"""The checklist as a Word document (.docx), built with python-docx.

The only module that imports python-docx (it is slow to import, and `kontoguide
--help` must stay fast). The look comes from Word styles, never from formatting
single runs, so headings are navigable with a screen reader and an
administration can restyle the document or give its own base .docx (styles, a
logo in the header) in the checklist. Every text passes textsafe.xml_safe
before it reaches python-docx.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from kontoguide import messages as m
from kontoguide.document import (
    Answer,
    ChecksAnswer,
    DocumentView,
    NoAnswer,
    QuestionView,
    TableAnswer,
    TextAnswer,
    YesNoAnswer,
)
from kontoguide.errors import ChecklistError
from kontoguide.textsafe import xml_safe

LANGUAGE = "sv-SE"
FONT = "Arial"  # on every Windows PC; LibreOffice uses the metric-compatible Liberation Sans
# Styles the body uses that Word (and python-docx's default template) define. A base
# document made in Word may lack some of them until first used; they are copied in.
BUILTIN_STYLES = ("Title", "Heading 1", "Heading 2", "List Bullet", "Header", "Footer")
DARK_BLUE = RGBColor(0x1F, 0x3A, 0x5F)
RED = RGBColor(0xB0, 0x00, 0x20)
GREY = RGBColor(0x55, 0x55, 0x55)


# --- opening the document -----------------------------------------------------


def _open(base: Path | None, checklist_source: Path | None) -> Document:
    if base is None:
        return docx.Document()
    where = checklist_source or base
    if not base.is_file():
        raise ChecklistError(where, m.EXPORT_BASE_MISSING.format(name=base.name))
    try:
        document = docx.Document(str(base))
    # lxml's XMLSyntaxError is a SyntaxError: a base document with broken XML parts.
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        detail = m.EXPORT_BASE_BROKEN.format(name=base.name, detail=exc)
        raise ChecklistError(where, detail) from None
    body = document.element.body
    # Keep only the final section properties: they carry the page set-up and the
    # references to the base's header and footer (the logo).
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _copy_missing_styles(document)
    return document


def _copy_missing_styles(document: Document) -> None:
    template = docx.Document()
    source = template.styles.element
    target = document.styles.element
    present = {s.get(qn("w:styleId")) for s in target.findall(qn("w:style"))}
    wanted = [template.styles[name].style_id for name in BUILTIN_STYLES]
    while wanted:
        style_id = wanted.pop()
        if style_id in present:
            continue
        found = source.xpath(f'w:style[@w:styleId="{style_id}"]')
        if not found:
            continue
        element = copy.deepcopy(found[0])
        # A copied list style would point at numbering the base document does not have.
        for numbering in element.findall(f".//{qn('w:numPr')}"):
            numbering.getparent().remove(numbering)
        target.append(element)
        present.add(style_id)
        for ref in ("w:basedOn", "w:link", "w:next"):
            linked = element.find(qn(ref))
            if linked is not None:
                wanted.append(linked.get(qn("w:val")))


# --- styles -----------------------------------------------------------------


def _paragraph_style(document: Document, name: str, base: str = "Normal") -> Any:
    styles = document.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        return style


def _define_own_styles(document: Document) -> None:
    """The document's own styles; a base document that defines them keeps its look."""
    existing = {style.name for style in document.styles}
    own = _paragraph_style
    draft = own(document, m.STYLE_DRAFT)
    header_draft = own(document, m.STYLE_HEADER_DRAFT, "Header")
    lead = own(document, m.STYLE_LEAD)
    notice = own(document, m.STYLE_NOTICE)
    answer = own(document, m.STYLE_ANSWER)
    no_answer = own(document, m.STYLE_NO_ANSWER, m.STYLE_ANSWER)
    caution = own(document, m.STYLE_CAUTION, m.STYLE_ANSWER)
    table_heading = own(document, m.STYLE_TABLE_HEADING)
    table_text = own(document, m.STYLE_TABLE_TEXT)
    sign_line = own(document, m.STYLE_SIGN_LINE)
    sign_caption = own(document, m.STYLE_SIGN_CAPTION)
    every = [draft, header_draft, lead, notice, answer, no_answer, caution]
    every += [table_heading, table_text, sign_line, sign_caption]
    fresh = [style for style in every if style.name not in existing]
    if not fresh:
        return
    names = {s.name for s in fresh}

    def set_up(style: Any, **kwargs: Any) -> None:
        if style.name not in names:
            return
        font = style.font
        fmt = style.paragraph_format
        for key, value in kwargs.items():
            target = font if key in ("bold", "italic", "size", "color") else fmt
            if key == "color":
                font.color.rgb = value
            else:
                setattr(target, key, value)

    set_up(draft, bold=True, size=Pt(20), color=RED, space_after=Pt(4))
    set_up(header_draft, bold=True, size=Pt(12), color=RED, alignment=WD_ALIGN_PARAGRAPH.RIGHT)
    set_up(lead, italic=True, color=GREY, space_after=Pt(8))
    set_up(notice, space_after=Pt(6), left_indent=Cm(0.4))
    set_up(answer, space_after=Pt(4))
    set_up(no_answer, italic=True, color=GREY)
    set_up(caution, italic=True, color=RED)
    set_up(table_heading, bold=True, size=Pt(9.5), space_before=Pt(1), space_after=Pt(1))
    set_up(table_text, size=Pt(9.5), space_before=Pt(1), space_after=Pt(1))
    set_up(sign_line, space_before=Pt(0), space_after=Pt(0), keep_with_next=True)
    set_up(sign_caption, size=Pt(9), color=GREY, space_after=Pt(0), keep_with_next=True)
    if notice.name in names:
        _box(notice)


def _box(style: Any) -> None:
    """A left rule and light shading, defined on the style so it can be restyled."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "8")):
        left.set(qn(key), value)
    left.set(qn("w:color"), "B00020")
    borders.append(left)
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "FBEFF1")):
        shading.set(qn(key), value)
    # Schema order inside w:pPr: pBdr and shd come before spacing and indentation.
    anchor = ppr.find(qn("w:spacing"))
    if anchor is None:
        anchor = ppr.find(qn("w:ind"))
    if anchor is not None:
        anchor.addprevious(borders)
        anchor.addprevious(shading)
    else:
        ppr.append(borders)
        ppr.append(shading)


def _table_style_xml(name: str) -> str:
    """A grid table style with a shaded header row and a shaded label column.

    Conditional formatting (firstRow, firstCol) lives in the style, so each table
    only says which parts it has (tblLook) and an administration can restyle all
    tables at once in Word.
    """
    border = 'w:val="single" w:sz="4" w:space="0" w:color="8A96AA"'
    sides = "".join(
        f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = (
        '<w:top w:w="45" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
        '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>'
    )
    return (
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="Checklistetabell">'
        f'<w:name w:val="{name}"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders>{sides}</w:tblBorders><w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE3EE"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="firstCol"><w:rPr><w:b/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF1F6"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )


def _define_table_style(document: Document) -> None:
    if m.STYLE_TABLE not in {style.name for style in document.styles}:
        document.styles.element.append(parse_xml(_table_style_xml(m.STYLE_TABLE)))


def _table_look(table: Table, *, first_row: bool, first_column: bool) -> None:
    """Which conditional parts of the table style apply (Word 2007 bitmask and attributes)."""
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    mask = (0x20 if first_row else 0) | (0x80 if first_column else 0) | 0x400
    for key, value in (
        ("w:val", f"{mask:04X}"),
        ("w:firstRow", str(int(first_row))),
        ("w:lastRow", "0"),
        ("w:firstColumn", str(int(first_column))),
        ("w:lastColumn", "0"),
        ("w:noHBand", "0"),
        ("w:noVBand", "1"),
    ):
        look.set(qn(key), value)


def _set_font(style: Any, name: str) -> None:
    """Use `name` for a style, dropping theme fonts (which would otherwise win)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), name)


def _builtin_look(document: Document) -> None:
    """A4 page and calmer headings for the default look (no base document)."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
        section.header_distance = section.footer_distance = Cm(1.0)
    styles = document.styles
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        _set_font(styles[name], FONT)
    styles["Normal"].font.size = Pt(10.5)
    title = styles["Title"]
    title.font.size = Pt(22)
    title.font.color.rgb = DARK_BLUE
    heading1 = styles["Heading 1"]
    heading1.font.size = Pt(15)
    heading1.font.color.rgb = DARK_BLUE
    heading1.paragraph_format.space_before = Pt(18)
    heading1.paragraph_format.space_after = Pt(6)
    heading2 = styles["Heading 2"]
    heading2.font.size = Pt(11)
    heading2.font.color.rgb = DARK_BLUE
    heading2.paragraph_format.space_before = Pt(10)
    heading2.paragraph_format.space_after = Pt(2)


def _set_language(document: Document) -> None:
    """Swedish as the default language, so Word spell-checks and reads aloud in Swedish."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


# --- small building blocks ----------------------------------------------------


def _para(container: Any, text: str, style: str) -> Paragraph:
    # run.text turns "\n" into a line break and "\t" into a tab, as Word itself does.
    paragraph: Paragraph = container.add_paragraph(style=style)
    if text:
        paragraph.add_run(xml_safe(text))
    return paragraph


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out."""

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
    paragraph.add_run("1")
    fld_char("end")


def _page_numbers(paragraph: Paragraph) -> None:
    fields = {"{page}": "PAGE", "{pages}": "NUMPAGES"}
    for part in re.split(r"(\{page\}|\{pages\})", m.DOC_FOOTER_PAGES):
        if part in fields:
            _add_field(paragraph, fields[part])
        elif part:
            paragraph.add_run(part)


def _has_content(part: Any) -> bool:
    element = part._element
    text = "".join(element.itertext()).strip()
    pictures = element.findall(".//" + qn("w:drawing")) + element.findall(".//" + qn("w:pict"))
    return bool(text or pictures)


def _header_and_footer(document: Document, view: DocumentView) -> None:
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        if not _has_content(header):
            first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            first.style = document.styles["Header"]
            first.add_run(xml_safe(view.header_text))
        if view.draft:
            _para(header, m.DOC_DRAFT_MARK, m.STYLE_HEADER_DRAFT)
        footer = section.footer
        footer.is_linked_to_previous = False
        if not footer._element.xpath(".//w:instrText[contains(., 'PAGE')]|.//w:fldSimple"):
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            if paragraph.text.strip():
                paragraph = footer.add_paragraph()
            paragraph.style = document.styles["Footer"]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _page_numbers(paragraph)


def _text_width(document: Document) -> int:
    section = document.sections[-1]
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    return int((section.page_width or Cm(21)) - margins)


def _set_widths(table: Table, widths: list[int]) -> None:
    # Word reads the cell widths, LibreOffice the table grid: set both.
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(Emu(width).twips))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(width)


def _repeat_header(table: Table) -> None:
    """Mark the first row as the header: repeated on each page, announced by screen readers."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _fill(cell: Any, lines: tuple[str, ...] | list[str], style: str) -> None:
    first = cell.paragraphs[0]
    first.style = style
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph(style=style)
        paragraph.add_run(xml_safe(line))


# Table text is 9.5 pt. Glyph widths in em for Arial (and the metric-compatible
# Liberation Sans), by class: close enough to keep words, dates and numbers whole
# without measuring text with a font library.
_EM = Pt(9.5)
_NARROW = set("fijlrt.,:;'!|()[]-/ ")
_WIDE = set("mwMW@%")
_CELL_PADDING = Cm(0.45)
_MAX_WORD = Cm(4.5)  # longer words (web addresses) may break rather than squeeze the rest


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


def column_widths(
    headers: tuple[str, ...], rows: list[tuple[tuple[str, ...], ...]], total: int
) -> list[int]:
    """Column widths like a browser's automatic table layout: every column gets room for
    its longest word, and what is left goes to the columns with the most text."""
    minimums: list[float] = []
    preferred: list[float] = []
    for index, header in enumerate(headers):
        lines = [part for row in rows for line in row[index] for part in line.split("\n")]
        words = [text_width(w) for line in lines for w in line.split()]
        words += [text_width(w, bold=True) for w in header.split()]
        minimum = min(max(words, default=0.0), _MAX_WORD) + _CELL_PADDING
        longest = max([text_width(line) for line in lines] + [text_width(header, bold=True)])
        minimums.append(minimum)
        preferred.append(max(minimum, longest + _CELL_PADDING))
    if sum(minimums) >= total:
        return [int(total * w / sum(minimums)) for w in minimums]
    extra = total - sum(minimums)
    wants = [p - m for p, m in zip(preferred, minimums, strict=True)]
    if sum(wants) <= extra:  # everything fits on one line: share the rest by content
        return [int(total * p / sum(preferred)) for p in preferred]
    return [int(m + extra * w / sum(wants)) for m, w in zip(minimums, wants, strict=True)]


def _grid_table(document: Document, answer: TableAnswer) -> None:
    headers, rows = answer.headers, list(answer.rows)
    # python-docx's Table.add_row has no type hints: the table is handled as Any.
    table: Any = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles[m.STYLE_TABLE]
    _table_look(table, first_row=True, first_column=False)
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _fill(cell, [header], m.STYLE_TABLE_HEADING)
    _repeat_header(table)
    for values, note in zip(rows, answer.notes, strict=True):
        cells = table.add_row().cells
        for cell, lines in zip(cells, values, strict=True):
            _fill(cell, lines, m.STYLE_TABLE_TEXT)
        if note:
            _keep_rows_together(table.rows[-1])
            spanning = table.add_row().cells
            merged = spanning[0].merge(spanning[-1]) if len(spanning) > 1 else spanning[0]
            _fill(merged, note, m.STYLE_TABLE_TEXT)
    _set_widths(table, column_widths(headers, rows, _text_width(document)))


def _keep_rows_together(row: Any) -> None:
    # An item's note row must not be separated from the item's row by a page break.
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _facts_table(document: Document, facts: tuple[tuple[str, str], ...]) -> None:
    table = document.add_table(rows=len(facts), cols=2)
    table.style = document.styles[m.STYLE_TABLE]
    # A key-value table: the first column holds the labels, there is no header row.
    _table_look(table, first_row=False, first_column=True)
    for row, (label, value) in zip(table.rows, facts, strict=True):
        _fill(row.cells[0], [label], m.STYLE_TABLE_HEADING)
        _fill(row.cells[1], [value], m.STYLE_TABLE_TEXT)
    total = _text_width(document)
    _set_widths(table, [int(total * 0.32), total - int(total * 0.32)])


def _bottom_border(cell: Any) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    tc_pr.append(borders)


def _signature_table(document: Document, rows: tuple[tuple[str, ...], ...]) -> None:
    """Lines to sign on, each with its caption below; a narrow gap column between pairs."""
    table = document.add_table(rows=2 * len(rows), cols=3)
    total = _text_width(document)
    gap = int(Cm(1.2))
    side = (total - gap) // 2
    _set_widths(table, [side, gap, side])
    for index, labels in enumerate(rows):
        line_row, caption_row = table.rows[2 * index], table.rows[2 * index + 1]
        line_row.height = Cm(1.4)
        line_row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for position, label in zip((0, 2), labels, strict=False):
            line_row.cells[position].paragraphs[0].style = m.STYLE_SIGN_LINE
            caption_row.cells[position].paragraphs[0].style = m.STYLE_SIGN_CAPTION
            if label:
                _bottom_border(line_row.cells[position])
                caption_row.cells[position].paragraphs[0].add_run(xml_safe(label))


# --- the body ----------------------------------------------------------------


def _answer(document: Document, answer: Answer) -> None:
    if isinstance(answer, NoAnswer):
        _para(document, m.DOC_NOT_ANSWERED, m.STYLE_NO_ANSWER)
    elif isinstance(answer, YesNoAnswer):
        _para(document, yes_no(answer.value), m.STYLE_ANSWER)
    elif isinstance(answer, ChecksAnswer):
        for label, checked in answer.options:
            mark = m.DOC_CHECKED if checked else m.DOC_UNCHECKED
            _para(document, f"{mark} {label}", m.STYLE_ANSWER)
    elif isinstance(answer, TableAnswer):
        _grid_table(document, answer)
        _para(document, "", m.STYLE_ANSWER)  # room between the table and the next heading
    elif isinstance(answer, TextAnswer):
        _para(document, answer.text, m.STYLE_ANSWER)


def yes_no(value: bool) -> str:
    yes = m.DOC_CHECKED if value else m.DOC_UNCHECKED
    no = m.DOC_UNCHECKED if value else m.DOC_CHECKED
    return f"{yes} {m.DOC_YES}    {no} {m.DOC_NO}"


def _question(document: Document, question: QuestionView) -> None:
    _para(document, question.label, "Heading 2")
    _answer(document, question.answer)
    if question.note:
        _para(document, question.note, m.STYLE_CAUTION)


def _body(document: Document, view: DocumentView) -> None:
    _para(document, view.title, "Title")
    if view.draft:
        _para(document, m.DOC_DRAFT_MARK, m.STYLE_DRAFT)
        _para(document, m.DOC_DRAFT_LEAD, m.STYLE_LEAD)
    _facts_table(document, view.facts)
    if view.draft and view.missing:
        _para(document, m.DOC_MISSING_HEADING.format(count=len(view.missing)), "Heading 1")
        for item in view.missing:
            _para(document, item, "List Bullet")
    _para(document, view.notice.title, "Heading 1")
    for text in view.notice.paragraphs:
        _para(document, text, m.STYLE_NOTICE)
    _para(document, view.notice.acknowledgement, m.STYLE_ANSWER)
    for section in view.sections:
        _para(document, section.heading, "Heading 1")
        _para(document, section.purpose, m.STYLE_LEAD)
        for question in section.questions:
            _question(document, question)
    _para(document, m.DOC_DECISION_HEADING, "Heading 1")
    _facts_table(document, view.decision)
    _para(document, m.DOC_SIGN_HEADING, "Heading 2")
    _signature_table(document, view.signature_rows)


def _properties(document: Document, view: DocumentView) -> None:
    props = document.core_properties
    info = view.properties
    props.title = xml_safe(info.title)
    props.subject = xml_safe(info.subject)
    props.author = xml_safe(info.author)
    props.last_modified_by = xml_safe(info.author)
    props.keywords = info.keywords
    props.category = info.category
    props.identifier = info.identifier
    props.comments = ""
    props.language = LANGUAGE
    props.created = info.created
    props.modified = info.created
    # A base document's print date belongs to the base, not to this checklist.
    for printed in props._element.findall(qn("cp:lastPrinted")):
        props._element.remove(printed)
    props.revision = 1


def render(
    view: DocumentView, *, base: Path | None = None, checklist_source: Path | None = None
) -> bytes:
    """The .docx file for `view`, as bytes; `base` is the variant's base document."""
    document = _open(base, checklist_source)
    if base is None:
        _builtin_look(document)
    _define_own_styles(document)
    _define_table_style(document)
    _set_language(document)
    _properties(document, view)
    _header_and_footer(document, view)
    _body(document, view)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
