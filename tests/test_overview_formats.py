"""Every overview format read back: CSV (csv module, BOM), XLSX (openpyxl), JSON (its
schema), Markdown and HTML (parsed); and --output follows the export's rules."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from cli_support import run_kontoguide
from kontoguide.model.errors import ExitCode
from kontoguide.overview.formats import (
    to_city_list,
    to_csv,
    to_html,
    to_json,
    to_markdown,
)
from kontoguide.overview.report import Report, report_schema
from kontoguide.overview.xlsx import to_xlsx
from overview_support import ready, report, saved, started, write


def _sample(tmp_path: Path) -> Report:
    late = started("sen")
    late["follow_ups"][0]["next_review"] = "2027-01-02"
    late["start"]["reported_to_list"] = False
    odd = saved("avslaget.json", "udda")
    # Text that a spreadsheet would run as a formula, and markup for Markdown and HTML.
    odd["account_name"] = '=HYPERLINK("http://example.invalid";"klicka")'
    odd["step3"]["proposed_account_name"] = None
    odd["organisation"]["name"] = "Idrott <b>& fritid</b> | ”test”"
    return report(tmp_path, late, started("i-tid"), ready("klar"), odd)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_csv_opens_in_swedish_excel_bom_semicolons_iso_dates(tmp_path: Path) -> None:
    found = _sample(tmp_path)
    rows = _csv_rows(to_csv(found))
    header = rows[0]
    assert header[:5] == ["Förvaltning eller bolag", "Enhet", "Konto", "Plattform", "Status"]
    assert len(rows) == 1 + len(found.records)
    by_id = {row[header.index("Id")]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    late = by_id["sen"]
    assert late["Beslutsdatum"] == "2026-04-14"
    assert late["Nästa uppföljning"] == "2027-01-02"
    assert late["Anmält till stadens förteckning"] == "Nej"
    assert "Uppföljningen skulle ha gjorts senast 2027-01-02" in late["Behöver uppmärksamhet"]
    assert by_id["udda"]["Konto"].startswith("'=HYPERLINK")
    assert by_id["udda"]["Förvaltning eller bolag"] == "Idrott <b>& fritid</b> | ”test”"


def test_the_citys_list_has_one_row_per_started_account(tmp_path: Path) -> None:
    rows = _csv_rows(to_city_list(_sample(tmp_path)))
    assert rows[0] == [
        "Konto",
        "Adress",
        "Plattform",
        "Förvaltning eller bolag",
        "Enhet",
        "Ansvarig",
        "Den ansvarigas e-post",
    ]
    assert len(rows) == 3  # "sen" and "i-tid" are started; "klar" and "udda" are not
    for row in rows[1:]:
        assert row[0] == "Stadsbiblioteket Unga – Stockholms stad"
        assert row[2] == "Instagram"
        assert row[6] == "amir.haddad@stockholm.se"


def test_xlsx_has_header_frozen_panes_filter_widths_and_real_dates(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    found = _sample(tmp_path)
    book = load_workbook(io.BytesIO(to_xlsx(found)))
    sheet = book["Konton"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Förvaltning eller bolag", "Enhet", "Konto"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:Q{1 + len(found.records)}"
    assert sheet.column_dimensions["A"].width > 8
    rows = {row[header.index("Id")]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    decided = rows["sen"][header.index("Beslutsdatum")]
    assert isinstance(decided, datetime)
    assert decided.date() == date(2026, 4, 14)
    odd = sheet.cell(row=2 + [r.id for r in found.records].index("udda"), column=3)
    assert odd.value.startswith("=HYPERLINK")
    assert odd.data_type == "s"  # text, never a formula
    counts = book["Antal"]
    values = [tuple(row) for row in counts.iter_rows(values_only=True)]
    assert ("Startat", 2) in values
    assert ("Instagram", 4) in values


def test_json_follows_the_schema_from_schema_overview(tmp_path: Path, home: Path) -> None:
    found = _sample(tmp_path)
    data = json.loads(to_json(found))
    done = run_kontoguide("schema", "--overview", home=home)
    assert done.returncode == ExitCode.OK, done.stderr
    schema = json.loads(done.stdout)
    assert schema == json.loads(json.dumps(report_schema()))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert [row["id"] for row in data["records"]] == [row.id for row in found.records]
    assert data["records"][0]["attention"][0]["rule"] == "follow_up_overdue"
    broken = {**data, "records": [{"id": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_markdown_has_the_counts_the_table_and_escapes_markup(tmp_path: Path) -> None:
    text = to_markdown(_sample(tmp_path)).decode("utf-8")
    assert "## Antal per status" in text
    assert "| Startat | 2 |" in text
    assert "| Instagram | 4 |" in text
    table = [line for line in text.splitlines() if line.startswith("| Idrott")]
    (line,) = table
    assert "Idrott \\<b\\>& fritid\\</b\\> \\| ”test”" in line
    # Every table line has the same number of cells as the header.
    header = next(line for line in text.splitlines() if line.startswith("| Förvaltning"))
    assert line.count(" | ") == header.count(" | ")


class _Rows(HTMLParser):
    """The ids of the accounts table's rows and anything that would need the network."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.cells: list[list[str]] = []
        self.outside: list[str] = []
        self.scripts = 0
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "tr" and named.get("data-id"):
            self.ids.append(named["data-id"] or "")
            self.cells.append([])
        if tag == "td" and self.cells:
            self._in_cell = True
            self.cells[-1].append("")
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            if named.get(name):
                self.outside.append(named[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell and self.cells:
            self.cells[-1][-1] += data


def test_html_is_one_page_without_scripts_or_network(tmp_path: Path) -> None:
    found = _sample(tmp_path)
    page = to_html(found).decode("utf-8")
    parser = _Rows()
    parser.feed(page)
    assert parser.ids == [row.id for row in found.records]
    assert parser.scripts == 0
    assert parser.outside == []
    assert "http" not in page.replace("http://example.invalid", "")
    odd = parser.cells[parser.ids.index("udda")]
    assert odd[0] == "Idrott <b>& fritid</b> | ”test”"  # shown as text, not markup
    assert "Status per förvaltning eller bolag" in page
    # Two accounts may share a name: the attention list tells them apart by id.
    assert "(Kulturförvaltningen, id sen)" in page
    assert 'aria-label="Kulturförvaltningen: Klar för beslut 1, Startat 2"' in page


def test_output_follows_the_export_rules(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started("sen"))
    target = tmp_path / "ut" / "konton.xlsx"
    target.parent.mkdir()
    done = run_kontoguide("overview", str(folder), "-o", str(target), home=home)
    assert done.returncode == ExitCode.OK, done.stderr
    assert target.read_bytes().startswith(b"PK")
    again = run_kontoguide("overview", str(folder), "-o", str(target), home=home)
    assert again.returncode == ExitCode.USAGE
    assert "--force" in again.stderr
    forced = run_kontoguide("overview", str(folder), "-o", str(target), "--force", home=home)
    assert forced.returncode == ExitCode.OK, forced.stderr
    mismatch = run_kontoguide(
        "overview", str(folder), "-f", "csv", "-o", str(tmp_path / "x.html"), home=home
    )
    assert mismatch.returncode == ExitCode.USAGE
    into = run_kontoguide(
        "overview", str(folder), "-f", "html", "-o", str(target.parent), home=home
    )
    assert into.returncode == ExitCode.OK, into.stderr
    assert (target.parent / f"kontooversikt-{date.today().isoformat()}.html").is_file()
    city = run_kontoguide(
        "overview", str(folder), "-f", "stadens-lista", "-o", str(tmp_path / "lista.csv"), home=home
    )
    assert city.returncode == ExitCode.OK, city.stderr
    no_file = run_kontoguide("overview", str(folder), "-f", "xlsx", home=home)
    assert no_file.returncode == ExitCode.USAGE
