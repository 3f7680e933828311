"""What the questionnaire shows besides the prompts, drawn with rich.

Everything fits 80×24: no fixed widths above 80, tables fold long answers, and
colour is decoration only (NO_COLOR leaves every word in place).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kontoguide.checklist.parts import Notice, Section
from kontoguide.model.days import day_given
from kontoguide.model.textsafe import terminal_safe
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
from kontoguide.questionnaire.summary import Row, SectionSummary
from kontoguide.rules import lifecycle
from kontoguide.store.drafts import Loaded
from kontoguide.store.list_row import Listed, listed
from kontoguide.terminal import messages as m
from kontoguide.terminal.command_wrap import has_command, wrap_keeping_commands
from kontoguide.terminal.pager import print_paged
from kontoguide.terminal.text_grid import Grid

MAX_WIDTH = 80
_TONE_STYLE = {
    "info": "",
    "warning": "yellow",
    "caution": "yellow",
    "problem": "red",
    "success": "green",
}
_TONE_MARK = {"info": "", "warning": "! ", "problem": "! ", "success": "✓ "}
STATE_STYLE = {"done": "green", "started": "yellow", "empty": "dim", "fix": "red"}


def _width(console: Console) -> int:
    return min(console.width, MAX_WIDTH)


def notice_panel(notice: Notice) -> Panel:
    """The Schrems II notice: always first, never hidden. The city's words are quoted
    as the guide gives them, under a line that says so; kontoguide's comment apart."""
    body = Text(m.DOC_NOTICE_SOURCE, style="bold")
    body.append("\n")
    body.append(f"”{notice.text.strip()}”")
    if notice.note:
        # kontoguide's own explanation, apart from the city's words and said to be ours
        # in words (dim text alone is lost without colour and to a screen reader).
        body.append("\n\n")
        body.append(m.NOTICE_NOTE_HEADING, style="bold")
        body.append("\n")
        body.append(notice.note.strip(), style="dim")
    return Panel(
        body,
        title=Text(notice.title, style="bold"),
        title_align="left",
        border_style="yellow",
        # No blank rows inside the border: the plain-mode offer above it and the
        # question below it stay on a 24-row screen.
        padding=(0, 2),
    )


def step_header(section: Section, steps: int, *, purpose: bool = True) -> RenderableType:
    if section.number is not None:
        heading = m.VIEW_STEP_HEADER.format(number=section.number, steps=steps, title=section.title)
    elif section.stage == "ready" and not all(q.is_added for q in section.questions):
        heading = m.VIEW_BASICS_HEADER.format(title=section.title)
    else:  # the decision, the start, the closing, a variant's own section: by its title
        heading = section.title
    return header(heading, section.purpose if purpose else None)


def header(title: str, purpose: str | None) -> RenderableType:
    lines = [Text(""), Text("─" * 3 + " " + title, style="bold cyan")]
    if purpose:
        lines.append(Text(purpose, style="italic"))
    return Group(*lines)


def facts_table(facts: Facts) -> RenderableType:
    """Named facts under a title; the title on a line of its own (a table title would
    wrap at the width of the narrow table), the values folded to the screen."""
    table = Table(box=None, show_header=False, pad_edge=False, expand=False)
    table.add_column(no_wrap=True, style="dim", max_width=28)
    table.add_column(overflow="fold")
    for name, value in facts.rows:
        table.add_row(name, Text(value))
    return Group(Text(facts.title, style="bold"), table)


def progress_line(event: Progress) -> Text:
    section = event.section
    if section.number is None:
        where = section.title
    else:
        where = m.VIEW_STEP_SHORT.format(number=section.number, steps=event.steps)
    text = m.VIEW_PROGRESS.format(where=where, index=event.index, count=event.count)
    skipped = skipped_note(event)
    if skipped is not None:
        text += " " + skipped
    return Text(text, style="dim")


def skipped_note(event: Progress) -> str | None:
    """Why the number jumps: the numbers before this one that the answers leave out."""
    if event.skipped is None:
        return None
    first, last = event.skipped
    numbers = str(first) if first == last else f"{first}–{last}"
    return m.VIEW_PROGRESS_SKIPPED.format(numbers=numbers)


def item_skipped_note(event: ItemProgress) -> str | None:
    """Why an item's field number jumps: fields answered already, or not needed."""
    if event.skipped is None:
        return None
    first, last = event.skipped
    numbers = str(first) if first == last else f"{first}–{last}"
    text = m.VIEW_ITEM_SKIPPED_GIVEN if event.skipped_why == "given" else m.VIEW_PROGRESS_SKIPPED
    return text.format(numbers=numbers)


def overview_table(states: tuple[tuple[Section, str], ...]) -> Table:
    # No rules or blank edges: on resume the overview, the last answers and the
    # question must share one 80×24 screen.
    table = Table(
        title=m.VIEW_OVERVIEW_TITLE,
        title_justify="left",
        title_style="bold",
        box=None,
        pad_edge=False,
        header_style="bold",
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


def summary_table(summary: SectionSummary, *, answered_only: bool = False) -> Table | None:
    """One part's answers, named as in the checklist document; compact for 80×24.

    Answers that belong together (the contact's name, role, ...) get their
    group's name once, as a heading row, instead of on every row.
    """
    rows = [row for row in summary.rows if row.answer is not None or not answered_only]
    if not rows:
        return None
    if answered_only:
        title = m.VIEW_LATEST_ANSWERS.format(part=section_title(summary.section))
    else:
        state = m.VIEW_STATE_LABELS[summary.state]
        title = f"{section_title(summary.section)} ({state})"
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
    )
    table.add_column(m.VIEW_COL_QUESTION, ratio=2, overflow="fold")
    table.add_column(m.VIEW_COL_ANSWER, ratio=3, overflow="fold")
    group: str | None = None
    for row in rows:
        *parents, leaf = row.title.split(" › ")
        parent = " › ".join(parents) or None
        if parent is not None and parent != group:
            table.add_row(Text(parent, style="bold"), "")
        group = parent
        label = Text(("  " + leaf) if parent else leaf, style="" if parent else "bold")
        table.add_row(label, _answer_cell(row))
    return table


def _answer_cell(row: Row) -> RenderableType:
    """An answer; list items and ticked choices keep their indent when they wrap."""
    if row.answer is None:
        missing = m.VIEW_MISSING if row.required else m.VIEW_EMPTY_OPTIONAL
        return Text(missing, style="red" if row.required else "dim")
    lines = row.answer.split("\n")
    if len(lines) == 1 or not row.itemised:
        return Text(row.answer)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        if line.startswith("- "):
            grid.add_row("-", Text(line[2:]))
        elif line.startswith("   "):
            grid.add_row("", Text(line.strip()))
        else:
            number, _, rest = line.partition(" ")
            grid.add_row(number, Text(rest))
    return grid


def review_header() -> RenderableType:
    return Group(
        Text(""),
        Text("─── " + m.VIEW_REVIEW_TITLE, style="bold cyan"),
        Text(m.VIEW_REVIEW_PURPOSE, style="italic"),
    )


def state_text(item: Loaded | Listed, today: date | None = None) -> str:
    """The record's state in Swedish: how far a draft has come, the outcome of a
    decision, and a follow-up (or review) that is overdue."""
    row = item if isinstance(item, Listed) else listed(item)
    text = row.label
    if row.steps is not None:
        done, steps = row.steps
        text += " · " + m.STATE_DRAFT_STEPS.format(done=done, steps=steps)
    due = row.review_due
    if due is not None and due < (today or date.today()):
        text += " · " + m.STATE_FOLLOW_UP_OVERDUE.format(due=due.isoformat())
    return text


def drafts_table(
    items: Sequence[Loaded | Listed],
    *,
    title: str | None = None,
    status: bool = True,
    width: int = 80,
    today: date | None = None,
) -> RenderableType:
    """Records: id, account, organisation, state (with a draft's steps), last change.

    In a terminal under 120 columns the table takes the whole width and the three
    texts share what the id and the time leave, each column at least as wide as
    its longest word (at 80 columns "Klar för beslut" stays on one line, an overdue
    follow-up wraps under the state, the time under the date). Where the longest
    words do not fit side by side (60 columns), each record is a few lines under
    its id instead: no word is ever cut in the middle.
    """
    rows = []
    for item in items:
        row = item if isinstance(item, Listed) else listed(item)
        cells = [row.id, row.account_name or m.UNNAMED, row.organisation or "–"]
        if status:
            cells.append(state_text(row, today))
        cells.append(row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        rows.append(cells)
    headers = [m.LIST_COL_ID, m.LIST_COL_ACCOUNT, m.LIST_COL_ORG]
    if status:
        headers.append(m.LIST_COL_STATUS)
    headers.append(m.LIST_COL_CHANGED)
    wide = width >= 120
    # The id stays whole; elsewhere a column needs room for its longest word.
    needs = [max(len(cell) for cell in [headers[0], *(row[0] for row in rows)])]
    needs += [
        max(_longest_word(cell) for cell in [header, *(row[at] for row in rows)])
        for at, header in enumerate(headers[1:], 1)
    ]
    if not wide and sum(needs) + _GAP * (len(needs) - 1) > width:
        return _drafts_stacked(rows, headers, title, width)
    fulls = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    if wide and sum(fulls) + _GAP * (len(fulls) - 1) <= width:
        sizes = fulls  # each column as wide as its text, as on one line
    else:
        sizes = [needs[0], *(max(1, size) for size in _shares(needs, fulls, width))]
    # Drawn as plain lines (text_grid): rich's Table costs about a millisecond a row.
    texts = [[Text(cell) for cell in row] for row in rows]
    return Grid(headers, sizes, texts, title=title)


# What separates two columns of the records table.
_GAP = 3


def _shares(needs: list[int], fulls: list[int], width: int) -> list[int]:
    """The widths of the columns after the id: each its longest word, then what is
    left goes to the state, the organisation and the time, up to their whole text
    (at most 19 columns each), and the rest to the account's name. At 80 columns
    "Klar för beslut" fits on one line and the time goes under the date."""
    sizes, fulls = needs[1:], fulls[1:]
    left = width - needs[0] - _GAP * (len(needs) - 1) - sum(sizes)
    for at in [*range(len(sizes) - 2, 0, -1), len(sizes) - 1]:
        extra = max(0, min(min(fulls[at], 19) - sizes[at], left))
        sizes[at] += extra
        left -= extra
    sizes[0] += left
    return sizes


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def _drafts_stacked(
    rows: list[list[str]], headers: list[str], title: str | None, width: int
) -> RenderableType:
    """The records table for a narrow terminal: the id, then the record's texts in
    lines beside it that wrap at words (account name; the rest after it)."""
    heading = " · ".join(headers[1:])
    texts = []
    for cells in rows:
        text = Text(cells[1])
        text.append("\n" + " · ".join(cells[2:]), style="dim")
        texts.append([Text(cells[0]), text])
    first = max(len(cell) for cell in [headers[0], *(row[0] for row in rows)])
    lines = [heading, *(line for t in texts for line in t[1].plain.split("\n"))]
    longest = max(len(line) for line in lines)
    rest = max(1, min(longest, width - first - _GAP))
    return Grid([headers[0], heading], [first, rest], texts, title=title)


def draft_title(item: Loaded) -> str:
    """A record in the chooser: short enough for one line at 80 columns.

    The state says what is left to do; the date tells records with the same name apart.
    """
    record = item.record
    state = lifecycle.state_label(record, item.checklist)
    changed = day_given(record.updated_at).isoformat()
    tail = f" ({state}, {changed})"
    name = " ".join((record.account_name or m.UNNAMED).split())
    room = 72 - len(record.id) - 3 - len(tail)
    if len(name) > room:
        name = name[: room - 1] + "…"
    return f"{record.id} – {name}{tail}"


def acknowledged_line(moment: datetime) -> str:
    return m.VIEW_ACKNOWLEDGED.format(when=moment.astimezone().strftime("%Y-%m-%d %H:%M"))


class RichScreen:
    """Shows the conversation's events on a rich console; see `events.Screen`."""

    # Whether this screen is plain mode's (`--enkel`): the ordinary one names that mode.
    plain = False

    def __init__(self, console: Console) -> None:
        self.console = console

    def print(self, renderable: RenderableType) -> None:
        self.console.print(renderable, width=_width(self.console))

    def show(self, event: Event) -> None:
        if isinstance(event, Note):
            self.note(event.text, event.tone)
            return
        rendered = _RENDER[type(event)](event)
        if isinstance(event, SummaryShown):
            print_paged(self.console, rendered, _width(self.console))
            return
        for renderable in rendered:
            self.print(renderable)

    def note(self, text: str, tone: Tone = "info") -> None:
        # A note quotes file names and answers; rich would pass an escape sequence on.
        for renderable in _note(Note(terminal_safe(text), tone), self.console.width):
            self.print(renderable)


Rendered = list[RenderableType]
_BLANK = Text("")


def _section(event: SectionStarted) -> Rendered:
    # On resume the overview and the last answers come first: without the purpose
    # again, they and the question share one 80×24 screen.
    heading = step_header(event.section, event.steps, purpose=not event.again)
    return [heading, Text(m.VIEW_PAUSE_HINT, style="dim")]


def _progress(event: Progress) -> Rendered:
    return [_BLANK, progress_line(event)]


def _item_started(event: ItemStarted) -> Rendered:
    # The item's name and number lead every progress line below; nothing to add.
    return []


def _item_progress(event: ItemProgress) -> Rendered:
    text = m.VIEW_ITEM_PROGRESS.format(
        label=event.label, number=event.number, index=event.index, count=event.count
    )
    skipped = item_skipped_note(event)
    if skipped is not None:
        text += " " + skipped
    return [_BLANK, Text(text, style="dim")]


def _note(event: Note, width: int | None = None) -> Rendered:
    style = _TONE_STYLE.get(event.tone, "")
    if event.tone == "caution":
        title = Text(m.VIEW_CAUTION_TITLE, style="bold")
        return [Panel(Text(event.text), title=title, title_align="left", border_style=style)]
    first, *rest = event.text.split("\n")
    out: Rendered = []
    for line in (_TONE_MARK.get(event.tone, "") + first, *rest):
        if line.startswith("- "):
            out.append(_point(line, style))
        elif width is not None and has_command(line):
            # Wrapped here, never inside the command it gives (command_wrap).
            out += [
                Text(row, style=style, no_wrap=True, overflow="ignore")
                for row in wrap_keeping_commands(line, width)
            ]
        else:
            out.append(Text(line, style=style))
    return out


def _point(line: str, style: str) -> RenderableType:
    # A point under the note ("- Varför passar …") wraps under itself.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row("-", Text(line[2:], style=style))
    return grid


def _overview(event: Overview) -> Rendered:
    return [_BLANK, overview_table(event.states)]


def latest_lines(summary: SectionSummary) -> RenderableType:
    """The last answers of a part, one short line each (the reminder on resume)."""
    lines = [Text(m.VIEW_LATEST_ANSWERS.format(part=section_title(summary.section)), style="bold")]
    for row in summary.rows:
        line = Text("  ")
        line.append(row.title.split(" › ")[-1] + ": ", style="dim")
        line.append(row.answer or "")
        lines.append(line)
    return Group(*lines)


def _summary(event: SummaryShown) -> Rendered:
    if event.answered_only:
        return [_BLANK, *(latest_lines(s) for s in event.sections if s.rows)]
    out: Rendered = [review_header()] if event.review else []
    for summary in event.sections:
        table = summary_table(summary, answered_only=event.answered_only)
        if table is not None:
            out += [_BLANK, table]
    return out


def _tasks(event: TaskList) -> Rendered:
    # The steps and their states are the menu's choices right below: a screen reader
    # reads them once, and the whole list fits 80×24 with the heading.
    return [
        Group(
            Text(""),
            Text("─── " + m.VIEW_REVIEW_TITLE, style="bold cyan"),
            Text(m.VIEW_TASKS_PURPOSE, style="italic"),
        )
    ]


def _heading(event: Heading) -> Rendered:
    return [header(event.title, event.purpose), Text(m.VIEW_PAUSE_HINT, style="dim")]


def _facts(event: Facts) -> Rendered:
    return [_BLANK, facts_table(event)]


def _problems(event: ProblemsShown) -> Rendered:
    title = m.VIEW_PROBLEMS_TITLE.format(count=len(event.problems))
    out: Rendered = [_BLANK, Text(title, style="bold red")]
    # A grid keeps a long message hanging under its first word, not under the dash.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for problem in event.problems:
        grid.add_row("-", Text(f"{problem.title}: {problem.message}"))
    out.append(Padding(grid, (0, 0, 0, 2)))
    return out


def _list(event: ListShown) -> Rendered:
    question = event.question
    out: Rendered = []
    if event.intro:
        out.append(Text(question.label, style="bold"))
        if question.hint:
            out.append(Padding(Text(question.hint), (0, 0, 0, 2)))
    if event.titles:
        out += [_BLANK, Text(m.VIEW_LIST_SO_FAR.format(count=len(event.titles)), style="bold")]
        for number, title in enumerate(event.titles, 1):
            out.append(Padding(Text(f"{number}. {title}"), (0, 0, 0, 2)))
    elif not event.intro:
        out.append(Text(m.VIEW_LIST_EMPTY, style="dim"))
    return out


_RENDER: dict[type, Callable[[Any], Rendered]] = {
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
