"""The decision: a form to fill in by hand while the record is ready, or the decision
as it was taken.
"""

from __future__ import annotations

from kontoguide.checklist.parts import Checklist
from kontoguide.documents import messages as m
from kontoguide.documents.values import case_number, platform_name, text_or
from kontoguide.documents.view import DecisionView, Facts, SignLine
from kontoguide.model import paths
from kontoguide.model.record import Record
from kontoguide.model.steps import APPROVED


def _person(name: str | None, title: str | None) -> str:
    return ", ".join(part for part in (name, title) if part) or m.DOC_NOT_ANSWERED


def _decision_subject(record: Record, checklist: Checklist) -> Facts:
    # The account as it will be named on the platform, when step 3 proposes a name.
    account = record.step3.proposed_account_name or record.account_name
    return (
        (m.DOC_DECISION_ACCOUNT, text_or(account)),
        (m.DOC_FACT_PLATFORM, platform_name(record, checklist)),
        (m.DOC_FACT_ORGANISATION, text_or(record.organisation.name)),
        (m.DOC_FACT_UNIT, text_or(record.organisation.unit)),
    )


def decision_view(record: Record, checklist: Checklist, taken: bool) -> DecisionView:
    decision = record.step5
    maker = decision.decision_maker
    chosen = decision.outcome if taken else None
    outcomes = tuple(
        (option.label, option.value == chosen) for option in checklist.choices["outcomes"]
    )
    subject = _decision_subject(record, checklist)
    if not taken:
        lines = (
            (SignLine(m.DOC_SIGN_DATE), SignLine(m.DOC_SIGN_CASE)),
            (SignLine(m.DOC_SIGN_DELEGATION), SignLine(m.DOC_SIGN_REVIEW)),
            (SignLine(m.DOC_SIGN_MOTIVATION, tall=True),),
            (SignLine(m.DOC_SIGN_SIGNATURE), SignLine(m.DOC_SIGN_NAME, maker.name or "")),
        )
        return DecisionView(False, m.DOC_DECISION_LEAD_READY, subject, outcomes, (), lines)
    assert decision.outcome is not None and decision.decision_date is not None
    facts = [
        (m.DOC_DECISION_OUTCOME, checklist.choice_label("outcomes", decision.outcome)),
        (m.DOC_DECISION_DATE, decision.decision_date.isoformat()),
        (m.DOC_DECISION_MAKER, _person(maker.name, maker.title)),
        (m.DOC_DECISION_CASE, case_number(record) or m.DOC_NO_CASE_NUMBER),
    ]
    if paths.is_answered(decision.delegation_point):
        facts.append((m.DOC_DECISION_DELEGATION, str(decision.delegation_point)))
    if paths.is_answered(decision.motivation):
        facts.append((m.DOC_DECISION_MOTIVATION, str(decision.motivation)))
    if decision.outcome == APPROVED and decision.next_review is not None:
        facts.append((m.DOC_DECISION_NEXT_REVIEW, decision.next_review.isoformat()))
    case = case_number(record)
    signed = m.DOC_DECISION_SIGNED_IN_CASE.format(case=case) if case else None
    facts.append((m.DOC_DECISION_SIGNED, signed or m.DOC_DECISION_SIGNED_NO_CASE))
    return DecisionView(True, m.DOC_DECISION_LEAD_TAKEN, subject, outcomes, tuple(facts), ())
