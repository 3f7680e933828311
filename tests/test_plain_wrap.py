"""Plain mode at a terminal: lines broken at spaces, not inside a word (issue 21)."""

from __future__ import annotations

import io

from kontoguide.terminal.plain_wrap import width_of, wrapped


def test_a_long_line_is_broken_at_spaces_and_an_option_goes_on_under_its_text() -> None:
    text = "10. " + " ".join(["personuppgifter"] * 8)
    lines = wrapped(text + "\nKort rad.", 40).split("\n")
    assert all(len(line) <= 40 for line in lines)
    assert all(word == "personuppgifter" for line in lines[:-1] for word in line.split()[1:])
    assert lines[1].startswith("    personuppgifter")
    assert lines[-1] == "Kort rad."


def test_a_word_longer_than_the_line_stays_whole_and_no_width_changes_nothing() -> None:
    address = "https://intranat.stockholm.se/" + "a" * 60
    assert wrapped(f"Se {address} nu.", 40).split("\n") == ["Se", address, "nu."]
    assert wrapped("Svar: ", 40) == "Svar: "
    assert wrapped("x " * 50, None) == "x " * 50


def test_a_pipe_or_a_file_has_no_width() -> None:
    assert width_of(io.StringIO()) is None
