"""A follow-up's answers: kept while written, checked as the record would, then added.

A follow-up joins the record only when whole, so until then it waits in
set_aside, and it is checked with stand-ins for the answers not given yet.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kontoguide.model.account_life import CONCLUSION_CLOSE
from kontoguide.model.fieldtypes import parse_date
from kontoguide.questionnaire.applying import Applying
from kontoguide.rules.field_problems import Problem

# Follow-ups are asked by their own dialogue (follow_up.py), not by a checklist
# question: one item at a time, one measured value per goal.
FOLLOW_UPS = "follow_ups"
UNFINISHED_FOLLOW_UP = f"{FOLLOW_UPS}[new]"


class FollowUpAnswers(Applying):
    def goals(self) -> list[dict[str, Any]]:
        value = self.value("step2.goals")
        return list(value) if isinstance(value, list) else []

    def follow_ups(self) -> list[dict[str, Any]]:
        value = self.value(FOLLOW_UPS)
        return list(value) if isinstance(value, list) else []

    def unfinished_follow_up(self) -> dict[str, Any] | None:
        """The follow-up the user was writing when the last session ended, if any."""
        value = self._record.set_aside.get(UNFINISHED_FOLLOW_UP)
        return value if isinstance(value, dict) and value else None

    def keep_unfinished_follow_up(self, item: dict[str, Any]) -> None:
        """Save a follow-up's answers so far: it joins the record only when whole, but
        an interruption in the middle must not lose what was typed."""
        self.keep_item(UNFINISHED_FOLLOW_UP, item)

    def drop_unfinished_follow_up(self) -> None:
        self.drop_set_aside(UNFINISHED_FOLLOW_UP)

    def check_follow_up(self, item: dict[str, Any]) -> str | None:
        """The message for the first thing wrong with a follow-up being written, else None.

        The item is checked as the record would check it (the follow-up's own rules
        and the record's: not before the start, not measured after the follow-up),
        with the answers not given yet filled in with values that pass. The dialogue
        checks after every answer, in order, so anything refused here is about the
        answer just given.
        """
        return self.check(FOLLOW_UPS, [*self.follow_ups(), self._follow_up_probe(item)])

    def _follow_up_probe(self, item: dict[str, Any]) -> dict[str, Any]:
        """`item` made whole with stand-ins that every rule accepts (never saved)."""
        held = item.get("held_on")
        try:
            day = parse_date(held)
        except ValueError:  # an unreadable date is refused at its own place first
            day = self.today
        stand_in_day = day.isoformat()
        given = item.get("measurements")
        given = given if isinstance(given, list) else []
        measurements = []
        for number in range(1, len(self.goals()) + 1):
            stand_in = {"goal": number, "value": 0, "measured_on": stand_in_day}
            earlier = given[number - 1] if number <= len(given) else {}
            measurements.append({**stand_in, **(earlier if isinstance(earlier, dict) else {})})
        probe = {
            "held_on": stand_in_day,
            "assessment": "ok",  # never saved; passes the two-letter minimum
            "conclusion": CONCLUSION_CLOSE,
            **item,
            "measurements": measurements,
        }
        if probe.get("conclusion") != CONCLUSION_CLOSE and probe.get("next_review") is None:
            probe["next_review"] = (day + timedelta(days=1)).isoformat()
        return probe

    def add_follow_up(self, item: dict[str, Any]) -> list[Problem]:
        """Add a whole follow-up to the record (refused unless the record accepts it)."""
        return self.apply(FOLLOW_UPS, [*self.follow_ups(), item], resolves=UNFINISHED_FOLLOW_UP)
