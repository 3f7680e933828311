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
from kontoguide.questionnaire.events import (
    Heading,
    ItemProgress,
    ItemStarted,
    ListShown,
    Progress,
    SectionStarted,
)
from kontoguide.questionnaire.prompting import NO, YES, Option, Prompt, yes_no
from kontoguide.terminal.plain_asker import PlainAsker, plain
from kontoguide.terminal.plain_screen import PlainScreen
from kontoguide.terminal.plain_told import Told

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


def test_the_way_out_of_an_item_and_a_repeated_hint_are_said_once_per_part(
    checklist: Checklist,
) -> None:
    screen, ask, out = _pair("Erik Berg", "Sara Holm", "?", "Per Ek", "Eva Ek")
    screen.show(SectionStarted(next(s for s in checklist.sections if s.number == 4), 5))
    for number in range(1, 4):
        way_out = m.Q_ITEM_CANCEL_HINT.format(item=f"person {number}")
        prompt = Prompt(
            "Vad heter personen?",
            hint=f"Hela namnet. Som i kalendern. {way_out}",
            help="Mer om namnet.",
        )
        ask.text(prompt)
    said = out.getvalue()
    # Once in the part (not again for the next person), and whole again on "?" at the
    # third question.
    assert said.count(m.Q_ITEM_WAY_OUT) == 2
    assert said.count(m.Q_ITEM_CANCEL_HINT.format(item="person 1")) == 1
    assert said.count(m.Q_ITEM_CANCEL_HINT.format(item="person 2")) == 0
    assert said.count(m.Q_ITEM_CANCEL_HINT.format(item="person 3")) == 1
    assert said.count("Hela namnet. Som i kalendern.") == 2
    before_help = said.split(m.P_HELP_TITLE)[0]
    assert before_help.count("Hela namnet.") == 1
    assert said.split(m.P_HELP_TITLE)[1].count("Hela namnet.") == 1
    screen.show(SectionStarted(next(s for s in checklist.sections if s.number == 5), 5))
    ask.text(prompt)
    assert out.getvalue().count("Hela namnet. Som i kalendern.") == 3  # a new part


def test_the_step_is_said_when_it_changes(checklist: Checklist) -> None:
    section, other = (s for s in checklist.sections if s.number in (2, 3))
    screen, _, out = _pair()
    screen.show(SectionStarted(section, 5))
    screen.show(Progress(section, 1, 20, 5))
    screen.show(Progress(section, 2, 20, 5))
    screen.show(Progress(other, 1, 13, 5))
    said = out.getvalue()
    # The heading has just said the step: not again at its first question.
    assert "Steg 2 av 5:" in said and "Steg 2 av 5. Fråga" not in said
    assert "\nFråga 1 av 20.\n" in said and "\nFråga 2 av 20.\n" in said
    assert "\nSteg 3 av 5. Fråga 1 av 13.\n" in said


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
    # 39.5 words and 28.5 % before the options, hints, item positions, list items and
    # pause line were said once (the second round of issue 21); 31.9 words before the
    # hints were shortened to what a listener needs at the question (the third round).
    assert found["words_per_question"] <= 30
    assert found["repeated_share"] <= 0.15
    assert stdout.count(m.PL_BACK_KEY_SHORT) + stdout.count(m.PL_BACK_KEY) < 10


def test_the_walk_counts_a_long_answers_lines_as_typed_not_as_said() -> None:
    # The echo of a long answer's second line follows the cue of its first ("Rad 1.").
    stdout = "Fråga 1 av 2.\nSvar: första\nRad 1. En tom rad avslutar svaret.\nandra raden\n"
    stdout += "Rad 2.\n\nSparat.\n\nFråga 2 av 2.\nSvar: j\n"
    said = plain_walk.heard(stdout)
    assert said[1] == "Rad 1. En tom rad avslutar svaret.\nRad 2.\nSparat.\n\nFråga 2 av 2.\n"
    assert "andra" not in " ".join(said)


_MENU = [
    Option("add", m.Q_LIST_ADD),
    Option("change", m.Q_LIST_CHANGE),
    Option("done", m.Q_LIST_DONE),
]


def _menu() -> Prompt:
    return Prompt(m.Q_LIST_MENU, help="Om listan.", default="done")


def test_the_same_menu_again_is_said_in_a_few_words_and_whole_on_question_mark() -> None:
    screen, ask, out = _pair("lägg", "", "?", "klart", "")
    screen.show(Heading("Mål"))
    assert ask.select(_menu(), _MENU) == "add"
    first = out.getvalue()
    assert "3. Klart, gå vidare" in first and "Bara Enter väljer: Klart, gå vidare." in first
    out.truncate(0)
    out.seek(0)
    screen.show(Heading("Målgrupper"))  # the same everywhere: short in a new part too
    assert ask.select(_menu(), _MENU) == "done"
    assert ask.select(_menu(), _MENU) == "done"
    said = out.getvalue()
    before_help = said.split(m.P_HELP_TITLE)[0]
    assert m.PL_SAME_OPTIONS.format(count=3) in before_help
    assert "Klart, gå vidare" not in before_help.replace("Valt: Klart, gå vidare", "")
    after_help = said.split(m.P_HELP_TITLE)[1]
    assert "1. Lägg till fler" in after_help and "Bara Enter väljer: Klart" in after_help
    # Another default is what changes: said, with the options whole.
    out.truncate(0)
    out.seek(0)
    ask.select(Prompt(m.Q_LIST_MENU, default="add"), _MENU)
    assert "1. Lägg till fler" in out.getvalue()


def test_plain_yes_and_no_and_the_way_out_of_an_item_are_listed_once_per_part(
    checklist: Checklist,
) -> None:
    screen, ask, out = _pair("j", "n", "?", "1", "j")
    cancel = Option("avbryt", m.Q_ITEM_CANCEL)
    screen.show(SectionStarted(next(s for s in checklist.sections if s.number == 4), 5))
    for number in (1, 2):
        assert ask.select(Prompt(f"Fråga {number}?", help="Hjälp."), [*yes_no("Ja", "Nej"), cancel])
    said = out.getvalue()
    assert said.count("1. Ja\n") == 1 and said.count(f"3. {m.Q_ITEM_CANCEL}") == 1
    # "j" names the answer: not said back; "1" is.
    assert m.PL_CHOSEN.format(choice="Ja") not in said
    ask.select(Prompt("Fråga 3?", help="Hjälp."), [*yes_no("Ja", "Nej"), cancel])
    after_help = out.getvalue().split(m.P_HELP_TITLE)[1]
    assert "1. Ja\n2. Nej\n" in after_help and f"3. {m.Q_ITEM_CANCEL}" in after_help
    assert m.PL_CHOSEN.format(choice="Ja") in after_help
    screen.show(SectionStarted(next(s for s in checklist.sections if s.number == 5), 5))
    ask.select(Prompt("Fråga 4?"), yes_no("Ja", "Nej"))
    assert out.getvalue().count("1. Ja\n") == 3  # a new part
    assert YES != NO


def test_the_pause_line_is_said_at_the_first_heading_and_on_question_mark(
    checklist: Checklist,
) -> None:
    first, second = (s for s in checklist.sections if s.number in (1, 2))
    screen, ask, out = _pair("?", "a")
    pause = plain(m.VIEW_PAUSE_HINT)
    screen.show(SectionStarted(first, 5))
    screen.show(SectionStarted(second, 5))
    screen.show(Heading("Uppföljning"))
    assert out.getvalue().count(pause) == 1
    ask.text(_question(1))
    assert pause in out.getvalue().split(m.P_HELP_TITLE)[1]


def test_an_items_name_and_count_are_said_at_its_first_question() -> None:
    screen, _, out = _pair()
    screen.show(Heading("Mål"))
    for number in (1, 2):
        screen.show(ItemStarted("Mål", number))
        for index in (1, 2):
            screen.show(ItemProgress("Mål", number, index, 9))
    said = out.getvalue()
    assert "\nMål 1. Fråga 1 av 9.\n\nFråga 2.\n\nMål 2. Fråga 1 av 9.\n\nFråga 2.\n" in said


def test_a_list_grown_at_its_end_says_its_count_and_the_new_items_only(
    checklist: Checklist,
) -> None:
    question = next(q for _, q in checklist.questions("ready") if q.kind == "list")
    screen, ask, out = _pair("?", "klart")
    screen.show(Heading("Mål"))
    screen.show(ListShown(question, ("Första",)))
    screen.show(ListShown(question, ("Första", "Andra")))
    said = out.getvalue()
    assert said.count("1. Första") == 1
    assert m.VIEW_LIST_SO_FAR.format(count=2) + "\n2. Andra\n" in said
    # "?" at the menu says the whole list.
    ask.select(_menu(), _MENU)
    after_help = out.getvalue().split(m.P_HELP_TITLE)[1]
    assert f"{m.VIEW_LIST_SO_FAR.format(count=2)}\n1. Första\n2. Andra\n" in after_help
    screen.show(ListShown(question, ("Andra",)))  # one taken away: the whole list
    assert out.getvalue().endswith(m.VIEW_LIST_SO_FAR.format(count=1) + "\n1. Andra\n")


def test_a_default_ending_in_a_period_is_said_with_one() -> None:
    _, ask, out = _pair("")
    options = yes_no("Ja, jag går vidare", "Nej, jag avbryter här. Inget sparas.")
    assert ask.select(Prompt("Vill du gå vidare?", default=NO), options) == NO
    assert "Bara Enter väljer: Nej, jag avbryter här. Inget sparas.\n" in out.getvalue()
    assert "sparas.." not in out.getvalue()


def test_ja_and_nej_among_other_options_stay_listed() -> None:
    screen, ask, out = _pair("j", "j")
    screen.show(Heading("Steg"))
    ask.select(Prompt("Fråga 1?"), yes_no("Ja", "Nej"))
    three = [*yes_no("Ja", "Nej"), Option("vet", "Vet inte")]
    ask.select(Prompt("Fråga 2?"), three)
    assert "Fråga 2?\n1. Ja\n2. Nej\n3. Vet inte\n" in out.getvalue()


def test_how_to_clear_a_kept_answer_is_said_once_per_part_and_on_question_mark(
    checklist: Checklist,
) -> None:
    # Three optional questions that offer an earlier answer (who prepared the checklist):
    # the minus sign was explained at each of them.
    first, second = (s for s in checklist.sections if s.number in (4, 5))
    screen, ask, out = _pair("", "?", "", "", "")
    screen.show(SectionStarted(first, 5))
    for value in ("Anna", "Enheten", "anna@stockholm.se"):
        ask.text(Prompt(f"{value}?", help="Mer.", default=value, required=False))
    part = out.getvalue()
    assert part.count(m.PL_TEXT_CLEAR) == 2  # the first question, and after "?"
    out.truncate(0)
    out.seek(0)
    screen.show(SectionStarted(second, 5))
    ask.text(Prompt("Namn?", help="Mer.", default="Anna", required=False))
    # In a few words now that it has been heard, once in the new part.
    assert out.getvalue().count(m.PL_TEXT_CLEAR_SHORT) == 1
