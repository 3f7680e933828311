"""CSV formula protection (issue 20): no field of the overview's CSV becomes a formula,
whichever separator a spreadsheet splits on (comma, tab or our semicolon) and with
blanks or a quote before the sign. Read back with Python's csv module both ways."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kontoguide.overview.formats import csv_table, not_a_formula, to_csv
from kontoguide.overview.records import gather
from kontoguide.overview.report import build
from overview_support import TODAY, started, write

FORMULA_SIGNS = ("=", "+", "-", "@")


def _cells(data: bytes, separator: str) -> list[str]:
    text = data.decode("utf-8-sig")
    return [
        cell
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        for cell in row
    ]


def _no_formula(data: bytes) -> None:
    for separator in (",", "\t", ";"):
        for cell in _cells(data, separator):
            assert not cell.strip().startswith(FORMULA_SIGNS), (separator, cell)


@pytest.mark.parametrize(
    "text", ["Kultur,=1+1", " =2+2", "Konto\t=3+3", "a;@SUM(A1)", 'x,"=1"', "a\t\t-2", "\r\n+1"]
)
def test_a_formula_after_a_separator_or_a_blank_is_neutralised(text: str) -> None:
    guarded = not_a_formula(text)
    assert guarded.replace("'", "") == text.replace("'", "")  # only apostrophes added
    _no_formula(csv_table(["Rubrik"], [[text]]))


def test_plain_text_is_left_as_it_is() -> None:
    for text in ("Kulturförvaltningen", "Barn & unga, 7-12 år", "", "a-b=c", "namn@stockholm.se"):
        assert not_a_formula(text) == text


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(
    st.lists(
        st.lists(
            st.text(alphabet=st.sampled_from("ab =+-@,;\t\r\n \"'\u00a0\u2028x"), max_size=12),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_no_generated_field_becomes_a_formula_with_any_separator(rows: list[list[str]]) -> None:
    _no_formula(csv_table(["Konto", "Adress", "Enhet", "Plattform"][: len(rows[0])], rows))


def test_the_overview_csv_has_no_formula_with_any_separator(tmp_path: Path) -> None:
    data = started()
    data["organisation"]["unit"] = "Kultur,=1+1"
    data["account_name"] = data["step3"]["proposed_account_name"] = " =2+2"
    folder = tmp_path / "delad"
    write(folder, data)
    report = build(gather([folder], today=TODAY), TODAY)
    assert report.records[0].unit == "Kultur,=1+1"
    _no_formula(to_csv(report))
