"""The document for a record: its parts put together, in the order both renderers
write them (see view.DocumentView).

The state the document shows is derived again from the answers (assessment.assess),
never taken from the record as saved.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kontoguide.checklist.parts import Checklist, stage_rank
from kontoguide.documents import messages as m
from kontoguide.documents.answers import section_view
from kontoguide.documents.assessment import (
    Assessment,
    assess,
    describe_problem,
    questions_by_field,
)
from kontoguide.documents.decision import decision_view
from kontoguide.documents.follow_ups import follow_up_view
from kontoguide.documents.history import history_table
from kontoguide.documents.set_aside import set_aside_reasons
from kontoguide.documents.values import (
    account_title,
    case_number,
    format_moment,
    local_time,
    platform_name,
    text_or,
)
from kontoguide.documents.view import (
    DocumentView,
    NoticeView,
    Properties,
    SectionView,
)
from kontoguide.model.account_life import State, reviewed_on
from kontoguide.model.record import Record
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import SetAsideCounts


def _header_text(organisation: str, account: str) -> str:
    """The running header names the city once: an account name that shows it belongs to
    Stockholms stad (as the name must) is not prefixed with the city again."""
    if organisation.casefold() in account.casefold():
        return account
    return m.DOC_HEADER.format(organisation=organisation, account=account)


def _facts(
    record: Record, checklist: Checklist, state: State, state_label: str, today: date
) -> list[tuple[str, str]]:
    """The head block on page 1: what a registrar files the document by, and, once there
    is one, what happened (the decision, the start, the closing, the next review)."""
    proposed = record.step3.proposed_account_name
    account = (
        (m.DOC_FACT_PROPOSED, proposed)
        if proposed
        else (m.DOC_FACT_WORKING_NAME, text_or(record.account_name))
    )
    facts = [
        (m.DOC_FACT_DOCUMENT_DATE, today.isoformat()),
        (m.DOC_FACT_PREPARED_BY, _person(record.step5.prepared_by)),
        (
            m.DOC_FACT_MATTER,
            m.DOC_MATTER.format(
                account=account_title(record), platform=platform_name(record, checklist)
            ),
        ),
        (m.DOC_FACT_ORGANISATION, text_or(record.organisation.name)),
        (m.DOC_FACT_UNIT, text_or(record.organisation.unit)),
        account,
        (m.DOC_FACT_PLATFORM, platform_name(record, checklist)),
        (m.DOC_FACT_RESPONSIBLE, _person(record.step2.responsible)),
        (m.DOC_FACT_DECISION_MAKER, _person(record.step5.decision_maker)),
        (m.DOC_FACT_STATUS, state_label),
        (m.DOC_FACT_CASE, case_number(record) or m.DOC_NO_CASE_NUMBER),
        (
            m.DOC_FACT_CHECKLIST,
            m.DOC_CHECKLIST_NAMED.format(title=checklist.title, version=checklist.version),
        ),
    ]
    decided = record.step5.decision_date
    if decided is not None and state not in ("draft", "ready"):
        facts.append((m.DOC_DECISION_DATE, decided.isoformat()))
    if _reached(state, "started") and record.start.started_on is not None:
        facts.append((m.DOC_FACT_STARTED, record.start.started_on.isoformat()))
        facts.append((m.DOC_FACT_ADDRESS, text_or(record.start.address)))
    if state == "closed" and record.closing.closed_on is not None:
        facts.append((m.DOC_FACT_CLOSED, record.closing.closed_on.isoformat()))
    due = lifecycle.review_due(record.model_copy(update={"status": state}))
    if due is not None and state in ("decided", "started"):
        facts.append((m.DOC_FACT_NEXT_REVIEW, due.isoformat()))
    return facts


def _person(person: Any) -> str:
    parts = [getattr(person, key, None) for key in ("name", "title", "unit", "email")]
    return ", ".join(str(part) for part in parts if part) or m.DOC_NOT_ANSWERED


def _about(record: Record, today: date) -> str:
    from kontoguide import __version__

    return m.DOC_ABOUT.format(
        version=__version__,
        date=today.isoformat(),
        checklist=record.checklist_id,
        checklist_version=record.checklist_version,
        id=record.id,
    )


def _issuer(record: Record, checklist: Checklist) -> str:
    parts = [part for part in (record.organisation.name, record.organisation.unit) if part]
    return ", ".join(parts) or checklist.organisation


def _in_state(record: Record, state: State) -> Record:
    return record.model_copy(
        update={"status": state, "step5": record.step5.model_copy(update={"outcome": None})}
    )


def _paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").strip().split("\n\n") if p.strip())


def _notice(record: Record, checklist: Checklist) -> NoticeView:
    paragraphs = _paragraphs(checklist.notice.text)
    if record.notice is None:
        acknowledgement = m.DOC_NOTICE_NOT_ACKNOWLEDGED
    else:
        acknowledgement = m.DOC_NOTICE_ACKNOWLEDGED.format(
            when=format_moment(record.notice.acknowledged_at)
        )
    return NoticeView(
        title=checklist.notice.title,
        source=m.DOC_NOTICE_SOURCE,
        paragraphs=paragraphs,
        note_heading=m.NOTICE_NOTE_HEADING,
        note=_paragraphs(checklist.notice.note),
        acknowledgement=acknowledgement,
    )


def _properties(record: Record, checklist: Checklist, state: State, now: datetime) -> Properties:
    account = account_title(record)
    kind = m.DOC_CATEGORIES[state]
    title = m.DOC_TITLE.format(account=account)
    if state == "draft":
        title = m.DOC_TITLE_DRAFT.format(title=title)
    return Properties(
        title=title,
        subject=m.DOC_SUBJECT_OF.format(kind=kind, account=account),
        author=record.organisation.name or checklist.organisation,
        keywords=m.DOC_KEYWORDS,
        category=kind,
        identifier=record.id,
        created=now,
    )


def _reached(state: State, stage: str) -> bool:
    return state != "draft" and stage_rank(state) >= stage_rank(stage)


def build(
    record: Record, checklist: Checklist, *, now: datetime, assessed: Assessment | None = None
) -> DocumentView:
    """The document for `record`; `now` dates it (and sets its created property).

    `assessed` is assess(record, checklist) when the caller has it already.
    """
    if assessed is None:
        assessed = assess(record, checklist)
    state = assessed.state
    label = lifecycle.state_label(record.model_copy(update={"status": state}), checklist)
    data = record.model_dump(mode="json")
    account = account_title(record)
    aside = SetAsideCounts(record.set_aside)
    given = assessed.set_aside
    if given is None:
        from kontoguide.store.drafts import reference_day

        given = set_aside_reasons(record, checklist, reference_day(record.updated_at))
    by_field = questions_by_field(checklist)
    at_review = reviewed_on(record.follow_ups)

    def shown(stage: str) -> tuple[SectionView, ...]:
        return tuple(
            section_view(section, data, aside, checklist, given, at_review)
            for section in checklist.sections
            if section.stage == stage
        )

    outcome = record.step5.outcome
    kind = m.DOC_DRAFT_MARK
    if state != "draft":
        outcome_label = checklist.choice_label("outcomes", outcome) if outcome else ""
        kind = m.DOC_KIND_LINES[state].format(outcome=outcome_label)
    case = case_number(record)
    case_text = m.DOC_HEADER_CASE.format(number=case) if case else m.DOC_NO_CASE_NUMBER
    goals = list(record.step2.goals or [])
    return DocumentView(
        title=m.DOC_TITLE.format(account=account),
        subtitle=checklist.title,
        issuer=_issuer(record, checklist),
        state=state,
        kind=kind,
        lead=m.DOC_DRAFT_LEAD if state == "draft" else None,
        missing=tuple(describe_problem(p, checklist, aside, by_field) for p in assessed.missing),
        facts=tuple(_facts(record, checklist, state, label, local_time(now).date())),
        notice=_notice(record, checklist),
        sections=shown("ready"),
        decision=None
        if state == "draft"
        else decision_view(record, checklist, _reached(state, "decided")),
        start=shown("started") if _reached(state, "started") else (),
        follow_ups=tuple(
            follow_up_view(number, follow_up, goals, checklist)
            for number, follow_up in enumerate(record.follow_ups or [], start=1)
        )
        if _reached(state, "started")
        else (),
        closing=shown("closed") if _reached(state, "closed") else (),
        history=history_table(record, checklist),
        about=_about(record, local_time(now).date()),
        header_text=_header_text(checklist.organisation, account),
        header_state=m.DOC_HEADER_STATE.format(state=label, case=case_text),
        properties=_properties(record, checklist, state, now),
    )
