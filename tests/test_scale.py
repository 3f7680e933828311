"""Large inputs: many unknown fields, lists longer than the model allows, big documents.

Timing belongs in bench/ (big_export.py, big_validate.py); these tests check
what the user sees: unknown fields listed compactly, a list over its maximum
trimmed with a word and nothing dropped, and a long list exported whole.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from export_support import NOW, open_docx
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.documents.export import render
from kontoguide.model.parts import LIST_MAXIMUMS, NoticeAck
from kontoguide.model.record import Record
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Note
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.session import Refused
from kontoguide.rules.completeness import in_checklist_order, problems
from kontoguide.store import drafts
from kontoguide.store.storage import now
from scenario import LIST_MENU, RecordingScreen, ScriptedAsker

LISTS = {
    "step1.existing_accounts": ("step1", "existing_accounts"),
    "step2.goals": ("step2", "goals"),
    "step2.target_groups": ("step2", "target_groups"),
    "step4.team": ("step4", "team"),
}


def check(tmp_path: Path, data: dict[str, Any]) -> tuple[drafts.Loaded, list[Any]]:
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return drafts.check_file(path)


# --- unknown fields ----------------------------------------------------------------------


def test_many_unknown_fields_are_one_line_and_all_kept(
    tmp_path: Path, complete_answers: dict[str, Any]
) -> None:
    for index in range(3000):
        complete_answers[f"okand{index}"] = index
    loaded, found = check(tmp_path, complete_answers)
    (problem,) = found
    assert problem.message == m.V_UNKNOWN_FIELDS.format(
        count=3000,
        names=m.V_UNKNOWN_NAMES_MORE.format(
            names="okand0, okand1, okand2, okand3, okand4", more=2995
        ),
    )
    assert str(problem).startswith(m.V_UNKNOWN_FIELDS_TITLE + ": ")
    # Nothing the user wrote is lost: every unknown field is kept, set aside.
    assert {f"okand{i}" for i in range(3000)} <= set(loaded.record.set_aside)


def test_unknown_fields_are_grouped_per_object(
    tmp_path: Path, complete_answers: dict[str, Any]
) -> None:
    complete_answers["step1"]["policy_redd"] = True
    complete_answers["step1"]["kommentar"] = "x"
    complete_answers["organisation"]["kommun"] = "Stockholm"
    _, found = check(tmp_path, complete_answers)
    by_path = {p.path: p for p in found}
    assert by_path["organisation.kommun"].message == m.V_UNKNOWN_FIELD
    grouped = by_path["step1"]
    assert grouped.message == m.V_UNKNOWN_FIELDS.format(count=2, names="policy_redd, kommentar")
    assert grouped.title == Record.model_fields["step1"].title


def test_problems_keep_the_checklist_order(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    record, _ = drafts.prefilled({}, checklist, "ordning1")
    found = problems(record, checklist)
    order = [q.field for _, q in checklist.questions()]
    fields = [p.path for p in found if p.path in order]
    assert fields == sorted(fields, key=order.index)
    # The notice and problems outside any question come first, stably.
    assert found[0].path == "notice"
    assert in_checklist_order(list(reversed(found)), checklist)[-1] == found[-1]


# --- lists over their maximum ------------------------------------------------------------


def test_every_list_has_a_maximum_in_the_schema() -> None:
    schema = json.dumps(Record.model_json_schema())
    for field, maximum in LIST_MAXIMUMS.items():
        assert field in LISTS or field == "follow_ups"  # follow-ups: added one by one
        assert f'"maxItems": {maximum}' in schema


@pytest.mark.parametrize("field", sorted(LISTS))
def test_a_list_over_its_maximum_keeps_the_first_items_and_sets_the_rest_aside(
    tmp_path: Path, complete_answers: dict[str, Any], field: str
) -> None:
    step, name = LISTS[field]
    items = complete_answers[step][name]
    maximum = LIST_MAXIMUMS[field]
    extra = 3
    many = []
    for index in range(maximum + extra):
        item = copy.deepcopy(items[index % len(items)])
        if field == "step4.team":
            item["email"] = f"person{index}@stockholm.se"
            item["name"] = f"Person Nummer{index}"
        else:
            item["name" if "name" in item else "description"] = f"Post {index}"
        many.append(item)
    complete_answers[step][name] = many
    loaded, found = check(tmp_path, complete_answers)
    kept = getattr(getattr(loaded.record, step), name)
    assert len(kept) == maximum
    surplus = [v for k, v in loaded.record.set_aside.items() if k.startswith(field + "[")]
    assert surplus == many[maximum:]
    messages = [p.message for p in found if p.path == field]
    assert messages == [m.V_TOO_MANY_SET_ASIDE.format(max=maximum, count=extra)]


def _full_flow(checklist: Checklist, answers: dict[str, Any]) -> tuple[Flow, Any]:
    goals = answers["step2"]["goals"]
    maximum = LIST_MAXIMUMS["step2.goals"]
    answers["step2"]["goals"] = [
        {**goals[i % 2], "description": f"Mål {i}"} for i in range(maximum + 1)
    ]
    notice = NoticeAck(acknowledged=True, acknowledged_at=now())
    record, _ = drafts.prefilled(answers, checklist, "full0001", notice)
    return Flow(checklist, record, save=lambda _: None), checklist.question("step2.goals")


def test_a_full_list_refuses_one_more_item_with_the_maximum(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    flow, goals = _full_flow(checklist, complete_answers)
    extra = dict(flow.items(goals)[0], description="Ett till")
    with pytest.raises(Refused) as refused:
        flow.add_item(goals, extra)
    assert refused.value.message == m.V_TOO_MANY_ITEMS.format(max=LIST_MAXIMUMS["step2.goals"])


def test_a_full_list_shows_what_did_not_fit_and_can_be_closed(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    flow, goals = _full_flow(checklist, complete_answers)
    key = next(k for k in flow.record.set_aside if k.startswith("step2.goals["))
    asker = ScriptedAsker({LIST_MENU: ["add", "done"]})
    screen = RecordingScreen()
    Conversation(flow, asker, screen).ask_list(goals)
    maximum = LIST_MAXIMUMS["step2.goals"]
    texts = [note.text for note in screen.of(Note)]
    assert m.Q_LIST_NO_ROOM.format(count=1, max=maximum) in texts
    assert m.Q_LIST_FULL.format(max=maximum) in texts
    # Nothing was asked for the item that does not fit, and it is still kept.
    assert asker.asked == [LIST_MENU, LIST_MENU]
    assert key in flow.record.set_aside and len(flow.items(goals)) == maximum


# --- a long list exported whole --------------------------------------------------------------


def test_a_long_goal_list_is_exported_whole_with_its_notes(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    record, _ = drafts.prefilled(complete_answers, checklist, "lang0002")
    goal = record.step2.goals[0] if record.step2.goals else None
    assert goal is not None
    count = 300  # more than the model allows: the renderer must not care
    many = [goal.model_copy(update={"description": f"Mål {i}"}) for i in range(count)]
    big = record.model_copy(update={"step2": record.step2.model_copy(update={"goals": many})})
    document = open_docx(render(big, checklist, "docx", now=NOW))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Mål")
    # A row per goal, the effect in a column of its own: no merged rows.
    assert len(table.rows) == 1 + count
    assert table.rows[0].cells[1].text == "Effekt"
    last = table.rows[-1]
    assert len({cell._tc for cell in last.cells}) == len(table.columns)
    assert last.cells[0].text == f"Mål {count - 1}"


def test_a_number_too_long_to_read_gets_a_swedish_message(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    # Python refuses to read integers of more than 4300 digits; pydantic's English
    # message for that must not reach the user.
    complete_answers["step4"]["monitoring_per_day"] = "9" * 5000
    notice = NoticeAck(acknowledged=True, acknowledged_at=now())
    _, found = drafts.prefilled(complete_answers, checklist, "stort001", notice)
    (problem,) = found
    assert problem.path == "step4.monitoring_per_day"
    assert problem.message == m.V_INT_TOO_LONG
