"""What needs attention in a record, as plain Swedish sentences, judged on `today`.

The limits (30 days before a follow-up, 30 days from approval to start, 60 days
waiting for a decision) are kontoguide's defaults from the overview's issue, not
rules of the city; the README says so. A goal counts as measured when a follow-up
holds a value for it measured on or after its deadline.

Rules are ordered by urgency (RULES); within a rule the earlier date comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from kontoguide.checklist.folders import user_checklist_folder
from kontoguide.model.days import day_given
from kontoguide.model.steps import APPROVED
from kontoguide.model.textsafe import printable
from kontoguide.overview import messages as m
from kontoguide.overview.records import Entry

SOON_DAYS = 30
START_DAYS = 30
DECISION_DAYS = 60
# A postponed decision leaves the account waiting for a decision, like a ready one.
POSTPONED = "uppskjutet"

Rule = Literal[
    "unknown_checklist",
    "answers_set_aside",
    "changed_in_future",
    "follow_up_overdue",
    "goal_unmeasured",
    "not_on_city_list",
    "approved_not_started",
    "waiting_for_decision",
    "follow_up_soon",
    "review_open",
    "older_checklist",
]
# Most urgent first: the order of the table and of each record's list.
RULES: tuple[Rule, ...] = (
    "unknown_checklist",
    "answers_set_aside",
    "changed_in_future",
    "follow_up_overdue",
    "goal_unmeasured",
    "not_on_city_list",
    "approved_not_started",
    "waiting_for_decision",
    "follow_up_soon",
    "review_open",
    "older_checklist",
)


@dataclass(frozen=True)
class Attention:
    rule: Rule
    text: str
    # The day the rule is about (the due date, the deadline, ...), to order within a rule.
    day: date

    @property
    def rank(self) -> tuple[int, date]:
        return RULES.index(self.rule), self.day


def _days(count: int) -> str:
    return m.OV_ONE_DAY if count == 1 else m.OV_DAYS.format(count=count)


def _follow_up(entry: Entry, today: date) -> list[Attention]:
    due = entry.summary.review_due()
    if due is None:
        return []
    if due < today:
        text = m.OV_ATT_OVERDUE.format(due=due.isoformat(), days=_days((today - due).days))
        return [Attention("follow_up_overdue", text, due)]
    if due <= today + timedelta(days=SOON_DAYS):
        text = m.OV_ATT_SOON.format(due=due.isoformat(), days=_days((due - today).days))
        return [Attention("follow_up_soon", text, due)]
    return []


def _start(entry: Entry, today: date) -> list[Attention]:
    record = entry.summary
    decided = record.step5.decision_date
    started = record.start.started_on
    out: list[Attention] = []
    if record.step5.outcome == APPROVED and started is None and decided is not None:
        waited = (today - decided).days
        if waited > START_DAYS:
            text = m.OV_ATT_NOT_STARTED.format(decided=decided.isoformat(), days=_days(waited))
            out.append(Attention("approved_not_started", text, decided))
    closed = record.closing.closed_on is not None
    if started is not None and not closed and record.start.reported_to_list is not True:
        text = m.OV_ATT_NOT_REPORTED.format(started=started.isoformat())
        out.append(Attention("not_on_city_list", text, started))
    return out


def _goals(entry: Entry, today: date) -> list[Attention]:
    record = entry.summary
    # Goals are measured in follow-ups, which come after the start; a closed account
    # is no longer followed up.
    if record.start.started_on is None or record.closing.closed_on is not None:
        return []
    measured: dict[int, date] = {}
    for follow_up in record.follow_ups or []:
        for item in follow_up.measurements:
            measured[item.goal] = max(measured.get(item.goal, item.measured_on), item.measured_on)
    out: list[Attention] = []
    for number, goal in enumerate(record.step2.goals or [], start=1):
        last = measured.get(number)
        if goal.deadline < today and (last is None or last < goal.deadline):
            text = m.OV_ATT_GOAL.format(
                number=number, goal=goal.description, deadline=goal.deadline.isoformat()
            )
            out.append(Attention("goal_unmeasured", text, goal.deadline))
    return out


def _decision(entry: Entry, today: date) -> list[Attention]:
    record = entry.summary
    if record.status == "ready":
        since = record.ready_on() or day_given(record.updated_at)
    elif record.status == "decided" and record.step5.outcome == POSTPONED:
        since = record.step5.decision_date or day_given(record.updated_at)
    else:
        return []
    waited = (today - since).days
    if waited <= DECISION_DAYS:
        return []
    text = m.OV_ATT_WAITING.format(since=since.isoformat(), days=_days(waited))
    return [Attention("waiting_for_decision", text, since)]


def _checklist(entry: Entry, today: date) -> list[Attention]:
    record = entry.summary
    changed = day_given(record.updated_at)
    if not entry.checklist_known:
        text = m.OV_ATT_UNKNOWN_CHECKLIST.format(
            checklist_id=record.checklist_id,
            version=printable(record.checklist_version, 40),
            folder=printable(str(user_checklist_folder()), None),
        )
        return [Attention("unknown_checklist", text, changed)]
    current = entry.checklist.version
    if record.checklist_version == current:
        return []
    text = m.OV_ATT_OLDER_CHECKLIST.format(used=record.checklist_version, current=current)
    return [Attention("older_checklist", text, changed)]


def _review(entry: Entry, today: date) -> list[Attention]:
    count = entry.review_open
    if not count:
        return []
    text = m.OV_ATT_REVIEW_ONE if count == 1 else m.OV_ATT_REVIEW_MANY
    current = entry.checklist.version
    changed = day_given(entry.summary.updated_at)
    return [Attention("review_open", text.format(count=count, current=current), changed)]


def _set_aside(entry: Entry, today: date) -> list[Attention]:
    # With a checklist that is not installed the variant's own answers are set aside
    # too; the note on the unknown checklist says so already.
    if not entry.set_aside or not entry.checklist_known:
        return []
    first = entry.set_aside[0]
    text = m.OV_ATT_SET_ASIDE.format(
        count=len(entry.set_aside), first=printable(f"{first.title}: {first.message}", 200)
    )
    return [Attention("answers_set_aside", text, day_given(entry.summary.updated_at))]


def _future(entry: Entry, today: date) -> list[Attention]:
    record = entry.summary
    if not record.changed_after(today):
        return []
    # Shown in the reader's zone, the zone of `today` it is compared with (changed_after).
    moment = record.last_change().astimezone()
    text = m.OV_ATT_FUTURE.format(moment=f"{moment:%Y-%m-%d %H:%M}", today=today.isoformat())
    return [Attention("changed_in_future", text, day_given(record.last_change()))]


def attention(entry: Entry, today: date) -> list[Attention]:
    """Everything about `entry` that needs attention on `today`, most urgent first."""
    found = [
        *_set_aside(entry, today),
        *_future(entry, today),
        *_follow_up(entry, today),
        *_goals(entry, today),
        *_start(entry, today),
        *_decision(entry, today),
        *_review(entry, today),
        *_checklist(entry, today),
    ]
    return sorted(found, key=lambda item: item.rank)
