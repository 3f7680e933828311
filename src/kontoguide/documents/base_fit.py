"""A variant's base document made to fit the city's documents: A4 paper and images
a screen reader can deal with.

A base document comes from an administration (a Word template with its logo). Word's
templates are often in Letter size, and a logo often has its alternative text only in
the picture's own properties (pic:cNvPr), where Word and screen readers do not look,
or none at all. The document kontoguide writes is filed as a public record in A4 and
must be readable with a screen reader, so the base is fitted when it is opened, and
`kontoguide checklist check` tells the variant's author what was changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Twips

from kontoguide.documents import messages as m

A4 = (Mm(210), Mm(297))
LETTER = (Twips(12240), Twips(15840))
_TOLERANCE = Twips(60)  # about a millimetre: Word rounds page sizes it converts
# Below this the text column is too narrow for the tables; margins are then reset.
MIN_TEXT_WIDTH = Cm(10)
FALLBACK_MARGIN = Cm(2.5)
# Office's mark for a decorative image (Word 365 "Markera som dekorativ").
_DECORATIVE = (
    '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative"'
    ' val="1"/></a:ext></a:extLst>'
)


def fit_base(document: Document) -> tuple[str, ...]:
    """Fit an opened base document in place; what was changed, for the variant's author."""
    return (*_fit_pages(document), *_fit_images(document))


def _near(size: tuple[int, int], wanted: tuple[int, int]) -> bool:
    return all(abs(a - b) <= _TOLERANCE for a, b in zip(size, wanted, strict=True))


def _fit_pages(document: Document) -> Iterator[str]:
    for section in document.sections:
        width, height = section.page_width, section.page_height
        if width is None or height is None:
            # Without a size Word uses its own default, Letter in many installations.
            section.page_width, section.page_height = A4
            yield m.B_FIT_PAGE_UNSET
            continue
        portrait = (min(width, height), max(width, height))
        if _near(portrait, A4):
            continue
        size = m.B_FIT_LETTER if _near(portrait, LETTER) else _centimetres(width, height)
        landscape = width > height
        section.page_width, section.page_height = reversed(A4) if landscape else A4
        yield m.B_FIT_PAGE.format(size=size)
        left, right = section.left_margin or 0, section.right_margin or 0
        if section.page_width - left - right - (section.gutter or 0) < MIN_TEXT_WIDTH:
            section.left_margin = section.right_margin = FALLBACK_MARGIN
            yield m.B_FIT_MARGINS


def _centimetres(width: int, height: int) -> str:
    def cm(value: int) -> str:
        return f"{Emu(value).cm:.1f}".replace(".", ",")

    return f"{cm(width)} × {cm(height)} cm"


def _fit_images(document: Document) -> Iterator[str]:
    # Two sections may name one header part: its images are fitted (and told) once. The
    # elements themselves are kept, so lxml hands out the same object for the same part.
    seen: set[Any] = set()
    for element in (part._element for part in own_headers_and_footers(document)):
        if element in seen:
            continue
        seen.add(element)
        for properties in element.iter(qn("wp:docPr")):
            if (properties.get("descr") or "").strip():
                continue
            name = properties.get("name") or m.B_FIT_UNNAMED_IMAGE
            inner = _inner_description(properties)
            if inner:
                properties.set("descr", inner)
                yield m.B_FIT_ALT_MOVED.format(name=name)
            elif not _is_decorative(properties):
                properties.append(parse_xml(_DECORATIVE))
                yield m.B_FIT_DECORATIVE.format(name=name)


def own_headers_and_footers(document: Document) -> Iterator[Any]:
    """Each section's headers and footers (default, first page, even pages) that are the
    section's own, not linked to the previous section's."""
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not part.is_linked_to_previous:
                yield part


def _inner_description(properties: Any) -> str:
    drawing = properties.getparent()
    for inner in drawing.iter(qn("pic:cNvPr")):
        text = (inner.get("descr") or inner.get("title") or "").strip()
        if text:
            return str(text)
    return str((properties.get("title") or "").strip())


def _is_decorative(properties: Any) -> bool:
    return any(
        element.tag.endswith("}decorative") and element.get("val") in ("1", "true")
        for element in properties.iter()
    )
