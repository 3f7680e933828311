"""A variant is input from someone else (issue 20): what it may not do to kontoguide.

A pattern that backtracks without end, a question id that is a name the record model
uses itself, a 4,300-digit integer, control characters in its texts: each refused by
`checklist check` with a message naming the file, never a hang or a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli_support import clean_env
from kontoguide.checklist.patterns import BadPattern, matcher
from kontoguide.cli.app import app
from variant_support import VARIANT_ANSWERS as EXAMPLE_ANSWERS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kulturforvaltningen.toml"
EXAMPLE_BASE = ROOT / "examples" / "kulturforvaltningen-mall.docx"
CONTROL = st.sampled_from(["\x1b", "\x07", "\x00", "\x9b", "\x7f", "\x1b]0;x\x07"])


def variant(tmp_path: Path, checklist_id: str, *changes: tuple[str, str]) -> Path:
    text = EXAMPLE.read_text("utf-8").replace(
        'id = "kulturforvaltningen"', f'id = "{checklist_id}"'
    )
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / f"{checklist_id}.toml"
    path.write_text(text, "utf-8")
    if not (tmp_path / EXAMPLE_BASE.name).exists():
        (tmp_path / EXAMPLE_BASE.name).write_bytes(EXAMPLE_BASE.read_bytes())
    return path


def check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def test_a_pattern_that_would_backtrack_answers_at_once(home: Path, tmp_path: Path) -> None:
    # `([A-Za-zåäö]+ ?)+` took minutes with Python's re for one answer; run in a child
    # process with a time-out so the old code fails instead of hanging the suite.
    path = variant(
        tmp_path,
        "monster",
        ('pattern = "https://\\\\S+"', 'pattern = "([A-Za-zåäö]+ ?)+"'),
    )
    assert check(path)[0] == 0
    answers = json.loads(EXAMPLE_ANSWERS.read_text("utf-8"))
    answers["checklist_id"] = "monster"
    answers["extra"]["evenemang"][0]["bokningslank"] = "a" * 60 + "!"
    answers_path = tmp_path / "svar.json"
    answers_path.write_text(json.dumps(answers, ensure_ascii=False), "utf-8")
    done = subprocess.run(
        [
            *(sys.executable, "-m", "kontoguide", "start", "--checklist", str(path)),
            *("--answers", str(answers_path), "--no-input"),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=clean_env(home),
        check=False,
    )
    said = " ".join((done.stdout + done.stderr).split())
    assert "Traceback" not in said
    assert "Skriv en webbadress" in said  # refused with the variant's own message, at once


@pytest.mark.parametrize(
    ("pattern", "said"),
    [(r"(a)\1", "bakåtreferens"), (r"(?=a)a", "lookaround"), (r"(", "reguljärt uttryck")],
)
def test_a_pattern_the_linear_engine_cannot_run_is_refused_in_swedish(
    pattern: str, said: str
) -> None:
    with pytest.raises(BadPattern) as refused:
        matcher(pattern)
    assert said in str(refused.value)


@pytest.mark.parametrize(
    ("pattern", "answer", "matches"),
    [
        (r"https://\S+", "https://stockholm.se", True),
        (r"https://\S+", "http://x", False),
        (r"KUF \d{4}/\d+", "KUF 2026/12", True),
        (r"KUF \d{4}/\d+", "KUF 2026/12\n", False),  # the whole answer, no trailing line
        (r"ja|nej", "jaha", False),  # both ends anchored around the whole alternation
    ],
)
def test_a_pattern_matches_the_whole_answer(pattern: str, answer: str, matches: bool) -> None:
    assert matcher(pattern)(answer) is matches


@pytest.mark.parametrize("name", ["model_config", "model_fields", "schema", "json", "copy"])
def test_a_question_id_the_record_model_uses_itself_is_refused(
    home: Path, tmp_path: Path, name: str
) -> None:
    path = variant(
        tmp_path,
        "namn",
        ('id = "publiker"', f'id = "{name}"'),  # the question and the condition naming it
    )
    code, said = check(path)
    assert code == 1
    assert str(path) in said or path.name in said
    assert name in said and "egen_" in said
    started = CliRunner().invoke(
        app, ["start", "--checklist", str(path), "--answers", str(EXAMPLE_ANSWERS), "--no-input"]
    )
    assert started.exit_code == 2
    assert "Traceback" not in started.output


def test_an_integer_of_thousands_of_digits_is_refused(tmp_path: Path) -> None:
    path = variant(tmp_path, "stor", ("min_words = 10", "min_words = 1" + "0" * 4400))
    code, said = check(path)
    assert code == 1
    assert "4 300 siffror" in said


@settings(max_examples=20, derandomize=True, database=None, deadline=None)
@given(control=CONTROL, where=st.sampled_from(["title", "label", "hint"]))
def test_control_characters_in_any_text_of_a_variant_are_refused(
    tmp_path_factory: pytest.TempPathFactory, control: str, where: str
) -> None:
    tmp_path = tmp_path_factory.mktemp("styr")
    escaped = "".join(f"\\u{ord(ch):04x}" for ch in control)
    old = {
        "title": 'title = "Exempel: kulturförvaltningens',
        "label": 'label = "',
        "hint": 'hint = "',
    }[where]
    path = variant(tmp_path, "styr", (old, old + f"Text {escaped} "))
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    assert result.exit_code == 1
    assert "styrtecken" in result.output
    assert control not in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


@pytest.mark.parametrize("name", ["con", "nul", "com1", "lpt9", "aux", "prn"])
def test_a_checklist_id_windows_keeps_for_a_device_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    made = CliRunner().invoke(app, ["checklist", "new", name])
    assert made.exit_code == 2
    assert "Windows" in made.output and f"{name}-variant" in " ".join(made.output.split())
    assert not (tmp_path / f"{name}.toml").exists()
    path = variant(tmp_path, name)
    code, said = check(path)
    assert code == 1 and "Windows" in said
