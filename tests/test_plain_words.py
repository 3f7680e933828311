"""Speakable tokens in plain mode (issue 21): the date format in words with an example
that does not come from the clock, "Control C" for Ctrl-C, no "›" carrying meaning
alone, and the pause and resume lines with the account's name first, the id once and
no path."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.questionnaire.events import Heading, ProblemsShown
from kontoguide.questionnaire.prompting import Prompt
from kontoguide.rules.field_problems import Problem
from kontoguide.terminal.plain_asker import PlainAsker, example_date, plain
from kontoguide.terminal.plain_screen import PlainScreen
from kontoguide.terminal.views import RichScreen
from test_plain_cli import SAVED, piped, records, typed

NAME = "Barn och unga på Instagram"


@pytest.mark.parametrize(
    ("today", "example"),
    [(date(2026, 5, 1), "2027-06-30"), (date(2030, 12, 31), "2031-06-30")],
)
def test_the_date_format_is_said_in_words_with_an_example_from_the_given_day(
    today: date, example: str
) -> None:
    out = io.StringIO()
    ask = PlainAsker(io.StringIO("2026-03-15\n"), out, echo=True, today=today)
    ask.text(Prompt("När?", hint="Som ÅÅÅÅ-MM-DD.", placeholder="ÅÅÅÅ-MM-DD"))
    said = out.getvalue()
    assert f"år-månad-dag, till exempel {example}," in said
    assert "Som år-månad-dag." in said  # the hint too
    assert "ÅÅÅÅ" not in said
    assert example_date(today) == example


def test_the_timestamp_format_of_files_is_left_alone() -> None:
    assert plain("ÅÅÅÅ-MM-DDTtt:mm:ss") == "ÅÅÅÅ-MM-DDTtt:mm:ss"


def test_ctrl_c_is_said_control_c_in_plain_mode_only(checklist: Checklist) -> None:
    out = io.StringIO()
    PlainScreen(out).show(Heading("Steg 1 av 5: Förarbete", None))
    assert "Control C tar paus." in out.getvalue()
    assert "Ctrl" not in out.getvalue()
    console = Console(file=io.StringIO(), width=80, no_color=True)
    RichScreen(console).show(Heading("Steg 1 av 5: Förarbete", None))
    file = console.file
    assert isinstance(file, io.StringIO) and "Ctrl-C tar paus." in file.getvalue()


def test_a_path_of_titles_is_not_carried_by_the_arrow_alone() -> None:
    out = io.StringIO()
    problem = Problem(path="step2.goals[1].target", title="Mätbara mål 2 › Målvärde", message="x")
    PlainScreen(out).show(ProblemsShown((problem,)))
    assert "Mätbara mål 2, Målvärde: x" in out.getvalue()
    assert "›" not in out.getvalue()
    assert "›" not in plain(m.V_LINK_OR_REFERENCE)
    assert "”Krisplan för Kulturförvaltningen, intranätet > Säkerhet”" in m.V_LINK_OR_REFERENCE


def test_the_pause_and_resume_lines_put_the_name_first_the_id_once_and_no_path(
    checklist: Checklist, home: Path, tmp_path: Path
) -> None:
    lines = typed(checklist)
    upto = lines.index(NAME) + 1
    first = piped("start", "--enkel", lines=["j", *lines[:upto]], home=home, cwd=tmp_path)
    assert first.returncode == 130, first.stderr
    (record,) = records(home)
    draft_id = record["id"]
    pause = first.stdout[first.stdout.rindex(m.PL_INPUT) :]
    assert SAVED.search(pause) is not None
    said = m.PL_SAVED_RESUME.format(name=NAME, draft_id=draft_id)
    assert said.replace("resume ", "resume --enkel ") in pause
    assert pause.count(draft_id) == 1
    assert str(home) not in pause and ".json" not in pause
    second = piped("resume", "--enkel", draft_id, lines=[], home=home, cwd=tmp_path)
    assert m.PL_RESUMING.format(name=NAME, draft_id=draft_id) in second.stdout
    assert str(home) not in second.stdout
