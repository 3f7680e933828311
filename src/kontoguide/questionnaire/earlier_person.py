"""A person named earlier in the checklist, offered where a later question asks again.

Step 3 asks which communications officer the channel was discussed with, and its
hint says it can be the same person as the communication contact of step 1: that
person's name is offered as the default, and once the same name is given, also the
role and the e-mail (as step 4 offers the people of step 2 for the team). The date
is not offered: the talk about the channel may be another one than in step 1, and a
date taken with a quick Enter would say it was the same.

Step 5 asks who prepared the checklist; most often the person responsible for the
account (step 2) did, so that person is offered the same way, with unit and e-mail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kontoguide.model import paths
from kontoguide.questionnaire import messages as m

# The later question's person → the earlier answer's person, and the note that says
# where the offered answer comes from.
SAME_PERSON: dict[str, tuple[str, str]] = {
    "step3.officer_dialogue": ("step1.comms_contact", m.Q_EARLIER_PERSON),
    "step5.prepared_by": ("step2.responsible", m.Q_EARLIER_RESPONSIBLE),
}
OFFERED = ("name", "role", "unit", "email")
NAME = "name"


def earlier_answer(field: str, value: Callable[[str], Any]) -> Any:
    """The earlier person's answer offered for `field`, or None. `value` reads the
    record's answers by field."""
    for later, (earlier, _) in SAME_PERSON.items():
        part = field.removeprefix(later + ".")
        if part == field or part not in OFFERED:
            continue
        if part != NAME and not _same(value(f"{later}.{NAME}"), value(f"{earlier}.{NAME}")):
            return None  # another person: their role and address are not the earlier ones
        found = value(f"{earlier}.{part}")
        return found if paths.is_answered(found) else None
    return None


def earlier_note(field: str) -> str | None:
    """What the screen says where `field` (a person's name) is offered an earlier one."""
    for later, (_, note) in SAME_PERSON.items():
        if field == f"{later}.{NAME}":
            return note
    return None


def _same(one: Any, other: Any) -> bool:
    def plain(name: Any) -> str:
        return " ".join(str(name or "").casefold().split())

    return bool(plain(one)) and plain(one) == plain(other)
