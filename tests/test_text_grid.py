"""The plain-line tables of `list` and `overview` (text_grid): words whole at 60, 80
and 120 columns, paths folded after a slash, colours kept and dropped under NO_COLOR."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from kontoguide.terminal.overview_view import overview_screen
from kontoguide.terminal.text_grid import GAP, Grid, shared, wrap, wrap_spans
from overview_support import ready, report, started

SENTENCE = "Uppföljningen skulle ha hållits 2027-01-02 och är försenad sedan dess"


def _render(renderable: object, width: int, *, color: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        no_color=not color,
        force_terminal=color,
        color_system="standard" if color else None,
    )
    console.print(renderable)
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


@pytest.mark.parametrize("width", [13, 20, 33])
def test_lines_break_between_words_and_keep_every_word(width: int) -> None:
    lines = [SENTENCE[start:end] for start, end in wrap_spans(SENTENCE, width)]
    assert all(len(line) <= width for line in lines)
    assert " ".join(lines).split() == SENTENCE.split()
    assert all(word in SENTENCE.split() for line in lines for word in line.split())


def test_a_path_wider_than_its_column_is_folded_after_a_slash() -> None:
    path = "/srv/delad/kommunikation/konton/stadsbiblioteket.json"
    lines = [path[start:end] for start, end in wrap_spans(path, 24)]
    assert "".join(lines) == path
    assert lines[-1] == "stadsbiblioteket.json"
    assert all(len(line) <= 24 for line in lines)


def test_a_word_wider_than_its_column_with_no_slash_is_folded_at_the_edge() -> None:
    assert [len(line.plain) for line in wrap(Text("Stadsbyggnadskontoret"), 8)] == [8, 8, 5]


@pytest.mark.parametrize("width", [80, 120])
def test_shared_widths_fill_the_width_and_keep_minimums(width: int) -> None:
    sizes = shared([20, 15, 12, 14], [40, 0, 0, 43], width)
    assert sum(sizes) + GAP * 3 == width
    assert sizes[1:3] == [15, 12]
    assert sizes[0] >= 20 and sizes[3] >= 14


def test_where_the_minimums_do_not_fit_the_widest_give_way() -> None:
    sizes = shared([30, 15, 12, 14], [40, 0, 0, 43], 60)
    assert sum(sizes) + GAP * 3 == 60
    assert sizes == [13, 13, 12, 13]


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_grid_fits_the_width_and_breaks_no_word(width: int) -> None:
    cells = [Text("Socialförvaltningen"), Text("Klar för beslut"), Text(SENTENCE)]
    sizes = shared([19, 15, 14], [1, 0, 2], width)
    text = _render(Grid(["Organisation", "Status", "Behöver uppmärksamhet"], sizes, [cells]), width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    words = set(re.findall(r"\S+", text))
    assert {"Socialförvaltningen", "uppmärksamhet", "2027-01-02"} <= words
    assert set(SENTENCE.split()) <= words


def test_styles_are_drawn_in_colour_and_left_out_under_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    cells = [Text("Startat"), Text("• försenad", style="red")]
    grid = Grid(["Status", "Behöver"], [10, 12], [cells])
    drawn = _render(grid, 40, color=True)
    assert "\x1b[31m• försenad" in drawn and "\x1b[1mStatus" in drawn
    assert "\x1b[" not in _render(grid, 40)


@pytest.mark.parametrize("width", [80, 150, 200])
def test_the_overview_keeps_the_organisation_and_file_name_whole(
    tmp_path: Path, width: int
) -> None:
    late = started("sen")
    late["follow_ups"][0]["next_review"] = "2027-01-02"
    other = ready("klar")
    other["organisation"]["name"] = "Idrottsförvaltningen"
    text = _render(
        overview_screen(report(tmp_path, late, other), width=width, drafts_folder=None), width
    )
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    words = set(re.findall(r"\S+", text))
    assert "Idrottsförvaltningen" in words
    assert "sen.json" in text and "klar.json" in text


@pytest.mark.parametrize("text", ["x" * 5000, "ord " * 2000, "/a/bb" * 1000])
def test_a_long_text_is_wrapped_whole_and_within_the_width(text: str) -> None:
    lines = [text[start:end] for start, end in wrap_spans(text, 30)]
    assert all(0 < len(line) <= 30 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
