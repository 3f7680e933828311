"""The checklist as Markdown (CommonMark with GitHub tables), for e-mail and the intranet.

Same content and order as the Word document (both walk view.DocumentView).
Every answer is escaped so that it shows exactly as written: `*`, `_`, `#`, `<`,
`&`, `|` and friends never turn into formatting, HTML or a broken table, and a
line break inside an answer stays a line break.
"""

from __future__ import annotations

import re

from kontoguide.documents import messages as m
from kontoguide.documents.view import (
    Answer,
    ChecksAnswer,
    DecisionView,
    DocumentView,
    FollowUpView,
    NoAnswer,
    SectionView,
    TableAnswer,
    TextAnswer,
    YesNoAnswer,
)
from kontoguide.model.textsafe import xml_safe

# Characters that mean something anywhere in a line. Backslash first in the class,
# so an escape added here is never escaped again.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# Characters that only mean something at the start of a line (after up to three
# spaces): headings, block quotes, list markers, setext underlines, ordered lists.
_LINE_MARKER = re.compile(r"^( {0,3})([#+=-])")
_ORDERED = re.compile(r"^( {0,3}\d{1,9})([.)])")
SIGN_LINE = "_" * 30


_EDGE_SPACE = re.compile(r"^\s+|\s+$")


def _space_entities(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in match.group())


def escape_line(line: str) -> str:
    """One line of user text as literal Markdown."""
    escaped = _INLINE.sub(r"\\\1", line)
    escaped = _LINE_MARKER.sub(r"\1\\\2", escaped)
    escaped = _ORDERED.sub(r"\1\\\2", escaped)
    # Markdown drops spaces and tabs at the edges of a line, table cells drop any
    # Unicode space, and four leading spaces start a code block: as character
    # references they all stay exactly as written.
    return _EDGE_SPACE.sub(_space_entities, escaped)


def escape(text: str) -> str:
    """User text as a Markdown paragraph: literal characters, newlines as hard breaks."""
    lines = [escape_line(line) for line in xml_safe(text).split("\n")]
    # A backslash at the end of a line is CommonMark's hard line break.
    return "\\\n".join(lines)


# Lines inside a table cell: a row must stay on one line, and raw HTML (<br>) is not
# Markdown that every reader shows.
CELL_LINES = " / "


def escape_cell(text: str) -> str:
    """User text inside a table cell: a table row must stay on one line."""
    lines = [escape_line(line) for line in xml_safe(text).split("\n")]
    return CELL_LINES.join(lines)


def yes_no(value: bool) -> str:
    return m.DOC_YES if value else m.DOC_NO


def _table(table: TableAnswer) -> list[str]:
    out = ["| " + " | ".join(escape_cell(h) for h in table.headers) + " |"]
    out.append("|" + "|".join("---" for _ in table.headers) + "|")
    below: list[str] = []
    for row, note in zip(table.rows, table.notes, strict=True):
        cells = [CELL_LINES.join(escape_cell(line) for line in cell) for cell in row]
        out.append("| " + " | ".join(cells) + " |")
        # As in the Word document: a row's notes in a list under the table.
        name = " ".join(row[0]) if row else ""
        below += [f"- {escape_cell(m.DOC_ROW_NOTE.format(row=name, note=line))}" for line in note]
    return [*out, "", *below] if below else out


def _answer(answer: Answer) -> list[str]:
    if isinstance(answer, NoAnswer):
        if answer.set_aside:
            return _set_aside(answer.given, answer.reason) if answer.reason else []
        return [escape(m.DOC_NOT_ANSWERED)]
    if isinstance(answer, YesNoAnswer):
        return [yes_no(answer.value)]
    if isinstance(answer, ChecksAnswer):
        marks = (m.DOC_UNCHECKED, m.DOC_CHECKED)
        return [f"- {marks[checked]} {escape(label)}" for label, checked in answer.options]
    if isinstance(answer, TableAnswer):
        return _table(answer)
    if isinstance(answer, TextAnswer):
        return [escape(answer.text)]
    raise AssertionError(f"unknown answer {answer!r}")  # pragma: no cover


def _set_aside(given: str | None, reason: str | None) -> list[str]:
    lines = [] if given is None else [escape(m.DOC_SET_ASIDE_GIVEN.format(given=given)) + "\\"]
    return [
        *lines,
        f"**{escape(m.DOC_SET_ASIDE_REASON.format(reason=reason or m.DOC_SET_ASIDE))}**",
    ]


def _facts(facts: tuple[tuple[str, str], ...]) -> list[str]:
    """A label-and-value table with its header row, as in the Word document."""
    rows = tuple(((label,), (value,)) for label, value in facts)
    return _table(TableAnswer(headers=m.DOC_FACTS_HEADERS, rows=rows, notes=((),) * len(rows)))


def _section(section: SectionView) -> list[list[str]]:
    # The section's introduction is addressed to the person filling it in: left out.
    blocks = [[f"## {escape(section.heading)}"]]
    for question in section.questions:
        blocks.append([f"### {escape(question.label)}"])
        answer = _answer(question.answer)
        if answer:
            blocks.append(answer)
        if question.reviewed:
            blocks.append([f"*{escape(question.reviewed)}*"])
        blocks.extend(_set_aside(given, reason) for given, reason in question.set_aside)
        if question.note:
            blocks.append([escape(question.note)])
    return blocks


def _decision(decision: DecisionView) -> list[list[str]]:
    marks = (m.DOC_UNCHECKED, m.DOC_CHECKED)
    blocks = [
        [f"## {escape(m.DOC_DECISION_HEADING)}"],
        [f"*{escape(decision.lead)}*"],
        [f"### {escape(m.DOC_DECISION_SUBJECT)}"],
        _facts(decision.subject),
        [f"### {escape(m.DOC_DECISION_TAKEN)}"],
        # A list of boxes: one outcome a line, as on paper.
        [f"- {marks[ticked]} {escape(label)}" for label, ticked in decision.outcomes],
    ]
    if decision.facts:
        blocks.append(_facts(decision.facts))
    for row in decision.lines:
        blocks.extend(
            [f"{escape(line.caption)}: {escape(line.filled) or SIGN_LINE}"] for line in row
        )
    return blocks


def _follow_up(follow_up: FollowUpView) -> list[list[str]]:
    blocks = [[f"## {escape(follow_up.heading)}"], _facts(follow_up.facts)]
    blocks.append([f"### {escape(m.DOC_FOLLOW_UP_MEASUREMENTS)}"])
    blocks.append(_table(follow_up.measurements))
    blocks.append([f"*{escape(follow_up.rule)}*"])
    if follow_up.figure is not None:
        # One file, no picture: the chart's numbers in words, as its alternative text.
        blocks.append([f"*{escape(m.DOC_CHART_IN_WORDS)}* {escape(follow_up.figure.alt)}"])
    blocks.append([f"### {escape(m.DOC_FOLLOW_UP_ASSESSMENT)}"])
    blocks.append([escape(follow_up.assessment)])
    return blocks


def _blocks(view: DocumentView) -> list[list[str]]:
    """The document as Markdown blocks; blank lines go between blocks."""
    blocks: list[list[str]] = [[f"# {escape(view.title)}"], [escape(view.subtitle)]]
    if view.draft:
        blocks.append([f"**{escape(view.kind)}** – {escape(view.lead or '')}"])
    else:
        blocks.append([f"**{escape(view.kind)}**"])
    blocks.append([escape(m.DOC_ISSUER.format(issuer=view.issuer))])
    blocks.append([f"**{escape(m.DOC_FACTS_CAPTION)}**"])
    blocks.append(_facts(view.facts))
    notice = view.notice
    blocks.append([f"## {escape(notice.title)}"])
    blocks.append([escape(notice.source)])
    # The city's words as a quote; kontoguide's note after it, apart.
    blocks.append("\n>\n".join(f"> {escape(text)}" for text in notice.paragraphs).split("\n"))
    if notice.note:
        blocks.append([f"**{escape(notice.note_heading)}**"])
        blocks.extend([escape(text)] for text in notice.note)
    blocks.append([escape(notice.acknowledgement)])
    if view.missing:
        blocks.append([f"## {escape(m.DOC_MISSING_HEADING.format(count=len(view.missing)))}"])
        blocks.append([f"- {escape(item)}" for item in view.missing])
    for section in view.sections:
        blocks.extend(_section(section))
    if view.decision is not None:
        blocks.extend(_decision(view.decision))
    for section in view.start:
        blocks.extend(_section(section))
    for follow_up in view.follow_ups:
        blocks.extend(_follow_up(follow_up))
    for section in view.closing:
        blocks.extend(_section(section))
    if view.history is not None:
        blocks.append([f"## {escape(m.DOC_HISTORY_HEADING)}"])
        blocks.append(_table(view.history))
    blocks.append([escape(view.about)])
    return blocks


def render(view: DocumentView) -> str:
    text = "\n\n".join("\n".join(block) for block in _blocks(view)) + "\n"
    # Markdown has no page header: what the header says on every page (the state and
    # the case number; UTKAST on a draft) comes first, for e-mail previews.
    # The draft mark stands once, under the title.
    top = escape(view.header_state)
    return f"{top}\n\n{text}"
