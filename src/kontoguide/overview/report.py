"""The overview as data: one row per record, filtered and ordered, with the counts.

Every format (the terminal table, CSV, XLSX, JSON, Markdown, HTML) is drawn from
this one `Report`, so they agree; its JSON Schema is `kontoguide schema --overview`.
A path in the report is printable text (textsafe.printable): a file name is not
always UTF-8 nor free of escape sequences, and every format, and the terminal it
may be written to, gets it in the one form (a byte that was not UTF-8 as `\xf6`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kontoguide.model.account_life import LIFECYCLE_STATES, State
from kontoguide.model.errors import UsageError
from kontoguide.model.textsafe import printable
from kontoguide.overview import messages as m
from kontoguide.overview.attention import RULES, Attention, Rule, attention
from kontoguide.overview.records import Entry, Gathered

REPORT_FORMAT = 1
# Swedish words for the states, also accepted by --state.
STATE_WORDS: dict[str, State] = {
    "utkast": "draft",
    "klar": "ready",
    "beslutat": "decided",
    "startat": "started",
    "avslutat": "closed",
}


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AttentionItem(_Out):
    rule: Rule = Field(title="Regel")
    text: str = Field(title="Vad som behöver göras")


class Row(_Out):
    id: str = Field(title="Id")
    organisation: str | None = Field(title="Förvaltning eller bolag")
    unit: str | None = Field(title="Enhet")
    account: str | None = Field(title="Kontots namn")
    platform: str | None = Field(title="Plattform")
    state: State = Field(title="Status (kod)")
    state_label: str = Field(title="Status")
    responsible: str | None = Field(title="Ansvarig")
    responsible_email: str | None = Field(title="Den ansvarigas e-post")
    decision_date: date | None = Field(title="Beslutsdatum")
    next_follow_up: date | None = Field(title="Nästa uppföljning")
    started_on: date | None = Field(title="Kontot startade")
    address: str | None = Field(title="Kontots adress")
    reported_to_list: bool | None = Field(title="Anmält till stadens förteckning")
    attention: list[AttentionItem] = Field(title="Behöver uppmärksamhet")
    checklist: str = Field(title="Checklista och version")
    updated_at: datetime = Field(title="Senast ändrad")
    source: str = Field(title="Läst från")
    also_in: list[str] = Field(title="Samma checklista även i (kopior som inte visas)")


class UnreadableItem(_Out):
    path: str = Field(title="Fil")
    reason: str = Field(title="Varför den inte kunde läsas")


class Report(_Out):
    """Kontoguide: översikt över konton."""

    model_config = ConfigDict(extra="forbid", title="Kontoguide: översikt")

    format: int = Field(REPORT_FORMAT, title="Formatversion för översikten")
    today: date = Field(title="Dagen översikten gäller")
    sources: list[str] = Field(title="Mappar och filer som lästes")
    duplicates: int = Field(title="Dubbletter som räknades en gång")
    records: list[Row] = Field(title="Konton, det mest brådskande först")
    by_state: dict[str, int] = Field(title="Antal per status")
    by_platform: dict[str, int] = Field(title="Antal per plattform")
    unreadable: list[UnreadableItem] = Field(title="Filer som inte kunde läsas")
    links: list[str] = Field(
        default_factory=list, title="Länkar i mapparna som inte följdes (kontoguides regel)"
    )


# Every date in a record lies between 1900 and 2200 (model.fieldtypes): more days than
# that span asks for every follow-up, and keeps `today + days` a date Python can hold.
MAX_DUE_WITHIN = 110_000


@dataclass(frozen=True)
class Filters:
    """What to keep; a filter out of its range is refused here, wherever it came from."""

    org: str | None = None
    states: frozenset[State] = frozenset()
    due_within: int | None = None
    attention_only: bool = False

    def __post_init__(self) -> None:
        if self.due_within is not None and not 0 <= self.due_within <= MAX_DUE_WITHIN:
            raise UsageError(
                m.OV_DUE_WITHIN_RANGE.format(
                    given=printable(self.due_within, 30), most=MAX_DUE_WITHIN
                )
            )


def shown(path: Path) -> str:
    """A path as the report holds it: printable, whole."""
    return printable(str(path), None)


def _row(entry: Entry, items: list[Attention]) -> Row:
    record = entry.summary
    responsible = record.step2.responsible
    return Row(
        id=record.id,
        organisation=record.organisation.name,
        unit=record.organisation.unit,
        account=record.account,
        platform=entry.platform_label,
        state=record.status,
        state_label=entry.state_label,
        responsible=responsible.name,
        responsible_email=responsible.email,
        decision_date=record.step5.decision_date,
        next_follow_up=record.review_due(),
        started_on=record.start.started_on,
        address=record.start.address,
        reported_to_list=record.start.reported_to_list,
        attention=[AttentionItem(rule=item.rule, text=item.text) for item in items],
        checklist=f"{record.checklist_id} {record.checklist_version}",
        updated_at=record.updated_at,
        source=shown(entry.source),
        also_in=[shown(path) for path in entry.also_in],
    )


def _kept(entry: Entry, items: list[Attention], filters: Filters, today: date) -> bool:
    record = entry.summary
    if filters.org is not None:
        wanted = filters.org.casefold()
        names = (record.organisation.name or "", record.organisation.unit or "")
        if not any(wanted in name.casefold() for name in names):
            return False
    if filters.states and record.status not in filters.states:
        return False
    if filters.due_within is not None:
        due = record.review_due()
        if due is None or due > today + timedelta(days=filters.due_within):
            return False
    return not (filters.attention_only and not items)


def _urgency(pair: tuple[Entry, list[Attention]]) -> tuple[Any, ...]:
    entry, items = pair
    first = items[0].rank if items else (len(RULES), date.max)
    account = (entry.summary.account or "").casefold()
    return (*first, (entry.summary.organisation.name or "").casefold(), account, entry.summary.id)


def build(gathered: Gathered, today: date, filters: Filters | None = None) -> Report:
    """The report of `gathered` on `today`: the rows kept by `filters`, most urgent first."""
    filters = filters or Filters()
    judged = [(entry, attention(entry, today)) for entry in gathered.entries]
    kept = sorted(
        (pair for pair in judged if _kept(pair[0], pair[1], filters, today)), key=_urgency
    )
    rows = [_row(entry, items) for entry, items in kept]
    states: Counter[str] = Counter(row.state for row in rows)
    platforms = Counter(row.platform or m.OV_NO_PLATFORM for row in rows)
    return Report(
        today=today,
        sources=[shown(path) for path in gathered.sources],
        duplicates=gathered.duplicates,
        records=rows,
        by_state={m.STATE_LABELS[state]: states[state] for state in LIFECYCLE_STATES},
        by_platform=dict(sorted(platforms.items(), key=lambda pair: (-pair[1], pair[0]))),
        unreadable=[
            UnreadableItem(path=shown(item.path), reason=item.reason)
            for item in gathered.unreadable
        ],
        links=[shown(path) for path in gathered.links],
    )


def report_schema() -> dict[str, Any]:
    """The JSON Schema of `kontoguide overview --format json`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:kontoguide:schema:overview:{REPORT_FORMAT}",
        **Report.model_json_schema(mode="serialization"),
    }


def state_from_word(word: str) -> State | None:
    folded = word.strip().casefold()
    if folded in LIFECYCLE_STATES:
        return folded  # type: ignore[return-value]
    return STATE_WORDS.get(folded)


def org_states(report: Report) -> dict[str, Counter[str]]:
    """States per organisation, for the chart: organisation → state label → count."""
    out: dict[str, Counter[str]] = {}
    for row in report.records:
        name = row.organisation or m.OV_NO_ORGANISATION
        out.setdefault(name, Counter())[row.state] += 1
    return dict(sorted(out.items(), key=lambda pair: pair[0].casefold()))


def shown_path(path: str, drafts_folder: Path | None) -> str:
    """A source as shown to a person: a draft by its file name in the drafts folder."""
    if drafts_folder is not None and Path(path).parent == drafts_folder:
        return m.OV_IN_DRAFTS.format(name=Path(path).name)
    return path
