"""A variant's base document fitted to the record kontoguide files (issue 19).

Word's templates are often in Letter size, and a logo often has no alternative text
where Word and screen readers read it (wp:docPr). Every export writes A4 and gives
each image of the base's header and footer an alternative text or marks it
decorative; `kontoguide checklist check` tells the author what was changed.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Mm
from typer.testing import CliRunner

from kontoguide.checklist.loading import load_checklist_file
from kontoguide.cli.app import app
from kontoguide.documents import messages as m
from kontoguide.documents.docx_look import open_base, prepare
from test_checklist_files import good_docx, rezip, variant_with_base

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_BASE = ROOT / "examples" / "kulturforvaltningen-mall.docx"
LETTER = '<w:pgSz w:w="12240" w:h="15840"/>'
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


def _with_page(data: bytes, page: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    body, count = re.subn(r"<w:pgSz [^>]*/>", page, body)
    assert count == 1
    return rezip(data, replace={"word/document.xml": body.encode("utf-8")})


def _with_logo(data: bytes, outer: str, inner: str) -> bytes:
    """The example base with its logo's two descriptions (wp:docPr, pic:cNvPr) replaced."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = archive.read("word/header1.xml").decode("utf-8")
    header, outer_count = re.subn(r"<wp:docPr [^>]*/>", f'<wp:docPr id="1" {outer}/>', header)
    header, inner_count = re.subn(r"<pic:cNvPr [^>]*/>", f'<pic:cNvPr id="0" {inner}/>', header)
    assert outer_count == inner_count == 1
    return rezip(data, replace={"word/header1.xml": header.encode("utf-8")})


def _opened(tmp_path: Path, content: bytes) -> tuple[docx.document.Document, tuple[str, ...]]:
    path = variant_with_base(tmp_path, "mallprov", content)
    checklist = load_checklist_file(path)
    base = checklist.base_docx_path()
    assert base is not None
    return open_base(base, checklist.source)


def _exported(tmp_path: Path, content: bytes) -> docx.document.Document:
    """The base as every export prepares it, saved and read back."""
    path = variant_with_base(tmp_path, "mallprov", content)
    checklist = load_checklist_file(path)
    out = io.BytesIO()
    prepare(checklist.base_docx_path(), checklist.source).save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


def _logo_properties(document: docx.document.Document) -> list[object]:
    header = document.sections[0].header._element
    return list(
        header.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    )


def test_the_shipped_example_base_needs_no_fitting(tmp_path: Path, home: Path) -> None:
    _, notes = _opened(tmp_path, EXAMPLE_BASE.read_bytes())
    assert notes == ()


@pytest.mark.parametrize(
    ("page", "landscape"),
    [(LETTER, False), ('<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>', True)],
)
def test_a_letter_base_is_written_in_a4_keeping_its_margins(
    tmp_path: Path, home: Path, page: str, landscape: bool
) -> None:
    document = _exported(tmp_path, _with_page(EXAMPLE_BASE.read_bytes(), page))
    section = document.sections[0]
    size = (section.page_width, section.page_height)
    a4 = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    assert all(abs(got - want) < Mm(1) for got, want in zip(size, a4, strict=True))
    # The example's own margins (1800 twips, about 3.2 cm) are kept.
    assert abs(section.left_margin - Cm(3.175)) < Mm(1)


def test_the_author_hears_that_the_page_was_changed(tmp_path: Path, home: Path) -> None:
    _, notes = _opened(tmp_path, _with_page(EXAMPLE_BASE.read_bytes(), LETTER))
    assert notes == (m.B_FIT_PAGE.format(size=m.B_FIT_LETTER),)


def test_another_size_is_named_in_centimetres(tmp_path: Path, home: Path) -> None:
    legal = '<w:pgSz w:w="12240" w:h="20160"/>'
    _, notes = _opened(tmp_path, _with_page(EXAMPLE_BASE.read_bytes(), legal))
    assert notes == (m.B_FIT_PAGE.format(size="21,6 × 35,6 cm"),)


def test_a_base_without_a_page_size_gets_a4(tmp_path: Path, home: Path) -> None:
    document, notes = _opened(tmp_path, _with_page(EXAMPLE_BASE.read_bytes(), ""))
    assert notes == (m.B_FIT_PAGE_UNSET,)
    assert abs(document.sections[0].page_height - Mm(297)) < Mm(1)


def test_margins_that_leave_no_room_in_a4_are_reset(tmp_path: Path, home: Path) -> None:
    data = _with_page(EXAMPLE_BASE.read_bytes(), LETTER)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    body = re.sub(
        r'w:right="\d+"', 'w:right="3400"', re.sub(r'w:left="\d+"', 'w:left="3400"', body)
    )
    document, notes = _opened(tmp_path, rezip(data, replace={"word/document.xml": body.encode()}))
    assert m.B_FIT_MARGINS in notes
    section = document.sections[0]
    assert section.page_width - section.left_margin - section.right_margin >= Cm(10)


def test_an_alternative_text_only_in_the_picture_is_moved_where_readers_look(
    tmp_path: Path, home: Path
) -> None:
    content = _with_logo(
        EXAMPLE_BASE.read_bytes(), 'name="Logga"', 'name="a.png" descr="Kulturförvaltningen"'
    )
    _, notes = _opened(tmp_path, content)
    assert notes == (m.B_FIT_ALT_MOVED.format(name="Logga"),)
    (properties,) = _logo_properties(_exported(tmp_path / "ut", content))
    assert properties.get("descr") == "Kulturförvaltningen"


def test_a_logo_without_any_alternative_text_is_marked_decorative(
    tmp_path: Path, home: Path
) -> None:
    content = _with_logo(EXAMPLE_BASE.read_bytes(), 'name="Logga"', 'name="a.png"')
    _, notes = _opened(tmp_path, content)
    assert notes == (m.B_FIT_DECORATIVE.format(name="Logga"),)
    (properties,) = _logo_properties(_exported(tmp_path / "ut", content))
    assert not properties.get("descr")
    marks = [e for e in properties.iter() if e.tag.endswith("}ext")]
    assert [e.get("uri") for e in marks] == [DECORATIVE_URI]
    decorative = [e for e in properties.iter() if e.tag.endswith("}decorative")]
    assert [e.get("val") for e in decorative] == ["1"]


def test_a_logo_already_marked_decorative_is_left_as_it_is(tmp_path: Path, home: Path) -> None:
    content = _with_logo(EXAMPLE_BASE.read_bytes(), 'name="Logga"', 'name="a.png"')
    document, _ = _opened(tmp_path, content)
    out = io.BytesIO()
    document.save(out)
    _, notes = _opened(tmp_path / "igen", out.getvalue())
    assert notes == ()


def test_checklist_check_names_what_every_export_changes(tmp_path: Path, home: Path) -> None:
    content = _with_logo(
        _with_page(EXAMPLE_BASE.read_bytes(), LETTER), 'name="Logga"', 'name="a.png"'
    )
    path = variant_with_base(tmp_path, "mallprov", content)
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "varning: " + m.B_FIT_PAGE.format(size=m.B_FIT_LETTER) in said
    assert "varning: " + m.B_FIT_DECORATIVE.format(name="Logga") in said


def test_python_docx_default_page_is_letter_so_good_docx_is_a_fitting_case(
    tmp_path: Path, home: Path
) -> None:
    # good_docx() is the base most variant tests use: it is fitted like any other.
    document, notes = _opened(tmp_path, good_docx())
    assert m.B_FIT_PAGE.format(size=m.B_FIT_LETTER) in notes
    assert abs(document.sections[0].page_width - Mm(210)) < Mm(1)
