"""Plain mode (`--enkel`) as a script uses it: answers piped into the command, no terminal."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from cli_support import ROOT, clean_env, run_kontoguide
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from plain_support import SAVE_READY, plain_lines
from scenario import ANSWERS

SAVED = re.compile(r"Fortsätt med: kontoguide resume --enkel ([a-z0-9]+)")


def piped(
    *args: str, lines: list[str], home: Path, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """`kontoguide ARGS` with the lines on standard in (a pipe, not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "kontoguide", *args],
        input="".join(line + "\n" for line in lines),
        env=clean_env(home, env),
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def records(home: Path) -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((home / "records").glob("*.json"))
    ]


def typed(checklist: Checklist) -> list[str]:
    return [line for _, lines in plain_lines(checklist, ANSWERS) for line in lines]


def test_a_complete_run_piped_in_ends_ready_for_the_decision(
    checklist: Checklist, home: Path, tmp_path: Path
) -> None:
    # j: the notice; then save as ready at the review; n: no document now.
    done = piped(
        "start", "--enkel", lines=["j", *typed(checklist), SAVE_READY, "n"], home=home, cwd=tmp_path
    )
    everything = done.stdout + done.stderr

    assert done.returncode == 0, everything[-2000:]
    (record,) = records(home)
    assert record["status"] == "ready"
    assert record["step4"]["team"][1]["name"] == "Sara Holm"
    assert record["notice"]["acknowledged"] is True
    assert "\x1b" not in everything
    assert "\r" not in everything
    assert "Fel:" not in everything
    assert m.I_READY in done.stdout
    # The step is said by its heading, not again at its first question.
    assert "\nFråga 1 av " in done.stdout.split("Steg 2 av 5: ")[1].split("Svar:")[0]
    assert f"kontoguide resume --enkel {record['id']}" in done.stdout
    # How to answer: in full once per kind of prompt, then in a few words.
    assert done.stdout.count(m.PL_BACK_KEY) == 1
    assert done.stdout.count(m.PL_TEXT) == 1
    # The way back: once per part (there are ten headings), not before every question.
    assert 1 <= done.stdout.count(m.PL_BACK_KEY_SHORT) < 10
    assert "·" not in done.stdout and "…" not in done.stdout


def test_a_wrong_answer_is_refused_with_its_reason_and_the_question_again(
    home: Path, tmp_path: Path
) -> None:
    lines = ["j", "förvaltning", "Kulturförvaltningen", "", "Stadsbiblioteket"]
    done = piped("start", "--enkel", lines=lines, home=home, cwd=tmp_path)
    assert done.returncode == 130
    shown = done.stdout.split("\n")
    error = shown.index("Fel: " + m.V_TEXT_EMPTY)
    assert shown[error + 1] == "Vilken enhet eller avdelning ska driva kontot?"
    (record,) = records(home)
    assert record["organisation"]["unit"] == "Stadsbiblioteket"


def test_the_end_of_the_input_pauses_and_resume_enkel_goes_on(
    checklist: Checklist, home: Path, tmp_path: Path
) -> None:
    lines = typed(checklist)
    first = piped("start", "--enkel", lines=["j", *lines[:6]], home=home, cwd=tmp_path)
    assert first.returncode == 130
    found = SAVED.search(first.stdout)
    assert found is not None, first.stdout[-1000:]
    draft_id = found.group(1)

    second = piped(
        "resume", "--enkel", draft_id, lines=[*lines[6:], SAVE_READY, "n"], home=home, cwd=tmp_path
    )
    assert second.returncode == 0, (second.stdout + second.stderr)[-2000:]
    assert m.VIEW_OVERVIEW_TITLE in second.stdout
    assert "\x1b" not in second.stdout + second.stderr
    (record,) = records(home)
    assert record["status"] == "ready"


def test_the_answers_shown_on_resume_are_whole(
    checklist: Checklist, home: Path, tmp_path: Path
) -> None:
    # The normal mode cuts them to fit 80 columns ("…"); a listener hears them whole.
    lines = typed(checklist)
    purpose = ANSWERS["step2.purpose"]
    upto = lines.index(purpose) + 2  # the long answer and its empty line
    first = piped("start", "--enkel", lines=["j", *lines[:upto]], home=home, cwd=tmp_path)
    found = SAVED.search(first.stdout)
    assert found is not None, first.stdout[-1000:]
    second = piped("resume", "--enkel", found.group(1), lines=[], home=home, cwd=tmp_path)
    said = purpose.replace("6–12", "6 till 12")
    assert m.PL_ROW.format(name="Syfte", value=said) in second.stdout
    assert "…" not in second.stdout


def test_the_variable_or_a_dumb_terminal_turns_the_mode_on(
    home: Path, checklist: Checklist
) -> None:
    for extra in ({"KONTOGUIDE_ENKEL": "1"}, {"TERM": "dumb"}):
        done = piped("start", lines=["n"], home=home, env=extra)
        assert done.returncode == 0, done.stderr
        assert checklist.notice.declined in done.stdout
        assert "\x1b" not in done.stdout
    assert records(home) == []


def test_resume_without_an_id_lists_the_records_as_plain_lines(
    checklist: Checklist, home: Path, tmp_path: Path
) -> None:
    piped("start", "--enkel", lines=["j", *typed(checklist)[:3]], home=home, cwd=tmp_path)
    (record,) = records(home)
    done = piped("resume", "--enkel", lines=["1"], home=home, cwd=tmp_path)
    assert done.returncode == 130
    assert f"{m.LIST_COL_ID}: {record['id']}" in done.stdout
    assert m.I_CHOOSE_RECORD in done.stdout
    assert m.VIEW_OVERVIEW_TITLE in done.stdout
    assert not re.search(r"[\x1b\r\u2500-\u259f]", done.stdout)


def test_without_enkel_and_without_a_terminal_the_message_names_both_ways(home: Path) -> None:
    start = run_kontoguide("start", home=home)
    assert start.returncode == 2
    assert "--enkel" in start.stderr
    assert "--answers" in start.stderr
    resume = run_kontoguide("resume", home=home)
    assert resume.returncode == 2
    assert "--enkel" in resume.stderr


def test_help_mentions_the_mode(home: Path) -> None:
    for command in ("start", "resume"):
        done = run_kontoguide(command, "--help", home=home)
        assert done.returncode == 0
        assert "--enkel" in done.stdout
        assert "skärmläsare" in done.stdout


def test_plain_mode_loads_neither_questionary_nor_prompt_toolkit(home: Path) -> None:
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('LADDAT:', sorted(n for n in sys.modules "
        "if n.split('.')[0] in ('questionary', 'prompt_toolkit')), file=sys.stderr))\n"
        "sys.argv = ['kontoguide', 'start', '--enkel']\n"
        "from kontoguide.cli.app import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="n\n",
        env=clean_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "LADDAT: []" in done.stderr
