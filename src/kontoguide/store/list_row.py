"""A record's line in `kontoguide list`: the few facts the table shows (issue 23).

Derived from the whole record once it is read and checked; the record itself is then
let go, so a large folder is not held in memory until the table is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kontoguide.store.drafts import Loaded


@dataclass(frozen=True)
class Listed:
    """A record's line in the list: derived from the whole record, never from a file."""

    id: str
    account_name: str | None
    organisation: str | None
    updated_at: datetime
    status: str
    # The state in words (an outcome's label for a decision), without the draft's steps.
    label: str
    # A draft's steps: how many are done, of how many; None for any other state.
    steps: tuple[int, int] | None
    review_due: date | None


def listed(item: Loaded) -> Listed:
    """The list's facts of a loaded record, derived as `list` has always derived them."""
    from kontoguide.rules import lifecycle
    from kontoguide.rules.completeness import steps_done

    record = item.record
    steps = None
    if record.status == "draft":
        states = steps_done(record, item.checklist)
        steps = (sum(1 for state in states.values() if state == "done"), len(states))
    return Listed(
        id=record.id,
        account_name=record.account_name,
        organisation=record.organisation.name,
        updated_at=record.updated_at,
        status=record.status,
        label=lifecycle.state_label(record, item.checklist),
        steps=steps,
        review_due=lifecycle.review_due(record),
    )
