"""Answer types: text normalisation, e-mail, phone, person names and dates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from kontoguide.cli import messages as m
from kontoguide.model.fieldtypes import (
    LONG_MAX,
    SHORT_MAX,
    AnyDate,
    Email,
    FutureDate,
    LongText,
    PastDate,
    PersonName,
    Phone,
    Reason,
    ShortText,
    Year,
    find_forbidden_char,
    normalise_text,
    parse_date,
)
from kontoguide.model.textsafe import shown_char

TODAY = date(2026, 11, 26)
ENGLISH = ("Input should", "Field required", "Value error", "valid", "invalid", "must be")


def assert_swedish(message: str) -> None:
    assert message
    assert "ogiltig" not in message.casefold()
    for phrase in ENGLISH:
        assert phrase not in message, message


def check(kind: Any, value: Any, *, today: date = TODAY) -> Any:
    return TypeAdapter(kind).validate_python(value, context={"today": today})


def refusal(kind: Any, value: Any, *, today: date = TODAY) -> str:
    with pytest.raises(ValidationError) as caught:
        check(kind, value, today=today)
    (error,) = caught.value.errors()
    message = str(error["msg"])
    assert_swedish(message)
    return message


# --- text normalisation --------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Kulturförvaltningen  ", "Kulturförvaltningen"),
        ("\t\nText med kant\n\t", "Text med kant"),
        ("rad ett\r\nrad två", "rad ett\nrad två"),
        ("rad ett\rrad två", "rad ett\nrad två"),
        ("kolumn\tkolumn", "kolumn\tkolumn"),
        ("å ä ö – ”citat” 🙂", "å ä ö – ”citat” 🙂"),
    ],
)
def test_long_text_is_trimmed_and_line_endings_unified(raw: str, expected: str) -> None:
    assert check(LongText, raw) == expected


def test_short_text_is_trimmed() -> None:
    assert check(ShortText, "  Stadsbiblioteket \r\n") == "Stadsbiblioteket"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("noll\x00tecken", "U+0000"),
        ("klocka\x07", "U+0007"),
        ("back\x08space", "U+0008"),
        ("escape \x1b[31mröd", "U+001B"),
        ("delete\x7fhär", "U+007F"),
        ("c1\x85kontroll", "U+0085"),
        ("sida\x0cbrytning", "U+000C"),
        ("vertikal\x0btab", "U+000B"),
        ("ensam \ud800 surrogat", "U+D800"),
        ("ensam \udfff surrogat", "U+DFFF"),
        ("icke-tecken \ufffe här", "U+FFFE"),
        ("icke-tecken \uffff här", "U+FFFF"),
    ],
)
def test_control_characters_and_non_characters_are_refused(raw: str, code: str) -> None:
    message = refusal(LongText, raw)
    assert code in message
    assert "styrteck" in message
    bad = next(i for i, ch in enumerate(raw.strip()) if f"U+{ord(ch):04X}" == code)
    assert f"position {bad + 1}" in message


def test_control_character_message_gives_the_position() -> None:
    message = refusal(ShortText, "ab\x01c")
    assert "position 3" in message
    assert "U+0001" in message


def test_newline_and_tab_are_allowed_in_long_text() -> None:
    assert check(LongText, "a\tb\nc") == "a\tb\nc"


@pytest.mark.parametrize("raw", ["", "   ", "\n\t\r\n", "\r"])
def test_empty_text_is_refused(raw: str) -> None:
    assert refusal(ShortText, raw) == m.V_TEXT_EMPTY
    assert refusal(LongText, raw) == m.V_TEXT_EMPTY


@pytest.mark.parametrize("raw", ["rad ett\nrad två", "rad ett\r\nrad två", "rad ett\rrad två"])
def test_short_text_must_be_one_line(raw: str) -> None:
    assert refusal(ShortText, raw) == m.V_TEXT_ONE_LINE


def test_short_text_length_limit() -> None:
    assert check(ShortText, "x" * SHORT_MAX) == "x" * SHORT_MAX
    # Surrounding spaces do not count: the limit applies to the trimmed text.
    assert check(ShortText, "  " + "x" * SHORT_MAX + "  ") == "x" * SHORT_MAX
    message = refusal(ShortText, "x" * (SHORT_MAX + 1))
    assert str(SHORT_MAX) in message
    assert str(SHORT_MAX + 1) in message


def test_long_text_length_limit() -> None:
    assert check(LongText, "y" * LONG_MAX) == "y" * LONG_MAX
    message = refusal(LongText, "y" * (LONG_MAX + 1))
    assert str(LONG_MAX) in message


def test_text_must_be_a_string() -> None:
    with pytest.raises(ValidationError):
        check(ShortText, 42)


FORBIDDEN_MESSAGES = {
    "text_control",
    "text_empty",
    "text_one_line",
    "text_too_long",
}


@given(st.text(alphabet=st.characters(exclude_categories=())), st.booleans())
def test_normalise_text_property(raw: str, multiline: bool) -> None:
    try:
        text = normalise_text(raw, multiline=multiline, max_length=SHORT_MAX)
    except PydanticCustomError as error:
        assert error.type in FORBIDDEN_MESSAGES
        assert_swedish(error.message())
        return
    assert find_forbidden_char(text) is None
    assert "\r" not in text
    assert text == text.strip()
    assert text
    assert len(text) <= SHORT_MAX
    if not multiline:
        assert "\n" not in text
    assert normalise_text(text, multiline=multiline, max_length=SHORT_MAX) == text


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_find_forbidden_char_agrees_with_xml_rules(raw: str) -> None:
    # XML 1.0 allows tab, newline, carriage return (normalised away) and these ranges.
    def xml_ok(ch: str) -> bool:
        code = ord(ch)
        if ch in "\t\n":
            return True
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return False
        return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))

    bad = find_forbidden_char(raw)
    if bad is None:
        assert all(xml_ok(ch) for ch in raw)
    else:
        position, code = bad
        assert not xml_ok(raw[position - 1])
        assert code == shown_char(raw[position - 1])


# --- reasons and names -----------------------------------------------------------


def test_reason_needs_a_sentence() -> None:
    assert check(Reason, "Vi når inte unga där.") == "Vi når inte unga där."
    message = refusal(Reason, "Nej")
    assert "minst" in message
    refusal(Reason, "Alldeles för kort")
    assert check(Reason, "Fyra ord räcker precis") == "Fyra ord räcker precis"


@pytest.mark.parametrize("name", ["Amir Haddad", "Lina Öberg", "Anna-Karin af Klint"])
def test_person_name_accepts_a_persons_name(name: str) -> None:
    assert check(PersonName, name) == name


@pytest.mark.parametrize("name", ["Kommunikation", "kommunikation@stockholm.se", "Anna @lind"])
def test_person_name_refuses_functions_and_addresses(name: str) -> None:
    assert refusal(PersonName, name) == m.V_PERSON_NAME


# --- e-mail and phone --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("karin.sjoberg@stockholm.se", "karin.sjoberg@stockholm.se"),
        ("  amir.haddad@stockholm.se ", "amir.haddad@stockholm.se"),
        ("Amir.Haddad@Stockholm.SE", "Amir.Haddad@stockholm.se"),
        ("åsa.öberg@stockholm.se", "åsa.öberg@stockholm.se"),
    ],
)
def test_email_accepts_addresses(raw: str, expected: str) -> None:
    assert check(Email, raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "kommunikation.stockholm.se",
        "a@",
        "@stockholm.se",
        "a b@stockholm.se",
        "anna@stockholm",
        "anna@@stockholm.se",
    ],
)
def test_email_refuses_what_is_not_an_address(raw: str) -> None:
    assert refusal(Email, raw) == m.V_EMAIL


@pytest.mark.parametrize(
    "raw", ["08-508 311 42", "+46 8 508 311 42", "(08) 508 000 00", "0701234567"]
)
def test_phone_accepts_numbers(raw: str) -> None:
    assert check(Phone, raw) == raw


@pytest.mark.parametrize("raw", ["ring mig", "12345", "08-508 311 42 ankn. 5", "1" * 16, "08/508"])
def test_phone_refuses_what_is_not_a_number(raw: str) -> None:
    assert refusal(Phone, raw) == m.V_PHONE


# --- years -----------------------------------------------------------------------


def test_year_range() -> None:
    assert check(Year, 2026) == 2026
    assert refusal(Year, 26) == m.V_YEAR
    assert refusal(Year, 20260) == m.V_YEAR


# --- dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-03-15", date(2026, 3, 15)),
        (" 2026-03-15 ", date(2026, 3, 15)),
        ("2024-02-29", date(2024, 2, 29)),
        (date(2026, 1, 1), date(2026, 1, 1)),
    ],
)
def test_date_accepts_iso_dates(raw: Any, expected: date) -> None:
    assert check(AnyDate, raw) == expected
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw", ["15/3/2026", "2026-3-15", "20260315", "i morgon", "2026-03-15T10:00", "", 20260315]
)
def test_date_format_is_explained(raw: Any) -> None:
    assert refusal(AnyDate, raw) == m.V_DATE_FORMAT


@pytest.mark.parametrize(
    "raw", ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31", "2026-00-10"]
)
def test_impossible_dates_are_named(raw: str) -> None:
    message = refusal(AnyDate, raw)
    assert raw in message
    assert "finns inte" in message


def test_past_date_may_be_today_but_not_tomorrow() -> None:
    assert check(PastDate, "2026-11-26") == TODAY
    assert check(PastDate, "2020-01-01") == date(2020, 1, 1)
    message = refusal(PastDate, "2026-11-27")
    assert "2026-11-26" in message


def test_future_date_must_be_after_today() -> None:
    assert check(FutureDate, "2026-11-27") == date(2026, 11, 27)
    message = refusal(FutureDate, "2026-11-26")
    assert "2026-11-26" in message
    refusal(FutureDate, "2020-01-01")


def test_reference_date_comes_from_the_context() -> None:
    later = date(2031, 1, 1)
    # A deadline in 2030 is in the future in 2026 but not in 2031.
    assert check(FutureDate, "2030-12-31", today=TODAY) == date(2030, 12, 31)
    refusal(FutureDate, "2030-12-31", today=later)
    # A conversation in 2030 cannot have happened yet in 2026.
    refusal(PastDate, "2030-12-31", today=TODAY)
    assert check(PastDate, "2030-12-31", today=later) == date(2030, 12, 31)


@pytest.mark.parametrize("typed", ["1,500", "1.500", "-2,125"])
def test_a_number_that_reads_two_ways_is_asked_again(typed: str) -> None:
    from kontoguide.model.fieldtypes import swedish_number

    with pytest.raises(PydanticCustomError) as caught:
        swedish_number(typed)
    assert "1 500" in str(caught.value) and "1,5" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "read"), [("1 500", "1500"), ("1,5", "1.5"), ("\u22125", "-5"), ("12,25", "12.25")]
)
def test_numbers_as_people_write_them(typed: str, read: str) -> None:
    from kontoguide.model.fieldtypes import swedish_number

    assert swedish_number(typed) == read


def test_forbidden_characters_are_exactly_the_controls_surrogates_and_non_characters() -> None:
    """Every code point, against the rule as written out: category Cc except newline
    and tab, lone surrogates, U+FFFE and U+FFFF."""
    import unicodedata

    from kontoguide.model.fieldtypes import find_forbidden_char

    for code in range(0x110000):
        char = chr(code)
        forbidden = char not in "\n\t" and (
            unicodedata.category(char) == "Cc"
            or 0xD800 <= code <= 0xDFFF
            or code in (0xFFFE, 0xFFFF)
        )
        found = find_forbidden_char("ab" + char)
        # A byte that was not UTF-8 (U+DC80..U+DCFF) is named as the byte: \\xf6 (issue 20).
        named = f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        assert (found == (3, named)) if forbidden else found is None, hex(code)


def test_a_letter_or_digit_is_what_isalnum_says_for_every_code_point() -> None:
    """The two-letter minimum is one regex search; it must agree with str.isalnum():
    a character followed by a letter makes two exactly when it is one itself."""
    from kontoguide.model.fieldtypes import _TWO_ALNUM

    for code in range(0x110000):
        char = chr(code)
        assert (_TWO_ALNUM.search(char + "a") is not None) == char.isalnum(), hex(code)


@given(st.text(max_size=40))
def test_the_two_letter_minimum_counts_as_isalnum_does(text: str) -> None:
    from kontoguide.model.fieldtypes import _TWO_ALNUM

    assert (_TWO_ALNUM.search(text) is not None) == (sum(c.isalnum() for c in text) >= 2)
