"""The parts the record is made of: a contact, a goal, a team member, ...

And what every part shares: it refuses unknown fields, each list of parts has
its maximum, and a check of a whole part reports at the field concerned.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from kontoguide.model import messages as m
from kontoguide.model.answer_texts import ArchiveMethod
from kontoguide.model.fieldtypes import (
    CaseNumber,
    ChoiceFrom,
    ChoicesFrom,
    Email,
    FutureDate,
    LinkOrReference,
    LongText,
    Moment,
    MustBeYes,
    Number,
    PastYear,
    PersonName,
    Phone,
    RecentDate,
    ShortText,
    UnitText,
    Year,
)

# The most items each list may hold. A checklist is read, signed and exported as one
# document, so a list is bounded where a real account's plan would never reach:
# - existing accounts: the city's register holds a few hundred accounts in all, and
#   one area shares only a part of them;
# - goals and target groups: the guide asks for a few measurable goals and the
#   groups they serve; fifty of either is already more than anyone can follow up;
# - team: editors, moderators and stand-ins of a large administration.
# An answers file with more keeps the first items; the rest are set aside, never
# dropped (pruning.prune), and the questionnaire says they did not fit.
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
    # Each part's validator is built on its first use, not at import: `start` shows its
    # first question (the notice) before any record exists (issue 23).
    model_config = ConfigDict(extra="forbid", defer_build=True)


def _error_at(field: str, value: Any, message: str) -> ValidationError:
    """An error on one field of a part, raised by a check of the part (or of its parent):
    the problem is reported, and the answer set aside, where the user gave it."""
    error = PydanticCustomError("checked_with_others", message)
    # A dotted field ("step5.decision_date") is reached from the part that checks it.
    loc = tuple(field.split("."))
    return ValidationError.from_exception_data(
        "Record", [InitErrorDetails(type=error, loc=loc, input=value)]
    )


class NoticeAck(Part):
    acknowledged: Annotated[bool, MustBeYes(m.V_YES_NOTICE)] = Field(
        title="Rådet om Schrems II är läst"
    )
    acknowledged_at: Moment = Field(title="Tidpunkt för bekräftelsen")


# What the names of the city's administrations end with: Kulturförvaltningen,
# Trafikkontoret, a district's stadsdelsförvaltning.
FORVALTNING_WORDS = ("förvaltning", "kontor", "nämnd")


class Organisation(Part):
    kind: Annotated[str, ChoiceFrom("organisation_kinds")] | None = Field(
        None, title="Typ av organisation"
    )
    name: ShortText | None = Field(None, title="Förvaltning eller bolag")
    unit: ShortText | None = Field(None, title="Enhet eller avdelning")

    def name_advice(self) -> str | None:
        """kontoguide's hint on a name that may not be the whole one ("kultur"). Not a
        refusal: neither the guide nor the city's pages say what a name must hold."""
        name = self.name
        if name is None:
            return None
        folded = name.casefold()
        partial = self.kind == "forvaltning" and not any(
            word in folded for word in FORVALTNING_WORDS
        )
        if partial or name == name.lower():
            return m.V_ORGANISATION_NAME_ADVICE.format(name=name)
        return None


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
    tool: ArchiveMethod | None = Field(None, title="Verktyg eller metod")
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


class PreparedBy(Part):
    """Who prepared the checklist (upprättade handlingen): named on the document's first
    page, so that a registrar and the decision maker know whom to ask."""

    name: PersonName | None = Field(None, title="Namn")
    unit: ShortText | None = Field(None, title="Enhet")
    email: Email | None = Field(None, title="E-post")


class DecisionMaker(Part):
    name: PersonName | None = Field(None, title="Namn")
    title: ShortText | None = Field(None, title="Befattning")
