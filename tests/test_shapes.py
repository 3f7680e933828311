"""Answers of the wrong JSON shape (a list or an object where one choice belongs, ...).

Such an answer is set aside when read; it must then be shown readably and asked
again, through the real prompts, in resume and in `start --answers`, and must
never break the summary or an export.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from export_support import NOW, open_docx
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.documents.export import render
from kontoguide.model.errors import ExitCode
from kontoguide.model.parts import NoticeAck
from kontoguide.model.readable import readable
from kontoguide.model.record import Record
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Note
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.prompting import Option, Prompt
from kontoguide.store import drafts
from kontoguide.store.storage import Store, now
from kontoguide.terminal import interactive
from kontoguide.terminal.prompts import QuestionaryAsker
from kontoguide.terminal.views import RichScreen
from scenario import DOWN, ENTER, UP, RecordingScreen

CTRL_C = "\x03"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def prefilled(checklist: Checklist, answers: dict[str, Any]) -> Record:
    notice = NoticeAck(acknowledged=True, acknowledged_at=now())
    record, found = drafts.prefilled(answers, checklist, "form0001", notice)
    assert found, "the wrong shape must be reported"
    return record


def talk(
    checklist: Checklist, record: Record, pipe: PipeInput, keys: str
) -> tuple[Flow, Conversation, RecordingScreen]:
    pipe.send_text(keys)
    flow = Flow(checklist, record, save=lambda _: None)
    screen = RecordingScreen()
    asker = QuestionaryAsker(input=pipe, output=DummyOutput())
    return flow, Conversation(flow, asker, screen), screen


def notes(screen: RecordingScreen) -> str:
    return " ".join(note.text for note in screen.of(Note))


# --- readable text for any JSON value ------------------------------------------------------


def test_any_json_value_reads_as_plain_text() -> None:
    assert readable("instagram") == "instagram"
    assert readable(["instagram"]) == "instagram"
    assert readable({"typ": "förvaltning"}) == "typ: förvaltning"
    assert readable([1, 2.5, True, None]) == "1, 2,5, Ja, –"
    assert readable({"a": [1, {"b": False}]}) == "a: (1, (b: Nej))"
    assert readable([]) == "–"
    assert readable(None) == ""
    # A choice value reads as its label wherever it sits.
    label = {"instagram": "Instagram"}.get
    assert readable(["instagram", {"x": "instagram"}], label=lambda v: label(v, v)) == (
        "Instagram, (x: Instagram)"
    )


def test_deep_nesting_is_cut_off_readably() -> None:
    value: Any = "innerst"
    for _ in range(200):
        value = [value]
    text = readable(value)
    assert "innerst" not in text and "…" in text and len(text) < 500


# --- each shape through the real prompts -----------------------------------------------------


def test_a_list_where_one_platform_belongs_is_shown_and_asked_again(
    checklist: Checklist, complete_answers: dict[str, Any], pipe: PipeInput
) -> None:
    complete_answers["step3"]["platform"] = ["instagram"]
    record = prefilled(checklist, complete_answers)
    assert record.set_aside == {"step3.platform": ["instagram"]}
    # The one platform in the list is where the pointer starts: Enter takes it.
    flow, conversation, screen = talk(checklist, record, pipe, ENTER)
    section, question = flow.question_for("step3.platform") or (None, None)
    assert section is not None and question is not None
    conversation.ask(section, question)
    assert flow.record.step3.platform == "instagram"
    assert flow.record.set_aside == {}
    assert m.Q_SET_ASIDE.format(answer="Instagram") in notes(screen)


def test_an_object_as_organisation_kind_is_shown_and_asked_again(
    checklist: Checklist, complete_answers: dict[str, Any], pipe: PipeInput
) -> None:
    complete_answers["organisation"]["kind"] = {"typ": "förvaltning"}
    record = prefilled(checklist, complete_answers)
    flow, conversation, screen = talk(checklist, record, pipe, DOWN + ENTER)
    section, question = flow.question_for("organisation.kind") or (None, None)
    assert section is not None and question is not None
    conversation.ask(section, question)
    assert flow.record.organisation.kind == "bolag"
    assert m.Q_SET_ASIDE.format(answer="typ: förvaltning") in notes(screen)


def test_a_list_as_a_goals_effect_is_shown_and_asked_again(
    checklist: Checklist, complete_answers: dict[str, Any], pipe: PipeInput
) -> None:
    complete_answers["step2"]["goals"][0]["effect"] = ["trygg"]
    record = prefilled(checklist, complete_answers)
    assert list(record.set_aside) == ["step2.goals[0]"]
    goals = checklist.question("step2.goals")
    # Enter keeps the pointer on "trygg" (from the old answer), Enter closes the list.
    flow, conversation, screen = talk(checklist, record, pipe, ENTER + ENTER)
    conversation.ask_list(goals)
    effects = [goal["effect"] for goal in flow.items(goals)]
    assert effects == ["engagerad", "trygg"]
    assert flow.record.set_aside == {}
    label = checklist.choice_label("effects", "trygg")
    assert m.Q_SET_ASIDE.format(answer=label) in notes(screen)


def test_a_multiple_choice_holding_an_object_is_set_aside_whole_and_asked_again(
    checklist: Checklist, complete_answers: dict[str, Any], pipe: PipeInput
) -> None:
    complete_answers["step2"]["duties"] = [{"uppgift": "planering"}, "publicering"]
    record = prefilled(checklist, complete_answers)
    # One answer, set aside as one: not an item of it under its own key.
    assert record.set_aside == {"step2.duties": [{"uppgift": "planering"}, "publicering"]}
    # "a" marks every duty (Publicering is marked already, from the old answer).
    flow, conversation, screen = talk(checklist, record, pipe, "a" + ENTER)
    section, question = flow.question_for("step2.duties") or (None, None)
    assert section is not None and question is not None
    conversation.ask(section, question)
    assert flow.record.step2.duties == checklist.choice_values("duties")
    assert flow.record.set_aside == {}
    assert "(uppgift: Planering), Publicering" in notes(screen)


def test_the_checkbox_prompt_takes_any_default(pipe: PipeInput) -> None:
    pipe.send_text(ENTER)
    asker = QuestionaryAsker(input=pipe, output=DummyOutput())
    options = [Option("a", "Alfa"), Option("b", "Beta")]
    prompt = Prompt("Välj", default=[{"a": 1}, ["a"], "b"])
    assert asker.checkbox(prompt, options) == ["b"]


def test_a_select_prompt_takes_any_default(pipe: PipeInput) -> None:
    pipe.send_text(ENTER)
    asker = QuestionaryAsker(input=pipe, output=DummyOutput())
    options = [Option("a", "Alfa"), Option("b", "Beta")]
    assert asker.select(Prompt("Välj", default={"a": 1}), options) == "a"


def test_a_text_question_starts_from_the_readable_old_answer(
    checklist: Checklist, complete_answers: dict[str, Any], pipe: PipeInput
) -> None:
    complete_answers["account_name"] = ["Unga på", "Instagram"]
    record = prefilled(checklist, complete_answers)
    # The old words are in the input: the user corrects them instead of retyping.
    flow, conversation, screen = talk(checklist, record, pipe, "\x7f" * 11 + " Instagram" + ENTER)
    section, question = flow.question_for("account_name") or (None, None)
    assert section is not None and question is not None
    conversation.ask(section, question)
    assert flow.record.account_name == "Unga på Instagram"
    assert m.Q_SET_ASIDE.format(answer="Unga på, Instagram") in notes(screen)


def test_a_whole_group_given_as_text_is_shown_at_its_first_question(
    checklist: Checklist, complete_answers: dict[str, Any], pipe: PipeInput
) -> None:
    complete_answers["step2"]["plan"] = "Verksamhetsplan 2026"
    record = prefilled(checklist, complete_answers)
    assert record.set_aside == {"step2.plan": "Verksamhetsplan 2026"}
    flow, conversation, screen = talk(checklist, record, pipe, ENTER)
    found = flow.next_question()
    assert found is not None and found[1].field == "step2.plan.kind"
    conversation.ask(*found)
    assert flow.record.step2.plan.kind == "verksamhetsplan"
    assert flow.record.set_aside == {}
    assert m.Q_SET_ASIDE.format(answer="Verksamhetsplan 2026") in notes(screen)


def test_list_items_of_any_shape_are_offered_again(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    complete_answers["step2"]["target_groups"] = [["Föräldrar", "Lärare"], 7, None]
    record = prefilled(checklist, complete_answers)
    flow = Flow(checklist, record, save=lambda _: None)
    groups = checklist.question("step2.target_groups")
    first = groups.fields[0].field
    offered = sorted(flow.set_aside_items(groups))
    assert offered == [
        ("step2.target_groups[0]", {first: "Föräldrar, Lärare"}),
        ("step2.target_groups[1]", {first: "7"}),
        ("step2.target_groups[2]", {}),
    ]


# --- whole sessions: resume and start --answers ------------------------------------------------


def screen_for() -> RichScreen:
    return RichScreen(Console(file=io.StringIO(), width=80, no_color=True))


def odd_shapes(answers: dict[str, Any]) -> dict[str, Any]:
    answers["step3"]["platform"] = ["instagram"]
    return answers


def test_resume_shows_and_asks_a_wrongly_shaped_answer(
    checklist: Checklist, complete_answers: dict[str, Any], home: Path, pipe: PipeInput
) -> None:
    store = Store()
    path = home / "svar.json"
    path.write_text(json.dumps(odd_shapes(complete_answers)), encoding="utf-8")
    record, _ = drafts.from_answers(path, checklist, store)
    pipe.send_text(ENTER + CTRL_C)
    asker = QuestionaryAsker(input=pipe, output=DummyOutput())
    screen = screen_for()
    result = interactive.resume(store, record.id, asker=asker, screen=screen)
    assert result == ExitCode.INTERRUPTED
    assert drafts.load(store, record.id).record.step3.platform == "instagram"


def test_start_with_answers_shows_and_asks_a_wrongly_shaped_answer(
    checklist: Checklist, complete_answers: dict[str, Any], home: Path, pipe: PipeInput
) -> None:
    store = Store()
    path = home / "svar.json"
    path.write_text(json.dumps(odd_shapes(complete_answers)), encoding="utf-8")
    # The notice (Ja above the default Nej, so one up), the platform, then a pause at the
    # review.
    pipe.send_text(UP + ENTER + ENTER + CTRL_C)
    asker = QuestionaryAsker(input=pipe, output=DummyOutput())
    result = interactive.start(checklist, store, answers=path, asker=asker, screen=screen_for())
    assert result == ExitCode.INTERRUPTED
    (saved,) = store.folder.glob("*.json")
    assert json.loads(saved.read_text(encoding="utf-8"))["step3"]["platform"] == "instagram"


# --- export ----------------------------------------------------------------------------------


SHAPES = {
    "platform": (("step3", "platform"), ["instagram"]),
    "kind": (("organisation", "kind"), {"typ": "förvaltning"}),
    "duties": (("step2", "duties"), [{"uppgift": "planering"}, "publicering"]),
    "year": (("step2", "plan", "year"), [2026]),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("fmt", ["docx", "md", "json"])
def test_a_draft_with_set_aside_shapes_exports(
    checklist: Checklist, complete_answers: dict[str, Any], shape: str, fmt: str
) -> None:
    where, value = SHAPES[shape]
    node = complete_answers
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    complete_answers["step2"]["goals"].append([["ett", "mål"], {"effekt": ["trygg"]}])
    record = prefilled(checklist, complete_answers)
    content = render(record, checklist, fmt, now=NOW)
    # The goal is set aside, and the document prints it under the goals, with its reason.
    note = m.DOC_SET_ASIDE_REASON.format(reason="")
    if fmt == "docx":
        assert note in "\n".join(p.text for p in open_docx(content).paragraphs)
    elif fmt == "md":
        assert note in content.decode("utf-8")
    else:
        kept = json.loads(content)["set_aside"]
        assert [["ett", "mål"], {"effekt": ["trygg"]}] in kept.values()
        assert value in kept.values()


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic notes the unvalidated values
def test_the_document_shows_stored_values_of_any_shape(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    # A record built some other way than by validation (model_copy, a future field):
    # the renderers must still show every value readably instead of failing.
    from kontoguide.documents.document import build
    from kontoguide.documents.view import ChecksAnswer, TextAnswer

    record, _ = drafts.prefilled(complete_answers, checklist, "form0002")
    step2 = record.step2.model_copy(update={"duties": [{"uppgift": "planering"}, "publicering"]})
    step3 = record.step3.model_copy(update={"platform_reason": {"skäl": ["unga", "bilder"]}})
    odd = record.model_copy(update={"step2": step2, "step3": step3})
    view = build(odd, checklist, now=NOW)
    answers = {q.field: q.answer for s in view.sections for q in s.questions}
    duties = answers["step2.duties"]
    assert isinstance(duties, ChecksAnswer)
    assert ("uppgift: Planering", True) in duties.options
    assert answers["step3.platform_reason"] == TextAnswer("skäl: (unga, bilder)")
    for fmt in ("docx", "md"):
        render(odd, checklist, fmt, now=NOW)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("step3", "platform"), ["instagram"]),
        (("organisation", "kind"), {"typ": "förvaltning"}),
        (("step2", "duties"), [{"uppgift": "planering"}, "publicering"]),
    ],
)
def test_a_choice_of_the_wrong_shape_is_told_to_pick_an_option(
    checklist: Checklist, complete_answers: dict[str, Any], where: tuple[str, ...], value: Any
) -> None:
    complete_answers[where[0]][where[1]] = value
    notice = NoticeAck(acknowledged=True, acknowledged_at=now())
    _, found = drafts.prefilled(complete_answers, checklist, "form0003", notice)
    (problem,) = found
    assert problem.path.startswith(".".join(where))
    assert problem.message.startswith(m.V_CHOICE.split("{")[0]), problem.message


def test_an_unfinished_item_of_the_wrong_shape_is_offered_as_an_item(
    checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    goals = checklist.question("step2.goals")
    first = goals.fields[0].field
    record = prefilled(checklist, {**complete_answers, "account_name": ["x"]})
    odd = {
        "step2.goals[new]": ["Fler som lånar", "e-böcker"],
        "step2.goals[edit]": "Mål 2",
    }
    flow = Flow(
        checklist,
        record.model_copy(update={"set_aside": {**record.set_aside, **odd}}),
        save=lambda _: None,
    )
    assert flow.unfinished_item(goals) is None and flow.item_change(goals) is None
    assert sorted(flow.set_aside_items(goals)) == [
        ("step2.goals[edit]", {first: "Mål 2"}),
        ("step2.goals[new]", {first: "Fler som lånar, e-böcker"}),
    ]


def test_a_status_of_the_wrong_shape_is_derived_again(
    home: Path, checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    record, _ = drafts.prefilled(complete_answers, checklist, "status01")
    data = {**record.model_dump(mode="json"), "status": ["draft"]}
    path = home / "status01.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    # The status is derived from the answers on every load: a damaged one is ignored.
    assert drafts.load_file(path).record.status == "started"
