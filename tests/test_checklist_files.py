"""Checklist files and base documents as untrusted input (issue #13).

A record names its checklist by id only; only `start --checklist FILE.toml` installs
a checklist; files are read only when they are ordinary files of a sane size; a
base document is checked before python-docx opens it; a checklist that the
questionnaire could not follow is refused when it is loaded.
"""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from cli_support import run_kontoguide, run_python
from export_support import NOW, example_record
from kontoguide.checklist.install import checklist_for_start, install_checklist
from kontoguide.checklist.loading import load_checklist, load_checklist_file
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.cli.app import app
from kontoguide.documents.export import render
from kontoguide.model.errors import ChecklistError, ExitCode, UsageError
from kontoguide.model.record import Record

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "checklists" / "stockholm-standard.toml"
KOMPLETT = ROOT / "examples" / "komplett.json"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and permissions")


def variant_text(checklist_id: str, base_docx: str | None = None, **replace: str) -> str:
    text = SHIPPED.read_text(encoding="utf-8")
    text = text.replace('id = "stockholm-standard"', f'id = "{checklist_id}"', 1)
    if base_docx is not None:
        text = text.replace(
            'organisation = "Stockholms stad"\n',
            f"organisation = \"Stockholms stad\"\nbase_docx = '{base_docx}'\n",
            1,
        )
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def write_variant(folder: Path, checklist_id: str, base_docx: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{checklist_id}.toml"
    path.write_text(variant_text(checklist_id, base_docx), encoding="utf-8")
    return path


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: a read that blocks is the bug these tests look for."""

    def ring(signum: int, frame: Any) -> None:
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder` with its content (None for folders)."""
    return {
        str(p.relative_to(folder)): None if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def record_data(checklist_id: Any, draft_id: str = "abc12345") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(KOMPLETT.read_text(encoding="utf-8"))
    data.update(
        schema_version=1,
        id=draft_id,
        checklist_id=checklist_id,
        checklist_version="2026.1",
        created_at="2026-01-05T09:00:00+00:00",
        updated_at="2026-01-05T09:00:00+00:00",
        status="draft",
    )
    return data


def save_record(home: Path, checklist_id: Any, draft_id: str = "abc12345") -> Path:
    folder = home / "records"
    folder.mkdir(exist_ok=True)
    path = folder / f"{draft_id}.json"
    path.write_text(json.dumps(record_data(checklist_id, draft_id)), encoding="utf-8")
    return path


# --- 3. a record names its checklist by id, never by path ----------------------------------


READ_ONLY = {
    "validate": lambda record: ["validate", str(record)],
    "export-file": lambda record: ["export", str(record), "-f", "json", "-o", "ut.json"],
    "export-id": lambda record: ["export", record.stem, "-f", "json", "-o", "ut.json"],
    "list": lambda record: ["list"],
}


@pytest.mark.parametrize("command", sorted(READ_ONLY))
@pytest.mark.parametrize("kind", ["path", "nul", "number", "empty"])
def test_a_record_cannot_name_a_checklist_file(
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    kind: str,
) -> None:
    elsewhere = write_variant(tmp_path / "annan", "elak")
    value = {"path": str(elsewhere), "nul": "a\x00.toml", "number": 7, "empty": ""}[kind]
    record = save_record(home, value)
    monkeypatch.chdir(tmp_path)
    before = tree(home)
    result = invoke(*READ_ONLY[command](record))
    assert result.exit_code == ExitCode.INVALID_DATA, result.output
    assert str(record) in result.output.replace("\n", "")
    assert "checklist_id" in result.output
    assert "Traceback" not in result.output
    assert tree(home) == before  # nothing installed, nothing written
    assert not (tmp_path / "ut.json").exists()


def test_load_checklist_takes_ids_only(tmp_path: Path, home: Path) -> None:
    path = write_variant(tmp_path, "bara-id")
    with pytest.raises(UsageError, match="bara-id"):
        load_checklist(str(path))
    assert not (home / "checklists").exists()


@pytest.mark.parametrize(
    "name",
    [
        "a\x00b.toml",
        "kultur\x00",
        "../kultur",
        "Kultur 2027",
        "\x1b[31mröd",
        "x" * 5000,
        "mapp/\x1b[2Jkultur.toml",
        "ny\nrad.toml",
    ],
)
def test_an_odd_checklist_argument_is_a_message(home: Path, name: str) -> None:
    result = invoke("start", "--answers", str(KOMPLETT), "--no-input", "--checklist", name)
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "Traceback" not in result.output
    assert "\x00" not in result.output and "\x1b" not in result.output
    assert "ny\nrad" not in result.output
    assert len(result.output) < 1000
    assert not (home / "checklists").exists()
    assert not (home / "records").exists()


def test_only_start_with_a_file_installs(tmp_path: Path, home: Path) -> None:
    path = write_variant(tmp_path, "kultur-2027")
    result = invoke("start", "--answers", str(KOMPLETT), "--no-input", "--checklist", str(path))
    assert result.exit_code == ExitCode.OK, result.output
    assert (home / "checklists" / "kultur-2027.toml").read_bytes() == path.read_bytes()
    [stored] = (home / "records").glob("*.json")
    assert json.loads(stored.read_text(encoding="utf-8"))["checklist_id"] == "kultur-2027"
    assert invoke("validate", str(stored)).exit_code == ExitCode.OK


def test_checklist_for_start_takes_an_id_or_a_file(tmp_path: Path, home: Path) -> None:
    assert checklist_for_start("stockholm-standard").id == "stockholm-standard"
    path = write_variant(tmp_path, "start-fil")
    assert checklist_for_start(str(path)).id == "start-fil"
    assert checklist_for_start("start-fil").id == "start-fil"


@pytest.mark.parametrize("command", [["schema"], ["list"], ["validate", str(KOMPLETT)]])
def test_read_only_commands_write_nothing(home: Path, command: list[str]) -> None:
    before = tree(home)
    result = invoke(*command)
    assert result.exit_code in (ExitCode.OK, ExitCode.INVALID_DATA), result.output
    assert tree(home) == before


# --- 20. an unknown checklist names the record ----------------------------------------------


def test_list_names_the_record_whose_checklist_is_unknown(home: Path) -> None:
    record = save_record(home, "goteborg-standard")
    result = invoke("list")
    assert result.exit_code == ExitCode.INVALID_DATA
    said = result.output.replace("\n", "")
    assert str(record) in said
    assert "goteborg-standard" in said
    assert str(home / "checklists") in said  # where to put it


def test_export_names_the_record_whose_checklist_is_unknown(home: Path) -> None:
    record = save_record(home, "goteborg-standard")
    result = invoke("export", "abc12345", "-f", "json", "-o", str(home / "ut.json"))
    assert result.exit_code == ExitCode.USAGE
    assert str(record) in result.output.replace("\n", "")


# --- 20. checklist files: only ordinary files of a sane size -----------------------------


def refused(path: Path) -> str:
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(path)
    assert str(path) in caught.value.message
    assert caught.value.exit_code == ExitCode.USAGE
    return caught.value.problem


def test_a_folder_is_called_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mapp.toml"
    folder.mkdir()
    assert refused(folder) == m.R_IS_FOLDER


def test_a_missing_checklist_file_is_called_missing(tmp_path: Path) -> None:
    assert refused(tmp_path / "borta.toml") == m.F_NOT_FOUND


def test_permission_denied_is_called_that(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_variant(tmp_path, "last")
    real_open = os.open

    def denied(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    assert refused(path) == m.R_DENIED


def test_a_huge_checklist_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "stor.toml"
    path.write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    assert "större än" in refused(path)


@POSIX
def test_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "ror.toml"
    os.mkfifo(fifo)
    with alarm(5):
        assert refused(fifo) == m.R_NOT_REGULAR


DEV_ZERO_PROBE = """
import resource, sys
# A regression must fail this test, not exhaust the machine's memory.
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from kontoguide.checklist.loading import load_checklist_file
from kontoguide.model.errors import ChecklistError
try:
    load_checklist_file(__import__("pathlib").Path(sys.argv[1]))
except ChecklistError as error:
    print(error.problem)
"""


@POSIX
def test_dev_zero_does_not_fill_memory(tmp_path: Path, home: Path) -> None:
    link = tmp_path / "noll.toml"
    link.symlink_to("/dev/zero")
    result = run_python("-c", DEV_ZERO_PROBE, str(link), home=home)
    assert result.stdout.strip() == m.R_NOT_REGULAR, result.stderr[-500:]
    with alarm(5):
        result = invoke("start", "--answers", str(KOMPLETT), "--no-input", "--checklist", str(link))
    assert result.exit_code == ExitCode.USAGE
    assert m.R_NOT_REGULAR in result.output.replace("\n", " ")


# --- 4. base documents: only ordinary .docx files, copied private --------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def good_docx() -> bytes:
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = "FÖRVALTNINGENS LOGOTYP"
    base.add_paragraph("Mallens brödtext")
    buffer = io.BytesIO()
    base.save(buffer)
    return buffer.getvalue()


def rezip(
    data: bytes, *, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()
) -> bytes:
    """`data` (a .docx) with parts replaced, added or dropped."""
    replace = dict(replace or {})
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in drop:
                continue
            target.writestr(info.filename, replace.pop(info.filename, None) or source.read(info))
        for name, content in replace.items():
            target.writestr(name, content)
    return out.getvalue()


def document_xml(body: str = "<w:body><w:p/></w:body>", root: str = "w:document") -> bytes:
    return f'<?xml version="1.0"?><{root} xmlns:w="{W_NS}">{body}</{root}>'.encode()


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body>'
    "</w:document>"
).encode()

BROKEN_BASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "not-a-zip": (lambda: b"inte ett Word-dokument", "zip"),
    "zip-bomb": (
        lambda: rezip(good_docx(), replace={"word/media/noll.bin": b"\0" * 30_000_000}),
        "uppackat",
    ),
    "many-parts": (
        lambda: rezip(good_docx(), replace={f"customXml/d{i}.bin": b"x" for i in range(3000)}),
        "delar",
    ),
    "no-document": (lambda: rezip(good_docx(), drop=("word/document.xml",)), "word/document.xml"),
    "wrong-root": (
        lambda: rezip(good_docx(), replace={"word/document.xml": document_xml(root="w:hdr")}),
        "w:document",
    ),
    "no-body": (
        lambda: rezip(good_docx(), replace={"word/document.xml": document_xml(body="")}),
        "w:body",
    ),
    "long-body": (
        lambda: rezip(
            good_docx(),
            replace={
                "word/document.xml": document_xml("<w:body>" + "<w:p/>" * 2_000_000 + "</w:body>")
            },
        ),
        "brödtexten",
    ),
    "dtd": (lambda: rezip(good_docx(), replace={"word/document.xml": BILLION_LAUGHS}), "DTD"),
    "bad-xml": (
        lambda: rezip(good_docx(), replace={"word/document.xml": b"<w:document"}),
        "XML",
    ),
    "styles-root": (
        lambda: rezip(good_docx(), replace={"word/styles.xml": document_xml(body="", root="w:x")}),
        "styles.xml",
    ),
}


def variant_with_base(folder: Path, checklist_id: str, content: bytes | None) -> Path:
    path = write_variant(folder, checklist_id, "mall/logga.docx")
    if content is not None:
        (folder / "mall").mkdir()
        (folder / "mall" / "logga.docx").write_bytes(content)
    return path


def install_refused(path: Path, home: Path) -> str:
    with pytest.raises(ChecklistError) as caught:
        install_checklist(str(path))
    message = caught.value.message
    assert str(path) in message
    assert "mall/logga.docx" in message
    assert caught.value.exit_code == ExitCode.USAGE
    assert not (home / "checklists").exists()
    return message


@pytest.mark.parametrize(
    "base", ["", ".", "mall", "mall/", "annan.toml", "logga.png", "a\x01.docx"]
)
def test_base_docx_must_name_a_docx_file(tmp_path: Path, base: str) -> None:
    path = tmp_path / "namn.toml"
    text = variant_text("namn").replace(
        'organisation = "Stockholms stad"\n',
        f'organisation = "Stockholms stad"\nbase_docx = {json.dumps(base)}\n',
        1,
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(path)
    assert str(path) in caught.value.message
    assert "base_docx" in caught.value.message
    assert "TOML" not in caught.value.message


def test_a_missing_base_document_is_refused_at_install(tmp_path: Path, home: Path) -> None:
    path = variant_with_base(tmp_path, "utan-mall", None)
    assert m.EXPORT_BASE_MISSING.format(name="mall/logga.docx") in install_refused(path, home)


@POSIX
def test_a_base_document_that_is_a_symlink_is_refused(tmp_path: Path, home: Path) -> None:
    secret = tmp_path / "hemlig.docx"
    secret.write_bytes(good_docx())
    secret.chmod(0o600)
    path = write_variant(tmp_path / "variant", "lank", "mall/logga.docx")
    (tmp_path / "variant" / "mall").mkdir()
    (tmp_path / "variant" / "mall" / "logga.docx").symlink_to(secret)
    assert m.R_SYMLINK in install_refused(path, home)


@POSIX
def test_a_base_document_in_a_linked_folder_is_refused(tmp_path: Path, home: Path) -> None:
    elsewhere = tmp_path / "annanstans"
    elsewhere.mkdir()
    (elsewhere / "logga.docx").write_bytes(good_docx())
    path = write_variant(tmp_path / "variant", "lankad-mapp", "mall/logga.docx")
    (tmp_path / "variant" / "mall").symlink_to(elsewhere, target_is_directory=True)
    assert m.R_SYMLINK in install_refused(path, home)


@POSIX
def test_a_base_document_that_is_a_fifo_or_a_folder_is_refused(tmp_path: Path, home: Path) -> None:
    path = variant_with_base(tmp_path / "a", "ror-mall", None)
    (tmp_path / "a" / "mall").mkdir()
    os.mkfifo(tmp_path / "a" / "mall" / "logga.docx")
    with alarm(5):
        assert m.R_NOT_REGULAR in install_refused(path, home)
    path = variant_with_base(tmp_path / "b", "mapp-mall", None)
    (tmp_path / "b" / "mall" / "logga.docx").mkdir(parents=True)
    assert m.R_IS_FOLDER in install_refused(path, home)


@POSIX
def test_a_base_document_is_copied_owner_only(tmp_path: Path, home: Path) -> None:
    content = good_docx()
    path = variant_with_base(tmp_path, "privat", content)
    (tmp_path / "mall" / "logga.docx").chmod(0o600)
    install_checklist(str(path))
    copy = home / "checklists" / "mall" / "logga.docx"
    assert copy.read_bytes() == content
    assert stat.S_IMODE(copy.stat().st_mode) & 0o077 == 0
    assert load_checklist("privat").base_docx_path() == copy


# --- 15. a base document is checked before python-docx opens it -------------------------


@pytest.mark.parametrize("kind", sorted(BROKEN_BASES))
def test_a_broken_base_document_is_refused_at_install(
    tmp_path: Path, home: Path, kind: str
) -> None:
    make, words = BROKEN_BASES[kind]
    path = variant_with_base(tmp_path, f"trasig-{kind}", make())
    assert words in install_refused(path, home)


@pytest.fixture
def installed(tmp_path: Path, home: Path, checklist: Checklist) -> Iterator[Path]:
    """A variant with a good base document, installed, and a record made with it."""
    path = variant_with_base(tmp_path / "variant", "med-mall", good_docx())
    variant = install_checklist(str(path))
    example_record(home / "records", variant)
    yield home / "checklists" / "mall" / "logga.docx"


@pytest.mark.parametrize("kind", ["wrong-root", "no-body", "long-body", "styles-root", "dtd"])
def test_export_with_a_replaced_installed_base_document_is_a_message(
    tmp_path: Path, home: Path, installed: Path, kind: str
) -> None:
    installed.write_bytes(BROKEN_BASES[kind][0]())
    [record] = (home / "records").glob("*.json")
    result = invoke("export", record.stem, "-o", str(tmp_path / "ut.docx"))
    assert result.exit_code == ExitCode.USAGE, result.output
    said = result.output.replace("\n", "")
    assert "Traceback" not in said
    assert "mall/logga.docx" in said
    assert str(home / "checklists" / "med-mall.toml") in said
    assert not (tmp_path / "ut.docx").exists()


@POSIX
def test_export_refuses_an_installed_base_document_replaced_by_a_symlink(
    tmp_path: Path, home: Path, installed: Path
) -> None:
    target = tmp_path / "annan.docx"
    target.write_bytes(good_docx())
    installed.unlink()
    installed.symlink_to(target)
    [record] = (home / "records").glob("*.json")
    result = invoke("export", record.stem, "-o", str(tmp_path / "ut.docx"))
    assert result.exit_code == ExitCode.USAGE, result.output
    assert m.R_SYMLINK in result.output.replace("\n", " ")


def test_export_with_a_good_installed_base_document_works(
    tmp_path: Path, home: Path, installed: Path
) -> None:
    [record] = (home / "records").glob("*.json")
    result = invoke("export", record.stem, "-o", str(tmp_path / "ut.docx"))
    assert result.exit_code == ExitCode.OK, result.output
    document = docx.Document(str(tmp_path / "ut.docx"))
    assert document.sections[0].header.paragraphs[0].text == "FÖRVALTNINGENS LOGOTYP"


def test_render_with_a_wrong_root_is_a_checklist_error(
    tmp_path: Path, home: Path, record: Record
) -> None:
    path = tmp_path / "rot.toml"
    path.write_text(variant_text("rot", "rot.docx"), encoding="utf-8")
    (tmp_path / "rot.docx").write_bytes(BROKEN_BASES["wrong-root"][0]())
    with pytest.raises(ChecklistError, match=r"rot\.docx"):
        render(record, load_checklist_file(path), "docx", now=NOW)


@pytest.fixture
def record(home: Path, checklist: Checklist) -> Record:
    return example_record(home / "records", checklist)


# --- 16. a checklist must be usable by the questionnaire ---------------------------------

ORGANISATION_KINDS = (
    'organisation_kinds = [\n    { value = "forvaltning", label = "Förvaltning" },\n'
    '    { value = "bolag", label = "Bolag" },\n]'
)
UNUSABLE: dict[str, tuple[dict[str, str], str, str]] = {
    "empty-list": (
        {ORGANISATION_KINDS: "organisation_kinds = []"},
        "choices.organisation_kinds",
        m.C_EMPTY,
    ),
    "empty-unused-list": ({"[choices]\n": "[choices]\ntomma = []\n"}, "choices.tomma", m.C_EMPTY),
    "value-twice": (
        {'{ value = "bolag", label = "Bolag" }': '{ value = "forvaltning", label = "Bolag" }'},
        "choices.organisation_kinds",
        "forvaltning",
    ),
    "label-twice": (
        {'{ value = "bolag", label = "Bolag" }': '{ value = "bolag", label = "Förvaltning" }'},
        "choices.organisation_kinds",
        "Förvaltning",
    ),
    "section-twice": ({'id = "step2"': 'id = "step1"'}, "sections.step1", "två gånger"),
    "step-number-twice": ({"number = 2": "number = 1"}, "number", "1, 2"),
    "step-number-gap": ({"number = 5": "number = 7"}, "number", "1, 2"),
    "when-unknown-value": (
        {'"step3.platform", equals = ["annan"]': '"step3.platform", equals = ["anan"]'},
        "sections.step3.step3.platform_other",
        "anan",
    ),
    "when-yesno-text": (
        {"equals = [true] }": 'equals = ["ja"] }'},
        "sections.step1.step1.existing_accounts",
        "true",
    ),
    "choices-on-text": (
        {'field = "organisation.unit"': 'field = "organisation.unit"\nchoices = "platforms"'},
        "sections.basics.organisation.unit",
        "choices",
    ),
    "item-field-twice": (
        {'field = "data_source"': 'field = "effect"'},
        "sections.step2.step2.goals.effect",
        "två gånger",
    ),
}


@pytest.mark.parametrize("kind", sorted(UNUSABLE))
def test_a_checklist_the_questionnaire_cannot_follow_is_refused(tmp_path: Path, kind: str) -> None:
    replace, where, words = UNUSABLE[kind]
    text = SHIPPED.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "oanvandbar.toml"
    path.write_text(text, encoding="utf-8")
    message = refused(path)
    assert where in message, message
    assert words in message, message


def test_the_shipped_checklist_passes_every_check() -> None:
    assert load_checklist_file(SHIPPED).id == "stockholm-standard"


@pytest.mark.parametrize("kind", ["wrong-root", "no-body", "styles-root", "bad-xml", "no-document"])
def test_what_the_check_misses_still_ends_in_a_message(
    tmp_path: Path, home: Path, record: Record, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from kontoguide.checklist import basedoc

    monkeypatch.setattr(basedoc, "problem_in", lambda data: None)
    path = tmp_path / "natt.toml"
    path.write_text(variant_text("natt", "natt.docx"), encoding="utf-8")
    (tmp_path / "natt.docx").write_bytes(BROKEN_BASES[kind][0]())
    with pytest.raises(ChecklistError) as caught:
        render(record, load_checklist_file(path), "docx", now=NOW)
    assert caught.value.path == path
    assert "natt.docx" in caught.value.message


def test_a_deeply_nested_checklist_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "djup.toml"
    path.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert refused(path) == m.C_TOO_DEEP


def test_a_failed_copy_of_the_base_document_installs_nothing(tmp_path: Path, home: Path) -> None:
    path = variant_with_base(tmp_path, "halv", good_docx())
    (home / "checklists").mkdir()
    (home / "checklists" / "mall").write_text("en fil där mappen skulle vara", encoding="utf-8")
    with pytest.raises(ChecklistError) as caught:
        install_checklist(str(path))
    assert "mall" in caught.value.message
    assert not (home / "checklists" / "halv.toml").exists()
    with pytest.raises(UsageError):
        load_checklist("halv")


@pytest.mark.parametrize("inside", ["checklists", "records", "."])
def test_checklist_new_never_writes_into_kontoguides_own_folders(
    tmp_path: Path, inside: str
) -> None:
    home = tmp_path / "home"
    folder = home / inside
    folder.mkdir(parents=True, exist_ok=True)
    done = run_kontoguide("checklist", "new", "egen", home=home, cwd=folder)
    assert done.returncode == 2, done.stdout
    assert "kontoguides egen mapp" in " ".join(done.stderr.split())
    assert not (folder / "egen.toml").exists()
    assert "egen" not in run_kontoguide("checklist", "list", home=home).stdout
