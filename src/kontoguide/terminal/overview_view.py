"""The overview in the terminal: a table that wraps to the width at words (drawn as
plain lines by text_grid, styled by rich), most urgent first, with the attention
sentences in the last column."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from rich.text import Text

from kontoguide.model.textsafe import printable
from kontoguide.overview.report import Report, Row, shown_path
from kontoguide.terminal import messages as m
from kontoguide.terminal.text_grid import Grid, longest_word, shared

_RULE_STYLE = {"changed_in_future": "red", "follow_up_overdue": "red", "goal_unmeasured": "red"}


def _text(value: str | None, limit: int = 200) -> Text:
    # Text from files someone else made: control characters shown escaped.
    return Text(printable(value, limit) if value else "–")


def _org(row: Row) -> Text:
    text = _text(row.organisation)
    if row.unit:
        text.append("\n" + printable(row.unit, 200), style="dim")
    return text


def _account(row: Row, drafts_folder: Path | None) -> Text:
    text = _text(row.account or m.UNNAMED)
    text.append("\n" + printable(shown_path(row.source, drafts_folder), None), style="dim")
    return text


def _attention(row: Row) -> Text:
    if not row.attention:
        return Text("–", style="dim")
    text = Text()
    for index, item in enumerate(row.attention):
        if index:
            text.append("\n")
        text.append("• " + printable(item.text, None), style=_RULE_STYLE.get(item.rule, "yellow"))
    return text


# From this width on every field has a column of its own; below it the table
# puts related fields together so that 80 columns still read well.
WIDE = 140


def _dates(row: Row) -> Text:
    decided = row.decision_date.isoformat() if row.decision_date else "–"
    due = row.next_follow_up.isoformat() if row.next_follow_up else "–"
    text = Text(decided)
    text.append("\n" + m.OV_NEXT_PREFIX + due)
    return text


def _state(row: Row) -> Text:
    text = _text(row.state_label)
    text.append("\n" + printable(row.platform or "–", 60), style="dim")
    if row.responsible:
        text.append("\n" + printable(row.responsible, 200))
    return text


def _compact_account(row: Row, drafts_folder: Path | None) -> Text:
    text = _text(row.account or m.UNNAMED)
    where = " · ".join(printable(part, 200) for part in (row.organisation, row.unit) if part)
    if where:
        text.append("\n" + where)
    text.append("\n" + printable(shown_path(row.source, drafts_folder), None), style="dim")
    return text


# A column's least width: its longest word, up to this (a file path is folded).
_WORD_CAP = 24


def _grid(columns: list[tuple[str, int, int | None]], rows: list[list[Text]], width: int) -> Grid:
    """The table as plain lines (text_grid): rich's Table costs about a millisecond a
    row. Each column is (header, ratio, fixed width or None): a fixed column has
    that width (the dates, "→ 2027-01-02"; the state, where "Klar för beslut" fits),
    the others get at least their longest word and share the rest by their ratios."""
    minimums = []
    for at, (header, _, fixed) in enumerate(columns):
        texts = [header, *(row[at].plain for row in rows)]
        minimums.append(fixed or min(max(longest_word(text) for text in texts), _WORD_CAP))
    sizes = shared(minimums, [ratio for _, ratio, _ in columns], width)
    return Grid([header for header, _, _ in columns], sizes, rows, blank_between=True)


def compact_table(report: Report, *, width: int, drafts_folder: Path | None) -> Grid:
    """Four columns for a narrow terminal: account (with organisation, unit and source),
    state (with platform and responsible), dates, attention. At 80 columns "Klar för
    beslut" and "Socialförvaltningen" stay whole."""
    columns: list[tuple[str, int, int | None]] = [
        (m.OV_COL_ACCOUNT_COMPACT, 40, None),
        (m.OV_COL_STATE_COMPACT, 0, 15),
        (m.OV_COL_DATES_COMPACT, 0, 12),
        (m.OV_COL_ATTENTION, 43, None),
    ]
    rows = [
        [_compact_account(row, drafts_folder), _state(row), _dates(row), _attention(row)]
        for row in report.records
    ]
    return _grid(columns, rows, width)


def overview_table(report: Report, *, width: int, drafts_folder: Path | None) -> Grid:
    if width < WIDE:
        return compact_table(report, width=width, drafts_folder=drafts_folder)
    columns: list[tuple[str, int, int | None]] = [
        (m.OV_COL_ORG_SHORT, 14, None),
        (m.OV_COL_ACCOUNT, 16, None),
        (m.OV_COL_PLATFORM, 9, None),
        (m.OV_COL_STATE, 9, None),
        (m.OV_COL_RESPONSIBLE, 10, None),
        (m.OV_COL_DECIDED, 0, 12),
        (m.OV_COL_NEXT, 0, 12),
        (m.OV_COL_ATTENTION, 30, None),
    ]
    rows = [
        [
            _org(row),
            _account(row, drafts_folder),
            _text(row.platform),
            _text(row.state_label),
            _text(row.responsible),
            _text(row.decision_date.isoformat() if row.decision_date else None),
            _text(row.next_follow_up.isoformat() if row.next_follow_up else None),
            _attention(row),
        ]
        for row in report.records
    ]
    return _grid(columns, rows, width)


def overview_screen(report: Report, *, width: int, drafts_folder: Path | None) -> RenderableType:
    needing = sum(1 for row in report.records if row.attention)
    today = report.today.isoformat()
    if len(report.records) == 1:
        needs = m.OV_SUMMARY_ONE_NEEDS if needing else m.OV_SUMMARY_ONE_FINE
        summary = m.OV_SUMMARY_ONE.format(today=today, attention=needs)
    else:
        summary = m.OV_SUMMARY.format(count=len(report.records), attention=needing, today=today)
    parts: list[RenderableType] = [Text(summary, style="bold")]
    if report.records:
        parts.append(overview_table(report, width=width, drafts_folder=drafts_folder))
    else:
        parts.append(Text(m.OV_NONE))
    counts = ", ".join(f"{name} {count}" for name, count in report.by_state.items() if count)
    if counts:
        parts.append(Text(m.OV_STATE_COUNTS.format(counts=counts)))
    if report.duplicates:
        parts.append(Text(m.OV_DUPLICATES.format(count=report.duplicates), style="dim"))
    return Group(*parts)
