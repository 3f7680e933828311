"""Lists: one field changed, an item cancelled, removal, the team from step 2, pausing on a menu."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.record import Record
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import ItemProgress, ListShown, Note
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.set_aside import unfinished_key
from kontoguide.store.drafts import new_record
from scenario import ALL, ANSWERS, INTERRUPT, LIST_MENU, RecordingScreen, Saves, ScriptedAsker

NAME = "Vad heter personen?"
ROLE = "Vilken roll har personen?"
EMAIL = "Vilken e-postadress har personen?"
ADMIN = "Ska personen ha administratörsbehörighet?"
ERIK = m.Q_PERSON_OFFER.format(name="Erik Berg", who=m.Q_WHO_RESPONSIBLE)
SARA = m.Q_PERSON_OFFER.format(name="Sara Holm", who=m.Q_WHO_DEPUTY)


def record_with(checklist: Checklist, answers: dict[str, Any]) -> Record:
    record = new_record(checklist, "list1234")
    data = record.model_dump(mode="json")
    data["notice"] = {"acknowledged": True, "acknowledged_at": data["created_at"]}
    flow = Flow(checklist, Record.model_validate(data), save=lambda _: None)
    for field, value in answers.items():
        if value == ALL:
            value = checklist.choice_values(checklist.question(field).choices or "")
        flow.apply(field, value)
    return flow.record


def make(
    checklist: Checklist, script: dict[str, list[Any]], record: Record
) -> tuple[Flow, Conversation, ScriptedAsker, RecordingScreen, Saves]:
    saves = Saves()
    flow = Flow(checklist, record, save=saves, today=date.today())
    asker = ScriptedAsker(script)
    screen = RecordingScreen()
    return flow, Conversation(flow, asker, screen), asker, screen, saves


def step2_people() -> dict[str, Any]:
    return {f: v for f, v in ANSWERS.items() if f.startswith(("step2.responsible", "step2.deputy"))}


GOAL = ANSWERS["step2.goals"][0]


def goal_label(checklist: Checklist, field: str) -> str:
    return next(s.label for s in checklist.question("step2.goals").fields if s.field == field)


# --- changing one field -------------------------------------------------------------------


def test_one_field_of_an_item_is_changed_without_the_others(checklist: Checklist) -> None:
    goals = checklist.question("step2.goals")
    record = record_with(checklist, {"step2.goals": [GOAL]})
    which = m.Q_ITEM_WHICH_FIELD.format(item=shorten(GOAL["description"], 40))
    script = {
        LIST_MENU: ["change", "done"],
        m.Q_LIST_WHICH_CHANGE: ["0"],
        which: ["effect"],
        # "Annan effekt" asks for the other effect too, and only that.
        goal_label(checklist, "effect"): ["annan"],
        goal_label(checklist, "effect_other"): ["Fler besökare på biblioteket"],
    }
    flow, conversation, asker, _screen, _ = make(checklist, script, record)

    conversation.ask_list(goals)

    assert asker.left() == {}
    (goal,) = flow.items(goals)
    assert goal["effect"] == "annan"
    assert goal["effect_other"] == "Fler besökare på biblioteket"
    assert goal["indicator"] == GOAL["indicator"] and goal["description"] == GOAL["description"]
    # The field chooser shows each field with its answer.
    chooser = next(p for p in asker.prompts if p.message == which)
    assert chooser.default == "description"
    assert goal_label(checklist, "indicator") not in asker.asked


def test_the_field_chooser_shows_the_current_answers(checklist: Checklist) -> None:
    team = checklist.question("step4.team")
    member = dict(ANSWERS["step4.team"][0])
    record = record_with(checklist, {"step4.team": [member]})
    which = m.Q_ITEM_WHICH_FIELD.format(item="Erik Berg")
    offered: list[list[str]] = []

    class Offered(ScriptedAsker):
        def select(self, prompt: Any, options: Any) -> str:
            if prompt.message == which:
                offered.append([o.title for o in options])
            return super().select(prompt, options)

    flow = Flow(checklist, record, save=Saves())
    script = {
        LIST_MENU: ["change", INTERRUPT],
        m.Q_LIST_WHICH_CHANGE: ["0"],
        which: ["\x00tillbaka"],
    }
    with pytest.raises(KeyboardInterrupt):
        Conversation(flow, Offered(script), RecordingScreen()).ask_list(team)
    (titles,) = offered
    assert any(t.endswith(": erik.berg@stockholm.se") for t in titles)
    assert any(t.endswith(": Ägare") for t in titles)
    assert titles[-2:] == [m.Q_ITEM_ALL_FIELDS, m.Q_BACK]


# --- cancelling an item ---------------------------------------------------------------------


def test_an_item_being_added_can_be_cancelled_and_nothing_of_it_remains(
    checklist: Checklist,
) -> None:
    team = checklist.question("step4.team")
    record = record_with(checklist, {"step4.team": [dict(ANSWERS["step4.team"][0])]})
    script = {
        LIST_MENU: ["add", INTERRUPT],
        NAME: ["Pia Ek"],
        ROLE: ["analytiker"],
        # An empty e-mail: first "no, go on", then the e-mail empty again and "yes, cancel".
        EMAIL: ["", ""],
        m.Q_ITEM_CANCEL_SURE: ["nej", "ja"],
    }
    flow, conversation, asker, screen, saves = make(checklist, script, record)

    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)

    assert asker.left() == {}
    assert [member["name"] for member in flow.items(team)] == ["Erik Berg"]
    assert unfinished_key(team) not in saves.last.set_aside
    assert any(note.text == m.Q_ITEM_CANCELLED for note in screen.of(Note))
    # The way out is said in the hint of a text field of an item.
    email_prompt = next(p for p in asker.prompts if p.message == EMAIL)
    # It names the item that would not be added, as its heading does.
    assert email_prompt.hint is not None
    assert email_prompt.hint.endswith(m.Q_ITEM_CANCEL_HINT.format(item="person 2"))
    assert "inte vill lägga till person 2." in email_prompt.hint


def test_a_choice_in_an_item_offers_cancel(checklist: Checklist) -> None:
    team = checklist.question("step4.team")
    record = record_with(checklist, {"step4.team": [dict(ANSWERS["step4.team"][0])]})
    script = {LIST_MENU: ["add", "done"], NAME: ["Pia Ek"], ROLE: ["\x00avbryt"]}
    flow, conversation, asker, _screen, saves = make(checklist, script, record)
    # Closing the list is refused (one admin), so the test stops there with Ctrl-C.
    asker.add(LIST_MENU, INTERRUPT)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert len(flow.items(team)) == 1
    assert unfinished_key(team) not in saves.last.set_aside


# --- removing -------------------------------------------------------------------------------


def test_removal_asks_which_item_with_one_item_too_and_keeping_is_the_default(
    checklist: Checklist,
) -> None:
    groups = checklist.question("step2.target_groups")
    group = ANSWERS["step2.target_groups"][0]
    record = record_with(checklist, {"step2.target_groups": [group]})
    # The item whole: the terminal fits what it shows to its own width.
    sure = m.Q_LIST_REMOVE_SURE.format(item=f"{group['name']} · {group['description']}")
    script = {
        LIST_MENU: ["remove", "remove", "done"],
        m.Q_LIST_WHICH_REMOVE: ["\x00tillbaka", "0"],
        sure: ["nej"],
    }
    flow, conversation, asker, _screen, _ = make(checklist, script, record)

    conversation.ask_list(groups)

    assert asker.left() == {}
    assert asker.asked.count(m.Q_LIST_WHICH_REMOVE) == 2
    assert flow.items(groups) == [group]
    confirm = next(p for p in asker.prompts if p.message == sure)
    assert confirm.default == "nej"


# --- the team -------------------------------------------------------------------------------


def test_the_team_shows_role_and_admin_right_and_names_the_admins(checklist: Checklist) -> None:
    team = checklist.question("step4.team")
    erik, sara = (dict(member) for member in ANSWERS["step4.team"])
    sara["admin"] = False
    flow = Flow(checklist, record_with(checklist, {"step4.team": [erik, sara]}), save=Saves())
    assert flow.item_menu_title(team, erik) == "Erik Berg · Ägare · administratör"
    assert flow.item_menu_title(team, sara) == "Sara Holm · Redaktör · inte administratör"
    problem = flow.list_done_problem(team)
    assert problem is not None and "”Erik Berg”" in problem and "Sara" not in problem


def test_the_team_starts_with_the_responsible_person_and_the_deputy(checklist: Checklist) -> None:
    team = checklist.question("step4.team")
    record = record_with(checklist, step2_people())
    script = {
        ERIK: ["take"],
        SARA: ["change"],
        # Erik: only the role and the admin right are asked.
        ROLE: ["agare", "redaktor"],
        ADMIN: ["ja", "ja"],
        # Sara: every field, her step 2 answers as defaults.
        NAME: ["Sara Holm"],
        EMAIL: ["sara.holm@stockholm.se"],
        LIST_MENU: ["done"],
    }
    flow, conversation, asker, screen, _ = make(checklist, script, record)

    conversation.ask_list(team)

    assert asker.left() == {}
    assert asker.asked[:3] == [ERIK, ROLE, ADMIN]
    name_prompt = next(p for p in asker.prompts if p.message == NAME)
    assert name_prompt.default == "Sara Holm"
    assert [(p["name"], p["email"]) for p in flow.items(team)] == [
        ("Erik Berg", "erik.berg@stockholm.se"),
        ("Sara Holm", "sara.holm@stockholm.se"),
    ]
    shown = screen.of(ListShown)[-1].titles
    assert shown == ("Erik Berg · Ägare · administratör", "Sara Holm · Redaktör · administratör")


def test_a_person_already_in_the_team_is_not_offered_and_skip_adds_nobody(
    checklist: Checklist,
) -> None:
    team = checklist.question("step4.team")
    erik = dict(ANSWERS["step4.team"][0])
    record = record_with(checklist, {**step2_people(), "step4.team": [erik]})
    script = {SARA: ["skip"], LIST_MENU: [INTERRUPT]}
    flow, conversation, asker, _screen, _ = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert ERIK not in asker.asked
    assert flow.items(team) == [erik]


def test_a_pause_while_taking_a_person_continues_with_that_person(checklist: Checklist) -> None:
    team = checklist.question("step4.team")
    record = record_with(checklist, step2_people())
    script = {ERIK: ["take"], ROLE: ["agare"], ADMIN: [INTERRUPT]}
    _flow, conversation, _asker, _screen, saves = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    kept = saves.last.set_aside[unfinished_key(team)]
    assert kept == {"name": "Erik Berg", "email": "erik.berg@stockholm.se", "role": "agare"}

    script = {ADMIN: ["ja"], SARA: ["skip"], LIST_MENU: [INTERRUPT]}
    flow, conversation, asker, _screen, _ = make(checklist, script, saves.last)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert asker.asked == [ADMIN, SARA, LIST_MENU]
    assert flow.items(team)[0]["admin"] is True


# --- pausing on a list's menu ----------------------------------------------------------------


@pytest.mark.parametrize("field", ["step1.existing_accounts", "step2.goals", "step4.team"])
def test_a_pause_on_a_lists_menu_resumes_on_that_menu(checklist: Checklist, field: str) -> None:
    from scenario import script_for

    order = [q.field for _, q in checklist.questions("ready")]
    before = {f: ANSWERS[f] for f in order[: order.index(field) + 1] if f in ANSWERS}
    script = script_for(checklist, before)
    # The last menu (the list just filled in) is where the person pauses.
    script[LIST_MENU][-1] = INTERRUPT
    record = record_with(checklist, {})
    _flow, conversation, _asker, _screen, saves = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    resumed = Flow(checklist, saves.last, save=Saves())
    found = resumed.next_question()
    assert found is not None and found[1].field == field


def test_item_progress_counts_the_fields_of_the_item(checklist: Checklist) -> None:
    team = checklist.question("step4.team")
    record = record_with(checklist, step2_people())
    script = {ERIK: ["take"], ROLE: ["agare"], ADMIN: [INTERRUPT]}
    _flow, conversation, _asker, screen, _ = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(team)
    assert [(e.index, e.count) for e in screen.of(ItemProgress)] == [(2, 4), (4, 4)]


def test_a_pause_on_a_lists_menu_resumes_there_when_later_answers_are_given(
    checklist: Checklist,
) -> None:
    # An answers file gave everything but the team: closing the team would end the
    # questionnaire, so pausing on its menu must be remembered.
    team = checklist.question("step4.team")
    answers = {f: v for f, v in ANSWERS.items() if f != "step4.team" and not f.startswith("step5")}
    record = record_with(checklist, answers)
    script = {
        ERIK: ["take"],
        ROLE: ["agare"],
        ADMIN: ["ja"],
        SARA: ["skip"],
        LIST_MENU: [INTERRUPT],
    }
    _flow, conversation, _asker, _screen, saves = make(checklist, script, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    assert saves.last.step4.team is not None

    resumed = Flow(checklist, saves.last, save=Saves())
    found = resumed.next_question()
    assert found is not None and found[1].field == "step4.team"

    # Closing the list forgets the open menu.
    script = {SARA: ["skip"], LIST_MENU: ["add", "done"], NAME: ["Sara Holm"], ROLE: ["redaktor"]}
    script |= {EMAIL: ["sara.holm@stockholm.se"], ADMIN: ["ja"]}
    flow, conversation, asker, _screen, later = make(checklist, script, saves.last)
    conversation.ask_list(team)
    assert asker.left() == {}
    assert later.last.set_aside == {}
    assert not flow.list_open(team)


LONG_DESCRIPTION = (
    "Vårdnadshavare till barn i åldern 6 till 12 år i Söderort som planerar lovet och "
    "letar efter gratis aktiviteter i mobilen på kvällen"
)


def test_the_core_gives_the_titles_of_a_list_and_of_the_picker_whole(
    checklist: Checklist,
) -> None:
    # The terminal fits a title to its real width (prompts.fit_title), so the core does
    # not cut it at a fixed one: at 120 columns nothing need be cut.
    from kontoguide.questionnaire.question_picker import QuestionPicker

    groups = checklist.question("step2.target_groups")
    group = {**ANSWERS["step2.target_groups"][0], "description": LONG_DESCRIPTION}
    scan = checklist.question("step1.environment_scan")
    record = record_with(
        checklist, {"step2.target_groups": [group], "step1.environment_scan": LONG_DESCRIPTION}
    )
    flow, conversation, asker, screen, _ = make(checklist, {LIST_MENU: ["done"]}, record)
    conversation.ask_list(groups)
    (title,) = screen.of(ListShown)[0].titles
    assert LONG_DESCRIPTION in title and "…" not in title
    picker = QuestionPicker(flow, asker, screen)
    assert picker._change_title(scan) == f"{scan.label} ({LONG_DESCRIPTION})"
