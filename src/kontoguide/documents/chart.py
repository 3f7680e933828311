"""The picture of a follow-up: each goal's way from its baseline towards its target.

One horizontal bar per goal, on a common scale where 0 % is the baseline and
100 % the target, so goals counted in different units share one picture. The
numbers and words come ready from follow_ups.py (Swedish, formatted); this
module only draws them.

matplotlib is imported inside `progress_png`, so only a document with a
follow-up pays for it (about 0.3 s): `kontoguide --help` and `list` never
import it. It draws with the Agg canvas and no pyplot (no global figures, no
window), at a fixed width, in the DejaVu Sans font that matplotlib ships (the
same picture on every machine, nothing fetched), and writes a PNG without the
software-version text chunk, so the same numbers give the same bytes.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_INCHES = 6.3  # the text width of an A4 page in the built-in look (16.6 cm)
ROW_INCHES = 0.62  # per goal: its name above, its bar below
MARGIN_INCHES = 0.75  # the axis and its label
MAX_HEIGHT_INCHES = 9.0  # fifty goals still fit on a page, thinner
DPI = 150
# Shares outside this range are drawn at its edge; the text beside the bar still
# gives the real numbers.
LOWEST_SHARE, HIGHEST_SHARE = -0.5, 2.0
MET_COLOUR = "#2E7D32"
OPEN_COLOUR = "#1F3A5F"
GUIDE_COLOUR = "#55606E"
NAME_MAX = 80
_ON_WHITE: dict[str, Any] = {
    "zorder": 3,
    "bbox": {"facecolor": "white", "edgecolor": "none", "pad": 1.0},
}


@dataclass(frozen=True)
class Bar:
    name: str  # "1. Fler unga känner till …"
    share: float  # of the way from the baseline (0.0) to the target (1.0)
    met: bool
    text: str  # the numbers beside the bar: "210 av 400 anmälningar (32 %)"


@dataclass(frozen=True)
class ProgressChart:
    bars: tuple[Bar, ...]
    axis: str  # the x axis' label
    baseline: str  # the label of the 0 % line
    target: str  # the label of the 100 % line
    percent: str  # "{value} %"


def size_inches(bars: int) -> tuple[float, float]:
    return WIDTH_INCHES, min(MAX_HEIGHT_INCHES, MARGIN_INCHES + ROW_INCHES * max(bars, 1))


def _shorten(text: str, limit: int = NAME_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def progress_png(chart: ProgressChart) -> bytes:
    """The chart as PNG bytes."""
    import matplotlib
    import matplotlib.style
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # matplotlib's own defaults, not the user's matplotlibrc; "$" in a goal's name is
    # a dollar sign, not the start of a formula. A glyph DejaVu Sans lacks (an emoji,
    # a CJK character) is drawn as a box with a warning: no reason to write to the
    # user's terminal.
    with (
        warnings.catch_warnings(),
        matplotlib.style.context("default"),
        matplotlib.rc_context(
            {
                "font.family": "sans-serif",
                "font.sans-serif": ["DejaVu Sans"],
                "font.size": 9,
                "text.parse_math": False,
            }
        ),
    ):
        warnings.simplefilter("ignore")
        figure = Figure(figsize=size_inches(len(chart.bars)), dpi=DPI)
        FigureCanvasAgg(figure)
        _draw(figure, chart)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _draw(figure: Figure, chart: ProgressChart) -> None:
    rows = len(chart.bars)
    height = figure.get_figheight()
    bottom = MARGIN_INCHES * 0.8 / height  # the axis, its ticks and its label
    top = 0.2 / height  # the target line's label
    axes = figure.add_axes((0.02, bottom, 0.96, 1 - bottom - top))
    shares = [min(max(bar.share, LOWEST_SHARE), HIGHEST_SHARE) for bar in chart.bars]
    low = min([0.0, *shares]) - 0.03
    # Room right of the longest bar (or of the target line) for the numbers.
    high = max([1.0, *shares]) + 0.6
    axes.set_xlim(low, high)
    axes.set_ylim(-0.5, rows - 0.1)
    for index, (bar, share) in enumerate(zip(chart.bars, shares, strict=True)):
        y = rows - 1 - index  # the first goal on top, as in the table
        colour = MET_COLOUR if bar.met else OPEN_COLOUR
        axes.barh(y - 0.15, share, height=0.3, color=colour, zorder=2)
        # Texts on white, above the guide lines, so a line never runs through a word.
        axes.text(low + 0.01, y + 0.2, _shorten(bar.name), va="center", ha="left", **_ON_WHITE)
        axes.text(max(share, 0.0) + 0.02, y - 0.15, bar.text, va="center", ha="left", **_ON_WHITE)
    axes.axvline(0.0, color=GUIDE_COLOUR, linewidth=1.0, zorder=1)
    axes.axvline(1.0, color=GUIDE_COLOUR, linewidth=1.0, linestyle="--", zorder=1)
    # The baseline's label starts at its line: centred, it would run off the picture.
    axes.text(0.0, rows - 0.1, chart.baseline, va="bottom", ha="left", color=GUIDE_COLOUR)
    axes.text(1.0, rows - 0.1, chart.target, va="bottom", ha="center", color=GUIDE_COLOUR)
    quarters = range(math.ceil(low * 4), math.floor((high - 0.6) * 4) + 1)
    ticks = [quarter / 4 for quarter in quarters]
    axes.set_xticks(ticks, [chart.percent.format(value=round(t * 100)) for t in ticks])
    axes.set_yticks([])
    axes.set_xlabel(chart.axis)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
