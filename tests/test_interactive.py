"""start and resume in-process: notice, saving, prefill, locking, the states and export."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.errors import (
    DraftLockedError,
    ExitCode,
    MissingFileError,
    UnknownDraftError,
    UsageError,
)
from kontoguide.model.record import Record
from kontoguide.questionnaire.prompting import NO, Option, Prompt
from kontoguide.rules.validation import make_context
from kontoguide.store.drafts import from_answers, new_record
from kontoguide.store.storage import Store
from kontoguide.terminal import interactive
from kontoguide.terminal.views import RichScreen
from scenario import (
    CLOSING_ASKED,
    EOF,
    EXAMPLES,
    INTERRUPT,
    REVIEW_READY,
    STAGE_CHECK,
    ScriptedAsker,
    day,
    shifted,
    whole_closing,
)

NOTICE = "Jag har läst rådet och vill ändå gå vidare med att pröva ett nytt konto."
EMAIL = "Vilken e-postadress har hen?"


@pytest.fixture
def ready_answers() -> dict[str, Any]:
    """examples/klar-for-beslut.json: everything up to the decision maker."""
    text = (EXAMPLES / "klar-for-beslut.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.fixture
def store(home: Path) -> Store:
    return Store()


@pytest.fixture
def screen() -> RichScreen:
    return RichScreen(Console(file=io.StringIO(), width=80, no_color=True))


def shown(screen: RichScreen) -> str:
    file = screen.console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def saved(store: Store) -> list[dict[str, Any]]:
    files = sorted(store.folder.glob("*.json")) if store.folder.exists() else []
    return [json.loads(path.read_text(encoding="utf-8")) for path in files]


def test_declining_the_notice_saves_nothing(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    asker = ScriptedAsker({NOTICE: ["nej"]})
    assert interactive.start(checklist, store, asker=asker, screen=screen) == ExitCode.OK
    assert checklist.notice.declined in " ".join(shown(screen).split())
    assert saved(store) == []


def test_stopping_before_the_acknowledgement_saves_nothing(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    asker = ScriptedAsker({NOTICE: [INTERRUPT]})
    result = interactive.start(checklist, store, asker=asker, screen=screen)
    assert result == ExitCode.INTERRUPTED
    assert m.I_STOPPED_NOTHING_SAVED in shown(screen)
    assert saved(store) == []


def test_the_record_is_created_at_the_acknowledgement_and_kept_on_interrupt(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    asker = ScriptedAsker(
        {NOTICE: ["ja"], "Hör kontot till en förvaltning eller ett bolag?": [INTERRUPT]}
    )
    result = interactive.start(checklist, store, asker=asker, screen=screen)
    assert result == ExitCode.INTERRUPTED
    (record,) = saved(store)
    assert record["notice"]["acknowledged"] is True
    text = " ".join(shown(screen).split())
    assert m.I_SAVED_RESUME.format(draft_id=record["id"]) in text


def test_an_answers_file_prefills_and_only_the_rest_is_asked(
    checklist: Checklist,
    store: Store,
    screen: RichScreen,
    tmp_path: Path,
    ready_answers: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ready_answers["step1"]["comms_contact"]["email"] = "karin.sjoberg@"
    del ready_answers["notice"]
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps(ready_answers), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    asker = ScriptedAsker(
        {
            NOTICE: ["ja"],
            EMAIL: ["karin.sjoberg@stockholm.se"],
            REVIEW_READY: ["complete"],
            m.I_OFFER_DOCX: ["nej"],
        }
    )

    result = interactive.start(checklist, store, answers=answers, asker=asker, screen=screen)

    assert result == ExitCode.OK
    assert asker.asked == [NOTICE, EMAIL, REVIEW_READY, m.I_OFFER_DOCX]
    email_prompt = asker.prompts[1]
    assert email_prompt.default == "karin.sjoberg@"
    (record,) = saved(store)
    assert record["status"] == "ready"
    assert record["set_aside"] == {}
    text = " ".join(shown(screen).split())
    assert m.V_EMAIL in text
    # The end says what the state means and what comes next.
    assert m.I_READY in text
    assert f"kontoguide resume {record['id']}" in text
    assert "Helena Ström" in text


def test_a_missing_answers_file_fails_before_the_notice(
    checklist: Checklist, store: Store, screen: RichScreen, tmp_path: Path
) -> None:
    asker = ScriptedAsker({})
    with pytest.raises(MissingFileError) as caught:
        interactive.start(checklist, store, answers=tmp_path / "saknas.json", asker=asker)
    assert caught.value.exit_code == ExitCode.USAGE
    assert asker.asked == []


def _draft(checklist: Checklist, store: Store, **answers: Any) -> str:
    record = new_record(checklist, store.allocate_id())
    data = {**record.model_dump(mode="json"), **answers}
    store.save(type(record).model_validate(data))
    return record.id


def test_resume_asks_for_the_notice_when_the_draft_has_none(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    draft_id = _draft(checklist, store, account_name="Unga på Instagram")
    asker = ScriptedAsker(
        {NOTICE: ["ja"], "Hör kontot till en förvaltning eller ett bolag?": [INTERRUPT]}
    )
    assert interactive.resume(store, draft_id, asker=asker, screen=screen) == 130
    (record,) = saved(store)
    assert record["notice"]["acknowledged"] is True


def _seen() -> dict[str, Any]:
    moment = datetime.now(UTC) - timedelta(days=1)
    return {"acknowledged": True, "acknowledged_at": moment.isoformat()}


def test_resume_fits_the_overview_the_last_answers_and_the_question_on_80x24(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    # The part's purpose was said when it was begun; said again under the overview and
    # the last answers it pushed the "Du fortsätter" line off a 24-row screen.
    basics = checklist.sections_upto("ready")[0]
    assert basics.purpose
    organisation = {"kind": "forvaltning", "name": "Kulturförvaltningen"}
    draft_id = _draft(checklist, store, organisation=organisation, notice=_seen())
    unit = "Vilken enhet eller avdelning ska driva kontot?"
    asker = ScriptedAsker({unit: [INTERRUPT]})
    assert interactive.resume(store, draft_id, asker=asker, screen=screen) == 130
    before_question = shown(screen).split("✓ Utkastet är sparat")[0].strip("\n")
    assert " ".join(basics.purpose.split()) not in " ".join(before_question.split())
    assert basics.title in before_question
    # The question itself, its hint, the help line, the input row and its hint: five rows.
    assert len(before_question.splitlines()) + 5 <= 24


def test_a_part_begun_for_the_first_time_says_its_purpose(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    basics = checklist.sections_upto("ready")[0]
    draft_id = _draft(checklist, store, notice=_seen())
    asker = ScriptedAsker({"Hör kontot till en förvaltning eller ett bolag?": [INTERRUPT]})
    assert interactive.resume(store, draft_id, asker=asker, screen=screen) == 130
    assert " ".join(basics.purpose.split()) in " ".join(shown(screen).split())


def test_resume_without_an_id_lets_the_user_choose(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    first = _draft(checklist, store, account_name="Första")
    _draft(checklist, store, account_name="Andra", notice=None)
    data = saved(store)
    assert len(data) == 2
    asker = ScriptedAsker({m.I_CHOOSE_RECORD: [first], NOTICE: [INTERRUPT]})
    assert interactive.resume(store, None, asker=asker, screen=screen) == 130
    assert "Första" in shown(screen) and "Andra" in shown(screen)


def test_resume_without_drafts_says_how_to_start(store: Store, screen: RichScreen) -> None:
    with pytest.raises(UsageError) as error:
        interactive.resume(store, None, asker=ScriptedAsker({}), screen=screen)
    assert error.value.message == m.I_NOTHING_TO_RESUME


def test_resume_with_an_unknown_id_leaves_no_lock_file(store: Store, screen: RichScreen) -> None:
    with pytest.raises(UnknownDraftError):
        interactive.resume(store, "finnsinte", asker=ScriptedAsker({}), screen=screen)
    assert not list(store.folder.glob("*.lock")) if store.folder.exists() else True


def test_a_draft_open_elsewhere_is_refused(
    checklist: Checklist, store: Store, screen: RichScreen
) -> None:
    draft_id = _draft(checklist, store)
    with store.lock(draft_id), pytest.raises(DraftLockedError):
        interactive.resume(store, draft_id, asker=ScriptedAsker({}), screen=screen)


def test_ready_offers_the_document_and_asks_before_overwriting(
    checklist: Checklist,
    store: Store,
    screen: RichScreen,
    tmp_path: Path,
    ready_answers: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps(ready_answers), encoding="utf-8")
    script = {NOTICE: ["ja"], REVIEW_READY: ["complete"], m.I_OFFER_DOCX: ["ja"]}
    first = interactive.start(
        checklist, store, answers=answers, asker=ScriptedAsker(script), screen=screen
    )
    assert first == ExitCode.OK
    (document,) = tmp_path.glob("*.docx")
    record_id = saved(store)[0]["id"]

    # The same checklist again, the same day: the file exists, so the user is asked.
    script = {m.I_MENU_DECISION: ["export", "leave"], m.I_DOCX_OVERWRITE: ["nej"]}
    asker = ScriptedAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    # Keeping the file is the default: a quick Enter replaces nothing.
    (overwrite,) = [p for p in asker.prompts if p.message == m.I_DOCX_OVERWRITE]
    assert overwrite.default == NO
    assert m.I_DOCX_LATER.format(draft_id=record_id) in " ".join(shown(screen).split())
    assert list(tmp_path.glob("*.docx")) == [document]


def _from_answers(
    checklist: Checklist, store: Store, tmp_path: Path, answers: dict[str, Any]
) -> str:
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    record, found = from_answers(path, checklist, store)
    assert found == []
    return record.id


@pytest.mark.parametrize(
    "script",
    [
        {m.I_MENU_DECISION: ["leave"]},
        {m.I_MENU_DECISION: [INTERRUPT]},
        {m.I_MENU_DECISION: [EOF]},
        {m.I_MENU_DECISION: ["change", "leave"], REVIEW_READY: ["complete"]},
        {m.I_MENU_DECISION: ["change"], REVIEW_READY: ["later"]},
        {m.I_MENU_DECISION: ["change"], REVIEW_READY: [INTERRUPT]},
        {m.I_MENU_DECISION: ["decide"], "Vad blev beslutet?": [INTERRUPT]},
    ],
    ids=[
        "inget-mer",
        "ctrl-c-i-menyn",
        "ctrl-d-i-menyn",
        "granska-och-spara",
        "granska-och-spara-senare",
        "ctrl-c-i-granskningen",
        "ctrl-c-i-beslutet",
    ],
)
def test_resuming_a_ready_checklist_changes_nothing_unless_asked(
    checklist: Checklist,
    store: Store,
    screen: RichScreen,
    tmp_path: Path,
    ready_answers: dict[str, Any],
    script: dict[str, list[Any]],
) -> None:
    record_id = _from_answers(checklist, store, tmp_path, ready_answers)
    before = saved(store)

    asker = ScriptedAsker(script)
    result = interactive.resume(store, record_id, asker=asker, screen=screen)

    assert asker.left() == {}
    assert result in (ExitCode.OK, ExitCode.INTERRUPTED)
    assert saved(store) == before
    text = " ".join(shown(screen).split())
    assert "Klar för beslut" in text
    assert "Helena Ström" in text  # who decides
    # Whichever way the session ends: the exact command to continue.
    assert f"kontoguide resume {record_id}" in text
    assert "Utkastet är sparat" not in text


def test_changing_an_answer_of_a_ready_checklist_keeps_it_ready(
    checklist: Checklist,
    store: Store,
    screen: RichScreen,
    tmp_path: Path,
    ready_answers: dict[str, Any],
) -> None:
    record_id = _from_answers(checklist, store, tmp_path, ready_answers)
    script = {
        m.I_MENU_DECISION: ["change", "leave"],
        REVIEW_READY: ["basics", "complete"],
        m.Q_STEP_WHICH_ANSWER: ["organisation.unit"],
        "Vilken enhet eller avdelning ska driva kontot?": ["Stadsbiblioteket, unga vuxna"],
    }
    asker = ScriptedAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    (record,) = saved(store)
    assert record["status"] == "ready"
    assert record["organisation"]["unit"] == "Stadsbiblioteket, unga vuxna"
    # The parts the decision, the start and the closing are not offered to change yet.
    tasks = next(p for p in asker.prompts if p.message == REVIEW_READY)
    assert tasks is not None


def test_resume_acknowledges_a_draft_whose_goal_deadline_has_since_passed(
    checklist: Checklist, store: Store, screen: RichScreen, complete_answers: dict[str, Any]
) -> None:
    # A draft from an answers file without the notice, saved two years ago when the
    # goal's deadline (a year ago now) was still in the future.
    then = datetime.now(UTC) - timedelta(days=730)
    goal = {**complete_answers["step2"]["goals"][0], "deadline": str(date.today() - timedelta(365))}
    record = new_record(checklist, store.allocate_id())
    data = {
        **record.model_dump(mode="json"),
        "account_name": "Unga på Instagram",
        "step2": {"goals": [goal]},
        "created_at": then.isoformat(),
        "updated_at": then.isoformat(),
    }
    context = make_context(checklist, today=then.date())
    store.save(Record.model_validate(data, context=context))

    asker = ScriptedAsker(
        {NOTICE: ["ja"], "Hör kontot till en förvaltning eller ett bolag?": [INTERRUPT]}
    )
    assert interactive.resume(store, record.id, asker=asker, screen=screen) == 130

    (stored,) = saved(store)
    assert stored["notice"]["acknowledged"] is True
    assert stored["step2"]["goals"] == [{**goal, "effect_other": None}]
    assert stored["set_aside"] == {}


def test_a_ready_checklist_is_not_saved_when_an_answer_is_given_again_unchanged(
    checklist: Checklist,
    store: Store,
    screen: RichScreen,
    tmp_path: Path,
    ready_answers: dict[str, Any],
) -> None:
    record_id = _from_answers(checklist, store, tmp_path, ready_answers)
    before = saved(store)
    unit = ready_answers["organisation"]["unit"]
    script = {
        m.I_MENU_DECISION: ["change", "leave"],
        REVIEW_READY: ["basics", "complete"],
        m.Q_STEP_WHICH_ANSWER: ["organisation.unit"],
        "Vilken enhet eller avdelning ska driva kontot?": [unit],
    }
    asker = ScriptedAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    assert saved(store) == before


# --- resume: one menu per state ------------------------------------------------------------------


def _saved_from(
    checklist: Checklist, store: Store, tmp_path: Path, data: dict[str, Any], status: str
) -> str:
    record_id = _from_answers(checklist, store, tmp_path, data)
    assert saved(store)[0]["status"] == status
    return record_id


def test_a_ready_checklist_records_the_decision_then_the_start(
    checklist: Checklist,
    store: Store,
    screen: RichScreen,
    tmp_path: Path,
    ready_answers: dict[str, Any],
) -> None:
    # An answers file has no history of the day it became ready: any past date goes.
    record_id = _saved_from(checklist, store, tmp_path, ready_answers, "ready")
    script = {
        m.I_MENU_DECISION: ["decide"],
        "Vad blev beslutet?": ["godkant"],
        "När fattades beslutet?": [day(0)],
        "Har beslutet ett diarienummer?": ["inget"],
        "Enligt vilken punkt i delegationsordningen fattades beslutet?": [""],
        "Hur motiveras beslutet?": ["Målgruppen nås inte genom stadens gemensamma konton."],
        "När ska kontot prövas igen?": [day(90)],
        STAGE_CHECK: ["done", "done"],
        m.I_MENU_STARTED: ["start"],
        "Vilket datum startade kontot?": [day(0)],
        "Vad är kontots adress eller användarnamn?": ["@unga"],
        "Har kontot anmälts till stadens förteckning över konton?": ["nej"],
        m.I_MENU_WHAT: ["leave"],
    }
    asker = ScriptedAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    (record,) = saved(store)
    assert record["status"] == "started"
    assert record["start"]["reported_to_list"] is False
    text = " ".join(shown(screen).split())
    for said in (m.I_DECISION_SAVED, m.I_START_SAVED, "Godkänt", "Startat"):
        assert said in text
    assert m.I_LEFT.format(state="Startat", draft_id=record_id) in text


@pytest.mark.parametrize(
    ("example", "outcome"), [("avslaget.json", "Avslaget"), ("avslaget.json", "Uppskjutet")]
)
def test_a_rejected_or_postponed_decision_offers_a_new_decision_not_a_start(
    checklist: Checklist,
    store: Store,
    screen: RichScreen,
    tmp_path: Path,
    example: str,
    outcome: str,
) -> None:
    data = shifted(example)
    data["step5"]["outcome"] = outcome.lower()
    record_id = _saved_from(checklist, store, tmp_path, data, "decided")
    asker = OfferingAsker({m.I_MENU_WHAT: ["leave"]})
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.offered[m.I_MENU_WHAT] == ["decide", "export", "leave"]
    text = " ".join(shown(screen).split())
    assert outcome in text
    assert "Schrems II-frågan" in text  # the motivation


def test_a_new_decision_can_approve_a_rejected_checklist(
    checklist: Checklist, store: Store, screen: RichScreen, tmp_path: Path
) -> None:
    record_id = _saved_from(checklist, store, tmp_path, shifted("avslaget.json"), "decided")
    script = {
        m.I_MENU_WHAT: ["decide"],
        "Vad blev beslutet?": ["godkant"],
        "När fattades beslutet?": [day(0)],
        "Har beslutet ett diarienummer?": ["finns"],
        "Vilket diarienummer har beslutet?": ["KUF 2026/2000"],
        "Enligt vilken punkt i delegationsordningen fattades beslutet?": ["4.2"],
        "Hur motiveras beslutet?": ["Arkiveringen är ordnad nu."],
        "När ska kontot prövas igen?": [day(120)],
        STAGE_CHECK: ["done"],
        m.I_MENU_STARTED: ["leave"],
    }
    asker = ScriptedAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    (record,) = saved(store)
    assert (record["status"], record["step5"]["outcome"]) == ("decided", "godkant")


def test_a_started_account_says_when_the_follow_up_is_overdue_and_adds_one(
    checklist: Checklist, store: Store, screen: RichScreen, tmp_path: Path
) -> None:
    data = shifted("startat-med-uppfoljning.json")
    data["follow_ups"][0]["next_review"] = day(-3)
    record_id = _saved_from(checklist, store, tmp_path, data, "started")
    labels = m.FU_LABELS
    script = {
        m.I_MENU_WHAT: ["follow_up", "leave"],
        labels["held_on"]: [day(0)],
        labels["carried_out_by"]: ["Amir Haddad"],
        labels["value"]: ["230", "45"],
        labels["measured_on"]: [day(0), day(0)],
        labels["comment"]: ["", ""],
        labels["assessment"]: ["Det går bättre."],
        labels["conclusion"]: ["fortsatt"],
        labels["next_review"]: [day(90)],
        m.FU_CONFIRM: ["save"],
    }
    asker = OfferingAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    assert asker.offered[m.I_MENU_WHAT] == ["follow_up", "close", "change", "export", "leave"]
    text = " ".join(shown(screen).split())
    assert m.I_FOLLOW_UP_OVERDUE.format(due=day(-3)) in text
    # After the new follow-up the next one is due, no longer overdue.
    assert text.count("försenad") == 1
    assert f"{m.I_ROW_NEXT_FOLLOW_UP} " + m.I_DUE_BY.format(due=day(90)) in text
    (record,) = saved(store)
    assert len(record["follow_ups"]) == 2


def test_ctrl_c_in_a_follow_up_keeps_it_and_the_next_resume_offers_it(
    checklist: Checklist, store: Store, screen: RichScreen, tmp_path: Path
) -> None:
    data = shifted("startat-med-uppfoljning.json")
    record_id = _saved_from(checklist, store, tmp_path, data, "started")
    labels = m.FU_LABELS
    script = {
        m.I_MENU_WHAT: ["follow_up"],
        labels["held_on"]: [day(0)],
        labels["carried_out_by"]: ["Amir Haddad"],
        labels["value"]: ["230"],
        labels["measured_on"]: [EOF],
    }
    asker = ScriptedAsker(script)
    result = interactive.resume(store, record_id, asker=asker, screen=screen)
    assert result == ExitCode.INTERRUPTED
    assert m.I_PAUSED.format(draft_id=record_id) in " ".join(shown(screen).split())
    (record,) = saved(store)
    assert record["set_aside"]["follow_ups[new]"]["measurements"] == [{"goal": 1, "value": "230"}]

    again = OfferingAsker({m.I_MENU_WHAT: [INTERRUPT]})
    assert interactive.resume(store, record_id, asker=again, screen=screen) == 130
    prompt = again.prompts[-1]
    assert prompt.message == m.I_MENU_WHAT
    assert m.I_UNFINISHED_FOLLOW_UP in " ".join(shown(screen).split())
    assert again.titles[m.I_MENU_WHAT][0] == m.I_MENU_FOLLOW_UP_CONTINUE


def test_a_closing_conclusion_offers_to_close_the_account(
    checklist: Checklist, store: Store, screen: RichScreen, tmp_path: Path
) -> None:
    data = shifted("startat-med-uppfoljning.json")
    record_id = _saved_from(checklist, store, tmp_path, data, "started")
    labels = m.FU_LABELS
    script = {
        m.I_MENU_WHAT: ["follow_up", "leave"],
        labels["held_on"]: [day(0)],
        labels["carried_out_by"]: ["Amir Haddad"],
        labels["value"]: ["100", "20"],
        labels["measured_on"]: [day(0), day(0)],
        labels["comment"]: ["", ""],
        labels["assessment"]: ["Målen nås inte."],
        labels["conclusion"]: ["avsluta"],
        m.FU_CONFIRM: ["save"],
        m.I_CLOSE_NOW: ["ja"],
        **CLOSING_ASKED,
        "Vilket datum avslutades kontot?": [day(0)],
        "Är kontots innehåll arkiverat?": ["ja"],
        "Har kommunikationsfunktionen fått veta att kontot avslutas?": ["ja"],
        "Är kontot borttaget ur stadens förteckning över konton?": ["ja"],
        STAGE_CHECK: ["done"],
    }
    asker = OfferingAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    (record,) = saved(store)
    assert record["status"] == "closed"
    # A closed account: only the document, or leaving.
    assert asker.offered[m.I_MENU_WHAT] == ["export", "leave"]
    text = " ".join(shown(screen).split())
    assert m.I_LEFT_CLOSED.format(state="Avslutat", draft_id=record_id) in text


def test_the_chooser_lists_every_record_with_something_left_to_do(
    checklist: Checklist, store: Store, screen: RichScreen, tmp_path: Path
) -> None:
    draft = _draft(checklist, store, account_name="Ett utkast")
    postponed = shifted("avslaget.json")
    postponed["step5"]["outcome"] = "uppskjutet"
    rejected = shifted("avslaget.json")
    closed = shifted("startat-med-uppfoljning.json")
    closed["closing"] = whole_closing(day(0))
    ids = {
        name: _from_answers(checklist, store, tmp_path, data)
        for name, data in (
            ("ready", json.loads((EXAMPLES / "klar-for-beslut.json").read_text("utf-8"))),
            ("started", shifted("startat-med-uppfoljning.json")),
            ("postponed", postponed),
            ("rejected", rejected),
            ("closed", closed),
        )
    }
    asker = OfferingAsker({m.I_CHOOSE_RECORD: [""]})
    assert interactive.resume(store, None, asker=asker, screen=screen) == ExitCode.OK
    offered = set(asker.offered[m.I_CHOOSE_RECORD])
    assert offered == {draft, ids["ready"], ids["started"], ids["postponed"], ""}
    titles = asker.titles[m.I_CHOOSE_RECORD]
    assert all(len(title) <= 72 for title in titles)
    assert any("(Klar för beslut," in title for title in titles)
    assert any("(Uppskjutet," in title for title in titles)
    for line in shown(screen).splitlines():
        assert len(line) <= 80


class OfferingAsker(ScriptedAsker):
    """Remembers what every choice offered: the values and the titles."""

    def __init__(self, script: dict[str, list[Any]]) -> None:
        super().__init__(script)
        self.offered: dict[str, list[str]] = {}
        self.titles: dict[str, list[str]] = {}

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str:
        self.offered[prompt.message] = [option.value for option in options]
        self.titles[prompt.message] = [option.title for option in options]
        return super().select(prompt, options)


@pytest.mark.parametrize("confirm", ["nej", "ja"])
def test_closing_from_the_menu_is_confirmed_first(
    checklist: Checklist, store: Store, screen: RichScreen, tmp_path: Path, confirm: str
) -> None:
    record_id = _saved_from(
        checklist, store, tmp_path, shifted("startat-med-uppfoljning.json"), "started"
    )
    script: dict[str, list[Any]] = {
        m.I_MENU_WHAT: ["close", "leave"],
        m.I_CLOSE_CONFIRM: [confirm],
    }
    if confirm == "ja":
        script.update(
            {
                **CLOSING_ASKED,
                "Vilket datum avslutades kontot?": [day(0)],
                "Är kontots innehåll arkiverat?": ["ja"],
                "Har kommunikationsfunktionen fått veta att kontot avslutas?": ["ja"],
                "Är kontot borttaget ur stadens förteckning över konton?": ["ja"],
                STAGE_CHECK: ["done"],
            }
        )
    asker = ScriptedAsker(script)
    assert interactive.resume(store, record_id, asker=asker, screen=screen) == ExitCode.OK
    assert asker.left() == {}
    (record,) = saved(store)
    if confirm == "nej":
        assert record["status"] == "started"
        assert "closing" not in record or not record["closing"].get("reason")
    else:
        assert record["status"] == "closed"
        assert record["closing"]["decided_by"]["name"] == "Helena Ström"
        assert record["closing"]["reason"] == CLOSING_ASKED["Varför avslutas kontot?"][0]
