"""`kontoguide list` in plain mode (issue 21): one line per checklist, not a table whose
cells a screen reader hears wrapped across lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli_support import ROOT, run_kontoguide

EXAMPLES = ROOT / "examples"
DRAWING = re.compile(r"[\x1b\u2500-\u259f]")


@pytest.mark.parametrize("way", [("--enkel",), ()])
def test_list_in_plain_mode_is_one_line_per_checklist(home: Path, way: tuple[str, ...]) -> None:
    for name in ("komplett.json", "med-fel.json"):
        run_kontoguide("start", "--answers", str(EXAMPLES / name), "--no-input", home=home)
    env = {} if way else {"ACCESSIBLE": "1"}
    # Narrow, where the table wraps every cell over several lines.
    done = run_kontoguide("list", *way, home=home, env={**env, "COLUMNS": "60"})
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 2, done.stdout
    for line in lines:
        assert line.startswith("Id: ")
        assert "Konto: " in line and "Status: " in line and "Senast ändrad: " in line
        assert "Kulturförvaltningen" in line
    assert any("Startat" in line for line in lines)
    assert not DRAWING.search(done.stdout)
    assert "…" not in done.stdout


def test_list_without_the_mode_is_still_a_table(home: Path) -> None:
    run_kontoguide("start", "--answers", str(EXAMPLES / "komplett.json"), "--no-input", home=home)
    done = run_kontoguide("list", home=home, env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    assert "Id: " not in done.stdout
    assert "Senast ändrad" in done.stdout.splitlines()[0]


def test_list_help_names_the_mode(home: Path) -> None:
    done = run_kontoguide("list", "--help", home=home)
    assert "--enkel" in done.stdout and "en rad per checklista" in " ".join(done.stdout.split())
