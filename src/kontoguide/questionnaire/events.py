"""What the conversation shows: the events a Screen draws, and how a step is named.

Apart from the conversation so that the terminal's screens (views.py,
plain_screen.py) depend on these and not on how the questions are asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from kontoguide.checklist.parts import Question, Section
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.summary import SectionSummary
from kontoguide.rules.field_problems import Problem

Tone = Literal["info", "warning", "caution", "problem", "success"]


@dataclass(frozen=True)
class SectionStarted:
    section: Section
    steps: int
    # The part holds answers already (on resume, or going back into it): its purpose
    # was said when it was first begun.
    again: bool = False


@dataclass(frozen=True)
class Progress:
    section: Section
    index: int
    count: int
    steps: int
    # The numbers just before this one that do not apply to the answers (first, last).
    skipped: tuple[int, int] | None = None


@dataclass(frozen=True)
class ListShown:
    question: Question
    titles: tuple[str, ...]
    intro: bool = False


@dataclass(frozen=True)
class ItemStarted:
    label: str
    number: int


@dataclass(frozen=True)
class ItemProgress:
    label: str
    number: int
    index: int
    count: int
    # The field numbers just before this one that are not asked (first, last), and
    # why: "given" (answered already, as a team member taken from step 2) or "not_needed".
    skipped: tuple[int, int] | None = None
    skipped_why: str = "not_needed"


@dataclass(frozen=True)
class Note:
    text: str
    tone: Tone = "info"


@dataclass(frozen=True)
class Overview:
    states: tuple[tuple[Section, str], ...]


@dataclass(frozen=True)
class SummaryShown:
    sections: tuple[SectionSummary, ...]
    review: bool = False  # the "check your answers" page, with its heading
    answered_only: bool = False


@dataclass(frozen=True)
class TaskList:
    """ "Check your answers": the steps with their state, each opened on its own.

    `states` holds each part, its state ("done", "started", "empty", "fix") and how
    many of its answers need putting right.
    """

    states: tuple[tuple[Section, str, int], ...]
    ready: bool


@dataclass(frozen=True)
class ProblemsShown:
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Heading:
    """A part of the conversation that is not a checklist section (a follow-up)."""

    title: str
    purpose: str | None = None


@dataclass(frozen=True)
class Facts:
    """A few named facts under a title: a goal to measure, a record's state."""

    title: str
    rows: tuple[tuple[str, str], ...]


Event = (
    SectionStarted
    | Progress
    | ListShown
    | ItemStarted
    | ItemProgress
    | Note
    | Overview
    | SummaryShown
    | TaskList
    | ProblemsShown
    | Heading
    | Facts
)


class Screen(Protocol):
    def show(self, event: Event) -> None: ...


def section_title(section: Section) -> str:
    if section.number is None:
        return section.title
    return m.Q_STEP_NAME.format(number=section.number, title=section.title)
