"""Text files as Windows programs save them (issue #22).

Notepad may save UTF-8 with a BOM; Windows PowerShell 5.1's `>` writes UTF-16 LE
with a BOM. A BOM is accepted; UTF-16 gets a Swedish message saying how to save
the file as UTF-8, in every reader (checklists, records, answers files).
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kontoguide.checklist.loading import checklist_problems, load_checklist_file
from kontoguide.cli.app import app
from kontoguide.files.inputfile import read_json_object
from kontoguide.model.errors import ChecklistError, CorruptFileError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "checklists" / "stockholm-standard.toml"
KOMPLETT = ROOT / "examples" / "komplett.json"


def variant_bytes(checklist_id: str) -> bytes:
    text = SHIPPED.read_text(encoding="utf-8")
    return text.replace('id = "stockholm-standard"', f'id = "{checklist_id}"', 1).encode()


def test_a_checklist_saved_with_a_bom_is_read(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "kultur-bom.toml"
    path.write_bytes(codecs.BOM_UTF8 + variant_bytes("kultur-bom"))
    checklist, problems = checklist_problems(path, path.read_bytes())
    assert problems == []
    assert checklist is not None and checklist.id == "kultur-bom"
    assert load_checklist_file(path).id == "kultur-bom"


def test_checklist_check_accepts_a_bom(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "kultur-bom.toml"
    path.write_bytes(codecs.BOM_UTF8 + variant_bytes("kultur-bom"))
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "Invalid statement" not in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_checklist_in_utf16_says_how_to_save_it(
    tmp_path: Path, home: Path, encoding: str
) -> None:
    path = tmp_path / "kultur-wide.toml"
    path.write_bytes(variant_bytes("kultur-wide").decode().encode(encoding))
    _, problems = checklist_problems(path, path.read_bytes())
    assert len(problems) == 1
    message = problems[0].detail
    assert "UTF-16" in message and "Spara som" in message and "-Encoding utf8" in message
    with pytest.raises(ChecklistError) as raised:
        load_checklist_file(path)
    assert "UTF-16" in str(raised.value)


def test_a_checklist_with_a_latin1_byte_names_the_byte_and_its_line(
    tmp_path: Path, home: Path
) -> None:
    path = tmp_path / "kultur-latin1.toml"
    raw = variant_bytes("kultur-latin1")
    line = raw[: raw.index(b'title = "')].count(b"\n") + 1
    # An "ö" saved as Latin-1 in the title, after `title = "Kultur`.
    path.write_bytes(codecs.BOM_UTF8 + raw.replace(b'title = "', b'title = "Kultur\xf6', 1))
    _, problems = checklist_problems(path, path.read_bytes())
    (problem,) = problems
    assert problem.line == line
    assert f"byten 0xF6 på rad {line}, kolumn 16" in problem.detail
    assert "U+" not in problem.detail


def test_a_json_record_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "svar.json"
    path.write_bytes(codecs.BOM_UTF8 + KOMPLETT.read_bytes())
    assert read_json_object(path) == json.loads(KOMPLETT.read_text(encoding="utf-8"))


def test_validate_accepts_a_bom(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "svar.json"
    path.write_bytes(codecs.BOM_UTF8 + KOMPLETT.read_bytes())
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_json_in_utf16_says_how_to_save_it(tmp_path: Path, home: Path) -> None:
    # What `Get-Content komplett.json > svar.json` gives in Windows PowerShell 5.1.
    path = tmp_path / "svar.json"
    path.write_bytes(codecs.BOM_UTF16_LE + KOMPLETT.read_text(encoding="utf-8").encode("utf-16-le"))
    with pytest.raises(CorruptFileError) as raised:
        read_json_object(path)
    assert "UTF-16" in str(raised.value) and "Out-File -Encoding utf8" in str(raised.value)
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code != 0
    assert "UTF-16" in result.output
    assert "Traceback" not in result.output
