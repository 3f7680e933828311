"""What plain mode has already said, so that each thing is said once (issue 21).

Shared by the asker and the screen of a session: the ways around the questions,
how a kind of prompt is answered, the step and the item, a hint's sentences and
the lists' items are said once per part (a section, a heading); an option list
heard before at the same question, and what is the same in every part (the pause
line), once in a run. "?" says everything in full again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kontoguide.questionnaire import messages as qm
from kontoguide.questionnaire.prompting import Option, Prompt
from kontoguide.terminal import messages as m

# Where a hint's sentences part: one said already in this part is not said again.
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# The way out of an item, the last option of each of its choices.
_CANCELS = (qm.Q_ITEM_CANCEL, qm.Q_ITEM_CANCEL_CHANGE)
# The plain two-way choice, said by its instruction ("Svara j eller n") once it is known.
PLAIN_YES_NO = ("ja", "nej")
_YES_NO_KNOWN = "ja eller nej"


def fold(text: str) -> str:
    """Text as compared with an option: lower case, å/ä/ö as a/a/o, spaces single."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def shown_title(number: int, option: Option) -> str:
    """An option's text without a number it already starts with ("1. Mål" as option 1)."""
    prefix = f"{number}. "
    return option.title[len(prefix) :] if option.title.startswith(prefix) else option.title


def _said_options(prompt: Prompt, options: Sequence[Option]) -> tuple[str, ...]:
    """A question with its options and default, as remembered once said in full."""
    default = prompt.default if isinstance(prompt.default, str) else ""
    return (prompt.message.strip(), default, *(option.title for option in options))


class Told:
    """What has been said in this part, and in this run.

    The ways around (help, back, cancelling an item) are the same at every question:
    said once per section (the screen calls `new_part` at each heading), and in full
    again after "?" or an error, so that the listener hears, before each question,
    what changes there."""

    def __init__(self) -> None:
        self.said: set[str] = set()
        # How a kind of prompt is answered ("Skriv svaret."), once said in this part:
        # not said again at the next prompt of that kind, but for a long answer (the
        # empty line that ends it is easily forgotten).
        self.kinds: set[str] = set()
        # Where the last question stood ("Steg 2 av 5"): said again only when it changes.
        self.where: str | None = None
        # The item the last question was in ("Mål 2"): said again at the next item.
        self.item: str | None = None
        # The hints' sentences said in this part: the same example or rule at the next
        # item or question is not said again ("?" says the whole hint).
        self.sentences: set[str] = set()
        # What is the same in every part (how answers are kept and how to pause): said
        # the first time in a run, and on "?".
        self.ever: set[str] = set()
        # The items of each list said in this part, by the list's field.
        self.listed: dict[str, tuple[str, ...]] = {}
        # The option lists said in full, with their question and default, in this run:
        # the same again is said in a few words.
        self.options_heard: set[tuple[str, ...]] = set()
        # The last list shown, whole, while its menu is asked: "?" there says it again
        # (the screen says only the items added since it was last shown).
        self.list_lines: list[str] = []

    def new_part(self) -> None:
        self.said.clear()
        self.kinds.clear()
        self.sentences.clear()
        self.listed.clear()
        self.list_lines = []
        self.where = None
        self.item = None

    def unsaid(self, hint: str | None) -> str | None:
        """The hint without the sentences already said in this part (the same example at
        the next item, "Du behöver svara ja" at each rule of a step)."""
        if hint is None:
            return None
        sentences = [" ".join(part.split()) for part in _SENTENCE.split(hint)]
        new = [sentence for sentence in sentences if sentence not in self.sentences]
        self.sentences.update(sentences)
        return " ".join(new) or None

    def heard_options(self, prompt: Prompt, options: Sequence[Option]) -> bool:
        """Whether this question was said before with these options and default."""
        return _said_options(prompt, options) in self.options_heard

    def options(self, prompt: Prompt, options: Sequence[Option], *, full: bool) -> list[str]:
        """The options as said: all of them the first time and on "?"; then without the
        way out of an item and the plain Ja and Nej once said in this part, and a list
        said before at the same question in a few words."""
        lines = [
            f"{number}. {shown_title(number, option)}" for number, option in enumerate(options, 1)
        ]
        heard = self.heard_options(prompt, options)
        self.options_heard.add(_said_options(prompt, options))
        if full:
            return lines
        choices = list(options)
        if options and options[-1].title in _CANCELS:
            cancel = choices.pop().title
            if cancel in self.said:
                lines = lines[:-1]
            self.said.add(cancel)
        if tuple(fold(option.title) for option in choices) == PLAIN_YES_NO:
            known = _YES_NO_KNOWN in self.kinds
            self.kinds.add(_YES_NO_KNOWN)
            return lines[2:] if known else lines
        if heard and len(lines) > 2:
            return [m.PL_SAME_OPTIONS.format(count=len(options))]
        return lines
