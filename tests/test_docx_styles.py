"""docx_look's own style look-up finds and adds styles as python-docx does (issue 23)."""

from __future__ import annotations

import warnings

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from kontoguide.documents import messages as m
from kontoguide.documents.docx_look import _Styles, define_own_styles
from kontoguide.documents.docx_writer import DocxWriter


def _xml(document: object) -> bytes:
    return etree.tostring(document.styles.element)  # type: ignore[attr-defined]


def test_every_style_is_found_as_python_docx_finds_it() -> None:
    document = docx.Document()
    index = _Styles(document)
    for style in document.styles:
        assert index.get(style.name).element is document.styles[style.name].element
    assert index.get("Heading 1").element is document.styles["Heading 1"].element
    assert index.get("Ingen sådan stil") is None


def test_a_style_found_only_by_its_id_is_found_with_python_docxs_warning() -> None:
    document = docx.Document()
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        found = _Styles(document).get("Heading1")
    assert found.element is document.styles["Heading 1"].element
    assert any("deprecated" in str(warning.message) for warning in said)


@pytest.mark.parametrize("base", ["Normal", "Header", "Quote"])
def test_an_added_style_is_the_one_add_style_makes(base: str) -> None:
    ours, theirs = docx.Document(), docx.Document()
    _Styles(ours).paragraph_style(m.STYLE_ANSWER, base)
    style = theirs.styles.add_style(m.STYLE_ANSWER, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = theirs.styles[base]
    style.quick_style = True
    assert _xml(ours) == _xml(theirs)


def test_a_missing_base_style_is_refused_as_before() -> None:
    with pytest.raises(KeyError):
        _Styles(docx.Document()).paragraph_style(m.STYLE_ANSWER, "Ingen sådan stil")


def test_styles_already_there_are_kept_and_set_up_once() -> None:
    document = docx.Document()
    define_own_styles(document)
    first = _xml(document)
    define_own_styles(document)
    assert _xml(document) == first


@pytest.mark.parametrize("before", ["new", "with properties", "with text"])
def test_a_paragraphs_style_is_set_as_python_docx_sets_it(before: str) -> None:
    documents = []
    for ours in (True, False):
        document = docx.Document()
        define_own_styles(document)
        paragraph = document.add_paragraph("text" if before == "with text" else "")
        if before == "with properties":
            paragraph.paragraph_format.keep_with_next = True
        writer = DocxWriter(document)
        if ours:
            writer.style(paragraph, m.STYLE_ANSWER)
        else:
            paragraph._p.style = writer.ids[m.STYLE_ANSWER]
        documents.append(etree.tostring(document.element.body))
    assert documents[0] == documents[1]
    assert b"w:pStyle" in documents[0]
