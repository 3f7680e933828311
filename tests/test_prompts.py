"""Real questionary prompts, in-process: prompt_toolkit pipe input and a dummy output."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.record import Record
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.follow_up import FollowUpDialogue
from kontoguide.questionnaire.follow_up_answers import UNFINISHED_FOLLOW_UP
from kontoguide.questionnaire.prompting import Option, Prompt
from kontoguide.store.drafts import new_record
from kontoguide.terminal.prompts import QuestionaryAsker, wrap
from scenario import (
    ANSWERS,
    DOWN,
    ENTER,
    FINISH_LONG,
    LIST_OPTIONS,
    UP,
    RecordingScreen,
    day,
    keys_for,
    list_keys,
    move,
    started_example,
)

CTRL_C, CTRL_D = "\x03", "\x04"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


class Helps:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def __call__(self, text: str) -> None:
        self.shown.append(text)


def asker_for(pipe: PipeInput, keys: str, helps: Helps | None = None) -> QuestionaryAsker:
    pipe.send_text(keys)
    return QuestionaryAsker(input=pipe, output=DummyOutput(), show_help=helps)


def refuse_unless(good: Any, message: str = "Skriv rätt.") -> Any:
    def check(value: Any) -> str | None:
        return None if value == good else message

    return check


# --- each kind of prompt ----------------------------------------------------------------------


def test_text_keeps_the_typed_text_when_refused(pipe: PipeInput) -> None:
    seen: list[str] = []

    def check(text: str) -> str | None:
        seen.append(text)
        return None if text.endswith("@stockholm.se") else m.V_EMAIL

    asker = asker_for(pipe, "anna.lind" + ENTER + "@stockholm.se" + ENTER)
    answer = asker.text(Prompt("Vilken e-postadress har hen?", validate=check))
    # The first Enter was refused; the second part was typed after the kept text.
    assert seen == ["anna.lind", "anna.lind@stockholm.se"]
    assert answer == "anna.lind@stockholm.se"


def test_a_refused_long_answer_stays_to_be_added_to(pipe: PipeInput) -> None:
    # Refused on Esc and Enter: both lines stay in the answer, and what is typed next
    # goes on after them (nothing of a long answer is typed again).
    seen: list[str] = []

    def check(text: str) -> str | None:
        seen.append(text)
        return None if len(text.split()) >= 4 else "Minst fyra ord."

    keys = "Räcker inte" + ENTER + "alls." + FINISH_LONG + " Barnen läser inte." + FINISH_LONG
    answer = asker_for(pipe, keys).text(Prompt("Varför?", validate=check), multiline=True)
    assert seen == ["Räcker inte\nalls.", "Räcker inte\nalls. Barnen läser inte."]
    assert answer == "Räcker inte\nalls. Barnen läser inte."


def test_text_checks_on_enter_only_not_while_typing(pipe: PipeInput) -> None:
    # The first key alone, then a pause: a check while typing would run on "a" and put
    # a red "Skriv en e-postadress…" under the answer from the first keystroke.
    seen: list[str] = []

    def check(text: str) -> str | None:
        seen.append(text)
        return None if text.endswith("@stockholm.se") else m.V_EMAIL

    asker = asker_for(pipe, "a")
    answers: list[str] = []
    worker = threading.Thread(
        target=lambda: answers.append(asker.text(Prompt("E-post?", validate=check)))
    )
    worker.start()
    time.sleep(0.5)
    pipe.send_text("nna@stockholm.se" + ENTER)
    worker.join(timeout=10)
    assert answers == ["anna@stockholm.se"]
    assert seen == ["anna@stockholm.se"]


def test_text_starts_from_the_default(pipe: PipeInput) -> None:
    asker = asker_for(pipe, "\x7f" * 4 + "2026" + ENTER)
    assert asker.text(Prompt("År?", default="2025")) == "2026"


def test_long_text_takes_several_lines_and_ends_with_esc_enter(pipe: PipeInput) -> None:
    # Esc then Enter, and Alt+Enter, both reach the program as ESC CR.
    asker = asker_for(pipe, "Första raden." + ENTER + "Andra raden." + FINISH_LONG)
    answer = asker.text(Prompt("Beskriv."), multiline=True)
    assert answer == "Första raden.\nAndra raden."


def test_select_returns_the_value_and_starts_at_the_default(pipe: PipeInput) -> None:
    options = [Option("a", "Alfa"), Option("b", "Beta"), Option("c", "Gamma")]
    asker = asker_for(pipe, DOWN + ENTER + ENTER)
    assert asker.select(Prompt("Välj"), options) == "b"
    assert asker.select(Prompt("Välj", default="c"), options) == "c"


def test_select_refuses_in_place_and_stays_on_the_question(pipe: PipeInput) -> None:
    options = [Option("ja", "Ja"), Option("nej", "Nej")]
    asker = asker_for(pipe, DOWN + ENTER + UP + ENTER)  # "Nej", refused; then up to Ja
    answer = asker.select(Prompt("Läst?", validate=refuse_unless("ja", m.V_YES_POLICY)), options)
    assert answer == "ja"


def test_checkbox_marks_and_checks_the_whole_choice(pipe: PipeInput) -> None:
    options = [Option("a", "Alfa"), Option("b", "Beta")]
    # Space marks the first only: refused (both are needed); "a" marks all.
    asker = asker_for(pipe, " " + ENTER + "a" + ENTER)
    check = refuse_unless(["a", "b"], m.V_ALL_OF.format(missing="Beta"))
    assert asker.checkbox(Prompt("Bekräfta", validate=check), options) == ["a", "b"]


def test_checkbox_starts_with_the_default_marked(pipe: PipeInput) -> None:
    options = [Option("a", "Alfa"), Option("b", "Beta")]
    asker = asker_for(pipe, ENTER)
    assert asker.checkbox(Prompt("Bekräfta", default=["b"]), options) == ["b"]


def test_help_is_shown_without_leaving_the_question(pipe: PipeInput) -> None:
    helps = Helps()
    options = [Option("a", "Alfa"), Option("b", "Beta")]
    asker = asker_for(pipe, "?" + "svar" + ENTER + "?" + DOWN + ENTER + "\x1bOP" + ENTER, helps)
    assert asker.text(Prompt("Text", help="Mer om texten.")) == "svar"
    assert asker.select(Prompt("Val", help="Mer om valet."), options) == "b"
    assert asker.text(Prompt("Text", default="x", help="Med F1.")) == "x"
    assert helps.shown == ["Mer om texten.", "Mer om valet.", "Med F1."]


def test_question_mark_inside_an_answer_is_just_text(pipe: PipeInput) -> None:
    helps = Helps()
    asker = asker_for(pipe, "Varför?" + ENTER, helps)
    assert asker.text(Prompt("Text", help="Hjälp")) == "Varför?"
    assert helps.shown == []


@pytest.mark.parametrize(("key", "error"), [(CTRL_C, KeyboardInterrupt), (CTRL_D, EOFError)])
@pytest.mark.parametrize("kind", ["text", "long", "select", "checkbox"])
def test_ctrl_c_and_ctrl_d_stop_every_prompt(
    pipe: PipeInput, key: str, error: type[BaseException], kind: str
) -> None:
    asker = asker_for(pipe, key)
    options = [Option("a", "Alfa")]
    with pytest.raises(error):
        if kind == "text":
            asker.text(Prompt("Text"))
        elif kind == "long":
            asker.text(Prompt("Text"), multiline=True)
        elif kind == "select":
            asker.select(Prompt("Val"), options)
        else:
            asker.checkbox(Prompt("Val"), options)


def test_wrap_keeps_words_whole_and_indents() -> None:
    text = "Förnamn och efternamn på den som beslutar, till exempel enhetschefen på enheten."
    lines = wrap(text, 40).split("\n")
    assert all(len(line) <= 40 and line.startswith("  ") for line in lines)
    assert " ".join(line.strip() for line in lines) == text


# --- the conversation with real prompts --------------------------------------------------------


def acknowledged(checklist: Checklist) -> Record:
    data = new_record(checklist, "prompt01").model_dump(mode="json")
    data["notice"] = {"acknowledged": True, "acknowledged_at": data["created_at"]}
    return Record.model_validate(data)


def conversation(checklist: Checklist, pipe: PipeInput, keys: str) -> tuple[Flow, Conversation]:
    flow = Flow(checklist, acknowledged(checklist), save=lambda _: None)
    return flow, Conversation(flow, asker_for(pipe, keys), RecordingScreen())


def test_every_kind_of_question_through_real_prompts(checklist: Checklist, pipe: PipeInput) -> None:
    # Basics, step 1 (choice, text, yes/no, e-mail, date, list, long text) and the
    # step 2 fields with a number and a multiple choice.
    fields = [q.field for s, q in checklist.questions() if s.id in ("basics", "step1", "step2")]
    keys = ""
    for field in fields:
        question = checklist.question(field)
        if question.kind == "list":
            keys += list_keys(checklist, question, ANSWERS[field])
        else:
            keys += keys_for(checklist, question, ANSWERS[field])
    flow, talk = conversation(checklist, pipe, keys + CTRL_C)

    with pytest.raises(KeyboardInterrupt):
        talk.run()

    record = flow.record
    assert record.organisation.kind == "forvaltning"
    assert record.step1.policy_read is True
    assert record.step1.comms_contact.email == "anna.lind@stockholm.se"
    assert record.step1.existing_accounts is not None
    assert record.step1.existing_accounts[0].comment is None
    assert record.step1.environment_scan == ANSWERS["step1.environment_scan"]
    assert record.step2.plan.year == 2026
    assert record.step2.duties == checklist.choice_values("duties")
    assert record.step2.follow_up == "kvartalsvis"
    found = flow.next_question()
    assert found is not None and found[1].field == "step3.platform"


def test_validation_re_asks_in_place_through_the_conversation(
    checklist: Checklist, pipe: PipeInput
) -> None:
    question = checklist.question("step1.comms_contact.email")
    # Refused: "anna.lind@"; the text stays, so only the domain is typed after it.
    keys = "anna.lind@" + ENTER + "stockholm.se" + ENTER
    flow, talk = conversation(checklist, pipe, keys)
    talk.ask(checklist.sections[1], question)
    assert flow.record.step1.comms_contact.email == "anna.lind@stockholm.se"


def test_an_impossible_date_is_refused(checklist: Checklist, pipe: PipeInput) -> None:
    question = checklist.question("step1.comms_contact.date")
    keys = "2025-02-30" + ENTER + "\x7f\x7f" + "28" + ENTER
    flow, talk = conversation(checklist, pipe, keys)
    talk.ask(checklist.sections[1], question)
    assert flow.record.step1.comms_contact.date is not None
    assert flow.record.step1.comms_contact.date.isoformat() == "2025-02-28"


def test_the_add_another_loop_with_removing_an_item(checklist: Checklist, pipe: PipeInput) -> None:
    team = checklist.question("step4.team")

    def person(name: str, role: str, email: str, admin: bool) -> str:
        item = {"name": name, "role": role, "email": email, "admin": admin}
        return "".join(keys_for(checklist, spec, item[spec.field]) for spec in team.fields)

    keys = (
        person("Erik Berg", "agare", "erik.berg@stockholm.se", True)
        + move(LIST_OPTIONS, "done", "add")
        + person("Pia Ek", "analytiker", "pia.ek@stockholm.se", False)
        + move(LIST_OPTIONS, "done", "add")
        + person("Sara Holm", "redaktor", "sara.holm@stockholm.se", True)
        + move(LIST_OPTIONS, "done", "remove")
        + DOWN
        + ENTER  # the second row: Pia Ek
        + UP
        + ENTER  # "Ja, ta bort", above the default "Nej, behåll"
        + move(LIST_OPTIONS, "done", "done")
    )
    flow, talk = conversation(checklist, pipe, keys)
    talk.ask_list(team)
    assert [member["name"] for member in flow.items(team)] == ["Erik Berg", "Sara Holm"]
    assert team.field in flow.passed


def test_a_list_cannot_be_closed_while_its_rule_is_broken(
    checklist: Checklist, pipe: PipeInput
) -> None:
    team = checklist.question("step4.team")
    one = "Erik Berg\r" + ENTER + "erik.berg@stockholm.se\r" + ENTER
    other = "Sara Holm\r" + DOWN + ENTER + "sara.holm@stockholm.se\r" + ENTER
    # "done" with one admin is refused in place; then "add" (three up from "done").
    keys = one + ENTER + "\x1b[A" * 3 + ENTER + other + ENTER
    flow, talk = conversation(checklist, pipe, keys)
    talk.ask_list(team)
    assert len(flow.items(team)) == 2


# --- a follow-up through real prompts ----------------------------------------------------------


def test_a_follow_up_through_real_prompts(checklist: Checklist, pipe: PipeInput) -> None:
    flow = Flow(checklist, started_example(checklist), save=lambda _: None, stage="started")
    backspaces = "\x7f" * 10
    keys = (
        day(0)
        + ENTER
        + ENTER  # carried out by the responsible person, offered as the default
        # Goal 1: a word where a number belongs is refused in place; the text stays.
        + "många"
        + ENTER
        + "\x7f" * 5
        + "1 250"
        + ENTER
        + ENTER  # measured on the follow-up's date, offered as the default
        + "Filmerna från lovet."
        + FINISH_LONG
        # Goal 2: measured two days earlier; no comment (Enter in the empty answer).
        + "44,5"
        + ENTER
        + backspaces
        + day(-2)
        + ENTER
        + ENTER
        + "Kontot når fler unga.\nMålen är inte nådda än."
        + FINISH_LONG
        + DOWN
        + ENTER  # "Ändra inriktning eller arbetssätt"
        + "\x15"  # the next follow-up after the interval is offered: cleared first
        + day(400)  # more than a year ahead: refused in place
        + ENTER
        + backspaces
        + day(90)
        + ENTER
        + ENTER  # save
    )
    talk = Conversation(flow, asker_for(pipe, keys), RecordingScreen())

    item = FollowUpDialogue(talk).run()

    assert item is not None
    follow_ups = flow.record.follow_ups or []
    assert len(follow_ups) == 2
    new = follow_ups[1]
    assert [(x.goal, x.value) for x in new.measurements] == [(1, 1250), (2, 44.5)]
    assert [x.measured_on.isoformat() for x in new.measurements] == [day(0), day(-2)]
    assert [x.comment for x in new.measurements] == ["Filmerna från lovet.", None]
    assert new.assessment == "Kontot når fler unga.\nMålen är inte nådda än."
    assert new.conclusion == "andra"
    assert new.next_review is not None and new.next_review.isoformat() == day(90)
    assert new.carried_out_by == flow.record.step2.responsible.name


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
def test_stopping_in_a_follow_up_keeps_what_was_typed(
    checklist: Checklist, pipe: PipeInput, key: str
) -> None:
    saved: list[Record] = []
    flow = Flow(checklist, started_example(checklist), save=saved.append, stage="started")
    keys = day(0) + ENTER + ENTER + "1 250" + ENTER + key
    talk = Conversation(flow, asker_for(pipe, keys), RecordingScreen())
    with pytest.raises((KeyboardInterrupt, EOFError)):
        FollowUpDialogue(talk).run()
    assert saved[-1].set_aside[UNFINISHED_FOLLOW_UP] == {
        "held_on": day(0),
        "carried_out_by": flow.record.step2.responsible.name,
        "measurements": [{"goal": 1, "value": "1 250"}],
    }


def test_ctrl_d_pauses_a_text_prompt_that_holds_a_default(pipe: PipeInput) -> None:
    # Without the pause, Ctrl-D would do nothing and Enter would take the default.
    asker = asker_for(pipe, CTRL_D + ENTER)
    with pytest.raises(EOFError):
        asker.text(Prompt("Vilket datum mättes värdet?", default="2026-11-28"))


def test_ctrl_d_inside_the_text_still_deletes_forward(pipe: PipeInput) -> None:
    left = "\x1b[D"
    asker = asker_for(pipe, left * 2 + CTRL_D + ENTER)
    assert asker.text(Prompt("År?", default="2026")) == "206"


@pytest.mark.parametrize(
    ("kind", "name", "advised"),
    [
        ("forvaltning", "kultur", True),
        ("forvaltning", "Kultur", True),
        ("bolag", "kultur", True),
        ("forvaltning", "Kulturförvaltningen", False),
        ("forvaltning", "Södermalms stadsdelsförvaltning", False),
        ("forvaltning", "Trafikkontoret", False),
        ("bolag", "Stockholms Stadshus AB", False),
    ],
)
def test_a_name_that_may_not_be_the_whole_one_is_kept_with_a_hint(
    checklist: Checklist, pipe: PipeInput, kind: str, name: str, advised: bool
) -> None:
    # kontoguide cannot know every administration's name: a hint, never a refusal.
    flow, talk = conversation(checklist, pipe, name + ENTER)
    flow.apply("organisation.kind", kind)
    talk.ask(checklist.sections[0], checklist.question("organisation.name"))
    assert flow.record.organisation.name == name
    hint = m.V_ORGANISATION_NAME_ADVICE.format(name=name)
    notes = [event.text for event in talk.screen.events if getattr(event, "text", None)]
    assert (hint in notes) is advised
