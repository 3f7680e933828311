"""Every question has real help behind "?": why it is asked, what a good answer looks
like, where to find the fact (issue 21).

The questions are walked from the checklists and the follow-up dialogue, not from a
hand list: every question of every stage, every field of a list's items, every answer
of a follow-up and the notice, in the standard checklist and the example variant. The
help is then pressed for through real prompts in both modes, in-process.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from kontoguide.checklist.loading import load_checklist, load_checklist_file
from kontoguide.checklist.parts import Checklist, ItemField, Question
from kontoguide.questionnaire.answer_prompts import AnswerPrompts
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.follow_up import FollowUpDialogue
from kontoguide.terminal import interactive
from kontoguide.terminal import messages as tm
from kontoguide.terminal.plain_asker import PlainAsker
from kontoguide.terminal.plain_screen import PlainScreen
from kontoguide.terminal.prompts import QuestionaryAsker
from scenario import RecordingScreen, started_example

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CTRL_C = "\x03"
NOTICE = "notice"
Asked = Question | ItemField


def _variant() -> Checklist:
    return load_checklist_file(EXAMPLES / "kulturforvaltningen.toml")


def _follow_up_specs(checklist: Checklist) -> list[ItemField]:
    """The answers a follow-up asks (the first goal's measurement stands for every goal)."""
    record = started_example(load_checklist())
    flow = Flow(checklist, record, save=lambda _: None)
    dialogue = FollowUpDialogue(Conversation(flow, PlainAsker(io.StringIO()), RecordingScreen()))
    seen: dict[str, ItemField] = {}
    for step in dialogue.steps({}):
        seen.setdefault(step.key, step.spec)
    return list(seen.values())


def asked(checklist: Checklist) -> Iterator[tuple[str, Asked]]:
    """(where, question) for everything the checklist and its follow-ups ask."""
    for _, question in checklist.questions():
        yield question.field, question
        for item_field in question.fields:
            yield f"{question.field}[].{item_field.field}", item_field
    for spec in _follow_up_specs(checklist):
        yield f"follow_ups[].{spec.field}", spec


def _words(text: str | None) -> str:
    return re.sub(r"\W+", " ", text or "").strip().lower()


def _real_help(help: str | None, *repeats: str | None) -> str | None:
    """Why `help` is not real help, or None."""
    if help is None or not help.strip():
        return "ingen hjälp"
    said = _words(help)
    if said in (_words(tm.P_NO_MORE_HELP), _words(tm.PL_NO_HELP)):
        return "bara att det inte finns mer hjälp"
    for repeated in repeats:
        if repeated and said in _words(repeated):
            return "bara frågan eller tipset igen"
    return None


CHECKLISTS = {"stockholm-standard": load_checklist, "kulturforvaltningen": _variant}


@pytest.mark.parametrize("name", list(CHECKLISTS))
def test_every_question_has_real_help(name: str) -> None:
    checklist = CHECKLISTS[name]()
    missing = {
        where: reason
        for where, question in asked(checklist)
        if (reason := _real_help(question.help, question.label, question.hint)) is not None
    }
    notice = checklist.notice
    if (reason := _real_help(notice.help, notice.confirm, notice.text)) is not None:
        missing[NOTICE] = reason
    assert missing == {}


def test_the_walk_covers_lists_follow_ups_and_the_later_stages() -> None:
    # The enumeration itself, so that a question cannot slip out of the test above.
    where = [place for place, _ in asked(load_checklist())]
    for expected in (
        "organisation.kind",
        "step2.goals[].effect",
        "step4.team[].role",
        "step4.archiving.tool",
        "step5.outcome",
        "start.reported_to_list",
        "closing.removed_from_list",
        "follow_ups[].value",
        "follow_ups[].next_review",
    ):
        assert expected in where
    assert len(where) == len(set(where)) > 120


# --- through the prompts, in-process ----------------------------------------------------


class Helps(list[str]):
    def __call__(self, text: str) -> None:
        self.append(text)


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def _ask(prompts: AnswerPrompts, spec: Asked) -> None:
    """Ask `spec` as the conversation does; the pause afterwards ends the prompt."""
    with pytest.raises((KeyboardInterrupt, EOFError)):
        prompts.ask_value(spec, None, lambda _: None)


def _specs(checklist: Checklist) -> list[Asked]:
    return [spec for _, spec in asked(checklist) if spec.kind != "list"]


def test_question_mark_shows_each_questions_help_in_the_ordinary_mode(
    checklist: Checklist, pipe: PipeInput
) -> None:
    flow = Flow(checklist, started_example(checklist), save=lambda _: None)
    for spec in _specs(checklist):
        helps = Helps()
        pipe.send_text("?" + CTRL_C)
        asker = QuestionaryAsker(input=pipe, output=DummyOutput(), show_help=helps)
        _ask(AnswerPrompts(flow, asker, RecordingScreen()), spec)
        assert helps == [spec.help], spec.label


def test_question_mark_says_each_questions_help_in_plain_mode(checklist: Checklist) -> None:
    flow = Flow(checklist, started_example(checklist), save=lambda _: None)
    for spec in _specs(checklist):
        out = io.StringIO()
        asker = PlainAsker(io.StringIO("?\n"), out, echo=False, today=date(2026, 12, 7))
        _ask(AnswerPrompts(flow, asker, RecordingScreen()), spec)
        said = out.getvalue()
        assert tm.PL_NO_HELP not in said, spec.label
        assert spec.help is not None and spec.help.strip() in said, spec.label


def test_question_mark_at_the_notice_says_what_answering_means(
    checklist: Checklist, pipe: PipeInput
) -> None:
    helps = Helps()
    pipe.send_text("?" + CTRL_C)
    asker = QuestionaryAsker(input=pipe, output=DummyOutput(), show_help=helps)
    with pytest.raises(KeyboardInterrupt):
        interactive.ask_notice(checklist, asker, PlainScreen(io.StringIO()))
    assert helps == [checklist.notice.help]

    out = io.StringIO()
    plain = PlainAsker(io.StringIO("?\nnej\n"), out, echo=False, today=date(2026, 12, 7))
    assert interactive.ask_notice(checklist, plain, PlainScreen(io.StringIO())) is None
    assert str(checklist.notice.help) in out.getvalue()
    assert tm.PL_NO_HELP not in out.getvalue()


FROM_OTHERS = (
    "step4.archiving.case_number",
    "step4.data_protection.dpo_name",
    "step4.data_protection.dpo_date",
)


def test_a_fact_that_comes_from_someone_else_says_how_to_pause() -> None:
    from kontoguide.checklist.loading import load_checklist

    checklist = load_checklist()
    for field in FROM_OTHERS:
        hint = str(checklist.question(field).hint)
        assert "Ctrl-C" in hint and "kontoguide resume" in hint, field
