"""Text from files and users made safe for where it goes: XML and the terminal.

`printable`: a value from a file or the command line, fit to print in a
message. Control characters (an escape sequence, a NUL) are shown escaped,
never sent to the terminal, and a very long value is cut.

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


def printable(text: object, limit: int | None = 80) -> str:
    """`text` with control characters escaped and, past `limit` characters, cut."""
    raw = text if isinstance(text, str) else repr(text)
    cut = raw if limit is None or len(raw) <= limit else raw[:limit] + "…"
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in cut)
