"""Check your answers: a task list of the steps, one step at a time; the resume overview."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.record import Record
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import SummaryShown, TaskList
from kontoguide.questionnaire.flow import Flow
from kontoguide.store.drafts import new_record
from kontoguide.terminal import interactive
from kontoguide.terminal.views import RichScreen
from scenario import (
    ANSWERS,
    DOWN,
    ENTER,
    FINISH_LONG,
    INTERRUPT,
    REVIEW_PROBLEMS,
    REVIEW_READY,
    UP,
    RecordingScreen,
    Saves,
    ScriptedAsker,
    full_script,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def complete_record(checklist: Checklist) -> Record:
    flow = Flow(checklist, new_record(checklist, "sum12345"), save=Saves())
    data = flow.record.model_dump(mode="json")
    data["notice"] = {"acknowledged": True, "acknowledged_at": data["created_at"]}
    flow = Flow(checklist, Record.model_validate(data), save=Saves())
    assert Conversation(flow, ScriptedAsker(full_script(checklist)), RecordingScreen()).review()
    return flow.record


def test_the_review_is_a_task_list_and_opens_one_step_at_a_time(checklist: Checklist) -> None:
    record = complete_record(checklist)
    script = {
        REVIEW_READY: ["step2", "step4", "later"],
        m.Q_STEP_WHICH_ANSWER: ["\x00visa", "\x00tillbaka", "step4.response_time"],
        "Hur snabbt besvaras frågor och kommentarer?": ["Inom två timmar"],
    }
    flow = Flow(checklist, record, save=Saves())
    asker = ScriptedAsker(script)
    screen = RecordingScreen()

    assert Conversation(flow, asker, screen).review() is False

    assert asker.left() == {}
    assert flow.value("step4.response_time") == "Inom två timmar"
    # Never all steps' answers at once: a step's whole summary only on request.
    shown = screen.of(SummaryShown)
    assert [[s.section.id for s in event.sections] for event in shown] == [["step2"]]
    tasks = screen.of(TaskList)
    assert len(tasks) == 3
    states = [(section.id, state) for section, state, _ in tasks[0].states]
    assert states == [(s, "done") for s in ("basics", "step1", "step2", "step3", "step4", "step5")]
    menu = next(p for p in asker.prompts if p.message == REVIEW_READY)
    assert menu.default == "complete"


def test_a_step_with_problems_is_marked_and_opens_on_the_wrong_answer(
    checklist: Checklist,
) -> None:
    record = complete_record(checklist)
    later = date.today() + timedelta(days=400)  # the goal's deadline has passed by then
    titles: dict[str, list[str]] = {}

    class Offered(ScriptedAsker):
        def select(self, prompt: Any, options: Any) -> str:
            titles.setdefault(prompt.message, [o.title for o in options])
            return super().select(prompt, options)

    asker = Offered({REVIEW_PROBLEMS: ["step2", "later"], m.Q_STEP_WHICH_ANSWER: ["\x00tillbaka"]})
    flow = Flow(checklist, record, save=Saves(), today=later)
    screen = RecordingScreen()
    assert Conversation(flow, asker, screen).review() is False

    step2 = next(t for t in titles[REVIEW_PROBLEMS] if t.startswith("Steg 2"))
    assert step2.endswith(f"{m.VIEW_STATE_LABELS['fix']} (1)")
    assert m.VIEW_STATE_LABELS["fix"] == "behöver rättas"
    opened = next(p for p in asker.prompts if p.message == m.Q_STEP_WHICH_ANSWER)
    assert opened.default == "step2.goals"


def _lines(screen: RichScreen) -> list[str]:
    file = screen.console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue().rstrip("\n").split("\n")


def test_the_task_list_fits_80_by_24(checklist: Checklist) -> None:
    record = complete_record(checklist)
    screen = RichScreen(Console(file=io.StringIO(), width=80, no_color=True))
    flow = Flow(checklist, record, save=Saves())
    states = tuple(flow.task_states([]))
    screen.show(TaskList(states, ready=True))
    # The heading, then the prompt and one line per step and per action.
    options = len(states) + 2
    assert len(_lines(screen)) + 1 + options <= 24
    assert all(len(line) <= 80 for line in _lines(screen))


def test_the_resume_overview_fits_one_screen(checklist: Checklist) -> None:
    from test_lists import record_with

    order = [q.field for _, q in checklist.questions("ready")]
    stop = order.index("step4.archiving.contact")
    record = record_with(checklist, {f: ANSWERS[f] for f in order[:stop] if f in ANSWERS})
    screen = RichScreen(Console(file=io.StringIO(), width=80, no_color=True))
    interactive._show_resume(screen, checklist, record, [])
    lines = _lines(screen)
    # Room is left under it for the step's heading and the question with its hint.
    assert len(lines) <= 17, "\n".join(lines)
    text = "\n".join(lines)
    assert m.VIEW_LATEST_ANSWERS.format(part="Steg 4: Organisation och rutiner") in text
    assert "Alla inlägg" not in text  # only the last two answers of the step


# --- through a real terminal at 80×24 ----------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="ingen pty i Windows")
def test_a_platform_change_in_the_summary_at_80x24(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    import os

    from test_pty import ANSI, NOTICE_CONFIRM

    home, cwd = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    cwd.mkdir()
    data = json.loads((EXAMPLES / "klar-for-beslut.json").read_text(encoding="utf-8"))
    del data["notice"]
    del data["step5"]["decision_maker"]["title"]
    answers = cwd / "svar.json"
    answers.write_text(json.dumps(data), encoding="utf-8")
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "KONTOGUIDE_HOME": str(home)}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "kontoguide", "start", "--answers", str(answers)],
        env=env,
        cwd=str(cwd),
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )
    log = io.StringIO()
    child.logfile_read = log
    child.expect_exact(NOTICE_CONFIRM[:30])
    child.send(UP + ENTER)  # Ja above the default Nej
    child.expect_exact("befattning")
    child.send("Enhetschef" + ENTER)
    child.expect_exact("Vad vill du göra?")
    # The task list: each step with its state, "complete" at the pointer.
    child.expect_exact("Spara och fortsätt senare")
    child.send(UP * 3 + ENTER)  # step 5, step 4, step 3
    child.expect_exact("Tillbaka visar alla steg")
    child.expect_exact("Tillbaka till alla steg")
    child.send(UP * 10 + ENTER)  # the first question of step 3 (above "Visa alla svar")
    child.expect_exact("Vilken plattform ska kontot finnas på?")
    child.expect_exact("Annan plattform")
    child.send(UP + ENTER)  # Instagram is where the pointer starts; Facebook is above
    child.expect_exact("frågas igen nu")
    child.expect_exact("Varför passar plattformen")
    child.send(FINISH_LONG)  # the old reason, kept as it was
    child.expect_exact("Spara och fortsätt senare")
    child.send(DOWN + ENTER)  # save and continue later
    child.expect(pexpect.EOF)
    child.close()
    shown = ANSI.sub("", log.getvalue())
    assert "Traceback" not in shown
    for step in ("Steg 1: ", "Steg 5: "):
        assert step in shown
    assert "Eftersom du ändrade" in shown
    (saved,) = [
        json.loads(p.read_text(encoding="utf-8")) for p in (home / "records").glob("*.json")
    ]
    assert saved["step3"]["platform"] == "facebook"
    assert saved["step3"]["platform_reason"] == data["step3"]["platform_reason"]


@pytest.mark.skipif(sys.platform == "win32", reason="ingen pty i Windows")
def test_step_4_opened_from_the_task_list_fits_80x24(tmp_path: Path) -> None:
    """The step with the most questions: its picker pages, and every screen of it, the
    answers with it, fits 24 rows (nothing scrolls off above the prompt)."""
    pexpect = pytest.importorskip("pexpect")
    pyte = pytest.importorskip("pyte")
    import os

    from test_pty import NOTICE_CONFIRM

    home, cwd = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    cwd.mkdir()
    data = json.loads((EXAMPLES / "klar-for-beslut.json").read_text(encoding="utf-8"))
    del data["notice"]
    answers = cwd / "svar.json"
    answers.write_text(json.dumps(data), encoding="utf-8")
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "KONTOGUIDE_HOME": str(home)}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "kontoguide", "start", "--answers", str(answers)],
        env=env,
        cwd=str(cwd),
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )
    screen = pyte.Screen(80, 24)
    stream = pyte.Stream(screen)

    class Terminal:
        """What the program writes, drawn as an 80×24 terminal shows it."""

        def write(self, data: str) -> None:
            stream.feed(data)

        def flush(self) -> None:
            pass

    child.logfile_read = Terminal()

    def rows() -> list[str]:
        return [line.rstrip() for line in screen.display]

    child.expect_exact(NOTICE_CONFIRM[:30])
    child.send(UP + ENTER)  # Ja above the default Nej
    child.expect_exact("Spara och fortsätt senare")
    child.send(UP * 2 + ENTER)  # step 5, step 4
    child.expect_exact("Tillbaka till alla steg")
    page_one = rows()
    text = "\n".join(page_one)
    # The prompt, the first of the step's questions and the way on are all on screen.
    assert "Vilket svar vill du ändra?" in text, text
    assert "Fler frågor: 13–24 av" in text, text
    assert "Visa alla svar i steget" in text, text
    assert "Tillbaka till alla steg" in page_one[-1] or "Tillbaka till alla steg" in text
    child.send(UP * 2 + ENTER)  # "Fler frågor" is two above "Tillbaka"
    child.expect_exact("Föregående frågor: 1–12")
    child.expect_exact("Tillbaka till alla steg")
    text = "\n".join(rows())
    assert "Vilket svar vill du ändra?" in text, text
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()


def test_a_steps_picker_shows_its_questions_a_page_at_a_time(checklist: Checklist) -> None:
    from kontoguide.questionnaire.question_picker import PICKER_PAGE

    record = complete_record(checklist)
    offered: list[list[str]] = []

    class Offered(ScriptedAsker):
        def select(self, prompt: Any, options: Any) -> str:
            if prompt.message == m.Q_STEP_WHICH_ANSWER:
                offered.append([o.value for o in options])
            return super().select(prompt, options)

    flow = Flow(checklist, record, save=Saves())
    step4 = next(s for s in checklist.sections if s.id == "step4")
    questions = flow.applicable_questions(step4)
    assert len(questions) > 2 * PICKER_PAGE, "step 4 is the tall one"
    target = questions[PICKER_PAGE + 1]
    pages = ["\x00nästa", "\x00föregående", "\x00nästa", target.field]
    asker = Offered({m.Q_STEP_WHICH_ANSWER: pages})
    asker.add(target.label, INTERRUPT)
    with pytest.raises(KeyboardInterrupt):
        Conversation(flow, asker, RecordingScreen()).open_section(step4)
    first, second, _, again = offered
    assert first[:PICKER_PAGE] == [q.field for q in questions[:PICKER_PAGE]]
    assert second[:PICKER_PAGE] == [q.field for q in questions[PICKER_PAGE : 2 * PICKER_PAGE]]
    assert again == second
    # Each page: its questions, the pages on either side, the summary, back.
    assert all(len(page) <= PICKER_PAGE + 4 for page in offered)
    assert asker.asked[-1] == target.label
