"""Reading a file someone else may have made: bounded, non-blocking, never a traceback.

Every file the program reads (a draft, an answers file, a record to export, a
checklist) may be damaged or hostile: a FIFO that never delivers, /dev/zero, a
huge or deeply nested JSON document, a number Python refuses to convert, a lone
surrogate that cannot be written back as UTF-8, a key given twice. Each is
refused here with a message that names the file and the problem, before any
code that recurses or keeps the content sees it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kontoguide.files import messages as m
from kontoguide.files.regularfile import read_regular
from kontoguide.files.textcoding import NotUtf8, decode_utf8_text
from kontoguide.model.errors import CorruptFileError
from kontoguide.model.textsafe import printable

# A complete record with long answers everywhere is a few hundred kilobytes; an
# answers file or a record is never near this, a device or a mistake may be.
MAX_JSON_BYTES = 16 * 1024 * 1024
# The record is at most six levels deep (record › step › list › item › part);
# set-aside answers add a few. Anything deeper is not a record, and deep nesting
# would make the JSON parser, pydantic and copy.deepcopy recurse until they fail.
MAX_JSON_DEPTH = 32
# More digits than any answer needs, far below Python's own limit (4300), which
# would otherwise end in a ValueError wherever the number is converted.
MAX_INT_DIGITS = 30

# --- JSON ------------------------------------------------------------------------------

# Strings are skipped whole (a bracket inside one is text); the unrolled form keeps
# the regex engine linear on long strings.
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def _nesting_problem(text: str) -> int | None:
    """The line where nesting first exceeds MAX_JSON_DEPTH, found without recursing."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return text.count("\n", 0, match.start()) + 1
        elif token in "]}":
            depth -= 1
    return None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether containers in `data` nest more than `limit` deep, found without recursing."""
    # Level by level: every file read passes here, and a level is one list of containers.
    level = [data] if isinstance(data, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        below: list[Any] = []
        for node in level:
            children = node.values() if isinstance(node, dict) else node
            below.extend(child for child in children if isinstance(child, dict | list))
        level = below
    return False


def _too_deep(path: Path, text: str) -> CorruptFileError:
    line = _nesting_problem(text)
    if line is None:
        return CorruptFileError(path, m.F_NOT_JSON_GENERIC)
    return CorruptFileError(path, m.F_TOO_DEEP.format(line=line, limit=MAX_JSON_DEPTH))


class _Refused(Exception):
    """Raised from inside the JSON parser's hooks; carries the Swedish reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(m.F_NUMBER_TOO_LONG.format(start=text[:12], digits=len(text.lstrip("-"))))
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Refused(m.F_NUMBER_TOO_LARGE.format(number=text[:40]))
    return value


def _parse_constant(name: str) -> Any:
    # Python's parser accepts NaN and Infinity; JSON does not, nor do other tools.
    raise _Refused(m.F_NOT_A_NUMBER.format(name=name))


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        # The parser would keep only the last one: an answer lost without a word.
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(m.F_DUPLICATE_KEY.format(key=printable(key)))
            seen.add(key)
    return result


def _lone_surrogate_at(data: Any) -> str | None:
    """Where a text holds a lone surrogate (which UTF-8 cannot encode), if anywhere."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, str):
            if not _encodable(node):
                return where or m.F_WHOLE_FILE
        elif isinstance(node, dict):
            for key, value in node.items():
                inner = f"{where}.{key}" if where else key
                if not _encodable(key):
                    return printable(inner)
                stack.append((inner, value))
        elif isinstance(node, list):
            stack.extend((f"{where}[{index}]", value) for index, value in enumerate(node))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_json_object(path: Path, raw: bytes) -> dict[str, Any]:
    """The JSON object in `raw`, or a CorruptFileError naming `path` and the problem."""
    try:
        text = decode_utf8_text(raw)
    except NotUtf8 as wrong:
        raise CorruptFileError(path, wrong.message) from None
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as exc:
        raise CorruptFileError(path, m.F_NOT_JSON.format(line=exc.lineno, col=exc.colno)) from None
    except _Refused as refused:
        raise CorruptFileError(path, refused.message) from None
    except RecursionError:  # nested far too deep for the parser: find the line
        raise _too_deep(path, text) from None
    except ValueError:  # what the limits above should already have caught
        raise CorruptFileError(path, m.F_NOT_JSON_GENERIC) from None
    # The parser's C code nests safely; the depth is checked on what it built (a walk
    # over the containers only), and the text is scanned for the line only when too deep.
    # Scanning every file's text first cost more than parsing it.
    if _deeper_than(data, MAX_JSON_DEPTH):
        raise _too_deep(path, text)
    if not isinstance(data, dict):
        raise CorruptFileError(path, m.F_NOT_OBJECT)
    # Strict UTF-8 decoding leaves no surrogates: only a \uD800–\uDFFF escape can make
    # one, so the walk over the whole document is needed only when such an escape is there.
    where = _lone_surrogate_at(data) if _SURROGATE_ESCAPE.search(text) else None
    if where is not None:
        raise CorruptFileError(path, m.F_LONE_SURROGATE.format(where=where))
    return data


def read_json_object(path: Path, *, follow_symlinks: bool = True) -> dict[str, Any]:
    """A JSON object from a regular file, bounded in size, depth and number length."""
    data = read_regular(path, MAX_JSON_BYTES, follow_symlinks=follow_symlinks)
    return parse_json_object(path, data)
