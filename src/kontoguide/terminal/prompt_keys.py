"""The keys the guide adds to questionary's prompts.

"?" in an empty answer and F1 print the help, once; "<" as the whole answer and
Enter, PgUp and, in a choice list, Left go back where the conversation offers it; Ctrl-C and
Ctrl-D hand the typed text to the conversation first and end every prompt; the
choice lists stop at their ends and check the choice on Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prompt_toolkit.application import Application, get_app, run_in_terminal
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from questionary.prompts.common import InquirerControl

from kontoguide.questionnaire.prompting import GoBack, Prompt
from kontoguide.terminal import messages as m

ShowHelp = Callable[[str], None]
# questionary's convention: True for an answer that holds, else the refusal as shown.
Validate = Callable[[Any], bool | str]


BACK_ANSWER = "<"
# The answer in a text prompt is "<" alone: Enter goes back.
asks_back = Condition(lambda: get_app().current_buffer.text.strip() == BACK_ANSWER)


def help_text(prompt: Prompt) -> str:
    """What "?" and F1 show: the help, else the hint, else that there is no more help."""
    if prompt.help:
        return prompt.help
    if prompt.hint:
        return f"{prompt.hint}\n\n{m.P_NO_MORE_HELP}"
    return m.P_NO_MORE_HELP


def _inquirer(app: Application[Any]) -> InquirerControl | None:
    for control in app.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            return control
    return None


def help_keys(prompt: Prompt, show_help: ShowHelp, *, empty_only: bool) -> KeyBindings:
    keys = KeyBindings()
    text = help_text(prompt)
    buffer_empty = Condition(lambda: not get_app().current_buffer.text)
    shown: list[bool] = []

    def show(event: KeyPressEvent) -> None:
        # Once per question: pressing again must not print a second copy.
        if not shown:
            shown.append(True)
            run_in_terminal(lambda: show_help(text))

    # Bound on every prompt, help text or not: "?" must never become the answer.
    keys.add("?", filter=buffer_empty if empty_only else True, eager=True)(show)
    keys.add("f1", eager=True)(show)
    return keys


def text_keys(prompt: Prompt, show_help: ShowHelp, *, multiline: bool) -> KeyBindings:
    """Help, Ctrl-C, Ctrl-D and going back in a text prompt; Enter in an empty
    multi-line answer submits it."""
    keys = help_keys(prompt, show_help, empty_only=True)
    at_end = Condition(
        lambda: get_app().current_buffer.cursor_position >= len(get_app().current_buffer.text)
    )
    keep = prompt.keep_typed

    def leave(event: KeyPressEvent, error: type[BaseException]) -> None:
        if keep is not None:
            keep(event.current_buffer.text)
        event.app.exit(exception=error, style="class:aborting")

    @keys.add("c-c", eager=True)
    def _interrupt(event: KeyPressEvent) -> None:
        leave(event, KeyboardInterrupt)

    # prompt_toolkit ends on Ctrl-D only in an empty answer; with text in it (a
    # default, a refused answer kept) Ctrl-D would do nothing at the end of the
    # line. It pauses there too; inside the text it still deletes forward.
    @keys.add("c-d", filter=at_end)
    def _eof(event: KeyPressEvent) -> None:
        leave(event, EOFError)

    if prompt.back:
        # "<" is a character an answer may hold: it goes back only as the whole answer,
        # and like any answer on Enter. Going back on the key itself left the Enter that
        # followed to accept the previous question's answer at once, so back seemed not
        # to work.
        @keys.add("enter", filter=asks_back, eager=True)
        @keys.add("escape", "enter", filter=asks_back, eager=True)
        def _back_on_enter(event: KeyPressEvent) -> None:
            if keep is not None:
                keep("")  # "<" is no text to offer again
            event.app.exit(exception=GoBack, style="class:aborting")

        @keys.add("pageup", eager=True)
        def _back(event: KeyPressEvent) -> None:
            # Text typed before PgUp is kept like on a pause, and offered again.
            leave(event, GoBack)

    if multiline:
        buffer_empty = Condition(lambda: not get_app().current_buffer.text.strip())

        # Enter in an empty multi-line answer submits it: skipping an optional
        # question, or hearing what a required one needs, takes one key.
        @keys.add("enter", filter=buffer_empty)
        def _submit(event: KeyPressEvent) -> None:
            event.current_buffer.validate_and_handle()

    return keys


def add_choice_keys(
    app: Application[Any], prompt: Prompt, show_help: ShowHelp, validate: Validate | None
) -> None:
    """Ctrl-D, help and in-place validation for questionary's choice lists: `validate`
    checks the choice on Enter (a checkbox list is checked by questionary itself)."""
    keys = KeyBindings()

    @keys.add("c-d", eager=True)
    def _eof(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    control = _inquirer(app)
    back, moved = _choice_back_keys(control) if prompt.back else (None, _nothing)
    if control is not None:
        _stop_at_the_ends(keys, control, moved)

    if validate is not None and control is not None:
        # Added after questionary's own Enter binding, so this one wins.
        @keys.add("c-m", eager=True)
        def _enter(event: KeyPressEvent) -> None:
            value = control.get_pointed_at().value
            refused = validate(value)
            if isinstance(refused, str):
                # InquirerControl declares error_message as always None; checkbox sets it too.
                control.error_message = FormattedText(  # type: ignore[assignment]
                    [("class:validation-toolbar", refused)]
                )
                return
            control.error_message = None
            control.is_answered = True
            event.app.exit(result=value)

    bindings = [app.key_bindings] if app.key_bindings is not None else []
    bindings.append(help_keys(prompt, show_help, empty_only=False))
    # The back keys last: their Enter (after "<") wins over questionary's and the check's.
    app.key_bindings = merge_key_bindings([*bindings, keys, *([back] if back else [])])


def _nothing() -> None:
    pass


def _choice_back_keys(control: InquirerControl | None) -> tuple[KeyBindings, Callable[[], None]]:
    """Left and PgUp go back at once; "<" goes back on the Enter after it, as in a text
    prompt (going back on the key itself left the Enter that followed to choose at the
    previous question at once). The callable, called on a move, forgets the "<"."""
    keys = KeyBindings()
    # The list as it stood at "<": a mark or a move after it means choosing on.
    pending: list[tuple[int, tuple[Any, ...]]] = []

    @keys.add("left", eager=True)
    @keys.add("pageup", eager=True)
    def _back(event: KeyPressEvent) -> None:
        event.app.exit(exception=GoBack, style="class:aborting")

    @keys.add("<", eager=True)
    def _ask_back(event: KeyPressEvent) -> None:
        if control is None:
            event.app.exit(exception=GoBack, style="class:aborting")
            return
        pending[:] = [_state(control)]
        # InquirerControl declares error_message as always None; checkbox sets it too.
        control.error_message = FormattedText(  # type: ignore[assignment]
            [("class:back-pending", m.P_BACK_PENDING)]
        )

    asked = Condition(lambda: control is not None and pending == [_state(control)])

    @keys.add("c-m", filter=asked, eager=True)
    def _back_on_enter(event: KeyPressEvent) -> None:
        event.app.exit(exception=GoBack, style="class:aborting")

    def moved() -> None:
        if pending and control is not None:
            pending.clear()
            control.error_message = None

    return keys, moved


def _state(control: InquirerControl) -> tuple[int, tuple[Any, ...]]:
    """Where the pointer is and what is marked: a mark after "<" means choosing on."""
    return control.pointed_at, tuple(control.selected_options)


def _stop_at_the_ends(
    keys: KeyBindings, control: InquirerControl, moved: Callable[[], None]
) -> None:
    """Up and Down stop at the first and last choice instead of wrapping around:
    at the end of the list, one more Down must not land on the first choice."""

    def step(by: int) -> None:
        moved()
        start = at = control.pointed_at
        while 0 <= at + by < control.choice_count:
            at += by
            control.pointed_at = at
            if control.is_selection_valid():
                return
        # No choice further on: stay where the pointer was.
        control.pointed_at = start

    @keys.add("down", eager=True)
    @keys.add("c-n", eager=True)
    def _down(event: KeyPressEvent) -> None:
        step(1)

    @keys.add("up", eager=True)
    @keys.add("c-p", eager=True)
    def _up(event: KeyPressEvent) -> None:
        step(-1)
