"""Text escaped for the XML the Word modules write by hand, as xml.sax.saxutils does.

Not imported from xml.sax.saxutils: that module imports urllib.request, and with it
http.client, ssl and the e-mail parser, a tenth of an export that needs none of them
(issue 23). The results are the same, character for character (tests/test_xml_text.py).
"""

from __future__ import annotations

_ATTRIBUTE_SPACE = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def escape(text: str, *, quote: bool = False) -> str:
    """`text` with &, < and > escaped (and `quote`: the double quote as well)."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    return text.replace('"', "&quot;") if quote else text


def quoteattr(text: str) -> str:
    """`text` as an attribute value, quotes included, as saxutils.quoteattr gives it."""
    text = escape(text)
    for char, entity in _ATTRIBUTE_SPACE.items():
        text = text.replace(char, entity)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))
