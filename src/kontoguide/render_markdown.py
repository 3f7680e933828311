"""The checklist as Markdown (CommonMark with GitHub tables), for e-mail and the intranet.

Same content and order as the Word document (both walk document.DocumentView).
Every answer is escaped so that it shows exactly as written: `*`, `_`, `#`, `<`,
`&`, `|` and friends never turn into formatting, HTML or a broken table, and a
line break inside an answer stays a line break.
"""

from __future__ import annotations

import re

from kontoguide import messages as m
from kontoguide.document import (
    Answer,
    ChecksAnswer,
    DocumentView,
    NoAnswer,
    TableAnswer,
    TextAnswer,
    YesNoAnswer,
)
from kontoguide.textsafe import xml_safe

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


def escape_cell(text: str) -> str:
    """User text inside a table cell: a table row must stay on one line."""
    lines = [escape_line(line) for line in xml_safe(text).split("\n")]
    return "<br>".join(lines)


def yes_no(value: bool) -> str:
    yes = m.DOC_CHECKED if value else m.DOC_UNCHECKED
    no = m.DOC_UNCHECKED if value else m.DOC_CHECKED
    return f"{yes} {m.DOC_YES}    {no} {m.DOC_NO}"


def _table(table: TableAnswer) -> list[str]:
    out = ["| " + " | ".join(escape_cell(h) for h in table.headers) + " |"]
    out.append("|" + "|".join("---" for _ in table.headers) + "|")
    for row, note in zip(table.rows, table.notes, strict=True):
        cells = ["<br>".join(escape_cell(line) for line in cell) for cell in row]
        # A Markdown table cannot span columns: a row's note goes into its first cell.
        if note:
            cells[0] = "<br>".join([cells[0], *(escape_cell(line) for line in note)])
        out.append("| " + " | ".join(cells) + " |")
    return out


def _answer(answer: Answer) -> list[str]:
    if isinstance(answer, NoAnswer):
        return [f"*{escape(m.DOC_SET_ASIDE if answer.set_aside else m.DOC_NOT_ANSWERED)}*"]
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


def _blocks(view: DocumentView) -> list[list[str]]:
    """The document as Markdown blocks; blank lines go between blocks."""
    blocks: list[list[str]] = [[f"# {escape(view.title)}"]]
    if view.draft:
        # Nothing missing: the draft only waits for the review in kontoguide.
        lead = m.DOC_DRAFT_LEAD if view.missing else m.DOC_DRAFT_LEAD_NOT_REVIEWED
        blocks.append([f"**{m.DOC_DRAFT_MARK}** – {escape(lead)}"])
    blocks.append([f"- **{escape(label)}:** {escape(value)}" for label, value in view.facts])
    if view.draft and view.missing:
        blocks.append([f"## {escape(m.DOC_MISSING_HEADING.format(count=len(view.missing)))}"])
        blocks.append([f"- {escape(item)}" for item in view.missing])
    blocks.append([f"## {escape(view.notice.title)}"])
    blocks.extend([f"> {escape(text)}"] for text in view.notice.paragraphs)
    blocks.append([escape(view.notice.acknowledgement)])
    for section in view.sections:
        blocks.append([f"## {escape(section.heading)}"])
        blocks.append([f"*{escape(section.purpose)}*"])
        for question in section.questions:
            blocks.append([f"### {escape(question.label)}"])
            blocks.append(_answer(question.answer))
            if question.note:
                blocks.append([f"*{escape(question.note)}*"])
    blocks.append([f"## {escape(m.DOC_DECISION_HEADING)}"])
    blocks.append([f"- **{escape(label)}:** {escape(value)}" for label, value in view.decision])
    blocks.append([f"### {escape(m.DOC_SIGN_HEADING)}"])
    for row in view.signature_rows:
        blocks.extend([f"{escape(label)}: {SIGN_LINE}"] for label in row if label)
    return blocks


def render(view: DocumentView) -> str:
    text = "\n\n".join("\n".join(block) for block in _blocks(view)) + "\n"
    if view.draft:
        # Markdown has no page header: repeat the mark at the very top for e-mail previews.
        text = f"**{m.DOC_DRAFT_MARK}**\n\n{text}"
    return text
