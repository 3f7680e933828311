"""Output taller than the screen goes through a pager, only on a terminal (issue 21):
`validate` of a checklist with many problems and "Visa alla svar i steget" (about 70
rows) would otherwise scroll their start off an 80x24 screen. Piped output stays whole."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from kontoguide.checklist.parts import Checklist
from kontoguide.questionnaire.events import SummaryShown
from kontoguide.questionnaire.flow import Flow
from kontoguide.terminal import pager
from kontoguide.terminal.views import RichScreen
from test_summary import complete_record

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "med-fel.json"


def _env(home: Path, paged: Path) -> dict[str, str]:
    # A pager that writes what it is given to a file: what was paged can be read back.
    script = "import sys; open(sys.argv[1], 'w', encoding='utf-8').write(sys.stdin.read())"
    pager_command = f'"{sys.executable}" -c "{script}" "{paged}"'
    env = {**os.environ, "KONTOGUIDE_HOME": str(home), "TERM": "xterm-256color"}
    env.update(PAGER=pager_command, PYTHONIOENCODING="utf-8")
    env.pop("MANPAGER", None)
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="ingen pty i Windows")
def test_validate_pages_a_long_report_on_an_80x24_terminal(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    paged = tmp_path / "paged.txt"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "kontoguide", "validate", str(EXAMPLE)],
        env=_env(tmp_path, paged),
        cwd=str(tmp_path),
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    piped = subprocess.run(
        [sys.executable, "-m", "kontoguide", "validate", str(EXAMPLE)],
        env=_env(tmp_path, tmp_path / "not-paged.txt"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    report = piped.stdout.splitlines()
    assert len(report) > 24
    # On the terminal the whole report went through the pager, a screen at a time.
    assert paged.read_text(encoding="utf-8").splitlines() == report[:-1]
    # Piped, nothing is paged: the whole report is on standard out.
    assert not (tmp_path / "not-paged.txt").exists()
    assert piped.returncode == 1 and "Traceback" not in piped.stderr


def _summary_screen(
    checklist: Checklist, rows: int
) -> tuple[RichScreen, io.StringIO, SummaryShown]:
    flow = Flow(checklist, complete_record(checklist), save=lambda _: None)
    step4 = next(s for s in checklist.sections if s.id == "step4")
    out = io.StringIO()
    console = Console(file=out, width=80, height=rows, force_terminal=True, color_system=None)
    return RichScreen(console), out, SummaryShown((flow.section_summary(step4),))


def test_a_steps_answers_taller_than_the_screen_are_paged(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(pager, "_interactive", lambda: True)
    monkeypatch.setattr("pydoc.pager", shown.append)
    screen, out, event = _summary_screen(checklist, 24)
    screen.show(event)
    (text,) = shown
    assert len(text.splitlines()) > 24 and "Organisation och rutiner" in text
    assert out.getvalue() == ""


def test_answers_that_fit_or_go_to_no_terminal_are_printed_whole(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("pydoc.pager", shown.append)
    monkeypatch.setattr(pager, "_interactive", lambda: True)
    screen, out, event = _summary_screen(checklist, 500)  # a screen that holds them
    screen.show(event)
    monkeypatch.setattr(pager, "_interactive", lambda: False)  # piped
    screen, piped, event = _summary_screen(checklist, 24)
    screen.show(event)
    assert shown == []
    assert "Organisation och rutiner" in out.getvalue()
    assert len(piped.getvalue().splitlines()) > 24


@pytest.mark.skipif(sys.platform == "win32", reason="ingen pty i Windows")
def test_with_a_screen_reader_nothing_is_held_back_by_a_pager(tmp_path: Path) -> None:
    # ACCESSIBLE=1 (plain mode): the report is read as it comes, never behind a key.
    pexpect = pytest.importorskip("pexpect")
    paged = tmp_path / "paged.txt"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "kontoguide", "validate", str(EXAMPLE)],
        env={**_env(tmp_path, paged), "ACCESSIBLE": "1"},
        cwd=str(tmp_path),
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    shown = child.before
    child.close()
    assert child.exitstatus == 1
    assert not paged.exists()
    assert len(shown.splitlines()) > 24


def test_what_was_read_in_less_stays_on_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without -X less clears the screen at q: the report was gone just when it was needed.
    from kontoguide.terminal import pager

    seen: list[str | None] = []
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.setattr(pager, "_interactive", lambda: True)
    monkeypatch.setattr(pager, "_rows", lambda: 24)
    import pydoc

    monkeypatch.setattr(pydoc, "pager", lambda text: seen.append(os.environ.get("LESS")))
    assert pager.page_lines([f"rad {n}" for n in range(30)])
    assert seen == ["FRX"]
    # A LESS of the person's own is theirs.
    monkeypatch.setenv("LESS", "-R")
    assert pager.page_lines([f"rad {n}" for n in range(30)])
    assert seen[-1] == "-R"
