"""The calendar day of a stored moment, and the day answers are checked against."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def day_given(moment: datetime) -> date:
    """The calendar day where `moment` was recorded.

    kontoguide stores each time with the UTC offset of the computer that wrote it, so
    the day is the writer's, whatever the reader's time zone: a record changed at
    UTC+14 is not "in the future" when it is read at UTC-8. A time in UTC (how every
    time was stored before the offset was kept) is read in the local zone, as it was
    then.
    """
    offset = moment.utcoffset()
    if offset is None or offset == timedelta(0):
        return moment.astimezone().date()
    return moment.date()


def checking_day(today: date, last_change: datetime) -> date:
    """The day a record's answers are checked against: the computer's date, but never
    before the day of the record's last change. A clock running behind (an office PC
    with a wrong date) must not make answers that held when they were given look like
    dates in the future, and set them aside."""
    return max(today, day_given(last_change))


def clock_behind(today: date, last_change: datetime) -> bool:
    """Whether the computer's date is earlier than the day of the record's last change."""
    return today < day_given(last_change)
