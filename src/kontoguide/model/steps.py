"""The checklist's five steps, each one part of the record, with the rules within a step.

A rule that compares answers of different steps is the record's (record.py).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from kontoguide.model import messages as m
from kontoguide.model.answer_texts import ClosingRoutine, PurposeText
from kontoguide.model.fieldtypes import (
    AnyDate,
    CaseNumber,
    ChoiceFrom,
    ChoicesFrom,
    Count,
    LongText,
    MustBeYes,
    PastDate,
    Reason,
    ShortText,
    reference_date,
)
from kontoguide.model.parts import (
    LIST_MAXIMUMS,
    Archiving,
    Contact,
    Crisis,
    DataProtection,
    DecisionMaker,
    ExistingAccount,
    Goal,
    Part,
    Person,
    PlanReference,
    PreparedBy,
    Security,
    Source,
    TargetGroup,
    TeamMember,
    is_complete_mode,
)

# --- the five steps ----------------------------------------------------------


class Groundwork(Part):
    """Steg 1: styrdokument, stöd, befintliga konton och omvärldsbevakning."""

    policy_read: Annotated[bool, MustBeYes(m.V_YES_POLICY)] | None = Field(
        None, title="Policyn är läst"
    )
    local_routines_known: bool | None = Field(None, title="Känner till lokala rutiner")
    comms_contact: Contact = Field(
        default_factory=Contact, title="Dialog med kommunikationsfunktionen"
    )
    existing_accounts_found: bool | None = Field(
        None, title="Finns befintliga stadskonton inom området"
    )
    existing_accounts: list[ExistingAccount] | None = Field(
        None, title="Befintliga konton", max_length=LIST_MAXIMUMS["step1.existing_accounts"]
    )
    shared_accounts_considered: Annotated[bool, MustBeYes(m.V_YES_SHARED)] | None = Field(
        None, title="De stadsgemensamma kontona är övervägda"
    )
    shared_accounts_reason: Reason | None = Field(
        None, title="Varför de stadsgemensamma kontona inte räcker"
    )
    environment_scan: LongText | None = Field(None, title="Omvärldsbevakning")


class Purpose(Part):
    """Steg 2: syfte, mål, målgrupp och ansvarig."""

    purpose: PurposeText | None = Field(None, title="Syfte")
    plan: PlanReference = Field(default_factory=PlanReference, title="Koppling till styrdokument")
    goals: list[Goal] | None = Field(
        None, title="Mätbara mål", max_length=LIST_MAXIMUMS["step2.goals"]
    )
    target_groups: list[TargetGroup] | None = Field(
        None, title="Målgrupper", max_length=LIST_MAXIMUMS["step2.target_groups"]
    )
    responsible: Person = Field(default_factory=Person, title="Ansvarig person")
    duties: Annotated[list[str], ChoicesFrom("duties", all_required=True)] | None = Field(
        None, title="Den ansvarigas uppgifter"
    )
    deputy: Person = Field(default_factory=Person, title="Ersättare")
    follow_up: Annotated[str, ChoiceFrom("follow_up_intervals")] | None = Field(
        None, title="Uppföljning av målen"
    )

    @field_validator("deputy")
    @classmethod
    def _deputy_differs(cls, deputy: Person, info: ValidationInfo) -> Person:
        responsible = info.data.get("responsible")
        if not isinstance(responsible, Person):
            return deputy
        same_email = (
            deputy.email is not None
            and responsible.email is not None
            and deputy.email.casefold() == responsible.email.casefold()
        )
        same_name = (
            deputy.name is not None
            and responsible.name is not None
            and deputy.name.casefold() == responsible.name.casefold()
        )
        if same_email or same_name:
            raise PydanticCustomError("deputy_same", m.V_DEPUTY_SAME)
        return deputy


class Channel(Part):
    """Steg 3: kanalval."""

    platform: Annotated[str, ChoiceFrom("platforms")] | None = Field(None, title="Plattform")
    platform_other: ShortText | None = Field(None, title="Annan plattform")
    platform_reason: Reason | None = Field(None, title="Varför plattformen passar")
    officer_dialogue: Contact = Field(
        default_factory=Contact, title="Dialog med kommunikationsansvarig"
    )
    statistics: Source = Field(default_factory=Source, title="Användarstatistik")
    proposed_account_name: ShortText | None = Field(None, title="Föreslaget kontonamn")
    tiktok_separate_device: Annotated[bool, MustBeYes(m.V_YES_TIKTOK_DEVICE)] | None = Field(
        None, title="Separat enhet för TikTok"
    )
    tiktok_security_signoff: Annotated[bool, MustBeYes(m.V_YES_TIKTOK_SIGNOFF)] | None = Field(
        None, title="Säkerhetsfunktionens godkännande"
    )
    x_reason: Reason | None = Field(None, title="Skäl att ändå välja X")


class Routines(Part):
    """Steg 4: organisation och rutiner."""

    team: list[TeamMember] | None = Field(
        None, title="Team och roller", max_length=LIST_MAXIMUMS["step4.team"]
    )
    publishing_frequency: ShortText | None = Field(None, title="Hur ofta det publiceras")
    monitoring_per_day: Count | None = Field(
        None, ge=1, le=48, title="Bevakning, antal gånger per arbetsdag"
    )
    response_time: ShortText | None = Field(None, title="Svarstid")
    off_hours: LongText | None = Field(None, title="Helger och ledigheter")
    account_info: (
        Annotated[list[str], ChoicesFrom("account_info_items", all_required=True)] | None
    ) = Field(None, title="Grundinformation på kontot")
    comment_rules_where: ShortText | None = Field(None, title="Var kommentarsreglerna publiceras")
    graphic_profile: Annotated[bool, MustBeYes(m.V_YES_GRAPHIC)] | None = Field(
        None, title="Grafisk profil följs"
    )
    archiving: Archiving = Field(default_factory=Archiving, title="Arkivering")
    watch_duty: Annotated[bool, MustBeYes(m.V_YES_WATCH_DUTY)] | None = Field(
        None, title="Bevakning enligt lagen om elektroniska anslagstavlor"
    )
    illegal_content_routine: LongText | None = Field(None, title="Rutin för olagligt innehåll")
    data_protection: DataProtection = Field(
        default_factory=DataProtection, title="Personuppgifter (GDPR)"
    )
    accessibility: (
        Annotated[list[str], ChoicesFrom("accessibility_measures", all_required=True)] | None
    ) = Field(None, title="Tillgänglighet")
    security: Security = Field(default_factory=Security, title="Säkerhet")
    crisis: Crisis = Field(default_factory=Crisis, title="Krisrutin")
    closing_routine: ClosingRoutine | None = Field(None, title="Rutin för att avsluta kontot")

    @field_validator("team")
    @classmethod
    def _two_admins(
        cls, team: list[TeamMember] | None, info: ValidationInfo
    ) -> list[TeamMember] | None:
        # A draft grows one member at a time; the rule applies to the finished team.
        if team is not None and is_complete_mode(info):
            admins = sum(member.admin for member in team)
            if admins < 2:
                raise PydanticCustomError("two_admins", m.V_TWO_ADMINS.format(count=admins))
        return team


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


class Decision(Part):
    """Steg 5: vem som beslutar, och beslutet när det är fattat."""

    decision_maker: DecisionMaker = Field(default_factory=DecisionMaker, title="Beslutsfattare")
    prepared_by: PreparedBy = Field(default_factory=PreparedBy, title="Upprättat av")
    outcome: Annotated[str, ChoiceFrom("outcomes")] | None = Field(None, title="Beslut")
    decision_date: PastDate | None = Field(None, title="Beslutsdatum")
    case_number_status: Annotated[str, ChoiceFrom("case_number_states")] | None = Field(
        None, title="Har beslutet ett diarienummer"
    )
    case_number: CaseNumber | None = Field(None, title="Diarienummer")
    delegation_point: ShortText | None = Field(None, title="Punkt i delegationsordningen")
    motivation: LongText | None = Field(None, title="Motivering")
    next_review: AnyDate | None = Field(None, title="Nästa omprövning")

    @field_validator("decision_date")
    @classmethod
    def _not_before_ready(cls, value: date | None, info: ValidationInfo) -> date | None:
        # The decision is taken on the basis of the ready checklist, never before it.
        ready_on = (info.context or {}).get("ready_on")
        if value is not None and isinstance(ready_on, date) and value < ready_on:
            raise PydanticCustomError(
                "decided_before_ready",
                m.V_DECIDED_BEFORE_READY.format(ready=ready_on.isoformat()),
            )
        return value

    @field_validator("next_review")
    @classmethod
    def _within_a_year(cls, value: date | None, info: ValidationInfo) -> date | None:
        checked = _review_within_a_year(value, info.data.get("decision_date"))
        # Ahead of the day it was written down (validation.review_given_on), so a
        # review date that has already passed is not entered as a plan.
        given_on = (info.context or {}).get("review_given_on")
        if not isinstance(given_on, date):
            given_on = reference_date(info)
        if checked is not None and checked <= given_on:
            raise PydanticCustomError(
                "review_passed", m.V_REVIEW_PASSED.format(today=given_on.isoformat())
            )
        return checked


def _review_within_a_year(value: date | None, after: Any) -> date | None:
    """A review date after `after` and at most 12 months later (the guide's rule)."""
    if value is None or not isinstance(after, date):
        return value
    if value <= after:
        raise PydanticCustomError(
            "review_after", m.V_REVIEW_AFTER_DECISION.format(decision=after.isoformat())
        )
    latest = add_months(after, 12)
    if value > latest:
        raise PydanticCustomError(
            "review_within_year", m.V_REVIEW_WITHIN_YEAR.format(latest=latest.isoformat())
        )
    return value


APPROVED = "godkant"
