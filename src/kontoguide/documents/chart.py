"""The chart of a follow-up: each goal's way from its baseline towards its target.

One horizontal bar per goal, on a common scale where 0 % is the baseline and
100 % the target, so goals counted in different units share one picture. The
numbers and words come ready from follow_ups.py (Swedish, formatted); this
module only writes them down as a native Word chart: a DrawingML chart part
(c:chartSpace with a c:barChart) whose categories and values sit in its own
caches, so Word and LibreOffice draw it from the numbers inside it, a screen
reader can reach them and the chart can be restyled in Word. No picture is
drawn and no numeric library is needed: the part is plain XML, the same bytes
for the same numbers.

Two series share the bars' places (overlap 100): the goals met and the goals
not met, each point in one of them, so the legend says what the colours mean.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kontoguide.documents.xml_text import escape

WIDTH_INCHES = 6.3  # the text width of an A4 page in the built-in look (16.6 cm)
ROW_INCHES = 0.42  # per goal
MARGIN_INCHES = 1.1  # the axis, its title and the legend
MAX_HEIGHT_INCHES = 9.0  # fifty goals still fit on a page, thinner
EMU_PER_INCH = 914400
# The scale shows shares in this range; a bar beyond it is cut at the edge, its label
# and the table still give the real numbers.
LOWEST_SHARE, HIGHEST_SHARE = -0.5, 2.0
MET_COLOUR = "2E7D32"
OPEN_COLOUR = "1F3A5F"
GUIDE_COLOUR = "55606E"
NAME_MAX = 80
SHEET = "Blad1"  # where the formulas point, as in a chart made in a Swedish Word
FONT_SIZE = 900  # hundredths of a point
FONT = "Arial"  # the document's font (docx_look.FONT); LibreOffice uses Liberation Sans

CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Bar:
    name: str  # "1. Fler unga känner till …"
    share: float  # of the way from the baseline (0.0) to the target (1.0)
    met: bool


@dataclass(frozen=True)
class ProgressChart:
    bars: tuple[Bar, ...]
    axis: str  # the value axis' title
    percent: str  # "{value} %"
    met: str = "Nått"  # the series of goals met, as the legend names it
    not_met: str = "Inte nått"


def size_inches(bars: int) -> tuple[float, float]:
    return WIDTH_INCHES, min(MAX_HEIGHT_INCHES, MARGIN_INCHES + ROW_INCHES * max(bars, 1))


def size_emu(bars: int, width: int) -> tuple[int, int]:
    """The chart's size on the page (EMU), no wider than `width`."""
    inches_wide, inches_high = size_inches(bars)
    return min(width, round(inches_wide * EMU_PER_INCH)), round(inches_high * EMU_PER_INCH)


def _shorten(text: str, limit: int = NAME_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _number(value: float) -> str:
    """A value as the cache stores it: a plain decimal number, point as separator."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _quoted(text: str) -> str:
    """`text` as a literal in a number format code."""
    return '"' + text.replace('"', "'") + '"' if text else ""


def percent_format(chart: ProgressChart) -> str:
    """The number format of a share in percent: "{value} %" as 0" %"."""
    before, _, after = chart.percent.partition("{value}")
    return f"{_quoted(before)}0{_quoted(after)}"


def _text(text: str) -> str:
    return escape(text)


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _fill(colour: str) -> str:
    return f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>'


def _line(colour: str, dashed: bool = False) -> str:
    dash = '<a:prstDash val="dash"/>' if dashed else ""
    return (
        f'<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f"{dash}</a:ln></c:spPr>"
    )


def _rich(text: str) -> str:
    return (
        '<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="0" '
        f'sz="{FONT_SIZE}"/></a:pPr><a:r><a:rPr lang="sv-SE" b="0" sz="{FONT_SIZE}"/>'
        f"<a:t>{_text(text)}</a:t></a:r></a:p></c:rich></c:tx>"
    )


def _categories(chart: ProgressChart) -> str:
    points = "".join(
        f'<c:pt idx="{index}"><c:v>{_text(_shorten(bar.name))}</c:v></c:pt>'
        for index, bar in enumerate(chart.bars)
    )
    rows = len(chart.bars) + 1
    return (
        f"<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${rows}</c:f><c:strCache>"
        f'<c:ptCount val="{len(chart.bars)}"/>{points}</c:strCache></c:strRef></c:cat>'
    )


def _series(chart: ProgressChart, index: int, met: bool) -> str:
    name = chart.met if met else chart.not_met
    colour = MET_COLOUR if met else OPEN_COLOUR
    code = _attr(percent_format(chart))
    column = "C" if met else "B"
    points = "".join(
        f'<c:pt idx="{place}"><c:v>{_number(bar.share * 100)}</c:v></c:pt>'
        for place, bar in enumerate(chart.bars)
        if bar.met == met
    )
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f'<c:tx><c:strRef><c:f>{SHEET}!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
        f'<c:pt idx="0"><c:v>{_text(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
        f'{_fill(colour)}<c:invertIfNegative val="0"/>'
        f'<c:dLbls><c:numFmt formatCode="{code}" sourceLinked="0"/>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{FONT_SIZE}"/></a:pPr>'
        '<a:endParaRPr lang="sv-SE"/></a:p></c:txPr>'
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
        '<c:showBubbleSize val="0"/></c:dLbls>'
        f"{_categories(chart)}"
        f"<c:val><c:numRef><c:f>{SHEET}!${column}$2:${column}${len(chart.bars) + 1}</c:f>"
        f"<c:numCache><c:formatCode>{_text(percent_format(chart))}"
        f'</c:formatCode><c:ptCount val="{len(chart.bars)}"/>{points}</c:numCache>'
        "</c:numRef></c:val></c:ser>"
    )


def _scale(chart: ProgressChart) -> tuple[int, int]:
    """The value axis' ends, in percent, on quarters: 0 to 100 at least."""
    shares = [min(max(bar.share, LOWEST_SHARE), HIGHEST_SHARE) for bar in chart.bars]
    low, high = min([0.0, *shares]), max([1.0, *shares])
    return math.floor(round(low * 4, 6)) * 25, math.ceil(round(high * 4, 6)) * 25


def _axes(chart: ProgressChart) -> str:
    low, high = _scale(chart)
    text = (
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{FONT_SIZE}"/></a:pPr>'
        '<a:endParaRPr lang="sv-SE"/></a:p></c:txPr>'
    )
    category = (
        '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
        f'{_line(GUIDE_COLOUR)}{text}<c:crossAx val="1002"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    )
    value = (
        '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="{high}"/><c:min val="{low}"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="b"/><c:majorGridlines>{_line("BFC5CC")}</c:majorGridlines>'
        f'<c:title>{_rich(chart.axis)}<c:overlay val="0"/></c:title>'
        f'<c:numFmt formatCode="{_attr(percent_format(chart))}" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{_line(GUIDE_COLOUR)}{text}<c:crossAx val="1001"/><c:crosses val="max"/>'
        '<c:crossBetween val="between"/><c:majorUnit val="25"/></c:valAx>'
    )
    return category + value


def chart_xml(chart: ProgressChart) -> bytes:
    """The chart part (/word/charts/chartN.xml) for `chart`, as UTF-8 bytes."""
    series = _series(chart, 0, False) + _series(chart, 1, True)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{CHART_NS}" xmlns:a="{DRAWING_NS}" xmlns:r="{RELATIONSHIP_NS}">'
        '<c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>'
        '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{series}<c:gapWidth val="60"/><c:overlap val="100"/>'
        '<c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
        f"{_axes(chart)}</c:plotArea>"
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{FONT_SIZE}">'
        f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:defRPr></a:pPr>'
        '<a:endParaRPr lang="sv-SE"/></a:p></c:txPr>'
        "</c:chartSpace>"
    )
    return xml.encode("utf-8")
