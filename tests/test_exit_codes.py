"""Every command's exit code for a file it cannot use, as the README's table says (issue 20).

README, "Slutkoder": 1 when the answers or the file do not hold, a broken saved
record included (and, in `list` and `overview`, a file or folder that could not be
read); 2 for wrong use or environment: an unknown id, a file from a newer
version, a variant that cannot be used.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kontoguide.cli.app import app
from kontoguide.model.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BAD = ExitCode.INVALID_DATA
USAGE = ExitCode.USAGE

# What a broken or foreign file holds, and the code the README gives it.
FILES: dict[str, tuple[bytes, int]] = {
    "trasig": (b'{"id": "abc", ', BAD),
    "lista": (b"[1, 2, 3]", BAD),
    "utf16": ("{}".encode("utf-16"), BAD),
    "latin1": ('{"organisation": {"name": "Kulturförvaltningen"}}'.encode("latin-1"), BAD),
    "nyare": (b"", USAGE),  # made from a real record below
}


def _newer(home: Path) -> bytes:
    (record,) = (home / "records").glob("*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    data["schema_version"] = 999
    return json.dumps(data).encode("utf-8")


def _run(*args: str) -> int:
    return CliRunner().invoke(app, list(args)).exit_code


@pytest.fixture
def record_id(home: Path) -> str:
    answers = ROOT / "examples" / "komplett.json"
    assert _run("start", "--answers", str(answers), "--no-input") == 0
    (record,) = (home / "records").glob("*.json")
    return record.stem


def _content(home: Path, kind: str) -> bytes:
    return _newer(home) if kind == "nyare" else FILES[kind][0]


@pytest.mark.parametrize("kind", sorted(FILES))
def test_a_file_named_on_the_command_line(
    home: Path, record_id: str, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"{kind}.json"
    path.write_bytes(_content(home, kind))
    expected = FILES[kind][1]
    out = str(tmp_path / "ut.json")
    assert _run("validate", str(path)) == expected
    assert _run("export", str(path), "--output", out) == expected
    assert _run("start", "--answers", str(path), "--no-input") == expected
    assert _run("start", "--enkel", "--from", str(path)) == expected
    # The overview reads on past what it cannot use, and says so with 1.
    assert _run("overview", str(path)) == BAD


@pytest.mark.parametrize("kind", sorted(FILES))
def test_a_saved_record_in_the_drafts_folder(
    home: Path, record_id: str, tmp_path: Path, kind: str
) -> None:
    stored = home / "records" / f"{record_id}.json"
    stored.write_bytes(_content(home, kind))
    before = stored.read_bytes()
    expected = FILES[kind][1]
    assert _run("validate", record_id) == expected
    assert _run("export", record_id, "--output", str(tmp_path / "ut.json")) == expected
    assert _run("resume", "--enkel", record_id) == expected
    assert _run("start", "--enkel", "--from", record_id) == expected
    assert _run("list") == BAD
    assert _run("overview") == BAD
    assert stored.read_bytes() == before


def test_a_file_without_an_id_in_the_drafts_folder_is_named_as_such(
    home: Path, record_id: str
) -> None:
    stored = home / "records" / f"{record_id}.json"
    stored.write_text('{"organisation": {"name": "Kultur"}}', encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", record_id])
    assert result.exit_code == BAD
    assert "None" not in result.output
    assert "inget id" in result.output


def test_a_variant_that_cannot_be_used(home: Path, tmp_path: Path) -> None:
    variant = tmp_path / "trasig.toml"
    variant.write_bytes(b'id = "trasig"\ntitle = "Kultur\xf6"\n')
    answers = ROOT / "examples" / "komplett.json"
    used = ["start", "--checklist", str(variant), "--answers", str(answers), "--no-input"]
    assert _run(*used) == USAGE
    # Checking it lists what is wrong in the file: the answers or the file do not hold.
    assert _run("checklist", "check", str(variant)) == BAD


def test_the_readme_says_what_these_tests_hold() -> None:
    table = README[README.index("### Slutkoder") :]
    row_1 = next(line for line in table.splitlines() if line.startswith("| 1 |"))
    row_2 = next(line for line in table.splitlines() if line.startswith("| 2 |"))
    assert "trasig sparad checklista" in row_1
    assert "`list`" in row_1 and "`overview`" in row_1
    assert "nyare version" in row_2 and "variant" in row_2
