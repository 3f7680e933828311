"""The conversation: asks a Flow's questions through an Asker and shows events on a Screen.

Pure like the engine: the Asker (prompts.py) and the Screen (views.py) are
protocols, so tests drive the whole conversation with a scripted asker. Every
prompt carries a `validate` callable that returns the Swedish message for a
refused answer, so the asker can keep the typed text and show the message in
place; an asker that cannot do that gets the message as a note and a new prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from kontoguide.checklist.parts import ItemField, Question, Section
from kontoguide.model import paths
from kontoguide.model.readable import readable
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.flow import (
    Flow,
    Refused,
    SectionSummary,
    Spec,
    change_key,
    unfinished_key,
)

# One way to cut a title to a width, for the engine and the conversation alike.
from kontoguide.questionnaire.flow import shorten as shorten
from kontoguide.rules.field_problems import Problem

Check = Callable[[Any], str | None]
TEXT_KINDS = ("text", "longtext", "email", "date", "number")
Tone = Literal["info", "warning", "caution", "problem", "success"]


# --- what the conversation needs from a terminal ----------------------------------


@dataclass(frozen=True)
class Option:
    value: str
    title: str


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


@dataclass(frozen=True)
class SectionStarted:
    section: Section
    steps: int


@dataclass(frozen=True)
class Progress:
    section: Section
    index: int
    count: int
    steps: int
    # The numbers just before this one that do not apply to the answers (first, last).
    skipped: tuple[int, int] | None = None


@dataclass(frozen=True)
class ListShown:
    question: Question
    titles: tuple[str, ...]
    intro: bool = False


@dataclass(frozen=True)
class ItemStarted:
    label: str
    number: int


@dataclass(frozen=True)
class ItemProgress:
    label: str
    number: int
    index: int
    count: int
    # The field numbers just before this one that are not asked (first, last), and
    # why: "given" (answered already, as a team member taken from step 2) or "not_needed".
    skipped: tuple[int, int] | None = None
    skipped_why: str = "not_needed"


@dataclass(frozen=True)
class Note:
    text: str
    tone: Tone = "info"


@dataclass(frozen=True)
class Overview:
    states: tuple[tuple[Section, str], ...]


@dataclass(frozen=True)
class SummaryShown:
    sections: tuple[SectionSummary, ...]
    review: bool = False  # the "check your answers" page, with its heading
    answered_only: bool = False


@dataclass(frozen=True)
class TaskList:
    """ "Check your answers": the steps with their state, each opened on its own.

    `states` holds each part, its state ("done", "started", "empty", "fix") and how
    many of its answers need putting right.
    """

    states: tuple[tuple[Section, str, int], ...]
    ready: bool


@dataclass(frozen=True)
class ProblemsShown:
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Heading:
    """A part of the conversation that is not a checklist section (a follow-up)."""

    title: str
    purpose: str | None = None


@dataclass(frozen=True)
class Facts:
    """A few named facts under a title: a goal to measure, a record's state."""

    title: str
    rows: tuple[tuple[str, str], ...]


Event = (
    SectionStarted
    | Progress
    | ListShown
    | ItemStarted
    | ItemProgress
    | Note
    | Overview
    | SummaryShown
    | TaskList
    | ProblemsShown
    | Heading
    | Facts
)


class Screen(Protocol):
    def show(self, event: Event) -> None: ...


# --- the conversation -----------------------------------------------------------------

# The values of yes and no in every two-way choice (the prompts show Ja and Nej).
YES, NO = "ja", "nej"
_SKIP, _BACK = "", "\x00tillbaka"
_TAKE, _CHANGE_FIRST, _SKIP_ITEM = "take", "change", "skip"
_CANCEL, _ALL_FIELDS = "\x00avbryt", "\x00alla"
_NEXT_PAGE, _PREVIOUS_PAGE, _SHOW_ALL = "\x00nästa", "\x00föregående", "\x00visa"
# The questions a picker shows at a time: with the heading, the problems line and the
# page choices it stays within 24 rows.
PICKER_PAGE = 12


class _Cancelled(Exception):
    """The person stopped filling in an item of a list; nothing of it is kept."""


class _BackFromItem(Exception):
    """The person went back from the first field of an item: to where the item began
    (the list's menu, the offer of a person). `answers` are the ones given so far."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__()
        self.answers = answers


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


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def section_title(section: Section) -> str:
    if section.number is None:
        return section.title
    return m.Q_STEP_NAME.format(number=section.number, title=section.title)


@dataclass(frozen=True)
class _Asking:
    """The question being asked by `Conversation.ask`, for its prompt."""

    field: str
    back: bool


class Conversation:
    def __init__(self, flow: Flow, asker: Asker, screen: Screen) -> None:
        self.flow = flow
        self.asker = asker
        self.screen = screen
        self._announced: str | None = None
        self._asking: _Asking | None = None
        self._list: Question | None = None
        self._item_back = False  # an item's field is being asked: going back is offered
        # The answers of an item left by going back from its first field, per list.
        self._left_items: dict[str, dict[str, Any]] = {}
        self.list_back = False  # whether the list being asked may offer going back

    # --- asking everything that is left ---------------------------------------------

    def run(self) -> None:
        """Ask every pending question, in checklist order, until none is left.

        Going back (GoBack from the asker) asks the previous applicable question
        again, its answer as the default, and then the questions after it in turn,
        each with its answer as the default, up to where the person went back from.
        """
        ahead: list[tuple[Section, Question]] = []
        while True:
            found = self.flow.next_question()
            # A question that an answer on the way back made apply comes in its turn.
            if ahead and (found is None or not self._comes_before(found[1], ahead[-1][1])):
                section, question = ahead.pop()
                if not self.flow.is_applicable(question):
                    continue  # an answer given on the way back made it not apply
            elif found is not None:
                section, question = found
            else:
                return
            self._announce(section)
            previous = self.flow.previous_question(question)
            try:
                self.ask(section, question, back=previous is not None)
            except GoBack:
                ahead.append((section, question))
                if previous is None:
                    self.screen.show(Note(m.Q_NOTHING_BEFORE))
                else:
                    ahead.append(previous)

    def _comes_before(self, first: Question, second: Question) -> bool:
        order = [q.field for _, q in self.flow.checklist.questions(self.flow.stage)]
        return order.index(first.field) < order.index(second.field)

    def _announce(self, section: Section) -> None:
        if section.id != self._announced:
            self._announced = section.id
            self.screen.show(SectionStarted(section, len(self.flow.checklist.steps)))

    def ask(
        self, section: Section, question: Question, *, changing: bool = False, back: bool = False
    ) -> None:
        index, count = self.flow.position(section, question)
        steps = len(self.flow.checklist.steps)
        skipped = self.flow.skipped_before(section, question)
        self.screen.show(Progress(section, index, count, steps, skipped))
        if question.kind == "list":
            self._list = question  # its items' text prompts keep their typed text
            # For the list's own menu: GoBack from it is handled by `run` like any other.
            self.list_back = back
            try:
                self.ask_list(question)
            finally:
                self._list, self.list_back = None, False
            return
        field = question.field
        default = self.flow.value(field)
        entry = self.flow.set_aside_for(field)
        if entry is not None and not paths.is_answered(default):
            default = entry[1]
            self._show_set_aside(question, default)
        elif not paths.is_answered(default):
            default = self.flow.suggestion(field)
        typed = self.flow.typed_for(field) if question.kind in TEXT_KINDS else None
        if typed is not None:
            # Text typed here before a pause: offered in the answer, said to be unsaved.
            self.screen.show(Note(m.Q_TYPED_NOT_SAVED, "warning"))
            default = typed

        def check(value: Any) -> str | None:
            # "X" typed under "Annan plattform" is the listed X, not a too short name.
            if self.flow.listed_choice(question, value) is not None:
                return None
            return self.flow.check(field, value)

        self._asking = _Asking(field, back)
        try:
            while True:
                value = self._ask_value(question, default, check)
                listed = self.flow.listed_choice(question, value)
                if listed is not None:
                    self._take_listed_choice(value, *listed)
                    return
                try:
                    displaced = self.flow.apply(field, value)
                except Refused as refused:
                    # Only reached when the asker could not check the answer in place.
                    self.screen.show(Note(refused.message, "problem"))
                    default = value
                    continue
                break
        finally:
            self._asking = None
        if value is None and not changing:
            self.flow.pass_question(question)
        self._show_displaced(displaced)
        self._show_set_aside_now(question)

    def _take_listed_choice(self, typed: str, question: Question, option: Any) -> None:
        """ "Annan plattform" and then the name of a listed one: that one, with its caution
        and its questions."""
        self.screen.show(
            Note(m.Q_LISTED_CHOICE.format(typed=shorten(typed, 40), label=option.label))
        )
        if not self._caution_accepted(question, option.value):
            owner = self.flow.question_for(question.field)
            if owner is not None:
                self.ask(owner[0], question, changing=True)
            return
        try:
            displaced = self.flow.apply(question.field, option.value)
        except Refused as refused:
            self.screen.show(Note(refused.message, "problem"))
            return
        self._show_displaced(displaced)
        self._show_set_aside_now(question)

    def _show_set_aside_now(self, question: Question) -> None:
        """Name the answers that rested on the one just changed and were set aside."""
        moved, self.flow.set_aside_now = self.flow.set_aside_now, []
        if not moved:
            return
        lines = [m.Q_DEPENDENTS_SET_ASIDE.format(title=question.label)]
        for other in moved:
            again = self.flow.is_applicable(other)
            text = m.Q_DEPENDENT_ASKED_AGAIN if again else m.Q_DEPENDENT_NOT_ASKED
            lines.append("- " + text.format(title=other.label))
        self.screen.show(Note("\n".join(lines), "warning"))

    def _show_set_aside(self, question: Question, old: Any) -> None:
        reason = self.flow.set_aside_reason(question.field, old)
        changed = self.flow.changed_reason(question.field)
        if reason is None and changed is not None:
            # Still a valid answer, written for the old platform: it stands as the
            # default below, so only the change is said.
            self.screen.show(Note(changed, "warning"))
            return
        answer = shorten(self.flow.format_value(question, old), 200)
        text = m.Q_SET_ASIDE.format(answer=answer)
        if reason:
            text += " " + m.Q_SET_ASIDE_REASON.format(reason=reason)
        self.screen.show(Note(text, "warning"))

    def _show_displaced(self, displaced: list[Problem]) -> None:
        for problem in displaced:
            self.screen.show(
                Note(
                    m.Q_DISPLACED.format(title=problem.title, message=problem.message),
                    "warning",
                )
            )

    # --- one value of any kind ------------------------------------------------------------

    def ask_value(self, spec: Spec, default: Any, check: Check) -> Any:
        """Ask for one answer; returns the value to store (None: left empty)."""
        return self._ask_value(spec, default, check)

    def _ask_value(
        self, spec: Spec, default: Any, check: Check, *, cancel: str | None = None
    ) -> Any:
        """`cancel` adds a way out to a choice (the field of an item being filled in):
        choosing it raises _Cancelled."""
        if spec.kind in TEXT_KINDS:
            return self._ask_text(spec, default, check)
        if spec.kind == "multichoice":
            options = self._options(spec)
            prompt = self._prompt(spec, _known_choices(default, options), check)
            return self.asker.checkbox(prompt, options) or None
        if spec.kind == "yesno":
            options = [Option(YES, m.ANSWER_YES), Option(NO, m.ANSWER_NO)]
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
                raise _Cancelled
            value = self._choice_value(spec, chosen_value)
            if self._caution_accepted(spec, chosen_value):
                return value
            preset = chosen_value

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
        asking = self._asking
        return Prompt(
            message=spec.label,
            hint=spec.hint,
            help=spec.help,
            default=default,
            validate=check,
            placeholder=m.Q_DATE_PLACEHOLDER if spec.kind == "date" else None,
            required=spec.required,
            back=(asking is not None and asking.back) or self._item_back,
            keep_typed=keep_typed,
        )

    def _typed_key(self, spec: Spec) -> str | None:
        """Where text typed at this prompt is kept on a pause: the question's field, or
        for the item of a list being filled in, the list's field and the item's field."""
        if self._asking is not None:
            return self._asking.field
        if self._list is not None and isinstance(spec, ItemField):
            return f"{self._list.field}[item].{spec.field}"
        return None  # a follow-up: its answers so far are kept by its own dialogue

    def _caution_accepted(self, spec: Spec, value: str) -> bool:
        """A choice that carries a caution (TikTok, X) is shown and confirmed."""
        option = self.flow.checklist.choice(spec.choices or "", value) if spec.choices else None
        if option is None or option.caution is None:
            return True
        self.screen.show(Note(option.caution, "caution"))
        answer = self.asker.select(
            # The cautious answer is the default: a quick Enter chooses something else.
            Prompt(m.Q_CAUTION_KEEP.format(choice=option.label), default=NO),
            [
                Option(YES, m.Q_CAUTION_YES.format(choice=option.label)),
                Option(NO, m.Q_CAUTION_NO),
            ],
        )
        return answer == YES

    def _ask_text(self, spec: Spec, default: Any, check: Check) -> Any:
        def validate(text: str) -> str | None:
            if not text.strip() and not spec.required:
                return None
            return check(self._parse(spec, text))

        shown = self._default_text(spec, default)
        key = self._typed_key(spec)
        keep = None
        if key is not None:
            in_item = self._asking is None  # (a question's own typed text is offered by `ask`)
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
        if key is not None and self._asking is None:
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

    # --- lists of items -----------------------------------------------------------------

    def ask_list(self, question: Question) -> None:
        self._show_list(question, intro=True)
        unfinished = self.flow.unfinished_item(question)
        if unfinished is not None:
            title = self.flow.item_title(question, unfinished).split(" · ")[0]
            self.screen.show(Note(m.Q_UNFINISHED_ITEM.format(item=shorten(title, 50))))
            self._add_item(
                question, unfinished, resolves=unfinished_key(question), given=unfinished
            )
        change = self.flow.item_change(question)
        if change is not None:
            at, answers = change
            title = self.flow.item_title(question, self.flow.items(question)[at]).split(" · ")[0]
            self.screen.show(Note(m.Q_UNFINISHED_CHANGE.format(item=shorten(title, 50))))
            self._change_item(question, at, answers)
        self._ask_set_aside_items(question)
        self._offer_suggested_items(question)
        self._offer_people(question)
        if not self.flow.items(question) and question.required:
            self._add_item(question, None)
        while True:
            self.flow.mark_list_open(question, is_open=True)
            choice = self._list_menu(question)
            if choice == "done":
                self.flow.mark_list_open(question, is_open=False)
                self.flow.pass_question(question)
                return
            if choice == "add":
                left = self._add_item(question, self._left_items.pop(question.field, None))
                if left:
                    # Offered again as the defaults of the next item added here.
                    self._left_items[question.field] = left
                    self.screen.show(Note(m.Q_ITEM_BACK_KEPT))
            elif choice == "change":
                index = self._pick_item(question, m.Q_LIST_WHICH_CHANGE)
                if index is not None:
                    self._change_one(question, index)
            elif choice == "remove":
                self._remove_item(question)

    def _offer_suggested_items(self, question: Question) -> None:
        """Each item of the earlier record's list (`start --from`): take, change or skip."""
        suggested = self.flow.suggestion(question.field)
        if not isinstance(suggested, list) or question.field in self.flow.suggested_lists_offered:
            return
        self.flow.suggested_lists_offered.add(question.field)
        for old in suggested:
            if not isinstance(old, dict) or self.flow.is_full(question):
                continue
            title = shorten(self.flow.item_title(question, old).split(" · ")[0], 50)
            left: dict[str, Any] | None = None
            while True:  # back from the item's first field: this offer again
                choice = self.asker.select(
                    Prompt(m.Q_SUGGESTED_ITEM.format(item=title), default=_TAKE),
                    [
                        Option(_TAKE, m.Q_SUGGESTED_TAKE),
                        Option(_CHANGE_FIRST, m.Q_SUGGESTED_CHANGE),
                        Option(_SKIP_ITEM, m.Q_SUGGESTED_SKIP),
                    ],
                )
                if choice == _SKIP_ITEM:
                    break
                if choice == _TAKE and self.flow.item_problem(question, old) is None:
                    try:
                        self._show_displaced(self.flow.add_item(question, dict(old)))
                    except Refused as refused:
                        self.screen.show(Note(refused.message, "problem"))
                    else:
                        self._show_list(question)
                        break
                # Changed first, or no longer valid as it stands: asked with it as defaults.
                left = self._add_item(question, {**old, **(left or {})})
                if left is None:
                    break

    def _offer_people(self, question: Question) -> None:
        """The people named in step 2 (the responsible person, the deputy), offered one
        by one as members of the team: taken with their name and e-mail, changed
        first, or skipped. Once a session; a person already in the list is not offered."""
        if question.field in self.flow.people_offered:
            return
        self.flow.people_offered.add(question.field)
        for who, person in self.flow.people_to_offer(question):
            if self.flow.is_full(question):
                return
            name = shorten(str(person.get("name", "")), 40)
            left: dict[str, Any] | None = None
            while True:  # back from the person's first field: this offer again, and
                # what was answered for the person is the default when taken again
                choice = self.asker.select(
                    Prompt(m.Q_PERSON_OFFER.format(name=name, who=who), default=_TAKE),
                    [
                        Option(_TAKE, m.Q_PERSON_TAKE),
                        Option(_CHANGE_FIRST, m.Q_PERSON_CHANGE),
                        Option(_SKIP_ITEM, m.Q_PERSON_SKIP),
                    ],
                )
                if choice == _TAKE:
                    # Only what step 2 does not say (the role, the admin right) is asked.
                    left = self._add_item(question, left, given=dict(person))
                elif choice == _CHANGE_FIRST:
                    left = self._add_item(question, {**person, **(left or {})})
                else:
                    left = None
                if left is None:
                    break

    def _ask_set_aside_items(self, question: Question) -> None:
        """Offer each set-aside item of the list again, while there is room for it."""
        no_room = 0
        for key, old in self.flow.set_aside_items(question):
            if self.flow.is_full(question):
                # Kept in the draft, and said so once: asking for an item that cannot
                # be added would only end in a refusal.
                no_room += 1
                continue
            # The reason for each wrong answer is shown at its own question below.
            title = self.flow.item_title(question, old).split(" · ")[0]
            text = m.Q_SET_ASIDE_ITEM.format(item=shorten(title or question.item_label or "", 50))
            self.screen.show(Note(text, "warning"))
            # Only what is missing or wrong is asked; the rest of the item is kept.
            self._add_item(question, old, resolves=key, given=old)
        if no_room:
            limit = self.flow.max_items(question)
            self.screen.show(Note(m.Q_LIST_NO_ROOM.format(count=no_room, max=limit), "warning"))

    def _show_list(self, question: Question, *, intro: bool = False) -> None:
        titles = tuple(
            shorten(self.flow.item_menu_title(question, item), 72)
            for item in self.flow.items(question)
        )
        self.screen.show(ListShown(question, titles, intro))

    def _list_menu(self, question: Question) -> str:
        items = self.flow.items(question)
        options = [Option("add", m.Q_LIST_ADD if items else m.Q_LIST_ADD_FIRST)]
        if items:
            options += [Option("change", m.Q_LIST_CHANGE), Option("remove", m.Q_LIST_REMOVE)]
        options.append(Option("done", m.Q_LIST_DONE))

        def validate(choice: str) -> str | None:
            return self.flow.list_done_problem(question) if choice == "done" else None

        prompt = Prompt(
            m.Q_LIST_MENU.format(count=len(items)),
            help=question.help,
            default="done" if items else "add",
            validate=validate,
            back=self.list_back,
        )
        return self.asker.select(prompt, options)

    def _ask_item(
        self,
        question: Question,
        defaults: dict[str, Any] | None,
        number: int,
        *,
        given: dict[str, Any] | None = None,
        keep: Callable[[dict[str, Any]], None] | None = None,
        cancel: str = m.Q_ITEM_CANCEL,
    ) -> dict[str, Any]:
        """Ask an item's fields; `given` answers (still valid) are not asked again, and
        `keep` gets the answers so far after each one, to save them at once. Every
        field offers a way out (`cancel`), which raises _Cancelled."""
        label = (question.item_label or "").capitalize()
        self.screen.show(ItemStarted(label, number))
        fields = question.fields
        item: dict[str, Any] = {}
        asked: list[int] = []  # the fields asked so far, in order: where back goes
        revisit = False  # on the way back: every field is asked again, its answer the default
        at = 0
        while at < len(fields):
            spec = fields[at]
            if spec.when is not None and not spec.when.holds(item):
                item.pop(spec.field, None)  # an answer on the way back made it not apply
                at += 1
                continue  # asked only after a given answer ("Annan effekt")
            reason = None
            if given and spec.field in given and at not in asked:
                earlier = given[spec.field]
                reason = self.flow.check_item(question, {**item, spec.field: earlier}, spec.field)
                if reason is None:
                    item[spec.field] = earlier
                    at += 1
                    continue
            skipped = self._fields_skipped(question, item, given, at)
            self.screen.show(ItemProgress(label, number, at + 1, len(fields), *skipped))
            if reason is not None and earlier not in (None, ""):
                answer = shorten(self.flow.format_value(spec, earlier), 200)
                text = m.Q_SET_ASIDE.format(answer=answer)
                self.screen.show(
                    Note(f"{text} {m.Q_SET_ASIDE_REASON.format(reason=reason)}", "warning")
                )
            if spec.field in item and (revisit or at in asked):
                default = item[spec.field]
            else:
                default = (defaults or {}).get(spec.field)

            def check(value: Any, name: str = spec.field) -> str | None:
                return self.flow.check_item(question, {**item, name: value}, name)

            try:
                value = self._ask_item_value(spec, default, check, cancel)
            except GoBack:
                if not asked:
                    raise _BackFromItem(dict(item)) from None
                at, revisit = asked.pop(), True
                continue
            # None too: an optional field left empty counts as answered for the unfinished item.
            item[spec.field] = value
            if at not in asked:
                asked.append(at)
            if keep is not None:
                keep(item)
            at += 1
        return item

    def _fields_skipped(
        self,
        question: Question,
        item: dict[str, Any],
        given: dict[str, Any] | None,
        at: int,
    ) -> tuple[tuple[int, int] | None, str]:
        """The field numbers right before field `at` that are not asked, and why: the
        same stable numbering as the questions, saying why a number jumps."""
        first = at
        why = "not_needed"
        while first > 0:
            spec = question.fields[first - 1]
            if spec.when is not None and not spec.when.holds(item):
                first -= 1
            elif given and spec.field in given and item.get(spec.field) == given[spec.field]:
                why = "given"
                first -= 1
            else:
                break
        return ((first + 1, at) if first < at else None), why

    def _ask_item_value(self, spec: ItemField, default: Any, check: Check, cancel: str) -> Any:
        """One field of an item, with a way out: a choice to cancel in a choice, an
        empty answer (confirmed) in a required text; and a way back (GoBack)."""
        self._item_back = True
        try:
            if spec.kind in TEXT_KINDS and spec.required:
                return self._ask_item_text(spec, default, check)
            if spec.kind not in ("choice", "yesno"):
                return self._ask_value(spec, default, check)
            return self._ask_value(spec, default, check, cancel=cancel)
        finally:
            self._item_back = False

    def _ask_item_text(self, spec: ItemField, default: Any, check: Check) -> Any:
        """A required text of an item: left empty, it asks whether to cancel the item."""
        hint = f"{spec.hint} {m.Q_ITEM_CANCEL_HINT}" if spec.hint else m.Q_ITEM_CANCEL_HINT
        hinted = spec.model_copy(update={"hint": hint})

        def lenient(value: Any) -> str | None:
            return None if _blank(value) else check(value)

        while True:
            value = self._ask_text(hinted, default, lenient)
            if not _blank(value):
                return value
            if self._cancel_confirmed():
                raise _Cancelled

    def _cancel_confirmed(self) -> bool:
        answer = self.asker.select(
            Prompt(m.Q_ITEM_CANCEL_SURE, default=NO),
            # Going on comes first: a quick Enter must not throw away what was typed.
            [Option(NO, m.Q_ITEM_CANCEL_NO), Option(YES, m.Q_ITEM_CANCEL_YES)],
        )
        return answer == YES

    def _add_item(
        self,
        question: Question,
        defaults: dict[str, Any] | None,
        *,
        resolves: str | None = None,
        given: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """Add an item, field by field. When the person goes back from its first field
        (to where the item began), the answers given so far are returned, to be the
        defaults when the item is started again; None otherwise."""
        if self.flow.is_full(question):
            limit = self.flow.max_items(question)
            self.screen.show(Note(m.Q_LIST_FULL.format(max=limit), "problem"))
            return None
        # Saved field by field until the item is whole: a new item as the unfinished
        # one, an item set aside under its own key (with its answers not yet asked).
        key = resolves or unfinished_key(question)
        before = self.flow.record.set_aside.get(key)
        base = dict(given or {})

        def keep(so_far: dict[str, Any]) -> None:
            self.flow.keep_item(key, {**base, **so_far})

        while True:
            number = len(self.flow.items(question)) + 1
            try:
                item = self._ask_item(question, defaults, number, given=given, keep=keep)
            except _Cancelled:
                if key == unfinished_key(question) or before is None:
                    self.flow.drop_set_aside(key)
                else:  # an item set aside earlier stays as it was, to be put right later
                    self.flow.keep_item(key, before)
                self.screen.show(Note(m.Q_ITEM_CANCELLED))
                self._show_list(question)
                return None
            except _BackFromItem as back:
                if key == unfinished_key(question) or before is None:
                    self.flow.drop_set_aside(key)
                else:
                    self.flow.keep_item(key, before)
                return {f: v for f, v in back.answers.items() if f not in base}
            given = None
            try:
                displaced = self.flow.add_item(question, item, resolves=key)
            except Refused as refused:
                self.screen.show(Note(refused.message, "problem"))
                defaults = base = item
                continue
            self._show_displaced(displaced)
            self._show_list(question)
            return None

    def _change_item(
        self,
        question: Question,
        index: int,
        answers: dict[str, Any] | None = None,
        start: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """Change an item field by field; `answers` already given (a change begun in an
        earlier session) are not asked again, `start` are the defaults left by going
        back. The answers so far are saved as they come. Going back from the first
        field returns the answers given so far (the item stays as it was)."""
        defaults = {**self.flow.items(question)[index], **(answers or {}), **(start or {})}
        title = self.flow.item_title(question, self.flow.items(question)[index])
        given = answers
        base = dict(answers or {})

        def keep(so_far: dict[str, Any]) -> None:
            self.flow.keep_item_change(question, index, {**base, **so_far})

        while True:
            try:
                item = self._ask_item(
                    question,
                    defaults,
                    index + 1,
                    given=given,
                    keep=keep,
                    cancel=m.Q_ITEM_CANCEL_CHANGE,
                )
            except _Cancelled:
                self.flow.drop_set_aside(change_key(question))
                item_name = shorten(title.split(" · ")[0], 50)
                self.screen.show(Note(m.Q_ITEM_CHANGE_CANCELLED.format(item=item_name)))
                self._show_list(question)
                return None
            except _BackFromItem as back:
                self.flow.drop_set_aside(change_key(question))
                return {**defaults, **back.answers}
            given = None
            try:
                displaced = self.flow.replace_item(
                    question, index, item, resolves=change_key(question)
                )
            except Refused as refused:
                self.screen.show(Note(refused.message, "problem"))
                defaults = base = item
                continue
            self._show_displaced(displaced)
            self._show_list(question)
            return None

    def _change_one(self, question: Question, index: int) -> None:
        """Pick one field of an item (its answer shown) and change only that one, and
        what follows from it ("Annan effekt" asks for the other effect); or all fields."""
        item = self.flow.items(question)[index]
        title = shorten(self.flow.item_title(question, item).split(" · ")[0], 40)
        specs = [s for s in question.fields if s.when is None or s.when.holds(item)]
        options = [Option(s.field, self._field_choice_title(question, s, item)) for s in specs]
        options += [Option(_ALL_FIELDS, m.Q_ITEM_ALL_FIELDS), Option(_BACK, m.Q_BACK)]
        left: dict[str, Any] | None = None  # the answers of "all fields" left by going back
        while True:  # going back from a field comes back to this choice
            chosen = self.asker.select(
                Prompt(m.Q_ITEM_WHICH_FIELD.format(item=title), default=specs[0].field), options
            )
            if chosen == _BACK:
                return
            if chosen == _ALL_FIELDS:
                left = self._change_item(question, index, start=left)
                if left is None:
                    return
                continue
            try:
                changed = self._change_field(question, index, item, chosen)
            except GoBack:
                continue
            except _Cancelled:
                self.screen.show(Note(m.Q_ITEM_CHANGE_CANCELLED.format(item=title)))
                self._show_list(question)
                return
            break
        try:
            displaced = self.flow.replace_item(question, index, changed)
        except Refused as refused:
            # A rule across the item's fields: the whole item, the new answer kept.
            self.screen.show(Note(refused.message, "problem"))
            self._change_item(question, index, changed)
            return
        self._show_displaced(displaced)
        self._show_list(question)

    def _change_field(
        self, question: Question, index: int, item: dict[str, Any], chosen: str
    ) -> dict[str, Any]:
        """The item with field `chosen` asked again, and the fields that follow from it."""
        label = (question.item_label or "").capitalize()
        changed = dict(item)
        pending = [s for s in question.fields if s.field == chosen]
        asked: set[str] = set()
        while pending:
            spec = pending.pop(0)
            asked.add(spec.field)
            position = question.fields.index(spec) + 1
            self.screen.show(ItemProgress(label, index + 1, position, len(question.fields)))

            def check(value: Any, name: str = spec.field) -> str | None:
                return self.flow.check_item(question, {**changed, name: value}, name)

            default = changed.get(spec.field)
            value = self._ask_item_value(spec, default, check, m.Q_ITEM_CANCEL_CHANGE)
            changed[spec.field] = value
            for other in question.fields:
                if other.when is None:
                    continue
                if not other.when.holds(changed):
                    if other.field in changed:
                        changed[other.field] = None
                elif other.field not in asked and _blank(changed.get(other.field)):
                    pending.append(other)
        return changed

    def _field_choice_title(self, question: Question, spec: ItemField, item: dict[str, Any]) -> str:
        name = self.flow.item_field_title(question, spec)
        value = item.get(spec.field)
        shown = m.Q_NOT_ANSWERED if value in (None, "") else self.flow.format_value(spec, value)
        return f"{name}: {shorten(shown, max(20, 70 - len(name)))}"

    def _remove_item(self, question: Question) -> None:
        # Which one is always asked, with one item as with several: nothing is removed
        # that the person did not point at.
        index = self._pick_item(question, m.Q_LIST_WHICH_REMOVE)
        if index is None:
            return
        title = self.flow.item_menu_title(question, self.flow.items(question)[index])
        sure = self.asker.select(
            Prompt(m.Q_LIST_REMOVE_SURE.format(item=shorten(title, 50)), default=NO),
            # Keeping comes first: a quick Enter must not delete anything.
            [Option(NO, m.Q_LIST_REMOVE_NO), Option(YES, m.Q_LIST_REMOVE_YES)],
        )
        if sure != YES:
            return
        self._show_displaced(self.flow.remove_item(question, index))
        self.screen.show(Note(m.Q_LIST_REMOVED.format(item=shorten(title, 60)), "success"))
        self._show_list(question)

    def _pick_item(self, question: Question, message: str) -> int | None:
        items = self.flow.items(question)
        options = [
            Option(
                str(index),
                f"{index + 1}. {shorten(self.flow.item_menu_title(question, item), 66)}",
            )
            for index, item in enumerate(items)
        ]
        options.append(Option(_BACK, m.Q_BACK))
        choice = self.asker.select(Prompt(message), options)
        return None if choice == _BACK else int(choice)

    # --- checking the answers at the end --------------------------------------------------

    def review(self) -> bool:
        """Ask what is left, then "check your answers" as a task list of the steps, each
        opened on its own to see and change its answers, until the user completes (True)
        or stops."""
        self.run()
        while True:
            self.run()
            found = self.flow.completion_problems()
            states = tuple(self.flow.task_states(found))
            self.screen.show(TaskList(states, ready=not found))
            options = [
                Option(section.id, self._task_title(section, state, count))
                for section, state, count in states
            ]
            if found:
                options.append(Option("fix", m.Q_REVIEW_FIX))
                message = m.Q_REVIEW_PROMPT_PROBLEMS
            else:
                options.append(Option("complete", m.Q_REVIEW_COMPLETE))
                message = m.Q_REVIEW_PROMPT_READY
            options.append(Option("later", m.Q_REVIEW_LATER))
            default = "fix" if found else "complete"
            choice = self.asker.select(Prompt(message, default=default), options)
            if choice == "complete":
                self.flow.complete()
                return True
            if choice == "later":
                return False
            if choice == "fix":
                self.fix(found)
                continue
            section = next((s for s, _, _ in states if s.id == choice), None)
            if section is not None:
                self.open_section(section)

    @staticmethod
    def _task_title(section: Section, state: str, count: int) -> str:
        label = m.VIEW_STATE_LABELS[state]
        if count:
            return m.Q_TASK_STEP_PROBLEMS.format(
                title=section_title(section), state=label, count=count
            )
        return m.Q_TASK_STEP.format(title=section_title(section), state=label)

    def open_section(self, section: Section) -> None:
        """One step's answers and what needs putting right there; any answer can be
        changed, and then it is back to the task list. The answers are the picker's
        choices, a page at a time, so that the step fits 80×24; the whole summary
        is shown on request."""
        problems = [
            problem
            for problem in self.flow.completion_problems()
            if (owner := self.flow.question_for(problem.path)) is not None
            and owner[0].id == section.id
        ]
        if problems:
            self.screen.show(ProblemsShown(tuple(problems)))
        first_problem = next(
            (
                owner[1].field
                for problem in problems
                if (owner := self.flow.question_for(problem.path)) is not None
            ),
            _BACK,
        )
        question = self._pick_question(
            section, m.Q_STEP_WHICH_ANSWER, first_problem, m.Q_BACK_TO_TASKS, summary=True
        )
        if question is None:
            return
        self._announce(section)
        self.ask(section, question, changing=True)
        self.run()

    def _pick_question(
        self,
        section: Section,
        message: str,
        default: str | None,
        back_title: str,
        *,
        summary: bool = False,
    ) -> Question | None:
        """One of the section's questions, each with its answer, at most PICKER_PAGE
        at a time (a step has up to 32): the picker fits 80×24 with its heading.
        `summary` offers the step's whole summary; None when the person went back."""
        questions = self.flow.applicable_questions(section)
        fields = [q.field for q in questions]
        page = fields.index(default) // PICKER_PAGE if default in fields else 0
        pages = max(1, -(-len(questions) // PICKER_PAGE))
        while True:
            shown = questions[page * PICKER_PAGE : (page + 1) * PICKER_PAGE]
            options = [Option(q.field, self._change_title(q)) for q in shown]
            if page + 1 < pages:
                first, last = (
                    (page + 1) * PICKER_PAGE + 1,
                    min(len(questions), (page + 2) * PICKER_PAGE),
                )
                text = m.Q_PAGE_NEXT.format(first=first, last=last, count=len(questions))
                options.append(Option(_NEXT_PAGE, text))
            if page > 0:
                first, last = (page - 1) * PICKER_PAGE + 1, page * PICKER_PAGE
                text = m.Q_PAGE_PREVIOUS.format(first=first, last=last, count=len(questions))
                options.append(Option(_PREVIOUS_PAGE, text))
            if summary:
                options.append(Option(_SHOW_ALL, m.Q_SHOW_STEP_ANSWERS))
            options.append(Option(_BACK, back_title))
            chosen = self.asker.select(Prompt(message, default=default), options)
            if chosen == _NEXT_PAGE:
                page, default = page + 1, None
            elif chosen == _PREVIOUS_PAGE:
                page, default = page - 1, None
            elif chosen == _SHOW_ALL:
                self.screen.show(SummaryShown((self.flow.section_summary(section),)))
                default = _BACK
            else:
                return next((q for q in questions if q.field == chosen), None)
            if default is None:
                default = questions[page * PICKER_PAGE].field

    def fix(self, found: Sequence[Problem]) -> None:
        """Ask again every question that a completion problem points to."""
        seen: set[str] = set()
        for problem in found:
            owner = self.flow.question_for(problem.path)
            if owner is None or owner[1].field in seen:
                continue
            section, question = owner
            seen.add(question.field)
            self._announce(section)
            self.ask(section, question, changing=True)

    def change(self, sections: Sequence[Section] | None = None) -> bool:
        """Pick any answer (up to the flow's stage, or in `sections`), ask it again with
        the current answer as default; False when the user went back instead."""
        if sections is None:
            sections = self.flow.checklist.sections_upto(self.flow.stage)
        if len(sections) == 1:
            section: Section | None = sections[0]
        else:
            options = [Option(s.id, section_title(s)) for s in sections]
            options.append(Option(_BACK, m.Q_BACK))
            chosen = self.asker.select(Prompt(m.Q_CHANGE_WHICH_STEP), options)
            section = next((s for s in sections if s.id == chosen), None)
        if section is None:
            return False
        question = self._pick_question(section, m.Q_CHANGE_WHICH_QUESTION, None, m.Q_BACK)
        if question is None:
            return False
        self._announce(section)
        self.ask(section, question, changing=True)
        self.run()
        self.screen.show(SummaryShown((self.flow.section_summary(section),)))
        return True

    def revise(self) -> None:
        """Change answers one after the other until the user goes back."""
        while self.change():
            pass

    # --- after the questionnaire: the decision, the start, the closing ---------------------

    def walk(self) -> bool:
        """Ask what the flow's stage still needs (the decision, the start, the closing),
        then show those answers for the user to check or correct.

        True when the record is whole at the stage and the user agrees; False when
        the user leaves it for later (every answer is saved either way).
        """
        while True:
            self.run()
            found = self.flow.completion_problems()
            sections = self.flow.stage_sections()
            self.screen.show(SummaryShown(tuple(self.flow.section_summary(s) for s in sections)))
            if found:
                self.screen.show(ProblemsShown(tuple(found)))
                options = [Option("fix", m.Q_REVIEW_FIX), Option("later", m.Q_REVIEW_LATER)]
                message = m.Q_REVIEW_PROMPT_PROBLEMS
            else:
                options = [Option("done", m.Q_STAGE_DONE), Option("change", m.Q_STAGE_CHANGE)]
                message = m.Q_STAGE_CHECK
            choice = self.asker.select(Prompt(message, default=options[0].value), options)
            if choice == "done":
                self.flow.complete()
                return True
            if choice == "later":
                return False
            if choice == "fix":
                self.fix(found)
            else:
                self.change(sections)

    def redo(self) -> None:
        """Ask every question of the flow's stage again, the current answers as defaults
        (a new decision); which questions follow depends on the new answers."""
        for section in self.flow.stage_sections():
            self._announce(section)
            asked: set[str] = set()
            while True:
                pending = [
                    q for q in self.flow.applicable_questions(section) if q.field not in asked
                ]
                if not pending:
                    break
                asked.add(pending[0].field)
                self.ask(section, pending[0], changing=True)

    def _change_title(self, question: Question) -> str:
        answer = self.flow.format_answer(question)
        shown = m.Q_NOT_ANSWERED if answer is None else answer
        label = shorten(question.label, 44)
        return f"{label} ({shorten(shown, 74 - len(label) - 3)})"
