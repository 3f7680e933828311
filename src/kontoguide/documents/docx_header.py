"""The header and footer on every page: the organisation and the account, the state
and the case number at the top (under a base document's own header), "Sida 1 av N"
at the bottom.
"""

from __future__ import annotations

import re
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from kontoguide.documents import messages as m
from kontoguide.documents.docx_writer import DocxWriter
from kontoguide.documents.view import DocumentView
from kontoguide.model.textsafe import xml_safe


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


def header_and_footer(writer: DocxWriter, view: DocumentView) -> list[Any]:
    """The header and footer of every section; returns the runs that show NUMPAGES's
    stored result, for render() to fill in once the pages are counted."""
    page_counts: list[Any] = []
    for section in writer.document.sections:
        header = section.header
        header.is_linked_to_previous = False
        # A base document's own header (its logo) stays; an empty one gets ours.
        if not _has_content(header):
            first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            writer.style(first, "Header")
            first.add_run(xml_safe(view.header_text))
        # The state and the case number on every page, whatever the base's header.
        writer.para(header, view.header_state, m.STYLE_HEADER_STATE)
        if view.draft:
            writer.para(header, m.DOC_DRAFT_MARK, m.STYLE_HEADER_DRAFT)
        footer = section.footer
        footer.is_linked_to_previous = False
        if footer._element.xpath(".//w:instrText[contains(., 'PAGE')]|.//w:fldSimple"):
            continue  # the base document numbers its pages already
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        if paragraph.text.strip():
            paragraph = footer.add_paragraph()
        writer.style(paragraph, "Footer")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        page_counts.append(_page_numbers(paragraph))
    return page_counts
