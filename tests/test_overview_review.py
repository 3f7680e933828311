"""The overview says when a decided or started account has questions of a later
checklist version still to be answered at a review (omprövning), in every format,
counted from the record's answers as resume counts them (issue 19)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from kontoguide.overview import messages as m
from kontoguide.overview.attention import attention
from kontoguide.overview.formats import to_csv, to_html, to_json, to_markdown
from kontoguide.overview.xlsx import to_xlsx
from kontoguide.terminal.overview_view import overview_screen
from overview_support import TODAY, approved_not_started, entry, report, saved, started
from scenario import whole_closing
from test_review_questions import DECISION_SINCE_2026_2, NEW_SINCE_2026_2, _without

DECISION = tuple(DECISION_SINCE_2026_2)


def as_2026_2(data: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """The record as checklist version 2026.2 saved it: without what later versions asked
    before the decision (but the fields in `keep`)."""
    for field in [*NEW_SINCE_2026_2, *DECISION_SINCE_2026_2]:
        if field in keep:
            continue
        _without(data, field)
    data["checklist_version"] = "2026.2"
    return data


def review_items(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    return [
        item.text for item in attention(entry(tmp_path, data), TODAY) if item.rule == "review_open"
    ]


def expected(count: int, tmp_path: Path) -> str:
    current = entry(tmp_path / "nu", started()).checklist.version
    text = m.OV_ATT_REVIEW_ONE if count == 1 else m.OV_ATT_REVIEW_MANY
    return text.format(count=count, current=current)


def test_a_started_account_decided_under_an_earlier_version_has_open_questions(
    tmp_path: Path,
) -> None:
    assert review_items(tmp_path / "a", as_2026_2(started())) == [expected(4, tmp_path)]
    # The count follows the answers: what the record holds is not asked again.
    kept = ("step4.archiving.records_law", "step4.data_protection.controller")
    assert review_items(tmp_path / "b", as_2026_2(started(), kept)) == [expected(2, tmp_path)]
    # The words are kontoguide's, and say so.
    assert "(kontoguides regel)" in expected(4, tmp_path)


def test_an_approved_account_not_started_yet_has_them_too(tmp_path: Path) -> None:
    assert review_items(tmp_path, as_2026_2(approved_not_started())) == [expected(4, tmp_path)]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: started(), id="todays version"),
        pytest.param(lambda: as_2026_2(saved("avslaget.json"), DECISION), id="rejected"),
        pytest.param(lambda: as_2026_2(closed()), id="closed"),
    ],
)
def test_no_open_questions_without_a_review_to_come(tmp_path: Path, data: Any) -> None:
    record = data()
    assert entry(tmp_path / "läge", record).summary.status == record["status"]
    assert review_items(tmp_path, record) == []


def closed() -> dict[str, Any]:
    data = started()
    data["closing"] = whole_closing("2026-12-01")
    data["status"] = "closed"
    return data


def test_every_format_shows_it(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    found = report(tmp_path, as_2026_2(started("omprovas")))
    text = expected(4, tmp_path)
    (row,) = found.records
    assert [item.rule for item in row.attention] == ["review_open", "older_checklist"]

    rows = list(csv.reader(io.StringIO(to_csv(found).decode("utf-8-sig")), delimiter=";"))
    assert text in rows[1][rows[0].index(m.OV_COL_ATTENTION)]
    [item] = [
        i
        for i in json.loads(to_json(found))["records"][0]["attention"]
        if i["rule"] == "review_open"
    ]
    assert item["text"] == text
    assert text in to_markdown(found).decode("utf-8")
    assert text in to_html(found).decode("utf-8")
    sheet = load_workbook(io.BytesIO(to_xlsx(found)))[m.OV_SHEET_ACCOUNTS]
    header = [cell.value for cell in sheet[1]]
    assert text in sheet.cell(row=2, column=header.index(m.OV_COL_ATTENTION) + 1).value
    # The terminal's table wraps the sentence in its column; its words come in order.
    console = Console(file=io.StringIO(), width=400, no_color=True)
    console.print(overview_screen(found, width=400, drafts_folder=None))
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    column = [line.split("• ")[-1] for line in shown.splitlines() if "• " in line]
    assert text.split(". ")[0] in " ".join(" ".join(column).split())
