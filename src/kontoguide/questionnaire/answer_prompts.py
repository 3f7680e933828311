"""One answer of any kind (text, a choice, several choices, yes or no), as a Prompt.

Questions, the fields of a list's items and follow-ups all ask through here,
so a choice's caution, text typed before a pause and going back work the same
everywhere. What is being asked at the moment (a question, an item of a list)
is set by those callers, because the prompt depends on it: whether going back
is offered, and where typed text is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from kontoguide.checklist.parts import ItemField, Question
from kontoguide.model.readable import readable
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_text import Spec
from kontoguide.questionnaire.events import Note, Screen
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.prompting import NO, YES, Asker, Check, Option, Prompt, yes_no

TEXT_KINDS = ("text", "longtext", "email", "date", "number")
_SKIP, _CANCEL = "", "\x00avbryt"


class Cancelled(Exception):
    """The person stopped filling in an item of a list; nothing of it is kept."""


@dataclass(frozen=True)
class Asking:
    """The question being asked by `QuestionDialogue.ask`, for its prompt."""

    field: str
    back: bool


def _with_pause_hint(check: Check) -> Check:
    """A yes that must be yes: say how to stop and come back after doing the thing."""

    def checked(value: Any) -> str | None:
        message = check(value)
        return None if message is None else f"{message} {m.Q_PAUSE_TO_DO_IT}"

    return checked


def _known_choices(value: Any, options: Sequence[Option]) -> list[str]:
    """The options that `value` names, in its order: a choice value, or the choice
    values in a list (any other shape names none)."""
    known = {option.value for option in options}
    candidates = value if isinstance(value, list) else [value]
    chosen: list[str] = []
    for candidate in candidates:
        if isinstance(candidate, str) and candidate in known and candidate not in chosen:
            chosen.append(candidate)
    return chosen


class AnswerPrompts:
    def __init__(self, flow: Flow, asker: Asker, screen: Screen) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen
        self.asking: Asking | None = None
        self.in_list: Question | None = None  # its items' text prompts keep their typed text
        self.item_back = False  # an item's field is being asked: going back is offered

    def ask_value(
        self, spec: Spec, default: Any, check: Check, *, cancel: str | None = None
    ) -> Any:
        """Ask for one answer; returns the value to store (None: left empty).

        `cancel` adds a way out to a choice (the field of an item being filled in):
        choosing it raises Cancelled."""
        if spec.kind in TEXT_KINDS:
            return self.ask_text(spec, default, check)
        if spec.kind == "multichoice":
            options = self._options(spec)

            def chosen_or_none(chosen: Any) -> str | None:
                # Nothing chosen for an optional question leaves it empty, as for text.
                return None if not chosen and not spec.required else check(chosen)

            prompt = self._prompt(spec, _known_choices(default, options), chosen_or_none)
            return self.asker.checkbox(prompt, options) or None
        if spec.kind == "yesno":
            options = yes_no(m.ANSWER_YES, m.ANSWER_NO)
            preset = {True: YES, False: NO}.get(default) if isinstance(default, bool) else None
            check = _with_pause_hint(check)
        else:
            options = self._options(spec)
            # A set-aside answer can be a list or an object (an answers file): the
            # pointer starts on the first option it names, if any.
            preset = next(iter(_known_choices(default, options)), None)
        if not spec.required:
            options.append(Option(_SKIP, m.Q_SKIP))
        if cancel is not None:
            options.append(Option(_CANCEL, cancel))

        def validate(chosen: str) -> str | None:
            return None if chosen == _CANCEL else check(self._choice_value(spec, chosen))

        while True:
            chosen_value = self.asker.select(self._prompt(spec, preset, validate), options)
            if chosen_value == _CANCEL:
                raise Cancelled
            value = self._choice_value(spec, chosen_value)
            if self.caution_accepted(spec, chosen_value):
                return value
            # Enter must not choose again what was just declined: the earlier answer
            # stays the default only if it was something else.
            if preset == chosen_value:
                preset = None

    @staticmethod
    def _choice_value(spec: Spec, chosen: str) -> Any:
        if chosen == _SKIP:
            return None
        if spec.kind == "yesno":
            return chosen == YES
        return chosen

    def _options(self, spec: Spec) -> list[Option]:
        return [
            Option(option.value, option.label)
            for option in self.flow.checklist.choices.get(spec.choices or "", ())
        ]

    def _prompt(
        self,
        spec: Spec,
        default: Any,
        check: Check,
        keep_typed: Callable[[str], None] | None = None,
    ) -> Prompt:
        # Going back belongs to the questions `ask` asks (not to list items or
        # follow-ups, which have their own ways back).
        asking = self.asking
        return Prompt(
            message=spec.label,
            hint=spec.hint,
            help=spec.help,
            default=default,
            validate=check,
            placeholder=m.Q_DATE_PLACEHOLDER if spec.kind == "date" else None,
            required=spec.required,
            back=(asking is not None and asking.back) or self.item_back,
            keep_typed=keep_typed,
        )

    def _typed_key(self, spec: Spec) -> str | None:
        """Where text typed at this prompt is kept on a pause: the question's field, or
        for the item of a list being filled in, the list's field and the item's field."""
        if self.asking is not None:
            return self.asking.field
        if self.in_list is not None and isinstance(spec, ItemField):
            return f"{self.in_list.field}[item].{spec.field}"
        return None  # a follow-up: its answers so far are kept by its own dialogue

    def caution_accepted(self, spec: Spec, value: str) -> bool:
        """A choice that carries a caution (TikTok, X) is shown and confirmed."""
        option = self.flow.checklist.choice(spec.choices or "", value) if spec.choices else None
        if option is None or option.caution is None:
            return True
        self.screen.show(Note(option.caution, "caution"))
        answer = self.asker.select(
            # The cautious answer is the default: a quick Enter chooses something else.
            Prompt(m.Q_CAUTION_KEEP.format(choice=option.label), default=NO),
            yes_no(m.Q_CAUTION_YES.format(choice=option.label), m.Q_CAUTION_NO),
        )
        return answer == YES

    def ask_text(self, spec: Spec, default: Any, check: Check) -> Any:
        def validate(text: str) -> str | None:
            if not text.strip() and not spec.required:
                return None
            return check(self._parse(spec, text))

        shown = self._default_text(spec, default)
        key = self._typed_key(spec)
        keep = None
        if key is not None:
            in_item = self.asking is None  # (a question's own typed text is offered by `ask`)
            # The saved answer itself, untouched, is not "typed": nothing to offer later.
            saved = shown if in_item else self._default_text(spec, self.flow.value(key))
            if in_item and (typed := self.flow.typed_for(key)) is not None:
                self.screen.show(Note(m.Q_TYPED_NOT_SAVED, "warning"))
                shown = typed

            def keep(text: str) -> None:
                self.flow.keep_typed(key, "" if text == saved else text)

        text = self.asker.text(
            self._prompt(spec, shown, validate, keep),
            multiline=spec.kind == "longtext",
        )
        if key is not None and self.asking is None:
            # An item's answer is kept with the item from here on.
            self.flow.keep_typed(key, "")
        if not text.strip() and not spec.required:
            return None
        return self._parse(spec, text)

    @staticmethod
    def _parse(spec: Spec, text: str) -> Any:
        if spec.kind in ("date", "email", "number"):
            return text.strip()
        return text

    def _default_text(self, spec: Spec, value: Any) -> str:
        if value is None:
            return ""
        if spec.kind == "number" and isinstance(value, int | float):
            return self.flow.format_value(spec, value)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return str(value)
        # A list or an object (set aside from an answers file) as the words it holds,
        # so the user corrects them instead of typing everything again.
        return readable(value)
