"""The line under a text prompt's input says what Enter does there (issue 21)."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.formatted_text import to_plain_text
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from kontoguide.cli import messages as m
from kontoguide.questionnaire.prompting import Prompt
from kontoguide.terminal.input_toolbar import finish_long, toolbar_text
from kontoguide.terminal.prompts import QuestionaryAsker
from scenario import ENTER, FINISH_LONG

CTRL_C = "\x03"


def test_windows_is_not_offered_alt_enter() -> None:
    assert "Alt+Enter" in finish_long("linux")
    assert "Alt+Enter" not in finish_long("win32")
    assert "Esc och sedan Enter" in finish_long("win32")


@pytest.mark.parametrize(
    ("multiline", "platform", "said"),
    [
        (False, "linux", m.P_ENTER_SAVES),
        (False, "win32", m.P_ENTER_SAVES),
        (True, "darwin", m.P_ENTER_LONG),
        (True, "win32", m.P_ENTER_LONG_WINDOWS),
    ],
)
def test_the_line_says_what_enter_does(multiline: bool, platform: str, said: str) -> None:
    with create_pipe_input() as pipe:
        pipe.send_text("svar" + (FINISH_LONG if multiline else ENTER))
        shown: list[str] = []
        text = toolbar_text(multiline=multiline, back=False, platform=platform)

        def check(_: str) -> str | None:
            shown.append(to_plain_text(text()).strip())
            return None

        QuestionaryAsker(input=pipe, output=_screen()).text(
            Prompt("Fråga", validate=check), multiline=multiline
        )
    assert shown == [said]


def _screen() -> Vt100_Output:
    # A real terminal's output, 80×24, that answers no cursor position request.
    return Vt100_Output(io.StringIO(), lambda: Size(rows=24, columns=80), term="xterm")


@pytest.mark.parametrize("multiline", [False, True])
def test_the_line_is_drawn_under_the_input_without_cursor_requests(multiline: bool) -> None:
    out = _screen()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=out):
        pipe.send_text("svar" + (FINISH_LONG if multiline else ENTER))
        QuestionaryAsker(input=pipe, output=out).text(Prompt("Fråga"), multiline=multiline)
    drawn = out.stdout.getvalue()  # type: ignore[attr-defined]
    said = m.P_ENTER_LONG if multiline else m.P_ENTER_SAVES
    assert said.split(".")[0] in drawn


@pytest.mark.parametrize(("typed", "said"), [("<", m.P_ENTER_GOES_BACK), ("a<", m.P_ENTER_LONG)])
def test_enter_after_less_than_alone_is_said_to_go_back(typed: str, said: str) -> None:
    text = toolbar_text(multiline=True, back=True, platform="linux")
    seen: list[str] = []
    prompt = Prompt(
        "Fråga", back=True, keep_typed=lambda _: seen.append(to_plain_text(text()).strip())
    )
    with create_pipe_input() as pipe:
        pipe.send_text(typed + CTRL_C)  # the line as it stands when the person pauses
        with pytest.raises(KeyboardInterrupt):
            QuestionaryAsker(input=pipe, output=_screen()).text(prompt, multiline=True)
    assert seen == [said]
