"""The follow-up chart as a native Word chart: a DrawingML chart part with its numbers inside.

Word and LibreOffice draw the chart from the categories and values cached in the
part (no picture, no numeric library); a screen reader reads the inline's title and
description, which state the numbers. The largest record's document stays small.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from lxml import etree

from cli_support import clean_env
from export_support import EXAMPLES, NOW, open_docx
from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Checklist
from kontoguide.documents.chart import Bar, ProgressChart, chart_xml
from kontoguide.documents.export import render
from kontoguide.model.account_life import FollowUp, Measurement
from kontoguide.model.parts import LIST_MAXIMUMS
from kontoguide.model.record import Record
from kontoguide.store import drafts
from kontoguide.store.storage import Store

C = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist()


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory, checklist: Checklist) -> Record:
    folder = tmp_path_factory.mktemp("store")
    path = EXAMPLES / "startat-med-uppfoljning.json"
    return drafts.from_answers(path, checklist, Store(folder))[0]


@pytest.fixture(scope="module")
def started_docx(started: Record, checklist: Checklist) -> bytes:
    return render(started, checklist, "docx", now=NOW)


def _points(series: Any, kind: str) -> dict[int, str]:
    return {
        int(pt.get("idx")): pt.findtext("c:v", namespaces=C)
        for pt in series.findall(f"c:{kind}//c:pt", C)
    }


def test_the_chart_part_holds_the_goals_and_their_shares(started_docx: bytes) -> None:
    package = zipfile.ZipFile(BytesIO(started_docx))
    assert [n for n in package.namelist() if n.startswith("word/charts/")] == [
        "word/charts/chart1.xml"
    ]
    types = package.read("[Content_Types].xml").decode("utf-8")
    assert f'PartName="/word/charts/chart1.xml" ContentType="{CHART_TYPE}"' in types
    rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    assert f'Type="{CHART_REL}" Target="charts/chart1.xml"' in rels
    chart = etree.fromstring(package.read("word/charts/chart1.xml"))
    [bars] = chart.findall(".//c:barChart", C)
    assert bars.find("c:barDir", C).get("val") == "bar"
    not_met, met = bars.findall("c:ser", C)
    names = {
        0: "1. Fler unga känner till bibliotekens lovaktiviteter",
        1: "2. Kontot når målgruppen",
    }
    assert _points(not_met, "cat") == names == _points(met, "cat")
    assert not_met.findtext("c:tx//c:v", namespaces=C) == "Inte nått"
    assert met.findtext("c:tx//c:v", namespaces=C) == "Nått"
    # 210 of the way from 120 to 400 is 32.1 %; 41 of 60 (from 0) is 68.3 %.
    values = {i: float(v) for i, v in _points(not_met, "val").items()}
    assert values == {0: pytest.approx(9000 / 280, abs=1e-4), 1: pytest.approx(4100 / 60, abs=1e-4)}
    assert _points(met, "val") == {}
    assert not_met.find("c:val//c:formatCode", C).text == '0" %"'


def test_the_chart_says_its_numbers_to_a_screen_reader(started_docx: bytes) -> None:
    document = open_docx(started_docx)  # python-docx reads it back
    [inline] = document.element.body.xpath(".//wp:inline")
    doc_pr = inline.find(qn("wp:docPr"))
    assert doc_pr.get("title") == "Diagram över målen vid uppföljning 1 (2026-11-16)"
    alt = doc_pr.get("descr")
    assert alt.startswith("Diagram över målen vid uppföljning 1 (2026-11-16). Mål 1,")
    assert "uppmätt 210 anmälningar per lov den 2026-11-02; 32 % av vägen" in alt
    assert "uppmätt 41 procent den 2026-11-10; 68 % av vägen" in alt
    [chart] = inline.findall(".//c:chart", C)
    part = document.part.related_parts[chart.get(qn("r:id"))]
    assert part.content_type == CHART_TYPE
    # No picture: the document holds no image part.
    assert not [n for n in zipfile.ZipFile(BytesIO(started_docx)).namelist() if "media/" in n]


def test_the_same_numbers_give_the_same_chart_and_met_goals_their_own_series() -> None:
    chart = ProgressChart(
        (
            Bar('1. Ett mål med "citat" & <tecken>', 0.32, False),
            Bar("2. Ett nått mål", 1.4, True),
            Bar("3. Långt efter", -3.0, False),
        ),
        "Andel av vägen",
        "{value} %",
    )
    xml = chart_xml(chart)
    assert chart_xml(chart) == xml
    root = etree.fromstring(xml)  # well-formed, whatever the names hold
    not_met, met = root.findall(".//c:ser", C)
    assert _points(met, "val") == {1: "140"}
    assert _points(not_met, "val") == {0: "32", 2: "-300"}
    assert _points(met, "cat")[0] == '1. Ett mål med "citat" & <tecken>'
    # The scale is cut at -50 % and 200 %; the bar's label keeps its real number.
    scaling = root.find(".//c:valAx/c:scaling", C)
    assert (scaling.find("c:min", C).get("val"), scaling.find("c:max", C).get("val")) == (
        "-50",
        "150",
    )


def _largest(record: Record) -> Record:
    """The most a record holds: fifty goals, and twenty follow-ups measuring each."""
    goals = record.step2.goals or []
    count = LIST_MAXIMUMS["step2.goals"]
    many = [
        goals[i % len(goals)].model_copy(update={"description": f"Mål nummer {i + 1}"})
        for i in range(count)
    ]
    follow_ups = [
        FollowUp.model_validate(
            {
                "held_on": (date(2026, 5, 5) + timedelta(weeks=n)).isoformat(),
                "measurements": [
                    Measurement(goal=i + 1, value=10 * i + n, measured_on=date(2026, 5, 5))
                    for i in range(count)
                ],
                "assessment": f"Bedömning {n + 1}.",
                "conclusion": "fortsatt",
                "next_review": "2027-02-16",
            }
        )
        for n in range(20)
    ]
    step2 = record.step2.model_copy(update={"goals": many})
    return record.model_copy(update={"step2": step2, "follow_ups": follow_ups})


def test_the_largest_record_gives_a_small_document(started: Record, checklist: Checklist) -> None:
    content = render(_largest(started), checklist, "docx", now=NOW)
    package = zipfile.ZipFile(BytesIO(content))
    charts = [n for n in package.namelist() if n.startswith("word/charts/")]
    assert len(charts) == 20
    assert len(content) <= 3_000_000  # issue 23: the largest record's document at most 3 MB
    open_docx(content)


def test_the_cli_and_an_export_with_a_chart_load_no_numeric_library(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from pathlib import Path\n"
        "import kontoguide.cli.entry\n"
        "from kontoguide.checklist.loading import load_checklist\n"
        "from kontoguide.documents.export import render\n"
        "from kontoguide.store import drafts\n"
        "from kontoguide.store.storage import Store\n"
        "checklist = load_checklist()\n"
        f"path = Path({str(EXAMPLES / 'startat-med-uppfoljning.json')!r})\n"
        f"record = drafts.from_answers(path, checklist, Store(Path({str(tmp_path)!r})))[0]\n"
        "data = render(record, checklist, 'docx', now=datetime(2026, 11, 26, tzinfo=UTC))\n"
        "assert b'word/charts/chart1.xml' in data\n"
        "heavy = ('matplotlib', 'numpy', 'PIL', 'fontTools', 'contourpy', 'kiwisolver')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(tmp_path / "home"),
    )
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""
