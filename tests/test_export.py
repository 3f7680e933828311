"""kontoguide export: sources, file names, overwrite refusal, atomic writes and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli_support import run_kontoguide
from export_support import EXAMPLES, draft_record, example_record, open_docx
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.cli.app import app
from kontoguide.documents.export import (
    default_file_name,
    export_record,
    resolve_source,
    safe_stem,
)
from kontoguide.files import atomicfile
from kontoguide.model.errors import (
    CorruptFileError,
    ExitCode,
    OutputExistsError,
    UnknownDraftError,
    UnreadableError,
    UsageError,
)
from kontoguide.model.record import Record
from kontoguide.store.storage import Store

RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{d}" for p in ("COM", "LPT") for d in "123456789"}
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


@pytest.fixture
def store(home: Path) -> Store:
    return Store()


@pytest.fixture
def record(store: Store, checklist: Checklist) -> Record:
    return example_record(store.folder, checklist)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty output folder (tmp_path also holds KONTOGUIDE_HOME)."""
    folder = tmp_path / "ut"
    folder.mkdir()
    return folder


# --- file names -----------------------------------------------------------------


def test_default_name_from_account_id_date_and_state(record: Record) -> None:
    name = default_file_name(record, "docx", date(2026, 11, 26), state="started")
    assert (
        name == f"Checklista-Stadsbiblioteket-Unga-på-Instagram-{record.id}-2026-11-26-startat.docx"
    )


def test_draft_name_says_so(record: Record) -> None:
    name = default_file_name(record, "md", date(2026, 11, 26), state="draft")
    assert name.endswith(f"-{record.id}-2026-11-26-utkast.md")


def test_name_falls_back_to_the_id(record: Record) -> None:
    nameless = record.model_copy(update={"account_name": None})
    assert default_file_name(nameless, "json", date(2026, 1, 2), state="ready") == (
        f"Checklista-{record.id}-2026-01-02-klar-for-beslut.json"
    )
    symbols = record.model_copy(update={"account_name": "😀 ??? ***"})
    assert default_file_name(symbols, "json", date(2026, 1, 2), state="ready") == (
        f"Checklista-{record.id}-2026-01-02-klar-for-beslut.json"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Kultur: "Unga" <på> Insta/gram|?*', "Kultur-Unga-på-Insta-gram"),
        ("  Barn och unga. ", "Barn-och-unga"),
        ("CON", "CON-"),
        ("lpt1", "lpt1-"),
        ("Café 😀 Öst", "Café-Öst"),
        ("e\u0301", "é"),  # decomposed (macOS) becomes composed
    ],
)
def test_safe_stem_examples(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_safe_stem_is_valid_on_windows_and_linux(text: str) -> None:
    stem = safe_stem(text)
    assert not (set(stem) & WINDOWS_FORBIDDEN)
    assert len(stem.encode("utf-8")) <= 120
    assert not stem.endswith((".", " "))
    assert stem.split(".")[0].upper() not in RESERVED
    assert all(ch.isalnum() or ch == "-" for ch in stem)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_default_name_can_be_created(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("namn")
    record = Record(
        id="abc123",
        checklist_id="stockholm-standard",
        checklist_version="2026.1",
        created_at="2026-11-26T10:00:00Z",
        updated_at="2026-11-26T10:00:00Z",
    ).model_copy(update={"account_name": text})
    name = default_file_name(record, "docx", date(2026, 11, 26), state="draft")
    assert len(name) <= 160
    (folder / name).write_bytes(b"x")
    assert [p.name for p in folder.iterdir()] == [name]


# --- writing ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "json", "md"])
def test_export_to_a_folder(out: Path, record: Record, checklist: Checklist, fmt: str) -> None:
    path = export_record(record, checklist, fmt, out)
    assert path.parent == out
    assert path.name.startswith("Checklista-Stadsbiblioteket-Unga-på-Instagram-")
    assert path.suffix == f".{fmt}"
    assert not path.name.endswith(f"-utkast.{fmt}")
    assert [p.name for p in out.iterdir()] == [path.name]  # no temp files left


def test_default_output_is_the_current_folder(
    out: Path, record: Record, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(out)
    path = export_record(record, checklist)
    assert path.parent == out
    assert path.suffix == ".docx"
    open_docx(path.read_bytes())


def test_json_export_is_the_validated_record(
    tmp_path: Path, record: Record, checklist: Checklist
) -> None:
    path = export_record(record, checklist, "json", tmp_path / "ut.json")
    assert Record.model_validate_json(path.read_text(encoding="utf-8")) == record
    assert "Kulturförvaltningen" in path.read_text(encoding="utf-8")  # not \u-escaped


def test_existing_file_is_never_overwritten_without_force(
    tmp_path: Path, record: Record, checklist: Checklist
) -> None:
    target = tmp_path / "beslut.docx"
    target.write_bytes(b"gammalt")
    with pytest.raises(OutputExistsError) as caught:
        export_record(record, checklist, "docx", target)
    assert str(target) in caught.value.message
    assert "--force" in caught.value.message
    assert caught.value.exit_code == ExitCode.USAGE
    assert target.read_bytes() == b"gammalt"
    export_record(record, checklist, "docx", target, force=True)
    open_docx(target.read_bytes())


def test_existing_default_name_in_a_folder_is_refused_too(
    tmp_path: Path, record: Record, checklist: Checklist
) -> None:
    first = export_record(record, checklist, "md", tmp_path)
    with pytest.raises(OutputExistsError):
        export_record(record, checklist, "md", tmp_path)
    assert first.exists()


def test_missing_folder_is_a_clear_error(
    tmp_path: Path, record: Record, checklist: Checklist
) -> None:
    target = tmp_path / "finns-inte" / "ut.docx"
    with pytest.raises(UsageError, match="finns-inte"):
        export_record(record, checklist, "docx", target)


def test_unknown_format(tmp_path: Path, record: Record, checklist: Checklist) -> None:
    with pytest.raises(UsageError, match="pdf"):
        export_record(record, checklist, "pdf", tmp_path)


def test_failed_write_keeps_the_old_file(
    tmp_path: Path, record: Record, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ut.md"
    target.write_text("gammalt", encoding="utf-8")

    def full_disk(path: Path, data: bytes, **options: bool) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomicfile, "write_bytes", full_disk)
    with pytest.raises(UnreadableError, match="gick inte att spara"):
        export_record(record, checklist, "md", target, force=True)
    assert target.read_text(encoding="utf-8") == "gammalt"


def test_draft_file_name_and_marking(tmp_path: Path, checklist: Checklist) -> None:
    draft = draft_record(tmp_path / "d", checklist, {"account_name": "Halvfärdigt konto"})
    path = export_record(draft, checklist, "docx", tmp_path)
    assert path.name.endswith("-utkast.docx")
    assert "UTKAST" in [p.text for p in open_docx(path.read_bytes()).paragraphs]


# --- sources -----------------------------------------------------------------------


def test_source_by_id(store: Store, record: Record) -> None:
    loaded = resolve_source(record.id, store)
    assert loaded.record == record


def test_source_by_record_file(store: Store, record: Record) -> None:
    loaded = resolve_source(str(store.path_for(record.id)))
    assert loaded.record == record


def test_answers_file_is_explained(store: Store) -> None:
    with pytest.raises(UsageError, match="svarsfil"):
        resolve_source(str(EXAMPLES / "komplett.json"), store)


def test_unknown_source(store: Store) -> None:
    with pytest.raises(UsageError, match="varken id"):
        resolve_source("finns/inte.json", store)
    with pytest.raises(UnknownDraftError, match="inget utkast med id abc"):
        resolve_source("abc", store)


def test_corrupt_record_file(tmp_path: Path) -> None:
    broken = tmp_path / "trasig.json"
    broken.write_text("{ inte json", encoding="utf-8")
    with pytest.raises(CorruptFileError, match=r"trasig\.json"):
        resolve_source(str(broken))


# --- the command ---------------------------------------------------------------------


def test_cli_export_and_overwrite_refusal(
    out: Path, record: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(out)
    runner = CliRunner()
    result = runner.invoke(app, ["export", record.id])
    assert result.exit_code == 0, result.output
    assert "Checklistan är sparad som" in result.output
    [written] = out.glob("*.docx")
    result = runner.invoke(app, ["export", record.id])
    assert result.exit_code == ExitCode.USAGE
    assert "finns redan" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["export", record.id, "--force"])
    assert result.exit_code == 0
    open_docx(written.read_bytes())


@pytest.mark.parametrize("fmt", ["json", "md", "MD"])
def test_cli_formats(tmp_path: Path, record: Record, fmt: str) -> None:
    target = tmp_path / f"ut.{fmt.lower()}"
    result = CliRunner().invoke(app, ["export", record.id, "-f", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000


def test_cli_unknown_id_and_format(record: Record) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["export", "finnsinte"])
    assert result.exit_code == ExitCode.USAGE
    assert "inget utkast med id finnsinte" in result.output
    result = runner.invoke(app, ["export", record.id, "--format", "pdf"])
    assert result.exit_code == ExitCode.USAGE


def test_cli_draft_export_says_it_is_a_draft(tmp_path: Path, home: Path) -> None:
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps({"account_name": "Halvfärdigt"}), encoding="utf-8")
    runner = CliRunner()
    runner.invoke(app, ["start", "--answers", str(answers), "--no-input"])
    [stored] = (home / "records").glob("*.json")
    result = runner.invoke(app, ["export", stored.stem, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "utkast" in result.output


def test_a_record_stored_as_a_draft_exports_as_the_state_its_answers_hold(
    tmp_path: Path, store: Store, record: Record
) -> None:
    # The stored status is only what the last save derived: the export derives it again,
    # so a whole record is never called a draft and a draft never more than that.
    store.save(record.model_copy(update={"status": "draft"}))
    target = tmp_path / "beslut.md"
    result = CliRunner().invoke(app, ["export", record.id, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "utkast" not in result.output.casefold()
    text = target.read_text(encoding="utf-8")
    assert "**Kontot är startat**" in text
    assert m.DOC_DRAFT_MARK not in text


def test_the_cli_counts_what_the_draft_document_lists(tmp_path: Path, home: Path) -> None:
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps({"account_name": "Halvfärdigt"}), encoding="utf-8")
    runner = CliRunner()
    runner.invoke(app, ["start", "--answers", str(answers), "--no-input"])
    [stored] = (home / "records").glob("*.json")
    target = tmp_path / "utkast.md"
    result = runner.invoke(app, ["export", stored.stem, "-o", str(target)])
    text = target.read_text(encoding="utf-8")
    listed = re.search(r"## Det här saknas eller behöver rättas \((\d+)\)", text)
    assert listed is not None
    said = " ".join(result.output.split())
    assert m.EXPORT_DRAFT_NOTE.format(count=listed.group(1)) in said


def test_the_draft_document_lists_what_start_and_validate_print(tmp_path: Path, home: Path) -> None:
    # med-fel.json: set-aside answers with their reasons and missing answers.
    runner = CliRunner()
    started = runner.invoke(
        app, ["start", "--answers", str(EXAMPLES / "med-fel.json"), "--no-input"]
    )
    printed = re.search(r"Det här saknas eller behöver rättas \((\d+)\):", started.output)
    assert printed is not None, started.output
    validated = runner.invoke(app, ["validate", str(EXAMPLES / "med-fel.json")])
    assert f"rättas ({printed.group(1)}):" in validated.output
    [stored] = (home / "records").glob("*.json")
    target = tmp_path / "utkast.md"
    runner.invoke(app, ["export", stored.stem, "-o", str(target)])
    text = target.read_text(encoding="utf-8")
    assert f"## Det här saknas eller behöver rättas ({printed.group(1)})" in text
    block = text.split("## Det här saknas eller behöver rättas", 1)[1].split("\n## ", 1)[0]
    items = [line for line in block.splitlines() if line.startswith("- ")]
    assert len(items) == int(printed.group(1))
    # Every item has its reason.
    assert all(" – " in item for item in items)


def test_start_then_export_as_commands(tmp_path: Path) -> None:
    """The whole path a user takes, as real processes with their own KONTOGUIDE_HOME."""
    home = tmp_path / "home"
    started = run_kontoguide(
        "start", "--answers", str(EXAMPLES / "komplett.json"), "--no-input", home=home
    )
    assert started.returncode == 0, started.stderr
    [stored] = (home / "records").glob("*.json")
    exported = run_kontoguide("export", stored.stem, "--output", str(tmp_path), home=home)
    assert exported.returncode == 0, exported.stderr
    [document] = tmp_path.glob("*.docx")
    assert "Stadsbiblioteket" in document.name
    open_docx(document.read_bytes())


def test_help_and_the_export_module_do_not_import_python_docx() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['kontoguide', '--help']\n"
        "import kontoguide.documents.export, kontoguide.documents.document\n"
        "import kontoguide.documents.render_markdown\n"
        "from kontoguide.cli import app as cli\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('DOCX' if 'docx' in sys.modules else 'OK')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "OK"
    assert "export" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "output", "expected"),
    [
        (None, None, "docx"),
        (None, "beslut.md", "md"),
        (None, "beslut.JSON", "json"),
        (None, "beslut.txt", "docx"),
        ("md", "beslut.md", "md"),
        ("json", None, "json"),
    ],
)
def test_the_format_follows_the_option_then_the_file_name(
    fmt: str | None, output: str | None, expected: str
) -> None:
    from kontoguide.documents.export import choose_format

    assert choose_format(fmt, Path(output) if output else None) == expected


def test_a_format_that_contradicts_the_file_name_is_refused(tmp_path: Path) -> None:
    from kontoguide.documents.export import choose_format
    from kontoguide.model.errors import UsageError

    with pytest.raises(UsageError, match=r"beslut\.docx.*\.md"):
        choose_format("md", tmp_path / "beslut.docx")


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_work_in_progress_of_a_list_is_not_an_answer_in_the_document(
    out: Path, record: Record, checklist: Checklist, fmt: str
) -> None:
    """A pause on a list's menu, or in an item being added or changed, leaves
    `field[new]`/`field[edit]` in the draft; the document neither fails on them nor
    lists them as answers that need fixing (validate does not count them either)."""
    paused = record.model_copy(
        update={
            "set_aside": {
                "step4.team[new]": {},
                "step1.existing_accounts[new]": {"name": "Halvfärdigt konto"},
                "step2.goals[edit]": {"indicator": "Halvfärdig ändring"},
            }
        }
    )
    path = export_record(paused, checklist, fmt, out)
    if fmt == "md":
        text = path.read_text(encoding="utf-8")
    else:
        document = open_docx(path.read_bytes())
        text = "\n".join(p.text for p in document.paragraphs)
    assert "Halvfärdig" not in text
    assert m.DOC_SET_ASIDE not in text
