"""Helpers for the export tests: example records and reading a .docx back by structure."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from kontoguide.checklist.parts import Checklist, Question
from kontoguide.model.record import Record
from kontoguide.store import drafts
from kontoguide.store.storage import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)

Block = Paragraph | Table


def example_record(folder: Path, checklist: Checklist) -> Record:
    """examples/komplett.json (approved and started) read in as `kontoguide start --answers
    ... --no-input` does."""
    record, found = drafts.from_answers(EXAMPLES / "komplett.json", checklist, Store(folder))
    assert found == [], found
    assert record.status == "started"  # approved, and the account started
    return record


def draft_record(folder: Path, checklist: Checklist, answers: dict[str, Any]) -> Record:
    """A draft from a partial answers file (what an interrupted questionnaire leaves)."""
    path = folder / "svar.json"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    record, found = drafts.from_answers(path, checklist, Store(folder / "records"))
    assert found, "a draft should have something missing"
    return record


def render_docx(record: Record, checklist: Checklist) -> Document:
    from kontoguide.documents.export import render

    return open_docx(render(record, checklist, "docx", now=NOW))


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def body_blocks(document: Document) -> Iterator[Block]:
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def style_name(block: Block) -> str:
    """The style's name, via a per-document map: python-docx's own lookup is slow."""
    part: Any = block.part
    names = _STYLE_NAMES.get(id(part))
    if names is None:
        names = {style.style_id: style.name for style in part.document.styles}
        _STYLE_NAMES[id(part)] = names
    style_id = block._p.style if isinstance(block, Paragraph) else block._tbl.tblStyle_val
    return names.get(style_id or "", "Normal" if isinstance(block, Paragraph) else "")


_STYLE_NAMES: dict[int, dict[str, str]] = {}


def by_heading(blocks: list[Block], level: int) -> dict[str, list[Block]]:
    """Blocks grouped under the heading of `level` that precedes them."""
    wanted = f"Heading {level}"
    groups: dict[str, list[Block]] = {}
    current: list[Block] | None = None
    for block in blocks:
        if isinstance(block, Paragraph) and style_name(block) == wanted:
            current = groups.setdefault(block.text, [])
        elif (
            isinstance(block, Paragraph)
            and style_name(block).startswith("Heading")
            and (int(style_name(block).split()[-1]) < level)
        ):
            current = None
        elif current is not None:
            current.append(block)
    return groups


def sections(document: Document) -> dict[str, list[Block]]:
    return by_heading(list(body_blocks(document)), 1)


def section_for(document: Document, title: str) -> list[Block]:
    cached = _SECTIONS.get(id(document))
    if cached is None or cached[0] is not document:
        cached = (document, sections(document))
        _SECTIONS[id(document)] = cached
    found = [blocks for heading, blocks in cached[1].items() if title in heading]
    assert len(found) == 1, f"no single section titled {title!r}"
    return found[0]


_SECTIONS: dict[int, tuple[Document, dict[str, list[Block]]]] = {}


def texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks if isinstance(block, Paragraph) and block.text]


def distinct_cells(row: Any) -> list[Any]:
    cells: list[Any] = []
    for cell in row.cells:
        if not any(cell._tc is seen._tc for seen in cells):
            cells.append(cell)
    return cells


def table_items(table: Table) -> list[str]:
    """Per list item: the text of its row plus its full-width note row, if any."""
    items: list[str] = []
    for row in table.rows[1:]:
        cells = distinct_cells(row)
        text = " | ".join(cell.text for cell in cells)
        if len(cells) == 1 and len(table.columns) > 1 and items:
            items[-1] += " | " + text
        else:
            items.append(text)
    return items


def swedish_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def display(question: Question | Any, value: Any, checklist: Checklist) -> str:
    """How one answer should read in the document, worked out without documents.document."""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, int | float):
        return swedish_number(value)
    if question.kind == "choice" and question.choices:
        return checklist.choice_label(question.choices, value)
    return str(value)


def yes_no(value: bool) -> str:
    return "Ja" if value else "Nej"
