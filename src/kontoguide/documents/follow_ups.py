"""The follow-ups of a started account: each one's measurements against the goals, as
a table and as a chart, with what was concluded.
"""

from __future__ import annotations

from dataclasses import dataclass

from kontoguide.checklist.parts import Checklist
from kontoguide.documents import messages as m
from kontoguide.documents.chart import Bar, ProgressChart
from kontoguide.documents.values import format_number
from kontoguide.documents.view import Cell, FigureView, FollowUpView, TableAnswer
from kontoguide.model.account_life import FollowUp, Measurement
from kontoguide.model.parts import Goal


def goal_progress(baseline: float | None, target: float, value: float) -> tuple[float, bool]:
    """How far `value` has come from the baseline (0.0) to the target (1.0), and whether
    the target is met.

    A target below the baseline is a goal to lower something (response times): it is
    met at or under the target. Without a baseline the goal counts as one to raise,
    from 0. Said in the document (DOC_FOLLOW_UP_MET_RULE), as kontoguide's own rule.
    """
    start = 0.0 if baseline is None else float(baseline)
    lowering = baseline is not None and target < baseline
    met = value <= target if lowering else value >= target
    span = float(target) - start
    share = (float(value) - start) / span if span else (1.0 if met else 0.0)
    return share, met


def _percent(share: float) -> str:
    return m.DOC_PERCENT.format(value=format_number(round(share * 100)))


def _with_unit(value: float, unit: str) -> str:
    return f"{format_number(value)} {unit}".strip()


@dataclass(frozen=True)
class _Measured:
    """One measurement: its row in the table and the note under it, and for a known
    goal its bar in the chart and the sentence that says the bar in words."""

    row: tuple[Cell, ...]
    note: Cell
    bar: Bar | None = None
    spoken: str | None = None


def _measured(item: Measurement, goals: list[Goal]) -> _Measured:
    measured = item.measured_on.isoformat()
    goal = goals[item.goal - 1] if item.goal <= len(goals) else None
    comment = (m.DOC_FOLLOW_UP_COMMENT.format(text=item.comment),) if item.comment else ()
    if goal is None:
        # The goals were changed after the follow-up: its value is still shown.
        name = m.DOC_FOLLOW_UP_UNKNOWN_GOAL.format(number=item.goal)
        return _Measured(
            (
                (name,),
                (m.DOC_NONE,),
                (m.DOC_NONE,),
                (format_number(item.value),),
                (measured,),
                (m.DOC_NONE,),
            ),
            comment,
        )
    share, met = goal_progress(goal.baseline, goal.target, item.value)
    baseline = m.DOC_NONE if goal.baseline is None else format_number(goal.baseline)
    target = _with_unit(goal.target, goal.unit)
    value = _with_unit(item.value, goal.unit)
    name = m.DOC_FOLLOW_UP_GOAL.format(number=item.goal, name=goal.description)
    return _Measured(
        (
            (name,),
            (baseline,),
            (target,),
            (value,),
            (measured,),
            (m.DOC_YES if met else m.DOC_NO,),
        ),
        comment,
        Bar(name, share, met),
        m.DOC_CHART_ALT_GOAL.format(
            number=item.goal,
            name=goal.description,
            baseline=m.DOC_CHART_NO_BASELINE if goal.baseline is None else baseline,
            target=target,
            value=value,
            measured=measured,
            share=_percent(share),
            met=m.DOC_CHART_MET if met else m.DOC_CHART_NOT_MET,
        ),
    )


def _figure(number: int, held: str, measured: list[_Measured]) -> FigureView | None:
    """The chart of the goals measured (None when none of them is a known goal)."""
    bars = [each.bar for each in measured if each.bar is not None]
    if not bars:
        return None
    spoken = [each.spoken for each in measured if each.spoken is not None]
    chart = ProgressChart(
        tuple(bars),
        m.DOC_CHART_AXIS,
        m.DOC_PERCENT,
        m.DOC_CHART_SERIES_MET,
        m.DOC_CHART_SERIES_NOT_MET,
    )
    title = m.DOC_CHART_TITLE.format(number=number, date=held)
    alt = m.DOC_CHART_ALT.format(title=title, goals=" ".join(spoken))
    return FigureView(chart, alt=alt, caption=m.DOC_CHART_CAPTION, title=title)


def follow_up_view(
    number: int, follow_up: FollowUp, goals: list[Goal], checklist: Checklist
) -> FollowUpView:
    held = follow_up.held_on.isoformat()
    measured = [
        _measured(item, goals) for item in sorted(follow_up.measurements, key=lambda one: one.goal)
    ]
    next_review = follow_up.next_review.isoformat() if follow_up.next_review else None
    facts = (
        (m.DOC_FOLLOW_UP_HELD, held),
        (m.DOC_FOLLOW_UP_BY, follow_up.carried_out_by or m.DOC_FOLLOW_UP_BY_UNKNOWN),
        (
            m.DOC_FOLLOW_UP_CONCLUSION,
            checklist.choice_label("follow_up_conclusions", follow_up.conclusion),
        ),
        (m.DOC_FOLLOW_UP_NEXT, next_review or m.DOC_FOLLOW_UP_NO_NEXT),
    )
    table = TableAnswer(
        m.DOC_FOLLOW_UP_COLUMNS,
        tuple(each.row for each in measured),
        tuple(each.note for each in measured),
    )
    return FollowUpView(
        heading=m.DOC_FOLLOW_UP_HEADING.format(number=number, date=held),
        facts=facts,
        measurements=table,
        rule=m.DOC_FOLLOW_UP_MET_RULE,
        figure=_figure(number, held, measured),
        assessment=follow_up.assessment,
    )
