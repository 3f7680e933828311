"""Paths too long to write and folders no one may write in (issue 22).

A name beyond 255 bytes is a real one here (Linux refuses it with ENAMETOOLONG);
Windows' 260-character rule is checked by telling kontoguide it runs on Windows.
Every case ends in a Swedish message that names the path and what to do, with no
traceback and nothing half-written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kontoguide.cli.app import app
from kontoguide.files import atomicfile, pathlimits
from kontoguide.model.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
KOMPLETT = ROOT / "examples" / "komplett.json"
AS_ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
# The temp file kontoguide writes first has a longer name than the target's.
TEMP_EXTRA = len(".") + len(".") + 8 + len(".tmp")


def one_line(output: str) -> str:
    return " ".join(output.split())


def saved_id(home: Path) -> str:
    started = CliRunner().invoke(app, ["start", "--answers", str(KOMPLETT), "--no-input"])
    assert started.exit_code == ExitCode.OK, started.output
    (saved,) = (home / "records").glob("*.json")
    return saved.stem


def everything_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob("*"))


def test_an_export_to_a_name_too_long_for_the_file_system_names_it(
    home: Path, tmp_path: Path
) -> None:
    record_id = saved_id(home)
    out = tmp_path / "ut"
    out.mkdir()
    for target in (out / f"{'ä' * 130}.docx", out / ("a" * 300) / "beslut.docx"):
        result = CliRunner().invoke(app, ["export", record_id, "--output", str(target)])
        text = one_line(result.output)
        assert result.exit_code == ExitCode.USAGE, text
        assert str(target) in text and "för långt" in text and "högst 255" in text
        assert "kortare filnamn med --output" in text and "Ingen fil skapades" in text
        assert "Traceback" not in text and "File name too long" not in text
    assert everything_in(out) == []


def test_a_name_the_file_system_takes_is_written_though_its_temp_name_is_longer(
    home: Path, tmp_path: Path
) -> None:
    record_id = saved_id(home)
    target = tmp_path / f"{'b' * 245}.docx"  # 250 bytes; ".<name>.<8>.tmp" would be 264
    result = CliRunner().invoke(app, ["export", record_id, "--output", str(target)])
    assert result.exit_code == ExitCode.OK, result.output
    assert target.read_bytes()[:2] == b"PK"
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("command", [["overview", "-o"], ["schema", "-o"]])
def test_overview_and_schema_outputs_with_too_long_names_are_named(
    home: Path, tmp_path: Path, command: list[str]
) -> None:
    target = tmp_path / f"{'c' * 260}.json"
    result = CliRunner().invoke(app, [*command, str(target)])
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert str(target) in text and "för långt" in text and "Traceback" not in text
    assert everything_in(tmp_path) == ["home"]


def test_a_home_folder_with_a_too_long_name_says_how_to_choose_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / ("h" * 300)
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    for command in (["start", "--answers", str(KOMPLETT), "--no-input"], ["list"]):
        result = CliRunner().invoke(app, command)
        text = one_line(result.output)
        assert result.exit_code == ExitCode.USAGE, text
        assert str(home) in text and "för långt" in text and "KONTOGUIDE_HOME" in text
        assert "Traceback" not in text
    assert everything_in(tmp_path) == []


def windows_target(folder: Path, length: int, name: str = "beslut.docx") -> Path:
    """A path of exactly `length` characters in `folder`, ending in `name`."""
    room = length - len(str(folder)) - len(os.sep) * 2 - len(name)
    deep = folder / ("d" * room)
    deep.mkdir(parents=True, exist_ok=True)
    target = deep / name
    assert len(str(target)) == length
    return target


def test_on_windows_a_path_beyond_260_characters_is_refused_before_writing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_id = saved_id(home)
    monkeypatch.setattr(pathlimits, "on_windows", lambda: True)
    limit = pathlimits.WINDOWS_MAX_PATH - TEMP_EXTRA  # the temp file must fit too
    fits = windows_target(tmp_path / "ja", limit)
    result = CliRunner().invoke(app, ["export", record_id, "--output", str(fits)])
    assert result.exit_code == ExitCode.OK, result.output
    assert fits.is_file()
    too_long = windows_target(tmp_path / "nej", limit + 1)
    result = CliRunner().invoke(app, ["export", record_id, "--output", str(too_long)])
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert str(too_long) in text and "Windows klarar högst 259" in text
    assert "Ingen fil skapades" in text and "Traceback" not in text
    assert list(too_long.parent.iterdir()) == []


def test_on_windows_a_home_folder_too_deep_for_a_draft_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pathlimits, "on_windows", lambda: True)
    home = tmp_path / ("h" * (250 - len(str(tmp_path))))
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    result = CliRunner().invoke(app, ["start", "--answers", str(KOMPLETT), "--no-input"])
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert str(home) in text and "Windows klarar högst 259" in text
    assert "KONTOGUIDE_HOME" in text and not home.exists()


def test_a_too_long_path_refused_by_the_system_itself_is_said_in_swedish(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An encrypted home folder (eCryptfs) takes names of at most 143 bytes.
    record_id = saved_id(home)

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(36, "File name too long")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / f"{'e' * 150}.docx"
    result = CliRunner().invoke(app, ["export", record_id, "--output", str(target)])
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert str(target) in text and "för långt för filsystemet" in text
    assert "kortare filnamn med --output" in text and not target.exists()


def refuse_temp_files(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def test_an_export_into_a_folder_no_one_may_write_in_names_the_folder(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_id = saved_id(home)
    program = tmp_path / "Program Files" / "kontoguide"
    program.mkdir(parents=True)
    monkeypatch.chdir(program)  # a shortcut that starts kontoguide in its own folder
    refuse_temp_files(monkeypatch)
    result = CliRunner().invoke(app, ["export", record_id])
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert f"mappen {program}" in text and "där du får spara med --output" in text
    assert "Word" not in text and "Ingen fil skapades" in text
    assert list(program.iterdir()) == []


def test_a_draft_in_a_folder_no_one_may_write_in_points_to_kontoguide_home(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_id = saved_id(home)
    saved = (home / "records" / f"{record_id}.json").read_bytes()
    refuse_temp_files(monkeypatch)
    result = CliRunner().invoke(app, ["start", "--answers", str(KOMPLETT), "--no-input"])
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert f"mappen {home / 'records'}" in text and "KONTOGUIDE_HOME" in text
    assert "Word" not in text and "Traceback" not in text
    assert (home / "records" / f"{record_id}.json").read_bytes() == saved


@pytest.mark.skipif(AS_ROOT, reason="root writes in a read-only folder")
def test_a_read_only_folder_is_named_with_how_to_choose_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    record_id = saved_id(home)
    program = tmp_path / "program"
    program.mkdir()
    program.chmod(0o500)
    monkeypatch.chdir(program)
    try:
        result = CliRunner().invoke(app, ["export", record_id])
        text = one_line(result.output)
        assert result.exit_code == ExitCode.USAGE, text
        assert f"mappen {program}" in text and "--output" in text
        (home / "records").chmod(0o500)
        again = CliRunner().invoke(app, ["start", "--answers", str(KOMPLETT), "--no-input"])
        text = one_line(again.output)
        assert again.exit_code == ExitCode.USAGE, text
        assert str(home / "records") in text and "KONTOGUIDE_HOME" in text
        assert "Traceback" not in text
    finally:
        program.chmod(0o700)
        (home / "records").chmod(0o700)
    fresh = tmp_path / "ny"
    fresh.mkdir()
    fresh.chmod(0o500)
    monkeypatch.setenv("KONTOGUIDE_HOME", str(fresh / "kontoguide"))
    try:
        result = CliRunner().invoke(app, ["start", "--answers", str(KOMPLETT), "--no-input"])
    finally:
        fresh.chmod(0o700)
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert str(fresh / "kontoguide") in text and "KONTOGUIDE_HOME" in text


def test_length_problem_counts_bytes_except_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    swedish = Path(f"{'ö' * 200}.docx")  # 405 bytes, 205 characters
    assert pathlimits.length_problem(swedish) is not None
    monkeypatch.setattr(pathlimits, "on_windows", lambda: True)
    assert pathlimits.length_problem(Path("C:/") / swedish) is None
    assert atomicfile._temp_prefix("å" * 200).encode("utf-8") == b"." + "å".encode() * 50 + b"."


@pytest.mark.parametrize("command", [["validate"], ["overview"]])
def test_a_too_long_name_to_read_is_named_too(
    home: Path, tmp_path: Path, command: list[str]
) -> None:
    source = tmp_path / f"{'f' * 300}.json"
    result = CliRunner().invoke(app, [*command, str(source)])
    text = one_line(result.output)
    assert result.exit_code == ExitCode.USAGE, text
    assert str(source) in text and "för långt för filsystemet" in text
    assert "Traceback" not in text
