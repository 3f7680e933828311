"""Plain mode (`--enkel`) talks back (issue 21): each line of a long answer is said
to be kept, the stored answer is confirmed, and a refused answer is said back; a
refused long answer is kept for "+" so that it need not be typed again."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kontoguide.cli import messages as m
from kontoguide.questionnaire.prompting import Prompt
from kontoguide.terminal.plain_asker import PlainAsker
from kontoguide.terminal.plain_told import Told


class Lines(io.StringIO):
    """Standard input as typed: the given lines, then the end of the input."""

    def __init__(self, *lines: str) -> None:
        super().__init__("".join(line + "\n" for line in lines))


def asker(*lines: str) -> tuple[PlainAsker, io.StringIO]:
    out = io.StringIO()
    # No echo: what is shown is only what kontoguide says, as in a terminal.
    return PlainAsker(Lines(*lines), out, echo=False, told=Told()), out


def at_least(length: int) -> Prompt:
    def check(text: str) -> str | None:
        return None if len(text) >= length else "För kort."

    return Prompt("Beskriv.", validate=check)


def test_each_line_of_a_long_answer_is_said_and_the_answer_confirmed() -> None:
    ask, out = asker("Första raden.", "Andra raden.", "Tredje.", "")
    assert ask.text(Prompt("Beskriv."), multiline=True) == "Första raden.\nAndra raden.\nTredje."
    said = out.getvalue().split("\n")
    first = m.PL_INPUT + m.PL_LINE_KEPT.format(number=1)
    assert said[said.index(first) :] == [
        first,
        m.PL_LINE_KEPT.format(number=2),
        m.PL_LINE_KEPT.format(number=3),
        m.PL_LONG_STORED,
        "",
    ]


def test_how_to_end_a_long_answer_is_said_once_in_a_part() -> None:
    # Before the first long answer it is said in full; in a later part, where the line
    # before the prompt is left out, after the first line.
    told = Told()
    out = io.StringIO()
    ask = PlainAsker(Lines("ett", "", "två", ""), out, echo=False, told=told)
    ask.text(Prompt("Först."), multiline=True)
    ask.text(Prompt("Sedan."), multiline=True)
    assert out.getvalue().count(m.PL_MULTILINE) == 1
    assert m.PL_LINE_KEPT_FIRST not in out.getvalue()
    told.new_part()
    out = io.StringIO()
    ask = PlainAsker(Lines("tre", "", "fyra", ""), out, echo=False, told=told)
    ask.heard.add(m.PL_MULTILINE)
    ask.text(Prompt("I nästa del."), multiline=True)
    ask.text(Prompt("Och sedan."), multiline=True)
    text = out.getvalue()
    assert m.PL_MULTILINE not in text
    assert text.count(m.PL_LINE_KEPT_FIRST) == 1
    assert text.index(m.PL_LINE_KEPT_FIRST) < text.index("Och sedan.")


def test_no_two_empty_lines_after_a_long_answer() -> None:
    ask, out = asker("Första raden.", "")
    ask.text(Prompt("Beskriv."), multiline=True)
    # In a terminal the empty line that ends the answer is the person's own.
    assert out.getvalue().endswith(m.PL_LONG_STORED + "\n")


def test_a_refused_line_is_said_back() -> None:
    ask, out = asker("anna.lind@", "anna.lind@stockholm.se")
    prompt = Prompt("E-post?", validate=lambda text: None if "." in text.split("@")[1] else "Fel.")
    assert ask.text(prompt) == "anna.lind@stockholm.se"
    assert m.PL_YOU_WROTE.format(text="anna.lind@") in out.getvalue()
    assert m.PL_KEEP_WRITTEN not in out.getvalue()  # one line is typed again, not kept


def test_a_refused_long_answer_is_said_back_and_kept_with_a_plus() -> None:
    ask, out = asker("Vi vill nå", "barn.", "", "+", "Och deras föräldrar.", "")
    answer = ask.text(at_least(30), multiline=True)
    assert answer == "Vi vill nå\nbarn.\nOch deras föräldrar."
    text = out.getvalue()
    assert m.PL_YOU_WROTE_LINES.format(count=2) + "\nVi vill nå\nbarn.\n" in text
    assert m.PL_KEEP_WRITTEN in text
    assert m.PL_KEPT_LINES in text
    # Numbered on from the kept lines.
    assert m.PL_LINE_KEPT.format(number=3) in text


def test_an_empty_line_never_sends_a_refused_answer_again() -> None:
    # After the refusal the empty line is an empty answer (refused as too short), not
    # the refused text again; "+" is a line of an answer where nothing was refused.
    seen: list[str] = []

    def check(text: str) -> str | None:
        seen.append(text)
        return None if len(text) >= 5 else "För kort."

    ask, _ = asker("kort", "", "", "+", "rad två", "")
    assert ask.text(Prompt("Beskriv.", validate=check), multiline=True) == "+\nrad två"
    assert seen == ["kort", "", "+\nrad två"]


def test_a_pause_after_a_refusal_keeps_the_refused_long_answer() -> None:
    kept: list[str] = []
    ask, _ = asker("Vi vill nå", "barn.", "")
    prompt = Prompt("Beskriv.", validate=lambda _: "För kort.", keep_typed=kept.append)
    with pytest.raises(EOFError):
        ask.text(prompt, multiline=True)
    assert kept == ["Vi vill nå\nbarn."]


@given(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1
        ).filter(lambda line: line.strip() not in ("", "?", "<", "+")),
        min_size=1,
        max_size=5,
    )
)
def test_any_refused_long_answer_comes_back_whole_with_a_plus(lines: list[str]) -> None:
    typed = "\n".join(lines)
    refused = [typed]

    def check(text: str) -> str | None:
        return "Nej." if text == refused[0] else None

    ask, _ = asker(*lines, "", "+", "slut", "")
    assert ask.text(Prompt("Beskriv.", validate=check), multiline=True) == typed + "\nslut"
