"""A variant's answer pattern, matched in time linear in the answer's length.

Python's `re` backtracks: a pattern such as `([A-Za-zåäö]+ ?)+` passes a check and
then makes one answer run for minutes. pydantic-core's own pattern engine (Rust's
`regex` crate, already installed with pydantic) never backtracks, so a pattern is
compiled there; what that engine cannot do in linear time (backreferences,
look-around) it refuses, and the variant is refused with it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Annotated

from pydantic import StringConstraints, TypeAdapter, ValidationError
from pydantic_core import SchemaError

from kontoguide.checklist import messages as m

Matcher = Callable[[str], bool]


class BadPattern(ValueError):
    """The pattern cannot be used; the message says why in Swedish."""


def _reason(error: SchemaError) -> str:
    text = str(error)
    if "backreferences are not supported" in text:
        return m.CV_PATTERN_BACKREFERENCE
    if "look-around" in text:
        return m.CV_PATTERN_LOOKAROUND
    # The engine's own words for a syntax error, named as such (English).
    detail = next(
        (line.removeprefix("error: ") for line in text.splitlines() if line.startswith("error:")),
        text.splitlines()[-1] if text else "",
    )
    return m.CV_BAD_PATTERN.format(detail=detail)


@lru_cache(maxsize=256)
def matcher(pattern: str) -> Matcher:
    """Whether a whole answer matches `pattern`; BadPattern if it cannot be used."""
    try:
        # Anchored at both ends: the answer as a whole must match, as re.fullmatch would.
        adapter: TypeAdapter[str] = TypeAdapter(
            Annotated[str, StringConstraints(pattern=f"^(?:{pattern})$")]
        )
    except SchemaError as error:
        raise BadPattern(_reason(error)) from None

    def matches(value: str) -> bool:
        try:
            adapter.validate_python(value)
        except ValidationError:
            return False
        return True

    return matches
