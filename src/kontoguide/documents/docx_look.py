"""The look of the checklist document: base document, styles, page and language.

Separate from render_docx (which writes the content) and, like it, imported only
when a .docx is exported. The look lives in Word styles, never in single runs,
so an administration can restyle the document in Word or ship its own base
.docx (styles, a logo in the header) with its checklist variant.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.table import Table

from kontoguide.checklist.basedoc import read_base_document
from kontoguide.documents import messages as m
from kontoguide.documents.base_fit import fit_base, own_headers_and_footers
from kontoguide.model.errors import ChecklistError

LANGUAGE = "sv-SE"
FONT = "Arial"  # on every Windows PC; LibreOffice uses the metric-compatible Liberation Sans
# Styles the body uses that Word (and python-docx's default template) define. A base
# document made in Word may lack some of them until first used; they are copied in.
BUILTIN_STYLES = (
    "Title",
    "Subtitle",
    "Caption",
    "Heading 1",
    "Heading 2",
    "Quote",
    "List Bullet",
    "Header",
    "Footer",
)
# The boxes (☐ ☒) are not in Arial: a font that has them, on every Windows PC.
BOX_FONT = "Segoe UI Symbol"
DARK_BLUE = RGBColor(0x1F, 0x3A, 0x5F)
RED = RGBColor(0xB0, 0x00, 0x20)
GREY = RGBColor(0x55, 0x55, 0x55)


# --- opening the document -----------------------------------------------------


def open_document(base: Path | None, checklist_source: Path | None) -> Document:
    """The base document with its body cleared and fitted, or python-docx's default."""
    if base is None:
        return docx.Document()
    return open_base(base, checklist_source)[0]


def open_base(base: Path, checklist_source: Path | None) -> tuple[Document, tuple[str, ...]]:
    """The base document with its body cleared and fitted (A4, images' alternative
    text), and what fitting it changed."""
    within = checklist_source.parent if checklist_source is not None else None
    # Checked again at every export: the installed copy may have been replaced since.
    data = read_base_document(base, where=checklist_source or base, within=within)
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    # Keep only the final section properties: they carry the page set-up and the
    # references to the base's header and footer (the logo).
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _drop_what_is_not_ours(document)
    _copy_missing_styles(document)
    return document, fit_base(document)


# Parts of a base document that say something about its authors, not about this record:
# the comments (and Word's extensions of them), the people who commented, custom
# properties. Dropped with their relationships, so python-docx does not write them.
_NOT_OURS = frozenset(
    (
        "comments",
        "commentsExtended",
        "commentsIds",
        "commentsExtensible",
        "people",
        "custom-properties",
        # A picture of the base document's own first page, shown by file browsers as
        # if it were this record.
        "thumbnail",
    )
)
_COMMENT_MARKS = ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference")


def _drop_what_is_not_ours(document: Document) -> None:
    package = document.part.package
    holders = [package, *package.iter_parts()]
    for holder in holders:
        rels = holder.rels
        for rid in [
            rid for rid, rel in rels.items() if rel.reltype.rsplit("/", 1)[-1] in _NOT_OURS
        ]:
            del rels[rid]
    # A header or footer may still mark where a comment was: the marks would point at
    # comments that are no longer there.
    for part in own_headers_and_footers(document):
        for tag in _COMMENT_MARKS:
            for mark in list(part._element.iter(qn(tag))):
                mark.getparent().remove(mark)


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


class _Styles:
    """The document's styles by name, as `document.styles[name]` finds them, and adding
    a paragraph style as `add_style` does.

    python-docx scans every style of the document for each look-up and again for each
    style added, which was most of the time the styles took to set up (issue 23).
    """

    def __init__(self, document: Document) -> None:
        self.styles = document.styles
        self.by_name: dict[str, Any] = {}
        self.ids: set[str] = set()
        for element in self.styles.element.style_lst:
            # The first of two styles with one name wins, as in python-docx's look-up.
            self.by_name.setdefault(element.name_val, element)
            self.ids.add(element.styleId)

    def get(self, name: str) -> Any:
        element = self.by_name.get(BabelFish.ui2internal(name))
        if element is not None:
            return StyleFactory(element)
        if name in self.ids:  # python-docx's look-up by id, and its warning
            return self.styles[name]
        return None

    def paragraph_style(self, name: str, base: str = "Normal") -> Any:
        found = self.get(name)
        if found is not None:
            return found
        internal = BabelFish.ui2internal(name)
        element = self.styles.element.add_style_of_type(internal, WD_STYLE_TYPE.PARAGRAPH, False)
        self.by_name[internal] = element
        self.ids.add(element.styleId)
        style: Any = StyleFactory(element)
        based_on = self.get(base)
        if based_on is None:
            raise KeyError(f"no style with name '{base}'")
        style.base_style = based_on
        style.quick_style = True
        return style


def define_own_styles(document: Document) -> None:
    """The document's own styles; a base document that defines them keeps its look."""
    existing = {style.name for style in document.styles}
    own = _Styles(document).paragraph_style
    draft = own(m.STYLE_DRAFT)
    header_draft = own(m.STYLE_HEADER_DRAFT, "Header")
    lead = own(m.STYLE_LEAD)
    # Based on Word's Quote, so that readers that map styles (pandoc) read a quotation.
    notice = own(m.STYLE_NOTICE, "Quote")
    answer = own(m.STYLE_ANSWER)
    no_answer = own(m.STYLE_NO_ANSWER, m.STYLE_ANSWER)
    caution = own(m.STYLE_CAUTION, m.STYLE_ANSWER)
    table_heading = own(m.STYLE_TABLE_HEADING)
    table_text = own(m.STYLE_TABLE_TEXT)
    sign_line = own(m.STYLE_SIGN_LINE)
    sign_caption = own(m.STYLE_SIGN_CAPTION)
    kind = own(m.STYLE_KIND)
    header_state = own(m.STYLE_HEADER_STATE, "Header")
    figure = own(m.STYLE_FIGURE)
    figure_caption = own(m.STYLE_FIGURE_CAPTION)
    note_heading = own(m.STYLE_NOTICE_NOTE_HEADING)
    note = own(m.STYLE_NOTICE_NOTE)
    about = own(m.STYLE_ABOUT)
    if m.STYLE_BOX not in existing:
        box = document.styles.add_style(m.STYLE_BOX, WD_STYLE_TYPE.CHARACTER)
        _set_font(box, BOX_FONT)
    every = [draft, header_draft, lead, notice, answer, no_answer, caution]
    every += [table_heading, table_text, sign_line, sign_caption]
    every += [kind, header_state, figure, figure_caption, note_heading, note, about]
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
    # A section's introduction stays with the first question below it.
    set_up(lead, color=GREY, space_after=Pt(8), keep_with_next=True)
    # The city's words, quoted: indented in a box. Our note below it, plainly apart.
    set_up(
        notice,
        italic=False,
        space_after=Pt(6),
        left_indent=Cm(0.4),
        right_indent=Cm(0.4),
    )
    set_up(note_heading, bold=True, space_before=Pt(8), space_after=Pt(2))
    set_up(note, space_after=Pt(4), left_indent=Cm(0.4))
    set_up(about, color=GREY, space_before=Pt(18))
    set_up(answer, space_after=Pt(4))
    set_up(no_answer, color=GREY)
    # A caution is advice, not an error: set apart by italics, never in the error red.
    set_up(caution, italic=True)
    set_up(table_heading, bold=True, size=Pt(10), space_before=Pt(1), space_after=Pt(1))
    set_up(table_text, size=Pt(10), space_before=Pt(1), space_after=Pt(1))
    set_up(sign_line, space_before=Pt(18), space_after=Pt(6), keep_with_next=True)
    set_up(sign_caption, color=GREY, space_after=Pt(0), keep_with_next=True)
    # What the document is (Underlag för beslut, ...) stands out under the title.
    set_up(kind, bold=True, size=Pt(16), color=DARK_BLUE, space_after=Pt(8))
    set_up(header_state, size=Pt(10), color=GREY)
    # A chart stays with its caption; the caption says what it shows.
    set_up(figure, alignment=WD_ALIGN_PARAGRAPH.CENTER, space_before=Pt(6), keep_with_next=True)
    set_up(figure_caption, color=GREY, space_before=Pt(4), space_after=Pt(8))
    if notice.name in names:
        _box(notice)


def _box(style: Any) -> None:
    """A left rule and light shading, defined on the style so it can be restyled."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    # Top and bottom borders in the shading colour give the box some inner padding.
    for side in ("top", "left", "bottom"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4")):
            edge.set(qn(key), value)
        edge.set(qn("w:color"), "FBEFF1")
        borders.append(edge)
    left = borders.find(qn("w:left"))
    for key, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "8")):
        left.set(qn(key), value)
    left.set(qn("w:color"), "B00020")
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


def define_table_style(document: Document) -> None:
    if m.STYLE_TABLE not in {style.name for style in document.styles}:
        document.styles.element.append(parse_xml(_table_style_xml(m.STYLE_TABLE)))


def table_look(table: Table, *, first_row: bool, first_column: bool) -> None:
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


def builtin_look(document: Document) -> None:
    """A4 page and calmer headings for the default look (no base document)."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
        section.header_distance = section.footer_distance = Cm(1.0)
    styles = document.styles
    for name in ("Normal", "Title", "Subtitle", "Caption", "Heading 1", "Heading 2"):
        _set_font(styles[name], FONT)
    styles["Normal"].font.size = Pt(11)
    subtitle = styles["Subtitle"]
    subtitle.font.size = Pt(13)
    subtitle.font.italic = False
    subtitle.font.color.rgb = GREY
    caption = styles["Caption"]
    caption.font.size = Pt(11)
    caption.font.color.rgb = DARK_BLUE
    caption.font.italic = False
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


def set_language(document: Document) -> None:
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


def prepare(base: Path | None, checklist_source: Path | None) -> Document:
    """The document to write into: the base (body cleared) or python-docx's default, styled."""
    if base is None:
        document = open_document(None, None)
        builtin_look(document)
        _styled(document)
        return document
    try:
        document = open_document(base, checklist_source)
        _styled(document)
        for section in document.sections:  # what render_docx writes into next
            _ = section.header.paragraphs, section.footer.paragraphs
    except ChecklistError:
        raise
    # python-docx trusts the parts it opens and fails on a surprising one with whatever its
    # code meets (AttributeError for an unexpected root, KeyError for a missing part, lxml's
    # XMLSyntaxError). basedoc checks what is known; this catches the rest, so that a
    # user's base document ends in a message, never in a traceback.
    except Exception as exc:
        within = checklist_source.parent if checklist_source is not None else None
        name = base.relative_to(within).as_posix() if within is not None else base.name
        detail = m.B_STRUCTURE.format(kind=type(exc).__name__)
        raise ChecklistError(
            checklist_source or base, m.EXPORT_BASE_BROKEN.format(name=name, detail=detail)
        ) from None
    return document


def _styled(document: Document) -> None:
    define_own_styles(document)
    define_table_style(document)
    set_language(document)


# --- the package around the document ------------------------------------------

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>kontoguide {version}</Application>{pages}</Properties>"
)
# Parts of python-docx's default template that do not describe this document: its
# thumbnail (a blank page) and Word 2010's stylesWithEffects (which validators flag).
_DROPPED_PARTS = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")


def finish_package(data: bytes, *, pages: int | None = None) -> bytes:
    """The saved .docx with the application named (and the page count, as Word writes
    it for file lists and archive systems), the template's leftovers dropped and the
    theme's language Swedish."""
    import re
    import zipfile

    from kontoguide import __version__

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if name in _DROPPED_PARTS:
                continue
            content = source.read(name)
            if name == "docProps/app.xml":
                count = f"<Pages>{pages}</Pages>" if pages is not None else ""
                content = _APP_XML.format(version=__version__, pages=count).encode("utf-8")
            elif name.endswith(".rels") or name == "[Content_Types].xml":
                text = content.decode("utf-8")
                for dropped in _DROPPED_PARTS:
                    leaf = dropped.rsplit("/", 1)[-1]
                    text = re.sub(
                        rf'<Relationship [^>]*Target="[^"]*{re.escape(leaf)}"/>', "", text
                    )
                    override = rf'<Override PartName="/{re.escape(dropped)}"[^>]*/>'
                    text = re.sub(override, "", text)
                content = text.encode("utf-8")
            elif name == "word/settings.xml":
                text = content.decode("utf-8")
                text = re.sub(r'(<w:themeFontLang [^>]*w:val=")[^"]*"', r'\1sv-SE"', text)
                content = text.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()
