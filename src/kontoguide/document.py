"""What the exported checklist says, independent of the file format.

Both renderers (Word and Markdown) walk this one structure, so the document and
the Markdown text can never disagree about which answers appear where. Every
text here is already formatted for a reader (choice labels, Swedish numbers,
ISO dates); the renderers only lay it out and make it safe for their format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kontoguide import messages as m
from kontoguide import paths
from kontoguide.checklist import Checklist, ItemField, Question, Section
from kontoguide.readable import readable
from kontoguide.record import Record
from kontoguide.validation import Problem, applicable, field_title, problems

# --- the structure ------------------------------------------------------------


@dataclass(frozen=True)
class TextAnswer:
    text: str  # may hold newlines and tabs: renderers turn them into line breaks


@dataclass(frozen=True)
class YesNoAnswer:
    value: bool


@dataclass(frozen=True)
class ChecksAnswer:
    """A multiple choice shown as the whole list of options, each ticked or not."""

    options: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class NoAnswer:
    set_aside: bool = False  # an answer was given but did not pass the checks


Cell = tuple[str, ...]  # the lines of one table cell


@dataclass(frozen=True)
class TableAnswer:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[Cell, ...]  # per row: full-width lines shown under it (may be empty)


Answer = TextAnswer | YesNoAnswer | ChecksAnswer | TableAnswer | NoAnswer


@dataclass(frozen=True)
class QuestionView:
    field: str
    label: str
    answer: Answer
    note: str | None = None  # a caution that belongs with the answer (TikTok, X)


@dataclass(frozen=True)
class SectionView:
    id: str
    number: int | None
    heading: str
    purpose: str
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class NoticeView:
    title: str
    paragraphs: tuple[str, ...]
    acknowledgement: str


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    keywords: str
    category: str
    identifier: str
    created: datetime


@dataclass(frozen=True)
class DocumentView:
    title: str
    draft: bool
    missing: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    notice: NoticeView
    sections: tuple[SectionView, ...]
    decision: tuple[tuple[str, str], ...]
    signature_rows: tuple[tuple[str, ...], ...]
    header_text: str
    properties: Properties


# --- formatting single values -------------------------------------------------


def format_number(value: int | float) -> str:
    """A number the Swedish way (decimal comma), without float noise like 2.5000001."""
    if isinstance(value, bool):  # bool is an int; never meant as a number here
        return m.DOC_YES if value else m.DOC_NO
    if isinstance(value, int):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f").replace(".", ",")


def local_time(moment: datetime) -> datetime:
    """`moment` in Stockholm time; the machine's zone if tzdata is missing (Windows)."""
    try:
        return moment.astimezone(ZoneInfo("Europe/Stockholm"))
    except ZoneInfoNotFoundError:
        return moment.astimezone()


def format_moment(moment: datetime) -> str:
    when = local_time(moment)
    return m.DOC_MOMENT.format(date=when.date().isoformat(), time=when.strftime("%H:%M"))


def _plain(value: Any, kind: str, choices: str | None, checklist: Checklist) -> str:
    """One answer as text, for table cells and the header block."""
    if isinstance(value, bool):
        return m.DOC_YES if value else m.DOC_NO
    if isinstance(value, int | float):
        return format_number(value)
    if kind in ("choice", "multichoice") and choices is not None:
        list_name = choices
        return readable(value, label=lambda v: checklist.choice_label(list_name, v))
    # Any other shape (a record not built by validation) still reads as its words.
    return readable(value)


# --- questions and answers ----------------------------------------------------


def _answer(question: Question, value: Any, checklist: Checklist) -> Answer:
    if not paths.is_answered(value):
        return NoAnswer()
    if question.kind == "yesno" and isinstance(value, bool):
        return YesNoAnswer(value)
    if question.kind == "multichoice" and isinstance(value, list):
        return _checks(question.choices, value, checklist)
    if question.kind == "list" and isinstance(value, list):
        return _table(question, value, checklist)
    return TextAnswer(_plain(value, question.kind, question.choices, checklist))


def _checks(list_name: str | None, chosen: list[Any], checklist: Checklist) -> ChecksAnswer:
    options = [
        (option.label, option.value in chosen)
        for option in checklist.choices.get(list_name or "", ())
    ]
    known = {option.value for option in checklist.choices.get(list_name or "", ())}
    # A value the checklist no longer lists is still the user's answer: keep it, in
    # words whatever its shape.
    options += [
        (_plain(value, "multichoice", list_name, checklist), True)
        for value in chosen
        if not (isinstance(value, str) and value in known)
    ]
    return ChecksAnswer(tuple(options))


def _note(question: Question, value: Any, checklist: Checklist) -> str | None:
    if question.kind != "choice" or question.choices is None or not isinstance(value, str):
        return None
    option = checklist.choice(question.choices, value)
    if option is None or option.caution is None:
        return None
    return m.DOC_CAUTION.format(text=option.caution)


# How list fields are laid out beyond one column each. A unit belongs right after its
# target value; long or secondary fields (a goal's effect, a comment) read better as a
# full-width line under the item's row than as a narrow column.
_SUFFIXED: dict[str, dict[str, str]] = {"step2.goals": {"unit": "target"}}
_ROW_NOTES: dict[str, tuple[str, ...]] = {
    "step1.existing_accounts": ("comment",),
    "step2.goals": ("effect",),
}


def column_title(list_field: str, item: ItemField) -> str:
    path = f"{list_field}.{item.field}"
    # field_title names the parents too ("Mätbara mål › Målvärde"); a column needs the leaf.
    return m.DOC_COLUMN_TITLES.get(path) or field_title(path).rsplit(" › ", 1)[-1]


def _table(question: Question, items: list[Any], checklist: Checklist) -> TableAnswer:
    suffixed = _SUFFIXED.get(question.field, {})
    noted = _ROW_NOTES.get(question.field, ())
    columns = [f for f in question.fields if f.field not in suffixed and f.field not in noted]
    rows: list[tuple[Cell, ...]] = []
    notes: list[Cell] = []
    for entry in items:
        data = entry if isinstance(entry, dict) else {}
        row: list[Cell] = []
        for column in columns:
            text = _cell_text(data.get(column.field), column, checklist)
            for item in question.fields:
                value = data.get(item.field)
                if suffixed.get(item.field) == column.field and paths.is_answered(value):
                    text = f"{text} {_cell_text(value, item, checklist)}"
            row.append((text,))
        rows.append(tuple(row))
        notes.append(
            tuple(
                m.DOC_LABELLED.format(
                    label=column_title(question.field, item),
                    text=_cell_text(data.get(item.field), item, checklist),
                )
                for item in question.fields
                if item.field in noted and paths.is_answered(data.get(item.field))
            )
        )
    return TableAnswer(
        headers=tuple(column_title(question.field, column) for column in columns),
        rows=tuple(rows),
        notes=tuple(notes),
    )


def _cell_text(value: Any, item: ItemField, checklist: Checklist) -> str:
    if not paths.is_answered(value):
        return m.DOC_NONE
    if isinstance(value, list):
        return ", ".join(_plain(v, item.kind, item.choices, checklist) for v in value)
    return _plain(value, item.kind, item.choices, checklist)


class SetAsideCounts:
    """How many set-aside answers concern a field: itself, its list items, or a whole
    group it belongs to (a partial group is set aside as one).

    Counted once for all keys, so that each question and each problem is a few
    lookups, however many answers are set aside.
    """

    def __init__(self, set_aside: dict[str, Any]) -> None:
        self.keys = set(set_aside)
        self.inside: dict[str, int] = {}
        for key in set_aside:
            for part in paths.ancestors(key):
                self.inside[part] = self.inside.get(part, 0) + 1

    def under(self, field: str) -> int:
        groups = sum(1 for part in list(paths.ancestors(field))[1:] if part in self.keys)
        return self.inside.get(field, 0) + groups


def set_aside_under(field: str, set_aside: dict[str, Any]) -> int:
    """How many set-aside answers concern `field` (see SetAsideCounts)."""
    return SetAsideCounts(set_aside).under(field)


def _section(
    section: Section, data: dict[str, Any], set_aside: SetAsideCounts, checklist: Checklist
) -> SectionView:
    shown = []
    for question in section.questions:
        if not applicable(question, data):
            continue
        value = paths.get(data, question.field)
        answer = _answer(question, value, checklist)
        note = _note(question, value, checklist)
        # Set-aside answers are never shown as answers (they did not pass the checks);
        # the reader is told that one was given and needs correcting.
        aside = set_aside.under(question.field)
        if aside and isinstance(answer, NoAnswer):
            answer = NoAnswer(set_aside=True)
        elif aside:
            note = m.DOC_SET_ASIDE_ITEMS.format(count=aside)
        shown.append(QuestionView(question.field, question.label, answer, note))
    heading = section.title
    if section.number is not None:
        heading = m.DOC_STEP_HEADING.format(number=section.number, title=section.title)
    return SectionView(section.id, section.number, heading, section.purpose, tuple(shown))


# --- the parts around the questions ---------------------------------------------


def _text_or(value: Any, fallback: str = m.DOC_NOT_ANSWERED) -> str:
    return str(value) if paths.is_answered(value) else fallback


def _platform(record: Record, checklist: Checklist) -> str:
    platform = record.step3.platform
    if platform is None:
        return m.DOC_NOT_ANSWERED
    if platform == "annan" and record.step3.platform_other:
        return record.step3.platform_other
    return checklist.choice_label("platforms", platform)


def _person(name: str | None, title: str | None) -> str:
    return ", ".join(part for part in (name, title) if part) or m.DOC_NOT_ANSWERED


def _facts(record: Record, checklist: Checklist, today: date, draft: bool) -> list[tuple[str, str]]:
    account = _text_or(record.account_name)
    proposed = record.step3.proposed_account_name
    if proposed and proposed != record.account_name:
        account = m.DOC_ACCOUNT_WITH_PROPOSED.format(account=account, proposed=proposed)
    responsible = record.step2.responsible
    return [
        (m.DOC_FACT_ORGANISATION, _text_or(record.organisation.name)),
        (m.DOC_FACT_UNIT, _text_or(record.organisation.unit)),
        (m.DOC_FACT_ACCOUNT, account),
        (m.DOC_FACT_PLATFORM, _platform(record, checklist)),
        (m.DOC_FACT_RESPONSIBLE, _person(responsible.name, responsible.title)),
        (m.DOC_FACT_DATE, today.isoformat()),
        (m.DOC_FACT_STATUS, m.DOC_STATUS_DRAFT if draft else m.DOC_STATUS_COMPLETE),
        (m.DOC_FACT_RECORD_ID, record.id),
        (
            m.DOC_FACT_CHECKLIST,
            m.DOC_CHECKLIST_VERSION.format(
                id=record.checklist_id, version=record.checklist_version
            ),
        ),
    ]


def _decision(record: Record, checklist: Checklist) -> list[tuple[str, str]]:
    decision = record.step5
    outcome = m.DOC_NOT_ANSWERED
    if decision.outcome is not None:
        outcome = checklist.choice_label("outcomes", decision.outcome)
    decided = decision.decision_date.isoformat() if decision.decision_date else None
    review = decision.next_review.isoformat() if decision.next_review else None
    maker = decision.decision_maker
    return [
        (m.DOC_DECISION_OUTCOME, outcome),
        (m.DOC_DECISION_DATE, _text_or(decided)),
        (m.DOC_DECISION_CASE, _text_or(decision.case_number, m.DOC_NO_CASE_NUMBER)),
        (m.DOC_DECISION_MAKER, _person(maker.name, maker.title)),
        (m.DOC_DECISION_NEXT_REVIEW, _text_or(review)),
    ]


def _notice(record: Record, checklist: Checklist) -> NoticeView:
    paragraphs = tuple(p.strip() for p in checklist.notice.text.strip().split("\n\n") if p.strip())
    if record.notice is None:
        acknowledgement = m.DOC_NOTICE_NOT_ACKNOWLEDGED
    else:
        acknowledgement = m.DOC_NOTICE_ACKNOWLEDGED.format(
            when=format_moment(record.notice.acknowledged_at)
        )
    return NoticeView(checklist.notice.title, paragraphs, acknowledgement)


def _questions_by_field(checklist: Checklist) -> dict[str, tuple[Section, Question]]:
    by_field: dict[str, tuple[Section, Question]] = {}
    for section, question in checklist.questions():
        by_field.setdefault(question.field, (section, question))
    return by_field


def _question_for(
    path: str, by_field: dict[str, tuple[Section, Question]]
) -> tuple[Section, Question] | None:
    """The checklist question a problem path belongs to (the longest matching field)."""
    return next((by_field[part] for part in paths.ancestors(path) if part in by_field), None)


def describe_problem(
    problem: Problem,
    checklist: Checklist,
    set_aside: dict[str, Any] | SetAsideCounts,
    by_field: dict[str, tuple[Section, Question]] | None = None,
) -> str:
    """A problem as a reader of the document understands it: step, question, what to do."""
    if not isinstance(set_aside, SetAsideCounts):
        set_aside = SetAsideCounts(set_aside)
    found = _question_for(problem.path, by_field or _questions_by_field(checklist))
    if found is None:
        return m.DOC_MISSING_ITEM.format(where=problem.title, message=problem.message)
    section, question = found
    where = question.label
    if section.number is not None:
        where = m.DOC_MISSING_IN_STEP.format(number=section.number, label=question.label)
    if problem.message == m.V_NOT_ANSWERED and set_aside.under(question.field):
        return m.DOC_MISSING_ITEM.format(where=where, message=m.DOC_SET_ASIDE)
    if problem.message == m.V_NOT_ANSWERED:
        return where
    return m.DOC_MISSING_ITEM.format(where=where, message=problem.message)


def _properties(record: Record, checklist: Checklist, draft: bool, now: datetime) -> Properties:
    account = record.account_name or record.id
    return Properties(
        title=f"{checklist.title} – {account}",
        subject=m.DOC_SUBJECT.format(account=account),
        author=record.step2.responsible.name or record.organisation.name or m.DOC_AUTHOR_FALLBACK,
        keywords=m.DOC_KEYWORDS,
        category=m.DOC_CATEGORY_DRAFT if draft else m.DOC_CATEGORY_COMPLETE,
        identifier=record.id,
        created=now,
    )


def open_problems(record: Record, checklist: Checklist) -> list[Problem]:
    # Answers were checked against the day they were saved (see drafts.reference_day):
    # a goal deadline that has passed since is not something the draft is missing.
    from kontoguide.drafts import reference_day

    return problems(record, checklist, today=reference_day(record.updated_at))


def build(
    record: Record, checklist: Checklist, *, now: datetime, found: list[Problem] | None = None
) -> DocumentView:
    """The document for `record`; `now` dates it (and sets its created property).

    `found` is open_problems(record, checklist) when the caller has it already.
    """
    if found is None:
        found = open_problems(record, checklist)
    # A changed checklist can make a finished record incomplete again: never hide that.
    draft = record.status == "draft" or bool(found)
    data = record.model_dump(mode="json")
    account = record.account_name or record.id
    aside = SetAsideCounts(record.set_aside)
    by_field = _questions_by_field(checklist)
    return DocumentView(
        title=checklist.title,
        draft=draft,
        missing=tuple(describe_problem(p, checklist, aside, by_field) for p in found)
        if draft
        else (),
        facts=tuple(_facts(record, checklist, local_time(now).date(), draft)),
        notice=_notice(record, checklist),
        sections=tuple(_section(s, data, aside, checklist) for s in checklist.sections),
        decision=tuple(_decision(record, checklist)),
        signature_rows=(
            (m.DOC_SIGN_PLACE_DATE, ""),
            (m.DOC_SIGN_SIGNATURE, m.DOC_SIGN_NAME),
        ),
        header_text=m.DOC_HEADER.format(organisation=checklist.organisation, account=account),
        properties=_properties(record, checklist, draft, now),
    )
