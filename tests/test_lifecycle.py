"""The record's life: each state derived from the answers, each transition's rules.

Every state has a passing case (an example file that reaches it) and every
transition a failing one (what keeps the record in the state before).
"""

from __future__ import annotations

import copy
import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from cli_support import run_kontoguide
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model import paths
from kontoguide.model.account_life import Transition
from kontoguide.model.errors import ExitCode
from kontoguide.model.record import Record
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import steps_done
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store import drafts
from kontoguide.store.storage import Store
from scenario import whole_closing
from state_support import state_checked_per_stage  # noqa: F401  (every state checked per stage)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
TODAY = date(2026, 11, 28)
MOMENT = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def record_of(checklist: Checklist, answers: dict[str, Any], **meta: Any) -> Record:
    """The answers as a record, invalid ones set aside (as an answers file is read)."""
    candidate = {**drafts.with_identity(answers, checklist, "test1234"), **meta}
    record, _ = prune(candidate, make_context(checklist, today=TODAY), keep=drafts.IDENTITY)
    return record


def put(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    paths.put(changed, path, value)
    return changed


def state(checklist: Checklist, answers: dict[str, Any]) -> str:
    return lifecycle.state(record_of(checklist, answers), checklist, today=TODAY)


def problem_paths(checklist: Checklist, record: Record) -> list[str]:
    return [p.path for p in lifecycle.open_problems(record, checklist, today=TODAY)]


# --- each state from its example --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("med-fel", "draft"),
        ("klar-for-beslut", "ready"),
        ("avslaget", "decided"),
        ("komplett", "started"),
        ("startat-med-uppfoljning", "started"),
    ],
)
def test_each_example_reaches_its_state(checklist: Checklist, name: str, expected: str) -> None:
    assert state(checklist, example(name)) == expected


def test_a_confirmed_closing_closes_the_account(checklist: Checklist) -> None:
    closing = whole_closing("2026-11-27")
    assert state(checklist, put(example("komplett"), "closing", closing)) == "closed"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("klar-for-beslut", "Klar för beslut"),
        ("avslaget", "Avslaget"),
        ("komplett", "Startat"),
    ],
)
def test_the_state_is_named_in_swedish(checklist: Checklist, name: str, label: str) -> None:
    record = record_of(checklist, example(name))
    settled = lifecycle.settled(record, checklist, moment=MOMENT, today=TODAY)
    assert lifecycle.state_label(settled, checklist) == label


# --- what keeps a record in the state before ----------------------------------------------


def test_ready_needs_who_decides(checklist: Checklist) -> None:
    answers = example("klar-for-beslut")
    del answers["step5"]["decision_maker"]["title"]
    assert state(checklist, answers) == "draft"
    record = record_of(checklist, answers)
    assert problem_paths(checklist, record) == ["step5.decision_maker.title"]


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        (("step5.decision_date", None), "step5.decision_date"),
        (("step5.next_review", None), "step5.next_review"),
    ],
)
def test_an_approval_needs_its_date_and_next_review(
    checklist: Checklist, change: tuple[str, Any], missing: str
) -> None:
    answers = put(example("komplett"), *change)
    del answers["start"]
    record = record_of(checklist, answers)
    assert lifecycle.state(record, checklist, today=TODAY) == "ready"
    assert problem_paths(checklist, record) == [missing]


def test_a_rejection_needs_a_motivation_and_no_next_review(checklist: Checklist) -> None:
    answers = example("avslaget")
    assert "next_review" not in answers["step5"]
    del answers["step5"]["motivation"]
    record = record_of(checklist, answers)
    assert lifecycle.state(record, checklist, today=TODAY) == "ready"
    assert problem_paths(checklist, record) == ["step5.motivation"]


def test_the_case_number_is_optional(checklist: Checklist) -> None:
    answers = example("avslaget")
    del answers["step5"]["case_number"]
    answers["step5"]["case_number_status"] = "inget"
    assert state(checklist, answers) == "decided"
    # "No case number yet" is a choice to make, not a question left out.
    del answers["step5"]["case_number_status"]
    assert state(checklist, answers) == "ready"


def test_a_decision_in_the_future_is_refused(checklist: Checklist) -> None:
    record = record_of(checklist, put(example("avslaget"), "step5.decision_date", "2026-12-01"))
    assert "step5.decision_date" in record.set_aside
    assert lifecycle.state(record, checklist, today=TODAY) == "ready"


def test_a_decision_before_the_record_was_ready_is_refused(checklist: Checklist) -> None:
    history = [
        Transition(what="draft", at=datetime(2026, 11, 1, 9, 0, tzinfo=UTC)),
        Transition(what="ready", at=datetime(2026, 11, 21, 9, 0, tzinfo=UTC)),
    ]
    record = record_of(checklist, example("avslaget")).model_copy(update={"history": history})
    assert record.step5.decision_date == date(2026, 11, 20)
    assert lifecycle.ready_on(record) == date(2026, 11, 21)
    found = lifecycle.open_problems(record, checklist, today=TODAY)
    assert [(p.path, p.message) for p in found] == [
        ("step5.decision_date", m.V_DECIDED_BEFORE_READY.format(ready="2026-11-21"))
    ]
    assert lifecycle.state(record, checklist, today=TODAY) == "ready"
    on_the_day = put(example("avslaget"), "step5.decision_date", "2026-11-21")
    later = record_of(checklist, on_the_day).model_copy(update={"history": history})
    assert lifecycle.state(later, checklist, today=TODAY) == "decided"


def test_a_record_that_arrived_decided_has_no_ready_day(checklist: Checklist) -> None:
    history = [Transition(what="decided", at=MOMENT)]
    record = record_of(checklist, example("avslaget")).model_copy(update={"history": history})
    assert lifecycle.ready_on(record) is None


def test_only_an_approved_account_can_be_started(checklist: Checklist) -> None:
    answers = put(example("komplett"), "step5.outcome", "uppskjutet")
    answers = put(answers, "step5.motivation", "Vi väntar på besked om Schrems II från staden.")
    record = record_of(checklist, answers)
    assert record.set_aside["start"]["started_on"] == "2026-11-23"  # kept, not lost
    assert record.start.started_on is None
    assert lifecycle.state(record, checklist, today=TODAY) == "decided"


def test_a_start_before_the_decision_is_refused(checklist: Checklist) -> None:
    record = record_of(checklist, put(example("komplett"), "start.started_on", "2026-11-19"))
    assert "start" in record.set_aside
    assert lifecycle.state(record, checklist, today=TODAY) == "decided"


def test_a_start_needs_its_address(checklist: Checklist) -> None:
    answers = example("komplett")
    del answers["start"]["address"]
    record = record_of(checklist, answers)
    assert lifecycle.state(record, checklist, today=TODAY) == "decided"
    assert problem_paths(checklist, record) == ["start.address"]


def follow_up(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = copy.deepcopy(example("startat-med-uppfoljning")["follow_ups"][0])
    item.update(changes)
    return item


def test_a_follow_up_is_added_to_a_started_account(checklist: Checklist) -> None:
    record = record_of(checklist, example("startat-med-uppfoljning"))
    assert record.follow_ups is not None and len(record.follow_ups) == 1
    assert [m.goal for m in record.follow_ups[0].measurements] == [1, 2]
    assert lifecycle.review_due(record) == date(2027, 2, 16)


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (follow_up(measurements=follow_up()["measurements"][:1]), "every goal"),
        (follow_up(held_on="2026-05-01"), "before the start"),
        (follow_up(next_review=None), "no next review"),
        (follow_up(next_review="2028-01-01"), "review after more than 12 months"),
        (follow_up(held_on="2026-11-01"), "measured after the follow-up"),
    ],
)
def test_a_follow_up_that_does_not_hold_is_set_aside(
    checklist: Checklist, item: dict[str, Any], reason: str
) -> None:
    answers = put(example("startat-med-uppfoljning"), "follow_ups", [item])
    record = record_of(checklist, answers)
    assert not record.follow_ups, reason
    assert any(key.startswith("follow_ups") for key in record.set_aside), reason


def test_a_follow_up_that_closes_needs_no_next_review(checklist: Checklist) -> None:
    item = follow_up(conclusion="avsluta", next_review=None)
    record = record_of(checklist, put(example("startat-med-uppfoljning"), "follow_ups", [item]))
    assert record.follow_ups is not None and record.follow_ups[0].next_review is None


def test_a_follow_up_needs_a_started_account(checklist: Checklist) -> None:
    answers = put(example("komplett"), "follow_ups", [follow_up()])
    del answers["start"]
    record = record_of(checklist, answers)
    assert not record.follow_ups
    assert "follow_ups" in record.set_aside


@pytest.mark.parametrize(
    ("closing", "where"),
    [
        (
            {"closed_on": "2026-11-27", "archived": False, "comms_told": True},
            "closing.archived",
        ),
        ({"closed_on": "2026-11-22", "archived": True}, "closing"),
    ],
)
def test_a_closing_that_does_not_hold_is_set_aside(
    checklist: Checklist, closing: dict[str, Any], where: str
) -> None:
    record = record_of(checklist, put(example("komplett"), "closing", closing))
    assert where in record.set_aside
    assert lifecycle.state(record, checklist, today=TODAY) == "started"


def test_an_unstarted_account_cannot_be_closed(checklist: Checklist) -> None:
    answers = put(example("avslaget"), "closing", {"closed_on": "2026-11-27"})
    record = record_of(checklist, answers)
    assert "closing" in record.set_aside
    assert lifecycle.state(record, checklist, today=TODAY) == "decided"


def test_a_stage_with_answers_is_checked_whole(checklist: Checklist) -> None:
    """A record with part of the closing is held to the whole closing (exit 1 in CLI)."""
    record = record_of(checklist, put(example("komplett"), "closing", {"closed_on": "2026-11-27"}))
    assert problem_paths(checklist, record) == [
        "closing.decided_by.name",
        "closing.decided_by.title",
        "closing.reason",
        "closing.archived",
        "closing.archive_delivered_on",
        "closing.archive_reference",
        "closing.comms_told",
        "closing.removed_from_platform",
        "closing.removed_from_list",
    ]


# --- the history ------------------------------------------------------------------------


def test_every_transition_and_follow_up_is_kept_in_the_history(checklist: Checklist) -> None:
    draft = record_of(checklist, {"account_name": "Konto"})
    first = lifecycle.settled(draft, checklist, moment=MOMENT, today=TODAY)
    assert [(e.what, e.at) for e in first.history] == [("draft", MOMENT)]
    assert lifecycle.settled(first, checklist, moment=MOMENT, today=TODAY) is first

    later = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    ready = record_of(checklist, example("klar-for-beslut")).model_copy(
        update={"history": first.history}
    )
    second = lifecycle.settled(ready, checklist, moment=later, today=TODAY)
    assert second.status == "ready"
    assert [e.what for e in second.history] == ["draft", "ready"]

    # A record that arrives started (an answers file) jumps: one entry, then the follow-up.
    followed = record_of(checklist, example("startat-med-uppfoljning")).model_copy(
        update={"history": first.history}
    )
    third = lifecycle.settled(followed, checklist, moment=later, today=TODAY)
    assert [e.what for e in third.history] == ["draft", "started", "followed_up"]


def test_the_status_in_a_file_is_never_believed(home: Path, checklist: Checklist) -> None:
    record = record_of(checklist, example("klar-for-beslut"))
    data = {**record.model_dump(mode="json"), "status": "closed"}
    path = home / "hand.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert drafts.load_file(path).record.status == "ready"


# --- the command line at every stage ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("klar-for-beslut", "Klar för beslut"),
        ("avslaget", "Avslaget"),
        ("komplett", "Startat"),
        ("startat-med-uppfoljning", "Startat"),
    ],
)
def test_start_no_input_accepts_a_record_at_any_stage(home: Path, name: str, label: str) -> None:
    result = run_kontoguide(
        "start", "--answers", str(EXAMPLES / f"{name}.json"), "--no-input", home=home
    )
    assert result.returncode == ExitCode.OK, result.stdout + result.stderr
    assert f"Status: {label}." in result.stdout
    checked = run_kontoguide("validate", str(EXAMPLES / f"{name}.json"), home=home)
    assert checked.returncode == ExitCode.OK, checked.stdout


def test_start_no_input_lists_what_the_reached_stage_lacks(home: Path, tmp_path: Path) -> None:
    answers = example("avslaget")
    del answers["step5"]["motivation"]
    path = tmp_path / "utan-motivering.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = run_kontoguide("start", "--answers", str(path), "--no-input", home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert "Hur motiveras beslutet? Frågan är inte besvarad." in " ".join(result.stdout.split())
    assert "Status: Klar för beslut." in result.stdout


# --- records made before the decision process ----------------------------------------------


def _install_old(home: Path, name: str) -> tuple[str, Path]:
    source = DATA / name
    draft_id = json.loads(source.read_text(encoding="utf-8"))["id"]
    target = home / "records" / f"{draft_id}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    return draft_id, target


def test_a_complete_record_of_format_1_becomes_decided(home: Path) -> None:
    """A file written by kontoguide before this change (examples/komplett.json then)."""
    draft_id, path = _install_old(home, "format1-complete.json")
    before = path.read_bytes()
    loaded = drafts.load(Store(home / "records"), draft_id)
    assert loaded.record.status == "decided"
    assert loaded.record.step5.outcome == "godkant"
    # The report to the city's list moved to the account's start.
    assert loaded.record.start.reported_to_list is True
    assert loaded.record.start.reported_date == date(2026, 11, 23)
    assert path.read_bytes() == before  # rewritten only on the next save
    listed = run_kontoguide("list", home=home)
    assert listed.returncode == ExitCode.OK, listed.stderr
    assert "Godkänt" in listed.stdout


def test_a_draft_of_format_1_stays_a_draft_and_keeps_its_answers(home: Path) -> None:
    draft_id, path = _install_old(home, "format1-draft.json")
    old = json.loads(path.read_text(encoding="utf-8"))
    loaded = drafts.load(Store(home / "records"), draft_id)
    assert loaded.record.status == "draft"
    # Its own set-aside answers are kept; its purpose "Nå unga." is set aside too, as a
    # purpose must now be a sentence (issue 21).
    assert loaded.record.set_aside == {**old["set_aside"], "step2.purpose": "Nå unga."}


def test_a_report_not_yet_made_is_kept_for_the_start(checklist: Checklist) -> None:
    old = json.loads((DATA / "format1-complete.json").read_text(encoding="utf-8"))
    old["step5"]["reported_to_list"] = False
    del old["step5"]["reported_date"]
    loaded = drafts.record_from_data(Path("gammal.json"), old)
    assert loaded.record.set_aside["start.reported_to_list"] is False
    assert loaded.record.start.reported_to_list is None
    assert loaded.record.status == "decided"


# --- answers set aside ------------------------------------------------------------------


def _with_bad_comment() -> dict[str, Any]:
    # An optional item field that does not hold (too short): its item is set aside.
    answers = example("klar-for-beslut")
    answers["step1"]["existing_accounts"][0]["comment"] = "?"
    return answers


def test_an_answer_set_aside_holds_the_record_back_at_its_stage(checklist: Checklist) -> None:
    """An answer that was given but does not hold is asked again on resume, so the
    record is not whole (not ready) until it is fixed, even where it is optional."""
    record = record_of(checklist, _with_bad_comment())
    assert any(key.startswith("step1.existing_accounts") for key in record.set_aside)
    assert lifecycle.state(record, checklist, today=TODAY) == "draft"
    assert steps_done(record, checklist)[1] == "fix"
    assert lifecycle.state(record_of(checklist, example("klar-for-beslut")), checklist) == "ready"


@pytest.mark.parametrize(
    "set_aside",
    [
        {"gammal_fraga": "Ett svar på en fråga som inte finns längre"},  # never asked again
        {"step1.existing_accounts[new]": {"name": "Halvfärdigt konto"}},  # work in progress
    ],
)
def test_what_is_not_asked_again_does_not_hold_the_record_back(
    checklist: Checklist, set_aside: dict[str, Any]
) -> None:
    record = record_of(checklist, example("klar-for-beslut"), set_aside=set_aside)
    assert record.set_aside == set_aside
    assert lifecycle.state(record, checklist, today=TODAY) == "ready"
    assert steps_done(record, checklist)[1] == "done"


def test_start_says_draft_when_an_answer_was_set_aside(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "fel-kommentar.json"
    path.write_text(json.dumps(_with_bad_comment()), encoding="utf-8")
    result = run_kontoguide("start", "--answers", str(path), "--no-input", home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert "Status: Utkast." in result.stdout
    listed = run_kontoguide("list", home=home)
    assert "Utkast" in listed.stdout
    assert "Klar för beslut" not in listed.stdout
