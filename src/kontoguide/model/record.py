"""The checklist record: every answer, validated, plus what identifies the record.

A draft is a partial record: every answer may be missing (None), and what is
present is validated. Items of a list (goals, team members, ...) are whole:
they are added complete. Completeness is a separate check (completeness.problems)
driven by the checklist's required questions and the model's complete-only rules.

The steps are in steps.py, the parts they are made of in parts.py, what comes
after the decision in account_life.py; here are the record and the rules that
compare answers of different steps.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import (
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from kontoguide.model import messages as m
from kontoguide.model.account_life import (
    AccountStart,
    Closing,
    FollowUp,
    State,
    Transition,
    reviewed_on,
)
from kontoguide.model.chronology import decision_too_early, review_out_of_order
from kontoguide.model.fieldtypes import Moment, ShortText
from kontoguide.model.parts import LIST_MAXIMUMS, NoticeAck, Organisation, Part, _error_at
from kontoguide.model.steps import APPROVED, Channel, Decision, Groundwork, Purpose, Routines

SCHEMA_VERSION = 3


# Words of a unit's name that say nothing about which unit it is.
_GENERIC_WORDS = frozenset(
    {
        "stad", "staden", "stads", "enhet", "enheten", "enheter", "avdelning",
        "avdelningen", "förvaltning", "förvaltningen", "bolag", "bolaget", "sektion",
        "sektionen", "verksamhet", "verksamheten",
    }
)  # fmt: skip
UNIT_WORD_MIN = 4


def _words(text: str) -> set[str]:
    """The words of `text`, casefolded: runs of letters."""
    return set("".join(char if char.isalpha() else " " for char in text.casefold()).split())


def unit_words(organisation: Organisation) -> set[str]:
    """The words that name the unit: every word of at least four letters of the
    organisation's or the unit's name, except "Stockholm" and generic words."""
    words: set[str] = set()
    for name in (organisation.name, organisation.unit):
        for word in _words(name or ""):
            if len(word) >= UNIT_WORD_MIN and "stockholm" not in word:
                words.add(word)
    return words - _GENERIC_WORDS


def _word_list(text: str) -> list[str]:
    return "".join(char if char.isalpha() else " " for char in text.casefold()).split()


def _names_whole(name: str, organisation: Organisation) -> bool:
    """Whether the unit's or the organisation's whole name stands in `name`, word by word:
    "Ung kultur" names the unit "Ung", whose only word is shorter than four letters."""
    words = _word_list(name)
    for part in (organisation.unit, organisation.name):
        wanted = _word_list(part or "")
        if wanted and not set(wanted) <= _GENERIC_WORDS:
            size = len(wanted)
            if any(words[i : i + size] == wanted for i in range(len(words) - size + 1)):
                return True
    return False


def account_name_problem(name: str, organisation: Organisation) -> str | None:
    """Why a proposed account name does not show the unit and Stockholm, if it does not."""
    folded = name.casefold()
    city = "stockholm" in folded
    known = unit_words(organisation)
    words = _words(name)
    # Without a known organisation only the city can be checked (a draft in progress).
    unit = (
        not known
        or bool(known & words)
        or any(word in folded for word in known)
        or _names_whole(name, organisation)
    )
    if city and unit:
        return None
    if unit:
        return m.V_ACCOUNT_NAME_CITY
    parts: list[str] = []
    for part in (organisation.unit, organisation.name):
        # A unit that is the organisation itself is named once.
        if part and part.casefold() not in (other.casefold() for other in parts):
            parts.append(part)
    names = " eller ".join(f"”{part}”" for part in parts)
    if city:
        return m.V_ACCOUNT_NAME_UNIT.format(names=names)
    return m.V_ACCOUNT_NAME_BOTH.format(names=names)


# --- the record --------------------------------------------------------------


class Answers(Part):
    """Svaren i checklistan; formatet för en svarsfil (`kontoguide start --answers`)."""

    notice: NoticeAck | None = Field(None, title="Rådet om Schrems II")
    organisation: Organisation = Field(default_factory=Organisation, title="Organisation")
    account_name: ShortText | None = Field(None, title="Kontots arbetsnamn")
    step1: Groundwork = Field(default_factory=Groundwork, title="Steg 1: Förarbete")
    step2: Purpose = Field(default_factory=Purpose, title="Steg 2: Syfte, mål och ansvar")
    step3: Channel = Field(default_factory=Channel, title="Steg 3: Kanalval")
    step4: Routines = Field(default_factory=Routines, title="Steg 4: Organisation och rutiner")
    step5: Decision = Field(default_factory=Decision, title="Steg 5: Beslut")
    start: AccountStart = Field(default_factory=AccountStart, title="Kontot startat")
    follow_ups: list[FollowUp] | None = Field(
        None, max_length=LIST_MAXIMUMS["follow_ups"], title="Uppföljningar"
    )
    closing: Closing = Field(default_factory=Closing, title="Kontot avslutat")
    # A variant's own questions, keyed by question id. Their rules are a model made
    # from the checklist (added_questions.py), handed in by the validation context.
    extra: dict[str, Any] = Field(default_factory=dict, title=m.CV_EXTRA_TITLE)

    def advice(self, field: str) -> str | None:
        """kontoguide's hint on an answer that holds but may not be what the question asks
        for; shown after the answer is saved, never a reason to refuse it."""
        if field == "organisation.name":
            return self.organisation.name_advice()
        return None

    @field_validator("extra")
    @classmethod
    def _added_questions(cls, value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        model = (info.context or {}).get("extra_model")
        if model is None:
            return value
        checked = model.model_validate(value, context=info.context)
        return {key: item for key, item in checked.model_dump().items() if item is not None}

    @field_validator("step3")
    @classmethod
    def _account_name_shows_unit_and_city(cls, channel: Channel, info: ValidationInfo) -> Channel:
        name = channel.proposed_account_name
        organisation = info.data.get("organisation")
        if name is None:
            return channel
        problem = account_name_problem(
            name, organisation if isinstance(organisation, Organisation) else Organisation()
        )
        if problem is not None:
            raise _error_at("proposed_account_name", name, problem)
        return channel

    @field_validator("step4")
    @classmethod
    def _recovery_mailbox_not_personal(cls, routines: Routines, info: ValidationInfo) -> Routines:
        mailbox = routines.security.recovery_mailbox
        if mailbox is None:
            return routines
        for email, who in _named_emails(info.data, routines):
            if email.casefold() == mailbox.casefold():
                raise ValidationError.from_exception_data(
                    "Record",
                    [
                        InitErrorDetails(
                            type=PydanticCustomError(
                                "recovery_personal",
                                m.V_RECOVERY_PERSONAL.format(email=mailbox, who=who),
                            ),
                            loc=("security", "recovery_mailbox"),
                            input=mailbox,
                        )
                    ],
                )
        return routines

    @field_validator("start")
    @classmethod
    def _started_after_approval(cls, start: AccountStart, info: ValidationInfo) -> AccountStart:
        decision = info.data.get("step5")
        # A decision that failed its own checks is reported there, not here again.
        if _unanswered(start) or not isinstance(decision, Decision):
            return start
        if decision.outcome != APPROVED:
            raise PydanticCustomError("start_not_approved", m.V_START_NEEDS_APPROVAL)
        decided = decision.decision_date
        for day in (start.started_on, start.reported_date):
            if day is not None and decided is not None and day < decided:
                raise PydanticCustomError(
                    "start_before_decision",
                    m.V_START_BEFORE_DECISION.format(
                        day=day.isoformat(), decision=decided.isoformat()
                    ),
                )
        return start

    @field_validator("follow_ups")
    @classmethod
    def _followed_up_after_start(
        cls, follow_ups: list[FollowUp] | None, info: ValidationInfo
    ) -> list[FollowUp] | None:
        start = info.data.get("start")
        if not follow_ups or not isinstance(start, AccountStart):
            return follow_ups
        started = start.started_on
        if started is None:
            raise PydanticCustomError("follow_up_not_started", m.V_FOLLOW_UP_NEEDS_START)
        purpose = info.data.get("step2")
        goals = len(purpose.goals or []) if isinstance(purpose, Purpose) else 0
        for number, follow_up in enumerate(follow_ups, start=1):
            if follow_up.held_on < started:
                raise PydanticCustomError(
                    "follow_up_before_start",
                    m.V_FOLLOW_UP_BEFORE_START.format(
                        number=number,
                        held=follow_up.held_on.isoformat(),
                        start=started.isoformat(),
                    ),
                )
            measured = sorted(item.goal for item in follow_up.measurements)
            if measured != list(range(1, goals + 1)):
                raise PydanticCustomError(
                    "follow_up_goals", m.V_FOLLOW_UP_EVERY_GOAL.format(number=number, goals=goals)
                )
        return follow_ups

    @model_validator(mode="after")
    def _decided_after_groundwork(self) -> Answers:
        # Checked once the whole record is: a date given at a review (in a follow-up,
        # after the decision) is not groundwork of the decision.
        decided = self.step5.decision_date
        reviewed = reviewed_on(self.follow_ups)
        out_of_order = review_out_of_order(self, decided, reviewed)
        if out_of_order is not None:
            field, day, why = out_of_order
            raise _error_at(field, day.isoformat(), why)
        parts = {"step1": self.step1, "step3": self.step3, "step4": self.step4}
        problem = decision_too_early(decided, parts, frozenset(reviewed))
        if decided is not None and problem is not None:
            raise _error_at("step5.decision_date", decided.isoformat(), problem)
        return self

    @field_validator("closing")
    @classmethod
    def _closed_after_start(cls, closing: Closing, info: ValidationInfo) -> Closing:
        start = info.data.get("start")
        if _unanswered(closing) or not isinstance(start, AccountStart):
            return closing
        started = start.started_on
        if started is None:
            raise PydanticCustomError("closing_not_started", m.V_CLOSING_NEEDS_START)
        closed = closing.closed_on
        if closed is not None and closed < started:
            raise PydanticCustomError(
                "closed_before_start",
                m.V_CLOSED_BEFORE_START.format(
                    closed=closed.isoformat(), start=started.isoformat()
                ),
            )
        follow_ups = info.data.get("follow_ups")
        for number, follow_up in enumerate(follow_ups or [], start=1):
            if (
                closed is not None
                and isinstance(follow_up, FollowUp)
                and follow_up.held_on > closed
            ):
                message = m.V_CLOSED_BEFORE_FOLLOW_UP.format(
                    closed=closed.isoformat(), number=number, held=follow_up.held_on.isoformat()
                )
                raise _error_at("closed_on", closed.isoformat(), message)
        return closing


def _unanswered(part: Part) -> bool:
    return part == _empty(type(part))


@cache
def _empty(model: type[Part]) -> Part:
    # Built once per part: constructing a model cost more than the rest of the check.
    return model()


def _named_emails(data: dict[str, Any], routines: Routines) -> list[tuple[str, str]]:
    """Every named person's e-mail in the record, with who it belongs to."""
    people: list[tuple[str | None, str | None, str]] = []
    step1, step2, step3 = data.get("step1"), data.get("step2"), data.get("step3")
    if isinstance(step1, Groundwork):
        contact = step1.comms_contact
        people.append((contact.email, contact.name, m.V_RECOVERY_ROLE_COMMS))
    if isinstance(step2, Purpose):
        for person, role in (
            (step2.responsible, m.V_RECOVERY_ROLE_RESPONSIBLE),
            (step2.deputy, m.V_RECOVERY_ROLE_DEPUTY),
        ):
            people.append((person.email, person.name, role))
    if isinstance(step3, Channel):
        officer = step3.officer_dialogue
        people.append((officer.email, officer.name, m.V_RECOVERY_ROLE_OFFICER))
    for member in routines.team or []:
        people.append((member.email, member.name, m.V_RECOVERY_ROLE_TEAM))
    archiving = routines.archiving
    people.append((archiving.contact_email, archiving.contact, m.V_RECOVERY_ROLE_ARCHIVING))
    return [
        (email, m.V_RECOVERY_WHO_NAMED.format(name=name, role=role) if name else role)
        for email, name, role in people
        if email is not None
    ]


STEP_FIELDS = ("step1", "step2", "step3", "step4", "step5")
META_FIELDS = (
    "schema_version",
    "id",
    "checklist_id",
    "checklist_version",
    "created_at",
    "updated_at",
    "status",
    "history",
    "set_aside",
)


class Record(Answers):
    """Ett utkast eller en färdig checklista, som den sparas och exporteras."""

    model_config = ConfigDict(extra="forbid", title="Kontoguide-checklista")

    schema_version: int = Field(SCHEMA_VERSION, title="Formatversion")
    id: str = Field(title="Id", pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")
    checklist_id: str = Field(title="Checklistans id")
    checklist_version: str = Field(title="Checklistans version")
    created_at: Moment = Field(title="Skapad")
    updated_at: Moment = Field(title="Senast ändrad")
    status: State = Field(
        "draft",
        title="Status",
        description=(
            "Följer av svaren och sätts aldrig för hand: draft (utkast), ready (klar för "
            "beslut), decided (beslut fattat), started (kontot startat), closed (avslutat)."
        ),
    )
    history: list[Transition] = Field(
        default_factory=list, title="Historik", description="Varje ny status och uppföljning."
    )
    set_aside: dict[str, Any] = Field(
        default_factory=dict,
        title="Svar som inte längre stämmer",
        description=(
            "Svar som inte klarade kontrollen när de lästes in, sparade så att inget går "
            "förlorat; de frågas om igen."
        ),
    )
    typed: dict[str, str] = Field(
        default_factory=dict,
        title="Påbörjade svar",
        description=(
            "Text som skrevs vid en fråga men inte sparades som svar (pausen kom före "
            "Enter), per fråga; den erbjuds igen vid frågan och tas bort när frågan besvaras."
        ),
    )


# The key an editor's schema validation reads: allowed in a file, never an answer.
SCHEMA_KEY = "$schema"


def file_schema(*, answers: bool = False, model: type[Record] | None = None) -> dict[str, Any]:
    """The JSON Schema of a saved record, or (`answers`) of an answers file.

    A saved record carries its identity; an answers file may leave it out (a new
    identity is given when it is read), so nothing is required at its top. An
    exported record is also a valid answers file.
    """
    # `model`: a checklist's record with its own questions typed (added_questions.py).
    schema = (model or Record).model_json_schema()
    kind = "answers" if answers else "record"
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:kontoguide:schema:{kind}:{SCHEMA_VERSION}",
        **schema,
    }
    # An editor validates a file that names its schema in "$schema"; reading ignores it.
    schema["properties"] = {
        SCHEMA_KEY: {"type": "string", "title": "JSON Schema för filen (läses inte)"},
        **schema["properties"],
    }
    if answers:
        schema["required"] = []
        schema["title"] = "Kontoguide: svarsfil"
    return schema
