"""The checklist record: every answer, validated, plus what identifies the record.

A draft is a partial record: every answer may be missing (None), and what is
present is validated. Items of a list (goals, team members, ...) are whole:
they are added complete. Completeness is a separate check (validation.problems)
driven by the checklist's required questions and the complete-only rules here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from kontoguide import messages as m
from kontoguide.fieldtypes import (
    AnyDate,
    ChoiceFrom,
    ChoicesFrom,
    Count,
    Email,
    FutureDate,
    LongText,
    Moment,
    MustBeYes,
    Number,
    PastDate,
    PersonName,
    Phone,
    Reason,
    ShortText,
    Year,
)

SCHEMA_VERSION = 1


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
}


def is_complete_mode(info: ValidationInfo) -> bool:
    return bool((info.context or {}).get("complete"))


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


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
    date: PastDate | None = Field(None, title="Datum för samtalet")


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


class Goal(Part):
    description: ShortText = Field(title="Mål")
    effect: Annotated[str, ChoiceFrom("effects")] = Field(title="Effekt")
    indicator: ShortText = Field(title="Nyckeltal")
    baseline: Number | None = Field(None, title="Utgångsvärde")
    target: Number = Field(title="Målvärde")
    unit: ShortText = Field(title="Enhet för målvärdet")
    deadline: FutureDate = Field(title="Ska vara nått senast")
    data_source: ShortText = Field(title="Var siffran hämtas")


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
    year: Year | None = Field(None, title="År")


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
    case_number: ShortText | None = Field(None, title="Samlat diarienummer")


class DataProtection(Part):
    dpo_consulted: Annotated[bool, MustBeYes(m.V_YES_DPO)] | None = Field(
        None, title="Dataskyddsombudet tillfrågat"
    )
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
    plan_link: ShortText | None = Field(None, title="Länk till krisplanen")
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
        None, title="Den ansvariges uppgifter"
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
    officer_dialogue: Contact = Field(default_factory=Contact, title="Dialog med kommunikatör")
    statistics: Source = Field(default_factory=Source, title="Användarstatistik")
    proposed_account_name: ShortText | None = Field(None, title="Föreslaget kontonamn")
    tiktok_separate_device: Annotated[bool, MustBeYes(m.V_YES_TIKTOK_DEVICE)] | None = Field(
        None, title="Separat enhet för TikTok"
    )
    tiktok_security_signoff: Annotated[bool, MustBeYes(m.V_YES_TIKTOK_SIGNOFF)] | None = Field(
        None, title="Säkerhetsfunktionens godkännande"
    )
    x_reason: Reason | None = Field(None, title="Skäl att ändå välja X")

    @field_validator("proposed_account_name")
    @classmethod
    def _shows_the_city(cls, value: str | None) -> str | None:
        if value is not None and "stockholm" not in value.casefold():
            raise PydanticCustomError("account_name_city", m.V_ACCOUNT_NAME_CITY)
        return value


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
    """Steg 5: dokumentera beslutet och starta kontot."""

    decision_maker: DecisionMaker = Field(default_factory=DecisionMaker, title="Beslutsfattare")
    decision_date: PastDate | None = Field(None, title="Beslutsdatum")
    outcome: Annotated[str, ChoiceFrom("outcomes")] | None = Field(None, title="Beslut")
    case_number: ShortText | None = Field(None, title="Diarienummer")
    reported_to_list: bool | None = Field(None, title="Anmält till stadens förteckning")
    reported_date: PastDate | None = Field(None, title="Datum för anmälan")
    next_review: AnyDate | None = Field(None, title="Nästa omprövning")

    @field_validator("next_review")
    @classmethod
    def _within_a_year(cls, value: date | None, info: ValidationInfo) -> date | None:
        decided = info.data.get("decision_date")
        if value is None or not isinstance(decided, date):
            return value
        if value <= decided:
            raise PydanticCustomError(
                "review_after", m.V_REVIEW_AFTER_DECISION.format(decision=decided.isoformat())
            )
        latest = add_months(decided, 12)
        if value > latest:
            raise PydanticCustomError(
                "review_within_year", m.V_REVIEW_WITHIN_YEAR.format(latest=latest.isoformat())
            )
        return value


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


STEP_FIELDS = ("step1", "step2", "step3", "step4", "step5")
META_FIELDS = (
    "schema_version",
    "id",
    "checklist_id",
    "checklist_version",
    "created_at",
    "updated_at",
    "status",
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
    status: Literal["draft", "complete"] = Field("draft", title="Status")
    set_aside: dict[str, Any] = Field(
        default_factory=dict,
        title="Svar som inte längre stämmer",
        description=(
            "Svar som inte klarade kontrollen när de lästes in, sparade så att inget går "
            "förlorat; de frågas om igen."
        ),
    )
