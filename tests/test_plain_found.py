"""Plain mode found from the ordinary path (issue 21): ACCESSIBLE=1, the help, the first
screen and the pause name it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from cli_support import run_kontoguide
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.errors import ExitCode
from kontoguide.store.storage import Store
from kontoguide.terminal import interactive
from kontoguide.terminal.plain_wanted import wanted
from kontoguide.terminal.views import RichScreen
from scenario import INTERRUPT, ScriptedAsker
from test_plain_cli import piped, records

NOTICE = "Jag har läst rådet och vill ändå gå vidare med att pröva ett nytt konto."
FIRST = "Hör kontot till en förvaltning eller ett bolag?"


@pytest.mark.parametrize(
    ("environ", "on"),
    [
        ({"ACCESSIBLE": "1"}, True),
        ({"ACCESSIBLE": "yes"}, True),
        ({"ACCESSIBLE": "true"}, True),
        ({"ACCESSIBLE": "0"}, False),
        ({"ACCESSIBLE": "false"}, False),
        ({"ACCESSIBLE": "no"}, False),
        ({"ACCESSIBLE": "No "}, False),
        ({"ACCESSIBLE": ""}, False),
        ({"ACCESSIBLE": "", "TERM": "dumb"}, True),
        # kontoguide's own variable wins over the general one, either way.
        ({"ACCESSIBLE": "1", "KONTOGUIDE_ENKEL": "0"}, False),
        ({"ACCESSIBLE": "0", "KONTOGUIDE_ENKEL": "1"}, True),
    ],
)
def test_accessible_in_the_environment_acts_as_enkel(environ: dict[str, str], on: bool) -> None:
    assert wanted(False, environ) is on


def test_start_and_resume_are_plain_with_accessible_set(
    checklist: Checklist, home: Path, tmp_path: Path
) -> None:
    accessible = {"ACCESSIBLE": "1"}
    declined = piped("start", lines=["n"], home=home, env=accessible, cwd=tmp_path)
    assert declined.returncode == 0, declined.stderr
    assert checklist.notice.declined in declined.stdout
    assert "\x1b" not in declined.stdout
    # A draft, paused at the end of the input; resumed without --enkel, and the
    # follow-up menus after it are the same command: plain, line by line.
    first = piped("start", lines=["j", "förvaltning"], home=home, env=accessible, cwd=tmp_path)
    assert first.returncode == 130, first.stderr
    (record,) = records(home)
    again = piped("resume", record["id"], lines=[], home=home, env=accessible, cwd=tmp_path)
    assert again.returncode == 130, again.stderr
    assert m.VIEW_OVERVIEW_TITLE in again.stdout
    assert f"kontoguide resume --enkel {record['id']}" in again.stdout
    chooser = piped("resume", lines=["1"], home=home, env=accessible, cwd=tmp_path)
    assert m.I_CHOOSE_RECORD in chooser.stdout
    assert "\x1b" not in chooser.stdout + again.stdout


def test_the_top_help_and_the_start_help_name_the_plain_mode(home: Path) -> None:
    top = run_kontoguide("--help", home=home)
    assert top.returncode == 0
    flat = " ".join(top.stdout.split())
    assert "kontoguide start --enkel" in flat
    assert "ACCESSIBLE=1" in flat
    assert "skärmläsare" in flat
    start = " ".join(run_kontoguide("start", "--help", home=home).stdout.split())
    assert "ACCESSIBLE=1" in start and "skärmläsare" in start


def _screen() -> RichScreen:
    return RichScreen(Console(file=io.StringIO(), width=80, no_color=True))


def _shown(screen: RichScreen) -> str:
    file = screen.console.file
    assert isinstance(file, io.StringIO)
    return " ".join(file.getvalue().split())


def test_the_first_screen_of_start_names_the_plain_mode(checklist: Checklist, home: Path) -> None:
    screen = _screen()
    asker = ScriptedAsker({NOTICE: ["nej"]})
    assert interactive.start(checklist, Store(), asker=asker, screen=screen) == ExitCode.OK
    text = _shown(screen)
    assert m.I_PLAIN_OFFER in text
    # Before the notice: it is the first thing said.
    assert text.index(m.I_PLAIN_OFFER) < text.index(m.DOC_NOTICE_SOURCE)


def test_the_pause_names_the_plain_mode_with_the_id(checklist: Checklist, home: Path) -> None:
    screen = _screen()
    asker = ScriptedAsker({NOTICE: ["ja"], FIRST: [INTERRUPT]})
    store = Store()
    assert interactive.start(checklist, store, asker=asker, screen=screen) == 130
    (path,) = store.folder.glob("*.json")
    draft_id = json.loads(path.read_text(encoding="utf-8"))["id"]
    assert m.I_PLAIN_ON_RESUME.format(draft_id=draft_id) in _shown(screen)


def test_the_offer_the_notice_and_its_question_fit_a_24_row_screen(
    checklist: Checklist, home: Path
) -> None:
    # At 80x24 the offer scrolled away above a notice panel of 20 rows: the person who
    # needs it most never saw it. The question and its choices take four rows.
    screen = _screen()
    asker = ScriptedAsker({NOTICE: ["nej"]})
    assert interactive.start(checklist, Store(), asker=asker, screen=screen) == ExitCode.OK
    file = screen.console.file
    assert isinstance(file, io.StringIO)
    rows = file.getvalue().splitlines()
    offer = next(i for i, row in enumerate(rows) if row.startswith("Skärmläsare?"))
    bottom = next(i for i, row in enumerate(rows) if row.startswith("╰"))
    assert bottom - offer + 1 + 4 <= 24
