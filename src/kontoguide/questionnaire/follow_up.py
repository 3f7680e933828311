"""The follow-up conversation: one follow-up, asked answer by answer, saved whole.

Pure like dialogue.py (no terminal). A follow-up has no question in the
checklist; its questions are ours (messages.py). It asks the date, then for
every goal of step 2 the measured value, the day it was measured and a comment,
then the overall assessment, the conclusion and (unless the account is to be
closed) the next follow-up. Every answer is checked by the record model through
the Flow (Flow.check_follow_up) and refused answers are asked again with the
reason. The answers so far are saved after each one as the unfinished
follow-up, so an interruption loses nothing and the next session continues it.
Once saved, the questions a later checklist version added are offered
(review_offer.py), unless the account is to be closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kontoguide.checklist.parts import ItemField, Kind
from kontoguide.model.account_life import CONCLUSION_CLOSE
from kontoguide.model.fieldtypes import parse_date
from kontoguide.model.steps import add_months
from kontoguide.questionnaire import messages as m
from kontoguide.questionnaire.answer_text import format_number, shorten
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Facts, Heading, ItemProgress, Note
from kontoguide.questionnaire.prompting import NO, YES, Option, Prompt, yes_no
from kontoguide.questionnaire.review_offer import offer_review
from kontoguide.questionnaire.session import Refused

_MISSING = object()
# How each answer is asked: its kind, whether it is required, its choice list.
_ASKED: dict[str, tuple[Kind, bool, str | None]] = {
    "held_on": ("date", True, None),
    "carried_out_by": ("text", True, None),
    "value": ("number", True, None),
    "measured_on": ("date", True, None),
    "comment": ("longtext", False, None),
    "assessment": ("longtext", True, None),
    "conclusion": ("choice", True, "follow_up_conclusions"),
    "next_review": ("date", True, None),
}
_SAVE, _CHANGE, _DROP = "save", "change", "drop"
_BACK = "\x00tillbaka"


@dataclass(frozen=True)
class Step:
    """One answer of a follow-up: `key` in the item, or in measurement `goal` (0-based)."""

    key: str
    spec: ItemField
    goal: int | None = None


def _get(item: dict[str, Any], step: Step) -> Any:
    if step.goal is None:
        return item.get(step.key, _MISSING)
    measurements = item.get("measurements")
    if not isinstance(measurements, list) or step.goal >= len(measurements):
        return _MISSING
    measurement = measurements[step.goal]
    return measurement.get(step.key, _MISSING) if isinstance(measurement, dict) else _MISSING


def _with(item: dict[str, Any], step: Step, value: Any) -> dict[str, Any]:
    """A copy of `item` with `value` at the step (measurements are built goal by goal)."""
    if step.goal is None:
        return {**item, step.key: value}
    given = item.get("measurements")
    measurements = [dict(x) if isinstance(x, dict) else {} for x in (given or [])]
    while len(measurements) <= step.goal:
        measurements.append({})
    measurements[step.goal] = {
        **measurements[step.goal],
        "goal": step.goal + 1,
        step.key: value,
    }
    return {**item, "measurements": measurements}


def _without(item: dict[str, Any], step: Step) -> dict[str, Any]:
    if step.goal is None:
        return {k: v for k, v in item.items() if k != step.key}
    measurements = [dict(x) for x in item.get("measurements") or [] if isinstance(x, dict)]
    if step.goal < len(measurements):
        measurements[step.goal].pop(step.key, None)
    return {**item, "measurements": measurements}


def _shape(item: dict[str, Any]) -> dict[str, Any]:
    """An unfinished follow-up as saved, in the shape the dialogue continues from: a
    measurements value that is not a list of objects (a hand-edited file) starts over."""
    measurements = item.get("measurements")
    if measurements is None or (
        isinstance(measurements, list) and all(isinstance(x, dict) for x in measurements)
    ):
        return dict(item)
    return {k: v for k, v in item.items() if k != "measurements"}


def _day(value: Any) -> date | None:
    try:
        day = parse_date(value)
    except ValueError:
        return None
    return day if isinstance(day, date) else None


class FollowUpDialogue:
    """Asks one follow-up through a Conversation's asker and screen; see the module."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.flow = conversation.flow
        self.asker = conversation.asker
        self.screen = conversation.screen
        self._shown_goal: int | None = None
        self._number = 1

    # --- the whole follow-up -------------------------------------------------------------

    def run(self) -> dict[str, Any] | None:
        """Ask, show and save one follow-up; the saved item, or None if the user
        threw the unfinished follow-up away."""
        number = self._number = len(self.flow.follow_ups()) + 1
        self.screen.show(Heading(m.FU_TITLE.format(number=number), m.FU_PURPOSE))
        unfinished = self.flow.unfinished_follow_up()
        item = _shape(unfinished) if unfinished is not None else {}
        if unfinished is not None:
            self.screen.show(Note(m.FU_CONTINUING))
            self.screen.show(self.facts(item, number, so_far=True))
        defaults: dict[str, Any] = {}
        while True:
            item = self._fill(item, defaults)
            self.screen.show(self.facts(item, number))
            choice = self.asker.select(
                Prompt(m.FU_CONFIRM, default=_SAVE),
                [
                    Option(_SAVE, m.FU_CONFIRM_SAVE),
                    Option(_CHANGE, m.FU_CONFIRM_CHANGE),
                    Option(_DROP, m.FU_CONFIRM_DROP),
                ],
            )
            if choice == _SAVE:
                try:
                    self.flow.add_follow_up(item)
                except Refused as refused:  # every answer passed: only a bug lands here
                    self.screen.show(Note(refused.message, "problem"))
                    continue
                self.screen.show(Note(self._saved_text(item), "success"))
                if item.get("conclusion") != CONCLUSION_CLOSE:
                    # The follow-up is the review: a later version's new questions now.
                    offer_review(self.conversation)
                return item
            if choice == _DROP and self._drop_sure():
                self.flow.drop_unfinished_follow_up()
                self.screen.show(Note(m.FU_DROPPED))
                return None
            if choice == _CHANGE:
                step = self._pick(item)
                if step is not None:
                    defaults = _with({}, step, _get(item, step))
                    item = _without(item, step)
                    self._shown_goal = None

    def _saved_text(self, item: dict[str, Any]) -> str:
        if item.get("conclusion") == CONCLUSION_CLOSE:
            return m.FU_SAVED_CLOSE
        return m.FU_SAVED.format(next=item.get("next_review"))

    def _drop_sure(self) -> bool:
        answer = self.asker.select(
            # Keeping is the default: a quick Enter must not throw anything away.
            Prompt(m.FU_DROP_SURE, default=NO),
            yes_no(m.FU_DROP_YES, m.FU_DROP_NO),
        )
        return answer == YES

    # --- the answers, in order -------------------------------------------------------------

    def steps(self, item: dict[str, Any]) -> list[Step]:
        """Every answer the follow-up needs now: the next review only unless closing."""
        out = [
            Step("held_on", self._spec("held_on")),
            Step("carried_out_by", self._spec("carried_out_by")),
        ]
        for index, goal in enumerate(self.flow.goals()):
            for key in ("value", "measured_on", "comment"):
                out.append(Step(key, self._spec(key, goal), index))
        out += [
            Step("assessment", self._spec("assessment")),
            Step("conclusion", self._spec("conclusion")),
        ]
        if item.get("conclusion") != CONCLUSION_CLOSE:
            out.append(Step("next_review", self._spec("next_review", item=item)))
        return out

    def _fill(self, item: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
        """Ask every answer not given yet; a given one that no longer passes is shown
        with the reason and asked again, with itself as the default."""
        index = 0
        while index < len(steps := self.steps(item)):
            step = steps[index]
            index += 1
            earlier = _get(item, step)
            if earlier is not _MISSING:
                reason = self.flow.check_follow_up(_with(item, step, earlier))
                if reason is None:
                    continue
                self._show_goal(step)
                shown = self.flow.format_value(step.spec, earlier) or "–"
                text = m.Q_SET_ASIDE.format(answer=shorten(shown, 200))
                self.screen.show(
                    Note(f"{text} {m.Q_SET_ASIDE_REASON.format(reason=reason)}", "warning")
                )
                default = earlier
            else:
                default = _get(defaults, step)
                if default is _MISSING:
                    default = self._default(item, step)
            self._show_goal(step)
            self.screen.show(ItemProgress(m.FU_PROGRESS, self._number, index, len(steps)))

            def check(value: Any, at: Step = step, base: dict[str, Any] = item) -> str | None:
                return self.flow.check_follow_up(_with(base, at, value))

            value = self.conversation.ask_value(step.spec, default, check)
            item = _with(item, step, value)
            if step.key == "conclusion" and value == CONCLUSION_CLOSE:
                item.pop("next_review", None)  # no next follow-up for an account being closed
            self.flow.keep_unfinished_follow_up(item)
        return item

    def _default(self, item: dict[str, Any], step: Step) -> Any:
        # Most values are measured for the follow-up itself: its date is a good guess.
        if step.key == "measured_on":
            return item.get("held_on")
        if step.key == "carried_out_by":
            return self.flow.value("step2.responsible.name")
        if step.key == "next_review":
            return self._suggested_next(item)
        return None

    def _suggested_next(self, item: dict[str, Any]) -> str | None:
        """The next follow-up after the interval chosen in step 2 (quarterly: three months
        on), never beyond the 12 months the guide allows."""
        held = _day(item.get("held_on"))
        interval = self.flow.value("step2.follow_up")
        option = self.flow.checklist.choice("follow_up_intervals", str(interval))
        if held is None or option is None or option.months is None:
            return None
        return add_months(held, min(option.months, 12)).isoformat()

    def _show_goal(self, step: Step) -> None:
        if step.goal is None or step.goal == self._shown_goal:
            return
        self._shown_goal = step.goal
        self.screen.show(self.goal_facts(step.goal))

    # --- what the questions and the screen say ------------------------------------------

    def _spec(
        self, key: str, goal: dict[str, Any] | None = None, item: dict[str, Any] | None = None
    ) -> ItemField:
        kind, required, choices = _ASKED[key]
        label, hint = m.FU_LABELS[key], m.FU_HINTS.get(key)
        if goal is not None and hint is not None:
            hint = hint.format(unit=goal.get("unit") or "", indicator=goal.get("indicator") or "")
        if key == "next_review":
            held = _day((item or {}).get("held_on"))
            if held is not None:
                hint = m.FU_NEXT_HINT_LATEST.format(latest=add_months(held, 12).isoformat())
        if key == "held_on":
            started = self.flow.value("start.started_on")
            if started:
                hint = m.FU_HELD_HINT_START.format(start=started)
        return ItemField(
            field=key,
            label=label,
            hint=hint,
            help=m.FU_HELPS[key],
            kind=kind,
            required=required,
            choices=choices,
        )

    def goal_facts(self, index: int) -> Facts:
        goals = self.flow.goals()
        goal = goals[index]
        unit = str(goal.get("unit") or "")

        def amount(value: Any) -> str:
            if value is None:
                return m.FU_NO_VALUE
            number = format_number(value) if isinstance(value, int | float) else str(value)
            return f"{number} {unit}".strip()

        rows = [
            (m.FU_GOAL_INDICATOR, str(goal.get("indicator") or "")),
            (m.FU_GOAL_BASELINE, amount(goal.get("baseline"))),
            (m.FU_GOAL_TARGET, amount(goal.get("target"))),
            (m.FU_GOAL_DEADLINE, str(goal.get("deadline") or "")),
        ]
        last = self._last_measurement(index + 1)
        if last is not None:
            rows.append(
                (
                    m.FU_GOAL_LAST,
                    m.FU_GOAL_LAST_VALUE.format(
                        value=amount(last.get("value")), day=last.get("measured_on")
                    ),
                )
            )
        title = m.FU_GOAL_TITLE.format(
            number=index + 1, count=len(goals), goal=str(goal.get("description") or "")
        )
        return Facts(title, tuple(rows))

    def _last_measurement(self, number: int) -> dict[str, Any] | None:
        for follow_up in reversed(self.flow.follow_ups()):
            for measurement in follow_up.get("measurements") or []:
                if measurement.get("goal") == number:
                    return dict(measurement)
        return None

    def facts(self, item: dict[str, Any], number: int, *, so_far: bool = False) -> Facts:
        """The follow-up as written, to be checked before it is saved; `so_far`: only
        what is answered (a follow-up continued from an earlier session)."""
        rows: list[tuple[str, str, bool]] = [
            (m.FU_ROW_HELD, self._text("", item.get("held_on", _MISSING)), "held_on" in item),
            (
                m.FU_ROW_BY,
                self._text("", item.get("carried_out_by", _MISSING)),
                "carried_out_by" in item,
            ),
        ]
        for index, goal in enumerate(self.flow.goals()):
            measurement = _get(item, Step("value", self._spec("value"), index))
            day = _get(item, Step("measured_on", self._spec("measured_on"), index))
            comment = _get(item, Step("comment", self._spec("comment"), index))
            unit = str(goal.get("unit") or "")
            text = m.FU_ROW_MEASURED.format(
                value=self._text("value", measurement), unit=unit, day=self._text("", day)
            )
            if comment not in (_MISSING, None, ""):
                text += "\n" + str(comment)
            name = m.FU_ROW_GOAL.format(number=index + 1)
            rows.append((name, text, measurement is not _MISSING))
        assessment = item.get("assessment", _MISSING)
        rows.append((m.FU_ROW_ASSESSMENT, self._text("", assessment), assessment is not _MISSING))
        conclusion = item.get("conclusion")
        label = (
            self.flow.checklist.choice_label("follow_up_conclusions", conclusion)
            if isinstance(conclusion, str)
            else "–"
        )
        rows.append((m.FU_ROW_CONCLUSION, label, conclusion is not None))
        if conclusion != CONCLUSION_CLOSE:
            later = item.get("next_review", _MISSING)
            rows.append((m.FU_ROW_NEXT, self._text("", later), later is not _MISSING))
        shown = tuple((name, text) for name, text, given in rows if given or not so_far)
        title = m.FU_TITLE_SO_FAR if so_far else m.FU_TITLE
        return Facts(title.format(number=number), shown)

    def _text(self, key: str, value: Any) -> str:
        if value is _MISSING or value in (None, ""):
            return "–"
        if key == "value":
            return self.flow.format_value(self._spec("value"), value)
        return str(value)

    def _pick(self, item: dict[str, Any]) -> Step | None:
        """The answer the user wants to change, from every answer given."""
        goals = self.flow.goals()
        options: list[Option] = []
        steps = [step for step in self.steps(item) if _get(item, step) is not _MISSING]
        for position, step in enumerate(steps):
            label = step.spec.label
            if step.goal is not None:
                label = m.FU_PICK_GOAL.format(number=step.goal + 1, count=len(goals), label=label)
            answer = self._text(step.key, _get(item, step))
            if step.key == "conclusion" and isinstance(_get(item, step), str):
                answer = self.flow.checklist.choice_label("follow_up_conclusions", _get(item, step))
            options.append(Option(str(position), f"{shorten(label, 44)} ({shorten(answer, 24)})"))
        options.append(Option(_BACK, m.Q_BACK))
        choice = self.asker.select(Prompt(m.FU_PICK), options)
        return None if choice == _BACK else steps[int(choice)]
