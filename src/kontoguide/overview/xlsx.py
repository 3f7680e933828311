"""The overview as an Excel workbook: the accounts (header row, frozen panes, an
autofilter, column widths, real dates) and a sheet with the counts per state and
per platform. openpyxl is imported here only: the CLI starts without it.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from kontoguide.model.textsafe import xml_safe
from kontoguide.overview import messages as m
from kontoguide.overview.formats import COLUMNS, Cell
from kontoguide.overview.report import Report

_MAX_WIDTH = 60
_DATE_FORMAT = "yyyy-mm-dd"


def _value(value: Cell) -> Any:
    if value is None or isinstance(value, date):
        return value
    return xml_safe(value)


def _width(values: list[str]) -> int:
    longest = max((len(line) for value in values for line in value.split("\n")), default=0)
    return min(max(longest + 2, 8), _MAX_WIDTH)


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = m.OV_SHEET_ACCOUNTS
    sheet.append([header for header, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # The line is counted here: openpyxl's max_row looks at every cell written so far,
    # which made the workbook quadratic in the number of records (bench/overview_bench.py).
    for line, row in enumerate(report.records, start=2):
        for index, (_, get) in enumerate(COLUMNS, start=1):
            value = _value(get(row))
            cell = sheet.cell(row=line, column=index)
            cell.value = value
            if isinstance(value, str):
                # Text stays text: a name that starts with "=" is never run as a formula.
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(value, date):
                cell.number_format = _DATE_FORMAT
                cell.alignment = Alignment(vertical="top")
    for index, (header, get) in enumerate(COLUMNS, start=1):
        texts = [header] + [str(get(row) or "") for row in report.records]
        sheet.column_dimensions[get_column_letter(index)].width = _width(texts)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(report.records) + 1}"

    counts = book.create_sheet(m.OV_SHEET_COUNTS)
    counts.append([m.OV_COL_STATE, m.OV_COUNT])
    for name, count in report.by_state.items():
        counts.append([name, count])
    counts.append([])
    counts.append([m.OV_COL_PLATFORM, m.OV_COUNT])
    first = len(report.by_state) + 4
    for line, (name, count) in enumerate(report.by_platform.items(), start=first):
        counts.append([xml_safe(name), count])
        counts.cell(row=line, column=1).data_type = "s"  # a name, never a formula
    for line in (1, len(report.by_state) + 3):
        for cell in counts[line]:
            cell.font = Font(bold=True)
    counts.column_dimensions["A"].width = 24
    counts.column_dimensions["B"].width = 10

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
