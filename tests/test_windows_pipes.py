"""Piped input and redirected output on Windows (issue 22), simulated with a code page.

Windows decodes a pipe with the ANSI code page (cp1252 here, through
PYTHONIOENCODING), and Notepad or PowerShell may put a UTF-8 BOM first. kontoguide
reads piped input as UTF-8 with an optional BOM and writes redirected output as UTF-8.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import clean_env
from kontoguide.checklist.parts import Checklist
from plain_support import SAVE_READY, plain_lines
from scenario import ANSWERS


def piped_bytes(
    args: list[str], data: bytes, home: Path, cwd: Path
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kontoguide", *args],
        input=data,
        env=clean_env(home, {"PYTHONIOENCODING": "cp1252"}),
        cwd=cwd,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_piped_answers_in_utf8_are_read_as_utf8_with_or_without_a_bom(
    checklist: Checklist, home: Path, tmp_path: Path, bom: bytes
) -> None:
    typed = [line for _, lines in plain_lines(checklist, ANSWERS) for line in lines]
    text = "".join(line + "\n" for line in ["j", *typed, SAVE_READY, "n"])
    done = piped_bytes(["start", "--enkel"], bom + text.encode("utf-8"), home, tmp_path)
    assert done.returncode == 0, done.stdout.decode("utf-8", "replace")[-2000:]
    (path,) = (home / "records").glob("*.json")
    record = json.loads(path.read_text("utf-8"))
    assert record["status"] == "ready"
    assert record["organisation"]["name"] == ANSWERS["organisation.name"]  # "ö" whole
    assert record["organisation"]["kind"] == "forvaltning"  # the BOM was no answer
    assert record["step4"]["team"][1]["name"] == "Sara Holm"
    # What was printed is UTF-8 too: the Swedish letters arrive whole.
    printed = done.stdout.decode("utf-8")
    assert "Fråga" in printed


def test_redirected_output_is_utf8_whatever_the_code_page(home: Path, tmp_path: Path) -> None:
    done = piped_bytes(["--help"], b"", home, tmp_path)
    assert done.returncode == 0
    assert "å".encode() in done.stdout or "ä".encode() in done.stdout
    done.stdout.decode("utf-8")  # never cp1252 bytes
