"""The Word modules' own XML escaping gives what xml.sax.saxutils gives (issue 23)."""

from __future__ import annotations

from xml.sax.saxutils import escape as sax_escape
from xml.sax.saxutils import quoteattr as sax_quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kontoguide.documents.xml_text import escape, quoteattr

# The characters the escaping treats specially, often, among any others.
_TEXT = st.text(alphabet=st.sampled_from("&<>\"'\n\r\tå é") | st.characters(), max_size=40)


@given(_TEXT)
def test_the_same_as_saxutils(text: str) -> None:
    assert escape(text) == sax_escape(text)
    assert escape(text, quote=True) == sax_escape(text, {'"': "&quot;"})
    assert quoteattr(text) == sax_quoteattr(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a & b", '"a &amp; b"'),
        ('sa "ja"', "'sa \"ja\"'"),
        ("""både ' och "" """, '"både \' och &quot;&quot; "'),
        ("rad\nrad\t<x>", '"rad&#10;rad&#9;&lt;x&gt;"'),
    ],
)
def test_attribute_examples(text: str, expected: str) -> None:
    assert quoteattr(text) == expected
