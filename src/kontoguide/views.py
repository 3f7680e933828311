"""What the questionnaire shows besides the prompts, drawn with rich.

Everything fits 80×24: no fixed widths above 80, tables fold long answers, and
colour is decoration only (NO_COLOR leaves every word in place).
"""

from __future__ import annotations

from datetime import datetime

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kontoguide import messages as m
from kontoguide.checklist import Notice, Section
from kontoguide.dialogue import (
    Event,
    ItemProgress,
    ItemStarted,
    ListShown,
    Note,
    Overview,
    ProblemsShown,
    Progress,
    SectionStarted,
    SummaryShown,
    section_title,
)
from kontoguide.flow import SectionSummary
from kontoguide.record import Record

MAX_WIDTH = 80
_TONE_STYLE = {"info": "", "warning": "yellow", "problem": "red", "success": "green"}
_TONE_MARK = {"info": "", "warning": "! ", "problem": "! ", "success": "✓ "}
STATE_STYLE = {"done": "green", "started": "yellow", "empty": "dim"}


def _width(console: Console) -> int:
    return min(console.width, MAX_WIDTH)


def notice_panel(notice: Notice) -> Panel:
    """The Schrems II notice: always first, never hidden."""
    body = Text(notice.text.strip())
    return Panel(
        body,
        title=Text(notice.title, style="bold"),
        title_align="left",
        border_style="yellow",
        padding=(1, 2),
    )


def step_header(section: Section, steps: int) -> RenderableType:
    if section.number is None:
        heading = m.VIEW_BASICS_HEADER.format(title=section.title)
    else:
        heading = m.VIEW_STEP_HEADER.format(number=section.number, steps=steps, title=section.title)
    return Group(
        Text(""),
        Text("─" * 3 + " " + heading, style="bold cyan"),
        Text(section.purpose, style="italic"),
    )


def progress_line(event: Progress) -> Text:
    section = event.section
    if section.number is None:
        where = section.title
    else:
        where = m.VIEW_STEP_SHORT.format(number=section.number, steps=event.steps)
    return Text(
        m.VIEW_PROGRESS.format(where=where, index=event.index, count=event.count), style="dim"
    )


def overview_table(states: tuple[tuple[Section, str], ...]) -> Table:
    table = Table(
        title=m.VIEW_OVERVIEW_TITLE, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    table.add_column(m.VIEW_COL_STEP, no_wrap=True)
    table.add_column(m.VIEW_COL_CONTENT, overflow="fold")
    table.add_column(m.VIEW_COL_STATE, no_wrap=True)
    for section, state in states:
        number = str(section.number) if section.number is not None else "–"
        table.add_row(
            number, section.title, Text(m.VIEW_STATE_LABELS[state], style=STATE_STYLE[state])
        )
    return table


def summary_table(summary: SectionSummary) -> Table:
    """One part's answers, named as in the checklist document; compact for 80×24."""
    state = m.VIEW_STATE_LABELS[summary.state]
    table = Table(
        title=f"{section_title(summary.section)} ({state})",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
    )
    table.add_column(m.VIEW_COL_QUESTION, ratio=2, overflow="fold", style="bold")
    table.add_column(m.VIEW_COL_ANSWER, ratio=3, overflow="fold")
    for row in summary.rows:
        if row.answer is None:
            missing = m.VIEW_MISSING if row.required else m.VIEW_EMPTY_OPTIONAL
            shown = Text(missing, style="red" if row.required else "dim")
        else:
            shown = Text(row.answer)
        table.add_row(row.title, shown)
    return table


def drafts_table(rows: list[tuple[Record, int, int]]) -> Table:
    """The drafts to choose from: id, account, organisation, steps done, last change."""
    table = Table(
        title=m.VIEW_DRAFTS_TITLE, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    table.add_column(m.LIST_COL_ID, no_wrap=True)
    table.add_column(m.LIST_COL_ACCOUNT, ratio=3)
    table.add_column(m.LIST_COL_ORG, ratio=2)
    table.add_column(m.LIST_COL_STEPS, no_wrap=True)
    table.add_column(m.LIST_COL_CHANGED, no_wrap=True)
    for record, done, steps in rows:
        table.add_row(
            record.id,
            record.account_name or m.UNNAMED,
            record.organisation.name or "–",
            m.VIEW_STEPS_DONE.format(done=done, steps=steps),
            record.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    return table


def draft_title(record: Record) -> str:
    """A draft in the chooser: short enough for one line at 80 columns."""
    name = record.account_name or m.UNNAMED
    flat = " ".join(name.split())
    if len(flat) > 60:
        flat = flat[:59] + "…"
    return f"{record.id} – {flat}"


def acknowledged_line(moment: datetime) -> str:
    return m.VIEW_ACKNOWLEDGED.format(when=moment.astimezone().strftime("%Y-%m-%d %H:%M"))


class RichScreen:
    """Shows the conversation's events on a rich console; see `dialogue.Screen`."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def print(self, renderable: RenderableType) -> None:
        self.console.print(renderable, width=_width(self.console))

    def show(self, event: Event) -> None:
        if isinstance(event, SectionStarted):
            self.print(step_header(event.section, event.steps))
            self.print(Text(m.VIEW_PAUSE_HINT, style="dim"))
        elif isinstance(event, Progress):
            self.print(Text(""))
            self.print(progress_line(event))
        elif isinstance(event, ListShown):
            self._list(event)
        elif isinstance(event, ItemStarted):
            self.print(Text(""))
            self.print(Text(f"{event.label} {event.number}", style="bold cyan"))
        elif isinstance(event, ItemProgress):
            self.print(Text(""))
            text = m.VIEW_ITEM_PROGRESS.format(
                label=event.label, number=event.number, index=event.index, count=event.count
            )
            self.print(Text(text, style="dim"))
        elif isinstance(event, Note):
            self.note(event.text, event.tone)
        elif isinstance(event, Overview):
            self.print(Text(""))
            self.print(overview_table(event.states))
        elif isinstance(event, SummaryShown):
            for summary in event.sections:
                self.print(Text(""))
                self.print(summary_table(summary))
        elif isinstance(event, ProblemsShown):
            self.print(Text(""))
            self.print(
                Text(m.VIEW_PROBLEMS_TITLE.format(count=len(event.problems)), style="bold red")
            )
            for problem in event.problems:
                self.print(Padding(Text(f"- {problem.title}: {problem.message}"), (0, 0, 0, 2)))

    def note(self, text: str, tone: str = "info") -> None:
        style = _TONE_STYLE.get(tone, "")
        if tone == "warning" and len(text) > 120:
            self.print(Panel(Text(text), border_style=style, padding=(0, 1)))
            return
        self.print(Text(_TONE_MARK.get(tone, "") + text, style=style))

    def _list(self, event: ListShown) -> None:
        question = event.question
        if event.intro:
            self.print(Text(""))
            self.print(Text(question.label, style="bold"))
            if question.hint:
                self.print(Padding(Text(question.hint), (0, 0, 0, 2)))
        if event.titles:
            self.print(Text(""))
            self.print(Text(m.VIEW_LIST_SO_FAR.format(count=len(event.titles)), style="bold"))
            for number, title in enumerate(event.titles, 1):
                self.print(Padding(Text(f"{number}. {title}"), (0, 0, 0, 2)))
        elif not event.intro:
            self.print(Text(m.VIEW_LIST_EMPTY, style="dim"))
