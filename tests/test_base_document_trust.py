"""A variant's base document is input from someone else (issue 20).

An exported document holds personal data: it must not reach out when opened (a
template or a picture linked from the network, a file:// link), must not carry the
template's comments, the people who wrote them or its custom properties, and a
base document built to fool the check (two entries of one name, UTF-16 parts) is
refused, by `checklist check` as by install and export.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from kontoguide.checklist.basedoc import problem_in
from kontoguide.checklist.loading import load_checklist_file
from kontoguide.cli.app import app
from kontoguide.documents.docx_look import prepare
from test_checklist_files import good_docx, rezip, variant_with_base

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def rels(*relationships: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
        + "".join(relationships)
        + "</Relationships>"
    ).encode()


def with_header_rel(relationship: str) -> bytes:
    """good_docx() whose header has one more relationship."""
    data = good_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    header = next(n for n in names if n.startswith("word/header") and n.endswith(".xml"))
    rels_name = f"word/_rels/{header.rsplit('/', 1)[1]}.rels"
    return rezip(data, replace={rels_name: rels(relationship)})


def external(kind: str, target: str) -> str:
    return f'<Relationship Id="rId90" Type="{R}/{kind}" Target="{target}" TargetMode="External"/>'


@pytest.mark.parametrize(
    ("kind", "target"),
    [
        ("attachedTemplate", "https://mallar.example/kultur.dotm"),
        ("image", "\\\\server\\delad\\logga.png"),
        ("image", "https://bilder.example/logga.png"),
        ("hyperlink", "file:///C:/Users/anna/hemligt.docx"),
        ("oleObject", "file://server/delad/tabell.xlsx"),
    ],
)
def test_a_base_document_that_reaches_out_is_refused(kind: str, target: str) -> None:
    problem = problem_in(with_header_rel(external(kind, target)))
    assert problem is not None
    assert "hämtar något utanför dokumentet" in problem
    assert target in problem


@pytest.mark.parametrize("target", ["https://start.stockholm/kultur", "mailto:kultur@example.se"])
def test_a_link_the_reader_clicks_is_allowed(target: str) -> None:
    assert problem_in(with_header_rel(external("hyperlink", target))) is None


def test_two_entries_of_one_name_are_refused() -> None:
    data = good_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        with pytest.warns(UserWarning):  # zipfile's own: "Duplicate name"
            target.writestr("word/document.xml", source.read("word/document.xml"))
    problem = problem_in(out.getvalue())
    assert problem is not None and "samma namn" in problem and "word/document.xml" in problem


@pytest.mark.parametrize("part", ["word/_rels/document.xml.rels", "[Content_Types].xml"])
def test_a_part_in_utf16_is_refused(part: str) -> None:
    data = good_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = archive.read(part).decode("utf-8")
    wide = text.replace("UTF-8", "UTF-16").replace("utf-8", "UTF-16").encode("utf-16")
    problem = problem_in(rezip(data, replace={part: wide}))
    assert problem is not None and "UTF-8" in problem and part in problem


def test_checklist_check_checks_the_base_document_too(tmp_path: Path, home: Path) -> None:
    bad = with_header_rel(external("attachedTemplate", "https://mallar.example/x.dotm"))
    path = variant_with_base(tmp_path, "mallkoll", bad)
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    assert result.exit_code == 1, result.output
    assert "hämtar något utanför dokumentet" in " ".join(result.output.split())


COMMENTS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
    '<w:comment w:id="0" w:author="Anna Andersson" w:initials="AA"><w:p><w:r>'
    "<w:t>Glöm inte logotypen</w:t></w:r></w:p></w:comment></w:comments>"
).encode()
CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Handläggare">'
    "<vt:lpwstr>Anna Andersson</vt:lpwstr></property></Properties>"
).encode()


def with_private_parts() -> bytes:
    data = good_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode("utf-8")
        package_rels = archive.read("_rels/.rels").decode("utf-8")
        document_rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    wml = "application/vnd.openxmlformats-officedocument"
    types = types.replace(
        "</Types>",
        f'<Override PartName="/word/comments.xml" ContentType="{wml}.wordprocessingml.'
        'comments+xml"/><Override PartName="/docProps/custom.xml" ContentType="'
        f'{wml}.custom-properties+xml"/></Types>',
    )
    package_rels = package_rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId99" Type="{R}/custom-properties" Target="docProps/custom.xml"/>'
        "</Relationships>",
    )
    document_rels = document_rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId99" Type="{R}/comments" Target="comments.xml"/></Relationships>',
    )
    return rezip(
        data,
        replace={
            "[Content_Types].xml": types.encode(),
            "_rels/.rels": package_rels.encode(),
            "word/_rels/document.xml.rels": document_rels.encode(),
            "word/comments.xml": COMMENTS,
            "docProps/custom.xml": CUSTOM,
        },
    )


def test_the_templates_comments_and_custom_properties_do_not_reach_the_export(
    tmp_path: Path, home: Path
) -> None:
    path = variant_with_base(tmp_path, "privat", with_private_parts())
    assert problem_in((tmp_path / "mall" / "logga.docx").read_bytes()) is None
    checklist = load_checklist_file(path)
    document = prepare(checklist.base_docx_path(), checklist.source)
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(name) for name in names)
    assert "word/comments.xml" not in names and "docProps/custom.xml" not in names
    assert b"Anna Andersson" not in everything
    docx.Document(io.BytesIO(out.getvalue()))  # still a document python-docx opens
