"""Windows habits (issue 22): an answers file naming its "$schema", the schema written
to a file (PowerShell's > would re-encode it), a document held open by Word."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kontoguide.cli.app import app
from kontoguide.files import atomicfile
from kontoguide.model.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
KOMPLETT = ROOT / "examples" / "komplett.json"
HELD_OPEN = "Stäng filen i Word/Excel och försök igen"


def with_schema_key(tmp_path: Path) -> Path:
    data = json.loads(KOMPLETT.read_text("utf-8"))
    path = tmp_path / "svar.json"
    named = {"$schema": "./kontoguide-svar.schema.json", **data}
    path.write_text(json.dumps(named, ensure_ascii=False), "utf-8")
    return path


def test_an_answers_file_naming_its_schema_is_accepted_and_the_key_not_kept(
    home: Path, tmp_path: Path
) -> None:
    path = with_schema_key(tmp_path)
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == ExitCode.OK, result.output
    started = CliRunner().invoke(app, ["start", "--answers", str(path), "--no-input"])
    assert started.exit_code == ExitCode.OK, started.output
    (saved,) = (home / "records").glob("*.json")
    assert "$schema" not in json.loads(saved.read_text("utf-8"))


@pytest.mark.parametrize("answers", [False, True])
def test_the_schema_allows_the_key_that_names_it(tmp_path: Path, answers: bool) -> None:
    target = tmp_path / "schema.json"
    args = ["schema", "--output", str(target), *(["--answers"] if answers else [])]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == ExitCode.OK, result.output
    assert str(target) in " ".join(result.stdout.split())
    schema = json.loads(target.read_bytes().decode("utf-8"))
    if answers:
        data = json.loads(with_schema_key(tmp_path).read_text("utf-8"))
        jsonschema.validate(data, schema)


def test_schema_output_is_utf8_and_never_replaces_a_file_without_force(
    tmp_path: Path,
) -> None:
    target = tmp_path / "schema.json"
    first = CliRunner().invoke(app, ["schema", "-o", str(target)])
    assert first.exit_code == ExitCode.OK
    printed = CliRunner().invoke(app, ["schema"]).stdout_bytes
    assert target.read_bytes() == printed  # the same bytes, UTF-8, no BOM
    target.write_text("mitt", "utf-8")
    again = CliRunner().invoke(app, ["schema", "-o", str(target)])
    assert again.exit_code != ExitCode.OK
    assert "finns redan" in again.output
    assert target.read_text("utf-8") == "mitt"
    forced = CliRunner().invoke(app, ["schema", "-o", str(target), "--force"])
    assert forced.exit_code == ExitCode.OK
    assert target.read_bytes() == printed


def test_a_document_held_open_in_word_says_to_close_it(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = CliRunner().invoke(app, ["start", "--answers", str(KOMPLETT), "--no-input"])
    assert started.exit_code == ExitCode.OK, started.output
    (saved,) = (home / "records").glob("*.json")
    record_id = saved.stem
    target = tmp_path / "beslut.docx"
    target.write_bytes(b"the copy open in Word")

    def refused(*args: object, **kwargs: object) -> None:
        # What Windows says when Word holds the file: access denied on the replace.
        raise PermissionError(13, "Åtkomst nekad")

    monkeypatch.setattr(atomicfile, "write_bytes", refused)
    result = CliRunner().invoke(app, ["export", record_id, "-o", str(target), "--force"])
    assert result.exit_code != ExitCode.OK
    text = " ".join(result.output.split())
    assert HELD_OPEN in text and str(target) in text
    assert "Traceback" not in text
    assert target.read_bytes() == b"the copy open in Word"


def test_a_new_file_that_cannot_be_written_does_not_mention_word(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Åtkomst nekad")

    monkeypatch.setattr(atomicfile, "write_bytes", refused)
    result = CliRunner().invoke(app, ["schema", "-o", str(tmp_path / "ny.json")])
    assert result.exit_code != ExitCode.OK
    text = " ".join(result.output.split())
    assert "Ingen fil skapades" in text and HELD_OPEN not in text
