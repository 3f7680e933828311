"""The Word document as independent readers read it: pandoc and mammoth.

Neither reader knows kontoguide or python-docx: pandoc maps Word's styles (Title,
Heading 1/2, Quote) to a document outline, mammoth to HTML with its default style map,
which is what a converter, a screen reader's web view or an archive's text extraction
sees. Each export (both examples, and the document of every state) must read as
the title, one h1 per part (each of the guide's steps once), an h2 per question,
Ja/Nej as words, the Schrems II notice in the city's words, and tables with their
header row and one row per item.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import mammoth
import pypandoc
import pytest

from export_support import EXAMPLES, NOW
from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.documents.document import build
from kontoguide.documents.export import render
from kontoguide.documents.view import DocumentView, SectionView, TableAnswer, YesNoAnswer
from kontoguide.store import drafts
from kontoguide.store.storage import Store
from test_document_states import CASES

# Every state's document, and the two examples the README shows.
DOCUMENTS = {**{name: (example, change) for name, (example, change, _) in CASES.items()}}
DOCUMENTS["komplett"] = ("komplett", None)
DOCUMENTS["med-fel"] = ("med-fel", None)


def _words(text: str) -> str:
    return " ".join(text.split())


# --- the readers' output, as a list of blocks -------------------------------------------


@dataclass
class Read:
    """What a reader found: the title, then blocks in order.

    A block is ("h1"|"h2", text), ("p", text), ("quote", text), ("li", text) or
    ("table", rows) where rows are lists of cell texts, the header row first.
    """

    title: str
    blocks: list[tuple[str, Any]] = field(default_factory=list)

    def headings(self, level: int) -> list[str]:
        return [text for kind, text in self.blocks if kind == f"h{level}"]

    def after(self, heading: str, level: int = 2) -> list[tuple[str, Any]]:
        """The blocks under the first heading `heading`, to the next heading."""
        start = self.blocks.index((f"h{level}", heading)) + 1
        found = []
        for block in self.blocks[start:]:
            if block[0] in ("h1", "h2"):
                break
            found.append(block)
        return found


def _inlines(items: list[dict[str, Any]]) -> str:
    out = []
    for item in items:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "SmallCaps", "Strikeout"):
            out.append(_inlines(content))
        elif kind in ("Span", "Link"):
            out.append(_inlines(content[1]))
        elif kind == "Quoted":
            out.append(f"”{_inlines(content[1])}”")
        elif kind == "Image":
            out.append("")
        else:  # pragma: no cover - a kind the document does not produce
            raise AssertionError(f"pandoc inline {kind}")
    return _words("".join(out))


def _pandoc_cells(row: list[Any]) -> list[str]:
    # A row is [attr, cells]; a cell is [attr, alignment, rowspan, colspan, blocks].
    cells = []
    for cell in row[1]:
        assert cell[2] == 1 and cell[3] == 1, "a merged cell"
        cells.append(_words(" ".join(_pandoc_block_text(b) for b in cell[4])))
    return cells


def _pandoc_block_text(block: dict[str, Any]) -> str:
    if block["t"] in ("Para", "Plain"):
        return _inlines(block["c"])
    raise AssertionError(f"pandoc block in a cell: {block['t']}")  # pragma: no cover


def _pandoc_blocks(blocks: list[dict[str, Any]], read: Read) -> None:
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind == "Header":
            read.blocks.append((f"h{content[0]}", _inlines(content[2])))
        elif kind in ("Para", "Plain"):
            read.blocks.append(("p", _inlines(content)))
        elif kind == "BlockQuote":
            read.blocks += [("quote", _inlines(b["c"])) for b in content]
        elif kind in ("BulletList", "OrderedList"):
            items = content if kind == "BulletList" else content[1]
            for item in items:
                read.blocks.append(("li", _words(" ".join(_inlines(b["c"]) for b in item))))
        elif kind == "Table":
            # [attr, caption, colspecs, head, bodies, foot]; head = [attr, rows];
            # body = [attr, row head columns, head rows, rows].
            head, bodies = content[3], content[4]
            rows = [_pandoc_cells(row) for row in head[1]]
            for body in bodies:
                rows += [_pandoc_cells(row) for row in body[2] + body[3]]
            read.blocks.append(("table", rows))
        elif kind == "Div":
            _pandoc_blocks(content[1], read)
        else:  # pragma: no cover - a kind the document does not produce
            raise AssertionError(f"pandoc block {kind}")


def read_with_pandoc(path: Path) -> Read:
    pandoc = pypandoc.get_pandoc_path()
    done = subprocess.run(
        [pandoc, "--from", "docx", "--to", "json", str(path)],
        capture_output=True,
        check=True,
    )
    ast = json.loads(done.stdout)
    meta = ast["meta"]
    title = _inlines(meta["title"]["c"]) if "title" in meta else ""
    read = Read(title)
    _pandoc_blocks(ast["blocks"], read)
    return read


class _MammothHtml(HTMLParser):
    """mammoth's HTML as blocks; tables as rows of cell texts."""

    BLOCKS = ("h1", "h2", "h3", "p", "li")

    def __init__(self) -> None:
        super().__init__()
        self.read = Read("")
        self.text: list[str] | None = None
        self.kind = ""
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.spans: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
            self.spans += [name for name, _ in attrs if name in ("colspan", "rowspan")]
        elif tag in self.BLOCKS and self.cell is None:
            self.text, self.kind = [], tag
        elif tag == "br" and self.text is not None:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.rows is not None:
            self.rows[-1].append(_words(" ".join(self.cell)))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self.read.blocks.append(("table", self.rows))
            self.rows = None
        elif tag == self.kind and self.text is not None:
            self.read.blocks.append((tag, _words("".join(self.text))))
            self.text = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.text is not None:
            self.text.append(data)


def read_with_mammoth(path: Path) -> Read:
    with path.open("rb") as file:
        html = mammoth.convert_to_html(file).value
    parser = _MammothHtml()
    parser.feed(html)
    read = parser.read
    assert not parser.spans, "a merged cell"
    # mammoth's default style map has no Title: the title is the first paragraph.
    kind, first = read.blocks[0]
    read.title = first if kind == "p" else ""
    return read


# --- the documents ------------------------------------------------------------------------


@dataclass
class Exported:
    view: DocumentView
    pandoc: Read
    mammoth: Read


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, checklist: Checklist) -> dict[str, Exported]:
    found: dict[str, Exported] = {}
    for name, (example, change) in DOCUMENTS.items():
        folder = tmp_path_factory.mktemp(name)
        data = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
        if change is not None:
            change(data)
        answers = folder / "svar.json"
        answers.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        record, _ = drafts.from_answers(answers, checklist, Store(folder / "records"))
        path = folder / f"{name}.docx"
        path.write_bytes(render(record, checklist, "docx", now=NOW))
        view = build(record, checklist, now=NOW)
        found[name] = Exported(view, read_with_pandoc(path), read_with_mammoth(path))
    return found


READERS = ["pandoc", "mammoth"]
NAMES = list(DOCUMENTS)


def reading(exported: dict[str, Exported], name: str, reader: str) -> tuple[DocumentView, Read]:
    found = exported[name]
    return found.view, getattr(found, reader)


def expected_outline(view: DocumentView) -> list[tuple[str, str]]:
    """The h1 and h2 headings the document should have, in order."""

    def section(part: SectionView) -> list[tuple[str, str]]:
        return [("h1", part.heading)] + [("h2", q.label) for q in part.questions]

    outline = [("h1", view.notice.title)]
    if view.missing:
        outline.append(("h1", m.DOC_MISSING_HEADING.format(count=len(view.missing))))
    for part in view.sections:
        outline += section(part)
    if view.decision is not None:
        outline += [("h1", m.DOC_DECISION_HEADING), ("h2", m.DOC_DECISION_SUBJECT)]
        outline.append(("h2", m.DOC_DECISION_TAKEN))
    for part in view.start:
        outline += section(part)
    for follow_up in view.follow_ups:
        outline += [("h1", follow_up.heading), ("h2", m.DOC_FOLLOW_UP_MEASUREMENTS)]
        outline.append(("h2", m.DOC_FOLLOW_UP_ASSESSMENT))
    for part in view.closing:
        outline += section(part)
    if view.history is not None:
        outline.append(("h1", m.DOC_HISTORY_HEADING))
    return [(level, _words(text)) for level, text in outline]


# --- the tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", NAMES)
def test_the_title_is_read_first(exported: dict[str, Exported], name: str, reader: str) -> None:
    view, read = reading(exported, name, reader)
    assert view.title.startswith("Nytt konto i sociala medier: ")
    assert read.title == _words(view.title)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", NAMES)
def test_one_h1_per_part_and_an_h2_per_question(
    exported: dict[str, Exported], name: str, reader: str, checklist: Checklist
) -> None:
    view, read = reading(exported, name, reader)
    outline = [(kind, text) for kind, text in read.blocks if kind in ("h1", "h2", "h3")]
    assert outline == expected_outline(view)
    # Each of the guide's five steps is one part, under its own title.
    steps = [s for s in checklist.sections if s.number is not None and s.stage == "ready"]
    assert len(steps) == 5
    for step in steps:
        heading = m.DOC_STEP_HEADING.format(number=step.number, title=step.title)
        assert read.headings(1).count(_words(heading)) == 1, heading
    assert all(text for kind, text in read.blocks if kind in ("h1", "h2")), "an empty heading"


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", ["komplett", "med-fel", "ready"])
def test_yes_and_no_are_words(exported: dict[str, Exported], name: str, reader: str) -> None:
    view, read = reading(exported, name, reader)
    asked = [
        (q.label, q.answer.value)
        for part in view.sections
        for q in part.questions
        if isinstance(q.answer, YesNoAnswer)
    ]
    assert len(asked) >= 3
    for label, value in asked:
        first = read.after(_words(label))[0]
        assert first == ("p", m.DOC_YES if value else m.DOC_NO), label


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", NAMES)
def test_the_notice_in_the_citys_words_comes_first(
    exported: dict[str, Exported], name: str, reader: str, checklist: Checklist
) -> None:
    _, read = reading(exported, name, reader)
    under = read.after(_words(checklist.notice.title), level=1)
    city = [_words(text) for text in checklist.notice.text.split("\n\n") if text.strip()]
    source = ("p", m.DOC_NOTICE_SOURCE)
    start = under.index(source) + 1
    # pandoc reads the city's words as a quotation (the style is based on Word's Quote);
    # mammoth's default style map knows no quotation, so they are paragraphs.
    kind = "quote" if reader == "pandoc" else "p"
    assert under[start : start + len(city)] == [(kind, text) for text in city]
    assert read.blocks.index(("h1", _words(checklist.notice.title))) == min(
        i for i, (k, _) in enumerate(read.blocks) if k == "h1"
    )
    note = [text for _, text in under if "men rådet gäller fortfarande" in text]
    assert note and note[0] not in city  # our note, apart from the city's words


def _tables(view: DocumentView) -> list[tuple[str, TableAnswer]]:
    found = [
        (q.label, q.answer)
        for part in (*view.sections, *view.start, *view.closing)
        for q in part.questions
        if isinstance(q.answer, TableAnswer)
    ]
    found += [(m.DOC_FOLLOW_UP_MEASUREMENTS, f.measurements) for f in view.follow_ups]
    return found


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", ["komplett", "med-fel", "closed"])
def test_tables_read_with_their_header_and_a_row_per_item(
    exported: dict[str, Exported], name: str, reader: str
) -> None:
    view, read = reading(exported, name, reader)
    tables = [rows for kind, rows in read.blocks if kind == "table"]
    # The facts table first: its header row, then a label and a value a row.
    head = [list(m.DOC_FACTS_HEADERS)]
    assert tables[0] == head + [[label, _words(value)] for label, value in view.facts]
    expected = [
        [list(answer.headers)] + [[_words(" ".join(cell)) for cell in row] for row in answer.rows]
        for _, answer in _tables(view)
    ]
    assert expected
    for rows in expected:
        assert rows in tables, rows[0]
    # A row's notes (a goal's source) are a list under its table, named by the row.
    for label, answer in _tables(view):
        notes = [line for note in answer.notes for line in note]
        if label == m.DOC_FOLLOW_UP_MEASUREMENTS or not notes:
            continue
        listed = [text for kind, text in read.after(_words(label)) if kind == "li"]
        assert len(listed) == len(notes)
        rows = [r for r, n in zip(answer.rows, answer.notes, strict=True) for _ in n]
        for text, row in zip(listed, rows, strict=True):
            assert text.startswith(_words(" ".join(row[0])) + " – ")


def test_the_goal_table_keeps_its_source_under_it(exported: dict[str, Exported]) -> None:
    _, read = reading(exported, "komplett", "pandoc")
    under = read.after("Mätbara mål")
    assert under[0][0] == "table" and "Källa" not in under[0][1][0]
    assert ("li", "Kontot når målgruppen – Källa: Instagram Insights, kvartalsvis uttag") in under


@pytest.mark.parametrize("reader", READERS)
def test_a_set_aside_answer_reads_with_its_reason(
    exported: dict[str, Exported], reader: str
) -> None:
    view, read = reading(exported, "med-fel", reader)
    shown = [
        (q.label, given, reason)
        for part in view.sections
        for q in part.questions
        for given, reason in q.set_aside
        if given is not None
    ]
    assert shown
    for label, given, reason in shown:
        texts = [text for _, text in read.after(_words(label))]
        assert _words(m.DOC_SET_ASIDE_GIVEN.format(given=given)) in texts
        assert _words(m.DOC_SET_ASIDE_REASON.format(reason=reason or m.DOC_SET_ASIDE)) in texts
