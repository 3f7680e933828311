"""What the exported checklist says, independent of the file format.

Both renderers (Word and Markdown) walk this one structure, so the document and
the Markdown text can never disagree about which answers appear where. Every
text here is already formatted for a reader (choice labels, Swedish numbers,
ISO dates); the renderers only lay it out and make it safe for their format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kontoguide.checklist.parts import (
    ADDED_PREFIX,
    Checklist,
    ItemField,
    Question,
    Section,
    stage_rank,
)
from kontoguide.documents import messages as m
from kontoguide.documents.chart import Bar, ProgressChart
from kontoguide.model import paths
from kontoguide.model.account_life import FollowUp, State
from kontoguide.model.parts import Goal
from kontoguide.model.readable import readable
from kontoguide.model.record import Record
from kontoguide.model.steps import APPROVED
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import SetAsideCounts, applicable, in_checklist_order
from kontoguide.rules.field_problems import Problem, field_title
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import context_record, make_context

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
    given: str | None = None  # the set-aside answer as given, in words
    reason: str | None = None  # why it needs correcting


Cell = tuple[str, ...]  # the lines of one table cell


@dataclass(frozen=True)
class TableAnswer:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    # Per row: lines about it listed under the table, each named by the row's first cell
    # (may be empty). Never a merged row: a data table keeps one cell per column.
    notes: tuple[Cell, ...]


Answer = TextAnswer | YesNoAnswer | ChecksAnswer | TableAnswer | NoAnswer


@dataclass(frozen=True)
class QuestionView:
    field: str
    label: str
    answer: Answer
    note: str | None = None  # a caution that belongs with the answer (TikTok, X)
    # Set-aside items of a list, each as given with its reason (the list shows the rest).
    set_aside: tuple[tuple[str, str], ...] = ()


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
    source: str  # where the city's words come from
    paragraphs: tuple[str, ...]  # the city's words
    note_heading: str
    note: tuple[str, ...]  # kontoguide's explanation, apart from the city's words
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


Facts = tuple[tuple[str, str], ...]  # label and value, a row each


@dataclass(frozen=True)
class SignLine:
    """A line to write on by hand, with its caption below; `filled` is printed on it."""

    caption: str
    filled: str = ""
    tall: bool = False  # room for a few handwritten lines (a motivation)


@dataclass(frozen=True)
class DecisionView:
    """The decision: a form to fill in by hand (ready) or the decision as taken."""

    taken: bool
    lead: str
    subject: Facts  # what is decided: the account, its platform, who runs it
    outcomes: tuple[tuple[str, bool], ...]  # every outcome as a box, the chosen one ticked
    facts: Facts  # the decision as taken (empty on a form)
    lines: tuple[tuple[SignLine, ...], ...]  # on a form: rows of lines (one line: full width)


@dataclass(frozen=True)
class FigureView:
    chart: ProgressChart
    alt: str  # says the numbers the picture shows, for a screen reader and for Markdown
    caption: str


@dataclass(frozen=True)
class FollowUpView:
    heading: str
    facts: Facts
    measurements: TableAnswer
    rule: str  # how the table decides that a goal is met (our rule, said as ours)
    figure: FigureView | None  # None without a measurement of a known goal
    assessment: str


@dataclass(frozen=True)
class DocumentView:
    title: str
    subtitle: str  # the checklist's own title
    issuer: str  # the organisation and unit that file the document
    state: State
    kind: str  # the line under the title: UTKAST, Underlag för beslut, ...
    lead: str | None  # a draft's explanation under the mark
    missing: tuple[str, ...]
    facts: Facts
    notice: NoticeView
    sections: tuple[SectionView, ...]  # the basics and the steps, up to who decides
    decision: DecisionView | None  # None for a draft: nothing can be decided on it
    start: tuple[SectionView, ...]  # the start, once the account has started
    follow_ups: tuple[FollowUpView, ...]
    closing: tuple[SectionView, ...]  # the closing, once the account is closed
    history: TableAnswer | None
    about: str  # the record's id, the checklist version and the export date: last
    header_text: str
    header_state: str  # the state and the case number, on every page
    properties: Properties

    @property
    def draft(self) -> bool:
        return self.state == "draft"


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
    return TextAnswer(_with_unit_of(question, value, checklist))


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
# target value. A field that does not fit as a column goes into a list under the table,
# one line per item: seven goal columns on an A4 page left each 2 cm, and words like
# "Anmälningssystemet" and the heading "Utgångsvärde" broke inside the word (looked at in
# LibreOffice), so a goal's source is listed under the table.
_SUFFIXED: dict[str, dict[str, str]] = {"step2.goals": {"unit": "target", "effect_other": "effect"}}
_ROW_NOTES: dict[str, tuple[str, ...]] = {"step2.goals": ("data_source",)}


def column_title(list_field: str, item: ItemField) -> str:
    path = f"{list_field}.{item.field}"
    if list_field.startswith(ADDED_PREFIX):  # a variant's own list: its author's words
        return item.document_label
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
                    joiner = ": " if item.field == "effect_other" else " "
                    text = f"{text}{joiner}{_cell_text(value, item, checklist)}"
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


def _with_unit_of(asked: Question | ItemField, value: Any, checklist: Checklist) -> str:
    text = _plain(value, asked.kind, asked.choices, checklist)
    # An added number question names its unit ("2 500 besökare per månad").
    return f"{text} {asked.unit}" if asked.unit and isinstance(value, int | float) else text


def _cell_text(value: Any, item: ItemField, checklist: Checklist) -> str:
    if not paths.is_answered(value):
        return m.DOC_NONE
    if isinstance(value, list):
        return ", ".join(_plain(v, item.kind, item.choices, checklist) for v in value)
    text = _with_unit_of(item, value, checklist)
    # A choice explained in its label ("Informerad – förstår …") is named by its first
    # part in a narrow column; the explanation stays in the checklist.
    return text.split(" – ", 1)[0] if item.kind == "choice" else text


def set_aside_under(field: str, set_aside: dict[str, Any]) -> int:
    """How many set-aside answers concern `field` (see SetAsideCounts)."""
    return SetAsideCounts(set_aside).under(field)


# Questions that are for the person filling in the checklist, not for its reader: the
# working name (page 1 names the account by its proposed name).
NOT_IN_DOCUMENT = frozenset({"account_name"})


def _given(value: Any, question: Question, checklist: Checklist) -> str:
    """A set-aside answer as it was given, in words (an item with its column titles)."""
    if question.kind == "list" and isinstance(value, dict):
        text = "; ".join(
            m.DOC_LABELLED.format(
                label=column_title(question.field, item),
                text=_cell_text(value.get(item.field), item, checklist),
            )
            for item in question.fields
            if paths.is_answered(value.get(item.field))
        )
    else:
        text = _plain(value, question.kind, question.choices, checklist)
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299] + "…"


def _section(
    section: Section,
    data: dict[str, Any],
    set_aside: SetAsideCounts,
    checklist: Checklist,
    aside: SetAside | None = None,
) -> SectionView:
    shown = []
    aside = aside or SetAside({}, {})
    for question in section.questions:
        if question.field in NOT_IN_DOCUMENT or not applicable(question, data):
            continue
        value = paths.get(data, question.field)
        answer = _answer(question, value, checklist)
        note = _note(question, value, checklist)
        # A set-aside answer is never shown as an answer (it did not pass the checks):
        # it is printed as given, with the reason it needs correcting.
        given = [
            (_given(raw, question, checklist), reason)
            for raw, reason in aside.under(question.field)
        ]
        items: tuple[tuple[str, str], ...] = ()
        if given and isinstance(answer, NoAnswer):
            if question.kind == "list":
                items = tuple(given)
                answer = NoAnswer(set_aside=True)
            else:
                answer = NoAnswer(set_aside=True, given=given[0][0], reason=given[0][1])
        elif given:
            items = tuple(given)
        label = question.document_label
        shown.append(QuestionView(question.field, label, answer, note, items))
    heading = section.title
    if section.number is not None:
        heading = m.DOC_STEP_HEADING.format(number=section.number, title=section.title)
    return SectionView(section.id, section.number, heading, section.purpose, tuple(shown))


@dataclass(frozen=True)
class SetAside:
    """The set-aside answers, each as given, and the reason each needs correcting."""

    values: dict[str, Any]
    reasons: dict[str, list[Problem]]  # by set-aside key: what `validate` lists for it

    @property
    def problems(self) -> list[Problem]:
        return [problem for found in self.reasons.values() for problem in found]

    def under(self, field: str) -> list[tuple[Any, str]]:
        """The set-aside answers to `field` (or its items), and the part of a set-aside
        group that answers it, each with its reason."""
        found: list[tuple[Any, str]] = []
        for key, value in self.values.items():
            found_here = self.reasons.get(key) or []
            reason = " ".join(p.message for p in found_here) or m.DOC_SET_ASIDE
            base = _base_of(key)
            if paths.within(base, field):
                found.append((value, reason))
            elif field.startswith(base + ".") and isinstance(value, dict) and base == key:
                part = paths.get(value, field.removeprefix(base + "."))
                if paths.is_answered(part):
                    found.append((part, reason))
        return found


_ITEM_KEY = re.compile(r"^(.+)\[(\d+)\]$")


def _base_of(key: str) -> str:
    """The field a set-aside key belongs to: `step2.goals[1]` belongs to step2.goals."""
    match = _ITEM_KEY.match(key)
    return match[1] if match else key


def set_aside_reasons(record: Record, checklist: Checklist, today: date) -> SetAside:
    """Why each set-aside answer needs correcting: checked again, each in its place.

    The record keeps the values, not the reasons; `validate` on the file that gave
    them says the same. An item of a list is checked as the list's last item.
    """
    reasons: dict[str, list[Problem]] = {}
    context = make_context(checklist, today=today)
    given = {key: value for key, value in record.set_aside.items() if not paths.in_progress(key)}
    for key, value in given.items():
        data = _with_value(record.model_dump(mode="json"), key, value)
        data["set_aside"] = {}
        try:
            _, found = prune(data, context)
        except Exception:  # a reason is a courtesy; the value is shown all the same
            found = []
        field = _base_of(key)
        mine = [problem for problem in found if paths.within(problem.path, field)]
        if _ITEM_KEY.match(key):
            # Checked as the list's last item: named by its own key again.
            item = re.compile(rf"^{re.escape(field)}\[\d+\]")
            mine = [Problem(item.sub(key, p.path, count=1), p.title, p.message) for p in mine]
        title = field_title(field, context_record(checklist))
        reasons[key] = mine or [Problem(key, title, m.DOC_SET_ASIDE)]
    return SetAside(given, reasons)


def _with_value(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    match = _ITEM_KEY.match(key)
    if match is None:
        paths.put(data, key, value)
        return data
    items = paths.get(data, match[1])
    paths.put(data, match[1], [*items, value] if isinstance(items, list) else [value])
    return data


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


def _case_number(record: Record) -> str | None:
    number = record.step5.case_number
    return number if paths.is_answered(number) else None


def account_title(record: Record) -> str:
    """The account as the document names it: the proposed name, else the working name."""
    return record.step3.proposed_account_name or record.account_name or record.id


def _facts(
    record: Record, checklist: Checklist, state: State, state_label: str
) -> list[tuple[str, str]]:
    proposed = record.step3.proposed_account_name
    account = (
        (m.DOC_FACT_PROPOSED, proposed)
        if proposed
        else (m.DOC_FACT_WORKING_NAME, _text_or(record.account_name))
    )
    facts = [
        (m.DOC_FACT_ORGANISATION, _text_or(record.organisation.name)),
        (m.DOC_FACT_UNIT, _text_or(record.organisation.unit)),
        account,
        (m.DOC_FACT_PLATFORM, _platform(record, checklist)),
        (m.DOC_FACT_STATUS, state_label),
        (m.DOC_FACT_CASE, _case_number(record) or m.DOC_NO_CASE_NUMBER),
    ]
    decided = record.step5.decision_date
    if decided is not None and state not in ("draft", "ready"):
        facts.append((m.DOC_DECISION_DATE, decided.isoformat()))
    return facts


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


# --- the decision ------------------------------------------------------------------


def _decision_subject(record: Record, checklist: Checklist) -> Facts:
    # The account as it will be named on the platform, when step 3 proposes a name.
    account = record.step3.proposed_account_name or record.account_name
    return (
        (m.DOC_DECISION_ACCOUNT, _text_or(account)),
        (m.DOC_FACT_PLATFORM, _platform(record, checklist)),
        (m.DOC_FACT_ORGANISATION, _text_or(record.organisation.name)),
        (m.DOC_FACT_UNIT, _text_or(record.organisation.unit)),
    )


def _decision(record: Record, checklist: Checklist, taken: bool) -> DecisionView:
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
            (SignLine(m.DOC_SIGN_REVIEW),),
            (SignLine(m.DOC_SIGN_MOTIVATION, tall=True),),
            (SignLine(m.DOC_SIGN_SIGNATURE), SignLine(m.DOC_SIGN_NAME, maker.name or "")),
        )
        return DecisionView(False, m.DOC_DECISION_LEAD_READY, subject, outcomes, (), lines)
    assert decision.outcome is not None and decision.decision_date is not None
    facts = [
        (m.DOC_DECISION_OUTCOME, checklist.choice_label("outcomes", decision.outcome)),
        (m.DOC_DECISION_DATE, decision.decision_date.isoformat()),
        (m.DOC_DECISION_MAKER, _person(maker.name, maker.title)),
        (m.DOC_DECISION_CASE, _case_number(record) or m.DOC_NO_CASE_NUMBER),
    ]
    if paths.is_answered(decision.motivation):
        facts.append((m.DOC_DECISION_MOTIVATION, str(decision.motivation)))
    if decision.outcome == APPROVED and decision.next_review is not None:
        facts.append((m.DOC_DECISION_NEXT_REVIEW, decision.next_review.isoformat()))
    return DecisionView(True, m.DOC_DECISION_LEAD_TAKEN, subject, outcomes, tuple(facts), ())


# --- follow-ups -------------------------------------------------------------------


def goal_progress(baseline: float | None, target: float, value: float) -> tuple[float, bool]:
    """How far `value` has come from the baseline (0.0) to the target (1.0), and whether
    the target is met.

    A target below the baseline is a goal to lower something (response times): it is
    met at or under the target. Without a baseline the goal counts as one to raise,
    from 0. Said in the document (DOC_FOLLOW_UP_MET_RULE), as kontoguide's own rule.
    """
    start = 0.0 if baseline is None else float(baseline)
    lowering = baseline is not None and target < baseline
    met = value <= target if lowering else value >= target
    span = float(target) - start
    share = (float(value) - start) / span if span else (1.0 if met else 0.0)
    return share, met


def _percent(share: float) -> str:
    return m.DOC_PERCENT.format(value=format_number(round(share * 100)))


def _with_unit(value: float, unit: str) -> str:
    return f"{format_number(value)} {unit}".strip()


def _follow_up(
    number: int, follow_up: FollowUp, goals: list[Goal], checklist: Checklist
) -> FollowUpView:
    held = follow_up.held_on.isoformat()
    rows: list[tuple[Cell, ...]] = []
    notes: list[Cell] = []
    bars: list[Bar] = []
    spoken: list[str] = []
    for item in sorted(follow_up.measurements, key=lambda measured: measured.goal):
        measured = item.measured_on.isoformat()
        goal = goals[item.goal - 1] if item.goal <= len(goals) else None
        comment = (m.DOC_FOLLOW_UP_COMMENT.format(text=item.comment),) if item.comment else ()
        notes.append(comment)
        if goal is None:
            # The goals were changed after the follow-up: its value is still shown.
            name = m.DOC_FOLLOW_UP_UNKNOWN_GOAL.format(number=item.goal)
            rows.append(
                (
                    (name,),
                    (m.DOC_NONE,),
                    (m.DOC_NONE,),
                    (format_number(item.value),),
                    (measured,),
                    (m.DOC_NONE,),
                )
            )
            continue
        share, met = goal_progress(goal.baseline, goal.target, item.value)
        baseline = m.DOC_NONE if goal.baseline is None else format_number(goal.baseline)
        target = _with_unit(goal.target, goal.unit)
        value = _with_unit(item.value, goal.unit)
        name = m.DOC_FOLLOW_UP_GOAL.format(number=item.goal, name=goal.description)
        rows.append(
            (
                (name,),
                (baseline,),
                (target,),
                (value,),
                (measured,),
                (m.DOC_YES if met else m.DOC_NO,),
            )
        )
        bars.append(
            Bar(
                name,
                share,
                met,
                m.DOC_CHART_BAR.format(value=value, target=target, share=_percent(share)),
            )
        )
        spoken.append(
            m.DOC_CHART_ALT_GOAL.format(
                number=item.goal,
                name=goal.description,
                baseline=m.DOC_CHART_NO_BASELINE if goal.baseline is None else baseline,
                target=target,
                value=value,
                measured=measured,
                share=_percent(share),
                met=m.DOC_CHART_MET if met else m.DOC_CHART_NOT_MET,
            )
        )
    figure = None
    if bars:
        chart = ProgressChart(
            tuple(bars), m.DOC_CHART_AXIS, m.DOC_CHART_BASELINE, m.DOC_CHART_TARGET, m.DOC_PERCENT
        )
        alt = m.DOC_CHART_ALT.format(number=number, date=held, goals=" ".join(spoken))
        figure = FigureView(chart, alt, m.DOC_CHART_CAPTION)
    next_review = follow_up.next_review.isoformat() if follow_up.next_review else None
    facts = (
        (m.DOC_FOLLOW_UP_HELD, held),
        (
            m.DOC_FOLLOW_UP_CONCLUSION,
            checklist.choice_label("follow_up_conclusions", follow_up.conclusion),
        ),
        (m.DOC_FOLLOW_UP_NEXT, next_review or m.DOC_FOLLOW_UP_NO_NEXT),
    )
    table = TableAnswer(m.DOC_FOLLOW_UP_COLUMNS, tuple(rows), tuple(notes))
    return FollowUpView(
        heading=m.DOC_FOLLOW_UP_HEADING.format(number=number, date=held),
        facts=facts,
        measurements=table,
        rule=m.DOC_FOLLOW_UP_MET_RULE,
        figure=figure,
        assessment=follow_up.assessment,
    )


def _in_state(record: Record, state: State) -> Record:
    return record.model_copy(
        update={"status": state, "step5": record.step5.model_copy(update={"outcome": None})}
    )


def _history(record: Record, checklist: Checklist) -> TableAnswer | None:
    if not record.history:
        return None
    rows: list[tuple[Cell, ...]] = []
    follow_ups = 0
    for entry in record.history:
        if entry.what == "followed_up":
            follow_ups += 1
            label = m.DOC_HISTORY_FOLLOW_UP.format(number=follow_ups)
        else:
            # The state's own word, as in the facts table and the page header
            # (lifecycle.state_label); a past decision's outcome is not recorded, so a
            # decision is "Beslutat" here.
            label = lifecycle.state_label(_in_state(record, entry.what), checklist)
        rows.append(((label,), (format_moment(entry.at),)))
    return TableAnswer(m.DOC_HISTORY_COLUMNS, tuple(rows), tuple(() for _ in rows))


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


def _questions_by_field(checklist: Checklist) -> dict[str, tuple[Section, Question]]:
    by_field: dict[str, tuple[Section, Question]] = {}
    for section, question in checklist.questions():
        by_field.setdefault(question.field, (section, question))
    return by_field


def _question_for(
    path: str, by_field: dict[str, tuple[Section, Question]]
) -> tuple[Section, Question] | None:
    """The checklist question a problem path belongs to (the longest matching field), or
    for a group (the deputy as a whole) its first question."""
    found = next((by_field[part] for part in paths.ancestors(path) if part in by_field), None)
    if found is None:
        found = next((q for f, q in by_field.items() if f.startswith(path + ".")), None)
    return found


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
    where = question.document_label
    if section.number is not None:
        where = m.DOC_MISSING_IN_STEP.format(number=section.number, label=where)
    return m.DOC_MISSING_ITEM.format(where=where, message=problem.message)


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


@dataclass(frozen=True)
class Assessment:
    """The state the document shows, and what a draft lacks to be ready for a decision."""

    state: State
    missing: tuple[Problem, ...]
    set_aside: SetAside | None = None

    @property
    def draft(self) -> bool:
        return self.state == "draft"


def assess(record: Record, checklist: Checklist) -> Assessment:
    """The record's state, derived again: a changed checklist can make a record that was
    ready a draft again, and the document must never claim more than the answers hold.

    Answers were checked against the day they were saved (see drafts.reference_day): a
    goal deadline that has passed since is not something the record is missing.
    """
    from kontoguide.store.drafts import reference_day

    today = reference_day(record.updated_at)
    # A draft lists what stands between it and a decision; what a later stage still
    # lacks (a decision half written in) belongs to that stage, not to the draft.
    missing = lifecycle.open_problems(record, checklist, "ready", today=today)
    aside = set_aside_reasons(record, checklist, today)
    if missing:
        # Listed as `start` and `validate` list them: a set-aside answer with its reason,
        # then what is missing and not already covered by one.
        covered = {part for p in aside.problems for part in paths.ancestors(p.path)}
        merged = aside.problems + [p for p in missing if p.path not in covered]
        return Assessment("draft", tuple(in_checklist_order(merged, checklist)), aside)
    return Assessment(lifecycle.state(record, checklist, today=today), (), aside)


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
    by_field = _questions_by_field(checklist)

    def shown(stage: str) -> tuple[SectionView, ...]:
        return tuple(
            _section(section, data, aside, checklist, given)
            for section in checklist.sections
            if section.stage == stage
        )

    outcome = record.step5.outcome
    kind = m.DOC_DRAFT_MARK
    if state != "draft":
        outcome_label = checklist.choice_label("outcomes", outcome) if outcome else ""
        kind = m.DOC_KIND_LINES[state].format(outcome=outcome_label)
    case = _case_number(record)
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
        facts=tuple(_facts(record, checklist, state, label)),
        notice=_notice(record, checklist),
        sections=shown("ready"),
        decision=None
        if state == "draft"
        else _decision(record, checklist, _reached(state, "decided")),
        start=shown("started") if _reached(state, "started") else (),
        follow_ups=tuple(
            _follow_up(number, follow_up, goals, checklist)
            for number, follow_up in enumerate(record.follow_ups or [], start=1)
        )
        if _reached(state, "started")
        else (),
        closing=shown("closed") if _reached(state, "closed") else (),
        history=_history(record, checklist),
        about=_about(record, local_time(now).date()),
        header_text=m.DOC_HEADER.format(organisation=checklist.organisation, account=account),
        header_state=m.DOC_HEADER_STATE.format(state=label, case=case_text),
        properties=_properties(record, checklist, state, now),
    )
