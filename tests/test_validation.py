"""prune (keep the valid part), problems (completeness, in checklist order), steps_done."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kontoguide.checklist.added_questions import extra_model
from kontoguide.checklist.parts import Checklist, Condition
from kontoguide.cli import messages as m
from kontoguide.model import paths
from kontoguide.model.account_life import Transition
from kontoguide.model.errortext import translate
from kontoguide.model.record import Record
from kontoguide.rules.completeness import applicable, in_checklist_order, problems, steps_done
from kontoguide.rules.field_problems import field_title
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store.drafts import with_identity

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2026, 11, 26)
IDENTITY = ("schema_version", "id", "checklist_id", "checklist_version", "created_at")


def pruned(data: dict[str, Any], checklist: Checklist) -> tuple[Record, list[str]]:
    candidate = with_identity(data, checklist, "test")
    context = make_context(checklist, today=TODAY, data=candidate)
    record, found = prune(candidate, context, keep=IDENTITY)
    return record, [p.path for p in found]


def order_of(checklist: Checklist) -> list[str]:
    return [question.field for _, question in checklist.questions()]


def position(path: str, order: list[str]) -> int:
    """Index of the question a problem belongs to (itself, a parent or a child)."""
    for index, field in enumerate(order):
        if path == field or path.startswith((field + ".", field + "[")):
            return index
        if field.startswith(path + "."):
            return index
    return -1


# --- make_context ---------------------------------------------------------------------


def test_make_context(checklist: Checklist) -> None:
    context = make_context(checklist, today=TODAY, complete=True)
    assert context == {
        "checklist": checklist,
        "today": TODAY,
        "complete": True,
        "decided_on": None,
        "review_given_on": None,
        # The model of the checklist's own questions (none in the standard).
        "extra_model": extra_model(checklist),
    }
    decided = make_context(checklist, data={"step5": {"decision_date": "2026-11-20"}})
    assert decided["decided_on"] == date(2026, 11, 20)
    assert make_context(checklist, data={"step5": {"decision_date": "inte"}})["decided_on"] is None
    assert make_context(None)["today"] == date.today()
    assert make_context(None)["complete"] is False


# --- prune ---------------------------------------------------------------------------


def test_prune_keeps_a_valid_record_whole(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    record, found = pruned(complete_answers, checklist)
    assert found == []
    assert record.set_aside == {}
    assert record.model_dump(mode="json", include={"step2"})["step2"]["goals"][0]["target"] == 400


def test_prune_sets_invalid_values_aside_and_keeps_the_rest(checklist: Checklist) -> None:
    data = {
        "organisation": {"name": "Kultur\x00förvaltningen", "unit": "Stadsbiblioteket"},
        "account_name": "Unga på Instagram",
        "step1": {
            "policy_read": False,
            "comms_contact": {"name": "Karin Sjöberg", "email": "karin.stockholm.se"},
        },
        "step3": {"platform": "myspace", "proposed_account_name": "Stadsbiblioteket Stockholm"},
    }
    record, found = pruned(data, checklist)
    assert sorted(found) == [
        "organisation.name",
        "step1.comms_contact.email",
        "step1.policy_read",
        "step3.platform",
    ]
    assert record.organisation.name is None
    assert record.organisation.unit == "Stadsbiblioteket"
    assert record.account_name == "Unga på Instagram"
    assert record.step1.comms_contact.name == "Karin Sjöberg"
    assert record.step1.comms_contact.email is None
    assert record.step1.policy_read is None
    assert record.step3.proposed_account_name == "Stadsbiblioteket Stockholm"
    assert record.set_aside == {
        "organisation.name": "Kultur\x00förvaltningen",
        "step1.comms_contact.email": "karin.stockholm.se",
        "step1.policy_read": False,
        "step3.platform": "myspace",
    }


def test_prune_sets_whole_list_items_aside(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    data = copy.deepcopy(complete_answers)
    goals = data["step2"]["goals"]
    third = {**goals[1], "description": "Ett tredje mål", "deadline": "2024-01-01"}
    goals[0]["target"] = "många"
    goals.append(third)
    record, found = pruned(data, checklist)
    assert found == ["step2.goals[0].target", "step2.goals[2].deadline"]
    assert record.step2.goals is not None
    assert [goal.description for goal in record.step2.goals] == ["Kontot når målgruppen"]
    # Set-aside items take the next free slots, in their order.
    assert record.set_aside == {"step2.goals[0]": goals[0], "step2.goals[1]": third}


def test_prune_cuts_an_item_with_a_missing_field(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    data = copy.deepcopy(complete_answers)
    del data["step4"]["team"][2]["email"]
    record, found = pruned(data, checklist)
    assert found == ["step4.team[2].email"]
    assert record.step4.team is not None and len(record.step4.team) == 2
    assert record.set_aside["step4.team[0]"]["name"] == "Sara Nyström"


def test_prune_keeps_what_was_set_aside_before(checklist: Checklist) -> None:
    candidate = {
        **with_identity({"account_name": "\x07"}, checklist, "test"),
        "set_aside": {"step1.policy_read": "kanske"},
    }
    record, _ = prune(candidate, make_context(checklist, today=TODAY), keep=IDENTITY)
    assert record.set_aside == {"step1.policy_read": "kanske", "account_name": "\x07"}


def test_prune_does_not_change_its_input(checklist: Checklist) -> None:
    data = {"organisation": {"name": "\x00"}}
    before = copy.deepcopy(data)
    pruned(data, checklist)
    assert data == before


def test_prune_raises_for_the_identity(checklist: Checklist) -> None:
    candidate = {**with_identity({}, checklist, "test"), "id": "../x"}
    with pytest.raises(ValidationError):
        prune(candidate, make_context(checklist, today=TODAY), keep=IDENTITY)


def test_prune_result_is_valid_as_a_draft(checklist: Checklist) -> None:
    data = json.loads((EXAMPLES / "med-fel.json").read_text(encoding="utf-8"))
    record, found = pruned(data, checklist)
    assert found
    again = Record.model_validate(
        record.model_dump(mode="json"), context=make_context(checklist, today=TODAY)
    )
    assert again == record


# --- problems ------------------------------------------------------------------------


def test_problems_of_an_empty_record_follow_the_checklist(checklist: Checklist) -> None:
    record, _ = pruned({}, checklist)
    found = problems(record, checklist, today=TODAY)
    data = record.model_dump(mode="json")
    # An empty record is checked as far as the decision: the questions of the stages
    # after it (the decision, the start, the closing) are not missing yet.
    expected = [
        q.field for _, q in checklist.questions("ready") if q.required and applicable(q, data)
    ]
    assert [p.path for p in found] == ["notice", *expected]
    assert "step5.decision_maker.name" in expected
    assert "step5.outcome" not in expected
    assert found[0].message == m.V_YES_NOTICE
    # Not applicable without an answer to the question they depend on.
    assert "step1.existing_accounts" not in expected
    assert "step3.tiktok_separate_device" not in expected
    # Optional questions are not problems.
    assert "step5.case_number" not in expected
    lists = {p.path: p.message for p in found if p.path == "step2.goals"}
    assert lists == {"step2.goals": m.V_MIN_ITEMS.format(item="mål")}


def test_problem_titles_name_the_field(checklist: Checklist) -> None:
    record, _ = pruned({}, checklist)
    titles = {p.path: p.title for p in problems(record, checklist, today=TODAY)}
    assert titles["step2.responsible.email"] == "Ansvarig person › E-post"
    assert titles["step1.policy_read"] == "Policyn är läst"
    assert field_title("step2.goals[1].target") == "Mätbara mål 2 › Målvärde"
    assert field_title("step9.finns") == "step9.finns"
    assert str(problems(record, checklist, today=TODAY)[1]).startswith(
        "Organisation › Typ av organisation (organisation.kind): "
    )


def test_problems_are_in_checklist_order(checklist: Checklist) -> None:
    data = json.loads((EXAMPLES / "med-fel.json").read_text(encoding="utf-8"))
    record, _ = pruned(data, checklist)
    # Make the complete-mode rules fire too (two admins, review date).
    found = problems(record, checklist, today=TODAY)
    order = order_of(checklist)
    positions = [position(p.path, order) for p in found]
    assert positions == sorted(positions)


def test_problem_of_a_whole_part_sits_at_its_first_question(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    data = copy.deepcopy(complete_answers)
    data["step2"]["deputy"]["name"] = "Amir Haddad"
    data["step2"]["follow_up"] = None
    data["step2"]["responsible"]["title"] = None
    candidate = with_identity(data, checklist, "test")
    record, invalid = prune(candidate, make_context(checklist, today=TODAY), keep=IDENTITY)
    assert [p.path for p in invalid] == ["step2.deputy"]
    assert record.set_aside["step2.deputy"]["name"] == "Amir Haddad"
    found = in_checklist_order([*problems(record, checklist, today=TODAY), *invalid], checklist)
    paths = [p.path for p in found]
    # "step2.deputy" is no question of its own: it belongs where the deputy is asked.
    assert (
        paths.index("step2.responsible.title")
        < paths.index("step2.deputy")
        < paths.index("step2.follow_up")
    )


@pytest.mark.parametrize(
    ("platform", "asked"),
    [
        ("instagram", []),
        ("tiktok", ["step3.tiktok_separate_device", "step3.tiktok_security_signoff"]),
        ("x", ["step3.x_reason"]),
        ("annan", ["step3.platform_other"]),
    ],
)
def test_conditional_questions_follow_the_platform(
    complete_answers: dict[str, Any], checklist: Checklist, platform: str, asked: list[str]
) -> None:
    data = copy.deepcopy(complete_answers)
    data["step3"]["platform"] = platform
    record, invalid = pruned(data, checklist)
    assert invalid == []
    found = problems(record, checklist, today=TODAY)
    assert [p.path for p in found] == asked
    assert all(p.message == m.V_NOT_ANSWERED for p in found)


def test_tiktok_answers_complete_the_record(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    data = copy.deepcopy(complete_answers)
    data["step3"].update(
        {"platform": "tiktok", "tiktok_separate_device": True, "tiktok_security_signoff": True}
    )
    record, invalid = pruned(data, checklist)
    assert invalid == []
    assert problems(record, checklist, today=TODAY) == []
    data["step3"]["tiktok_security_signoff"] = False
    _, invalid = pruned(data, checklist)
    assert invalid == ["step3.tiktok_security_signoff"]


def test_condition_holds() -> None:
    condition = Condition(field="step3.platform", equals=["tiktok"])
    assert condition.holds({"step3": {"platform": "tiktok"}})
    assert not condition.holds({"step3": {"platform": "instagram"}})
    assert not condition.holds({})
    several = Condition(field="a.b", equals=["x"])
    assert several.holds({"a": {"b": ["y", "x"]}})
    assert not several.holds({"a": {"b": ["y"]}})


def test_problems_use_the_given_day(complete_answers: dict[str, Any], checklist: Checklist) -> None:
    undecided = copy.deepcopy(complete_answers)
    del undecided["start"]
    undecided["step5"] = {"decision_maker": complete_answers["step5"]["decision_maker"]}
    record, _ = pruned(undecided, checklist)
    assert problems(record, checklist, today=TODAY) == []
    later = problems(record, checklist, today=date(2030, 7, 1))
    # Undecided years later: the goal's deadline has passed and the conversations
    # are no longer from the last three years.
    assert [p.path for p in later] == [
        "step1.comms_contact.date",
        "step2.goals[1].deadline",
        "step3.officer_dialogue.date",
        "step4.data_protection.dpo_date",
    ]


def test_after_the_decision_goals_are_held_to_the_decision_day(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    """A goal approved with a deadline ahead is not wrong because the deadline passed,
    nor a review date because it was reached: both are held to the day of the decision."""
    record, _ = pruned(complete_answers, checklist)
    decided = Transition(what="decided", at=datetime(2026, 11, 20, 12, tzinfo=UTC))
    record = record.model_copy(update={"history": [decided]})
    assert problems(record, checklist, today=date(2030, 7, 1)) == []
    before = copy.deepcopy(complete_answers)
    before["step2"]["goals"][1]["deadline"] = "2026-11-19"  # before the decision
    assert "step2.goals[1].deadline" in pruned(before, checklist)[1]


def test_two_admins_is_a_problem_only_for_completeness(checklist: Checklist) -> None:
    team = [{"name": "Amir Haddad", "role": "agare", "email": "a@stockholm.se", "admin": True}]
    record, invalid = pruned({"step4": {"team": team}}, checklist)
    assert invalid == []
    found = {p.path: p.message for p in problems(record, checklist, today=TODAY)}
    assert found["step4.team"] == m.V_TWO_ADMINS.format(count=1)


def test_translate_covers_builtin_errors() -> None:
    assert translate({"type": "missing", "msg": "Field required"}) == m.V_REQUIRED
    assert translate({"type": "bool_parsing", "msg": "Input should be"}) == m.V_BOOL
    custom = {"type": "deputy_same", "msg": m.V_DEPUTY_SAME}
    assert translate(custom) == m.V_DEPUTY_SAME


# --- steps_done ------------------------------------------------------------------------


def test_steps_done_empty(checklist: Checklist) -> None:
    record, _ = pruned({}, checklist)
    assert steps_done(record, checklist) == dict.fromkeys(range(1, 6), "empty")


def test_steps_done_complete(complete_answers: dict[str, Any], checklist: Checklist) -> None:
    record, _ = pruned(complete_answers, checklist)
    assert steps_done(record, checklist) == dict.fromkeys(range(1, 6), "done")


def test_steps_done_started(complete_answers: dict[str, Any], checklist: Checklist) -> None:
    data = copy.deepcopy(complete_answers)
    del data["step5"]["decision_maker"]["title"]
    data["step3"] = {"platform": "instagram"}
    data["step4"] = {}
    data["step1"]["existing_accounts"] = []
    record, _ = pruned(data, checklist)
    assert steps_done(record, checklist) == {
        1: "started",
        2: "done",
        3: "started",
        4: "empty",
        5: "started",
    }


def test_steps_done_ignores_optional_and_conditional_questions(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    data = copy.deepcopy(complete_answers)
    data["step5"]["case_number"] = None
    data["step5"]["reported_to_list"] = False
    data["step5"]["reported_date"] = None
    record, _ = pruned(data, checklist)
    assert steps_done(record, checklist)[5] == "done"
    data["step3"]["platform"] = "tiktok"
    record, _ = pruned(data, checklist)
    assert steps_done(record, checklist)[3] == "started"


def test_items_set_aside_at_different_times_are_all_kept(
    complete_answers: dict[str, Any], checklist: Checklist
) -> None:
    """Goal A goes stale, later goal B: both stay in set_aside (they once shared a key)."""
    data = copy.deepcopy(complete_answers)
    goal_a, goal_b = data["step2"]["goals"]
    goal_a["deadline"] = "2026-12-01"
    goal_b["deadline"] = "2027-01-01"
    candidate = with_identity(data, checklist, "test")
    first, _ = prune(candidate, make_context(checklist, today=date(2026, 12, 15)), keep=IDENTITY)
    again = first.model_dump(mode="json")
    second, _ = prune(again, make_context(checklist, today=date(2027, 1, 15)), keep=IDENTITY)
    kept = sorted(item["description"] for item in second.set_aside.values())
    assert kept == sorted([goal_a["description"], goal_b["description"]])
    assert second.step2.goals == []


@pytest.mark.parametrize(
    ("path", "field", "inside"),
    [
        ("step2.goals", "step2.goals", True),
        ("step2.goals[0].deadline", "step2.goals", True),
        ("step2.deputy.email", "step2.deputy", True),
        ("step2.goalsx", "step2.goals", False),
        ("step2", "step2.goals", False),
    ],
)
def test_a_path_is_within_a_field_itself_its_parts_and_items(
    path: str, field: str, inside: bool
) -> None:
    assert paths.within(path, field) is inside
