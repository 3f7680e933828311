"""The Word document's core properties (title, author, ...) hold at most 255 characters.

The answers they come from may be 300 characters long: the export shortens them
at a word boundary instead of failing.
"""

from __future__ import annotations

from typing import Any

import pytest

from export_support import NOW, open_docx
from kontoguide.checklist.parts import Checklist
from kontoguide.documents.export import render
from kontoguide.documents.render_docx import CORE_PROPERTY_MAX, core_text
from kontoguide.store import drafts

WORDS = "Stockholms stadsbibliotek unga läsare " * 9  # 342 characters, many words


def long_record(checklist: Checklist, answers: dict[str, Any], name: str) -> Any:
    answers["account_name"] = name[:300].strip()
    # The document is named after the proposed account name.
    answers["step3"]["proposed_account_name"] = name[:300].strip()
    answers["organisation"]["name"] = ("Kulturförvaltningen " * 15)[:300].strip()
    answers["step2"]["responsible"]["name"] = ("Anna-Karin " * 27 + "Lind")[-300:].strip()
    record, found = drafts.prefilled(answers, checklist, "lang0001")
    assert found == [], found
    return record


@pytest.mark.parametrize(
    "name", [WORDS, "Stockholmsstadsbibliotek" + "x" * 276], ids=["words", "one-word"]
)
def test_long_answers_are_shortened_in_every_core_property(
    checklist: Checklist, complete_answers: dict[str, Any], name: str
) -> None:
    record = long_record(checklist, complete_answers, name)
    document = open_docx(render(record, checklist, "docx", now=NOW))
    props = document.core_properties
    texts = {
        "title": props.title,
        "subject": props.subject,
        "author": props.author,
        "last_modified_by": props.last_modified_by,
        "keywords": props.keywords,
        "category": props.category,
        "identifier": props.identifier,
        "comments": props.comments,
        "language": props.language,
    }
    for key, text in texts.items():
        assert len(text) <= CORE_PROPERTY_MAX, key
    assert props.title.endswith("…") and props.subject.endswith("…")
    assert props.author.endswith("…")
    # The start of what the user wrote is there, word for word.
    assert record.step3.proposed_account_name[:100] in props.title


def test_core_text_cuts_at_a_word_boundary() -> None:
    text = "ord " * 100
    short = core_text(text)
    assert len(short) <= CORE_PROPERTY_MAX
    assert short.endswith("ord…")
    assert core_text("kort titel") == "kort titel"
    assert core_text("x" * 300) == "x" * (CORE_PROPERTY_MAX - 1) + "…"
    assert core_text("a" * 250 + " " + "b" * 10, limit=255) == "a" * 250 + "…"
