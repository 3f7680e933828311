"""`kontoguide list` with nothing to list loads no model (issue 23), and says the same."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from cli_support import run_python
from kontoguide.cli import commands, list_command


@pytest.mark.parametrize("made", ["nothing", "home", "records"])
def test_the_quick_path_says_what_the_full_listing_says(
    home: Path, capsys: pytest.CaptureFixture[str], made: str
) -> None:
    if made != "nothing":
        (home / "records" if made == "records" else home).mkdir(parents=True, exist_ok=True)
    assert list_command.list_records() == 0
    quick = capsys.readouterr()
    assert commands.list_records() == 0
    full = capsys.readouterr()
    assert quick.out == full.out and quick.err == full.err == ""
    assert "Det finns inga sparade utkast" in quick.out


def test_a_folder_with_a_record_gets_the_full_listing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "records").mkdir(parents=True)
    (home / "records" / "trasig.json").write_text("{", "utf-8")
    assert list_command.list_records() == commands.list_records()
    said = capsys.readouterr()
    assert said.err.count("Kunde inte läsa 1 fil") == 2  # reported by both, never skipped


def _loaded_by_an_empty_list(modules: tuple[str, ...], tmp_path: Path) -> list[str]:
    """Which of `modules` a `kontoguide list` over no checklists has imported."""
    code = (
        "import sys\n"
        "from kontoguide.cli import entry\n"
        "sys.argv = ['kontoguide', 'list']\n"
        "try:\n"
        "    entry.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"heavy = {modules!r}\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    done = run_python("-c", code, home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    found: list[str] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return found


def test_an_empty_list_loads_neither_the_models_nor_the_checklist(tmp_path: Path) -> None:
    heavy = (
        "kontoguide.model.record",
        "kontoguide.checklist.parts",
        "rich.console",
        "kontoguide.terminal.plain_asker",
    )
    assert _loaded_by_an_empty_list(heavy, tmp_path) == []


def test_a_broken_files_long_path_is_printed_whole(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = home / "records"
    folder.mkdir(parents=True)
    (folder / ("ett-mycket-langt-filnamn-" * 4 + ".json")).write_text("{", "utf-8")
    commands.list_records()
    err = capsys.readouterr().err
    assert str(folder / ("ett-mycket-langt-filnamn-" * 4 + ".json")) in err


def test_an_empty_list_imports_neither_pydantic_nor_the_other_layers_texts(
    tmp_path: Path,
) -> None:
    # Typer built a pydantic TypeAdapter for -h/--help's missing default, and the
    # command's texts read every layer's: a third of an empty list (issue 23).
    heavy = (
        "pydantic",
        "importlib.metadata",
        "kontoguide.terminal.messages",
        "kontoguide.store.messages",
    )
    assert _loaded_by_an_empty_list(heavy, tmp_path) == []


def test_the_commands_texts_still_reach_every_layers_words() -> None:
    from kontoguide.cli import messages as m
    from kontoguide.store import messages as store_words

    assert m.S_UNKNOWN_ID == store_words.S_UNKNOWN_ID
    with pytest.raises(AttributeError, match="NO_SUCH_TEXT"):
        _ = m.NO_SUCH_TEXT  # type: ignore[attr-defined]
