"""End to end through a real pseudo-terminal: the installed command, keys and signals.

Each prompt is found by its label (the terminal is wide, so no label wraps)
and answered from the scenario table; PROMPT_TOOLKIT_NO_CPR stops prompt_toolkit
from waiting for a cursor-position reply that pexpect never sends.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from scenario import (
    ANSWERS,
    DECISION,
    DOWN,
    ENTER,
    FINISH_LONG,
    FOLLOW_UP,
    REVIEW_READY,
    STAGE_CHECK,
    START,
    UP,
    sequence,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ingen pty i Windows")
pexpect = pytest.importorskip("pexpect")

NOTICE_CONFIRM = "Jag har läst rådet och vill ändå gå vidare"
SAVED = re.compile(r"Utkastet är sparat\. Fortsätt med: kontoguide resume ([a-z0-9]+)")
CTRL_C, CTRL_D = "\x03", "\x04"
ANSI = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>])")


class Session:
    """One run of `python -m kontoguide` in a pty, with a transcript of what it showed."""

    def __init__(
        self,
        home: Path,
        cwd: Path,
        *args: str,
        dimensions: tuple[int, int] = (50, 220),
        no_cpr: bool = True,
    ) -> None:
        env = {
            **os.environ,
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "KONTOGUIDE_HOME": str(home),
            "TERM": "xterm-256color",
        }
        env.pop("NO_COLOR", None)
        if not no_cpr:
            env.pop("PROMPT_TOOLKIT_NO_CPR")
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "kontoguide", *args],
            env=env,
            cwd=str(cwd),
            dimensions=dimensions,
            encoding="utf-8",
            timeout=20,
        )
        self.child.delaybeforesend = None
        self.dimensions = dimensions
        self.log = io.StringIO()
        self.child.logfile_read = self.log
        self.asked: list[str] = []

    @property
    def transcript(self) -> str:
        """Everything shown so far, without the terminal's control sequences."""
        return ANSI.sub("", self.log.getvalue())

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def screen(self) -> str:
        """The terminal's rows as they stand, drawn from everything shown so far."""
        import pyte

        rows, columns = self.dimensions
        screen = pyte.Screen(columns, rows)
        pyte.Stream(screen).feed(self.log.getvalue())
        return "\n".join(line.rstrip() for line in screen.display)

    def drawn_after_redraws(self, text: str, redraws: int = 10) -> bool:
        """Whether `text` is on the screen, waiting for up to `redraws` redraws (each
        ends by showing the cursor again) rather than for a time."""
        for _ in range(redraws):
            if text in self.screen():
                return True
            self.child.expect_exact("\x1b[?25h")
        return text in self.screen()

    def answer(self, label: str, keys: str) -> None:
        self.expect(label)
        self.asked.append(label)
        self.child.send(keys)

    def run(self, steps: list[tuple[str, str]]) -> None:
        for label, keys in steps:
            self.answer(label, keys)

    def acknowledge(self) -> None:
        # Ja is on top, the pointer on the default Nej below it.
        self.answer(NOTICE_CONFIRM, UP + ENTER)

    def finish(self) -> tuple[int, str]:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        return (-1 if status is None else int(status)), self.transcript

    def interrupt(self) -> str:
        """Ctrl-C; returns the draft id from the message."""
        self.child.send(CTRL_C)
        self.child.expect(SAVED)
        draft_id = str(self.child.match.group(1))
        status, _ = self.finish()
        assert status == 130
        return draft_id


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
    folder = home / "records"
    files = sorted(folder.glob("*.json")) if folder.exists() else []
    return [json.loads(path.read_text(encoding="utf-8")) for path in files]


def labels_between(checklist: Checklist, first: str, last: str) -> list[str]:
    fields = [q.field for _, q in checklist.questions()]
    return fields[fields.index(first) : fields.index(last) + 1]


def test_a_full_run_ends_ready_for_the_decision_with_the_document(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    session = Session(home, cwd, "start")
    session.acknowledge()
    session.run(sequence(checklist, ANSWERS))
    session.answer(REVIEW_READY, ENTER)
    session.expect(m.I_READY)
    session.answer(m.I_OFFER_DOCX, ENTER)
    session.expect("Word-dokumentet är sparat")
    status, transcript = session.finish()

    assert status == 0
    (record,) = records(home)
    assert record["status"] == "ready"
    assert f"kontoguide resume {record['id']}" in transcript
    assert record["step4"]["team"][1]["name"] == "Sara Holm"
    assert record["notice"]["acknowledged"] is True
    assert len(list(cwd.glob("*.docx"))) == 1


def test_ctrl_c_in_step_3_then_resume_asks_nothing_twice(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    steps = sequence(checklist, ANSWERS)
    stop = next(i for i, (label, _) in enumerate(steps) if label.startswith("Varför passar"))
    first = Session(home, cwd, "start")
    first.acknowledge()
    first.run(steps[:stop])
    first.expect(steps[stop][0])
    first.child.send("Halvskrivet svar")
    draft_id = first.interrupt()

    assert records(home)[0]["typed"] == {"step3.platform_reason": "Halvskrivet svar"}

    second = Session(home, cwd, "resume", draft_id)
    second.expect("Så långt har du kommit")
    # The half-typed answer is offered again, said not to be saved yet; Ctrl-U clears it.
    second.expect(m.Q_TYPED_NOT_SAVED[:40])
    second.answer(steps[stop][0], "\x15" + steps[stop][1])
    second.run(steps[stop + 1 :])
    second.answer(REVIEW_READY, ENTER)
    second.answer(m.I_OFFER_DOCX, DOWN + ENTER)
    status, transcript = second.finish()

    assert status == 0
    asked_before = {label for label in first.asked if label != "Vad vill du göra nu?"}
    repeated = [label for label in asked_before if f"? {label}" in transcript]
    assert repeated == []
    (record,) = records(home)
    assert record["status"] == "ready"
    assert record["typed"] == {}
    assert record["step3"]["platform_reason"] == ANSWERS["step3.platform_reason"]


def test_sigkill_after_some_answers_loses_none_of_them(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    steps = sequence(checklist, ANSWERS)
    given = steps[:7]  # the basics and three answers in step 1
    session = Session(home, cwd, "start")
    session.acknowledge()
    session.run(given)
    session.expect(steps[7][0])  # the next prompt is up: every answer before it is saved
    session.child.kill(signal.SIGKILL)
    session.child.close()

    (record,) = records(home)
    assert record["step1"]["comms_contact"]["name"] == "Anna Lind"

    resumed = Session(home, cwd, "resume")
    resumed.answer(m.I_CHOOSE_RECORD, ENTER)
    resumed.expect("Så långt har du kommit")
    resumed.expect(steps[7][0])
    shown = resumed.transcript
    for text in ("Barn och unga på Instagram", "Kulturförvaltningen", "Anna Lind", "klar"):
        assert text in shown
    assert "? Vilken förvaltning" not in shown
    resumed.child.send(CTRL_C)
    resumed.child.expect(SAVED)
    assert resumed.finish()[0] == 130


def test_an_invalid_email_is_refused_then_a_valid_one_accepted(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    steps = sequence(checklist, ANSWERS)
    email = next(i for i, (label, _) in enumerate(steps) if label == "Vilken e-postadress har hen?")
    session = Session(home, cwd, "start")
    session.acknowledge()
    session.run(steps[:email])
    session.answer(steps[email][0], "anna.lind@" + ENTER)
    session.expect(m.V_EMAIL)
    session.child.send("stockholm.se" + ENTER)
    session.expect(steps[email + 1][0])
    session.interrupt()

    (record,) = records(home)
    assert record["step1"]["comms_contact"]["email"] == "anna.lind@stockholm.se"


def test_declining_the_notice_saves_nothing(home: Path, cwd: Path) -> None:
    session = Session(home, cwd, "start")
    session.answer(NOTICE_CONFIRM, ENTER)
    session.expect("Inget har sparats")
    status, _ = session.finish()
    assert status == 0
    assert records(home) == []


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
def test_stopping_at_the_notice_saves_nothing(home: Path, cwd: Path, key: str) -> None:
    session = Session(home, cwd, "start")
    session.expect(NOTICE_CONFIRM)
    session.child.send(key)
    session.expect(m.I_STOPPED_NOTHING_SAVED)
    status, transcript = session.finish()
    assert status == 130
    assert "Traceback" not in transcript
    assert records(home) == []


def test_ctrl_d_at_a_choice_saves_and_says_how_to_continue(home: Path, cwd: Path) -> None:
    session = Session(home, cwd, "start")
    session.acknowledge()
    session.expect("Hör kontot till en förvaltning eller ett bolag?")
    session.child.send(CTRL_D)
    session.child.expect(SAVED)
    status, transcript = session.finish()
    assert status == 130
    assert "Traceback" not in transcript
    assert len(records(home)) == 1


@pytest.mark.parametrize("command", ["start", "resume"])
def test_without_a_terminal_the_message_is_clear(home: Path, command: str) -> None:
    env = {**os.environ, "KONTOGUIDE_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "kontoguide", command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert "behöver en terminal" in done.stderr
    assert "Traceback" not in done.stderr


def test_resume_with_an_unknown_id_says_so(home: Path, cwd: Path) -> None:
    session = Session(home, cwd, "resume", "finnsinte")
    session.expect("Det finns inget utkast med id finnsinte")
    assert session.finish()[0] == 2


def test_resume_with_an_unsafe_id_says_so(home: Path, cwd: Path) -> None:
    session = Session(home, cwd, "resume", "../../etc/passwd")
    session.expect("är inte ett utkast-id")
    assert session.finish()[0] == 2


def _document_text(path: Path) -> str:
    """Every paragraph and table cell of a Word document, as one text."""
    import docx

    document = docx.Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def follow_up_keys() -> list[tuple[str, str]]:
    """One follow-up of the scenario's one goal, as key presses at each prompt."""
    labels = m.FU_LABELS
    return [
        (labels["held_on"], FOLLOW_UP["held_on"] + ENTER),
        # The responsible person and the next follow-up after the interval are offered:
        # Ctrl-U clears the offer before another answer is typed.
        (labels["carried_out_by"], "\x15" + FOLLOW_UP["carried_out_by"] + ENTER),
        (labels["value"], FOLLOW_UP["value"] + ENTER),
        # The follow-up's own date is offered for the measurement: Enter takes it.
        (labels["measured_on"], ENTER),
        (labels["comment"], FOLLOW_UP["comment"] + FINISH_LONG),
        (labels["assessment"], FOLLOW_UP["assessment"] + FINISH_LONG),
        (labels["conclusion"], ENTER),  # "Fortsätt som nu" comes first
        (labels["next_review"], "\x15" + FOLLOW_UP["next_review"] + ENTER),
        (m.FU_CONFIRM, ENTER),
    ]


def test_from_start_through_decision_start_and_follow_up_to_the_document(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    first = Session(home, cwd, "start")
    first.acknowledge()
    first.run(sequence(checklist, ANSWERS))
    first.answer(REVIEW_READY, ENTER)
    first.expect(m.I_READY)
    first.answer(m.I_OFFER_DOCX, DOWN + ENTER)
    assert first.finish()[0] == 0
    (record,) = records(home)
    assert record["status"] == "ready"

    second = Session(home, cwd, "resume", record["id"])
    second.answer(m.I_MENU_DECISION, ENTER)  # yes: the decision is taken
    second.run(sequence(checklist, DECISION, stage="decided"))
    second.answer(STAGE_CHECK, ENTER)
    second.expect(m.I_DECISION_SAVED)
    second.answer(m.I_MENU_STARTED, ENTER)  # yes: the account is started
    second.run(sequence(checklist, START, stage="started"))
    second.answer(STAGE_CHECK, ENTER)
    second.expect(m.I_START_SAVED)
    second.answer(m.I_MENU_WHAT, ENTER)  # add a follow-up
    keys = follow_up_keys()
    second.run(keys[:2])  # the date and who carried it out
    # Each goal is shown before its value is asked.
    second.expect(m.FU_GOAL_TITLE.format(number=1, count=1, goal="Fler familjer"))
    second.run(keys[2:])
    second.expect(m.FU_SAVED.format(next=FOLLOW_UP["next_review"]))
    second.answer(m.I_MENU_WHAT, DOWN * 3 + ENTER)  # the document
    second.expect("Word-dokumentet är sparat")
    second.answer(m.I_MENU_WHAT, DOWN * 4 + ENTER)  # nothing more
    status, transcript = second.finish()

    assert status == 0
    assert "Traceback" not in transcript
    (record,) = records(home)
    assert record["status"] == "started"
    assert record["step5"]["outcome"] == "godkant"
    assert record["start"]["address"] == START["start.address"]
    (follow_up,) = record["follow_ups"]
    assert follow_up["measurements"][0]["value"] == 4711
    assert [entry["what"] for entry in record["history"]] == [
        "draft",
        "ready",
        "decided",
        "started",
        "followed_up",
    ]
    assert f"kontoguide resume {record['id']}" in transcript
    (document,) = cwd.glob("*.docx")
    text = _document_text(document)
    measured = [format(m["value"], "g") for m in follow_up["measurements"]]
    for value in measured:
        assert value in text


@pytest.mark.parametrize("columns", [60, 80])
def test_help_back_and_a_pause_mid_answer_in_a_narrow_terminal(
    home: Path, cwd: Path, columns: int
) -> None:
    session = Session(home, cwd, "start", dimensions=(24, columns))
    session.acknowledge()
    session.expect("fråga 1 av 4")
    session.child.send("?")
    session.expect("Mer hjälp:")
    session.child.send(ENTER)
    session.expect("fråga 2 av 4")
    # "?" on a question: its own help, never the answer.
    session.child.send("?")
    session.expect("Namnet visar vem som står bakom kontot")
    session.child.send("Kulturförvaltningen" + ENTER)
    session.expect("fråga 3 av 4")
    session.child.send("<" + ENTER)  # back to the organisation's name, kept as the default
    session.expect("fråga 2 av 4")
    session.child.send("\x1b[5~")  # PgUp: back to the first question
    session.expect("fråga 1 av 4")
    session.child.send(ENTER)
    session.expect("fråga 2 av 4")
    session.child.send(ENTER)
    session.expect("fråga 3 av 4")
    session.child.send("Stadsbiblioteket" + ENTER)
    session.expect("fråga 4 av 4")
    session.expect("Vad kallar du kontot")  # the prompt is up: keys go to it
    session.child.send("Barn och unga på" + CTRL_C)
    status, _ = session.finish()  # (the message wraps at 60 columns: read from the file)

    assert status == 130
    (record,) = records(home)
    assert record["organisation"]["name"] == "Kulturförvaltningen"
    assert record["organisation"]["unit"] == "Stadsbiblioteket"
    assert record["account_name"] is None
    assert record["typed"] == {"account_name": "Barn och unga på"}
    assert "Mer hjälp:" in session.transcript
    assert "Det finns ingen mer" not in session.transcript


def helps_by_label(checklist: Checklist) -> dict[str, str]:
    """Each question's and list item field's help (or "" for none), by the label a prompt shows."""
    helps: dict[str, str] = {}
    for _, question in checklist.questions():
        for asked in (question, *question.fields):
            helps.setdefault(asked.label, asked.help or "")
    return helps


def test_question_mark_shows_the_help_of_questions_all_through_the_checklist(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    helps = helps_by_label(checklist)
    steps = sequence(checklist, ANSWERS)
    # Every fifth question, from the basics to step 5, list items included.
    sample = {label for label, _ in steps if label in helps}
    sample = set(sorted(sample, key=[label for label, _ in steps].index)[::5])
    session = Session(home, cwd, "start")
    session.acknowledge()
    for label, keys in steps:
        session.expect(label)
        if label in sample:
            assert helps[label], label
            # "?" asks for help in an empty answer; Ctrl-U first empties an offered one.
            session.child.send("\x15?")
            session.expect(helps[label][:30])
            session.expect(label)  # the prompt is drawn again below the help: keys go to it
            sample.discard(label)
        session.child.send(keys)
    assert sample == set()
    session.expect(REVIEW_READY)  # every answer was taken after its help
    session.child.send(CTRL_C)
    session.finish()
    assert "Det finns ingen mer" not in session.transcript


def test_less_than_and_enter_go_back_and_the_previous_question_waits(home: Path, cwd: Path) -> None:
    session = Session(home, cwd, "start", dimensions=(24, 80))
    session.acknowledge()
    session.answer("fråga 1 av 4", ENTER)
    session.answer("fråga 2 av 4", "Kulturförvaltningen" + ENTER)
    session.expect("fråga 3 av 4")
    session.expect("Vilken enhet")
    # "<" is an answer like any other: it waits for Enter, and the Enter is its own.
    session.child.send("<")
    session.child.send(ENTER)
    session.expect("fråga 2 av 4")
    session.expect("Vilken förvaltning")
    session.child.send("\x15" + "Kulturhuset" + ENTER)  # Ctrl-U clears the offered answer
    session.answer("Vilken enhet", "Stadsbiblioteket" + ENTER)
    session.expect("Vad kallar du kontot")
    session.child.send(CTRL_C)
    session.child.expect(SAVED)
    assert session.finish()[0] == 130

    (record,) = records(home)
    assert record["organisation"]["name"] == "Kulturhuset"
    assert record["organisation"]["unit"] == "Stadsbiblioteket"


def test_a_terminal_that_does_not_answer_cursor_requests_gets_no_english_warning(
    home: Path, cwd: Path
) -> None:
    # pexpect's pty never answers a cursor position request (ESC [6n): without one
    # asked, prompt_toolkit has nothing to wait for and no "WARNING: your terminal
    # doesn't support cursor position requests (CPR)" to print.
    session = Session(home, cwd, "start", no_cpr=False)
    session.acknowledge()
    session.answer("fråga 1 av 4", ENTER)
    session.expect("Vilken förvaltning")
    session.child.send(CTRL_C)
    session.child.expect(SAVED)
    assert session.finish()[0] == 130
    assert "\x1b[6n" not in session.log.getvalue()
    assert "WARNING" not in session.transcript


def test_where_the_person_types_enter_is_said_and_a_refused_choice_shows(
    checklist: Checklist, home: Path, cwd: Path
) -> None:
    # The terminal answers no cursor position request (as every Session here): the
    # line under the input and a choice list's refusal are drawn all the same.
    steps = sequence(checklist, ANSWERS)
    policy = next(i for i, (label, _) in enumerate(steps) if label.startswith("Har du läst"))
    reason = next(i for i, (label, _) in enumerate(steps) if label.startswith("Varför räcker"))
    session = Session(home, cwd, "start")
    session.acknowledge()
    session.run(steps[:1])
    session.expect(steps[1][0])
    session.expect(m.P_ENTER_SAVES)
    session.child.send(steps[1][1])
    session.run(steps[2:policy])
    session.answer(steps[policy][0], DOWN + ENTER)  # Nej: the policy must be read
    session.expect(m.V_YES_POLICY)
    session.child.send(UP + ENTER)
    session.run(steps[policy + 1 : reason])
    session.expect(steps[reason][0])
    session.expect(m.P_ENTER_LONG)
    session.child.send("<")
    # The line is redrawn in place, only its changed letters: read off the screen.
    assert session.drawn_after_redraws(m.P_ENTER_GOES_BACK)
    session.child.send(CTRL_C)
    session.child.expect(SAVED)
    assert session.finish()[0] == 130
