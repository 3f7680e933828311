"""Single values as the document prints them: numbers the Swedish way, moments in
Stockholm time, answers in words, and the facts that more than one part of the
document names (the account, its platform, the case number).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kontoguide.checklist.parts import Checklist
from kontoguide.documents import messages as m
from kontoguide.model import paths
from kontoguide.model.readable import readable
from kontoguide.model.record import Record


def format_number(value: int | float) -> str:
    """A number the Swedish way (decimal comma), without float noise like 2.5000001."""
    if isinstance(value, bool):  # bool is an int; never meant as a number here
        return m.DOC_YES if value else m.DOC_NO
    if isinstance(value, int):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f").replace(".", ",")


def local_time(moment: datetime) -> datetime:
    """`moment` in Stockholm time; the machine's zone if tzdata is missing (Windows)."""
    try:
        return moment.astimezone(ZoneInfo("Europe/Stockholm"))
    except ZoneInfoNotFoundError:
        return moment.astimezone()


def format_moment(moment: datetime) -> str:
    when = local_time(moment)
    return m.DOC_MOMENT.format(date=when.date().isoformat(), time=when.strftime("%H:%M"))


def plain(value: Any, kind: str, choices: str | None, checklist: Checklist) -> str:
    """One answer as text, for table cells and the header block."""
    if isinstance(value, bool):
        return m.DOC_YES if value else m.DOC_NO
    if isinstance(value, int | float):
        return format_number(value)
    if kind in ("choice", "multichoice") and choices is not None:
        list_name = choices
        return readable(value, label=lambda v: checklist.choice_label(list_name, v))
    # Any other shape (a record not built by validation) still reads as its words.
    return readable(value)


def text_or(value: Any, fallback: str = m.DOC_NOT_ANSWERED) -> str:
    return str(value) if paths.is_answered(value) else fallback


def platform_name(record: Record, checklist: Checklist) -> str:
    platform = record.step3.platform
    if platform is None:
        return m.DOC_NOT_ANSWERED
    if platform == "annan" and record.step3.platform_other:
        return record.step3.platform_other
    return checklist.choice_label("platforms", platform)


def case_number(record: Record) -> str | None:
    number = record.step5.case_number
    return number if paths.is_answered(number) else None


def account_title(record: Record) -> str:
    """The account as the document names it: the proposed name, else the working name."""
    return record.step3.proposed_account_name or record.account_name or record.id
