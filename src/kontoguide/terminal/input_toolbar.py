"""The line under a text prompt's input: what Enter does there, right now.

Enter adds a line in a long answer and saves everywhere else, and the two prompts
looked the same: this line says which, where the person types, and that Enter
goes back when the answer is "<". Alt+Enter is not offered on Windows, where the
terminal takes it (full screen); Esc and then Enter is the same key to
prompt_toolkit ("escape", "enter") everywhere.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.filters import Condition, is_done
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.layout.containers import ConditionalContainer, Window
from prompt_toolkit.layout.controls import FormattedTextControl

from kontoguide.terminal import messages as m
from kontoguide.terminal.prompt_keys import BACK_ANSWER

INDENT = "  "  # under the instruction lines above the input


def finish_long(platform: str = sys.platform) -> str:
    """How a long answer is ended, in the instruction above the input."""
    return m.P_MULTILINE_WINDOWS if platform == "win32" else m.P_MULTILINE


def toolbar_text(*, multiline: bool, back: bool, platform: str = sys.platform) -> Callable[[], Any]:
    """The line's text, asked again at every redraw (it changes with the answer)."""
    enter = m.P_ENTER_LONG_WINDOWS if platform == "win32" else m.P_ENTER_LONG
    if not multiline:
        enter = m.P_ENTER_SAVES

    def text() -> FormattedText:
        shown = enter
        if back and get_app().current_buffer.text.strip() == BACK_ANSWER:
            shown = m.P_ENTER_GOES_BACK
        return FormattedText([("class:enter-hint", INDENT + shown)])

    return text


def show_toolbar_always(app: Application[Any]) -> None:
    """Show the bottom toolbar also when the terminal does not say where the cursor is.

    prompt_toolkit draws a bottom toolbar only once it knows the rows below the
    cursor, which it learns from a cursor position request; those are turned off
    (PROMPT_TOOLKIT_NO_CPR, see prompts.py), so the line would never be drawn, nor
    a choice list's refusal, which questionary shows in a bottom toolbar too."""
    for container in app.layout.walk():
        if not isinstance(container, ConditionalContainer):
            continue
        window = container.content
        if not isinstance(window, Window) or window.style != "class:bottom-toolbar":
            continue
        control = window.content
        if isinstance(control, FormattedTextControl) and callable(control.text):
            container.filter = ~is_done & _has_text(control.text)


def _has_text(text: Callable[[], Any]) -> Condition:
    # A session without a toolbar (questionary's list above its choices) keeps none:
    # an empty toolbar would be an empty line.
    return Condition(lambda: text() is not None)
