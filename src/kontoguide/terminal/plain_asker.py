"""Questions one line at a time (`--enkel`): the plain adapter behind `prompting.Asker`.

For screen readers and for scripts: every question is written as plain lines
(the question, its hint, numbered options, one instruction line, "Svar: "),
and every answer is a line ended by Enter, read from a text stream. Nothing
is redrawn, so a screen reader hears each line once, in order, and a script
can pipe the answers in.

- a choice: the number, or the start of the option's text (case and å/ä/ö do
  not matter; the start must fit one option only); j/ja/n/nej at yes or no;
- several choices: numbers with commas or spaces between them, "alla", "inga";
- a long answer: lines until an empty line, each line said back by its number
  ("Rad 2.", the first time in a part with how to end) and the stored answer
  confirmed ("Sparat."): a listener hears nothing else happen after an Enter;
- "?" shows the help, "<" asks for the previous question (where offered);
- an answer that does not fit: "Fel: <reason>" on its own line, what was typed
  ("Du skrev: …"), then the question again, so a screen reader user hears what is
  asked; a refused long answer is kept: "+" as the first line starts from it;
- how to answer is said in full the first time a kind of prompt comes (and
  after "?" or an error), then in a few words ("Svara med numret."), and once
  per part (a section, a heading): in a whole run the full lines were a sixth
  of all words a listener heard. The ways around the questions (help, back,
  cancelling an item) are said once per part as well (`Told`, shared with the
  screen, which starts each part); what changes (the options, a default) is
  said at every question. A hint's sentences, the plain Ja and Nej and an item's
  way out are said once per part too, an option list heard at the same question
  in a few words ("Samma val som förut"), all kept in `Told` (plain_told.py);
  "Valt: …" follows an answer by number or by a start, not the option typed whole.
  bench/plain_walk.py counts a whole walk;
- Ctrl-C or the end of the input: the text typed so far goes to
  `prompt.keep_typed`, then KeyboardInterrupt or EOFError as in the normal mode.

Only the standard library: no questionary or prompt_toolkit in this mode.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO, TypeVar

from kontoguide.questionnaire.prompting import NO, YES, GoBack, Option, Prompt
from kontoguide.terminal import messages as m
from kontoguide.terminal import output
from kontoguide.terminal.plain_told import PLAIN_YES_NO, Told, fold, shown_title
from kontoguide.terminal.plain_wrap import width_of, wrapped

T = TypeVar("T")
# One line of how to answer: in full, and the few words said once it has been heard.
Instruction = tuple[str, str]
HELP, BACK, CLEAR = "?", "<", "-"
# As the first line of a long answer after a refused one: start from the refused lines.
KEEP = "+"

# What a line in this mode may not hold: escape sequences and control characters
# (a carriage return among them); tabs and line ends stay.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f]")
# Every "continue with" command names the mode, so the resumed session is plain too.
_RESUME = re.compile(r"\bkontoguide resume (?!--enkel)")
# The dot between the parts of a title ("Erik Berg · Ägare"): silent when read aloud.
_PARTS = re.compile(r"\s*·\s*")
# A dash between two numbers ("2–5", "6–12 år"): silent when read aloud.
_RANGE = re.compile(r"(?<=\d)\s*–\s*(?=\d)")
# The date format, read letter by letter (not the timestamp "ÅÅÅÅ-MM-DDTtt:mm:ss").
_DATE_FORMAT = re.compile(r"ÅÅÅÅ-MM-DD(?!T)")
# A key with Ctrl ("Ctrl-C", "Ctrl+D"): read as letters.
_CTRL_KEY = re.compile(r"\bCtrl[-+]([A-Z])\b")
# The arrow between the parts of a path ("Mätbara mål 2 › Målvärde"): silent.
_PATH = re.compile(r"\s+›\s+")


def plain(text: str) -> str:
    """A text as it may be written in this mode: no escapes, no carriage returns."""
    bare = _PARTS.sub(m.PL_PART_SEPARATOR, _ESCAPES.sub("", text))
    bare = _PATH.sub(m.PL_PART_SEPARATOR, _RANGE.sub(m.PL_RANGE_WORD, bare))
    bare = _DATE_FORMAT.sub(m.PL_DATE_FORMAT_SPOKEN, bare)
    bare = _CTRL_KEY.sub(lambda key: m.PL_KEY_SPOKEN.format(key=key.group(1)), bare)
    return _RESUME.sub("kontoguide resume --enkel ", bare)


def example_date(today: date) -> str:
    """A date to show the format with: the 30th of June next year, never the past."""
    return date(today.year + 1, 6, 30).isoformat()


@dataclass(frozen=True)
class _Refused:
    reason: str


def choose(text: str, options: Sequence[Option], default: Any = None) -> str | _Refused:
    """The option value that a typed line names, or why it names none."""
    typed = text.strip()
    count = len(options)
    values = [option.value for option in options]
    if not typed:
        if isinstance(default, str) and default in values:
            return default
        return _Refused(m.PL_CHOOSE_EMPTY.format(count=count))
    if typed.isdigit():
        number = int(typed)
        if 1 <= number <= count:
            return options[number - 1].value
        return _Refused(m.PL_NUMBER_RANGE.format(number=typed, count=count))
    wanted = fold(typed)
    if YES in values and NO in values:
        if wanted in ("j", "ja"):
            return YES
        if wanted in ("n", "nej"):
            return NO
    titles = [fold(shown_title(n, o)) for n, o in enumerate(options, 1)]
    exact = [o.value for o, title in zip(options, titles, strict=True) if title == wanted]
    if len(exact) == 1:
        return exact[0]
    starting = [n for n, title in enumerate(titles, 1) if title.startswith(wanted)]
    if not starting:  # "tik tok" for TikTok, "linked in" for LinkedIn
        joined = _joined(wanted)
        starting = [n for n, title in enumerate(titles, 1) if _joined(title).startswith(joined)]
    if len(starting) == 1:
        return options[starting[0] - 1].value
    if starting:
        named = m.PL_OR.join(f"{n}. {shown_title(n, options[n - 1])}" for n in starting)
        return _Refused(m.PL_AMBIGUOUS.format(text=typed, choices=named))
    return _Refused(m.PL_NO_MATCH.format(text=typed, count=count))


def _joined(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text)


def choose_several(
    text: str, options: Sequence[Option], default: Sequence[str] = ()
) -> list[str] | _Refused:
    """The option values that a typed line names (in the options' order), or why not."""
    typed = fold(text)
    values = [option.value for option in options]
    if not typed:
        if default:
            return [value for value in values if value in default]
        return _Refused(m.PL_CHECKBOX_EMPTY.format(count=len(options)))
    if typed == fold(m.PL_ALL_WORD):
        return values
    if typed == fold(m.PL_NONE_WORD):
        return []
    numbers: set[int] = set()
    for token in re.split(r"[,;\s]+", typed):
        if not token:
            continue
        if not token.isdigit() or not 1 <= int(token) <= len(options):
            return _Refused(m.PL_CHECKBOX_FORMAT.format(count=len(options)))
        numbers.add(int(token))
    return [option.value for n, option in enumerate(options, 1) if n in numbers]


def _names_whole(typed: str, number: int, option: Option) -> bool:
    """Whether the typed answer says the option itself ("facebook" for Facebook, "j" at
    a plain Ja): then it is not said back, only an answer by number or by a start is."""
    wanted, title = fold(typed), fold(shown_title(number, option))
    if title in PLAIN_YES_NO:
        return wanted in (title, title[0])
    return wanted == title


def _always(line: str) -> Instruction:
    """A line about this question only (its default, that it may be skipped): said whole."""
    return (line, line)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _said_as(way: str) -> str:
    """A way around as kept in `Told`: an item's way out without the item's number, so
    that it is said once in a part, not again at each item ("mål 1", "mål 2")."""
    return re.sub(r"\d+", "", way) if way.startswith(m.Q_ITEM_WAY_OUT) else way


def _ways(prompt: Prompt) -> tuple[str | None, list[Instruction]]:
    """The prompt's hint without the way out of an item, and its ways around."""
    hint = prompt.hint.strip() if prompt.hint else None
    ways: list[Instruction] = []
    at = -1 if hint is None else hint.find(m.Q_ITEM_WAY_OUT)
    if hint is not None and at >= 0:
        ways.append(_always(hint[at:]))
        hint = hint[:at].strip() or None
    if prompt.help:
        ways.append((m.PL_HELP_KEY, m.PL_HELP_KEY_SHORT))
    if prompt.back:
        ways.append((m.PL_BACK_KEY, m.PL_BACK_KEY_SHORT))
    return hint, ways


class PlainAsker:
    """Asks with plain lines; see `prompting.Asker` and the module's docstring.

    `input` and `output` default to standard in and out; `echo` (default: when the
    input is not a terminal) writes each answer read after "Svar:", so that the
    transcript of a piped run shows what was answered.
    """

    def __init__(
        self,
        input: TextIO | None = None,
        output_stream: TextIO | Any | None = None,
        *,
        echo: bool | None = None,
        today: date | None = None,
        told: Told | None = None,
    ) -> None:
        self.input = input if input is not None else sys.stdin
        self.today = today if today is not None else date.today()
        self.output = output_stream if output_stream is not None else output.stdout
        self.echo = (not _is_terminal(self.input)) if echo is None else echo
        self.heard: set[str] = set()  # the instructions already said in full
        self.told = told if told is not None else Told()

    # --- the three kinds of prompt ------------------------------------------------------

    def text(self, prompt: Prompt, *, multiline: bool = False) -> str:
        default = "" if prompt.default is None else str(prompt.default)
        lines: list[Instruction]
        if multiline:
            lines = [(m.PL_MULTILINE, m.PL_MULTILINE_SHORT)]
        elif prompt.placeholder:
            lines = [
                (
                    m.PL_FORMAT.format(placeholder=self._spoken(prompt.placeholder)),
                    m.PL_FORMAT_SHORT.format(placeholder=prompt.placeholder),
                )
            ]
        else:
            lines = [(m.PL_TEXT, m.PL_TEXT_SHORT)]
        if default:
            # "bäst." and the template's own period would be read as one: "bäst.."
            shown = " ".join(default.split()).removesuffix(".")
            lines.append(_always(m.PL_TEXT_DEFAULT.format(value=shown)))
            if not prompt.required:
                # How to clear a kept answer is the same at every such question: once
                # in a part, and on "?".
                lines.append((m.PL_TEXT_CLEAR, m.PL_TEXT_CLEAR_SHORT))
        elif not prompt.required:
            lines.append((m.PL_OPTIONAL, m.PL_OPTIONAL_SHORT))

        def parse(typed: str) -> str:
            if not typed.strip():
                return default
            if typed.strip() == CLEAR and default and not prompt.required:
                return ""
            return typed

        return self._ask(prompt, [], lines, parse, multiline=multiline, give_back=True)

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str:
        values = [option.value for option in options]
        yes_no = YES in values and NO in values
        how = (m.PL_YESNO, m.PL_YESNO_SHORT) if yes_no else (m.PL_SELECT, m.PL_SELECT_SHORT)
        lines = [how]
        default = prompt.default if isinstance(prompt.default, str) else None
        if default in values:
            title = next(shown_title(n, o) for n, o in enumerate(options, 1) if o.value == default)
            # "sparas." and the template's own period would be read as one: "sparas.."
            line = m.PL_DEFAULT_CHOICE.format(choice=title.removesuffix("."))
            # The same choices with the same default as heard before: "Samma val som förut".
            lines.append((line, "") if self.told.heard_options(prompt, options) else _always(line))

        typed_last = [""]

        def parse(typed: str) -> str | _Refused:
            typed_last[0] = typed
            return choose(typed, options, default)

        answer = self._ask(prompt, options, lines, parse)
        number, chosen = next((n, o) for n, o in enumerate(options, 1) if o.value == answer)
        if not _names_whole(typed_last[0], number, chosen):
            self._say(m.PL_CHOSEN.format(choice=shown_title(number, chosen)))
        return answer

    def checkbox(self, prompt: Prompt, options: Sequence[Option]) -> list[str]:
        values = [option.value for option in options]
        preset = prompt.default if isinstance(prompt.default, list) else []
        default = [value for value in values if value in preset]
        lines = [(m.PL_CHECKBOX, m.PL_CHECKBOX_SHORT)]
        if not prompt.required:
            lines.append(_always(m.PL_CHECKBOX_NONE))
        if default:
            titles = [o.title for o in options if o.value in default]
            lines.append(_always(m.PL_CHECKBOX_DEFAULT.format(choices=", ".join(titles))))

        def parse(typed: str) -> list[str] | _Refused:
            chosen = choose_several(typed, options, default)
            if chosen == [] and prompt.required and prompt.validate is None:
                return _Refused(m.V_REQUIRED)
            return chosen

        answer = self._ask(prompt, options, lines, parse)
        titles = [o.title for o in options if o.value in answer]
        if titles and len(titles) == len(options):
            said = m.P_ALL_CHOSEN.format(count=len(titles))
        else:
            said = ", ".join(titles) or m.P_NONE_CHOSEN
        self._say(m.PL_CHOSEN.format(choice=said))
        return answer

    def _spoken(self, placeholder: str) -> str:
        """A format as said in the full instruction: the date's in words, with an example."""
        if placeholder == m.Q_DATE_PLACEHOLDER:
            return m.PL_DATE_FORMAT_EXAMPLE.format(example=example_date(self.today))
        return placeholder

    # --- asking until an answer fits ----------------------------------------------------

    def _ask(
        self,
        prompt: Prompt,
        options: Sequence[Option],
        how: list[Instruction],
        parse: Callable[[str], T | _Refused],
        *,
        multiline: bool = False,
        give_back: bool = False,
    ) -> T:
        hint, ways = _ways(prompt)
        said_hint = self.told.unsaid(hint)
        self._show(prompt, options, how, ways, hint=said_hint)
        # A refused long answer, said back and kept for "+" (see _give_back).
        refused: list[str] = []
        while True:
            typed = self._read(prompt, multiline=multiline, refused=refused)
            refused = []
            command = typed.strip()
            if command == HELP:
                self._say(m.P_HELP_TITLE)
                self._say(prompt.help.strip() if prompt.help else m.PL_NO_HELP)
                self._say(m.VIEW_PAUSE_HINT)
                for line in self.told.list_lines:  # at a list's menu: the whole list
                    self._say(line)
                # The hint whole again where part of it was left out as said before.
                self._show(
                    prompt, options, how, ways, hint=None if said_hint == hint else hint, full=True
                )
                continue
            if command == BACK:
                if prompt.back:
                    raise GoBack
                self._refuse(m.PL_NO_BACK, prompt, options, how, ways)
                continue
            value = parse(typed)
            reason = value.reason if isinstance(value, _Refused) else None
            if reason is None and prompt.validate is not None:
                reason = prompt.validate(value)
            if reason is not None:
                self._say(m.PL_ERROR.format(reason=reason))
                if give_back:
                    refused = self._give_back(typed, multiline=multiline)
                self._show(prompt, options, how, ways, full=True)
                continue
            if multiline and typed.strip():
                self._say(m.PL_LONG_STORED)
            return value  # type: ignore[return-value]

    def _give_back(self, typed: str, *, multiline: bool) -> list[str]:
        """Say a refused answer back, so that it need not be typed again from memory;
        a long one is kept: "+" as the first line of the next answer starts from it.

        An empty line cannot keep it (it ends an answer, and would send the refused
        answer again unchanged), and a line cannot be edited here: "+" takes the lines
        and lets the person add to them, or they type the answer anew."""
        lines = [line for line in typed.split("\n") if line.strip()]
        if not lines:
            return []
        if not multiline or len(lines) == 1:
            self._say(m.PL_YOU_WROTE.format(text=lines[0].strip()))
        else:
            self._say(m.PL_YOU_WROTE_LINES.format(count=len(lines)))
            for line in lines:
                self._say(line)
        if not multiline:
            return []
        self._say(m.PL_KEEP_WRITTEN)
        return lines

    def _refuse(
        self,
        reason: str,
        prompt: Prompt,
        options: Sequence[Option],
        how: list[Instruction],
        ways: list[Instruction],
    ) -> None:
        self._say(m.PL_ERROR.format(reason=reason))
        self._show(prompt, options, how, ways, full=True)

    def _show(
        self,
        prompt: Prompt,
        options: Sequence[Option],
        how: list[Instruction],
        ways: list[Instruction],
        *,
        hint: str | None = None,
        full: bool = False,
    ) -> None:
        """The question, its hint (only the first time), its options, then how to answer;
        the ways around (help, back, cancel) once in this part, or in full when asked."""
        self._say(prompt.message.strip())
        if hint:
            self._say(hint)
        for line in self.told.options(prompt, options, full=full):
            self._say(line)
        untold = ways if full else [way for way in ways if _said_as(way[0]) not in self.told.said]
        self.told.said.update(_said_as(long) for long, _ in untold)
        (kind, _), *also = how
        known = not full and kind in self.told.kinds
        self.told.kinds.add(kind)
        lines = [*(also if known else how), *untold]
        said = [short if long in self.heard and not full else long for long, short in lines]
        said = [line for line in said if line]  # (a long answer's short line is said later)
        if m.PL_MULTILINE in said:  # how to end it was just said: not again after line 1
            self.told.kinds.add(m.PL_LINE_KEPT_FIRST)
        self.heard.update(long for long, _ in lines)
        if said:
            self._say(" ".join(said))
        self._write(m.PL_INPUT)

    # --- reading lines ------------------------------------------------------------------

    def _read(self, prompt: Prompt, *, multiline: bool, refused: Sequence[str] = ()) -> str:
        """One answer: a line, or for a long answer the lines up to an empty one, each
        line said to be kept (a listener hears nothing else happen after its Enter).
        `refused`: the lines of a refused long answer, taken back by "+" as a first line."""
        lines: list[str] = []
        while True:
            try:
                raw = self.input.readline()
            except KeyboardInterrupt:
                self._pause(prompt, lines or list(refused))
                raise
            if not raw.endswith("\n"):
                # The end of the input, perhaps after a last line without its Enter
                # (Ctrl-D after typing): that line is kept, not taken as the answer.
                if raw:
                    lines.append(raw.rstrip("\r"))
                self._pause(prompt, lines or list(refused))
                raise EOFError
            line = raw.rstrip("\r\n")
            if self.echo:
                self._say(line)
            if not multiline:
                return line
            if not line.strip():
                return "\n".join(lines)
            if not lines and line.strip() in (HELP, BACK):
                return line
            if not lines and refused and line.strip() == KEEP:
                lines = list(refused)
                self._say(m.PL_KEPT_LINES)
                continue
            lines.append(line)
            self._line_kept(len(lines))

    def _line_kept(self, number: int) -> None:
        """After a line of a long answer: its number, and the first time in a part also
        how to end the answer."""
        if number == 1 and m.PL_LINE_KEPT_FIRST not in self.told.kinds:
            self.told.kinds.add(m.PL_LINE_KEPT_FIRST)
            self._say(m.PL_LINE_KEPT_FIRST)
        else:
            self._say(m.PL_LINE_KEPT.format(number=number))

    @staticmethod
    def _pause(prompt: Prompt, lines: list[str]) -> None:
        typed = "\n".join(lines)
        if typed.strip() and prompt.keep_typed is not None:
            prompt.keep_typed(typed)

    # --- writing ------------------------------------------------------------------------

    def _write(self, text: str) -> None:
        self.output.write(wrapped(plain(text), width_of(self.output)))
        self.output.flush()

    def _say(self, text: str = "") -> None:
        self._write(text + "\n")
