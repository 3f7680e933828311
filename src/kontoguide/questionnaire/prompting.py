"""What the conversation asks of a terminal: a prompt, its options, and the Asker.

Apart from the conversation so that the terminal's askers (prompts.py,
plain_asker.py) depend on these few types and not on how the questions are
put together. Every prompt carries a `validate` callable that returns the
Swedish message for a refused answer, so the asker can keep the typed text and
show the message in place; an asker that cannot do that gets the message as a
note and a new prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

Check = Callable[[Any], str | None]

# The values of yes and no in every two-way choice (the prompts show Ja and Nej).
YES, NO = "ja", "nej"
# The value of the choice that goes back in a menu or a picker.
BACK = "\x00tillbaka"


@dataclass(frozen=True)
class Option:
    value: str
    title: str


def yes_no(yes: str, no: str) -> list[Option]:
    """The options of a two-way choice: Ja always first (number 1 in plain mode, the top
    of the menu), whichever the default is; a cautious default is the prompt's."""
    return [Option(YES, yes), Option(NO, no)]


@dataclass(frozen=True)
class Prompt:
    message: str
    hint: str | None = None
    help: str | None = None
    default: Any = None
    validate: Check | None = None
    placeholder: str | None = None
    required: bool = True
    # Going back is offered (`<` in an empty answer); the asker then raises GoBack.
    back: bool = False
    # Called with the text typed so far when the person pauses at this prompt
    # (Ctrl-C, Ctrl-D, end of input), just before the asker raises; the
    # conversation keeps it as "not yet an answer" and offers it on resume.
    keep_typed: Callable[[str], None] | None = None


class GoBack(Exception):
    """Raised by an Asker when the person asks for the previous question."""


class Asker(Protocol):
    """Asks one thing and returns the answer; Ctrl-C raises KeyboardInterrupt, Ctrl-D EOFError,
    and a request for the previous question (where `Prompt.back` offers it) GoBack."""

    def text(self, prompt: Prompt, *, multiline: bool = False) -> str: ...

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str: ...

    def checkbox(self, prompt: Prompt, options: Sequence[Option]) -> list[str]: ...
