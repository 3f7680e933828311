"""The checklist record: every answer, validated, plus what identifies the record.

A draft is a partial record: every answer may be missing (None), and what is
present is validated. Items of a list (goals, team members, ...) are whole:
they are added complete. Completeness is a separate check (validation.problems)
driven by the checklist's required questions and the complete-only rules here.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from kontoguide.model import messages as m
from kontoguide.model.fieldtypes import (
    AnyDate,
    CaseNumber,
    ChoiceFrom,
    ChoicesFrom,
    Count,
    Email,
    FutureDate,
    LinkOrReference,
    LongText,
    Moment,
    MustBeYes,
    Number,
    PastDate,
    PastYear,
    PersonName,
    Phone,
    Reason,
    RecentDate,
    ShortText,
    UnitText,
    Year,
    reference_date,
)

SCHEMA_VERSION = 3


# The most items each list may hold. A checklist is read, signed and exported as one
# document, so a list is bounded where a real account's plan would never reach:
# - existing accounts: the city's register holds a few hundred accounts in all, and
#   one area shares only a part of them;
# - goals and target groups: the guide asks for a few measurable goals and the
#   groups they serve; fifty of either is already more than anyone can follow up;
# - team: editors, moderators and stand-ins of a large administration.
# An answers file with more keeps the first items; the rest are set aside, never
# dropped (validation.prune), and the questionnaire says they did not fit.
LIST_MAXIMUMS = {
    "step1.existing_accounts": 200,
    "step2.goals": 50,
    "step2.target_groups": 50,
    "step4.team": 100,
    # Follow-ups: one a month for twenty years.
    "follow_ups": 240,
}


def is_complete_mode(info: ValidationInfo) -> bool:
    return bool((info.context or {}).get("complete"))


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _error_at(field: str, value: Any, message: str) -> ValidationError:
    """An error on one field of a part, raised by a check of the part (or of its parent):
    the problem is reported, and the answer set aside, where the user gave it."""
    error = PydanticCustomError("checked_with_others", message)
    return ValidationError.from_exception_data(
        "Record", [InitErrorDetails(type=error, loc=(field,), input=value)]
    )


# --- nested parts ----------------------------------------------------------


class NoticeAck(Part):
    acknowledged: Annotated[bool, MustBeYes(m.V_YES_NOTICE)] = Field(
        title="Rådet om Schrems II är läst"
    )
    acknowledged_at: Moment = Field(title="Tidpunkt för bekräftelsen")


class Organisation(Part):
    kind: Annotated[str, ChoiceFrom("organisation_kinds")] | None = Field(
        None, title="Typ av organisation"
    )
    name: ShortText | None = Field(None, title="Förvaltning eller bolag")
    unit: ShortText | None = Field(None, title="Enhet eller avdelning")


class Contact(Part):
    name: PersonName | None = Field(None, title="Namn")
    role: ShortText | None = Field(None, title="Roll")
    email: Email | None = Field(None, title="E-post")
    date: RecentDate | None = Field(None, title="Datum för samtalet")


class ExistingAccount(Part):
    name: ShortText = Field(title="Kontots namn")
    platform: Annotated[str, ChoiceFrom("platforms")] = Field(title="Plattform")
    address: ShortText = Field(title="Adress eller användarnamn")
    can_cooperate: bool = Field(title="Går det att bidra till eller samarbeta med kontot")
    comment: LongText | None = Field(None, title="Kommentar")


class PlanReference(Part):
    kind: Annotated[str, ChoiceFrom("plan_kinds")] | None = Field(None, title="Styrdokument")
    document: ShortText | None = Field(None, title="Dokumentets namn")
    year: Year | None = Field(None, title="År")
    section: ShortText | None = Field(None, title="Avsnitt eller mål")
    goal: LongText | None = Field(None, title="Målet eller uppdraget i egna ord")


OTHER_EFFECT = "annan"


class Goal(Part):
    description: ShortText = Field(title="Mål")
    effect: Annotated[str, ChoiceFrom("effects")] = Field(title="Effekt")
    effect_other: ShortText | None = Field(None, title="Annan effekt")
    indicator: ShortText = Field(title="Nyckeltal")
    baseline: Number | None = Field(None, title="Utgångsvärde")
    target: Number = Field(title="Målvärde")
    unit: UnitText = Field(title="Enhet för målvärdet")
    deadline: FutureDate = Field(title="Ska vara nått senast")
    data_source: ShortText = Field(title="Var siffran hämtas")

    @model_validator(mode="after")
    def _other_effect_described(self) -> Goal:
        if self.effect == OTHER_EFFECT and self.effect_other is None:
            raise _error_at("effect_other", None, m.V_EFFECT_OTHER_REQUIRED)
        if self.effect != OTHER_EFFECT and self.effect_other is not None:
            raise _error_at("effect_other", self.effect_other, m.V_EFFECT_OTHER_ONLY)
        return self


class TargetGroup(Part):
    name: ShortText = Field(title="Målgrupp")
    description: LongText = Field(title="Beskrivning")
    needs: LongText = Field(title="Vad målgruppen behöver")


class Person(Part):
    name: PersonName | None = Field(None, title="Namn")
    title: ShortText | None = Field(None, title="Befattning")
    unit: ShortText | None = Field(None, title="Enhet")
    email: Email | None = Field(None, title="E-post")
    phone: Phone | None = Field(None, title="Telefon")


class Source(Part):
    title: ShortText | None = Field(None, title="Rapportens eller källans namn")
    year: PastYear | None = Field(None, title="År")


class TeamMember(Part):
    name: PersonName = Field(title="Namn")
    role: Annotated[str, ChoiceFrom("team_roles")] = Field(title="Roll")
    email: Email = Field(title="E-post")
    admin: bool = Field(title="Har administratörsbehörighet")


class Archiving(Part):
    contact: PersonName | None = Field(None, title="Kontaktperson för arkivering")
    contact_email: Email | None = Field(None, title="Kontaktpersonens e-post")
    level: ShortText | None = Field(None, title="Vad som arkiveras")
    tool: ShortText | None = Field(None, title="Verktyg eller metod")
    frequency: Annotated[str, ChoiceFrom("archive_intervals")] | None = Field(
        None, title="Hur ofta"
    )
    case_number: CaseNumber | None = Field(None, title="Samlat diarienummer")
    records_law: (
        Annotated[list[str], ChoicesFrom("records_law_items", all_required=True)] | None
    ) = Field(None, title="Allmänna handlingar på kontot")


class DataProtection(Part):
    controller: Annotated[bool, MustBeYes(m.V_YES_CONTROLLER)] | None = Field(
        None, title="Enheten är personuppgiftsansvarig"
    )
    dpo_consulted: Annotated[bool, MustBeYes(m.V_YES_DPO)] | None = Field(
        None, title="Dataskyddsombudet tillfrågat"
    )
    dpo_name: PersonName | None = Field(None, title="Dataskyddsombud")
    dpo_date: RecentDate | None = Field(None, title="Datum för avstämningen")
    legal_basis: Annotated[str, ChoiceFrom("legal_bases")] | None = Field(
        None, title="Rättslig grund"
    )
    transfer_assessment: LongText | None = Field(
        None, title="Bedömning av överföring utanför EU/EES"
    )
    picture_rules: LongText | None = Field(None, title="Regler för bilder på personer")


class Security(Part):
    two_factor: Annotated[bool, MustBeYes(m.V_YES_TWO_FACTOR)] | None = Field(
        None, title="Tvåstegsinloggning"
    )
    organisation_account: Annotated[bool, MustBeYes(m.V_YES_ORG_ACCOUNT)] | None = Field(
        None, title="Organisations- eller företagskonto"
    )
    recovery_mailbox: Email | None = Field(None, title="Återställningsadress (funktionsbrevlåda)")
    admin_review: Annotated[bool, MustBeYes(m.V_YES_ADMIN_REVIEW)] | None = Field(
        None, title="Administratörer ses över vid personalbyte"
    )


class Crisis(Part):
    plan_link: LinkOrReference | None = Field(None, title="Länk till krisplanen")
    takeover_routine: LongText | None = Field(None, title="Om kontot kapas")


class DecisionMaker(Part):
    name: PersonName | None = Field(None, title="Namn")
    title: ShortText | None = Field(None, title="Befattning")


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

    purpose: LongText | None = Field(None, title="Syfte")
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


def account_name_problem(name: str, organisation: Organisation) -> str | None:
    """Why a proposed account name does not show the unit and Stockholm, if it does not."""
    folded = name.casefold()
    city = "stockholm" in folded
    known = unit_words(organisation)
    words = _words(name)
    # Without a known organisation only the city can be checked (a draft in progress).
    unit = not known or bool(known & words) or any(word in folded for word in known)
    if city and unit:
        return None
    if unit:
        return m.V_ACCOUNT_NAME_CITY
    names = " eller ".join(f"”{part}”" for part in (organisation.unit, organisation.name) if part)
    if city:
        return m.V_ACCOUNT_NAME_UNIT.format(names=names)
    return m.V_ACCOUNT_NAME_BOTH.format(names=names)


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
    closing_routine: LongText | None = Field(None, title="Rutin för att avsluta kontot")

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
    outcome: Annotated[str, ChoiceFrom("outcomes")] | None = Field(None, title="Beslut")
    decision_date: PastDate | None = Field(None, title="Beslutsdatum")
    case_number_status: Annotated[str, ChoiceFrom("case_number_states")] | None = Field(
        None, title="Har beslutet ett diarienummer"
    )
    case_number: CaseNumber | None = Field(None, title="Diarienummer")
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
# The conclusion of a follow-up that ends the account: no next review then.
CONCLUSION_CLOSE = "avsluta"


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
    measurements: list[Measurement] = Field(
        default_factory=list, max_length=LIST_MAXIMUMS["step2.goals"], title="Mätvärden"
    )
    assessment: LongText = Field(title="Samlad bedömning")
    conclusion: Annotated[str, ChoiceFrom("follow_up_conclusions")] = Field(title="Slutsats")
    next_review: AnyDate | None = Field(None, validate_default=True, title="Nästa uppföljning")

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


LIFECYCLE_STATES = ("draft", "ready", "decided", "started", "closed")
State = Literal["draft", "ready", "decided", "started", "closed"]


class Transition(Part):
    """One step in the record's life: a new state, or a follow-up added."""

    what: Literal["draft", "ready", "decided", "started", "closed", "followed_up"] = Field(
        title="Vad"
    )
    at: Moment = Field(title="När")


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
                    m.V_START_BEFORE_DECISION.format(decision=decided.isoformat()),
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
                    m.V_FOLLOW_UP_BEFORE_START.format(number=number, start=started.isoformat()),
                )
            measured = sorted(item.goal for item in follow_up.measurements)
            if measured != list(range(1, goals + 1)):
                raise PydanticCustomError(
                    "follow_up_goals", m.V_FOLLOW_UP_EVERY_GOAL.format(number=number, goals=goals)
                )
        return follow_ups

    @field_validator("closing")
    @classmethod
    def _closed_after_start(cls, closing: Closing, info: ValidationInfo) -> Closing:
        start = info.data.get("start")
        if _unanswered(closing) or not isinstance(start, AccountStart):
            return closing
        started = start.started_on
        if started is None:
            raise PydanticCustomError("closing_not_started", m.V_CLOSING_NEEDS_START)
        if closing.closed_on is not None and closing.closed_on < started:
            raise PydanticCustomError(
                "closed_before_start", m.V_CLOSED_BEFORE_START.format(start=started.isoformat())
            )
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
    if answers:
        schema["required"] = []
        schema["title"] = "Kontoguide: svarsfil"
    return schema
