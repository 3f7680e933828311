"""The account after the decision: its start, follow-ups and closing; the record's states."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from kontoguide.model import messages as m
from kontoguide.model.fieldtypes import (
    AnyDate,
    ChoiceFrom,
    LongText,
    Moment,
    MustBeYes,
    Number,
    PastDate,
    PersonName,
    ShortText,
)
from kontoguide.model.parts import LIST_MAXIMUMS, DecisionMaker, Part
from kontoguide.model.steps import _review_within_a_year

# The conclusion of a follow-up that ends the account: no next review then.
CONCLUSION_CLOSE = "avsluta"
# The path of a checklist answer ("step4.archiving.records_law", "extra.x"), as the
# checklist names its questions' fields.
AnswerPath = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$", max_length=200)
]
# The most answers one review may give: far more than a version adds.
MAX_REVIEW_ANSWERS = 200


class AccountStart(Part):
    """Kontot startat: när det öppnades, var det finns och anmälan till stadens förteckning."""

    started_on: PastDate | None = Field(None, title="Kontot startade")
    address: ShortText | None = Field(None, title="Kontots adress eller användarnamn")
    reported_to_list: bool | None = Field(None, title="Anmält till stadens förteckning")
    reported_date: PastDate | None = Field(None, title="Datum för anmälan")


class Measurement(Part):
    goal: int = Field(ge=1, le=LIST_MAXIMUMS["step2.goals"], title="Mål nummer")
    value: Number = Field(title="Uppmätt värde")
    measured_on: PastDate = Field(title="Mätdatum")
    comment: LongText | None = Field(None, title="Kommentar")


class FollowUp(Part):
    """En uppföljning: läggs till, skriver aldrig om beslutet eller målen."""

    held_on: PastDate = Field(title="Datum för uppföljningen")
    # Asked of every new follow-up; a follow-up saved before it was asked has none.
    carried_out_by: PersonName | None = Field(None, title="Genomförd av")
    measurements: list[Measurement] = Field(
        default_factory=list, max_length=LIST_MAXIMUMS["step2.goals"], title="Mätvärden"
    )
    assessment: LongText = Field(title="Samlad bedömning")
    conclusion: Annotated[str, ChoiceFrom("follow_up_conclusions")] = Field(title="Slutsats")
    next_review: AnyDate | None = Field(None, validate_default=True, title="Nästa uppföljning")
    # Questions of a later checklist version than the record was decided under, answered
    # at this follow-up (the review, omprövning): the decision is not judged by them.
    review_answers: list[AnswerPath] = Field(
        default_factory=list,
        max_length=MAX_REVIEW_ANSWERS,
        title="Besvarat vid omprövningen",
        description=(
            "Frågor som en senare version av checklistan ställer och som besvarades vid "
            "den här uppföljningen, med svarens sökvägar (till exempel "
            "step4.archiving.records_law). Beslutet prövas inte mot dem."
        ),
    )

    @field_validator("review_answers")
    @classmethod
    def _each_answer_once(cls, fields: list[str]) -> list[str]:
        if len(set(fields)) != len(fields):
            raise PydanticCustomError("review_twice", m.V_REVIEW_ANSWER_TWICE)
        return fields

    @field_validator("measurements")
    @classmethod
    def _measured_by_then(
        cls, measurements: list[Measurement], info: ValidationInfo
    ) -> list[Measurement]:
        held = info.data.get("held_on")
        goals = [item.goal for item in measurements]
        if len(set(goals)) != len(goals):
            raise PydanticCustomError("goal_twice", m.V_FOLLOW_UP_GOAL_TWICE)
        if isinstance(held, date) and any(item.measured_on > held for item in measurements):
            raise PydanticCustomError(
                "measured_after", m.V_MEASURED_AFTER_FOLLOW_UP.format(date=held.isoformat())
            )
        return measurements

    @field_validator("next_review")
    @classmethod
    def _next_unless_closing(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None and info.data.get("conclusion") not in (None, CONCLUSION_CLOSE):
            raise PydanticCustomError("follow_up_next", m.V_FOLLOW_UP_NEXT_REQUIRED)
        return _review_within_a_year(value, info.data.get("held_on"))


class Closing(Part):
    """Kontot avslutat enligt rutinen från steg 4."""

    closed_on: PastDate | None = Field(None, title="Kontot avslutades")
    archived: Annotated[bool, MustBeYes(m.V_YES_CLOSING_ARCHIVED)] | None = Field(
        None, title="Innehållet är arkiverat"
    )
    comms_told: Annotated[bool, MustBeYes(m.V_YES_CLOSING_COMMS)] | None = Field(
        None, title="Kommunikationsfunktionen har fått veta"
    )
    removed_from_list: Annotated[bool, MustBeYes(m.V_YES_CLOSING_LIST)] | None = Field(
        None, title="Borttaget ur stadens förteckning"
    )
    # Who decided to close the account and why: the closing is a decision of its own.
    decided_by: DecisionMaker = Field(
        default_factory=DecisionMaker, title="Beslutet om att avsluta kontot"
    )
    reason: LongText | None = Field(None, title="Varför kontot avslutas")
    removed_from_platform: Annotated[bool, MustBeYes(m.V_YES_CLOSING_PLATFORM)] | None = Field(
        None, title="Borttaget från plattformen"
    )
    archive_delivered_on: PastDate | None = Field(
        None, title="Arkiveringen levererad till stadens e-arkiv"
    )
    archive_reference: ShortText | None = Field(None, title="Leveransens referens i e-arkivet")


def reviewed_on(follow_ups: list[FollowUp] | None) -> dict[str, date]:
    """The day each answer given at a review was given: its follow-up's day."""
    return {
        field: follow_up.held_on
        for follow_up in follow_ups or []
        for field in follow_up.review_answers
    }


LIFECYCLE_STATES = ("draft", "ready", "decided", "started", "closed")
State = Literal["draft", "ready", "decided", "started", "closed"]


class Transition(Part):
    """One step in the record's life: a new state, or a follow-up added."""

    what: Literal["draft", "ready", "decided", "started", "closed", "followed_up"] = Field(
        title="Vad"
    )
    at: Moment = Field(title="När")
