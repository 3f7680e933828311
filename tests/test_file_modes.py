"""File and folder modes under a careless umask (issue 20).

With `umask 000` kontoguide's folders were 0777 and every export 0666: another user
overwrote an installed variant, and the next export printed that user's text as
the city's advice. kontoguide sets its modes itself.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kontoguide.cli.app import app
from variant_support import VARIANT_ANSWERS

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_kontoguides_folders_and_files_are_not_open_to_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    home = tmp_path / "ny" / "kontoguide"  # neither exists yet
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    runner = CliRunner()
    variant = ROOT / "examples" / "kulturforvaltningen.toml"
    answers = VARIANT_ANSWERS
    done = runner.invoke(
        app, ["start", "--checklist", str(variant), "--answers", str(answers), "--no-input"]
    )
    assert done.exit_code == 0, done.output
    for folder in (home, home / "records", home / "checklists"):
        assert mode(folder) == 0o700, folder
    assert mode(tmp_path / "ny") == 0o700  # a parent kontoguide made is its own too
    for path in [*home.glob("records/*.json"), *home.glob("checklists/*")]:
        assert mode(path) == 0o600, path
    (record,) = home.glob("records/*.json")
    out = tmp_path / "dokument.docx"
    exported = runner.invoke(app, ["export", record.stem, "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert mode(out) & 0o037 == 0, oct(mode(out))  # nothing for others, no group write
    overview = tmp_path / "oversikt.csv"
    shown = runner.invoke(app, ["overview", str(home / "records"), "-o", str(overview)])
    assert shown.exit_code == 0, shown.output
    assert mode(overview) & 0o037 == 0, oct(mode(overview))


def test_a_folder_that_exists_keeps_its_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    home = tmp_path / "delad"
    home.mkdir()
    home.chmod(0o750)
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    answers = ROOT / "examples" / "komplett.json"
    done = CliRunner().invoke(app, ["start", "--answers", str(answers), "--no-input"])
    assert done.exit_code == 0, done.output
    assert mode(home) == 0o750
    assert mode(home / "records") == 0o700


def test_every_output_and_a_new_variant_are_not_open_to_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    answers = ROOT / "examples" / "startat-med-uppfoljning.json"
    done = runner.invoke(app, ["start", "--answers", str(answers), "--no-input"])
    assert done.exit_code == 0, done.output
    (record,) = home.glob("records/*.json")
    written: list[Path] = []
    for fmt in ("docx", "md", "json"):
        out = tmp_path / f"dokument.{fmt}"
        made = runner.invoke(app, ["export", record.stem, "--format", fmt, "-o", str(out)])
        assert made.exit_code == 0, made.output
        written.append(out)
    for fmt in ("csv", "xlsx", "json", "md", "html", "stadens-lista"):
        out = tmp_path / f"oversikt.{fmt}"
        made = runner.invoke(app, ["overview", "--format", fmt, "-o", str(out)])
        assert made.exit_code == 0, made.output
        written.append(out)
    # A variant's file is not personal data, but its words become advice in an export.
    made = runner.invoke(app, ["checklist", "new", "min-variant"])
    assert made.exit_code == 0, made.output
    written.append(tmp_path / "min-variant.toml")
    for path in written:
        assert mode(path) & 0o037 == 0, (path.name, oct(mode(path)))


def test_kontoguides_folders_left_open_by_an_earlier_run_are_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    home = tmp_path / "home"
    for folder in (home, home / "records", home / "checklists"):
        folder.mkdir()
        folder.chmod(0o777)  # as a mkdir under umask 000 left them
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    variant = ROOT / "examples" / "kulturforvaltningen.toml"
    done = CliRunner().invoke(
        app,
        ["start", "--checklist", str(variant), "--answers", str(VARIANT_ANSWERS), "--no-input"],
    )
    assert done.exit_code == 0, done.output
    # Nobody else can replace the installed variant or a draft now.
    assert mode(home / "checklists") & 0o027 == 0, oct(mode(home / "checklists"))
    assert mode(home / "records") & 0o027 == 0, oct(mode(home / "records"))
    assert mode(home) == 0o777  # the user's own folder is theirs to set
