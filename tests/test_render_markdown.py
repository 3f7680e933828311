"""The Markdown export: same content as the document, every answer shown literally."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from export_support import NOW, display, draft_record, example_record, yes_no
from kontoguide.checklist.parts import Checklist
from kontoguide.documents.document import build
from kontoguide.documents.labels import question_label
from kontoguide.documents.render_markdown import escape, escape_cell, render
from kontoguide.model import paths
from kontoguide.model.record import Record
from kontoguide.rules.completeness import applicable

# CommonMark with GitHub tables: what the intranet and most mail clients understand.
MD = MarkdownIt("commonmark").enable("table")


def html_text(text: str) -> str:
    """`text` as markdown-it prints literal text in HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@pytest.fixture
def record(tmp_path: Path, checklist: Checklist) -> Record:
    return example_record(tmp_path / "records", checklist)


@pytest.fixture
def markdown(record: Record, checklist: Checklist) -> str:
    return render(build(record, checklist, now=NOW))


def outline(markdown: str) -> dict[str, dict[str, str]]:
    """Section heading (##) → question heading (###) → the text under it."""
    found: dict[str, dict[str, str]] = {}
    section: dict[str, str] = {}
    question = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            section = found.setdefault(line[3:], {})
            question = ""
        elif line.startswith("### "):
            question = line[4:]
            section[question] = ""
        elif question:
            section[question] += line + "\n"
    return found


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_title_and_headings_in_order(markdown: str, checklist: Checklist) -> None:
    lines = markdown.splitlines()
    # What the Word document's header says on every page comes first.
    assert lines[0] == "Startat · Diarienummer KUF 2026/1187"
    assert lines[2] == "# Nytt konto i sociala medier: Stadsbiblioteket Unga – Stockholms stad"
    assert lines[4] == "Checklista för att starta ett nytt konto i sociala medier"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    expected = [checklist.notice.title, "Om verksamheten och kontot"]
    expected += [f"Steg {s.number}: {s.title}" for s in checklist.steps]
    assert headings == [*expected, "Beslut", "Kontot startas", "Historik"]


def test_every_answer_is_under_its_question(
    markdown: str, record: Record, checklist: Checklist
) -> None:
    data = record.model_dump(mode="json")
    sections = outline(markdown)
    # Up to the start: the example's account has started, not closed.
    for section, question in checklist.questions("started"):
        # The decision has its own block (test_document_states); the rest are questions.
        if not applicable(question, data) or section.stage == "decided":
            continue
        if question.field == "account_name":
            continue  # the working name is not the reader's business
        heading = next(h for h in sections if h.endswith(section.title))
        body = unescape(sections[heading][question_label(question)])
        value = paths.get(data, question.field)
        if question.kind == "list":
            rows = [line for line in body.splitlines() if line.startswith("| ")][1:]
            assert len(rows) == len(value)
            # A field listed under the table (a goal's source) is named by its row's first cell.
            below = [line for line in body.splitlines() if line.startswith("- ")]
            for index, row in enumerate(rows):
                first = row.split(" | ")[0].removeprefix("| ")
                rows[index] = row + " ".join(t for t in below if t.startswith(f"- {first} – "))
            for row, item in zip(rows, value, strict=True):
                for field in question.fields:
                    if item.get(field.field) is not None:
                        assert display(field, item[field.field], checklist).split(" – ")[0] in row
        elif question.kind == "yesno":
            assert body.strip() == yes_no(value)
        elif question.kind == "multichoice":
            assert body.count("- ☒ ") == len(value)
        elif value is not None:
            # A hard line break is a backslash before the newline.
            assert display(question, value, checklist) in body.replace("\\\n", "\n")


def test_facts_notice_and_decision(markdown: str, record: Record) -> None:
    # The id and the checklist version are in the last line, not among the facts.
    assert f"| Id i kontoguide | {record.id}" not in markdown
    last = markdown.rstrip("\n").splitlines()[-1]
    assert last.startswith("Om dokumentet:") and f"Id i kontoguide: {record.id}." in last
    assert "stockholm-standard, version 2026.5" in last
    assert "\nUtfärdat av: Kulturförvaltningen, Stockholms stadsbibliotek" in markdown
    assert "> Just nu avråder stadsledningskontoret" in markdown
    assert "<br>" not in markdown
    assert "Bekräftat att rådet är läst: 2026-11-02 kl. 09:14." in markdown
    assert "\n| Beslut | Godkänt |\n" in markdown
    assert "\n| Diarienummer | KUF 2026/1187 |\n" in markdown


def test_the_markdown_renders_to_the_same_headings(markdown: str) -> None:
    html = MD.render(markdown)
    assert html.count("<h2>") == 10
    assert "<table>" in html
    assert "<script" not in html


def test_draft_is_marked_and_lists_what_is_missing(tmp_path: Path, checklist: Checklist) -> None:
    draft = draft_record(tmp_path, checklist, {"account_name": "Konto *utan* mål"})
    text = render(build(draft, checklist, now=NOW))
    assert text.startswith("Utkast · Inget diarienummer\n")
    assert text.count("UTKAST") == 1
    assert "## Det här saknas eller behöver rättas (" in text
    assert "- Steg 2: Syfte – Frågan är inte besvarad." in text
    assert "Konto \\*utan\\* mål" in text
    assert "\nInte besvarad\n" in text


def test_goal_table_has_the_effect_in_a_column(markdown: str) -> None:
    row = next(line for line in markdown.splitlines() if line.startswith("| Fler unga"))
    assert " | Informerad | " in row
    assert "| 400 anmälningar per lov |" in row


# --- escaping -----------------------------------------------------------------

PIECES = st.one_of(
    st.sampled_from([*"*_#|`[]\\~<>&!-+=.()\"' \t\n", "1.", "1)", "---", "    ", "😀", "å"]),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=40).map("".join))
def test_any_text_renders_literally_as_a_paragraph(text: str) -> None:
    text = text.strip(" \t\n")
    if not text:
        return
    html = MD.render(escape(text))
    expected = html_text(text).replace("\n", "<br />\n")
    assert html == f"<p>{expected}</p>\n"


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join))
def test_any_text_renders_literally_in_a_table_cell(text: str) -> None:
    text = text.strip(" \t\n")
    if not text:
        return
    table = f"| Rubrik |\n|---|\n| {escape_cell(text)} |\n"
    html = MD.render(table)
    cell = re.search(r"<td>(.*)</td>", html, re.S)
    assert cell is not None, html
    assert cell.group(1) == html_text(text).replace("\n", " / ")


def test_escape_examples() -> None:
    assert escape("# inte en rubrik") == "\\# inte en rubrik"
    assert escape("1. inte en lista") == "1\\. inte en lista"
    assert escape("a\nb") == "a\\\nb"
    assert escape("<b>&amp;</b>") == "\\<b\\>\\&amp;\\</b\\>"
    assert escape_cell("a|b\nc") == "a\\|b / c"


def test_forbidden_characters_are_replaced(record: Record, checklist: Checklist) -> None:
    step1 = record.step1.model_copy(update={"environment_scan": "a\x00b"})
    broken = record.model_copy(update={"step1": step1})
    text = render(build(broken, checklist, now=datetime(2026, 11, 26, tzinfo=UTC)))
    assert "a\ufffdb" in text
    assert "\x00" not in text
