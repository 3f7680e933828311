"""The engine and the conversation, driven by a scripted asker (no terminal)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from kontoguide.checklist.loading import load_checklist_file
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.record import Record
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import ItemStarted, Note, SectionStarted
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.list_editing import _ALL_FIELDS
from kontoguide.questionnaire.session import Refused
from kontoguide.questionnaire.set_aside import change_key
from kontoguide.rules.completeness import problems
from kontoguide.rules.validation import make_context
from kontoguide.store.drafts import new_record
from kontoguide.terminal.views import summary_table
from scenario import (
    ANSWERS,
    DECISION,
    INTERRUPT,
    LIST_MENU,
    REVIEW_PROBLEMS,
    REVIEW_READY,
    RecordingScreen,
    Saves,
    ScriptedAsker,
    day,
    full_script,
    script_for,
)


def acknowledged(checklist: Checklist) -> Record:
    record = new_record(checklist, "test1234")
    data = record.model_dump(mode="json")
    data["notice"] = {"acknowledged": True, "acknowledged_at": data["created_at"]}
    return Record.model_validate(data)


def make(
    checklist: Checklist,
    script: dict[str, list[Any]],
    record: Record | None = None,
    today: date | None = None,
) -> tuple[Flow, Conversation, ScriptedAsker, RecordingScreen, Saves]:
    saves = Saves()
    flow = Flow(checklist, record or acknowledged(checklist), save=saves, today=today)
    asker = ScriptedAsker(script)
    screen = RecordingScreen()
    return flow, Conversation(flow, asker, screen), asker, screen, saves


def fields_of(checklist: Checklist, *sections: str) -> list[str]:
    return [q.field for s, q in checklist.questions() if s.id in sections]


# --- a whole run --------------------------------------------------------------------------


def test_full_run_ends_with_a_record_ready_for_the_decision(checklist: Checklist) -> None:
    _flow, conversation, asker, screen, saves = make(checklist, full_script(checklist))

    assert conversation.review() is True

    record = saves.last
    assert record.status == "ready"
    assert problems(record, checklist) == []
    assert asker.refused == []
    assert asker.left() == {}
    assert record.step2.plan.year == 2026
    assert record.step2.goals is not None and record.step2.goals[0].target == 600
    assert record.step4.team is not None and len(record.step4.team) == 2
    assert record.step5.decision_maker.name == "Maria Ström"
    # Nothing of the decision is asked before it is taken.
    assert record.step5.outcome is None and record.step5.decision_date is None
    # Each part starts with its header, in checklist order, once.
    started = [event.section.id for event in screen.of(SectionStarted)]
    assert started == ["basics", "step1", "step2", "step3", "step4", "step5"]


def test_every_accepted_answer_is_saved_at_once(checklist: Checklist) -> None:
    script = script_for(checklist, ANSWERS, fields=fields_of(checklist, "basics"))
    script["Vad heter dokumentet?"] = []
    _flow, conversation, asker, _, saves = make(checklist, script)
    asker.add("Har du läst stadens policy för konton i sociala medier?", INTERRUPT)

    with pytest.raises(KeyboardInterrupt):
        conversation.run()

    # One save per answer, and each save holds the answer just given.
    assert len(saves.records) == 4
    assert saves.records[0].organisation.kind == "forvaltning"
    assert saves.records[1].organisation.name == "Kulturförvaltningen"
    assert saves.records[3].account_name == "Barn och unga på Instagram"


def test_no_question_is_asked_twice_after_an_interruption(checklist: Checklist) -> None:
    script = full_script(checklist)
    _flow, conversation, asker, _, saves = make(checklist, script)
    first_step3 = "Vilken plattform ska kontot finnas på?"
    asker.script[first_step3].insert(0, INTERRUPT)
    with pytest.raises(KeyboardInterrupt):
        conversation.review()
    asked_before = set(asker.asked)

    # A new session on the saved record: it continues exactly where the first stopped.
    _flow2, conversation2, asker2, _, saves2 = make(checklist, asker.left(), saves.last)
    assert conversation2.review() is True
    assert asker2.asked[0] == first_step3
    repeated = (asked_before & set(asker2.asked)) - {first_step3, LIST_MENU}
    assert repeated == set()
    assert saves2.last.status == "ready"


# --- checking answers in place ----------------------------------------------------------------


def test_invalid_answers_are_refused_with_the_reason_and_asked_again(checklist: Checklist) -> None:
    script = script_for(checklist, ANSWERS, fields=fields_of(checklist, "basics", "step1"))
    email = "Vilken e-postadress har hen?"
    when = "När pratade du med kommunikationsfunktionen?"
    policy = "Har du läst stadens policy för konton i sociala medier?"
    script[email] = ["anna.lind@", "anna.lind@stockholm.se"]
    script[when] = ["2025-02-30", "igår", day(5), day(-2)]
    script[policy] = ["nej", "ja"]
    script["Vad är syftet med kontot?"] = [INTERRUPT]
    flow, conversation, asker, _, _ = make(checklist, script)

    with pytest.raises(KeyboardInterrupt):
        conversation.run()

    assert asker.refused == [
        (policy, f"{m.V_YES_POLICY} {m.Q_PAUSE_TO_DO_IT}"),
        (email, m.V_EMAIL),
        (when, m.V_DATE_IMPOSSIBLE.format(value="2025-02-30")),
        (when, m.V_DATE_FORMAT),
        (when, m.V_DATE_NOT_FUTURE.format(today=date.today().isoformat())),
    ]
    assert flow.record.step1.comms_contact.email == "anna.lind@stockholm.se"
    assert flow.record.step1.comms_contact.date == date.today() - timedelta(days=2)


def test_apply_refuses_without_saving(checklist: Checklist) -> None:
    saves = Saves()
    flow = Flow(checklist, acknowledged(checklist), save=saves)
    with pytest.raises(Refused) as refused:
        flow.apply("step3.proposed_account_name", "Barn och unga")
    assert refused.value.message == m.V_ACCOUNT_NAME_CITY
    assert saves.records == []


def test_the_deputy_must_differ_from_the_responsible(checklist: Checklist) -> None:
    flow = Flow(checklist, acknowledged(checklist), save=Saves())
    flow.apply("step2.responsible.name", "Erik Berg")
    assert flow.check("step2.deputy.name", "erik berg") == m.V_DEPUTY_SAME
    assert flow.check("step2.deputy.name", "Sara Holm") is None


@pytest.mark.parametrize(
    ("typed", "read"), [("1 500", 1500.0), ("2,5", 2.5), (" 3 ", 3.0), ("1.5", 1.5)]
)
def test_numbers_are_read_the_swedish_way(checklist: Checklist, typed: str, read: float) -> None:
    """The model reads numbers as typed at the prompt, so an answers file may use them too."""
    flow = Flow(checklist, acknowledged(checklist), save=Saves())
    assert flow.check("step4.monitoring_per_day", "3") is None
    goal = {
        "description": "Fler besök",
        "effect": "informerad",
        "indicator": "Besök",
        "target": typed,
        "unit": "besök",
        "deadline": "2030-12-31",
        "data_source": "Statistik",
    }
    from kontoguide.model.parts import Goal

    assert Goal.model_validate(goal, context=make_context(checklist)).target == read


# --- conditions and cautions -------------------------------------------------------------------


def test_a_caution_is_shown_and_confirmed_and_conditional_questions_follow(
    checklist: Checklist,
) -> None:
    answers = {**ANSWERS, "step3.platform": "tiktok"}
    script = script_for(checklist, answers, fields=["step3.platform"])
    script["Vill du ändå välja TikTok?"] = ["nej", "ja"]
    script["Vilken plattform ska kontot finnas på?"] = ["tiktok", "tiktok"]
    script["Kommer kontot att skötas från en separat enhet?"] = ["ja"]
    script["Har säkerhetsfunktionen godkänt att kontot finns på TikTok?"] = ["ja"]
    script["Varför passar plattformen syftet, målen och målgrupperna?"] = [INTERRUPT]
    record = acknowledged(checklist)
    flow, conversation, _asker, screen, _ = make(checklist, script, record)
    flow.passed.update(f for f in fields_of(checklist, "basics", "step1", "step2"))

    with pytest.raises(KeyboardInterrupt):
        conversation.run()

    cautions = [n.text for n in screen.of(Note) if n.tone == "caution"]
    assert len(cautions) == 2 and "TikTok" in cautions[0]
    assert flow.record.step3.tiktok_security_signoff is True

    # Switching to Instagram: the TikTok answers leave the checklist but are kept aside.
    flow.apply("step3.platform", "instagram")
    assert flow.record.step3.tiktok_separate_device is None
    assert flow.record.set_aside["step3.tiktok_separate_device"] is True


def test_a_question_whose_condition_fails_is_not_asked(checklist: Checklist) -> None:
    answers = {**ANSWERS, "step1.existing_accounts_found": False}
    script = script_for(checklist, answers, fields=fields_of(checklist, "basics", "step1"))
    script["Vad är syftet med kontot?"] = [INTERRUPT]
    _flow, conversation, asker, _, _ = make(checklist, script)
    with pytest.raises(KeyboardInterrupt):
        conversation.run()
    assert "Vilka konton har du hittat?" not in asker.asked
    assert "Vad heter kontot?" not in asker.asked


# --- lists -----------------------------------------------------------------------------------


def _team_flow(checklist: Checklist) -> tuple[Flow, Conversation, ScriptedAsker, RecordingScreen]:
    record = acknowledged(checklist)
    flow, conversation, asker, screen, _ = make(checklist, {}, record)
    return flow, conversation, asker, screen


def _person(asker: ScriptedAsker, name: str, role: str, email: str, admin: str) -> None:
    asker.add("Vad heter personen?", name)
    asker.add("Vilken roll har personen?", role)
    asker.add("Vilken e-postadress har personen?", email)
    asker.add("Ska personen ha administratörsbehörighet?", admin)


def test_a_list_adds_changes_and_removes_items_and_checks_the_whole_list(
    checklist: Checklist,
) -> None:
    flow, conversation, asker, screen = _team_flow(checklist)
    team = checklist.question("step4.team")
    _person(asker, "Erik Berg", "agare", "erik.berg@stockholm.se", "ja")
    _person(asker, "Sara Holm", "redaktor", "sara.holm@", "nej")
    asker.add("Vilken e-postadress har personen?", "sara.holm@stockholm.se")
    _person(asker, "Pia Ek", "analytiker", "pia.ek@stockholm.se", "nej")
    # add two more, try to close (one admin only: refused), change Sara to admin,
    # remove Pia, close.
    asker.add(LIST_MENU, "add", "add", "done", "change", "remove", "done")
    # Only Sara's admin right is changed: the item, then the field.
    asker.add(m.Q_LIST_WHICH_CHANGE, "1")
    asker.add(m.Q_ITEM_WHICH_FIELD.format(item="Sara Holm"), "admin")
    asker.add("Ska personen ha administratörsbehörighet?", "ja")
    asker.add(m.Q_LIST_WHICH_REMOVE, "2")
    asker.add("Ta bort ”Pia Ek · Analytiker · inte administratör”?", "ja")

    conversation.ask_list(team)

    assert asker.left() == {}
    admins = m.Q_ADMINS_NOW.format(names="”Erik Berg”")
    assert (LIST_MENU, f"{m.V_TWO_ADMINS.format(count=1)} {admins}") in asker.refused
    assert ("Vilken e-postadress har personen?", m.V_EMAIL) in asker.refused
    assert [member["name"] for member in flow.items(team)] == ["Erik Berg", "Sara Holm"]
    assert all(member["admin"] for member in flow.items(team))
    assert [e.number for e in screen.of(ItemStarted)] == [1, 2, 3]
    assert team.field in flow.passed


def test_an_empty_required_list_cannot_be_closed(checklist: Checklist) -> None:
    flow = Flow(checklist, acknowledged(checklist), save=Saves())
    goals = checklist.question("step2.goals")
    assert flow.list_done_problem(goals) == m.V_MIN_ITEMS.format(item="mål")


def test_removing_the_last_item_leaves_the_list_unanswered(checklist: Checklist) -> None:
    flow = Flow(checklist, acknowledged(checklist), save=Saves())
    groups = checklist.question("step2.target_groups")
    flow.add_item(groups, dict(ANSWERS["step2.target_groups"][0]))
    flow.remove_item(groups, 0)
    assert flow.record.step2.target_groups is None


def test_a_list_that_was_last_answered_is_opened_again_on_resume(checklist: Checklist) -> None:
    flow = Flow(checklist, acknowledged(checklist), save=Saves())
    fields = fields_of(checklist, "basics", "step1")
    for field in fields[: fields.index("step1.existing_accounts") + 1]:
        flow.apply(field, ANSWERS[field])
    assert flow.is_answered("step1.existing_accounts")
    found = Flow(checklist, flow.record, save=Saves()).next_question()
    assert found is not None and found[1].field == "step1.existing_accounts"


# --- optional questions -------------------------------------------------------------------------


def _optional_case_number(checklist: Checklist, folder: Path) -> Checklist:
    """A variant of the checklist whose case number is an optional question (the
    standard one asks for it, or for the choice that there is none yet)."""
    assert checklist.source is not None
    text = checklist.source.read_text(encoding="utf-8")
    status = text.index('field = "step5.case_number_status"')
    start = text.rindex("[[sections.questions]]", 0, status)
    end = text.index("[[sections.questions]]", status)
    text = text[:start] + text[end:]
    condition = 'when = { field = "step5.case_number_status", equals = ["finns"] }'
    assert condition in text
    path = folder / f"{checklist.id}.toml"
    path.write_text(text.replace(condition, "required = false"), encoding="utf-8")
    return load_checklist_file(path)


def test_an_optional_question_left_empty_is_not_asked_again(
    checklist: Checklist, tmp_path: Path
) -> None:
    checklist = _optional_case_number(checklist, tmp_path)
    flow = Flow(checklist, _ready_record(checklist), save=Saves(), stage="decided")
    for field in ("step5.outcome", "step5.decision_date"):
        flow.apply(field, DECISION[field])
    asker = ScriptedAsker(
        {
            "Vilket diarienummer har beslutet?": [""],
            "Enligt vilken punkt i delegationsordningen fattades beslutet?": [""],
            "Hur motiveras beslutet?": [DECISION["step5.motivation"]],
        }
    )
    asker.add("När ska kontot prövas igen?", INTERRUPT)
    with pytest.raises(KeyboardInterrupt):
        Conversation(flow, asker, RecordingScreen()).run()
    assert flow.record.step5.case_number is None
    # Passed in this session; and on resume it counts as passed once a later answer exists.
    flow.apply("step5.next_review", DECISION["step5.next_review"])
    resumed = Flow(checklist, flow.record, save=Saves(), stage="decided")
    assert resumed.next_question() is None


# --- answers set aside ------------------------------------------------------------------------


def test_a_set_aside_answer_is_asked_again_with_the_old_value_and_the_reason(
    checklist: Checklist,
) -> None:
    data = acknowledged(checklist).model_dump(mode="json")
    data["set_aside"] = {"step1.comms_contact.email": "anna.lind@"}
    record = Record.model_validate(data)
    email = "Vilken e-postadress har hen?"
    flow, conversation, asker, screen, saves = make(checklist, {email: ["anna.lind@stockholm.se"]})
    flow = Flow(checklist, record, save=saves)
    conversation = Conversation(flow, asker, screen)

    assert flow.has_set_aside(checklist.question("step1.comms_contact.email"))
    section = checklist.sections[1]
    conversation.ask(section, checklist.question("step1.comms_contact.email"))

    assert asker.prompts[0].default == "anna.lind@"
    notes = [n.text for n in screen.of(Note)]
    assert any("anna.lind@" in text and m.V_EMAIL in text for text in notes)
    assert saves.last.set_aside == {}
    assert saves.last.step1.comms_contact.email == "anna.lind@stockholm.se"


def test_an_answer_that_breaks_another_sets_it_aside_to_be_asked_again(
    checklist: Checklist,
) -> None:
    flow = Flow(checklist, acknowledged(checklist), save=Saves())
    for field in ("step2.responsible.name", "step2.deputy.name", "step2.deputy.title"):
        flow.apply(field, ANSWERS[field])

    displaced = flow.apply("step2.responsible.name", "Sara Holm")

    assert [p.message for p in displaced] == [m.V_DEPUTY_SAME]
    assert flow.record.step2.deputy.name is None
    assert flow.set_aside_for("step2.deputy.title") == ("step2.deputy", "Bibliotekarie")
    # Answering the deputy again clears what was set aside, field by field.
    flow.apply("step2.deputy.name", "Lars Ek")
    flow.apply("step2.deputy.title", "Bibliotekarie")
    assert flow.record.set_aside == {}


def test_a_set_aside_list_item_is_asked_again_with_its_old_answers(checklist: Checklist) -> None:
    old_goal = {**ANSWERS["step2.goals"][0], "deadline": "2020-01-01"}
    data = acknowledged(checklist).model_dump(mode="json")
    data["set_aside"] = {"step2.goals[0]": old_goal}
    record = Record.model_validate(data)
    script = script_for(checklist, ANSWERS, fields=["step2.goals"])
    flow, conversation, asker, screen, saves = make(checklist, script, record)

    conversation.ask_list(checklist.question("step2.goals"))

    # Only the answer that no longer holds is asked, with the old value to correct.
    assert asker.asked[0] == "När ska målet vara nått?"
    assert asker.prompts[0].default == "2020-01-01"
    assert "Vad är målet?" not in asker.asked
    assert any("2020-01-01" in n.text and "Ange ett datum efter" in n.text for n in screen.of(Note))
    assert saves.last.set_aside == {}
    assert len(flow.items(checklist.question("step2.goals"))) == 1


# --- summary, change and completion -------------------------------------------------------------


def _complete_record(checklist: Checklist) -> Record:
    flow, conversation, *_ = make(checklist, full_script(checklist))
    conversation.review()
    return flow.record


_ready_record = _complete_record


def test_change_any_answer_from_the_review(checklist: Checklist) -> None:
    record = _complete_record(checklist)
    script = {
        REVIEW_READY: ["step3", "complete"],
        m.Q_STEP_WHICH_ANSWER: ["step3.statistics.year"],
        "Från vilket år är statistiken?": ["2026"],
    }
    _flow, conversation, asker, _, saves = make(checklist, script, record)

    assert conversation.review() is True
    assert asker.prompts[2].default == "2025"
    assert saves.last.step3.statistics.year == 2026
    assert saves.last.status == "ready"


def test_the_state_follows_the_answers(checklist: Checklist) -> None:
    record = _complete_record(checklist)
    flow = Flow(checklist, record, save=Saves())
    flow.apply("step4.response_time", "Inom två timmar")
    assert flow.record.status == "ready"
    # The deputy is now the responsible person: set aside, so the checklist is a draft.
    flow.apply("step2.responsible.name", "Sara Holm")
    assert flow.record.status == "draft"


def test_completion_waits_for_every_problem_to_be_fixed(checklist: Checklist) -> None:
    record = _complete_record(checklist)
    # A year later the goal's deadline has passed: the review shows it and asks again.
    later = date.today() + timedelta(days=400)
    script = {
        REVIEW_PROBLEMS: ["fix"],
        LIST_MENU: ["change", "done"],
        m.Q_LIST_WHICH_CHANGE: ["0"],
        m.Q_ITEM_WHICH_FIELD.format(item=shorten(ANSWERS["step2.goals"][0]["description"], 40)): [
            "deadline"
        ],
        "När ska målet vara nått?": [(later + timedelta(days=100)).isoformat()],
        REVIEW_READY: ["later"],
    }
    flow, conversation, _asker, _, saves = make(checklist, script, record, today=later)
    with pytest.raises(Refused):
        flow.complete()

    assert conversation.review() is False
    assert flow.completion_problems() == []
    assert saves.last.status == "ready"


def test_the_summary_lists_every_applicable_question_per_part(checklist: Checklist) -> None:
    record = _complete_record(checklist)
    flow = Flow(checklist, record, save=Saves())
    summary = flow.summary()
    assert [s.section.id for s in summary] == [s.id for s in checklist.sections_upto("ready")]
    assert all(s.state == "done" for s in summary)
    step3 = summary[3]
    labels = [row.label for row in step3.rows]
    assert "Vilken annan plattform?" not in labels  # not applicable for Instagram
    answers = {row.field: row.answer for row in step3.rows}
    assert answers["step3.platform"] == "Instagram"
    goals = {row.field: row.answer for row in summary[2].rows}["step2.goals"]
    assert goals is not None and goals.startswith("1. Fler familjer")


def test_the_summary_shows_text_over_several_lines_as_written(checklist: Checklist) -> None:
    data = _complete_record(checklist).model_dump(mode="json")
    data["step2"]["purpose"] = "Göra fler unga medvetna.\nKontot ska vara en plats för boktips."
    data["step1"]["existing_accounts"][0]["comment"] = "Första raden.\nAndra raden."
    record = Record.model_validate(data)
    summary = Flow(checklist, record, save=Saves()).summary()
    console = Console(file=io.StringIO(), width=100, no_color=True)
    for part in summary[1:3]:
        table = summary_table(part)
        assert table is not None
        console.print(table)
    file = console.file
    assert isinstance(file, io.StringIO)
    lines = file.getvalue().splitlines()

    def below(first: str, second: str) -> bool:
        """`second` starts on the line after `first`, in the same column."""
        at = next(i for i, line in enumerate(lines) if first in line)
        return lines[at + 1].find(second) == lines[at].find(first) >= 0

    # Free text keeps its words together (not split into a number column and the rest).
    assert below("Göra fler unga medvetna.", "Kontot ska vara en plats för boktips.")
    # In a list item, a second line stays under the item's other answers.
    assert below("Kommentar: Första raden.", "Andra raden.")


def test_an_unfinished_item_survives_an_interruption_and_continues(checklist: Checklist) -> None:
    goals = checklist.question("step2.goals")
    goal = ANSWERS["step2.goals"][0]
    first = {
        "Vad är målet?": [goal["description"]],
        "Vilken effekt ska målet ge hos målgruppen?": [goal["effect"]],
        "Vilket nyckeltal mäter du?": [goal["indicator"]],
        "Vilket är utgångsvärdet i dag?": [INTERRUPT],
    }
    _flow, conversation, _asker, _, saves = make(checklist, first)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(goals)
    assert saves.last.set_aside["step2.goals[new]"] == {
        "description": goal["description"],
        "effect": goal["effect"],
        "indicator": goal["indicator"],
    }

    # Next session: only the rest of the item is asked, then it joins the list.
    rest = script_for(checklist, {"step2.goals": [goal]})
    for label in first:
        if label != "Vilket är utgångsvärdet i dag?":
            del rest[label]
    flow2, conversation2, asker2, screen2, saves2 = make(checklist, rest, saves.last)
    assert flow2.next_question() is not None
    conversation2.ask_list(goals)
    assert asker2.left() == {}
    assert asker2.asked[0] == "Vilket är utgångsvärdet i dag?"
    assert saves2.last.set_aside == {}
    assert saves2.last.step2.goals is not None and len(saves2.last.step2.goals) == 1
    assert any("Fler familjer" in note.text for note in screen2.of(Note))


def test_the_same_answer_again_does_not_save(checklist: Checklist) -> None:
    saves = Saves()
    flow = Flow(checklist, _ready_record(checklist), save=saves)
    unit = flow.record.organisation.unit

    assert flow.apply("organisation.unit", unit) == []
    assert saves.records == []

    # A unit the proposed account name still shows (the name must name the unit).
    flow.apply("organisation.unit", "Stadsbiblioteket, unga vuxna")
    assert len(saves.records) == 1
    assert saves.last.status == "ready"


def test_an_unchanged_item_change_does_not_save(checklist: Checklist) -> None:
    saves = Saves()
    flow = Flow(checklist, _ready_record(checklist), save=saves)
    groups = checklist.question("step2.target_groups")
    stored = flow.items(groups)[0]

    flow.keep_item_change(groups, 0, dict(stored))  # the change is saved as it goes
    flow.replace_item(groups, 0, dict(stored), resolves=change_key(groups))
    assert change_key(groups) not in flow.record.set_aside
    assert saves.last.status == "ready"
    assert saves.last.step2.target_groups == flow.record.step2.target_groups


def _goal_labels(checklist: Checklist) -> dict[str, str]:
    return {spec.field: spec.label for spec in checklist.question("step2.goals").fields}


def test_a_set_aside_item_being_put_right_is_saved_answer_by_answer(checklist: Checklist) -> None:
    goals = checklist.question("step2.goals")
    label = _goal_labels(checklist)
    old_goal = {**ANSWERS["step2.goals"][0], "deadline": "2020-01-01"}
    del old_goal["data_source"]
    data = acknowledged(checklist).model_dump(mode="json")
    data["set_aside"] = {"step2.goals[0]": old_goal}
    record = Record.model_validate(data)
    first = {label["deadline"]: [day(400)], label["data_source"]: [INTERRUPT]}
    _flow, conversation, _asker, _, saves = make(checklist, first, record)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(goals)
    assert saves.last.set_aside == {"step2.goals[0]": {**old_goal, "deadline": day(400)}}

    # Next session: the corrected deadline is kept, only the missing answer is asked.
    rest = {label["data_source"]: ["Statistikverktyget"], LIST_MENU: ["done"]}
    flow2, conversation2, asker2, _, saves2 = make(checklist, rest, saves.last)
    conversation2.ask_list(goals)
    assert asker2.asked == [label["data_source"], LIST_MENU]
    assert saves2.last.set_aside == {}
    (goal,) = flow2.items(goals)
    assert goal["deadline"] == day(400) and goal["data_source"] == "Statistikverktyget"


def test_a_change_to_an_item_is_saved_answer_by_answer_and_continues(
    checklist: Checklist,
) -> None:
    goals = checklist.question("step2.goals")
    label = _goal_labels(checklist)
    old_goal = ANSWERS["step2.goals"][0]
    data = acknowledged(checklist).model_dump(mode="json")
    data["step2"]["goals"] = [old_goal]
    record = Record.model_validate(data)
    first = {
        LIST_MENU: ["change"],
        m.Q_LIST_WHICH_CHANGE: ["0"],
        m.Q_ITEM_WHICH_FIELD.format(item=shorten(old_goal["description"], 40)): [_ALL_FIELDS],
        label["description"]: ["Fler unga lånar böcker"],
        label["effect"]: [old_goal["effect"]],
        label["indicator"]: ["Antal lån"],
        label["baseline"]: [INTERRUPT],
    }
    flow, conversation, _asker, _, saves = make(checklist, first, record)
    before = flow.items(goals)
    with pytest.raises(KeyboardInterrupt):
        conversation.ask_list(goals)
    # The list keeps the whole old item; the change so far is saved beside it.
    assert flow.items(goals) == before
    entry = saves.last.set_aside["step2.goals[edit]"]
    assert entry["answers"] == {
        "description": "Fler unga lånar böcker",
        "effect": old_goal["effect"],
        "indicator": "Antal lån",
    }

    # Next session: the change goes on from the first answer not given.
    rest = script_for(checklist, {"step2.goals": [old_goal]})
    for field in ("description", "effect", "indicator"):
        del rest[label[field]]
    flow2, conversation2, asker2, screen2, saves2 = make(checklist, rest, saves.last)
    assert flow2.has_set_aside(goals)
    conversation2.ask_list(goals)
    assert asker2.left() == {}
    assert asker2.asked[0] == label["baseline"]
    assert saves2.last.set_aside == {}
    (goal,) = flow2.items(goals)
    assert goal["description"] == "Fler unga lånar böcker" and goal["indicator"] == "Antal lån"
    assert any("Fler familjer" in note.text for note in screen2.of(Note))


def test_text_where_a_list_item_belongs_is_shown_as_the_items_first_answer(
    checklist: Checklist,
) -> None:
    data = acknowledged(checklist).model_dump(mode="json")
    data["set_aside"] = {"step2.goals[0]": "Fler som lånar e-böcker"}
    record = Record.model_validate(data)
    flow, _conversation, _asker, _screen, _saves = make(checklist, {}, record)
    goals = checklist.question("step2.goals")
    first = goals.fields[0].field
    assert flow.set_aside_items(goals) == [("step2.goals[0]", {first: "Fler som lånar e-böcker"})]
    assert flow.has_set_aside(goals)
