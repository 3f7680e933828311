"""The overview as files: CSV (two shapes), JSON, Markdown and one HTML page.

- CSV for Swedish Excel (double-click opens it right): UTF-8 with BOM, semicolons,
  dates as ÅÅÅÅ-MM-DD. `stadens-lista` is the city's list of accounts: one row per
  started account. No cell can be read as a formula (=, +, -, @), whichever
  separator the spreadsheet splits on: see `not_a_formula`.
- HTML: one self-contained page (no network, no scripts) with the counts, a chart
  of states per organisation as CSS bars, the table and the attention list.
- XLSX lives in overview_xlsx (openpyxl is imported only there).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from html import escape

from kontoguide.model.account_life import LIFECYCLE_STATES
from kontoguide.model.days import day_given
from kontoguide.overview import messages as m
from kontoguide.overview.report import Report, Row, org_states

Cell = str | date | None


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else (m.OV_YES if value else m.OV_NO)


def attention_text(row: Row) -> str:
    return " ".join(item.text for item in row.attention)


# The overview's columns, in every tabular format.
COLUMNS: tuple[tuple[str, Callable[[Row], Cell]], ...] = (
    (m.OV_COL_ORG, lambda row: row.organisation),
    (m.OV_COL_UNIT, lambda row: row.unit),
    (m.OV_COL_ACCOUNT, lambda row: row.account),
    (m.OV_COL_PLATFORM, lambda row: row.platform),
    (m.OV_COL_STATE, lambda row: row.state_label),
    (m.OV_COL_RESPONSIBLE, lambda row: row.responsible),
    (m.OV_COL_RESPONSIBLE_EMAIL, lambda row: row.responsible_email),
    (m.OV_COL_DECIDED, lambda row: row.decision_date),
    (m.OV_COL_NEXT, lambda row: row.next_follow_up),
    (m.OV_COL_STARTED, lambda row: row.started_on),
    (m.OV_COL_ADDRESS, lambda row: row.address),
    (m.OV_COL_REPORTED, lambda row: _yes_no(row.reported_to_list)),
    (m.OV_COL_ATTENTION, attention_text),
    (m.OV_COL_ID, lambda row: row.id),
    (m.OV_COL_CHECKLIST, lambda row: row.checklist),
    (m.OV_COL_CHANGED, lambda row: day_given(row.updated_at)),
    (m.OV_COL_SOURCE, lambda row: row.source),
)

# The city's list of accounts: what the list asks for each started account.
CITY_LIST_COLUMNS: tuple[tuple[str, Callable[[Row], Cell]], ...] = (
    (m.OV_COL_ACCOUNT, lambda row: row.account),
    (m.OV_COL_ADDRESS, lambda row: row.address),
    (m.OV_COL_PLATFORM, lambda row: row.platform),
    (m.OV_COL_ORG, lambda row: row.organisation),
    (m.OV_COL_UNIT, lambda row: row.unit),
    (m.OV_COL_RESPONSIBLE, lambda row: row.responsible),
    (m.OV_COL_RESPONSIBLE_EMAIL, lambda row: row.responsible_email),
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Where a spreadsheet may begin a cell inside our field: Excel in another locale, or
# an import dialog, splits on commas or tabs (and on our semicolon if it ignores the
# quotes), and a line break may start a row. Whitespace and a quote may come first.
_FORMULA_INSIDE = re.compile(r"(^|[,;\t\r\n])([\s\"]*)(?=[=+\-@])")


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return value


def not_a_formula(text: str) -> str:
    """`text` with an apostrophe before every =, +, - or @ that could begin a cell.

    A field's first character is not enough: `Kultur,=1+1`, ` =2+2` and
    `Konto<tab>=3+3` each hold a formula for a spreadsheet that splits on commas or
    tabs or strips the blanks. The apostrophe goes right before the sign, so no
    blank or separator can come between them.
    """
    guarded = _FORMULA_INSIDE.sub(r"\1\2'", text)
    return "'" + guarded if guarded.startswith(_FORMULA_START) else guarded


def csv_table(headers: list[str], rows: list[list[str]]) -> bytes:
    """A CSV file for Swedish Excel, no cell of it a formula."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([not_a_formula(header) for header in headers])
    writer.writerows([not_a_formula(cell) for cell in row] for row in rows)
    # The BOM tells Excel the file is UTF-8; without it "å" turns into "Ã¥".
    return buffer.getvalue().encode("utf-8-sig")


def _csv(columns: tuple[tuple[str, Callable[[Row], Cell]], ...], rows: list[Row]) -> bytes:
    return csv_table(
        [header for header, _ in columns],
        [[cell_text(get(row)) for _, get in columns] for row in rows],
    )


def to_csv(report: Report) -> bytes:
    return _csv(COLUMNS, report.records)


def city_list_rows(report: Report) -> list[Row]:
    return [row for row in report.records if row.state == "started"]


def to_city_list(report: Report) -> bytes:
    return _csv(CITY_LIST_COLUMNS, city_list_rows(report))


def to_json(report: Report) -> bytes:
    return (report.model_dump_json(indent=2) + "\n").encode("utf-8")


# --- Markdown -------------------------------------------------------------------


def _md(text: str) -> str:
    # A cell is one line; a pipe would end it, markup characters would format it.
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in "\\|*_`[]<>#" else ch for ch in flat)


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in headers) + " |"]
    lines.append("|" + "---|" * len(headers))
    lines += ["| " + " | ".join(_md(cell) or "–" for cell in row) + " |" for row in rows]
    return lines


_MD_COLUMNS = (*COLUMNS[:9], COLUMNS[12])


def to_markdown(report: Report) -> bytes:
    lines = [f"# {m.OV_TITLE}", "", m.OV_TODAY.format(today=report.today.isoformat()), ""]
    lines += [f"## {m.OV_BY_STATE}", ""]
    lines += _md_table(
        [m.OV_COL_STATE, m.OV_COUNT], [[k, str(v)] for k, v in report.by_state.items()]
    )
    lines += ["", f"## {m.OV_BY_PLATFORM}", ""]
    lines += _md_table(
        [m.OV_COL_PLATFORM, m.OV_COUNT], [[k, str(v)] for k, v in report.by_platform.items()]
    )
    lines += ["", f"## {m.OV_ACCOUNTS}", ""]
    if report.records:
        lines += _md_table(
            [header for header, _ in _MD_COLUMNS],
            [[cell_text(get(row)) for _, get in _MD_COLUMNS] for row in report.records],
        )
    else:
        lines.append(m.OV_NONE)
    lines += ["", f"## {m.OV_ATTENTION_LIST}", ""]
    needing = [row for row in report.records if row.attention]
    for row in needing:
        where = m.OV_WHO_AND_ID.format(organisation=row.organisation or "–", id=row.id)
        lines.append(f"- **{_md(row.account or m.UNNAMED)}** ({_md(where)})")
        lines += [f"  - {_md(item.text)}" for item in row.attention]
    if not needing:
        lines.append(m.OV_NOTHING_NEEDS_ATTENTION)
    lines += _md_sources(report)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _md_sources(report: Report) -> list[str]:
    lines = ["", f"## {m.OV_SOURCES}", ""]
    lines += [f"- {_md(source)}" for source in report.sources]
    for row in report.records:
        lines.append(f"- {_md(row.id)}: {_md(row.source)}")
    if report.unreadable:
        lines += ["", f"## {m.OV_UNREADABLE_TITLE}", ""]
        lines += [f"- {_md(item.path)}: {_md(item.reason)}" for item in report.unreadable]
    if report.links:
        lines += ["", f"## {m.OV_LINKS_TITLE}", "", _md(m.OV_LINKS_NOTE), ""]
        lines += [f"- {_md(link)}" for link in report.links]
    return lines


# --- HTML -----------------------------------------------------------------------

_STATE_COLOURS = {
    "draft": "#767676",
    "ready": "#0a5ea8",
    "decided": "#6b3fa0",
    "started": "#1e7a34",
    "closed": "#4d4d4d",
}

_CSS = """
body { font-family: Arial, Helvetica, sans-serif; margin: 1.5rem; color: #1a1a1a;
  line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
td.d { white-space: nowrap; } td.w { min-width: 22rem; }
.chart { display: grid; grid-template-columns: minmax(10rem, 18rem) 1fr; gap: .4rem 1rem;
  align-items: center; max-width: 60rem; }
.bar { display: flex; height: 1.4rem; border: 1px solid #888; }
.bar span { display: block; height: 100%; color: #fff; font-size: .8rem; text-align: center;
  overflow: hidden; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .3rem;
  vertical-align: middle; border: 1px solid #444; }
@media print { .chart { break-inside: avoid; } }
"""


def _h(value: Cell) -> str:
    return escape(cell_text(value))


def _html_counts(title: str, counts: dict[str, int], head: str) -> list[str]:
    out = [f"<table><caption>{escape(title)}</caption>"]
    out.append(f'<thead><tr><th scope="col">{escape(head)}</th>')
    out.append(f'<th scope="col">{escape(m.OV_COUNT)}</th></tr></thead><tbody>')
    for name, count in counts.items():
        out.append(f"<tr><td>{escape(name)}</td><td>{count}</td></tr>")
    out.append("</tbody></table>")
    return out


def _html_chart(report: Report) -> list[str]:
    per_org = org_states(report)
    out = [f"<h2>{escape(m.OV_CHART_TITLE)}</h2>", '<p class="legend">']
    for state in LIFECYCLE_STATES:
        colour = _STATE_COLOURS[state]
        label = escape(m.STATE_LABELS[state])
        out.append(f'<span><i class="swatch" style="background:{colour}"></i>{label}</span>')
    out.append("</p>")
    if not per_org:
        return [*out, f"<p>{escape(m.OV_NONE)}</p>"]
    out.append('<div class="chart">')
    for org, counts in per_org.items():
        total = sum(counts.values())
        words = ", ".join(
            f"{m.STATE_LABELS[state]} {counts[state]}"
            for state in LIFECYCLE_STATES
            if counts[state]
        )
        out.append(f"<div>{escape(org)} ({total})</div>")
        out.append(f'<div class="bar" role="img" aria-label="{escape(org)}: {escape(words)}">')
        for state in LIFECYCLE_STATES:
            if counts[state]:
                share = 100 * counts[state] / total
                out.append(
                    f'<span style="width:{share:.1f}%;background:{_STATE_COLOURS[state]}" '
                    f'title="{escape(m.STATE_LABELS[state])}: {counts[state]}">'
                    f"{counts[state]}</span>"
                )
        out.append("</div>")
    out.append("</div>")
    return out


def _html_cell(value: Cell) -> str:
    if isinstance(value, date):  # a date on one line
        return f'<td class="d">{_h(value)}</td>'
    if value is not None and len(value) > 60:  # the attention sentences get room
        return f'<td class="w">{_h(value)}</td>'
    return f"<td>{_h(value)}</td>"


def _html_table(report: Report) -> list[str]:
    out = [f"<h2>{escape(m.OV_ACCOUNTS)}</h2>"]
    if not report.records:
        return [*out, f"<p>{escape(m.OV_NONE)}</p>"]
    out.append(f'<table id="konton"><caption>{escape(m.OV_TABLE_CAPTION)}</caption><thead><tr>')
    out += [f'<th scope="col">{escape(header)}</th>' for header, _ in COLUMNS]
    out.append("</tr></thead><tbody>")
    for row in report.records:
        out.append(f'<tr data-id="{escape(row.id)}">')
        out += [_html_cell(get(row)) for _, get in COLUMNS]
        out.append("</tr>")
    out.append("</tbody></table>")
    return out


def _html_attention(report: Report) -> list[str]:
    out = [f"<h2>{escape(m.OV_ATTENTION_LIST)}</h2>"]
    needing = [row for row in report.records if row.attention]
    if not needing:
        return [*out, f"<p>{escape(m.OV_NOTHING_NEEDS_ATTENTION)}</p>"]
    out.append('<ul id="uppmarksamhet">')
    for row in needing:
        name = escape(row.account or m.UNNAMED)
        where = m.OV_WHO_AND_ID.format(organisation=row.organisation or "–", id=row.id)
        out.append(f"<li><strong>{name}</strong> ({escape(where)})<ul>")
        out += [f"<li>{escape(item.text)}</li>" for item in row.attention]
        out.append("</ul></li>")
    out.append("</ul>")
    return out


def to_html(report: Report) -> bytes:
    title = escape(m.OV_TITLE)
    out = [
        "<!DOCTYPE html>",
        '<html lang="sv"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
        f"<h1>{title}</h1>",
        f"<p>{escape(m.OV_TODAY.format(today=report.today.isoformat()))}</p>",
    ]
    out += _html_counts(m.OV_BY_STATE, report.by_state, m.OV_COL_STATE)
    out += _html_counts(m.OV_BY_PLATFORM, report.by_platform, m.OV_COL_PLATFORM)
    out += _html_chart(report)
    out += _html_attention(report)
    out += _html_table(report)
    if report.unreadable:
        out.append(f"<h2>{escape(m.OV_UNREADABLE_TITLE)}</h2><ul>")
        out += [f"<li>{escape(i.path)}: {escape(i.reason)}</li>" for i in report.unreadable]
        out.append("</ul>")
    if report.links:
        out.append(f"<h2>{escape(m.OV_LINKS_TITLE)}</h2><p>{escape(m.OV_LINKS_NOTE)}</p><ul>")
        out += [f"<li>{escape(link)}</li>" for link in report.links]
        out.append("</ul>")
    out.append("</body></html>")
    return ("\n".join(out) + "\n").encode("utf-8")
