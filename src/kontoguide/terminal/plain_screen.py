"""What the questionnaire shows besides the prompts, as plain lines (`--enkel`).

For screen readers and scripts: no colour or other escape sequence, no box
drawing, no redraw. What the normal mode draws in a panel or a table becomes
a heading line and paragraphs; a table row becomes one line of "name: value"
pairs, so a screen reader reads each row whole and in order. Lines are not
broken here for a pipe; at a terminal, plain_wrap.py breaks them at spaces.

PlainScreen stands in for RichScreen wherever the session uses one, so the
session's own `print` calls (the notice's panel, the records table) come out
plain as well; a renderable it does not know is drawn by rich without colour
and stripped of box drawing. Every event of the conversation has its own plain
rendering here (a test checks that none is missing).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kontoguide.checklist.parts import Section
from kontoguide.model.textsafe import terminal_safe
from kontoguide.questionnaire.answer_text import whole_titles
from kontoguide.questionnaire.events import (
    Event,
    Facts,
    Heading,
    ItemProgress,
    ItemStarted,
    ListShown,
    Note,
    Overview,
    ProblemsShown,
    Progress,
    SectionStarted,
    SummaryShown,
    TaskList,
    Tone,
    section_title,
)
from kontoguide.questionnaire.summary import SectionSummary
from kontoguide.terminal import messages as m
from kontoguide.terminal import output
from kontoguide.terminal.plain_asker import PlainAsker, plain
from kontoguide.terminal.plain_told import Told
from kontoguide.terminal.plain_wrap import width_of, wrapped
from kontoguide.terminal.views import RichScreen, item_skipped_note, skipped_note

# Box drawing and block elements: what rich draws around panels and tables.
_DRAWING = re.compile(r"[\u2500-\u259f]")

Lines = list[str]


class PlainScreen(RichScreen):
    """Shows the conversation's events as plain lines; see `events.Screen`."""

    plain = True

    def __init__(self, stream: Any = None, told: Told | None = None) -> None:
        # Shared with the asker: a new part (a heading) is where the ways around the
        # questions (help, back, cancel) are said again, once.
        self.told = told if told is not None else Told()
        if stream is None:
            # The session's own screen (not a test's): every title in it is said whole.
            whole_titles.set(True)
        self.stream = stream if stream is not None else output.stdout
        # The console is never written to; it is there for callers that ask its width.
        super().__init__(Console(file=io.StringIO(), width=80, color_system=None))

    def show(self, event: Event) -> None:
        if isinstance(event, SectionStarted | Heading):
            self.told.new_part()
        if isinstance(event, SectionStarted):
            # The heading has just said the step: the first position need not again.
            self.told.where = _where(event.section, event.steps)
        if isinstance(event, Progress | ItemProgress):
            self.told.list_lines = []  # a question again: the list's menu is behind
        if isinstance(event, Progress):
            self._lines(["", position(event, self.told)])
            return
        if isinstance(event, ItemStarted):
            self.told.item = None
        if isinstance(event, ItemProgress):
            self._lines(_item_progress(event, self.told))
            return
        if isinstance(event, ListShown):
            self.told.list_lines = [line for line in _list(event) if line]
        lines = _list_again(event, self.told) if isinstance(event, ListShown) else None
        lines = lines if lines is not None else _RENDER[type(event)](event)
        if isinstance(event, SectionStarted | Heading):
            # How answers are kept and how to pause are the same in every part: said at
            # the first heading of a run, and on "?" at every question.
            if m.VIEW_PAUSE_HINT in self.told.ever:
                lines = [line for line in lines if line != m.VIEW_PAUSE_HINT]
            self.told.ever.add(m.VIEW_PAUSE_HINT)
        self._lines(lines)

    def note(self, text: str, tone: Tone = "info") -> None:
        self._lines(_note(Note(terminal_safe(text), tone)))

    def print(self, renderable: RenderableType) -> None:
        self._lines(_renderable(renderable))

    def _lines(self, lines: Iterable[str]) -> None:
        width = width_of(self.stream)
        for line in lines:
            if _DRAWING.search(line):  # a rule before a heading ("─── Titel")
                line = _DRAWING.sub("", line).strip()
            self.stream.write(wrapped(plain(line), width) + "\n")
        self.stream.flush()


def plain_pair() -> tuple[PlainScreen, PlainAsker]:
    """The screen and the asker of a plain session, on standard out and in, sharing
    what has been told in the current part."""
    told = Told()
    return PlainScreen(told=told), PlainAsker(told=told)


# --- the session's own rich output ------------------------------------------------------


def _renderable(item: RenderableType) -> Lines:
    if isinstance(item, str):
        return item.split("\n")
    if isinstance(item, Text):
        return item.plain.split("\n")
    if isinstance(item, Group):
        return [line for part in item.renderables for line in _renderable(part)]
    if isinstance(item, Padding):
        return _renderable(item.renderable)
    if isinstance(item, Panel):
        title = _renderable(item.title) if item.title is not None else []
        return ["", *title, *_renderable(item.renderable), ""]
    if isinstance(item, Table):
        return _table(item)
    return _drawn(item)


def _table(table: Table) -> Lines:
    out: Lines = [""]
    if table.title is not None:
        out += _renderable(table.title)
    names = [_cell(column.header) for column in table.columns]
    columns = [list(column.cells) for column in table.columns]
    for row in zip(*columns, strict=False):
        cells = [_cell(cell) for cell in row]
        pairs = [
            m.PL_ROW.format(name=name, value=cell) if name else cell
            for name, cell in zip(names, cells, strict=False)
            if cell
        ]
        out.append(". ".join(pairs))
    return out


def _cell(cell: Any) -> str:
    if isinstance(cell, str | Text):
        return " ".join(_renderable(cell)).strip()
    return " ".join(line.strip() for line in _renderable(cell) if line.strip())


def _drawn(item: RenderableType) -> Lines:
    """Anything else: rich's own layout, without colour and without its lines and boxes."""
    buffer = io.StringIO()
    Console(file=buffer, width=80, color_system=None, highlight=False, emoji=False).print(item)
    lines = [_DRAWING.sub("", line).strip() for line in buffer.getvalue().split("\n")]
    return [line for line in lines if line]


# --- the conversation's events -----------------------------------------------------------


def _section(event: SectionStarted) -> Lines:
    section = event.section
    if section.number is not None:
        title = m.VIEW_STEP_HEADER.format(
            number=section.number, steps=event.steps, title=section.title
        )
    elif section.stage == "ready":
        title = m.VIEW_BASICS_HEADER.format(title=section.title)
    else:
        title = section.title
    return _heading(Heading(title, section.purpose))


def _heading(event: Heading) -> Lines:
    out = ["", event.title]
    if event.purpose:
        out.append(event.purpose.strip())
    return [*out, m.VIEW_PAUSE_HINT]


def _where(section: Section, steps: int) -> str:
    if section.number is None:
        return section.title
    return m.VIEW_STEP_SHORT.format(number=section.number, steps=steps)


def position(event: Progress, told: Told | None = None) -> str:
    """Where the question stands: "Steg 2 av 5. Fråga 4 av 20.", the step left out
    while it is the one said before in this part (`told`): at the question before, or
    by the step's heading just said. The count stays: "Fråga 17 av 32" tells how far."""
    where = _where(event.section, event.steps)
    if told is not None and told.where == where:
        text = m.PL_POSITION_SAME.format(index=event.index, count=event.count)
    else:
        text = m.PL_POSITION.format(where=where, index=event.index, count=event.count)
    if told is not None:
        told.where, told.item = where, None
    skipped = skipped_note(event)
    return text if skipped is None else f"{text} {skipped}"


def _progress(event: Progress) -> Lines:
    return ["", position(event)]


def _item_started(event: ItemStarted) -> Lines:
    return []  # the item's name and number lead every position line below


def _item_progress(event: ItemProgress, told: Told | None = None) -> Lines:
    """Where in an item the question stands: "Mål 2. Fråga 3 av 9.", the item and the
    count left out while it is the item of the question before (`told`)."""
    item = f"{event.label} {event.number}"
    if told is not None and told.item == item:
        text = m.PL_POSITION_NUMBER.format(index=event.index)
    else:
        text = m.PL_ITEM_POSITION.format(
            label=event.label, number=event.number, index=event.index, count=event.count
        )
    if told is not None:
        told.item = item
    skipped = item_skipped_note(event)
    return ["", text if skipped is None else f"{text} {skipped}"]


# Notes that speak of the normal mode's screen, as they are said in this mode.
_SAID_HERE = {m.Q_TYPED_NOT_SAVED: m.PL_TYPED_NOT_SAVED}


def _note(event: Note) -> Lines:
    text = _SAID_HERE.get(event.text, event.text).strip()
    if event.tone == "caution":
        return ["", m.VIEW_CAUTION_TITLE, text]
    return [m.PL_TONE_PREFIX.get(event.tone, "") + text]


def _overview(event: Overview) -> Lines:
    out = ["", m.VIEW_OVERVIEW_TITLE]
    for section, state in event.states:
        state_label = m.VIEW_STATE_LABELS[state]
        out.append(m.PL_OVERVIEW_ROW.format(part=section_title(section), state=state_label))
    return [*out, ""]


def _summary(event: SummaryShown) -> Lines:
    out: Lines = ["", m.VIEW_REVIEW_TITLE, m.VIEW_REVIEW_PURPOSE] if event.review else []
    for summary in event.sections:
        out += _section_summary(summary, answered_only=event.answered_only)
    return [*out, ""] if out else out


def _section_summary(summary: SectionSummary, *, answered_only: bool) -> Lines:
    rows = [row for row in summary.rows if row.answer is not None or not answered_only]
    if not rows:
        return []
    if answered_only:
        title = m.VIEW_ANSWERS_SO_FAR.format(part=section_title(summary.section))
    else:
        state = m.VIEW_STATE_LABELS[summary.state]
        title = f"{section_title(summary.section)} ({state})"
    out = ["", title]
    group: str | None = None
    for row in rows:
        *parents, leaf = row.title.split(" › ")
        parent = " › ".join(parents) or None
        if parent is not None and parent != group:
            out.append(parent + ":")
        group = parent
        if row.answer is None:
            answer = m.VIEW_MISSING if row.required else m.VIEW_EMPTY_OPTIONAL
        else:
            answer = row.answer
        first, *more = answer.split("\n")
        if more:
            out.append(leaf + ":")
            out += [line.strip() for line in (first, *more) if line.strip()]
        else:
            out.append(m.PL_ROW.format(name=leaf, value=first))
    return out


def _tasks(event: TaskList) -> Lines:
    # The steps and their states are the numbered choices right below: said once, there.
    return ["", m.VIEW_REVIEW_TITLE, m.VIEW_TASKS_PURPOSE]


def _problems(event: ProblemsShown) -> Lines:
    out = ["", m.VIEW_PROBLEMS_TITLE.format(count=len(event.problems))]
    out += [f"{problem.title}: {problem.message}" for problem in event.problems]
    return [*out, ""]


def _list(event: ListShown) -> Lines:
    question = event.question
    out: Lines = []
    if event.intro:
        out.append(question.label)
        if question.hint:
            out.append(question.hint.strip())
    if event.titles:
        out += ["", m.VIEW_LIST_SO_FAR.format(count=len(event.titles))]
        out += [f"{number}. {title}" for number, title in enumerate(event.titles, 1)]
    elif not event.intro:
        out.append(m.VIEW_LIST_EMPTY)
    return out


def _list_again(event: ListShown, told: Told) -> Lines | None:
    """A list shown again in this part with items added at its end: its count and the
    new items only, the others said when they were added (None: the whole list)."""
    before = told.listed.get(event.question.field)
    told.listed[event.question.field] = event.titles
    if event.intro or not before or event.titles[: len(before)] != before:
        return None
    if len(event.titles) == len(before):
        return None
    out = ["", m.VIEW_LIST_SO_FAR.format(count=len(event.titles))]
    added = enumerate(event.titles[len(before) :], len(before) + 1)
    return out + [f"{number}. {title}" for number, title in added]


def _facts(event: Facts) -> Lines:
    return ["", event.title, *(m.PL_ROW.format(name=n, value=v) for n, v in event.rows), ""]


_RENDER: dict[type, Callable[[Any], Lines]] = {
    SectionStarted: _section,
    Progress: _progress,
    ListShown: _list,
    ItemStarted: _item_started,
    ItemProgress: _item_progress,
    Note: _note,
    Overview: _overview,
    SummaryShown: _summary,
    TaskList: _tasks,
    ProblemsShown: _problems,
    Heading: _heading,
    Facts: _facts,
}
