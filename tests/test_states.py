"""The record's states through the conversation, with a scripted asker: for each
transition one run that passes and one that is refused and asked again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.parts import NoticeAck
from kontoguide.model.record import Record
from kontoguide.model.steps import add_months
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Facts, Heading, Note, SectionStarted
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.follow_up import FollowUpDialogue
from kontoguide.questionnaire.follow_up_answers import UNFINISHED_FOLLOW_UP
from kontoguide.questionnaire.prompting import Option, Prompt
from kontoguide.questionnaire.session import Refused
from kontoguide.store.drafts import new_record
from scenario import (
    CLOSING_ASKED,
    DECISION,
    INTERRUPT,
    STAGE_CHECK,
    START,
    RecordingScreen,
    Saves,
    ScriptedAsker,
    day,
    full_script,
    script_for,
    started_example,
)
from state_support import state_checked_per_stage  # noqa: F401  (every state checked per stage)

BACK = "\x00tillbaka"
A_YEAR_ON = add_months(date.today(), 12).isoformat()
FU = m.FU_LABELS
MENU_PAUSE = f"{m.V_YES_CLOSING_ARCHIVED} {m.Q_PAUSE_TO_DO_IT}"


def talk(
    checklist: Checklist, record: Record, stage: str, script: dict[str, list[Any]]
) -> tuple[Flow, Conversation, ScriptedAsker, RecordingScreen, Saves]:
    saves = Saves()
    flow = Flow(checklist, record, save=saves, stage=stage)
    asker = ScriptedAsker(script)
    screen = RecordingScreen()
    return flow, Conversation(flow, asker, screen), asker, screen, saves


def ready_record(checklist: Checklist, *, ready_days_ago: int = 0) -> Record:
    """The scenario walked to "klar för beslut" (that long ago, by its history)."""
    record = new_record(checklist, "test1234")
    record = record.model_copy(
        update={"notice": NoticeAck(acknowledged=True, acknowledged_at=record.created_at)}
    )
    flow, conversation, *_ = talk(checklist, record, "ready", full_script(checklist))
    assert conversation.review() is True
    record = flow.record
    assert record.status == "ready"
    back = timedelta(days=ready_days_ago)
    history = [entry.model_copy(update={"at": entry.at - back}) for entry in record.history]
    return record.model_copy(update={"history": history})


def answered(checklist: Checklist, record: Record, stage: str, answers: dict[str, Any]) -> Record:
    flow = Flow(checklist, record, save=Saves(), stage=stage)
    for field, value in answers.items():
        flow.apply(field, value)
    return flow.record


def decided(checklist: Checklist, **changes: Any) -> Record:
    return answered(checklist, ready_record(checklist), "decided", {**DECISION, **changes})


# --- ready: the questionnaire ends when the checklist is ready for a decision ----------------


def test_the_questionnaire_asks_who_decides_and_nothing_of_the_decision(
    checklist: Checklist,
) -> None:
    record = ready_record(checklist)
    assert record.step5.decision_maker.title == "Enhetschef"
    assert record.step5.outcome is None
    assert [entry.what for entry in record.history] == ["draft", "ready"]


def test_without_who_decides_the_checklist_is_not_ready(checklist: Checklist) -> None:
    record = ready_record(checklist)
    flow = Flow(checklist, record, save=Saves())
    flow.apply("step5.decision_maker.title", None)
    assert flow.record.status == "draft"
    with pytest.raises(Refused):
        flow.complete()


class OfferedAsker(ScriptedAsker):
    """Remembers the options of every choice."""

    def __init__(self, script: dict[str, list[Any]]) -> None:
        super().__init__(script)
        self.offered: dict[str, list[str]] = {}

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str:
        self.offered[prompt.message] = [option.value for option in options]
        return super().select(prompt, options)


@pytest.mark.parametrize(
    ("stage", "parts"),
    [
        ("ready", ["basics", "step1", "step2", "step3", "step4", "step5"]),
        ("started", ["basics", "step1", "step2", "step3", "step4", "step5", "decision", "start"]),
    ],
)
def test_the_change_menu_offers_only_the_parts_up_to_the_stage(
    checklist: Checklist, stage: str, parts: list[str]
) -> None:
    record = ready_record(checklist) if stage == "ready" else started_example(checklist)
    asker = OfferedAsker({m.Q_CHANGE_WHICH_STEP: [BACK]})
    flow = Flow(checklist, record, save=Saves(), stage=stage)
    conversation = Conversation(flow, asker, RecordingScreen())
    assert conversation.change() is False
    assert asker.offered[m.Q_CHANGE_WHICH_STEP] == [*parts, BACK]


# --- decided -----------------------------------------------------------------------------------


def test_the_decision_is_asked_in_its_own_part_and_the_record_is_decided(
    checklist: Checklist,
) -> None:
    script = {**script_for(checklist, DECISION), STAGE_CHECK: ["done"]}
    _flow, conversation, asker, screen, saves = talk(
        checklist, ready_record(checklist), "decided", script
    )

    assert conversation.walk() is True

    assert asker.left() == {}
    assert asker.refused == []
    assert [e.section.id for e in screen.of(SectionStarted)] == ["decision"]
    assert saves.last.status == "decided"
    assert saves.last.step5.outcome == "godkant"
    assert [entry.what for entry in saves.last.history][-1] == "decided"


def test_a_decision_dated_before_the_ready_day_is_refused_and_asked_again(
    checklist: Checklist,
) -> None:
    record = ready_record(checklist, ready_days_ago=10)
    script = {
        **script_for(checklist, DECISION),
        "När fattades beslutet?": [day(-11), day(1), day(-10)],
        STAGE_CHECK: ["done"],
    }
    flow, conversation, asker, *_ = talk(checklist, record, "decided", script)

    assert conversation.walk() is True

    assert asker.refused == [
        ("När fattades beslutet?", m.V_DECIDED_BEFORE_READY.format(ready=day(-10))),
        ("När fattades beslutet?", m.V_DATE_NOT_FUTURE.format(today=day(0))),
    ]
    assert flow.record.step5.decision_date == date.today() - timedelta(days=10)
    assert flow.record.status == "decided"


def test_an_approval_needs_a_review_within_twelve_months(checklist: Checklist) -> None:
    late = day(400)
    script = {
        **script_for(checklist, DECISION),
        "När ska kontot prövas igen?": [day(0), late, day(300)],
        STAGE_CHECK: ["done"],
    }
    flow, conversation, asker, *_ = talk(checklist, ready_record(checklist), "decided", script)
    assert conversation.walk() is True
    assert [message for _, message in asker.refused] == [
        m.V_REVIEW_AFTER_DECISION.format(decision=day(0)),
        m.V_REVIEW_WITHIN_YEAR.format(latest=A_YEAR_ON),
    ]
    assert flow.record.status == "decided"


def test_a_rejection_asks_for_the_motivation_and_no_review(checklist: Checklist) -> None:
    answers = {**DECISION, "step5.outcome": "avslaget", "step5.next_review": None}
    script = {
        **script_for(checklist, answers),
        "Hur motiveras beslutet?": ["", "Stadens gemensamma konto räcker för målgruppen."],
        STAGE_CHECK: ["done"],
    }
    del script["När ska kontot prövas igen?"]
    flow, conversation, asker, *_ = talk(checklist, ready_record(checklist), "decided", script)

    assert conversation.walk() is True

    assert asker.left() == {}
    assert ("Hur motiveras beslutet?", m.V_TEXT_EMPTY) in asker.refused
    assert flow.record.status == "decided"
    assert flow.record.step5.next_review is None


def test_a_new_decision_asks_every_decision_answer_again_and_can_change_the_outcome(
    checklist: Checklist,
) -> None:
    rejected = decided(
        checklist,
        **{
            "step5.outcome": "uppskjutet",
            "step5.next_review": None,
            "step5.motivation": "Vänta tills arkiveringen är ordnad.",
        },
    )
    script = {
        "Vad blev beslutet?": ["godkant"],
        "När fattades beslutet?": [day(0)],
        "Har beslutet ett diarienummer?": ["finns"],
        "Vilket diarienummer har beslutet?": ["KUF 2026/2000"],
        "Enligt vilken punkt i delegationsordningen fattades beslutet?": [""],
        "Hur motiveras beslutet?": ["Arkiveringen är ordnad nu."],
        "När ska kontot prövas igen?": [day(200)],
        STAGE_CHECK: ["done"],
    }
    flow, conversation, asker, *_ = talk(checklist, rejected, "decided", script)

    conversation.redo()
    assert conversation.walk() is True

    assert asker.left() == {}
    # The current answers are offered as they were.
    assert asker.prompts[0].default == "uppskjutet"
    assert asker.prompts[3].default == "KUF 2026/1187"
    # Every outcome has its reason: the earlier one is offered for the new decision.
    assert asker.prompts[5].default == "Vänta tills arkiveringen är ordnad."
    step5 = flow.record.step5
    assert (step5.outcome, step5.case_number, step5.motivation) == (
        "godkant",
        "KUF 2026/2000",
        "Arkiveringen är ordnad nu.",
    )
    assert "step5.motivation" not in flow.record.set_aside


def test_the_answers_of_a_decision_can_be_changed_before_they_are_left(
    checklist: Checklist,
) -> None:
    script = {
        **script_for(checklist, DECISION),
        STAGE_CHECK: ["change", "done"],
        m.Q_CHANGE_WHICH_QUESTION: ["step5.case_number"],
    }
    script["Vilket diarienummer har beslutet?"].append("KUF 2026/9999")
    flow, conversation, asker, *_ = talk(checklist, ready_record(checklist), "decided", script)
    assert conversation.walk() is True
    assert asker.left() == {}
    # A single part: no question about which part.
    assert m.Q_CHANGE_WHICH_STEP not in asker.asked
    assert flow.record.step5.case_number == "KUF 2026/9999"


# --- started -----------------------------------------------------------------------------------


def test_the_start_is_asked_after_an_approval_and_the_record_is_started(
    checklist: Checklist,
) -> None:
    script = {**script_for(checklist, START), STAGE_CHECK: ["done"]}
    _flow, conversation, asker, screen, saves = talk(
        checklist, decided(checklist), "started", script
    )

    assert conversation.walk() is True

    assert asker.left() == {}
    assert [e.section.id for e in screen.of(SectionStarted)] == ["start"]
    assert saves.last.status == "started"
    assert saves.last.start.address == "@stadsbiblioteketunga"


def test_a_start_before_the_decision_is_refused_and_asked_again(checklist: Checklist) -> None:
    record = answered(checklist, ready_record(checklist, ready_days_ago=5), "decided", DECISION)
    script = {
        **script_for(checklist, START),
        "Vilket datum startade kontot?": [day(-1), day(0)],
        STAGE_CHECK: ["done"],
    }
    flow, conversation, asker, *_ = talk(checklist, record, "started", script)
    assert conversation.walk() is True
    assert asker.refused == [
        (
            "Vilket datum startade kontot?",
            m.V_START_BEFORE_DECISION.format(day=day(-1), decision=day(0)),
        )
    ]
    assert flow.record.status == "started"


@pytest.mark.parametrize("outcome", ["avslaget", "uppskjutet"])
def test_a_start_after_a_rejected_or_postponed_decision_is_impossible(
    checklist: Checklist, outcome: str
) -> None:
    record = decided(
        checklist,
        **{
            "step5.outcome": outcome,
            "step5.next_review": None,
            "step5.motivation": "Inte nu.",
        },
    )
    flow = Flow(checklist, record, save=Saves(), stage="started")
    with pytest.raises(Refused) as refused:
        flow.apply("start.started_on", day(0))
    assert refused.value.message == m.V_START_NEEDS_APPROVAL
    assert flow.record.status == "decided"


# --- closed ------------------------------------------------------------------------------------


def test_closing_confirms_the_routine_and_refuses_a_no(checklist: Checklist) -> None:
    record = started_example(checklist)
    script = {
        **CLOSING_ASKED,
        "Vilket datum avslutades kontot?": [day(-191), day(0)],
        "Är kontots innehåll arkiverat?": ["nej", "ja"],
        "Har kommunikationsfunktionen fått veta att kontot avslutas?": ["ja"],
        "Är kontot borttaget ur stadens förteckning över konton?": ["ja"],
        STAGE_CHECK: ["done"],
    }
    flow, conversation, asker, *_ = talk(checklist, record, "closed", script)

    assert conversation.walk() is True

    assert asker.refused == [
        (
            "Vilket datum avslutades kontot?",
            m.V_CLOSED_BEFORE_START.format(closed=day(-191), start=day(-190)),
        ),
        ("Är kontots innehåll arkiverat?", MENU_PAUSE),
    ]
    assert flow.record.status == "closed"


# --- follow-ups ---------------------------------------------------------------------------------


def fu_script(**changes: list[Any]) -> dict[str, list[Any]]:
    """A follow-up of the example's two goals, as answers per label."""
    script: dict[str, list[Any]] = {
        FU["held_on"]: [day(0)],
        FU["carried_out_by"]: ["Amir Haddad"],
        FU["value"]: ["250", "44,5"],
        FU["measured_on"]: [day(-2), day(-1)],
        FU["comment"]: ["Fler anmälningar efter filmerna.", ""],
        FU["assessment"]: ["Kontot når fler, men målen är inte nådda."],
        FU["conclusion"]: ["andra"],
        FU["next_review"]: [day(90)],
        m.FU_CONFIRM: ["save"],
    }
    script.update(changes)
    return script


def test_a_follow_up_asks_every_goal_and_is_added_whole(checklist: Checklist) -> None:
    record = started_example(checklist)
    _flow, conversation, asker, screen, saves = talk(checklist, record, "started", fu_script())

    item = FollowUpDialogue(conversation).run()

    assert item is not None
    assert asker.left() == {}
    assert asker.refused == []
    follow_ups = saves.last.follow_ups or []
    assert len(follow_ups) == 2
    new = follow_ups[1]
    assert [(x.goal, x.value) for x in new.measurements] == [(1, 250), (2, 44.5)]
    assert new.measurements[1].comment is None
    assert new.conclusion == "andra"
    # The first follow-up, the decision and the goals are as they were.
    assert follow_ups[0] == record.follow_ups[0]  # type: ignore[index]
    assert saves.last.step5 == record.step5 and saves.last.step2 == record.step2
    assert UNFINISHED_FOLLOW_UP not in saves.last.set_aside
    assert saves.last.history[-1].what == "followed_up"
    # Each goal is shown with what it measures before its value is asked.
    (heading,) = screen.of(Heading)
    assert heading.title == m.FU_TITLE.format(number=2)
    goals = [f for f in screen.of(Facts) if f.title.startswith("Mål")]
    assert [f.title.split(":")[0] for f in goals] == ["Mål 1 av 2", "Mål 2 av 2"]
    first = dict(goals[0].rows)
    goal = record.step2.goals[0]  # type: ignore[index]
    assert goal.description in goals[0].title
    assert first[m.FU_GOAL_INDICATOR] == goal.indicator
    assert first[m.FU_GOAL_BASELINE] == f"{goal.baseline:g} {goal.unit}"
    assert first[m.FU_GOAL_TARGET] == f"{goal.target:g} {goal.unit}"
    assert first[m.FU_GOAL_LAST].startswith("210 ")  # the first follow-up's value
    # The value is asked in the goal's unit.
    value_prompt = next(p for p in asker.prompts if p.message == FU["value"])
    assert value_prompt.hint is not None and goal.unit in value_prompt.hint


def test_wrong_follow_up_answers_are_refused_with_the_reason_and_asked_again(
    checklist: Checklist,
) -> None:
    record = started_example(checklist)
    script = fu_script(
        **{
            FU["held_on"]: [day(-191), day(1), day(0)],
            FU["value"]: ["många", "250", "44,5"],
            FU["measured_on"]: [day(1), day(-2), day(-1)],
            FU["next_review"]: [day(0), day(400), day(90)],
        }
    )
    flow, conversation, asker, *_ = talk(checklist, record, "started", script)

    assert FollowUpDialogue(conversation).run() is not None

    assert asker.refused == [
        (
            FU["held_on"],
            m.V_FOLLOW_UP_BEFORE_START.format(number=2, held=day(-191), start=day(-190)),
        ),
        (FU["held_on"], m.V_DATE_NOT_FUTURE.format(today=day(0))),
        (FU["value"], m.V_NUMBER),
        (FU["measured_on"], m.V_DATE_NOT_FUTURE.format(today=day(0))),
        (FU["next_review"], m.V_REVIEW_AFTER_DECISION.format(decision=day(0))),
        (FU["next_review"], m.V_REVIEW_WITHIN_YEAR.format(latest=A_YEAR_ON)),
    ]
    assert len(flow.record.follow_ups or []) == 2


def test_a_value_measured_after_the_follow_up_is_refused(checklist: Checklist) -> None:
    record = started_example(checklist)
    script = fu_script(**{FU["held_on"]: [day(-5)], FU["measured_on"]: [day(-4), day(-6), day(-5)]})
    _flow, conversation, asker, *_ = talk(checklist, record, "started", script)
    assert FollowUpDialogue(conversation).run() is not None
    assert asker.refused == [(FU["measured_on"], m.V_MEASURED_AFTER_FOLLOW_UP.format(date=day(-5)))]


def test_a_follow_up_missing_a_goal_cannot_be_saved(checklist: Checklist) -> None:
    record = started_example(checklist)
    saves = Saves()
    flow = Flow(checklist, record, save=saves, stage="started")
    item = {
        "held_on": day(0),
        "measurements": [{"goal": 1, "value": 250, "measured_on": day(0)}],
        "assessment": "Bara det första målet mättes.",
        "conclusion": "fortsatt",
        "next_review": day(90),
    }
    with pytest.raises(Refused) as refused:
        flow.add_follow_up(item)
    assert refused.value.message == m.V_FOLLOW_UP_EVERY_GOAL.format(number=2, goals=2)
    assert saves.records == []
    # With both goals it is added.
    item["measurements"].append({"goal": 2, "value": 40, "measured_on": day(0)})
    flow.add_follow_up(item)
    assert len(saves.last.follow_ups or []) == 2


def test_a_follow_up_on_an_account_not_started_cannot_be_saved(checklist: Checklist) -> None:
    flow = Flow(checklist, decided(checklist), save=Saves(), stage="started")
    item = {
        "held_on": day(0),
        "measurements": [{"goal": 1, "value": 250, "measured_on": day(0)}],
        "assessment": "Kontot finns inte än.",
        "conclusion": "avsluta",
    }
    assert flow.check_follow_up(item) == m.V_FOLLOW_UP_NEEDS_START
    with pytest.raises(Refused):
        flow.add_follow_up(item)


def test_an_interrupted_follow_up_is_kept_and_continued(checklist: Checklist) -> None:
    record = started_example(checklist)
    first = fu_script(**{FU["comment"]: [INTERRUPT]})
    _flow, conversation, *_, saves = talk(checklist, record, "started", first)
    with pytest.raises(KeyboardInterrupt):
        FollowUpDialogue(conversation).run()
    kept = saves.last.set_aside[UNFINISHED_FOLLOW_UP]
    assert kept == {
        "held_on": day(0),
        "carried_out_by": "Amir Haddad",
        "measurements": [{"goal": 1, "value": "250", "measured_on": day(-2)}],
    }
    assert len(saves.last.follow_ups or []) == 1

    # The next session asks only what is left, then adds the follow-up.
    rest = fu_script(
        **{
            FU["held_on"]: [],
            FU["carried_out_by"]: [],
            FU["value"]: ["44,5"],
            FU["measured_on"]: [day(-1)],
            FU["comment"]: ["Första kommentaren.", ""],
        }
    )
    _flow2, conversation2, asker2, screen2, saves2 = talk(checklist, saves.last, "started", rest)
    assert FollowUpDialogue(conversation2).run() is not None
    assert asker2.left() == {}
    assert asker2.asked[0] == FU["comment"]
    assert m.FU_CONTINUING in [n.text for n in screen2.of(Note)]
    # What was answered before the interruption is shown, and only that.
    so_far = next(f for f in screen2.of(Facts) if f.title == m.FU_TITLE_SO_FAR.format(number=2))
    assert [name for name, _ in so_far.rows] == [
        m.FU_ROW_HELD,
        m.FU_ROW_BY,
        m.FU_ROW_GOAL.format(number=1),
    ]
    assert so_far.rows[2][1].startswith("250 ")
    assert UNFINISHED_FOLLOW_UP not in saves2.last.set_aside
    new = (saves2.last.follow_ups or [])[1]
    assert [x.value for x in new.measurements] == [250, 44.5]
    assert new.measurements[0].comment == "Första kommentaren."


def test_a_closing_conclusion_asks_no_next_follow_up(checklist: Checklist) -> None:
    record = started_example(checklist)
    script = fu_script(**{FU["conclusion"]: ["avsluta"], FU["next_review"]: []})
    flow, conversation, asker, screen, _ = talk(checklist, record, "started", script)
    item = FollowUpDialogue(conversation).run()
    assert item is not None and item["conclusion"] == "avsluta"
    assert FU["next_review"] not in asker.asked
    assert (flow.record.follow_ups or [])[-1].next_review is None
    assert m.FU_SAVED_CLOSE in [n.text for n in screen.of(Note)]


def test_an_answer_can_be_changed_before_the_follow_up_is_saved(checklist: Checklist) -> None:
    record = started_example(checklist)
    script = fu_script(
        **{
            m.FU_CONFIRM: ["change", "save"],
            m.FU_PICK: ["4"],  # the first goal's comment
        }
    )
    script[FU["comment"]].append("En bättre kommentar.")
    flow, conversation, asker, *_ = talk(checklist, record, "started", script)
    assert FollowUpDialogue(conversation).run() is not None
    assert asker.left() == {}
    # The old answer is offered to edit.
    last_comment = [p for p in asker.prompts if p.message == FU["comment"]][-1]
    assert last_comment.default == "Fler anmälningar efter filmerna."
    assert (flow.record.follow_ups or [])[-1].measurements[0].comment == "En bättre kommentar."


def test_an_unfinished_follow_up_can_be_thrown_away(checklist: Checklist) -> None:
    record = started_example(checklist)
    script = fu_script(**{m.FU_CONFIRM: ["drop", "drop"], m.FU_DROP_SURE: ["nej", "ja"]})
    flow, conversation, asker, *_ = talk(checklist, record, "started", script)
    assert FollowUpDialogue(conversation).run() is None
    assert asker.left() == {}
    assert UNFINISHED_FOLLOW_UP not in flow.record.set_aside
    assert len(flow.record.follow_ups or []) == 1


def test_a_hand_edited_unfinished_follow_up_is_asked_from_what_still_holds(
    checklist: Checklist,
) -> None:
    record = started_example(checklist)
    data = record.model_dump(mode="json")
    data["set_aside"] = {UNFINISHED_FOLLOW_UP: {"held_on": "igår", "measurements": "250"}}
    record = Record.model_validate(data)
    _flow, conversation, asker, screen, _ = talk(checklist, record, "started", fu_script())
    assert FollowUpDialogue(conversation).run() is not None
    assert asker.prompts[0].default == "igår"
    assert any("igår" in n.text and m.V_DATE_FORMAT in n.text for n in screen.of(Note))


def test_a_follow_up_after_the_goals_deadline_can_be_added(checklist: Checklist) -> None:
    record = started_example(checklist)
    later = date.today() + timedelta(days=400)  # the example's goals end in 365 days
    flow = Flow(checklist, record, save=Saves(), stage="started", today=later)
    held = later.isoformat()
    item = {
        "held_on": held,
        "measurements": [
            {"goal": 1, "value": 420, "measured_on": held},
            {"goal": 2, "value": 55, "measured_on": held},
        ],
        "assessment": "Målen är nådda.",
        "conclusion": "fortsatt",
        "next_review": (later + timedelta(days=90)).isoformat(),
    }
    assert flow.check_follow_up(item) is None
    flow.add_follow_up(item)
    assert flow.record.status == "started"


@pytest.mark.parametrize(
    ("interval", "months"),
    [("manadsvis", 1), ("kvartalsvis", 3), ("halvarsvis", 6), ("arsvis", 12)],
)
def test_the_next_follow_up_is_suggested_from_the_interval_of_step_2(
    checklist: Checklist, interval: str, months: int
) -> None:
    from kontoguide.model.steps import add_months

    record = started_example(checklist)
    record = record.model_copy(
        update={"step2": record.step2.model_copy(update={"follow_up": interval})}
    )
    _flow, conversation, asker, *_ = talk(checklist, record, "started", fu_script())
    assert FollowUpDialogue(conversation).run() is not None
    (asked,) = [p for p in asker.prompts if p.message == FU["next_review"]]
    assert asked.default == add_months(date.fromisoformat(day(0)), months).isoformat()
    (by,) = [p for p in asker.prompts if p.message == FU["carried_out_by"]]
    assert by.default == record.step2.responsible.name
