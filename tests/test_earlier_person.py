"""Step 3 offers the communication contact of step 1 as the communications officer
(issue 21), as step 4 offers the people of step 2 for the team; step 5 offers the
responsible person of step 2 as the one who prepared the checklist (issue 19)."""

from __future__ import annotations

from typing import Any

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.questionnaire.earlier_person import earlier_answer
from kontoguide.questionnaire.events import Note
from scenario import ANSWERS, full_script
from test_flow import make

OFFICER = "step3.officer_dialogue"
PREPARED = "step5.prepared_by"


def defaults(
    checklist: Checklist,
    answers: dict[str, Any],
    person: str = OFFICER,
    parts: tuple[str, ...] = ("name", "role", "email", "date"),
    note: str = m.Q_EARLIER_PERSON,
) -> dict[str, Any]:
    _flow, conversation, asker, screen, _ = make(checklist, full_script(checklist, answers))
    conversation.run()
    labels = {checklist.question(f"{person}.{part}").label: part for part in parts}
    shown = {labels[p.message]: p.default for p in asker.prompts if p.message in labels}
    notes = [note.text for note in screen.of(Note)]
    shown["noted"] = note in notes
    return shown


def test_the_step_1_contact_is_offered_with_role_and_e_mail(checklist: Checklist) -> None:
    shown = defaults(checklist, ANSWERS)
    assert shown == {
        "name": ANSWERS["step1.comms_contact.name"],
        "role": ANSWERS["step1.comms_contact.role"],
        "email": ANSWERS["step1.comms_contact.email"],
        # Another talk than in step 1, perhaps: its date is not offered.
        "date": "",
        "noted": True,
    }


def test_another_person_is_not_offered_the_contacts_role_and_e_mail(
    checklist: Checklist,
) -> None:
    answers = {
        **ANSWERS,
        f"{OFFICER}.name": "Per Ek",
        f"{OFFICER}.email": "per.ek@stockholm.se",
    }
    shown = defaults(checklist, answers)
    assert shown["name"] == ANSWERS["step1.comms_contact.name"]
    assert shown["role"] == shown["email"] == ""


def test_only_the_officer_is_offered_an_earlier_person() -> None:
    answers = {"step1.comms_contact.name": "Anna Lind", "step1.comms_contact.date": "2026-01-02"}
    assert earlier_answer("step3.officer_dialogue.name", answers.get) == "Anna Lind"
    assert earlier_answer("step3.officer_dialogue.date", answers.get) is None
    assert earlier_answer("step1.comms_contact.name", answers.get) is None
    assert earlier_answer("step3.officer_dialogue.role", answers.get) is None


def prepared(checklist: Checklist, answers: dict[str, Any]) -> dict[str, Any]:
    parts = ("name", "unit", "email")
    return defaults(checklist, answers, PREPARED, parts, m.Q_EARLIER_RESPONSIBLE)


def test_the_responsible_person_is_offered_as_who_prepared_it(checklist: Checklist) -> None:
    shown = prepared(checklist, ANSWERS)
    assert shown == {
        "name": ANSWERS["step2.responsible.name"],
        "unit": ANSWERS["step2.responsible.unit"],
        "email": ANSWERS["step2.responsible.email"],
        "noted": True,
    }


def test_someone_else_who_prepared_it_is_not_offered_the_responsibles_unit(
    checklist: Checklist,
) -> None:
    answers = {**ANSWERS, f"{PREPARED}.name": "Per Ek", f"{PREPARED}.email": "per.ek@stockholm.se"}
    shown = prepared(checklist, answers)
    assert shown["name"] == ANSWERS["step2.responsible.name"]
    assert shown["unit"] == shown["email"] == ""
    # The step 1 contact's note belongs to step 3, not here.
    assert m.Q_EARLIER_PERSON not in m.Q_EARLIER_RESPONSIBLE
