"""The checklist as a Word document (.docx), built with python-docx.

python-docx is imported only in the documents' Word modules (here, docx_writer,
docx_header, docx_look and page_count), and those only when a .docx is exported:
it is slow to import and `kontoguide --help` must stay fast. Content is placed
with Word styles (Title, Heading 1/2, the table style and the document's own
paragraph styles), never by formatting single runs, so headings are navigable
with a screen reader and the look can be restyled. Every text passes
textsafe.xml_safe before it reaches python-docx.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu
from docx.text.paragraph import Paragraph

from kontoguide.documents import messages as m
from kontoguide.documents.chart import CHART_NS, chart_xml, size_emu
from kontoguide.documents.docx_header import header_and_footer
from kontoguide.documents.docx_look import LANGUAGE, finish_package, prepare
from kontoguide.documents.docx_writer import DocxWriter
from kontoguide.documents.page_count import begins_page, estimate_pages
from kontoguide.documents.view import (
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
from kontoguide.documents.xml_text import quoteattr
from kontoguide.model.textsafe import xml_safe


def yes_no(value: bool) -> str:
    return m.DOC_YES if value else m.DOC_NO


class _Writer(DocxWriter):
    """Appends the checklist's parts, in the order of the document view."""

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
        """The chart as a native Word chart, its alternative text stating the same numbers."""
        paragraph = self.para(self.document, "", m.STYLE_FIGURE)
        width, height = size_emu(len(figure.chart.bars), min(self.width, int(Cm(16))))
        part = self.document.part
        chart = Part(
            part.package.next_partname(CHART_PARTNAME),
            CT.DML_CHART,
            chart_xml(figure.chart),
            part.package,
        )
        rid = part.relate_to(chart, RT.CHART)
        shape_id = part.next_id
        # Word and screen readers read docPr's title and descr.
        inline = (
            f"<wp:inline {nsdecls('wp', 'a', 'r')} "
            'distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{width}" cy="{height}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape_id}" name="{m.DOC_CHART_NAME.format(number=shape_id)}" '
            f"title={quoteattr(xml_safe(figure.title))} descr={quoteattr(xml_safe(figure.alt))}/>"
            "<wp:cNvGraphicFramePr/>"
            f'<a:graphic><a:graphicData uri="{CHART_NS}">'
            f'<c:chart xmlns:c="{CHART_NS}" r:id="{rid}"/></a:graphicData></a:graphic>'
            "</wp:inline>"
        )
        paragraph.add_run()._r.add_drawing(parse_xml(inline))
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
            text = m.DOC_SET_ASIDE_GIVEN.format(given=given)
            # The answer given and why it must be fixed read as one: never a page apart.
            self.para(self.document, text, m.STYLE_ANSWER).paragraph_format.keep_with_next = True
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
        if question.reviewed:
            self.para(self.document, question.reviewed, m.STYLE_ANSWER)
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
        # LibreOffice 7.4 does not always honour the keeps: under a variant's head block
        # it left the heading and the source line on one page and the city's words on
        # the next. Where the notice is estimated to move on whole, a page break before
        # it says so to every program.
        if begins_page(body, parts[0]._p):
            parts[0].paragraph_format.page_break_before = True

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


CHART_PARTNAME = "/word/charts/chart%d.xml"


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
    page_counts = header_and_footer(writer, view)
    writer.body(view)
    pages = estimate_pages(document)
    for run in page_counts:
        if run is not None:
            run.text = str(pages)
    buffer = io.BytesIO()
    document.save(buffer)
    return finish_package(buffer.getvalue(), pages=pages)
