"""What the exported checklist says, independent of the file format.

Both renderers (Word and Markdown) walk this one structure, so the document and
the Markdown text can never disagree about which answers appear where. Every
text here is already formatted for a reader (choice labels, Swedish numbers,
ISO dates); the renderers only lay it out and make it safe for their format.
document.build makes it from a record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kontoguide.documents.chart import ProgressChart
from kontoguide.model.account_life import State


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
    # The answer was given at a review (omprövning), after the decision: on which day.
    reviewed: str | None = None


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
    alt: str  # says the numbers the chart shows, for a screen reader and for Markdown
    title: str  # the chart's short name, for a screen reader's list of objects
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
