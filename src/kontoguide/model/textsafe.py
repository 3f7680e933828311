"""Text from files and users made safe for where it goes: XML and the terminal.

`printable`: a value from a file or the command line, fit to print in a
message or to write into a report. Control characters (an escape sequence, a
NUL) are shown escaped, never sent to the terminal, and a very long value is
cut. A byte that was not UTF-8 (a file name from another system: Python keeps
it as a lone surrogate, U+DC80 to U+DCFF) is shown as the byte it was, `\xf6`,
as `shown_char` names it in a validation message: the same byte reads the same
everywhere, and the result can always be written as UTF-8.

`xml_safe`: the renderers' last line of defence against text XML cannot hold.

The record model already refuses control characters (fieldtypes.find_forbidden_char),
but a renderer must never crash on a record built some other way (model_construct,
an older file, a future field): a .docx with such a character cannot be written by
lxml, and Word would show a repair prompt for it. Forbidden characters become
U+FFFD, the Unicode replacement character, so the reader sees that something was
there instead of losing it silently.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# XML 1.0 "Char": tab, newline, carriage return, U+0020..U+D7FF, U+E000..U+FFFD and
# the supplementary planes. C1 controls (U+007F..U+009F) are legal XML but Word
# treats several as broken text, so they go too; lone surrogates cannot be encoded.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with unified line endings and every XML-forbidden character replaced."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub(REPLACEMENT, unified)


def _escaped_byte(ch: str) -> int | None:
    # How Python's "surrogateescape" keeps a byte that is not UTF-8 (PEP 383).
    code = ord(ch)
    return code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else None


def is_escaped_byte(ch: str) -> bool:
    """Whether `ch` stands for a byte that was not UTF-8 (a file name, a pipe)."""
    return _escaped_byte(ch) is not None


def shown_char(ch: str) -> str:
    """One character named for a person: `\xf6` for a byte that was not UTF-8, else U+XXXX."""
    byte = _escaped_byte(ch)
    return f"\\x{byte:02x}" if byte is not None else f"U+{ord(ch):04X}"


def _printable_char(ch: str) -> str:
    if ch.isprintable():
        return ch
    byte = _escaped_byte(ch)
    return f"\\x{byte:02x}" if byte is not None else ascii(ch)[1:-1]


def printable(text: object, limit: int | None = 80) -> str:
    """`text` with control characters escaped and, past `limit` characters, cut."""
    raw = text if isinstance(text, str) else repr(text)
    cut = raw if limit is None or len(raw) <= limit else raw[:limit] + "…"
    return "".join(_printable_char(ch) for ch in cut)


# What a terminal acts on: C0 and C1 controls, but tab, newline and the CR of a CRLF;
# and what cannot be written as UTF-8 at all (lone surrogates, bytes of a file name).
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\r(?!\n)")


def terminal_safe(text: str) -> str:
    """Text of many lines (lines and tabs kept) fit for a terminal, as `printable` shows it.

    A CSV, Markdown or HTML file written to the screen instead of to a file must
    not clear the screen or set the window's title with what a record held, and a
    message must not, with a file name it quotes.
    """
    return _TERMINAL_UNSAFE.sub(lambda found: _printable_char(found.group()), text)
