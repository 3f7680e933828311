"""The overview's HTML page in a real browser engine: Chromium, headless, offline.

Chromium comes from the system's packages (Debian: apt-get install chromium); it is
never a dependency of the project or of CI. Where it is missing the test skips and
says so.
"""

from __future__ import annotations

import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kontoguide.overview.formats import to_html
from overview_support import ready, report, started

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing (Debian: apt-get install chromium); "
    "the HTML page is still checked by test_overview_formats.py",
)


class _Dom(HTMLParser):
    """The rows of the accounts table, as Chromium laid out the document."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_table = False
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("id", "konton") in attrs:
            self._in_table = True
        elif self._in_table and tag == "tr" and any(name == "data-id" for name, _ in attrs):
            self.rows.append([])
        elif self._in_table and tag == "td" and self.rows:
            self._in_cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False
        elif tag == "table":
            self._in_table = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.rows[-1][-1] += data


def _dump_dom(page: Path) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_chromium_shows_every_row_of_the_table(tmp_path: Path) -> None:
    late = started("sen")
    late["follow_ups"][0]["next_review"] = "2027-01-02"
    odd = ready("klar")
    odd["organisation"]["name"] = "Idrott <script>alert(1)</script> & fritid"
    found = report(tmp_path, late, started("i-tid"), odd)
    page = tmp_path / "oversikt.html"
    page.write_bytes(to_html(found))
    dom = _dump_dom(page)
    parsed = _Dom()
    parsed.feed(dom)
    assert len(parsed.rows) == 3
    # The Id column, in the report's order: the most urgent first.
    assert [row[-4] for row in parsed.rows] == [row.id for row in found.records]
    by_id = {row[-4]: row for row in parsed.rows}
    assert by_id["klar"][0] == "Idrott <script>alert(1)</script> & fritid"
    assert "Uppföljningen skulle ha gjorts senast 2027-01-02" in by_id["sen"][12]
    assert "<script>" not in dom.replace("&lt;script&gt;", "")
