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
    """The bytes are not UTF-8 text; `message` says why in Swedish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotUtf8(m.F_NOT_UTF8) from None
