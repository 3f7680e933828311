"""New questions at the next review (omprövning): what a later checklist version added
before the decision is offered after a follow-up, answered or not as the person likes,
and never forced onto the decision, which stays what it was (issue 19)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kontoguide.checklist import earlier
from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Condition, Question
from kontoguide.model import paths
from kontoguide.model.account_life import FollowUp
from kontoguide.model.record import Record, file_schema
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Note
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.follow_up import FollowUpDialogue
from kontoguide.store import drafts
from scenario import ALL, RecordingScreen, Saves, ScriptedAsker, day, started_example
from test_states import fu_script as states_fu_script

STANDARD = load_checklist()
FU = m.FU_LABELS
# What the standard asked before the decision since 2026.2 (2026.3 and later), in its order.
NEW_SINCE_2026_2 = [
    "step4.archiving.records_law",
    "step4.data_protection.controller",
    "step4.data_protection.dpo_name",
    "step4.data_protection.dpo_date",
]
# Asked since 2026.2 too, but in the decision itself: not the review's to ask.
DECISION_SINCE_2026_2 = ["step5.case_number_status", "step5.motivation", "step5.delegation_point"]


def _without(data: dict[str, Any], field: str) -> None:
    *parents, name = field.split(".")
    for parent in parents:
        data = data[parent]
    data.pop(name, None)


def decided_under_2026_2(tmp_path: Path, **answers: Any) -> drafts.Loaded:
    """The started example as 2026.2 saved it (without what later versions asked), read."""
    data = started_example(STANDARD).model_dump(mode="json")
    for field in [*NEW_SINCE_2026_2, *DECISION_SINCE_2026_2]:
        _without(data, field)
    data["checklist_version"] = "2026.2"
    for field, value in answers.items():
        data[field] = value
    loaded = drafts.record_from_data(tmp_path / f"{data['id']}.json", data)
    assert (loaded.record.status, loaded.checklist.version) == ("started", "2026.2")
    assert loaded.set_aside_now == []
    return loaded


def fu_script(**changes: list[Any]) -> dict[str, list[Any]]:
    """test_states' follow-up of the example's two goals, its values uncommented."""
    return states_fu_script(**{FU["comment"]: ["", ""], **changes})


def label(field: str) -> str:
    return STANDARD.question(field).label


REVIEW_ANSWERS: dict[str, list[Any]] = {
    label("step4.archiving.records_law"): [ALL],
    label("step4.data_protection.controller"): ["ja"],
    label("step4.data_protection.dpo_name"): ["Maria Ek"],
    # The consultation at the review comes after the decision, truly: it is accepted.
    label("step4.data_protection.dpo_date"): [day(-1)],
}


def talk(loaded: drafts.Loaded, script: dict[str, list[Any]]) -> tuple[Flow, ScriptedAsker, Saves]:
    saves = Saves()
    flow = Flow(loaded.checklist, loaded.record, save=saves, stage="started")
    asker = ScriptedAsker(script)
    conversation = Conversation(flow, asker, RecordingScreen())
    assert FollowUpDialogue(conversation).run() is not None
    assert asker.left() == {}, asker.left()
    return flow, asker, saves


def test_the_review_asks_what_a_later_version_added_before_the_decision(tmp_path: Path) -> None:
    loaded = decided_under_2026_2(tmp_path)
    data = loaded.record.model_dump(mode="json")
    asked = earlier.review_questions(STANDARD, loaded.checklist, data)
    # Not the decision's own new questions: the decision stays as it was recorded.
    assert [question.field for _, question in asked] == NEW_SINCE_2026_2
    assert earlier.review_questions(STANDARD, STANDARD, data) == []


def test_a_question_that_does_not_apply_is_not_offered(tmp_path: Path) -> None:
    loaded = decided_under_2026_2(tmp_path)
    data = loaded.record.model_dump(mode="json")
    assert data["step3"]["platform"] != "tiktok"
    only_tiktok = Question(
        id="tiktok_only",
        kind="text",
        label="En fråga bara för TikTok (ett exempel)",
        when=Condition(field="step3.platform", equals=["tiktok"]),
    )
    sections = tuple(
        s.model_copy(update={"questions": (*s.questions, only_tiktok)}) if s.id == "step4" else s
        for s in STANDARD.sections
    )
    variant = STANDARD.model_copy(update={"sections": sections})
    judged = earlier.decided_under(variant, "2026.2", "started")
    fields = [q.field for _, q in earlier.review_questions(variant, judged, data)]
    assert fields == NEW_SINCE_2026_2


def test_after_a_follow_up_the_new_questions_are_offered_and_each_answer_saved(
    tmp_path: Path,
) -> None:
    loaded = decided_under_2026_2(tmp_path)
    script = {**fu_script(), m.FU_REVIEW_OFFER: ["nu"], **REVIEW_ANSWERS}
    flow, asker, saves = talk(loaded, script)

    offer = next(p for p in asker.prompts if p.message == m.FU_REVIEW_OFFER)
    assert offer.default == "inte_nu"
    # Each question as an optional one, with the checklist's own words.
    asked = [p for p in asker.prompts if p.message in REVIEW_ANSWERS]
    assert [p.message for p in asked] == list(REVIEW_ANSWERS)
    assert all(not p.required for p in asked)
    assert asker.refused == []
    # Each answer saved at once, with its mark in the review's follow-up.
    marks = [list((r.follow_ups or [])[-1].review_answers) for r in saves.records]
    for count in range(1, len(NEW_SINCE_2026_2) + 1):
        assert NEW_SINCE_2026_2[:count] in marks
    last = saves.last
    assert (last.follow_ups or [])[-1].review_answers == NEW_SINCE_2026_2
    assert last.step4.data_protection.dpo_name == "Maria Ek"
    # The decision stays what it was: started, by its own version, nothing set aside.
    assert last.status == "started"
    assert last.checklist_version == "2026.2"
    assert last.step5 == loaded.record.step5
    assert last.set_aside == {}
    again = drafts.record_from_data(tmp_path / "again.json", last.model_dump(mode="json"))
    assert (again.record.status, again.checklist.version, again.set_aside_now) == (
        "started",
        "2026.2",
        [],
    )
    assert again.record.step4.data_protection.dpo_date is not None
    # The answered questions are the record's own now: in its checklist, not offered again.
    judged = [q.field for _, q in again.checklist.questions()]
    assert all(field in judged for field in NEW_SINCE_2026_2)
    assert judged.index("step4.data_protection.dpo_name") < judged.index(
        "step4.data_protection.dpo_date"
    )
    assert flow.review_questions() == []
    assert [q.field for _, q in flow.checklist.questions()] == judged


def test_a_question_that_starts_to_apply_in_the_review_is_asked_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kontoguide.questionnaire import review_answers

    dpo_date = "step4.data_protection.dpo_date"
    # The version in use now, as an example: the DPO's date asked only once the unit
    # has said it is the controller, a question that is new at this review too.
    follows = Condition(field="step4.data_protection.controller", equals=[True])
    sections = tuple(
        s.model_copy(
            update={
                "questions": tuple(
                    q.model_copy(update={"when": follows}) if q.field == dpo_date else q
                    for q in s.questions
                )
            }
        )
        for s in STANDARD.sections
    )
    variant = STANDARD.model_copy(update={"sections": sections})
    monkeypatch.setattr(review_answers, "load_checklist", lambda _id: variant)
    loaded = decided_under_2026_2(tmp_path)
    data = loaded.record.model_dump(mode="json")
    before = [q.field for _, q in earlier.review_questions(variant, loaded.checklist, data)]
    assert dpo_date not in before  # the controller is not answered yet

    script = {**fu_script(), m.FU_REVIEW_OFFER: ["nu"], **REVIEW_ANSWERS}
    _flow, asker, saves = talk(loaded, script)

    asked = [p.message for p in asker.prompts]
    assert asked.index(label(dpo_date)) > asked.index(label("step4.data_protection.controller"))
    assert (saves.last.follow_ups or [])[-1].review_answers == NEW_SINCE_2026_2
    assert saves.last.step4.data_protection.dpo_date is not None


def test_not_now_is_the_default_and_asks_nothing(tmp_path: Path) -> None:
    loaded = decided_under_2026_2(tmp_path)
    flow, asker, saves = talk(loaded, {**fu_script(), m.FU_REVIEW_OFFER: ["inte_nu"]})
    assert not any(p.message in REVIEW_ANSWERS for p in asker.prompts)
    assert (saves.last.follow_ups or [])[-1].review_answers == []
    assert saves.last.status == "started"
    # Still there for the next review.
    assert [q.field for _, q in flow.review_questions()] == NEW_SINCE_2026_2


def test_every_question_can_be_left_unanswered(tmp_path: Path) -> None:
    loaded = decided_under_2026_2(tmp_path)
    skipped = {
        label("step4.archiving.records_law"): [[]],
        label("step4.data_protection.controller"): [""],
        label("step4.data_protection.dpo_name"): [""],
        label("step4.data_protection.dpo_date"): [""],
    }
    flow, _asker, saves = talk(loaded, {**fu_script(), m.FU_REVIEW_OFFER: ["nu"], **skipped})
    assert (saves.last.follow_ups or [])[-1].review_answers == []
    assert saves.last.status == "started"
    assert len(flow.review_questions()) == len(NEW_SINCE_2026_2)


def test_no_offer_when_the_record_follows_todays_version() -> None:
    record = started_example(STANDARD)
    saves = Saves()
    flow = Flow(STANDARD, record, save=saves, stage="started")
    screen = RecordingScreen()
    asker = ScriptedAsker(fu_script())
    assert FollowUpDialogue(Conversation(flow, asker, screen)).run() is not None
    assert m.FU_REVIEW_OFFER not in asker.asked
    assert not any(isinstance(e, Note) and "omprövning" in e.text for e in screen.events)


# --- the model ----------------------------------------------------------------------


FOLLOW_UP: dict[str, Any] = {
    "held_on": "2026-03-01",
    "measurements": [],
    "assessment": "Bra.",
    "conclusion": "avsluta",
}


def test_a_follow_up_keeps_the_answers_of_its_review() -> None:
    item = FollowUp.model_validate({**FOLLOW_UP, "review_answers": NEW_SINCE_2026_2})
    dumped = item.model_dump(mode="json")
    assert dumped["review_answers"] == NEW_SINCE_2026_2
    assert FollowUp.model_validate(dumped) == item
    # A follow-up saved before reviews were recorded has none.
    assert FollowUp.model_validate(FOLLOW_UP).review_answers == []


@pytest.mark.parametrize(
    "fields",
    [["step4.x", "step4.x"], ["Step4.X"], ["step4..x"], [""], [7], "step4.x"],
)
def test_review_answers_are_answer_paths_each_once(fields: Any) -> None:
    with pytest.raises(ValidationError):
        FollowUp.model_validate({**FOLLOW_UP, "review_answers": fields})


def test_an_answer_given_at_a_review_is_listed_once() -> None:
    from kontoguide.model import messages as mm

    with pytest.raises(ValidationError) as refused:
        FollowUp.model_validate({**FOLLOW_UP, "review_answers": ["step4.x", "step4.x"]})
    assert [e["msg"] for e in refused.value.errors()] == [mm.V_REVIEW_ANSWER_TWICE]


def test_the_json_schema_has_the_review_answers() -> None:
    schema = file_schema()
    follow_up = schema["$defs"]["FollowUp"]["properties"]["review_answers"]
    assert follow_up["type"] == "array"
    assert "pattern" in follow_up["items"]
    assert Record.model_json_schema()["$defs"]["FollowUp"]["properties"]["review_answers"]


def test_a_dpo_date_after_the_decision_counts_only_when_given_at_a_review(
    tmp_path: Path,
) -> None:
    loaded = decided_under_2026_2(tmp_path)
    data = loaded.record.model_dump(mode="json")
    # The day of the follow-up: after the decision, and not after the review's follow-up.
    held = data["follow_ups"][-1]["held_on"]
    data["step4"]["data_protection"].update({"dpo_name": "Maria Ek", "dpo_date": held})
    # As groundwork of the decision (not given at a review) it comes too late.
    with pytest.raises(ValidationError) as refused:
        Record.model_validate(data, context={"checklist": loaded.checklist})
    assert [e["loc"] for e in refused.value.errors()] == [("step5", "decision_date")]
    data["follow_ups"][-1]["review_answers"] = ["step4.data_protection.dpo_date"]
    Record.model_validate(data, context={"checklist": loaded.checklist})


@pytest.mark.parametrize("when", ["before_the_decision", "after_its_follow_up"])
def test_a_date_given_at_a_review_lies_between_the_decision_and_its_follow_up(
    tmp_path: Path, when: str
) -> None:
    loaded = decided_under_2026_2(tmp_path)
    decided = loaded.record.step5.decision_date
    # The follow-up before the one of the review: its day lies in the past.
    first = loaded.record.follow_ups[0].model_dump(mode="json")
    held = loaded.record.follow_ups[0].held_on
    assert decided is not None and held > decided + timedelta(days=1)
    wrong, other = (
        (decided - timedelta(days=1), decided)
        if when == "before_the_decision"
        else (held + timedelta(days=1), held)
    )
    data = loaded.record.model_dump(mode="json")
    data["step4"]["data_protection"].update({"dpo_name": "Maria Ek", "dpo_date": wrong.isoformat()})
    data["follow_ups"] = [{**first, "review_answers": ["step4.data_protection.dpo_date"]}]
    with pytest.raises(ValidationError) as refused:
        Record.model_validate(data, context={"checklist": loaded.checklist})
    [error] = refused.value.errors()
    # Refused at the date given at the review, naming both dates.
    assert error["loc"] == ("step4", "data_protection", "dpo_date")
    assert wrong.isoformat() in error["msg"]
    assert other.isoformat() in error["msg"]
    # Between the decision and the follow-up it is the review's, truly.
    data["step4"]["data_protection"]["dpo_date"] = held.isoformat()
    Record.model_validate(data, context={"checklist": loaded.checklist})


# --- the document ---------------------------------------------------------------------


def reviewed(tmp_path: Path) -> drafts.Loaded:
    """The record after a review that answered every new question, read as on resume."""
    loaded = decided_under_2026_2(tmp_path)
    script = {**fu_script(), m.FU_REVIEW_OFFER: ["nu"], **REVIEW_ANSWERS}
    _flow, _asker, saves = talk(loaded, script)
    return drafts.record_from_data(tmp_path / "after.json", saves.last.model_dump(mode="json"))


def test_the_document_says_which_answers_were_given_at_the_review(tmp_path: Path) -> None:
    from export_support import NOW, open_docx
    from kontoguide.documents import messages as dm
    from kontoguide.documents.export import render
    from kontoguide.documents.labels import question_label

    loaded = reviewed(tmp_path)
    line = dm.DOC_REVIEWED.format(day=day(0))
    document = open_docx(render(loaded.record, loaded.checklist, "docx", now=NOW))
    texts = [p.text for p in document.paragraphs]
    assert not any("UTKAST" in text for text in texts)
    # Under each answer given at the review, and nowhere else.
    assert texts.count(line) == len(NEW_SINCE_2026_2)
    for field in NEW_SINCE_2026_2:
        question = STANDARD.question(field)
        at = texts.index(question.document_label)
        assert line in texts[at + 1 : at + 10]
    name_at = texts.index(STANDARD.question("step4.data_protection.dpo_name").document_label)
    assert texts[name_at + 1 : name_at + 3] == ["Maria Ek", line]
    # An answer given before the decision says nothing of the kind.
    policy_at = texts.index(question_label(loaded.checklist.question("step1.policy_read")))
    assert line not in texts[policy_at : policy_at + 3]

    markdown = render(loaded.record, loaded.checklist, "md", now=NOW).decode("utf-8")
    assert markdown.count(f"*{line}*") == len(NEW_SINCE_2026_2)
    assert f"Maria Ek\n\n*{line}*" in markdown


def test_a_record_without_a_review_shows_no_review_line(tmp_path: Path) -> None:
    from export_support import NOW
    from kontoguide.documents.export import render

    loaded = decided_under_2026_2(tmp_path)
    markdown = render(loaded.record, loaded.checklist, "md", now=NOW).decode("utf-8")
    assert "Besvarat vid omprövning" not in markdown


# --- resume ---------------------------------------------------------------------------


def resume_said(loaded: drafts.Loaded) -> str:
    import io

    from rich.console import Console

    from kontoguide.model.days import day_given
    from kontoguide.terminal.resume_notes import resume_notes
    from kontoguide.terminal.views import RichScreen

    out = io.StringIO()
    screen = RichScreen(Console(file=out, width=300, no_color=True))
    resume_notes(screen, loaded.record, loaded.checklist, day_given(loaded.record.updated_at))
    return " ".join(out.getvalue().split())


def test_resume_says_how_many_new_questions_are_still_unanswered(tmp_path: Path) -> None:
    from kontoguide.terminal import messages as tm

    open_four = tm.I_REVIEW_OPEN_MANY.format(count=4, current=STANDARD.version)
    assert " ".join(open_four.split()) in resume_said(decided_under_2026_2(tmp_path))

    loaded = decided_under_2026_2(tmp_path)
    script = {
        **fu_script(),
        m.FU_REVIEW_OFFER: ["nu"],
        **REVIEW_ANSWERS,
        label("step4.data_protection.dpo_name"): [""],
        label("step4.data_protection.dpo_date"): [""],
    }
    _flow, _asker, saves = talk(loaded, script)
    again = drafts.record_from_data(tmp_path / "again.json", saves.last.model_dump(mode="json"))
    open_two = tm.I_REVIEW_OPEN_MANY.format(count=2, current=STANDARD.version)
    assert " ".join(open_two.split()) in resume_said(again)

    done = reviewed(tmp_path)
    assert "omprövningen" not in resume_said(done)


# --- plain mode -------------------------------------------------------------------------


def test_the_review_in_plain_mode_asks_each_question_as_lines(tmp_path: Path) -> None:
    import io

    from kontoguide.terminal.plain_asker import PlainAsker, Told

    loaded = decided_under_2026_2(tmp_path)
    typed = [
        day(0),  # the follow-up's day
        "Amir Haddad",
        "250",
        day(-2),
        "",  # no comment
        "44,5",
        day(-1),
        "",
        "Kontot når fler, men målen är inte nådda.",
        "",
        "fortsätt",
        day(90),
        "ja",  # save the follow-up
        "svara",  # answer the new questions now
        "alla",  # records law: every item
        "j",  # the unit is the controller
        "Maria Ek",
        "",  # the DPO's date left empty: skipped
    ]
    stdin = io.StringIO("".join(line + "\n" for line in typed))
    out = io.StringIO()
    asker = PlainAsker(stdin, out, echo=False, told=Told())
    saves = Saves()
    flow = Flow(loaded.checklist, loaded.record, save=saves, stage="started")
    assert FollowUpDialogue(Conversation(flow, asker, RecordingScreen())).run() is not None
    said = out.getvalue()
    assert m.FU_REVIEW_OFFER in said
    assert label("step4.data_protection.dpo_date") in said
    last = saves.last
    assert (last.follow_ups or [])[-1].review_answers == NEW_SINCE_2026_2[:3]
    assert last.step4.data_protection.controller is True
    assert last.status == "started"
    assert [q.field for _, q in flow.review_questions()] == ["step4.data_protection.dpo_date"]


def test_the_document_written_right_after_the_review_shows_its_answers(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import json

    from rich.console import Console

    from export_support import open_docx
    from kontoguide.cli import messages as cm
    from kontoguide.documents import messages as dm
    from kontoguide.store.storage import Store
    from kontoguide.terminal import interactive
    from kontoguide.terminal.views import RichScreen

    loaded = decided_under_2026_2(tmp_path)
    (home / "records").mkdir(exist_ok=True)
    record = loaded.record.model_dump(mode="json")
    (home / "records" / f"{loaded.record.id}.json").write_text(json.dumps(record), "utf-8")
    monkeypatch.chdir(tmp_path)
    screen = RichScreen(Console(file=io.StringIO(), width=200, no_color=True))
    script = {
        cm.I_MENU_WHAT: ["follow_up", "export", "leave"],
        **fu_script(),
        m.FU_REVIEW_OFFER: ["nu"],
        **REVIEW_ANSWERS,
    }
    asker = ScriptedAsker(script)
    assert interactive.resume(Store(), loaded.record.id, asker=asker, screen=screen) == 0
    assert asker.left() == {}
    (written,) = tmp_path.glob("*.docx")
    texts = [p.text for p in open_docx(written.read_bytes()).paragraphs]
    assert texts.count(dm.DOC_REVIEWED.format(day=day(0))) == len(NEW_SINCE_2026_2)


def test_a_question_the_record_answers_already_is_not_asked_again(tmp_path: Path) -> None:
    # 2026.2 did not ask who prepared the document; the example answers it anyway.
    preparer = ["step5.prepared_by.name", "step5.prepared_by.unit", "step5.prepared_by.email"]
    loaded = decided_under_2026_2(tmp_path)
    data = loaded.record.model_dump(mode="json")
    assert all(paths.is_answered(paths.get(data, field)) for field in preparer)
    asked = [q.field for _, q in earlier.review_questions(STANDARD, loaded.checklist, data)]
    assert not set(preparer) & set(asked)

    data["step5"].pop("prepared_by")
    asked = [q.field for _, q in earlier.review_questions(STANDARD, loaded.checklist, data)]
    assert asked == [*NEW_SINCE_2026_2, *preparer]


def test_a_review_answer_listed_without_its_answer_does_not_undo_the_decision(
    tmp_path: Path,
) -> None:
    # A hand edit: the follow-up says the records-law question was answered at the
    # review, but the record holds no answer. The decision stands, by its own version.
    data = started_example(STANDARD).model_dump(mode="json")
    for field in [*NEW_SINCE_2026_2, *DECISION_SINCE_2026_2]:
        _without(data, field)
    data["checklist_version"] = "2026.2"
    data["follow_ups"][-1]["review_answers"] = ["step4.archiving.records_law"]
    assert earlier.reviewed_fields(data) == frozenset()
    loaded = drafts.record_from_data(tmp_path / f"{data['id']}.json", data)
    assert (loaded.record.status, loaded.checklist.version) == ("started", "2026.2")
