"""Text answers that need more than some text: the purpose, the archiving method and the
closing routine (issue 21). Each is a type, like those in fieldtypes.py, so that an
answer typed at a prompt, an answers file and `validate` meet the same rule.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from kontoguide.model import messages as m
from kontoguide.model.fieldtypes import LONG_MAX, SHORT_MAX, _fail, _long, _short

# "Synas mer" says nothing about what the account is for; a sentence can.
PURPOSE_MIN_WORDS = 5
# Words of a routine that are not part of a date ("den 31 december" is a date).
ROUTINE_MIN_WORDS = 4

# Answers that say the fact is not known yet: an answer to fill in later, not a method.
_UNKNOWN = frozenset(
    {
        "vet inte", "vet ej", "vet inte än", "vet inte ännu", "oklart", "okänt", "okänd",
        "inte klart", "inte klart än", "ej klart", "inte bestämt", "ej bestämt",
        "inte bestämt än", "ingen aning", "saknas", "finns inte", "ingen", "inget",
        "nej", "kommer senare", "senare", "återkommer",
    }
)  # fmt: skip
_MONTHS = (
    "januari februari mars april maj juni juli augusti september oktober november december "
    "jan feb mar apr jun jul aug sep sept okt nov dec"
)
_DATE_WORDS = frozenset({*_MONTHS.split(), "den", "senast", "per", "datum", "kl"})
_LETTER_WORDS = re.compile(r"[^\W\d_]+")


def _folded(text: str) -> str:
    return " ".join(_LETTER_WORDS.findall(text.casefold()))


def _purpose(value: str) -> str:
    text = _long(value)
    if len(text.split()) < PURPOSE_MIN_WORDS:
        raise _fail("purpose_short", m.V_PURPOSE_SHORT, words=PURPOSE_MIN_WORDS)
    return text


def _archive_method(value: str) -> str:
    text = _short(value)
    if _folded(text) in _UNKNOWN:
        raise _fail("method_unknown", m.V_ARCHIVE_METHOD_UNKNOWN)
    return text


def _closing_routine(value: str) -> str:
    text = _long(value)
    words = [word for word in _LETTER_WORDS.findall(text.casefold()) if word not in _DATE_WORDS]
    if len(words) < ROUTINE_MIN_WORDS:
        raise _fail("routine_date", m.V_CLOSING_ROUTINE)
    return text


PurposeText = Annotated[
    str, AfterValidator(_purpose), Field(json_schema_extra={"maxLength": LONG_MAX})
]
ArchiveMethod = Annotated[
    str, AfterValidator(_archive_method), Field(json_schema_extra={"maxLength": SHORT_MAX})
]
ClosingRoutine = Annotated[
    str, AfterValidator(_closing_routine), Field(json_schema_extra={"maxLength": LONG_MAX})
]
