"""Questions in the terminal: the questionary adapter behind `prompting.Asker`.

questionary draws the prompts; this module makes them fit the guide:
- every prompt text is Swedish (questionary's own English instructions and its
  "done (n selections)" are replaced or erased);
- the label, the hint and the input each get their own line, wrapped at word
  boundaries to the terminal width (prompt_toolkit would cut words);
- validation messages appear in place, over as many lines as they need (the
  stock validation toolbar is one line high and cuts our Swedish sentences),
  and only on Enter, never while the answer is being typed;
- "?" (in an empty answer) or F1 prints the question's help above the prompt
  without leaving it, once, on every prompt: its help text, else its hint, else
  a sentence saying there is no more help ("?" never becomes an answer);
- where the conversation offers it (`Prompt.back`), "<" and Enter (an answer
  like any other, so the previous question then waits for its own Enter), PgUp,
  and in the choice lists Left, raise `GoBack`;
- under a text prompt's input a line says what Enter does there (saves, adds a
  line in a long answer, goes back after "<"; see input_toolbar);
- Ctrl-C and Ctrl-D hand the half-typed answer to `Prompt.keep_typed` first;
- the choice lists stop at their first and last choice (questionary wraps
  around), and long choices wrap at words under their first line;
- Ctrl-C raises KeyboardInterrupt and Ctrl-D raises EOFError at every prompt,
  including the choice lists, where questionary ignores Ctrl-D, and a text
  prompt that already holds text (Ctrl-D at its end).

The keys are bound in prompt_keys. `input` and `output` are passed through so
tests can drive real prompts with prompt_toolkit's `create_pipe_input()` and
`DummyOutput()`.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import Input
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output import Output
from prompt_toolkit.shortcuts import print_formatted_text

from kontoguide.questionnaire.prompting import Check, GoBack, Option, Prompt
from kontoguide.terminal import messages as m
from kontoguide.terminal.input_toolbar import finish_long, show_toolbar_always, toolbar_text
from kontoguide.terminal.prompt_keys import Validate, add_choice_keys, text_keys
from kontoguide.terminal.word_wrap import WordWrap

QMARK = "?"
NO_CPR = "PROMPT_TOOLKIT_NO_CPR"
INDENT = "  "

STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansicyan bold"),
        ("instruction", ""),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("selected", "fg:ansicyan"),
        ("placeholder", "fg:ansibrightblack"),
        ("validation-toolbar", "bg:default fg:ansired bold"),
        ("help", "fg:ansiyellow"),
        ("back-pending", "bg:default fg:ansicyan bold noreverse"),
        ("bottom-toolbar", "noreverse"),
        ("enter-hint", "fg:ansicyan"),
    ]
)


def wrap(text: str, width: int, indent: str = INDENT) -> str:
    """Word-wrapped lines, each indented; blank lines and bullet lines are kept."""
    out: list[str] = []
    for paragraph in text.strip().split("\n"):
        if not paragraph.strip():
            out.append("")
            continue
        out.append(
            textwrap.fill(
                paragraph.strip(),
                width=max(width - 1, 20),
                initial_indent=indent,
                subsequent_indent=indent + ("  " if paragraph.lstrip().startswith("-") else ""),
                break_on_hyphens=False,
                # A long address or link goes whole onto a line of its own.
                break_long_words=False,
            )
        )
    return "\n".join(out)


def _message(text: str, width: int) -> str:
    # The first line follows "? "; later lines line up under it.
    return wrap(text, width, indent="  ")[2:]


def _under_the_input(width: int, _line: int, _wrap: int) -> str:
    # Every later row of the answer starts under its first character.
    return " " * width


def _on_validation_error(message: str, width: int) -> str:
    # "!" marks the message when there is no colour (NO_COLOR, a screen reader).
    return wrap("! " + message, width, indent="")


def fit_title(title: str, width: int, indent: int, rows: int | None = None) -> str:
    """A choice's title wrapped at words, its later lines under its first: the list
    would otherwise cut a long title at the screen's edge, in the middle of a word.
    With `rows`, what does not fit in them is cut after a whole word, with "…"."""
    room = max(width - 1 - indent, 20)
    lines = textwrap.wrap(
        " ".join(title.split()), width=room, break_on_hyphens=False, break_long_words=False
    )
    if rows is not None and len(lines) > rows:
        lines = lines[:rows]
        last = lines[-1]
        while len(last) + 1 > room and " " in last:
            last = last[: last.rindex(" ")]
        lines[-1] = last.rstrip(" ,;:–-") + "…"
    return ("\n" + " " * indent).join(lines) or title


def title_rows(options: int) -> int:
    """How many rows each choice's title may take: one in a long menu (a page of the
    question picker, twelve questions and its ways, must fit 24 rows), else three."""
    return 1 if options > 8 else 3


# Where a choice's title starts: after " » ", and in a checkbox also after "○ ".
SELECT_INDENT, CHECKBOX_INDENT = 3, 5


def _widen_validation_toolbar(app: Application[Any]) -> None:
    """Let the stock one-line validation toolbar grow to fit the whole message."""
    for window in app.layout.find_all_windows():
        content = window.content
        if isinstance(content, FormattedTextControl):
            name = getattr(content.text, "__qualname__", "")
            if name.startswith("ValidationToolbar."):
                window.height = None


class QuestionaryAsker:
    """Asks with questionary; see `prompting.Asker`."""

    def __init__(
        self,
        *,
        input: Input | None = None,
        output: Output | None = None,
        show_help: Callable[[str], None] | None = None,
    ) -> None:
        # prompt_toolkit asks the terminal where the cursor is; a terminal that does not
        # answer (a serial console, some Windows and CI terminals) got an English
        # "WARNING: your terminal doesn't support cursor position requests (CPR)" in the
        # middle of the questions. The prompts here do not need the answer (no menu
        # reserves space under them), so it is not asked for, unless the person set the
        # variable themselves.
        os.environ.setdefault(NO_CPR, "1")
        self.input = input
        self.output = output
        self._show_help = show_help if show_help is not None else self._print_help

    # --- the three kinds of prompt ------------------------------------------------------

    def text(self, prompt: Prompt, *, multiline: bool = False) -> str:
        width = self._width()
        default = str(prompt.default or "")
        lines = self._hint_lines(prompt, width)
        if not prompt.required:
            lines.append(wrap(m.P_OPTIONAL, width))
        if multiline:
            lines.append(wrap(finish_long(), width))
        keys = m.P_HELP_KEY_TEXT if not default else m.P_HELP_KEY_F1
        if prompt.back:
            keys += " " + (m.P_BACK_KEY_TEXT if not default else m.P_BACK_KEY_PGUP)
        lines.append(wrap(keys, width))
        instruction = "\n" + "\n".join(lines) + ("\n" if lines else "") + m.P_INPUT_MARK
        question = questionary.text(
            _message(prompt.message, width),
            default=default,
            validate=self._validator(prompt.validate, width),
            # Checked on Enter only: no red message from the first keystroke of an address.
            validate_while_typing=False,
            qmark=QMARK,
            style=STYLE,
            multiline=multiline,
            instruction=instruction,
            key_bindings=text_keys(prompt, self._show_help, multiline=multiline),
            placeholder=FormattedText([("class:placeholder", prompt.placeholder or "")]),
            # No completion menu: without this, eight empty lines sit under the input.
            reserve_space_for_menu=0,
            # The input wraps at words while it is typed (WordWrap), its later rows
            # under its first; once answered, the prompt gives way to the answer
            # wrapped at words (see _echo).
            input_processors=[WordWrap()],
            prompt_continuation=_under_the_input,
            erase_when_done=True,
            # Under the input: what Enter does there (a new line, save, go back).
            bottom_toolbar=toolbar_text(multiline=multiline, back=prompt.back),
            **self._io(),
        )
        _widen_validation_toolbar(question.application)
        show_toolbar_always(question.application)
        try:
            answer = str(question.unsafe_ask())
        except (KeyboardInterrupt, EOFError):
            # What was typed stays on screen at a pause.
            self._echo(prompt.message, question.application.current_buffer.text, width)
            raise
        except GoBack:
            self._echo(prompt.message, m.P_WENT_BACK, width)
            raise
        self._echo(prompt.message, answer, width)
        return answer

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str:
        width, rows = self._width(), title_rows(len(options))
        values = [option.value for option in options]
        question = questionary.select(
            _message(prompt.message, width),
            choices=[
                questionary.Choice(
                    title=fit_title(o.title, width, SELECT_INDENT, rows), value=o.value
                )
                for o in options
            ],
            default=prompt.default
            if isinstance(prompt.default, str) and prompt.default in values
            else None,
            qmark=QMARK,
            style=STYLE,
            instruction=self._choice_instruction(prompt, width, m.P_SELECT),
            use_jk_keys=False,  # a stray letter must not move the choice
            # Our own echo wraps a long answer at words; questionary's would cut them.
            erase_when_done=True,
            **self._io(),
        )
        add_choice_keys(
            question.application, prompt, self._show_help, self._validator(prompt.validate, width)
        )
        show_toolbar_always(question.application)  # where a refusal and "<" are shown
        answer = str(self._ask_erased(question, prompt.message, width))
        title = next((o.title for o in options if o.value == answer), answer)
        self._echo(prompt.message, title, width)
        return answer

    def checkbox(self, prompt: Prompt, options: Sequence[Option]) -> list[str]:
        width, rows = self._width(), title_rows(len(options))
        # Only option values can be marked: a default from an answers file may hold
        # anything (an object, a list), and unhashable values must not break the prompt.
        default = prompt.default if isinstance(prompt.default, list) else []
        chosen = {value for value in default if isinstance(value, str)}
        question = questionary.checkbox(
            _message(prompt.message, width),
            choices=[
                questionary.Choice(
                    title=fit_title(o.title, width, CHECKBOX_INDENT, rows),
                    value=o.value,
                    checked=o.value in chosen,
                )
                for o in options
            ],
            validate=self._validator(prompt.validate, width) or (lambda _: True),
            qmark=QMARK,
            style=STYLE,
            instruction=self._choice_instruction(prompt, width, m.P_CHECKBOX),
            use_jk_keys=False,
            # questionary would leave "done (5 selections)" behind; we echo in Swedish.
            erase_when_done=True,
            **self._io(),
        )
        add_choice_keys(question.application, prompt, self._show_help, None)
        show_toolbar_always(question.application)
        answer = [str(value) for value in self._ask_erased(question, prompt.message, width)]
        titles = [o.title for o in options if o.value in answer]
        shown = m.P_ALL_CHOSEN.format(count=len(titles)) if len(titles) == len(options) else ""
        self._echo(prompt.message, shown or ", ".join(titles) or m.P_NONE_CHOSEN, width)
        return answer

    # --- pieces -----------------------------------------------------------------------------

    def _io(self) -> dict[str, Any]:
        io: dict[str, Any] = {}
        if self.input is not None:
            io["input"] = self.input
        if self.output is not None:
            io["output"] = self.output
        return io

    def _width(self) -> int:
        if self.output is not None:
            return self.output.get_size().columns
        return shutil.get_terminal_size().columns

    @staticmethod
    def _hint_lines(prompt: Prompt, width: int) -> list[str]:
        return [wrap(prompt.hint, width)] if prompt.hint else []

    def _choice_instruction(self, prompt: Prompt, width: int, keys: str) -> str:
        lines = self._hint_lines(prompt, width)
        how = keys + " " + m.P_HELP_KEY_CHOICE
        if prompt.back:
            how += " " + m.P_BACK_KEY_CHOICE
        lines.append(wrap(how, width))
        return "\n" + "\n".join(lines)

    @staticmethod
    def _validator(check: Check | None, width: int) -> Validate | None:
        if check is None:
            return None

        def validate(value: Any) -> bool | str:
            message = check(value)
            return True if message is None else _on_validation_error(message, width)

        return validate

    def _print_help(self, text: str) -> None:
        width = self._width()
        body = f"{INDENT}{m.P_HELP_TITLE}\n{wrap(text, width)}\n"
        print_formatted_text(
            FormattedText([("class:help", body)]), style=STYLE, **self._output_kw()
        )

    def _ask_erased(self, question: questionary.Question, message: str, width: int) -> Any:
        """Ask a prompt that erases itself; on Ctrl-C/Ctrl-D leave the question on screen."""
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            self._echo(message, "", width)
            raise
        except GoBack:
            self._echo(message, m.P_WENT_BACK, width)
            raise

    def _echo(self, message: str, answer: str, width: int) -> None:
        """The answered question as questionary would leave it, but wrapped at words."""
        question = _message(message, width)
        last_line = question.rsplit("\n", 1)[-1]
        flat = " ".join(answer.split())
        fits = len(last_line) + len(flat) + 4 <= width and "\n" not in answer.strip()
        # Text over several lines keeps its lines, each wrapped at words.
        lines = answer.strip() if "\n" in answer.strip() else flat
        shown = " " + flat if fits else "\n" + wrap(lines, width)
        tokens = [
            ("class:qmark", QMARK),
            ("class:question", f" {question}"),
            ("class:answer", shown),
        ]
        print_formatted_text(FormattedText(tokens), style=STYLE, **self._output_kw())

    def _output_kw(self) -> dict[str, Any]:
        return {"output": self.output} if self.output is not None else {}
