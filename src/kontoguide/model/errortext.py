"""pydantic's errors as Swedish sentences, for answers and for checklist files alike.

Our own rules raise finished Swedish messages; pydantic's built-in checks (a
wrong type, a number out of range) are named here by their error kind. Kept
apart from validation so that the checklist loader can use it without
depending on the record's validation.
"""

from __future__ import annotations

from typing import Any

from kontoguide.model import messages as m

_BUILTIN_MESSAGES = {
    "missing": m.V_REQUIRED,
    "string_type": m.V_TEXT_TYPE,
    "bool_type": m.V_BOOL,
    "bool_parsing": m.V_BOOL,
    "int_type": m.V_INT,
    "int_parsing": m.V_INT,
    "int_from_float": m.V_INT,
    "int_parsing_size": m.V_INT_TOO_LONG,
    "float_type": m.V_NUMBER,
    "float_parsing": m.V_NUMBER,
    "finite_number": m.V_NUMBER,
    "list_type": m.V_LIST,
    "model_type": m.V_OBJECT,
    "model_attributes_type": m.V_OBJECT,
    "dict_type": m.V_OBJECT,
    "extra_forbidden": m.V_UNKNOWN_FIELD,
    "date_type": m.V_DATE_FORMAT,
    "date_parsing": m.V_DATE_FORMAT,
    "date_from_datetime_parsing": m.V_DATE_FORMAT,
    "datetime_type": m.V_DATE_FORMAT,
    "datetime_parsing": m.V_DATE_FORMAT,
    "datetime_from_date_parsing": m.V_DATE_FORMAT,
}


def translate(error: Any) -> str:
    """A Swedish message for one pydantic error; our own rules already are Swedish."""
    kind = error["type"]
    if kind in _BUILTIN_MESSAGES:
        return _BUILTIN_MESSAGES[kind]
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return _range_message(error.get("ctx", {}))
    if kind == "too_long":
        return m.V_TOO_MANY_ITEMS.format(max=error.get("ctx", {}).get("max_length", "…"))
    if kind == "literal_error":
        # pydantic lists the allowed values in English: "'draft' or 'complete'".
        expected = str(error.get("ctx", {}).get("expected", ""))
        return m.V_CHOICE.format(options=expected.replace(" or ", " eller "))
    if kind == "string_pattern_mismatch":
        return m.V_OTHER.format(detail=error.get("ctx", {}).get("pattern", ""))
    if kind.startswith(("value_error", "assertion_error")):
        return m.V_OTHER.format(detail=error["msg"])
    # Our PydanticCustomErrors carry finished Swedish messages.
    return str(error["msg"])


def _range_message(ctx: dict[str, Any]) -> str:
    # pydantic names only the bound that was broken.
    if "ge" in ctx and "le" not in ctx:
        return m.V_NUMBER_MIN.format(low=ctx["ge"])
    if "le" in ctx and "ge" not in ctx:
        return m.V_NUMBER_MAX.format(high=ctx["le"])
    low = ctx.get("ge", ctx.get("gt", "…"))
    high = ctx.get("le", ctx.get("lt", "…"))
    return m.V_NUMBER_RANGE.format(low=low, high=high)
