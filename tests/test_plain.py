"""Plain mode (`--enkel`) in-process: the line-by-line asker and the plain screen."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from typing import Any, get_args

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.questionnaire.answer_text import shorten, whole_titles
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import (
    Event,
    Facts,
    Heading,
    ItemProgress,
    ListShown,
    Note,
    Overview,
    ProblemsShown,
    Progress,
    SectionStarted,
    SummaryShown,
    TaskList,
)
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.prompting import NO, YES, GoBack, Option, Prompt
from kontoguide.rules.field_problems import Problem
from kontoguide.terminal import plain_screen
from kontoguide.terminal.plain_asker import PlainAsker, choose, choose_several, plain
from kontoguide.terminal.plain_screen import PlainScreen, position
from kontoguide.terminal.plain_told import fold
from kontoguide.terminal.plain_wanted import wanted
from kontoguide.terminal.views import notice_panel
from plain_support import SAVE_READY, plain_lines
from scenario import ANSWERS, Saves, full_script

FORBIDDEN = re.compile(r"[\x1b\r\u2500-\u259f]")
KINDS = [Option("forvaltning", "Förvaltning"), Option("bolag", "Bolag")]
PLATFORMS = [Option("x", "X"), Option("ig", "Instagram"), Option("insta2", "Instant")]


class Lines(io.StringIO):
    """Standard input as typed: the given lines, then the end of the input."""

    def __init__(self, *lines: str, end: str = "") -> None:
        super().__init__("".join(line + "\n" for line in lines) + end)


class Interrupting(io.StringIO):
    """Standard input where the person presses Ctrl-C after the given lines."""

    def readline(self, size: int | None = -1) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def asker(*lines: str, end: str = "") -> tuple[PlainAsker, io.StringIO]:
    out = io.StringIO()
    return PlainAsker(Lines(*lines, end=end), out, echo=True), out


# --- choosing ---------------------------------------------------------------------------


def test_a_choice_by_number_by_its_words_in_any_case_and_without_dots() -> None:
    assert choose("2", KINDS) == "bolag"
    assert choose("FÖRV", KINDS) == "forvaltning"
    assert choose("forvaltning", KINDS) == "forvaltning"
    assert choose("  Bol ", KINDS) == "bolag"
    assert fold("Åsa Öberg  ÄR") == "asa oberg ar"


def test_a_name_typed_in_two_words_finds_the_option_written_as_one() -> None:
    platforms = [Option("tiktok", "TikTok"), Option("linkedin", "LinkedIn"), Option("x", "X")]
    assert choose("tik tok", platforms) == "tiktok"
    assert choose("Linked-in", platforms) == "linkedin"
    assert not isinstance(choose("tik tak", platforms), str)


def test_a_whole_label_wins_over_a_longer_one_that_starts_the_same() -> None:
    options = [Option("a", "Ja"), Option("b", "Ja, men senare")]
    assert choose("ja", options) == "a"


def test_a_start_that_fits_several_options_names_them() -> None:
    refused = choose("inst", PLATFORMS)
    assert not isinstance(refused, str)
    assert refused.reason == m.PL_AMBIGUOUS.format(
        text="inst", choices="2. Instagram eller 3. Instant"
    )


def test_yes_and_no_by_letter_whatever_the_labels_say() -> None:
    options = [Option(NO, "Nej, jag avbryter här"), Option(YES, "Ja, jag går vidare")]
    assert choose("j", options) == YES
    assert choose("Nej", options) == NO
    assert choose("2", options) == YES


def test_several_choices_by_numbers_all_or_none() -> None:
    assert choose_several("3, 1", PLATFORMS) == ["x", "insta2"]
    assert choose_several("1 2", PLATFORMS) == ["x", "ig"]
    assert choose_several("ALLA", PLATFORMS) == ["x", "ig", "insta2"]
    assert choose_several("inga", PLATFORMS) == []
    assert choose_several("", PLATFORMS, ["ig"]) == ["ig"]
    assert not isinstance(choose_several("1, 4", PLATFORMS), list)
    assert not isinstance(choose_several("Instagram", PLATFORMS), list)


def test_select_shows_numbered_options_and_says_what_was_chosen() -> None:
    ask, out = asker("forv")
    prompt = Prompt("Hör kontot till en förvaltning?", hint="Välj bolag för ett bolag.")
    assert ask.select(prompt, KINDS) == "forvaltning"
    shown = out.getvalue()
    assert "Hör kontot till en förvaltning?\nVälj bolag för ett bolag.\n1. Förvaltning\n" in shown
    assert "2. Bolag\n" in shown
    assert m.PL_SELECT in shown
    assert m.PL_CHOSEN.format(choice="Förvaltning") in shown


def test_a_wrong_answer_says_why_on_its_own_line_and_asks_again() -> None:
    ask, out = asker("7", "bolag")
    assert ask.select(Prompt("Vilken sort?"), KINDS) == "bolag"
    lines = out.getvalue().split("\n")
    error = lines.index("Fel: " + m.PL_NUMBER_RANGE.format(number="7", count=2))
    assert lines[error + 1] == "Vilken sort?"
    assert lines[error + 2] == "1. Förvaltning"


def test_the_prompt_s_own_check_gives_the_reason() -> None:
    def only_bolag(value: Any) -> str | None:
        return None if value == "bolag" else "Välj bolag."

    ask, out = asker("1", "2")
    assert ask.select(Prompt("Vilken sort?", validate=only_bolag), KINDS) == "bolag"
    assert "\nFel: Välj bolag.\nVilken sort?\n" in out.getvalue()


def test_enter_takes_the_default_choice_and_says_so() -> None:
    ask, out = asker("")
    assert ask.select(Prompt("Vad nu?", default="bolag"), KINDS) == "bolag"
    assert m.PL_DEFAULT_CHOICE.format(choice="Bolag") in out.getvalue()
    ask, out = asker("", "1")
    assert ask.select(Prompt("Vad nu?"), KINDS) == "forvaltning"
    assert "Fel: " + m.PL_CHOOSE_EMPTY.format(count=2) in out.getvalue()


def test_numbered_titles_are_not_numbered_twice() -> None:
    ask, out = asker("2")
    options = [Option("0", "1. Kulturskolan"), Option("1", "2. Bibblan"), Option("", "Tillbaka")]
    assert ask.select(Prompt("Vilken rad?"), options) == "1"
    assert "\n1. Kulturskolan\n2. Bibblan\n3. Tillbaka\n" in out.getvalue()


def test_checkbox_takes_numbers_and_refuses_none_when_an_answer_is_needed() -> None:
    ask, out = asker("inga", "2,3")
    assert ask.checkbox(Prompt("Vilka?"), PLATFORMS) == ["ig", "insta2"]
    assert "Fel: " + m.V_REQUIRED in out.getvalue()
    assert m.PL_CHECKBOX_NONE not in out.getvalue()
    ask, out = asker("inga")
    assert ask.checkbox(Prompt("Vilka?", required=False), PLATFORMS) == []
    assert m.PL_CHECKBOX_NONE in out.getvalue()


# --- text -------------------------------------------------------------------------------


def test_text_keeps_the_current_answer_on_enter_and_an_optional_one_can_be_cleared() -> None:
    ask, out = asker("")
    assert ask.text(Prompt("Namn?", default="Anna Lind")) == "Anna Lind"
    assert m.PL_TEXT_DEFAULT.format(value="Anna Lind") in out.getvalue()
    ask, out = asker("")
    assert ask.text(Prompt("Varför?", default="Bilder visar lovet bäst.")) != ""
    assert "bäst. Bara Enter" in out.getvalue() and ".." not in out.getvalue()
    ask, out = asker("-")
    assert ask.text(Prompt("Kommentar?", default="Gammal", required=False)) == ""
    assert m.PL_TEXT_CLEAR in out.getvalue()


def test_a_long_answer_ends_with_an_empty_line() -> None:
    ask, out = asker("Första raden.", "Andra raden.", "", "inte med")
    assert ask.text(Prompt("Beskriv."), multiline=True) == "Första raden.\nAndra raden."
    assert m.PL_MULTILINE in out.getvalue()


def test_how_to_answer_is_said_in_full_once_then_short_and_in_full_after_help_or_error() -> None:
    ask, out = asker("bolag", "j", "forv", "?", "bolag", "9", "bolag", "Text", "Mer")
    yes_no = [Option(YES, "Ja"), Option(NO, "Nej")]
    asked = Prompt("Vilken sort?", help="Välj bolag för ett bolag.", back=True)
    ask.select(asked, KINDS)
    ask.select(Prompt("Stämmer det?"), yes_no)
    ask.select(asked, KINDS)
    first, second = out.getvalue().split(m.PL_INPUT)[0:3:2]
    assert f"{m.PL_SELECT} {m.PL_HELP_KEY} {m.PL_BACK_KEY}\n" in first
    # The same kind again in the same part: neither how to answer nor the ways around
    # (help, back) again; the next part says them in a few words (test_plain_once.py).
    assert m.PL_SELECT_SHORT not in second and m.PL_BACK_KEY_SHORT not in second
    assert m.PL_YESNO in out.getvalue()  # another kind of prompt: in full the first time
    out.truncate(0)
    out.seek(0)
    ask.select(asked, KINDS)  # "?" then "bolag": the full form after the help
    assert out.getvalue().count(m.PL_SELECT + " ") == 1
    out.truncate(0)
    out.seek(0)
    ask.select(asked, KINDS)  # "9" then "bolag": after "Fel:" the question and the full form
    lines = out.getvalue().split("\n")
    error = next(n for n, line in enumerate(lines) if line.startswith("Fel: "))
    assert lines[error + 1] == "Vilken sort?"
    assert lines[error + 4].startswith(m.PL_SELECT + " ")
    out.truncate(0)
    out.seek(0)
    ask.text(Prompt("Namn?"))
    ask.text(Prompt("Mer?"))
    assert m.PL_TEXT in out.getvalue() and f"\n{m.PL_TEXT_SHORT}\n" not in out.getvalue()


def test_question_mark_shows_the_help_then_the_question_again() -> None:
    ask, out = asker("?", "Svar")
    assert ask.text(Prompt("Fråga?", help="Så här svarar du.")) == "Svar"
    shown = out.getvalue()
    assert m.PL_HELP_KEY in shown
    # Then how answers are kept and how to pause, said at the first heading only.
    assert f"{m.P_HELP_TITLE}\nSå här svarar du.\n{plain(m.VIEW_PAUSE_HINT)}\nFråga?\n" in shown
    ask, out = asker("?", "Svar")
    assert ask.text(Prompt("Fråga?")) == "Svar"
    assert m.PL_NO_HELP in out.getvalue()


def test_less_than_goes_back_where_going_back_is_offered() -> None:
    ask, out = asker("<")
    with pytest.raises(GoBack):
        ask.select(Prompt("Vilken sort?", back=True), KINDS)
    assert m.PL_BACK_KEY in out.getvalue()
    ask, out = asker("<")
    with pytest.raises(GoBack):
        ask.text(Prompt("Beskriv.", back=True), multiline=True)
    ask, out = asker("<", "1")
    assert ask.select(Prompt("Vilken sort?"), KINDS) == "forvaltning"
    assert "Fel: " + m.PL_NO_BACK in out.getvalue()
    assert m.PL_BACK_KEY not in out.getvalue()


def test_the_end_of_the_input_keeps_what_was_typed_and_pauses() -> None:
    kept: list[str] = []
    ask, _ = asker(end="Halvskrivet")
    with pytest.raises(EOFError):
        ask.text(Prompt("Fråga?", keep_typed=kept.append))
    assert kept == ["Halvskrivet"]
    ask, _ = asker()
    with pytest.raises(EOFError):
        ask.select(Prompt("Vilken sort?", keep_typed=kept.append), KINDS)
    assert kept == ["Halvskrivet"]  # nothing typed, nothing kept


def test_ctrl_c_in_a_long_answer_keeps_the_lines_so_far() -> None:
    kept: list[str] = []
    ask = PlainAsker(Interrupting("Rad ett\nRad två\n"), io.StringIO())
    with pytest.raises(KeyboardInterrupt):
        ask.text(Prompt("Beskriv.", keep_typed=kept.append), multiline=True)
    assert kept == ["Rad ett\nRad två"]


def test_what_is_written_holds_no_escape_sequence_even_from_the_input() -> None:
    ask, out = asker("\x1b[31mröd\x1b[0m\r")
    assert ask.text(Prompt("Fråga?")) == "\x1b[31mröd\x1b[0m"
    assert not FORBIDDEN.search(out.getvalue())
    assert "Svar: röd" in out.getvalue()


# --- when the mode is on ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "environ", "on"),
    [
        (True, {}, True),
        (False, {}, False),
        (False, {"KONTOGUIDE_ENKEL": "1"}, True),
        (False, {"KONTOGUIDE_ENKEL": "0", "TERM": "dumb"}, False),
        (False, {"TERM": "dumb"}, True),
        (False, {"TERM": "xterm-256color"}, False),
    ],
)
def test_the_mode_is_on_by_flag_variable_or_dumb_terminal(
    flag: bool, environ: dict[str, str], on: bool
) -> None:
    assert wanted(flag, environ) is on


# --- the screen ---------------------------------------------------------------------------


def screen() -> tuple[PlainScreen, io.StringIO]:
    out = io.StringIO()
    return PlainScreen(out), out


def test_the_position_is_said_in_words(checklist: Checklist) -> None:
    section = next(s for s in checklist.sections if s.number == 2)
    assert position(Progress(section, 4, 20, 5)) == "Steg 2 av 5. Fråga 4 av 20."


def test_every_event_is_plain_lines(checklist: Checklist) -> None:
    shown, out = screen()
    flow = Flow(checklist, _record(checklist), save=lambda _: None)
    section = checklist.sections[1]
    list_question = next(q for _, q in checklist.questions() if q.kind == "list")
    events = [
        SectionStarted(section, 5),
        Progress(section, 1, 10, 5),
        ListShown(list_question, ("Kulturskolan · Instagram",), intro=True),
        ListShown(list_question, ()),
        ItemProgress("Konto", 1, 2, 5),
        Note("Akta dig.", "caution"),
        Note("Se upp.", "warning"),
        Note("Det gick inte.", "problem"),
        Overview(((section, "done"),)),
        SummaryShown(tuple(flow.summary()), review=True),
        ProblemsShown((Problem("step2.purpose", "Syfte", "Svara på frågan."),)),
        Heading("Uppföljning 1", "Vad har hänt?"),
        Facts("Läge", (("Beslut", "Godkänt"),)),
        TaskList(((section, "done", 0),), ready=True),
    ]
    for event in events:
        shown.show(event)
    text = out.getvalue()
    assert not FORBIDDEN.search(text)
    assert m.VIEW_CAUTION_TITLE + "\nAkta dig." in text
    assert "Observera: Se upp." in text
    assert "Fel: Det gick inte." in text
    assert "Konto 1. Fråga 2 av 5." in text
    assert "1. Kulturskolan, Instagram" in text  # "·" is silent in a screen reader
    assert f"{m.VIEW_OVERVIEW_TITLE}\nSteg 1: {section.title}: klar." in text
    assert "Syfte: Svara på frågan." in text
    assert "Beslut: Godkänt" in text
    assert m.VIEW_REVIEW_TITLE + "\n" + m.VIEW_REVIEW_PURPOSE in text
    assert m.VIEW_REVIEW_TITLE + "\n" + m.VIEW_TASKS_PURPOSE in text


def test_the_notice_is_a_heading_and_paragraphs(checklist: Checklist) -> None:
    shown, out = screen()
    shown.print(notice_panel(checklist.notice))
    text = out.getvalue()
    assert not FORBIDDEN.search(text)
    assert text.startswith(f"\n{checklist.notice.title}\n")
    assert checklist.notice.text.strip().split("\n")[0] in text


def test_every_resume_command_names_the_mode() -> None:
    shown, out = screen()
    shown.note(m.I_SAVED_RESUME.format(draft_id="abc12345"), "success")
    shown.note("kontoguide resume --enkel abc12345")
    assert out.getvalue().split("\n")[:2] == [
        "Utkastet är sparat. Fortsätt med: kontoguide resume --enkel abc12345",
        "kontoguide resume --enkel abc12345",
    ]


def test_a_table_becomes_one_line_per_row(checklist: Checklist) -> None:
    from rich.table import Table

    table = Table(title="Checklistor")
    table.add_column("Id")
    table.add_column("Konto")
    table.add_row("abc12345", "Barn och unga")
    shown, out = screen()
    shown.print(table)
    assert out.getvalue() == "\nChecklistor\nId: abc12345. Konto: Barn och unga\n"


# --- the whole conversation -----------------------------------------------------------------


def _record(checklist: Checklist) -> Any:
    from kontoguide.store import drafts

    record = drafts.new_record(checklist, "plain123")
    return drafts.acknowledged(record, datetime(2026, 3, 1, tzinfo=UTC))


def test_the_whole_questionnaire_answered_line_by_line(checklist: Checklist) -> None:
    typed = [line for _, lines in plain_lines(checklist, ANSWERS) for line in lines]
    saves = Saves()
    flow = Flow(checklist, _record(checklist), save=saves)
    out = io.StringIO()
    conversation = Conversation(flow, PlainAsker(Lines(*typed, SAVE_READY), out), PlainScreen(out))
    assert conversation.review() is True
    assert saves.last.status == "ready"
    assert saves.last.step4.team[1].name == "Sara Holm"
    assert "Fel:" not in out.getvalue()
    assert not FORBIDDEN.search(out.getvalue())
    assert set(full_script(checklist)) >= {label for label, _ in plain_lines(checklist, ANSWERS)}


def test_every_event_type_has_its_own_plain_rendering() -> None:
    # No generic fallback: an event type added to the conversation needs its plain lines.
    missing = [kind.__name__ for kind in get_args(Event) if kind not in plain_screen._RENDER]
    assert missing == []
    assert len(get_args(Event)) > 10


def test_a_title_is_whole_in_plain_mode_and_its_parts_are_heard_apart(
    checklist: Checklist,
) -> None:
    long = "Fler familjer anmäler sig till lovaktiviteter · Agerar – gör något, till exempel bokar"
    assert shorten(long, 40).endswith("…")
    token = whole_titles.set(True)
    try:
        title = shorten(long, 40)
    finally:
        whole_titles.reset(token)
    assert title == long
    shown, out = screen()
    list_question = next(q for _, q in checklist.questions() if q.kind == "list")
    shown.show(ListShown(list_question, (title,)))
    assert "1. Fler familjer anmäler sig till lovaktiviteter, Agerar – gör något" in out.getvalue()
    assert "·" not in out.getvalue() and "…" not in out.getvalue()


def test_the_position_says_why_the_number_jumps(checklist: Checklist) -> None:
    section = next(s for s in checklist.sections if s.number == 3)
    line = position(Progress(section, 6, 13, 5, skipped=(2, 5)))
    assert line.startswith("Steg 3 av 5. Fråga 6 av 13.")
    assert "2–5" in line


def test_a_range_of_numbers_is_said_with_a_word(checklist: Checklist) -> None:
    # espeak-ng reads "2–5" as "två fem": the dash is silent.
    section = next(s for s in checklist.sections if s.number == 3)
    shown, out = screen()
    shown.show(Progress(section, 6, 13, 5, skipped=(2, 5)))
    shown.note("Barn 6–12 år. Datum 2026-03-15.")
    assert "fråga 2 till 5 behövs inte" in out.getvalue()
    assert "Barn 6 till 12 år. Datum 2026-03-15." in out.getvalue()


def test_a_date_format_is_explained_in_words_the_first_time() -> None:
    out = io.StringIO()
    ask = PlainAsker(Lines("2026-03-15", "2026-03-16"), out, echo=True, today=date(2026, 5, 1))
    ask.text(Prompt("När?", placeholder="ÅÅÅÅ-MM-DD"))
    ask.told.new_part()  # a new part: how to answer is said again, in a few words
    ask.text(Prompt("Och sedan?", placeholder="ÅÅÅÅ-MM-DD"))
    first, second = out.getvalue().split("Och sedan?")
    assert "i formen år-månad-dag, till exempel 2027-06-30, och tryck Enter." in first
    assert "Svara i formen år-månad-dag." in second
    assert "ÅÅÅÅ" not in out.getvalue()


def test_the_half_typed_answer_is_not_said_to_be_in_a_box() -> None:
    shown, out = screen()
    shown.show(Note(m.Q_TYPED_NOT_SAVED, "warning"))
    assert out.getvalue() == f"Observera: {m.PL_TYPED_NOT_SAVED}\n"
    assert "rutan" not in out.getvalue()
