"""Moving around in a question: help, going back, the half-typed answer, the position,
menus that stop at their ends and cautious defaults (issue 9).

The conversation is driven by a scripted asker that can also go back and pause with
text typed; the keys themselves are checked on real prompts (pipe input)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.record import Record
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Note, Progress
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.prompting import NO, GoBack, Option, Prompt
from kontoguide.store.drafts import new_record
from kontoguide.terminal.prompts import SELECT_INDENT as SELECT
from kontoguide.terminal.prompts import QuestionaryAsker, fit_title, wrap
from scenario import (
    ALL,
    ANSWERS,
    DOWN,
    ENTER,
    FINISH_LONG,
    INTERRUPT,
    UP,
    RecordingScreen,
    Saves,
    ScriptedAsker,
)

CTRL_C, CTRL_D = "\x03", "\x04"
LEFT, PAGE_UP, F1 = "\x1b[D", "\x1b[5~", "\x1bOP"
BACK = "*tillbaka*"


class Typed:
    """A pause at a text prompt with this text typed (Ctrl-C)."""

    def __init__(self, text: str) -> None:
        self.text = text


class MovingAsker(ScriptedAsker):
    """A scripted asker that also goes back (BACK) and pauses with text typed (Typed)."""

    def _next(self, prompt: Prompt) -> Any:
        queue = self.script.get(prompt.message)
        if queue and queue[0] == BACK:
            queue.pop(0)
            assert prompt.back, f"tillbaka erbjuds inte: {prompt.message}"
            raise GoBack
        if queue and isinstance(queue[0], Typed):
            typed = queue.pop(0)
            assert prompt.keep_typed is not None, prompt.message
            prompt.keep_typed(typed.text)
            raise KeyboardInterrupt
        return super()._next(prompt)


def acknowledged(checklist: Checklist) -> Record:
    data = new_record(checklist, "move1234").model_dump(mode="json")
    data["notice"] = {"acknowledged": True, "acknowledged_at": data["created_at"]}
    return Record.model_validate(data)


def label(checklist: Checklist, field: str) -> str:
    return next(q.label for _, q in checklist.questions() if q.field == field)


def make(
    checklist: Checklist, script: dict[str, list[Any]], record: Record | None = None
) -> tuple[Flow, Conversation, MovingAsker, RecordingScreen, Saves]:
    saves = Saves()
    flow = Flow(checklist, record or acknowledged(checklist), save=saves)
    asker = MovingAsker(script)
    screen = RecordingScreen()
    return flow, Conversation(flow, asker, screen), asker, screen, saves


def answered_up_to(checklist: Checklist, last: str, answers: dict[str, Any]) -> Record:
    """A record with every applicable answer in checklist order up to `last`."""
    flow = Flow(checklist, acknowledged(checklist), save=lambda _: None)
    for _, question in checklist.questions():
        if flow.is_applicable(question) and question.field in answers:
            value = answers[question.field]
            if value == ALL:
                value = checklist.choice_values(question.choices or "")
            flow.apply(question.field, value)
        if question.field == last:
            break
    return flow.record


# --- going back ---------------------------------------------------------------------------


def test_back_asks_the_previous_question_with_its_answer_then_goes_on(
    checklist: Checklist,
) -> None:
    kind, name, unit, account = (
        label(checklist, f)
        for f in ("organisation.kind", "organisation.name", "organisation.unit", "account_name")
    )
    script = {
        kind: ["forvaltning"],
        name: ["Kulturförvaltningen", "Kulturförvaltningen"],
        unit: [BACK, "Stadsbiblioteket"],
        account: [INTERRUPT],
    }
    flow, conversation, asker, _, _ = make(checklist, script)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()

    assert asker.asked == [kind, name, unit, name, unit, account]
    prompts = dict(zip(range(len(asker.prompts)), asker.prompts, strict=True))
    # Nothing before the first question; the earlier answer is the default when asked again.
    assert prompts[0].back is False
    assert prompts[3].default == "Kulturförvaltningen" and prompts[3].back is True
    assert flow.record.organisation.unit == "Stadsbiblioteket"


def test_back_twice_then_forward_again_through_the_answered_question(
    checklist: Checklist,
) -> None:
    kind, name, unit = (
        label(checklist, f) for f in ("organisation.kind", "organisation.name", "organisation.unit")
    )
    script = {
        kind: ["forvaltning", "forvaltning"],
        name: ["Kulturförvaltningen", BACK, "Kulturförvaltningen"],
        unit: [BACK, INTERRUPT],
    }
    _, conversation, asker, _, _ = make(checklist, script)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    # From the third question back twice, then forward through the second to the third.
    assert asker.asked == [kind, name, unit, name, kind, name, unit]


def test_back_goes_to_the_previous_question_that_applies(checklist: Checklist) -> None:
    answers = {**ANSWERS, "step1.existing_accounts_found": False}
    record = answered_up_to(checklist, "step1.existing_accounts_found", answers)
    found = label(checklist, "step1.existing_accounts_found")
    considered = label(checklist, "step1.shared_accounts_considered")
    script = {considered: [BACK, INTERRUPT], found: ["nej"]}
    _, conversation, asker, _, _ = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    # The list of accounts found does not apply after "nej": it is not the previous question.
    assert asker.asked == [considered, found, considered]


def test_back_to_the_previous_step_announces_it_again(checklist: Checklist) -> None:
    record = answered_up_to(checklist, "account_name", ANSWERS)
    account = label(checklist, "account_name")
    first_of_step1 = next(q.label for s, q in checklist.questions() if s.id == "step1")
    script = {first_of_step1: [BACK, INTERRUPT], account: [ANSWERS["account_name"]]}
    _, conversation, asker, screen, _ = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    assert asker.asked == [first_of_step1, account, first_of_step1]
    progress = [(e.section.id, e.index) for e in screen.of(Progress)]
    assert progress[1][0] == "basics" and progress[2][0] == "step1"


# --- the half-typed answer ---------------------------------------------------------------------


def test_a_pause_keeps_the_typed_text_and_the_next_session_offers_it(checklist: Checklist) -> None:
    kind, name = label(checklist, "organisation.kind"), label(checklist, "organisation.name")
    _, conversation, _, _, saves = make(
        checklist, {kind: ["forvaltning"], name: [Typed("Kulturförv")]}
    )
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    # Saved at once, apart from the answers.
    assert saves.last.typed == {"organisation.name": "Kulturförv"}
    assert saves.last.organisation.name is None

    unit = label(checklist, "organisation.unit")
    script = {name: ["Kulturförvaltningen"], unit: [INTERRUPT]}
    flow2, conversation2, asker2, screen2, saves2 = make(checklist, script, saves.last)
    with pytest.raises(KeyboardInterrupt):
        conversation2.run()
    assert asker2.prompts[0].default == "Kulturförv"
    assert m.Q_TYPED_NOT_SAVED in [n.text for n in screen2.of(Note)]
    # Answered: the typed text is gone, the answer is saved.
    assert flow2.record.typed == {}
    assert saves2.last.organisation.name == "Kulturförvaltningen"


def test_a_multi_line_text_is_kept_whole(checklist: Checklist) -> None:
    record = answered_up_to(checklist, "step1.shared_accounts_reason", ANSWERS)
    scan = label(checklist, "step1.environment_scan")
    text = "Bibliotek i Göteborg\nvisar lovprogrammet"
    flow, conversation, _, _, _ = make(checklist, {scan: [Typed(text)]}, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    assert flow.record.typed == {"step1.environment_scan": text}


def test_the_saved_answer_untouched_is_not_kept_as_typed(checklist: Checklist) -> None:
    record = answered_up_to(checklist, "organisation.name", ANSWERS)
    flow = Flow(checklist, record, save=lambda _: None)
    conversation = Conversation(flow, MovingAsker({}), RecordingScreen())
    section, question = next(
        (s, q) for s, q in checklist.questions() if q.field == "organisation.name"
    )
    asker = MovingAsker({question.label: [Typed("Kulturförvaltningen")]})
    conversation.asker = asker
    with pytest.raises(KeyboardInterrupt):
        conversation.ask(section, question)
    assert flow.record.typed == {}


def test_typed_text_from_the_file_is_made_safe(checklist: Checklist) -> None:
    record = acknowledged(checklist).model_copy(
        update={"typed": {"organisation.name": "Kultur\x1b[2Jförv\x00", "account_name": "  "}}
    )
    flow = Flow(checklist, record, save=lambda _: None)
    assert flow.typed_for("organisation.name") == "Kultur\ufffd[2Jförv\ufffd"
    assert flow.typed_for("account_name") is None
    assert flow.typed_for("organisation.unit") is None


def test_a_draft_with_typed_text_is_read_back(checklist: Checklist) -> None:
    record = acknowledged(checklist).model_copy(update={"typed": {"account_name": "Barn och"}})
    again = Record.model_validate(record.model_dump(mode="json"))
    assert again.typed == {"account_name": "Barn och"}


# --- position, cautious defaults ----------------------------------------------------------------


def test_the_position_does_not_change_as_conditional_questions_apply(checklist: Checklist) -> None:
    section = next(s for s in checklist.sections if s.id == "step1")
    considered = next(q for q in section.questions if q.field.endswith("accounts_considered"))
    before = answered_up_to(checklist, "step1.local_routines_known", ANSWERS)
    flow = Flow(checklist, before, save=lambda _: None)
    first = flow.position(section, considered)
    flow.apply("step1.existing_accounts_found", True)
    assert flow.position(section, considered) == first
    assert first[1] == len(section.questions)


def test_the_decision_step_counts_the_same_before_and_after_its_answers(
    checklist: Checklist,
) -> None:
    decision = next(s for s in checklist.sections if s.stage == "decided")
    flow = Flow(checklist, acknowledged(checklist), save=lambda _: None, stage="decided")
    counts = {flow.position(decision, q)[1] for q in decision.questions}
    assert counts == {len(decision.questions)}
    assert [flow.position(decision, q)[0] for q in decision.questions] == list(
        range(1, len(decision.questions) + 1)
    )


def test_a_caution_defaults_to_the_cautious_answer(checklist: Checklist) -> None:
    record = answered_up_to(checklist, "step2.follow_up", ANSWERS)
    platform = label(checklist, "step3.platform")
    script = {platform: ["tiktok"], "Vill du ändå välja TikTok?": [INTERRUPT]}
    _, conversation, asker, _, _ = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    caution = asker.prompts[-1]
    assert caution.message == "Vill du ändå välja TikTok?" and caution.default == NO


# --- the keys, on real prompts ----------------------------------------------------------------


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


class Helps(list[str]):
    def __call__(self, text: str) -> None:
        self.append(text)


def asker_for(pipe: PipeInput, keys: str, helps: Helps | None = None) -> QuestionaryAsker:
    pipe.send_text(keys)
    return QuestionaryAsker(input=pipe, output=DummyOutput(), show_help=helps)


OPTIONS = [Option("a", "Alfa"), Option("b", "Beta"), Option("c", "Gamma")]


@pytest.mark.parametrize("kind", ["text", "long", "select", "checkbox"])
def test_question_mark_is_help_on_a_question_without_help_and_shown_once(
    pipe: PipeInput, kind: str
) -> None:
    helps = Helps()
    prompt = Prompt("Fråga utan hjälptext")
    if kind == "text":
        answer: Any = asker_for(pipe, "??" + F1 + "svar" + ENTER, helps).text(prompt)
        assert answer == "svar"
    elif kind == "long":
        keys = "??" + "svar" + FINISH_LONG
        assert asker_for(pipe, keys, helps).text(prompt, multiline=True) == "svar"
    elif kind == "select":
        assert asker_for(pipe, "??" + F1 + ENTER, helps).select(prompt, OPTIONS) == "a"
    else:
        assert asker_for(pipe, "??" + " " + ENTER, helps).checkbox(prompt, OPTIONS) == ["a"]
    assert helps == [m.P_NO_MORE_HELP]


def test_the_hint_is_the_help_when_there_is_no_help_text(pipe: PipeInput) -> None:
    helps = Helps()
    asker = asker_for(pipe, "?" + "ja" + ENTER, helps)
    assert asker.text(Prompt("Fråga", hint="Skriv vem.")) == "ja"
    assert helps[0].startswith("Skriv vem.") and m.P_NO_MORE_HELP in helps[0]


def test_back_keys_on_a_text_prompt(pipe: PipeInput) -> None:
    kept: list[str] = []
    back = Prompt("Fråga", back=True, keep_typed=kept.append)
    asker = asker_for(pipe, "<" + ENTER)
    with pytest.raises(GoBack):
        asker.text(back)
    # Inside an answer "<" is text; PgUp goes back and keeps what was typed.
    pipe.send_text("a<b" + ENTER + "halv" + PAGE_UP)
    assert asker.text(back) == "a<b"
    with pytest.raises(GoBack):
        asker.text(back)
    assert kept == ["", "halv"]


def test_no_back_where_it_is_not_offered(pipe: PipeInput) -> None:
    asker = asker_for(pipe, "<" + ENTER + LEFT + "<" + ENTER)
    assert asker.text(Prompt("Fråga")) == "<"
    assert asker.select(Prompt("Val"), OPTIONS) == "a"


@pytest.mark.parametrize("multiline", [False, True])
def test_less_than_is_an_answer_that_goes_back_on_enter(pipe: PipeInput, multiline: bool) -> None:
    # "<" alone waits for Enter, like any answer: going back on the key left the Enter
    # that followed to accept the previous question's answer at once.
    kept: list[str] = []
    back = Prompt("Fråga", back=True, keep_typed=kept.append)
    asker = asker_for(pipe, "<" + "\x7f" + "svar" + (FINISH_LONG if multiline else ENTER))
    assert asker.text(back, multiline=multiline) == "svar"
    pipe.send_text("<" + ENTER + "nästa" + ENTER)
    with pytest.raises(GoBack):
        asker.text(back, multiline=multiline)
    # The Enter was the back's own: the keys after it answer the next prompt.
    assert asker.text(Prompt("Förra", back=True)) == "nästa"
    assert kept == [""]


@pytest.mark.parametrize("kind", ["select", "checkbox"])
def test_less_than_in_a_choice_list_goes_back_on_the_enter_after_it(
    pipe: PipeInput, kind: str
) -> None:
    asker = asker_for(pipe, "<" + ENTER + DOWN + ENTER)
    ask = asker.select if kind == "select" else asker.checkbox
    with pytest.raises(GoBack):
        ask(Prompt("Val", back=True), OPTIONS)
    # Not the previous prompt's Enter as well: it waits, and Down and Enter answer it.
    answer = asker.select(Prompt("Förra", back=True), OPTIONS)
    assert answer == "b"
    # A move after "<" means choosing on: Enter then chooses.
    pipe.send_text("<" + DOWN + ENTER)
    assert asker.select(Prompt("Val", back=True), OPTIONS) == "b"


@pytest.mark.parametrize("key", ["<" + ENTER, LEFT, PAGE_UP])
def test_back_keys_on_choice_prompts(pipe: PipeInput, key: str) -> None:
    asker = asker_for(pipe, DOWN + key + key)
    with pytest.raises(GoBack):
        asker.select(Prompt("Val", back=True), OPTIONS)
    with pytest.raises(GoBack):
        asker.checkbox(Prompt("Val", back=True), OPTIONS)


@pytest.mark.parametrize(("key", "error"), [(CTRL_C, KeyboardInterrupt), (CTRL_D, EOFError)])
@pytest.mark.parametrize("multiline", [False, True])
def test_a_pause_hands_over_the_typed_text(
    pipe: PipeInput, key: str, error: type[BaseException], multiline: bool
) -> None:
    kept: list[str] = []
    typed = "rad ett" + (ENTER + "rad två" if multiline else "")
    asker = asker_for(pipe, typed + key)
    with pytest.raises(error):
        asker.text(Prompt("Fråga", keep_typed=kept.append), multiline=multiline)
    assert kept == ["rad ett\nrad två" if multiline else "rad ett"]


def test_menus_stop_at_the_first_and_the_last_choice(pipe: PipeInput) -> None:
    asker = asker_for(pipe, DOWN * 5 + ENTER + UP * 2 + ENTER + DOWN * 4 + " " + ENTER)
    assert asker.select(Prompt("Val"), OPTIONS) == "c"
    assert asker.select(Prompt("Val"), OPTIONS) == "a"
    assert asker.checkbox(Prompt("Val"), OPTIONS) == ["c"]


# --- words kept whole ---------------------------------------------------------------------------

LONG = (
    "Kommunikationsavdelningen på Stadsledningskontoret behöver veta vilken "
    "funktionsbrevlåda som används: barnochunga.stadsbiblioteket@stockholm.se "
    "eller https://intranat.stockholm.se/organisation/kulturforvaltningen/krisplan"
)


@pytest.mark.parametrize("width", [60, 80])
def test_wrapping_never_breaks_a_word(width: int) -> None:
    for text in (wrap(LONG, width), fit_title(LONG, width, 5)):
        words = {w for line in text.split("\n") for w in line.split()}
        assert words == set(LONG.split())
        lines = text.split("\n")
        short = [line for line in lines if not any(len(w) > width - 6 for w in line.split())]
        assert all(len(line) < width for line in short)


def _rendered(renderable: Any, width: int) -> str:
    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, no_color=True)
    console.print(renderable)
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def _whole_words(texts: list[str], shown: str, width: int = 80) -> list[str]:
    """The words of `texts` that do not appear whole on one line of `shown` (a word
    too long for a line inside a frame at this width is left out: it cannot)."""
    lines = shown.splitlines()
    return [
        word
        for text in texts
        for word in text.split()
        if len(word) <= width - 8 and not any(word in line for line in lines)
    ]


@pytest.mark.parametrize("width", [60, 80])
def test_records_table_and_notes_keep_every_word_whole(checklist: Checklist, width: int) -> None:
    from kontoguide.terminal.views import draft_title, drafts_table
    from test_list_view import TODAY, draft, loaded

    items = [
        loaded(checklist, "klar-for-beslut.json"),
        loaded(checklist, "startat-med-uppfoljning.json"),
        draft(checklist),
    ]
    table = _rendered(drafts_table(items, width=width, today=TODAY), width)
    assert max(len(line) for line in table.splitlines()) <= width
    texts = ["Barn och unga på Instagram, Stadsbiblioteket i Söderort", "Kulturförvaltningen"]
    texts += ["Klar för beslut", "uppföljning försenad sedan 2027-02-16", "0 av 5 steg klara"]
    assert _whole_words(texts, table) == []
    # The resume chooser's choices wrap at words too.
    titles = [fit_title(draft_title(item), width, SELECT) for item in items]
    assert all(len(line) < width for title in titles for line in title.split("\n"))
    assert _whole_words([draft_title(item) for item in items], "\n".join(titles)) == []


@pytest.mark.parametrize("width", [60, 80])
def test_notes_problems_and_lists_keep_every_word_whole(checklist: Checklist, width: int) -> None:
    from rich.console import Console

    from kontoguide.questionnaire.events import ListShown, ProblemsShown
    from kontoguide.rules.field_problems import Problem
    from kontoguide.terminal.views import RichScreen

    console = Console(file=io.StringIO(), width=width, no_color=True)
    screen = RichScreen(console)
    question = next(q for _, q in checklist.questions() if q.kind == "list")
    screen.show(Note(LONG, "warning"))
    screen.show(Note(LONG, "caution"))
    screen.show(ProblemsShown((Problem("step4.crisis.plan_link", "Krisplan", LONG),)))
    screen.show(ListShown(question, (LONG[:72],), intro=True))
    file = console.file
    assert isinstance(file, io.StringIO)
    shown = file.getvalue()
    assert _whole_words([LONG, question.label], shown, width) == []


def test_a_question_that_applies_after_going_back_is_asked_in_its_turn(
    checklist: Checklist,
) -> None:
    answers = {**ANSWERS, "step1.existing_accounts_found": False}
    record = answered_up_to(checklist, "step1.existing_accounts_found", answers)
    found = label(checklist, "step1.existing_accounts_found")
    considered = label(checklist, "step1.shared_accounts_considered")
    accounts = next(q for _, q in checklist.questions() if q.field == "step1.existing_accounts")
    first_field = accounts.fields[0].label
    script = {considered: [BACK], found: ["ja"], first_field: [INTERRUPT]}
    _, conversation, asker, _, _ = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    # "Ja" makes the list of accounts apply: it comes before the question after it.
    assert asker.asked == [considered, found, first_field]


def test_typed_text_in_a_list_item_is_kept_and_offered_again(checklist: Checklist) -> None:
    record = answered_up_to(checklist, "step1.existing_accounts_found", ANSWERS)
    accounts = next(q for _, q in checklist.questions() if q.field == "step1.existing_accounts")
    name, platform = accounts.fields[0].label, accounts.fields[1].label
    _flow, conversation, _, _, saves = make(checklist, {name: [Typed("Kulturskol")]}, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    key = "step1.existing_accounts[item].name"
    assert saves.last.typed == {key: "Kulturskol"}

    script = {name: ["Kulturskolan Stockholm"], platform: [INTERRUPT]}
    flow2, conversation2, asker2, screen2, _ = make(checklist, script, saves.last)
    with pytest.raises(KeyboardInterrupt):
        conversation2.run()
    assert asker2.prompts[0].default == "Kulturskol"
    assert m.Q_TYPED_NOT_SAVED in [n.text for n in screen2.of(Note)]
    # Answered: kept with the unfinished item, no longer as typed text.
    assert flow2.record.typed == {}
    assert flow2.unfinished_item(accounts) == {"name": "Kulturskolan Stockholm"}


class _Sized(DummyOutput):
    """prompt_toolkit's DummyOutput at 24 rows and `width` columns, keeping what is written."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width
        self.written: list[str] = []

    def get_size(self) -> Size:
        return Size(rows=24, columns=self.width)

    def write(self, data: str) -> None:
        self.written.append(data)


@pytest.mark.parametrize("width", [60, 80])
def test_a_text_answer_is_shown_wrapped_at_words_once_given(width: int) -> None:
    with create_pipe_input() as pipe:
        output = _Sized(width)
        pipe.send_text(LONG + ENTER)
        asker = QuestionaryAsker(input=pipe, output=output)
        assert asker.text(Prompt("Vem?")) == LONG
    echoed = "".join(output.written)
    assert _whole_words([LONG], echoed, width) == []


@pytest.mark.parametrize("bad", [{"account_name": 5}, "text", ["x"]])
def test_a_broken_typed_entry_does_not_stop_the_draft_from_loading(
    checklist: Checklist, bad: Any
) -> None:
    from pathlib import Path

    from kontoguide.store.drafts import record_from_data

    data = acknowledged(checklist).model_dump(mode="json")
    data["typed"] = bad
    loaded = record_from_data(Path("utkast.json"), data, checklist)
    # Kept aside like any answer the record cannot hold; nothing is offered from it.
    assert loaded.record.typed == {}
    assert bad in loaded.record.set_aside.values() or 5 in loaded.record.set_aside.values()


def test_the_progress_line_says_why_the_number_jumps(checklist: Checklist) -> None:
    from kontoguide.terminal.views import progress_line

    section = next(s for s in checklist.sections if s.id == "step1")
    considered = next(q for q in section.questions if q.field.endswith("accounts_considered"))
    answers = {**ANSWERS, "step1.existing_accounts_found": False}
    record = answered_up_to(checklist, "step1.existing_accounts_found", answers)
    flow = Flow(checklist, record, save=lambda _: None)
    index, count = flow.position(section, considered)
    skipped = flow.skipped_before(section, considered)
    assert skipped == (index - 1, index - 1)
    line = progress_line(Progress(section, index, count, 5, skipped)).plain
    assert line.endswith(m.VIEW_PROGRESS_SKIPPED.format(numbers=str(index - 1)))

    flow.apply("step1.existing_accounts_found", True)
    assert flow.skipped_before(section, considered) is None


def test_back_from_a_lists_menu_goes_to_the_question_before_the_list(
    checklist: Checklist,
) -> None:
    record = answered_up_to(checklist, "step1.existing_accounts", ANSWERS)
    assert record.step1.existing_accounts, "the scenario has accounts in the list"
    found = label(checklist, "step1.existing_accounts_found")
    considered = label(checklist, "step1.shared_accounts_considered")
    menu = m.Q_LIST_MENU
    # A list is opened once per session: its menu comes first, and from it back.
    script = {menu: [BACK, "done"], found: ["ja"], considered: [INTERRUPT]}
    flow, conversation, asker, _, _ = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    assert asker.asked == [menu, found, menu, considered]
    assert flow.record.step1.existing_accounts == record.step1.existing_accounts


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        (
            "Hänger syftet ihop med verksamhetsplanen eller uppdraget?",
            44,
            "Hänger syftet ihop med verksamhetsplanen…",
        ),
        ("Kort text", 20, "Kort text"),
        ("Ett ord, sedan fler ord", 9, "Ett ord…"),
        ("Kommunikationsfunktionen", 10, "Kommunika…"),
    ],
)
def test_shortened_titles_end_after_a_whole_word(text: str, width: int, expected: str) -> None:
    assert shorten(text, width) == expected
    assert len(shorten(text, width)) <= width


# --- moving inside an item of a list ---------------------------------------------------------

NAME = "Vad heter personen?"
ROLE = "Vilken roll har personen?"
EMAIL = "Vilken e-postadress har personen?"
ADMIN = "Ska personen ha administratörsbehörighet?"
ERIK = m.Q_PERSON_OFFER.format(name="Erik Berg", who=m.Q_WHO_RESPONSIBLE)
SARA = m.Q_PERSON_OFFER.format(name="Sara Holm", who=m.Q_WHO_DEPUTY)


def with_step2_people(checklist: Checklist) -> Record:
    flow = Flow(checklist, acknowledged(checklist), save=lambda _: None)
    for field, value in ANSWERS.items():
        if field.startswith(("step2.responsible", "step2.deputy")):
            flow.apply(field, value)
    return flow.record


def test_back_inside_an_item_asks_its_previous_field_with_the_answer_given(
    checklist: Checklist,
) -> None:
    team = checklist.question("step4.team")
    # Erik from step 2: his role, then back from the admin right to the role (his
    # e-mail, given in step 2, is not asked on the way back either).
    script = {
        ERIK: ["take"],
        ROLE: ["agare", "redaktor", "agare"],
        ADMIN: [BACK, BACK, "ja"],
        SARA: ["skip"],
        m.Q_LIST_MENU.format(count=1): [INTERRUPT],
    }
    flow, conversation, asker, _, _ = make(checklist, script, with_step2_people(checklist))
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert asker.asked[:7] == [ERIK, ROLE, ADMIN, ROLE, ADMIN, ROLE, ADMIN]
    roles = [p for p in asker.prompts if p.message == ROLE]
    admins = [p for p in asker.prompts if p.message == ADMIN]
    # The answer given is the default when the field is asked again.
    assert [p.default for p in roles] == [None, "agare", "redaktor"]
    assert all(p.back for p in roles + admins)
    assert flow.items(team) == [
        {"name": "Erik Berg", "email": "erik.berg@stockholm.se", "role": "agare", "admin": True}
    ]


def test_back_from_the_first_field_of_a_taken_person_is_the_offer_again(
    checklist: Checklist,
) -> None:
    team = checklist.question("step4.team")
    script = {
        ERIK: ["take", "skip"],
        ROLE: [BACK],
        SARA: ["skip"],
        NAME: [INTERRUPT],  # the team needs a member: the first one is asked for
    }
    flow, conversation, asker, _, _ = make(checklist, script, with_step2_people(checklist))
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert asker.asked == [ERIK, ROLE, ERIK, SARA, NAME]
    assert flow.items(team) == []
    assert flow.record.set_aside == {}


def test_back_from_the_first_field_of_a_new_item_is_the_menu_and_keeps_the_answers(
    checklist: Checklist,
) -> None:
    team = checklist.question("step4.team")
    record = answered_up_to(checklist, "step4.team", {**ANSWERS, "step4.team": []})
    first = dict(ANSWERS["step4.team"][0])
    flow = Flow(checklist, record, save=lambda _: None)
    flow.add_item(team, first)
    menu = m.Q_LIST_MENU.format(count=1)
    script = {
        menu: ["add", "add", INTERRUPT],
        NAME: ["Ada Lund", BACK, "Ada Lund"],
        ROLE: [BACK, "redaktor"],
        EMAIL: ["ada.lund@stockholm.se"],
        ADMIN: ["nej"],
    }
    flow, conversation, asker, screen, _ = make(checklist, script, flow.record)
    conversation.flow.people_offered.add(team.field)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert asker.asked[:5] == [menu, NAME, ROLE, NAME, menu]
    assert m.Q_ITEM_BACK_KEPT in [n.text for n in screen.of(Note)]
    names = [p for p in asker.prompts if p.message == NAME]
    assert [p.default for p in names] == ["", "Ada Lund", "Ada Lund"]
    assert flow.items(team)[1]["name"] == "Ada Lund"


def test_back_from_a_field_being_changed_is_the_field_chooser_again(checklist: Checklist) -> None:
    team = checklist.question("step4.team")
    record = answered_up_to(checklist, "step4.team", ANSWERS)
    erik = ANSWERS["step4.team"][0]
    which = m.Q_ITEM_WHICH_FIELD.format(item=erik["name"])
    menu = m.Q_LIST_MENU.format(count=len(ANSWERS["step4.team"]))
    script = {
        menu: ["change", INTERRUPT],
        m.Q_LIST_WHICH_CHANGE: ["0"],
        which: ["role", "\x00alla", "\x00tillbaka"],
        ROLE: [BACK],
        NAME: [BACK],
    }
    flow, conversation, asker, _, _ = make(checklist, script, record)
    conversation.flow.people_offered.add(team.field)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert asker.asked[2:] == [which, ROLE, which, NAME, which, menu]
    assert flow.items(team)[0] == erik


def test_an_items_field_numbers_say_why_one_is_skipped(checklist: Checklist) -> None:
    from kontoguide.questionnaire.events import ItemProgress
    from kontoguide.terminal import plain_screen, views

    team = checklist.question("step4.team")
    script = {ERIK: ["take"], ROLE: ["agare"], ADMIN: [INTERRUPT]}
    _, conversation, _, screen, _ = make(checklist, script, with_step2_people(checklist))
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    role, admin = screen.of(ItemProgress)
    # The name (1) is given too, but only the numbers right before are said.
    assert (role.index, role.skipped, role.skipped_why) == (2, (1, 1), "given")
    assert (admin.index, admin.count, admin.skipped) == (4, 4, (3, 3))
    said = m.VIEW_ITEM_SKIPPED_GIVEN.format(numbers="3")
    rich_line = views._RENDER[ItemProgress](admin)[-1]
    assert isinstance(rich_line, views.Text) and rich_line.plain.endswith(said)
    assert plain_screen._RENDER[ItemProgress](admin)[-1].endswith(said)


def test_a_person_taken_again_after_going_back_keeps_the_answers_given(
    checklist: Checklist,
) -> None:
    team = checklist.question("step4.team")
    script = {ERIK: ["take", "take"], ROLE: ["agare", BACK, INTERRUPT], ADMIN: [BACK]}
    _, conversation, asker, screen, _ = make(checklist, script, with_step2_people(checklist))
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert asker.asked == [ERIK, ROLE, ADMIN, ROLE, ERIK, ROLE]
    assert asker.prompts[-1].default == "agare"
    # Back at the offer, not at the list: nothing is said about the list.
    assert m.Q_ITEM_BACK_KEPT not in [n.text for n in screen.of(Note)]


# --- menu titles: whole from the core, fitted by the terminal (issue 21) -------------------


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_long_menu_cuts_a_title_at_a_word_to_the_real_width(width: int) -> None:
    options = [Option(str(n), f"Fråga {n} ({LONG})") for n in range(10)]
    with create_pipe_input() as pipe:
        output = _Sized(width)
        pipe.send_text(ENTER)
        asker = QuestionaryAsker(input=pipe, output=output)
        assert asker.select(Prompt("Vilken?"), options) == "0"
    shown = "".join(output.written)
    # One row per title in a long menu, as much as the width holds, cut after a word.
    fitted = fit_title(options[0].title, width, SELECT, rows=1)
    assert "\n" not in fitted and fitted.endswith("…") and len(fitted) < width - SELECT
    kept = fitted.removesuffix("…")
    assert options[0].title.startswith(kept) and options[0].title[len(kept)] in " ,;:"
    assert fitted in shown
    # A wider screen shows more of it.
    assert len(fit_title(options[0].title, 120, SELECT, rows=1)) > len(
        fit_title(options[0].title, 60, SELECT, rows=1)
    )


def test_a_short_menu_wraps_a_long_title_whole() -> None:
    title = "Mål: Fler unga känner till bibliotekens lovaktiviteter och anmäler sig via länken"
    fitted = fit_title(title, 60, SELECT, rows=3)
    assert " ".join(fitted.split()) == title and "…" not in fitted
