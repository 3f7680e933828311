"""Each instruction once in plain mode (issue 21): the ways around the questions (help,
back, cancelling an item), how a kind of prompt is answered and the step are said once
per part and in full on "?", not before every question; a whole walk, counted."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.questionnaire.events import Progress, SectionStarted
from kontoguide.questionnaire.prompting import Prompt
from kontoguide.terminal.plain_asker import PlainAsker, Told
from kontoguide.terminal.plain_screen import PlainScreen

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import plain_walk


def _pair(*typed: str) -> tuple[PlainScreen, PlainAsker, io.StringIO]:
    out, told = io.StringIO(), Told()
    lines = io.StringIO("".join(line + "\n" for line in typed))
    return PlainScreen(out, told), PlainAsker(lines, out, echo=True, told=told), out


def _question(number: int) -> Prompt:
    return Prompt(f"Fråga {number}?", help="Mer om frågan.", back=True)


def test_help_and_back_are_said_once_per_part_and_in_full_on_question_mark(
    checklist: Checklist,
) -> None:
    first, second = (s for s in checklist.sections if s.number in (1, 2))
    screen, ask, out = _pair("a", "b", "?", "c", "d", "e")
    screen.show(SectionStarted(first, 5))
    for number in (1, 2, 3):
        ask.text(_question(number))
    part_one = out.getvalue()
    assert part_one.count(m.PL_BACK_KEY) == 2  # the first question, and after "?"
    assert part_one.count(m.PL_HELP_KEY) == 2
    assert m.PL_BACK_KEY_SHORT not in part_one
    after_help = part_one.split(m.P_HELP_TITLE)[1]
    assert m.PL_TEXT in after_help and m.PL_BACK_KEY in after_help
    out.truncate(0)
    out.seek(0)
    screen.show(SectionStarted(second, 5))
    ask.text(_question(4))
    ask.text(_question(5))
    part_two = out.getvalue()
    # In a few words now that they have been heard, once in the new part.
    assert part_two.count(m.PL_BACK_KEY_SHORT) == 1
    assert part_two.count(m.PL_HELP_KEY_SHORT) == 1
    assert part_two.count(m.PL_TEXT_SHORT) == 1


def test_the_way_out_of_an_item_is_said_once_and_the_rest_of_the_hint_each_time(
    checklist: Checklist,
) -> None:
    screen, ask, out = _pair("Erik Berg", "Sara Holm")
    screen.show(SectionStarted(next(s for s in checklist.sections if s.number == 4), 5))
    for _ in range(2):
        ask.text(Prompt("Vad heter personen?", hint=f"Hela namnet. {m.Q_ITEM_CANCEL_HINT}"))
    said = out.getvalue()
    assert said.count(m.Q_ITEM_CANCEL_HINT) == 1
    assert said.count("Hela namnet.") == 2


def test_the_step_is_said_when_it_changes(checklist: Checklist) -> None:
    section = next(s for s in checklist.sections if s.number == 2)
    screen, _, out = _pair()
    screen.show(SectionStarted(section, 5))
    screen.show(Progress(section, 1, 20, 5))
    screen.show(Progress(section, 2, 20, 5))
    said = out.getvalue()
    assert "Steg 2 av 5. Fråga 1 av 20." in said
    assert "\nFråga 2 av 20.\n" in said


def test_a_whole_plain_walk_says_less_and_repeats_less() -> None:
    # The example's answers piped into `start --enkel` (bench/plain_walk.py); before
    # issue 21: 49 words before a question and 43 % of the words repeated.
    checklist = load_checklist()
    example = plain_walk.ROOT / "examples" / "klar-for-beslut.json"
    lines = plain_walk.typed_lines(checklist, plain_walk.example_answers(example, date.today()))
    stdout = plain_walk.walk(lines)
    assert m.I_READY in stdout
    found = plain_walk.count(stdout)
    assert found["errors"] == 0
    assert found["words_per_question"] < 40
    assert found["repeated_share"] < 0.30
    assert stdout.count(m.PL_BACK_KEY_SHORT) + stdout.count(m.PL_BACK_KEY) < 10


def test_the_walk_counts_a_long_answers_lines_as_typed_not_as_said() -> None:
    # The echo of a long answer's second line follows the cue of its first ("Rad 1.").
    stdout = "Fråga 1 av 2.\nSvar: första\nRad 1. En tom rad avslutar svaret.\nandra raden\n"
    stdout += "Rad 2.\n\nSparat.\n\nFråga 2 av 2.\nSvar: j\n"
    said = plain_walk.heard(stdout)
    assert said[1] == "Rad 1. En tom rad avslutar svaret.\nRad 2.\nSparat.\n\nFråga 2 av 2.\n"
    assert "andra" not in " ".join(said)
