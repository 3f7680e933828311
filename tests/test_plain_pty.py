"""Plain mode (`--enkel`) in a real pseudo-terminal: typed lines, Enter, Ctrl-C, resume.

The terminal is in its ordinary line mode: what is typed is echoed by the
terminal itself and reaches kontoguide as a whole line on Enter.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from plain_support import LIST_MENU, SAVE_READY, plain_lines
from scenario import ANSWERS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ingen pty i Windows")
pexpect = pytest.importorskip("pexpect")

NOTICE_CONFIRM = "Jag har läst rådet och vill ändå gå vidare"
SAVED = re.compile(r"[Uu]tkastet är sparat\. Fortsätt med: kontoguide resume --enkel ([a-z0-9]+)")
CTRL_C = "\x03"
# The lists branch changes one answer of an item at a time and always asks which item
# to remove; this test walks a list either way.
LISTS_BRANCH = hasattr(m, "Q_ITEM_WHICH_FIELD")
POLICY_HELP = "Policy för Stockholms stads konton i sociala medier antogs"


class PlainSession:
    """One run of `python -m kontoguide ... --enkel` in a pty, with its transcript."""

    def __init__(
        self, home: Path, cwd: Path, *args: str, columns: int = 200, **extra_env: str
    ) -> None:
        env = {**os.environ, "KONTOGUIDE_HOME": str(home), "TERM": "xterm-256color", **extra_env}
        env.pop("NO_COLOR", None)
        env.pop("KONTOGUIDE_ENKEL", None)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "kontoguide", *args],
            env=env,
            cwd=str(cwd),
            dimensions=(50, columns),
            encoding="utf-8",
            # The terminal echoes a typed byte that is not UTF-8 as it is.
            codec_errors="replace",
            timeout=20,
        )
        self.log = io.StringIO()
        self.child.logfile_read = self.log

    @property
    def transcript(self) -> str:
        return self.log.getvalue()

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def answer(self, question: str, *lines: str) -> None:
        self.expect(question)
        self.expect(m.PL_INPUT)
        for line in lines:
            self.child.send(line + "\r")

    def run(self, steps: list[tuple[str, list[str]]]) -> None:
        for question, lines in steps:
            self.answer(question, *lines)

    def finish(self) -> tuple[int, str]:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        return (-1 if status is None else int(status)), self.transcript


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def cwd(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def records(home: Path) -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((home / "records").glob("*.json"))
    ]


def _index(steps: list[tuple[str, list[str]]], question: str) -> int:
    return next(i for i, (label, _) in enumerate(steps) if label == question)


def test_wrong_answer_help_a_list_ctrl_c_and_resume(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    steps = plain_lines(checklist, ANSWERS)
    email = _index(steps, "Vilken e-postadress har hen?")
    policy = _index(steps, "Har du läst stadens policy för konton i sociala medier?")
    first_menu = _index(steps, LIST_MENU)
    after_list = first_menu + 1

    session = PlainSession(home, cwd, "start", "--enkel")
    session.answer(NOTICE_CONFIRM, "j")
    session.run(steps[:policy])
    # Help: "?" shows the question's longer help, then the question again.
    session.answer(steps[policy][0], "?")
    session.expect(m.P_HELP_TITLE)
    session.expect(POLICY_HELP)
    session.run([steps[policy]])
    session.run(steps[policy + 1 : email])
    # A wrong answer: the reason on its own line, then the same question.
    session.answer(steps[email][0], "anna.lind@")
    session.expect("Fel: " + m.V_EMAIL)
    session.run([steps[email]])
    session.run(steps[email + 1 : first_menu])

    # The list: add a second account, change the first, remove the second.
    session.answer(LIST_MENU, "lägg")
    session.answer("Vad heter kontot?", "Bibblan Väst")
    session.answer("Vilken plattform finns kontot på?", "fac")
    session.expect(m.PL_CHOSEN.format(choice="Facebook"))
    session.answer("Vilken adress eller vilket användarnamn har kontot?", "@bibblanvast")
    session.answer("Går det att bidra till eller samarbeta med kontot?", "n")
    session.answer("Vill du lägga till något om kontot?", "")
    session.expect(m.VIEW_LIST_SO_FAR.format(count=2))
    session.answer(LIST_MENU, "ändra")
    if LISTS_BRANCH:  # which item, then which of its answers
        session.answer(m.Q_LIST_WHICH_CHANGE, "1")
        session.answer(m.Q_ITEM_WHICH_FIELD.split("{")[0], "1")
        session.answer("Vad heter kontot?", "Kulturskolan i Stockholm")
    else:  # which item, then each of its answers, Enter keeping one
        session.answer(m.Q_LIST_PICK_CHANGE, "1")
        session.answer("Vad heter kontot?", "Kulturskolan i Stockholm")
        session.expect(m.PL_DEFAULT_CHOICE.format(choice="Instagram"))
        session.child.send("\r")  # the platform stays
        session.answer("Vilken adress eller vilket användarnamn har kontot?", "")
        session.answer("Går det att bidra till eller samarbeta med kontot?", "")
        session.answer("Vill du lägga till något om kontot?", "")
    session.expect("1. Kulturskolan i Stockholm")
    session.answer(LIST_MENU, "ta bort")
    session.answer(m.Q_LIST_WHICH_REMOVE if LISTS_BRANCH else m.Q_LIST_PICK_REMOVE, "2")
    session.answer("Ta bort ”Bibblan Väst", "j")
    session.expect("Borttaget: Bibblan Väst")
    session.answer(LIST_MENU, "klart")

    # Ctrl-C at the next question: saved, and the way back is said.
    session.expect(steps[after_list][0])
    session.expect(m.PL_INPUT)
    session.child.send(CTRL_C)
    session.child.expect(SAVED)
    draft_id = str(session.child.match.group(1))
    status, transcript = session.finish()
    assert status == 130
    assert "Traceback" not in transcript
    assert "\x1b" not in transcript

    resumed = PlainSession(home, cwd, "resume", "--enkel", draft_id)
    resumed.expect(m.VIEW_OVERVIEW_TITLE)
    # A list is closed for the session only: a new session shows it again first.
    resumed.answer(LIST_MENU, "")
    resumed.run(steps[after_list:])
    resumed.answer(m.Q_REVIEW_PROMPT_READY, SAVE_READY)
    resumed.answer(m.I_OFFER_DOCX, "n")
    status, transcript = resumed.finish()

    assert status == 0
    assert "\x1b" not in transcript
    assert "Traceback" not in transcript
    (record,) = records(home)
    assert record["status"] == "ready"
    (account,) = record["step1"]["existing_accounts"]
    assert account["name"] == "Kulturskolan i Stockholm"
    assert account["platform"] == "instagram"
    assert record["step1"]["comms_contact"]["email"] == "anna.lind@stockholm.se"


def test_less_than_goes_back_to_the_previous_question(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    steps = plain_lines(checklist, ANSWERS)
    session = PlainSession(home, cwd, "start", "--enkel")
    session.answer(NOTICE_CONFIRM, "j")
    session.run(steps[:2])
    session.answer(steps[2][0], "<")
    session.answer(steps[1][0], "Stadsledningskontoret")
    session.run(steps[2:3])
    session.expect(steps[3][0])
    session.expect(m.PL_INPUT)
    session.child.send(CTRL_C)
    session.child.expect(SAVED)
    assert session.finish()[0] == 130
    (record,) = records(home)
    assert record["organisation"]["name"] == "Stadsledningskontoret"


def test_question_mark_says_the_help_of_questions_all_through_the_checklist(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    helps = {
        asked.label: asked.help
        for _, question in checklist.questions()
        for asked in (question, *question.fields)
    }
    steps = plain_lines(checklist, ANSWERS)
    asked = [question for question, _ in steps if question in helps]
    sample = set(asked[::5])  # every fifth question, from the basics to step 5
    session = PlainSession(home, cwd, "start", "--enkel")
    session.answer(NOTICE_CONFIRM, "?")
    session.expect(m.P_HELP_TITLE)
    session.expect(str(checklist.notice.help)[:30])
    session.answer(NOTICE_CONFIRM, "j")
    for question, lines in steps:
        if question in sample:
            assert helps[question], question
            session.answer(question, "?")
            session.expect(m.P_HELP_TITLE)
            session.expect(str(helps[question])[:30])
            sample.discard(question)
        session.answer(question, *lines)
    assert sample == set()
    session.child.send(CTRL_C)
    session.expect("resume")
    session.finish()
    assert m.PL_NO_HELP not in session.transcript


def test_a_long_answer_talks_back_and_a_refused_one_is_given_back(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    steps = plain_lines(checklist, ANSWERS)
    reason = _index(steps, "Varför räcker inte stadens gemensamma konton?")
    session = PlainSession(home, cwd, "start", "--enkel")
    session.answer(NOTICE_CONFIRM, "j")
    session.run(steps[:reason])
    # Two lines, three words: too short a reason, refused.
    session.answer(steps[reason][0], "Räcker inte")
    session.expect(m.PL_LINE_KEPT.format(number=1))
    session.child.send("alls." + "\r")
    session.expect(m.PL_LINE_KEPT.format(number=2))
    session.child.send("\r")
    session.expect("Fel: ")
    # Said back, line by line, and kept with "+": the person only adds to it.
    session.expect(m.PL_YOU_WROTE_LINES.format(count=2) + "\r\nRäcker inte\r\nalls.")
    session.expect(m.PL_KEEP_WRITTEN)
    session.expect(m.PL_INPUT)
    session.child.send("+" + "\r")
    session.expect(m.PL_KEPT_LINES)
    session.child.send("Barnen följer inte dem." + "\r")
    session.expect(m.PL_LINE_KEPT.format(number=3))
    session.child.send("\r")
    session.expect(m.PL_LONG_STORED)
    session.expect(steps[reason + 1][0])
    session.expect(m.PL_INPUT)
    session.child.send(CTRL_C)
    session.child.expect(SAVED)
    assert session.finish()[0] == 130
    (record,) = records(home)
    assert record["step1"]["shared_accounts_reason"] == (
        "Räcker inte\nalls.\nBarnen följer inte dem."
    )


def test_at_80_columns_lines_are_broken_at_spaces(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    # The terminal would break the city's long sentence inside a word.
    session = PlainSession(home, cwd, "start", "--enkel", columns=80)
    session.answer(NOTICE_CONFIRM, "n")
    code, said = session.finish()
    assert code == 0
    lines = [line.rstrip("\r") for line in said.split("\n")]
    assert max(len(line) for line in lines) <= 79
    assert " ".join(line.strip() for line in lines if line.strip()).count(checklist.notice.text)


# Python's own choice for a terminal: surrogateescape in a C or C.UTF-8 locale, strict
# in others (en_US.UTF-8, sv_SE.UTF-8), which PYTHONIOENCODING stands in for here.
@pytest.mark.parametrize("errors", ["", "utf-8:strict"], ids=["locale", "strict"])
def test_the_end_of_input_after_a_byte_that_is_not_utf8_keeps_the_line(
    home: Path, cwd: Path, errors: str
) -> None:
    extra = {"PYTHONIOENCODING": errors} if errors else {}
    session = PlainSession(home, cwd, "start", "--enkel", **extra)
    session.answer(NOTICE_CONFIRM, "j")
    session.answer("Hör kontot till en förvaltning eller ett bolag?", "1")
    session.expect(m.PL_INPUT)
    # "Kulturförvaltningen" typed in Latin-1, then Ctrl-D twice in the middle of the line.
    os.write(session.child.child_fd, "Kulturförvaltningen".encode("latin-1"))
    os.write(session.child.child_fd, b"\x04")
    os.write(session.child.child_fd, b"\x04")
    session.child.expect(SAVED)
    status, transcript = session.finish()
    assert status == 130
    assert "Traceback" not in transcript
    (record,) = records(home)
    assert record["typed"] == {"organisation.name": "Kulturf\ufffdrvaltningen"}
