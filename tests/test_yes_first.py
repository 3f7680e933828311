"""Predictable choices (issue 21): Ja is always option 1 of a yes/no choice, the default
stays the cautious one, and Enter never chooses an option just declined."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from kontoguide.checklist.parts import Checklist, Question
from kontoguide.cli import messages as m
from kontoguide.model.errors import ExitCode
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.follow_up import FollowUpDialogue
from kontoguide.questionnaire.prompting import NO, YES, Option, Prompt
from kontoguide.store.storage import Store
from kontoguide.terminal import interactive
from kontoguide.terminal.plain_asker import PlainAsker
from kontoguide.terminal.plain_screen import PlainScreen
from scenario import RecordingScreen, started_example


class Recorder:
    """Answers every choice with its first option and keeps what each offered."""

    def __init__(self) -> None:
        self.asked: list[tuple[Prompt, list[Option]]] = []

    def text(self, prompt: Prompt, *, multiline: bool = False) -> str:
        raise AssertionError(prompt.message)

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str:
        self.asked.append((prompt, list(options)))
        return options[0].value

    def checkbox(self, prompt: Prompt, options: Sequence[Option]) -> list[str]:
        raise AssertionError(prompt.message)

    def yes_no(self) -> tuple[Prompt, list[Option]]:
        (found,) = [
            (prompt, options)
            for prompt, options in self.asked
            if {o.value for o in options} == {YES, NO}
        ]
        return found


def _conversation(checklist: Checklist, asker: Recorder) -> Conversation:
    flow = Flow(checklist, started_example(checklist), save=lambda _: None, stage="started")
    return Conversation(flow, asker, RecordingScreen())


def _platform(checklist: Checklist) -> Question:
    return next(q for _, q in checklist.questions() if q.field == "step3.platform")


def _ask_platform(checklist: Checklist, asker: Recorder, conversation: Conversation) -> None:
    conversation.answers.caution_accepted(_platform(checklist), "tiktok")


CHOICES = {
    "the notice": lambda checklist, asker: interactive.ask_notice(
        checklist, asker, PlainScreen(io.StringIO())
    ),
    "cancelling an item": lambda checklist, asker: _conversation(
        checklist, asker
    ).lists.editing.fields._cancel_confirmed(),
    "throwing a follow-up away": lambda checklist, asker: FollowUpDialogue(
        _conversation(checklist, asker)
    )._drop_sure(),
    "a platform with a caution": lambda checklist, asker: _ask_platform(
        checklist, asker, _conversation(checklist, asker)
    ),
}


@pytest.mark.parametrize("name", list(CHOICES))
def test_ja_is_option_1_and_the_default_is_the_cautious_no(checklist: Checklist, name: str) -> None:
    asker = Recorder()
    CHOICES[name](checklist, asker)
    prompt, options = asker.yes_no()
    assert [o.value for o in options] == [YES, NO]
    assert options[0].title.startswith("Ja")
    assert prompt.default == NO


def test_removing_an_item_puts_ja_first_and_keeps_by_default(checklist: Checklist) -> None:
    asker = Recorder()
    conversation = _conversation(checklist, asker)
    team = next(q for _, q in checklist.questions() if q.field == "step4.team")
    conversation.lists.editing.remove(team)  # item 1, then the question whether to remove
    prompt, options = asker.yes_no()
    assert [o.value for o in options] == [YES, NO]
    assert prompt.default == NO


def test_the_notice_in_plain_mode_numbers_ja_1_and_enter_declines(
    checklist: Checklist, home: Path
) -> None:
    out = io.StringIO()
    asker = PlainAsker(io.StringIO("\n"), out, echo=True)
    code = interactive.start(checklist, Store(), asker=asker, screen=PlainScreen(out))
    assert code == ExitCode.OK
    said = out.getvalue()
    assert f"1. {m.I_NOTICE_ACCEPT}" in said
    assert f"2. {m.I_NOTICE_DECLINE}" in said
    assert m.PL_DEFAULT_CHOICE.format(choice=m.I_NOTICE_DECLINE.removesuffix(".")) in said
    assert checklist.notice.declined in said
    assert not list(home.rglob("*.json"))


def test_enter_after_declining_tiktok_does_not_choose_tiktok(checklist: Checklist) -> None:
    # TikTok by its name, its caution declined (n), then a bare Enter: not TikTok again
    # but a request for a choice; then Instagram.
    flow = Flow(checklist, started_example(checklist), save=lambda _: None)
    out = io.StringIO()
    asker = PlainAsker(io.StringIO("tiktok\nn\n\ninstagram\n"), out, echo=True)
    conversation = Conversation(flow, asker, PlainScreen(out))
    value = conversation.answers.ask_value(_platform(checklist), None, lambda _: None)
    assert value == "instagram", out.getvalue()
    said = out.getvalue()
    assert said.count("Flera nordiska säkerhetsmyndigheter") == 1
    assert "Fel: " + m.PL_CHOOSE_EMPTY.split("{")[0] in said
