"""Text files as Windows programs save them: UTF-8 with or without a BOM, never UTF-16.

Notepad saves "UTF-8 med BOM" by default in some versions, and Windows
PowerShell 5.1's `>` and `Out-File` write UTF-16 LE with a BOM. A BOM is not
part of the text and is dropped; UTF-16 (or UTF-32) is recognised and refused
with a message that says how to save the file as UTF-8, instead of a parser's
complaint about line 1, column 1.
"""

from __future__ import annotations

import codecs

from kontoguide.files import messages as m

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class NotUtf8(ValueError):
    """The bytes are not UTF-8 text; `message` says why in Swedish, `line` where."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def looks_like_utf16(raw: bytes) -> bool:
    """A UTF-16/32 BOM, or (without one) NUL bytes between ASCII letters at the start."""
    if raw.startswith(_WIDE_BOMS):
        return True
    head = raw[:64]
    # A text file in UTF-8 has no NUL bytes; ASCII text in UTF-16 has one after every letter.
    return len(head) >= 4 and head.count(0) * 3 >= len(head)


def decode_utf8_text(raw: bytes) -> str:
    """The text in `raw` without a leading UTF-8 BOM, or NotUtf8 with the reason."""
    if looks_like_utf16(raw):
        raise NotUtf8(m.F_UTF16)
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _place(body, exc.start)
        # The byte itself, as a person can look it up, never the code point Python
        # keeps it as (U+DCF6 for 0xF6).
        byte = f"0x{body[exc.start]:02X}"
        raise NotUtf8(m.F_NOT_UTF8.format(byte=byte, line=line, col=column), line) from None


def _place(body: bytes, offset: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of the byte at `offset`."""
    start = body.rfind(b"\n", 0, offset) + 1
    before = body[start:offset].decode("utf-8", errors="replace")
    return body.count(b"\n", 0, offset) + 1, len(before) + 1
