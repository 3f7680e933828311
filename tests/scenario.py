"""One realistic run through the questionnaire, as data, plus a scripted asker and screen.

ANSWERS holds what a user types or picks for every question of the shipped
checklist up to "klar för beslut" (dates relative to today, so the run stays
valid); DECISION, START and CLOSING the answers for the sections written later,
FOLLOW_UP one follow-up. The flow tests feed them to the conversation through
ScriptedAsker; the pty tests turn the same tables into key presses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kontoguide.checklist.parts import Checklist, ItemField, Question
from kontoguide.cli import messages as m
from kontoguide.model import paths
from kontoguide.model.record import Record
from kontoguide.questionnaire.earlier_person import earlier_answer
from kontoguide.questionnaire.events import Event
from kontoguide.questionnaire.list_answers import offered_people
from kontoguide.questionnaire.prompting import Option, Prompt

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ALL = "*alla*"  # a multiple choice where every option is marked
INTERRUPT = "*ctrl-c*"
EOF = "*ctrl-d*"


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).isoformat()


ANSWERS: dict[str, Any] = {
    "organisation.kind": "forvaltning",
    "organisation.name": "Kulturförvaltningen",
    "organisation.unit": "Stadsbiblioteket, barn och unga",
    "account_name": "Barn och unga på Instagram",
    "step1.policy_read": True,
    "step1.local_routines_known": True,
    "step1.comms_contact.name": "Anna Lind",
    "step1.comms_contact.role": "Kommunikationschef",
    "step1.comms_contact.email": "anna.lind@stockholm.se",
    "step1.comms_contact.date": day(-30),
    "step1.existing_accounts_found": True,
    "step1.existing_accounts": [
        {
            "name": "Kulturskolan Stockholm",
            "platform": "instagram",
            "address": "@kulturskolanstockholm",
            "can_cooperate": True,
            "comment": None,
        }
    ],
    "step1.shared_accounts_considered": True,
    "step1.shared_accounts_reason": (
        "Vi behöver svara på föräldrars frågor om lovaktiviteter varje dag."
    ),
    "step1.environment_scan": "Bibliotek i Göteborg visar lovprogrammet med korta filmer.",
    "step2.purpose": "Att fler familjer med barn 6–12 år hittar bibliotekens lovaktiviteter.",
    "step2.plan.kind": "verksamhetsplan",
    "step2.plan.document": "Kulturförvaltningens verksamhetsplan 2026",
    "step2.plan.year": "2026",
    "step2.plan.section": "3.2 Läsfrämjande för barn och unga",
    "step2.plan.goal": "Fler barn och unga ska läsa på fritiden.",
    "step2.goals": [
        {
            "description": "Fler familjer anmäler sig till lovaktiviteter",
            "effect": "agerar",
            "indicator": "Antal anmälningar via länken i inläggen",
            "baseline": "300",
            "target": "600",
            "unit": "anmälningar per lov",
            "deadline": day(365),
            "data_source": "Bibliotekets bokningssystem",
        }
    ],
    "step2.target_groups": [
        {
            "name": "Föräldrar i Söderort",
            "description": "Föräldrar som planerar lovet i mobilen på kvällen.",
            "needs": "Att i god tid få veta vilka aktiviteter som finns.",
        }
    ],
    "step2.responsible.name": "Erik Berg",
    "step2.responsible.title": "Bibliotekarie",
    "step2.responsible.unit": "Stadsbiblioteket",
    "step2.responsible.email": "erik.berg@stockholm.se",
    "step2.responsible.phone": "08-508 000 00",
    "step2.duties": ALL,
    "step2.deputy.name": "Sara Holm",
    "step2.deputy.title": "Bibliotekarie",
    "step2.deputy.unit": "Stadsbiblioteket",
    "step2.deputy.email": "sara.holm@stockholm.se",
    "step2.deputy.phone": "08-508 000 01",
    "step2.follow_up": "kvartalsvis",
    "step3.platform": "instagram",
    "step3.platform_reason": (
        "Föräldrarna i vår målgrupp använder Instagram varje dag och bilder visar lovet bäst."
    ),
    "step3.officer_dialogue.name": "Anna Lind",
    "step3.officer_dialogue.role": "Kommunikatör",
    "step3.officer_dialogue.email": "anna.lind@stockholm.se",
    "step3.officer_dialogue.date": day(-20),
    "step3.statistics.title": "Svenskarna och internet",
    "step3.statistics.year": "2025",
    "step3.proposed_account_name": "Stadsbiblioteket barn och unga – Stockholms stad",
    "step4.team": [
        {"name": "Erik Berg", "role": "agare", "email": "erik.berg@stockholm.se", "admin": True},
        {
            "name": "Sara Holm",
            "role": "redaktor",
            "email": "sara.holm@stockholm.se",
            "admin": True,
        },
    ],
    "step4.publishing_frequency": "Tre inlägg i veckan",
    "step4.monitoring_per_day": "3",
    "step4.response_time": "Inom en arbetsdag",
    "step4.off_hours": "Vi publicerar inte på helger.",
    "step4.account_info": ALL,
    "step4.comment_rules_where": "stockholm.se/kommentarsregler",
    "step4.graphic_profile": True,
    "step4.archiving.contact": "Lena Ek",
    "step4.archiving.contact_email": "lena.ek@stockholm.se",
    "step4.archiving.level": "Alla inlägg och kommentarer",
    "step4.archiving.tool": "Förvaltningens arkiveringsverktyg",
    "step4.archiving.frequency": "arsvis",
    "step4.archiving.case_number": "2026/123",
    "step4.archiving.records_law": ALL,
    "step4.watch_duty": True,
    "step4.illegal_content_routine": "Moderatorn sparar en skärmbild och tar bort inlägget.",
    "step4.data_protection.controller": True,
    "step4.data_protection.dpo_consulted": True,
    "step4.data_protection.dpo_name": "Maria Ek",
    "step4.data_protection.dpo_date": "2026-01-20",
    "step4.data_protection.legal_basis": "allmant_intresse",
    "step4.data_protection.transfer_assessment": "Plattformen är certifierad enligt ramverket.",
    "step4.data_protection.picture_rules": "Vi frågar alltid innan vi fotograferar.",
    "step4.accessibility": ALL,
    "step4.security.two_factor": True,
    "step4.security.organisation_account": True,
    "step4.security.recovery_mailbox": "barnochunga@stockholm.se",
    "step4.security.admin_review": True,
    "step4.crisis.plan_link": "intranat.stockholm.se/krisplan",
    "step4.crisis.takeover_routine": "Vi återställer inloggningen via funktionsbrevlådan.",
    "step4.closing_routine": "Vi avslutar kontot om målen inte nås och arkiverar först.",
    "step5.decision_maker.name": "Maria Ström",
    "step5.decision_maker.title": "Enhetschef",
    # The responsible person of step 2 prepared it: offered, and typed over the same.
    "step5.prepared_by.name": "Erik Berg",
    "step5.prepared_by.unit": "Stadsbiblioteket",
    "step5.prepared_by.email": "erik.berg@stockholm.se",
}

# The decision is taken the day the checklist is ready (the scenario's record
# becomes ready today), then the account starts the same day.
DECISION: dict[str, Any] = {
    "step5.outcome": "godkant",
    "step5.decision_date": day(0),
    "step5.case_number_status": "finns",
    "step5.case_number": "KUF 2026/1187",
    "step5.delegation_point": "4.2",
    # Every decision has its reason, an approval too: the city advises against new accounts.
    "step5.motivation": "Ungdomarna i målgruppen nås inte genom stadens gemensamma konton.",
    "step5.next_review": day(90),
}
START: dict[str, Any] = {
    "start.started_on": day(0),
    "start.address": "@stadsbiblioteketunga",
    "start.reported_to_list": True,
    "start.reported_date": day(0),
}
# Who decided to close and why, and the archive's delivery: a closing is a decision too.
CLOSING_DECISION: dict[str, Any] = {
    "decided_by": {"name": "Helena Ström", "title": "Avdelningschef"},
    "reason": "Uppföljningen visade att målgruppen nås bättre genom stadens gemensamma konton.",
    "removed_from_platform": True,
    "archive_reference": "E-arkivet leverans 2026-118",
}


def whole_closing(closed_on: str) -> dict[str, Any]:
    """A closing with every confirmation, delivered to the e-archive the day it closed."""
    return {
        **CLOSING_DECISION,
        "closed_on": closed_on,
        "archived": True,
        "archive_delivered_on": closed_on,
        "comms_told": True,
        "removed_from_list": True,
    }


# The closing's decision and delivery as the questionnaire asks them (labels → answers).
CLOSING_ASKED: dict[str, list[Any]] = {
    "Vem beslutade att kontot ska avslutas?": ["Helena Ström"],
    "Vilken befattning har den som beslutade?": ["Avdelningschef"],
    "Varför avslutas kontot?": [CLOSING_DECISION["reason"]],
    "När levererades arkiveringen till stadens e-arkiv?": [day(0)],
    "Vilken referens har leveransen i e-arkivet?": [CLOSING_DECISION["archive_reference"]],
    "Är kontot borttaget från plattformen?": ["ja"],
}

CLOSING: dict[str, Any] = {
    "closing.decided_by.name": "Helena Ström",
    "closing.decided_by.title": "Avdelningschef",
    "closing.reason": CLOSING_DECISION["reason"],
    "closing.closed_on": day(0),
    "closing.archived": True,
    "closing.archive_delivered_on": day(0),
    "closing.archive_reference": CLOSING_DECISION["archive_reference"],
    "closing.comms_told": True,
    "closing.removed_from_platform": True,
    "closing.removed_from_list": True,
}
# One follow-up of the scenario's one goal, as typed (the labels are in messages).
FOLLOW_UP: dict[str, Any] = {
    "held_on": day(0),
    "carried_out_by": "Amir Haddad",
    "value": "4711",
    "measured_on": day(0),
    "comment": "Höstlovet gav flest anmälningar.",
    "assessment": "Kontot når föräldrarna, men målet är långt borta.",
    "conclusion": "fortsatt",
    "next_review": day(90),
}


def shifted(name: str) -> dict[str, Any]:
    """An example record with its dates moved around today, so that it stays valid
    whenever the tests run: decided 200 days ago, started 190 days ago, the last
    follow-up 20 days ago and the next in 60 days, goals a year from now; the groundwork
    (the dialogues and the DPO's consultation) a month before the decision."""
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    for step, key, field, before in (
        ("step1", "comms_contact", "date", -230),
        ("step3", "officer_dialogue", "date", -225),
        ("step4", "data_protection", "dpo_date", -220),
    ):
        part = (data.get(step) or {}).get(key)
        if isinstance(part, dict) and part.get(field):
            part[field] = day(before)
    for goal in data["step2"]["goals"]:
        goal["deadline"] = day(365)
    step5 = data["step5"]
    if "decision_date" in step5:
        step5["decision_date"] = day(-200)
    if step5.get("next_review"):
        step5["next_review"] = day(100)
    if "start" in data:
        data["start"].update(started_on=day(-190), reported_date=day(-190))
    for follow_up in data.get("follow_ups") or []:
        follow_up.update(held_on=day(-20), next_review=day(60))
        for measurement in follow_up["measurements"]:
            measurement["measured_on"] = day(-25)
    return data


def started_example(checklist: Checklist, **changes: Any) -> Any:
    """examples/startat-med-uppfoljning.json (two goals, one follow-up) around today,
    as a started Record; `changes` go into its follow-up."""
    from datetime import UTC, datetime

    from kontoguide.rules.lifecycle import settled
    from kontoguide.store.drafts import prefilled

    data = shifted("startat-med-uppfoljning.json")
    data["follow_ups"][0].update(changes)
    record, invalid = prefilled(data, checklist, "start123")
    assert invalid == []
    record = settled(record, checklist, moment=datetime.now(UTC))
    assert record.status == "started"
    return record


LIST_MENU = "Vad vill du göra nu?"
REVIEW_READY = "Alla svar är ifyllda och stämmer. Vad vill du göra?"
REVIEW_PROBLEMS = "Några svar saknas eller behöver rättas. Vad vill du göra?"
STAGE_CHECK = "Stämmer det här?"


def full_script(checklist: Checklist, answers: dict[str, Any] = ANSWERS) -> dict[str, list[Any]]:
    """The whole questionnaire, then "save as ready" at the review."""
    script = script_for(checklist, answers)
    script[REVIEW_READY] = ["complete"]
    return script


def raw(spec: Question | ItemField, value: Any) -> Any:
    """What the user gives the prompt for a value: "ja"/"nej", a choice value, text."""
    if spec.kind == "yesno":
        return "ja" if value else "nej"
    return "" if value is None else value


def script_for(
    checklist: Checklist, answers: dict[str, Any], *, fields: Sequence[str] | None = None
) -> dict[str, list[Any]]:
    """Label → queue of answers, for the questions in `fields` (default: all in `answers`)."""
    script: dict[str, list[Any]] = {}
    wanted = set(fields) if fields is not None else set(answers)
    data = nested(answers)
    for _, question in checklist.questions():
        if question.field not in wanted or question.field not in answers:
            continue
        value = answers[question.field]
        if question.kind != "list":
            script.setdefault(question.label, []).append(raw(question, value))
            continue
        for label, answer, spec in list_answers(question, value, data):
            script.setdefault(label, []).append(answer if spec is None else raw(spec, answer))
    return script


PERSON_OPTIONS = ["take", "change", "skip"]


def list_answers(
    question: Question, items: list[dict[str, Any]], data: dict[str, Any]
) -> list[tuple[str, Any, ItemField | None]]:
    """(prompt, answer, item field or None for a menu) in the order a fresh list asks:
    the people named in step 2 first (taken when an item is that person), then the
    other items, the first at once and each next after "add", then "done"."""
    steps: list[tuple[str, Any, ItemField | None]] = []
    rest = list(items)
    for who, person in offered_people(question, data):
        label = m.Q_PERSON_OFFER.format(name=person["name"], who=who)
        match = next(
            (item for item in rest if all(item.get(k) == v for k, v in person.items())), None
        )
        if match is None:
            steps.append((label, "skip", None))
            continue
        rest.remove(match)
        steps.append((label, "take", None))
        for spec in asked_fields(question, match):
            if spec.field not in person:
                steps.append((spec.label, match.get(spec.field), spec))
    for item in rest:
        if len(items) - len(rest) > 0 or item is not rest[0]:
            steps.append((LIST_MENU, "add", None))
        for spec in asked_fields(question, item):
            steps.append((spec.label, item.get(spec.field), spec))
    steps.append((LIST_MENU, "done", None))
    return steps


class ScriptedAsker:
    """Answers prompts from a label → queue table, checking each answer like a prompt would.

    A refused answer is recorded and the next one in the queue is tried, as a
    user who reads the message and types again.
    """

    def __init__(self, script: dict[str, list[Any]]) -> None:
        self.script = {label: list(queue) for label, queue in script.items()}
        self.asked: list[str] = []
        self.prompts: list[Prompt] = []
        self.refused: list[tuple[str, str]] = []

    def add(self, label: str, *answers: Any) -> None:
        self.script.setdefault(label, []).extend(answers)

    def _next(self, prompt: Prompt) -> Any:
        queue = self.script.get(prompt.message)
        if not queue:
            raise AssertionError(f"oväntad fråga: {prompt.message!r}")
        answer = queue.pop(0)
        if answer == INTERRUPT:
            raise KeyboardInterrupt
        if answer == EOF:
            raise EOFError
        return answer

    def _answer(self, prompt: Prompt, convert: Any = None) -> Any:
        self.asked.append(prompt.message)
        self.prompts.append(prompt)
        while True:
            answer = self._next(prompt)
            if convert is not None:
                answer = convert(answer)
            message = prompt.validate(answer) if prompt.validate else None
            if message is None:
                return answer
            self.refused.append((prompt.message, message))

    def text(self, prompt: Prompt, *, multiline: bool = False) -> str:
        return str(self._answer(prompt))

    def select(self, prompt: Prompt, options: Sequence[Option]) -> str:
        values = [option.value for option in options]

        def check(answer: Any) -> str:
            assert answer in values, f"{answer!r} finns inte bland {values} ({prompt.message})"
            return str(answer)

        return str(self._answer(prompt, check))

    def checkbox(self, prompt: Prompt, options: Sequence[Option]) -> list[str]:
        def convert(answer: Any) -> list[str]:
            return [o.value for o in options] if answer == ALL else list(answer)

        result: list[str] = self._answer(prompt, convert)
        return result

    def left(self) -> dict[str, list[Any]]:
        return {label: queue for label, queue in self.script.items() if queue}


class RecordingScreen:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def show(self, event: Event) -> None:
        self.events.append(event)

    def of(self, kind: type) -> list[Any]:
        return [event for event in self.events if isinstance(event, kind)]


# --- key presses for real prompts (in-process pipe input and the pty) ----------------------

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CLEAR_LINE = "\x15"  # Ctrl-U: the text before the cursor, an offered answer, goes
FINISH_LONG = "\x1b\r"  # Esc, then Enter: ends a multi-line answer


def move(options: Sequence[str], start: str | None, target: str) -> str:
    """Arrow keys from the pointer's start (the default, else the first) to `target`."""
    here = options.index(start) if start in options else 0
    there = options.index(target)
    return (DOWN * (there - here) if there >= here else UP * (here - there)) + ENTER


def keys_for(checklist: Checklist, spec: Question | ItemField, value: Any) -> str:
    """What a user types for a fresh question (no default) to give `value`."""
    if spec.kind == "yesno":
        return ENTER if value else DOWN + ENTER
    if spec.kind == "choice":
        options = checklist.choice_values(spec.choices or "")
        if not spec.required:
            options.append("")
        return move(options, None, value or "")
    if spec.kind == "multichoice":
        assert value == ALL
        return "a" + ENTER
    text = "" if value is None else str(value)
    return text + (FINISH_LONG if spec.kind == "longtext" else ENTER)


LIST_OPTIONS = ["add", "change", "remove", "done"]


def list_keys(checklist: Checklist, question: Question, items: list[dict[str, Any]]) -> str:
    """Fill a fresh list: the first item is asked at once, then "add" for each next, "done"."""
    keys = ""
    for number, item in enumerate(items):
        if number > 0:
            keys += move(LIST_OPTIONS, "done", "add")
        for spec in asked_fields(question, item):
            keys += keys_for(checklist, spec, item.get(spec.field))
    return keys + move(LIST_OPTIONS, "done", "done")


def asked_fields(question: Question, item: dict[str, Any]) -> list[ItemField]:
    """The fields of a list item that are asked: those whose `when` holds for the item."""
    return [spec for spec in question.fields if spec.when is None or spec.when.holds(item)]


def nested(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers table as record-shaped data, to evaluate `when` conditions."""
    from kontoguide.model import paths

    data: dict[str, Any] = {}
    for field, value in answers.items():
        paths.put(data, field, value)
    return data


def sequence(
    checklist: Checklist,
    answers: dict[str, Any],
    fields: Sequence[str] | None = None,
    *,
    stage: str = "ready",
) -> list[tuple[str, str]]:
    """(prompt label, keys) in the order a fresh run asks them, for real prompts: the
    questions of `stage` only (default: the questionnaire up to "klar för beslut")."""
    data = nested(answers)
    steps: list[tuple[str, str]] = []
    for section, question in checklist.questions(stage):
        if section.stage != stage:
            continue
        if fields is not None and question.field not in fields:
            continue
        if question.when is not None and not question.when.holds(data):
            continue
        value = answers[question.field]
        if question.kind != "list":
            keys = keys_for(checklist, question, value)
            if earlier_answer(question.field, lambda field: paths.get(data, field)) is not None:
                keys = CLEAR_LINE + keys  # a person named earlier is offered: typed over
            steps.append((question.label, keys))
            continue
        for label, answer, spec in list_answers(question, value, data):
            if spec is not None:
                steps.append((label, keys_for(checklist, spec, answer)))
            elif label == LIST_MENU:
                steps.append((label, move(LIST_OPTIONS, "done", answer)))
            else:
                steps.append((label, move(PERSON_OPTIONS, "take", answer)))
    return steps


class Saves:
    """The save callback: keeps every saved record, like the drafts store would."""

    def __init__(self) -> None:
        self.records: list[Record] = []

    def __call__(self, record: Record) -> None:
        self.records.append(record)

    @property
    def last(self) -> Record:
        return self.records[-1]
