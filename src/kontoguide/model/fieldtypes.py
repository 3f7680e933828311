"""Reusable answer types: each carries its own normalisation and Swedish rule.

The reference date for "in the future" and the checklist's choice lists come
from the pydantic validation context (see validation.make_context), so the
same types validate a fresh answer, a stored draft and an answers file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any, Protocol

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError, core_schema

from kontoguide.model import messages as m
from kontoguide.model.city_domain import city_domain_suggestion
from kontoguide.model.textsafe import is_escaped_byte, shown_char

SHORT_MAX = 300
LONG_MAX = 10_000
REASON_MIN_WORDS = 4

# The control characters (Unicode category Cc) but newline and tab, lone surrogates
# and U+FFFE/U+FFFF.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _fail(kind: str, message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message.format(**ctx) if ctx else message)


def find_forbidden_char(text: str) -> tuple[int, str] | None:
    """First character that must not be stored (1-based position, its code).

    Control characters other than newline and tab, lone surrogates and the
    non-characters U+FFFE/U+FFFF are refused: XML (and so .docx) cannot hold them.
    """
    # One regex search instead of a loop in Python: every text of every record that
    # `list` and the overview read passes here.
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    return found.start() + 1, shown_char(found.group())


def normalise_text(value: str, *, multiline: bool, max_length: int) -> str:
    """Trim, unify line endings and refuse what a document cannot hold."""
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    bad = find_forbidden_char(text)
    if bad is not None:
        if is_escaped_byte(text[bad[0] - 1]):
            raise _fail("text_control", m.V_TEXT_BAD_BYTE, pos=bad[0], code=bad[1])
        raise _fail("text_control", m.V_TEXT_CONTROL, pos=bad[0], code=bad[1])
    if not text:
        raise _fail("text_empty", m.V_TEXT_EMPTY)
    if not multiline and "\n" in text:
        raise _fail("text_one_line", m.V_TEXT_ONE_LINE)
    if len(text) > max_length:
        raise _fail("text_too_long", m.V_TEXT_TOO_LONG, max=max_length, actual=len(text))
    return text


# A text answer needs at least this many letters or digits: "?", "x" or "-" is a
# placeholder, not an answer. Choice values ("x" for X) are checked by their list.
TEXT_MIN_CHARS = 2


# Two of them ([^\W_] is exactly what str.isalnum() accepts; \w is that plus "_"):
# the first, anything else, the next (TEXT_MIN_CHARS).
_TWO_ALNUM = re.compile(r"[^\W_][\W_]*[^\W_]")


def _meaningful(text: str) -> str:
    # One search that stops at the second letter or digit: long answers are not
    # counted through, and every text of every record read passes here.
    if _TWO_ALNUM.search(text) is None:
        raise _fail("text_too_short", m.V_TEXT_TOO_SHORT, min=TEXT_MIN_CHARS)
    return text


def _short(value: str) -> str:
    return _meaningful(normalise_text(value, multiline=False, max_length=SHORT_MAX))


def _long(value: str) -> str:
    return _meaningful(normalise_text(value, multiline=True, max_length=LONG_MAX))


def _one_line(value: str) -> str:
    # For answers whose own rule says more than "too short": an e-mail address, a
    # phone number, a person's name, a unit of measurement ("%").
    return normalise_text(value, multiline=False, max_length=SHORT_MAX)


def _reason(value: str) -> str:
    text = _long(value)
    if len(text.split()) < REASON_MIN_WORDS:
        raise _fail("reason_short", m.V_REASON_SHORT, words=REASON_MIN_WORDS)
    return text


def _person_name(value: str) -> str:
    text = _one_line(value)
    if len(text.split()) < 2 or "@" in text:
        raise _fail("person_name", m.V_PERSON_NAME)
    return text


def _email(value: str) -> str:
    normalized = _checked_address(_one_line(value))
    if normalized is None:
        raise _fail("email", m.V_EMAIL)
    suggestion = city_domain_suggestion(normalized)
    if suggestion is not None:
        raise _fail("email_near_city", m.V_EMAIL_NEAR_CITY, suggestion=suggestion)
    return normalized


@lru_cache(maxsize=4096)
def _checked_address(text: str) -> str | None:
    """The address as email_validator normalises it, or None when it is not one.

    Remembered per text: a record holds a dozen addresses, mostly the same few
    (the function mailbox, the DPO), and each is checked again whenever a record
    is read (`kontoguide list` reads every draft); the check depends on nothing else.
    """
    # email_validator is only needed when an address is checked; importing it
    # lazily keeps `kontoguide --help` fast.
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


_PHONE_ALLOWED = re.compile(r"^\+?[0-9 ()\-]+$")


def _phone(value: str) -> str:
    text = _one_line(value)
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_ALLOWED.match(text) or not 6 <= digits <= 15:
        raise _fail("phone", m.V_PHONE)
    return text


# A case number as the registry writes it: letters, digits, a slash between digits,
# e.g. "KUF 2026/1187" or "2026/123"; "vet inte" or "saknas" is not one.
_CASE_NUMBER_CHARS = re.compile(r"^[^\W_]+(?:[ .:/-]+[^\W_]+)*$")
_CASE_NUMBER_SLASH = re.compile(r"\d/\d")
CASE_NUMBER_MAX = 40


def _case_number(value: str) -> str:
    text = " ".join(_short(value).split())
    if (
        len(text) > CASE_NUMBER_MAX
        or not _CASE_NUMBER_CHARS.match(text)
        or not _CASE_NUMBER_SLASH.search(text)
    ):
        raise _fail("case_number", m.V_CASE_NUMBER)
    return text


# A web address, with or without https:// ("intranat.stockholm.se/krisplan").
_LINK = re.compile(r"^(?:https?://)?(?:[^\W_]+(?:-[^\W_]+)*\.)+[^\W\d_]{2,}(?::\d+)?(?:/\S*)?$")
# Signs and words that say where a document lies: a path, a menu trail, a place.
_PLACE_SIGNS = ("/", "\\", "›", ">")
_PLACE_WORDS = (
    "intranät", "sharepoint", "teams", "mapp", "webbplats", "webbsida", "sida",
    "sidan", "server", "diarie", "pärm", "katalog", "dokumentarkiv",
)  # fmt: skip
DOCUMENT_REFERENCE_MIN_WORDS = 3


def _link_or_reference(value: str) -> str:
    """A link (http or https), or a document's name and where it lies."""
    text = _short(value)
    if _LINK.match(text):
        return text
    folded = text.casefold()
    placed = any(sign in text for sign in _PLACE_SIGNS) or any(
        word in folded for word in _PLACE_WORDS
    )
    if len(text.split()) < DOCUMENT_REFERENCE_MIN_WORDS or not placed:
        raise _fail("link_or_reference", m.V_LINK_OR_REFERENCE, words=DOCUMENT_REFERENCE_MIN_WORDS)
    return text


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

# Every year, date and moment in a record lies in this span. A social-media account
# of the city, its goals and its decisions fall well inside it; 1900 leaves room for
# the year of an old source, 2200 for any deadline. The margin to Python's limits
# (years 1 and 9999) keeps all date arithmetic safe: a year added to the review
# date, a moment shifted into another time zone (at most a day).
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200


def _in_span(day: date) -> bool:
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


def parse_date(value: Any) -> Any:
    """Accept a date or an ISO ÅÅÅÅ-MM-DD string in the span; refuse everything else clearly."""
    if isinstance(value, date):
        day = value
    elif isinstance(value, str):
        text = value.strip()
        match = _ISO_DATE.match(text)
        if match is None:
            raise _fail("date_format", m.V_DATE_FORMAT)
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise _fail("date_impossible", m.V_DATE_IMPOSSIBLE, value=text) from None
    else:
        raise _fail("date_format", m.V_DATE_FORMAT)
    if not _in_span(day):
        raise _fail("date_range", m.V_DATE_RANGE, first=EARLIEST_YEAR, last=LATEST_YEAR)
    return day


def parse_moment(value: Any) -> datetime:
    """A point in time: an ISO 8601 string (or datetime) with a time zone, in the span.

    Without a time zone a moment cannot be compared with the others (the drafts
    are listed by their last change) nor shown in the reader's local time.
    Numbers (Unix time) are refused: the program writes ISO text, and a number in
    a file is more likely a mistake than a moment.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise _fail("moment_format", m.V_MOMENT_FORMAT) from None
    else:
        raise _fail("moment_format", m.V_MOMENT_FORMAT)
    if not _in_span(moment):
        raise _fail("moment_range", m.V_MOMENT_RANGE, first=EARLIEST_YEAR, last=LATEST_YEAR)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise _fail("moment_no_zone", m.V_MOMENT_NO_ZONE)
    return moment


def reference_date(info: ValidationInfo) -> date:
    context = info.context or {}
    today = context.get("today")
    return today if isinstance(today, date) else date.today()


def _not_future(value: date, info: ValidationInfo) -> date:
    today = reference_date(info)
    if value > today:
        raise _fail("date_not_future", m.V_DATE_NOT_FUTURE, today=today.isoformat())
    return value


# How far back a conversation or a check with someone may lie: the plan is judged
# on what was said recently, and a date decades ago is a typing mistake.
RECENT_YEARS = 3


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _recent(value: date, info: ValidationInfo) -> date:
    # Once decided, the plan was judged on the decision day (validation.decision_day):
    # a conversation that was recent then stays acceptable when the record is
    # followed up years later.
    today = reference_date(info)
    decided_on = (info.context or {}).get("decided_on")
    judged_on = decided_on if isinstance(decided_on, date) and decided_on < today else today
    earliest = _years_before(judged_on, RECENT_YEARS)
    if value < earliest:
        raise _fail(
            "date_not_recent",
            m.V_DATE_NOT_RECENT,
            years=RECENT_YEARS,
            earliest=earliest.isoformat(),
            today=today.isoformat(),
        )
    return value


def _year_not_future(value: int, info: ValidationInfo) -> int:
    year = reference_date(info).year
    if value > year:
        raise _fail("year_not_future", m.V_YEAR_NOT_FUTURE, year=year)
    return value


def _future(value: date, info: ValidationInfo) -> date:
    # After a decision, "in the future" means after the decision day (validation.decision_day).
    decided_on = (info.context or {}).get("decided_on")
    today = decided_on if isinstance(decided_on, date) else reference_date(info)
    if value <= today:
        raise _fail("date_future", m.V_DATE_FUTURE, today=today.isoformat())
    return value


class ChoiceLists(Protocol):
    """What the answer types need of a checklist: its choice lists, by name.

    A protocol, so the vocabulary of answers stands below the checklist that uses it.
    """

    def choice_values(self, list_name: str) -> list[str]: ...

    def is_choice(self, list_name: str, value: str) -> bool: ...

    def choice_label(self, list_name: str, value: str) -> str: ...


def context_checklist(info: ValidationInfo) -> ChoiceLists | None:
    context = info.context or {}
    checklist: ChoiceLists | None = context.get("checklist")
    return checklist


def _not_a_choice(list_name: str, info: ValidationInfo) -> PydanticCustomError:
    checklist = context_checklist(info)
    if checklist is None:
        return _fail("choice_type", m.V_CHOICE_TYPE)
    values = checklist.choice_values(list_name)
    labels = [f"{checklist.choice_label(list_name, v)} ({v})" for v in values]
    return _fail("choice", m.V_CHOICE, options="; ".join(labels))


def choice_of(list_name: str) -> Callable[[str, ValidationInfo], str]:
    """A value from the checklist's named choice list (unchecked without a checklist)."""

    def check(value: str, info: ValidationInfo) -> str:
        text = normalise_text(value, multiline=False, max_length=SHORT_MAX)
        checklist = context_checklist(info)
        if checklist is None:
            return text
        if not checklist.is_choice(list_name, text):
            raise _not_a_choice(list_name, info)
        return text

    return check


def choice_shape(list_name: str, *, several: bool) -> Callable[[Any, ValidationInfo], Any]:
    """Refuse a choice of the wrong JSON shape (a list or an object where one option
    belongs, an object among several) by naming the options, not "write text"."""

    def check(value: Any, info: ValidationInfo) -> Any:
        items = value if several and isinstance(value, list) else [value]
        if several and not isinstance(value, list):
            return value  # "give a list" is the right message for that
        if any(not isinstance(item, str) for item in items):
            raise _not_a_choice(list_name, info)
        return value

    return check


def choices_of(
    list_name: str, *, all_required: bool
) -> Callable[[list[str], ValidationInfo], list[str]]:
    """Several values from a named choice list; optionally every one of them."""

    def check(value: list[str], info: ValidationInfo) -> list[str]:
        items = [choice_of(list_name)(item, info) for item in value]
        if len(set(items)) != len(items):
            raise _fail("choice_duplicate", m.V_DUPLICATE_CHOICE)
        checklist = context_checklist(info)
        if all_required and checklist is not None:
            wanted = checklist.choice_values(list_name)
            missing = [checklist.choice_label(list_name, v) for v in wanted if v not in items]
            if missing:
                raise _fail("choice_all", m.V_ALL_OF, missing=", ".join(missing))
            items = [v for v in wanted if v in items]
        if not items:
            raise _fail("choice_empty", m.V_REQUIRED)
        return items

    return check


def must_be_yes(message: str) -> Callable[[bool], bool]:
    def check(value: bool) -> bool:
        if value is not True:
            raise _fail("must_be_yes", message)
        return value

    return check


def _year_number(value: Any) -> Any:
    # A year is asked as text; "tjugo" deserves the year message, not a generic one.
    if isinstance(value, bool):
        raise _fail("year", m.V_YEAR)
    if isinstance(value, str):
        text = value.strip()
        if not (len(text) == 4 and text.isdigit()):
            raise _fail("year", m.V_YEAR)
        return int(text)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int):
        raise _fail("year", m.V_YEAR)
    return value


_THOUSANDS_OR_DECIMALS = re.compile(r"^[+-]?\d{1,3}[.,]\d{3}$")


def swedish_number(value: Any) -> Any:
    """Numbers as people write them: "1 500" is 1500 and "2,5" is 2.5 (text only).

    "1,500" or "1.500" could be a thousand and a half or one and a half: asked again
    rather than guessed, since a goal off by a factor of 1000 would go unnoticed.
    """
    if not isinstance(value, str):
        return value
    # Word's autocorrect turns "-" into a real minus sign.
    compact = "".join(ch for ch in value if not ch.isspace()).replace("\u2212", "-")
    if _THOUSANDS_OR_DECIMALS.match(compact):
        raise _fail("number_ambiguous", m.V_NUMBER_AMBIGUOUS)
    if compact.count(",") == 1 and "." not in compact:
        compact = compact.replace(",", ".")
    return compact


def _year(value: int) -> int:
    if not EARLIEST_YEAR <= value <= LATEST_YEAR:
        raise _fail("year", m.V_YEAR)
    return value


ShortText = Annotated[
    str, AfterValidator(_short), Field(json_schema_extra={"maxLength": SHORT_MAX})
]
LongText = Annotated[str, AfterValidator(_long), Field(json_schema_extra={"maxLength": LONG_MAX})]
Reason = Annotated[str, AfterValidator(_reason)]
PersonName = Annotated[str, AfterValidator(_person_name)]
Email = Annotated[str, AfterValidator(_email), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, AfterValidator(_phone)]
CaseNumber = Annotated[
    str, AfterValidator(_case_number), Field(json_schema_extra={"maxLength": CASE_NUMBER_MAX})
]
LinkOrReference = Annotated[
    str, AfterValidator(_link_or_reference), Field(json_schema_extra={"maxLength": SHORT_MAX})
]
PastDate = Annotated[date, BeforeValidator(parse_date), AfterValidator(_not_future)]
RecentDate = Annotated[
    date, BeforeValidator(parse_date), AfterValidator(_not_future), AfterValidator(_recent)
]
FutureDate = Annotated[date, BeforeValidator(parse_date), AfterValidator(_future)]
AnyDate = Annotated[date, BeforeValidator(parse_date)]
Moment = Annotated[datetime, BeforeValidator(parse_moment)]
Year = Annotated[int, BeforeValidator(_year_number), AfterValidator(_year)]
PastYear = Annotated[
    int, BeforeValidator(_year_number), AfterValidator(_year), AfterValidator(_year_not_future)
]
UnitText = Annotated[
    str, AfterValidator(_one_line), Field(json_schema_extra={"maxLength": SHORT_MAX})
]
# Far beyond any count, share or amount a goal measures, and far from where a float's
# arithmetic (the document's progress towards a goal) overflows into inf and NaN.
NUMBER_LIMIT = 1_000_000_000_000


def _within_reach(value: float) -> float:
    if abs(value) > NUMBER_LIMIT:
        raise PydanticCustomError("number_too_large", m.V_NUMBER_TOO_LARGE)
    return value


# The bound is shown in the JSON Schema from the same constant, so an editor refuses
# what the model refuses; the model's own check (in Swedish) stays the one that counts.
Number = Annotated[
    float,
    BeforeValidator(swedish_number),
    Field(
        allow_inf_nan=False,
        json_schema_extra={"minimum": -NUMBER_LIMIT, "maximum": NUMBER_LIMIT},
    ),
    AfterValidator(_within_reach),
]
Count = Annotated[int, BeforeValidator(swedish_number)]


@dataclass(frozen=True)
class ChoiceFrom:
    """Field marker: a value from the checklist's named choice list."""

    list_name: str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        checked = core_schema.with_info_after_validator_function(
            choice_of(self.list_name), handler(source)
        )
        return core_schema.with_info_before_validator_function(
            choice_shape(self.list_name, several=False), checked
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {**handler(schema), "x-choice-list": self.list_name}


@dataclass(frozen=True)
class ChoicesFrom:
    """Field marker: several values from a named choice list, optionally all of them."""

    list_name: str
    all_required: bool = False

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        check = choices_of(self.list_name, all_required=self.all_required)
        checked = core_schema.with_info_after_validator_function(check, handler(source))
        return core_schema.with_info_before_validator_function(
            choice_shape(self.list_name, several=True), checked
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        extra = {"x-choice-list": self.list_name, "x-all-required": self.all_required}
        return {**handler(schema), **extra}


@dataclass(frozen=True)
class MustBeYes:
    """Field marker: only yes is an acceptable answer; `message` says what to do first."""

    message: str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            must_be_yes(self.message), handler(source)
        )
