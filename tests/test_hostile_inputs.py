"""Generated hostile answers files and damaged drafts, run through every command.

From the two examples, hypothesis makes files with a wrong type at some path,
huge and tiny numbers, extreme dates, deep nesting, lone surrogates and control
characters, duplicate and unknown keys. For each, every command that reads such
a file must end with an exit code in {0, 1, 2} and no traceback, within a
generous bound (a hang guard, not a speed test), and a file the program could
not use is left exactly as it was.

The default size fits CI; KONTOGUIDE_ROBUST_EXAMPLES=500 makes a long run.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from kontoguide.model.errors import ExitCode, KontoguideError
from kontoguide.store.storage import Store
from kontoguide.terminal import interactive
from kontoguide.terminal.prompts import QuestionaryAsker
from kontoguide.terminal.views import RichScreen

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    json.loads((ROOT / "examples" / name).read_text(encoding="utf-8"))
    for name in ("komplett.json", "med-fel.json")
]
# The default run is the same every time (a fixed seed, bounded sizes, no example
# database), so its time is predictable; KONTOGUIDE_ROBUST_EXAMPLES makes a long,
# random run with the largest documents too.
LONG_RUN = "KONTOGUIDE_ROBUST_EXAMPLES" in os.environ
EXAMPLES_COUNT = int(os.environ.get("KONTOGUIDE_ROBUST_EXAMPLES", "30"))
# Far above any real run (a few hundred milliseconds): only a hang or a runaway fails it.
BOUND_SECONDS = 60.0
ALLOWED = {ExitCode.OK, ExitCode.INVALID_DATA, ExitCode.USAGE}

hostile_settings = settings(
    max_examples=EXAMPLES_COUNT,
    deadline=None,
    derandomize=not LONG_RUN,
    database=None if not LONG_RUN else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- what can be put where --------------------------------------------------------------

EXTREME = [
    None,
    True,
    0,
    -1,
    2**63,
    10**29,
    -(10**29),
    1e308,
    -1e308,
    5e-324,
    -0.0,
    "",
    " ",
    "\x00",
    "\x1b[31m",
    "a\u2028b",
    "\ufffe",
    "\ud800",
    "a\udfffb",
    "😀" * 300,
    "x" * 20_000,
    "\r\n\t",
    "0001-01-01",
    "9999-12-31",
    "0000-00-00",
    "2026-02-30",
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
    "2026-01-01T10:00:00",
    "1,500",
    "−5",
    "instagram",
    [],
    ["instagram"],
    [None, {}, []],
    {},
    {"value": "instagram"},
    {"a": {"b": {"c": [1, 2, 3]}}},
]

values = st.one_of(
    # A fresh copy each time: the shared lists and dicts above would otherwise be
    # changed by one example and seen by the next, or put inside themselves (a cycle
    # that made all_paths recurse without end and Hypothesis call the strategy flaky).
    st.sampled_from(EXTREME).map(copy.deepcopy),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=60),
    st.lists(st.text(max_size=10), max_size=4),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
)


def all_paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from all_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from all_paths(value, (*prefix, index))


def put(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


@st.composite
def hostile_text(draw: st.DrawFn, base: dict[str, Any]) -> str:
    """A JSON text made from `base` with one or more hostile changes."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = list(all_paths(data))[1:]  # never the whole document itself
        path = draw(st.sampled_from(paths))
        change = draw(st.sampled_from(["value", "value", "value", "unknown", "delete"]))
        if change == "value":
            put(data, path, draw(values))
        elif change == "unknown":
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, dict):
                parent[draw(st.text(min_size=1, max_size=12))] = draw(values)
        else:
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif isinstance(parent, list) and parent:
                parent.pop(path[-1] if isinstance(path[-1], int) else 0)
    text = json.dumps(data, ensure_ascii=True)  # keeps lone surrogates as \\ud800
    structure = draw(st.sampled_from(["none", "none", "deep", "duplicate", "many-keys"]))
    if structure == "deep":
        depth = draw(st.sampled_from([40, 300, 5000] if LONG_RUN else [40, 300]))
        text = text.replace(
            '"account_name":', '"account_name": ' + "[" * depth + "]" * depth + ', "x":', 1
        )
    elif structure == "duplicate":
        text = text.replace("{", '{"account_name": "kopia", ', 1)
    elif structure == "many-keys":
        extra = ", ".join(
            f'"okänd{n}": {n}'
            for n in range(draw(st.sampled_from([50, 5000] if LONG_RUN else [50, 500])))
        )
        text = text.replace("{", "{" + extra + ", ", 1)
    return text


# --- running commands in-process --------------------------------------------------------


@contextlib.contextmanager
def private_home() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        previous = os.environ.get("KONTOGUIDE_HOME")
        os.environ["KONTOGUIDE_HOME"] = folder
        try:
            yield Path(folder)
        finally:
            if previous is None:
                del os.environ["KONTOGUIDE_HOME"]
            else:
                os.environ["KONTOGUIDE_HOME"] = previous


def invoke(*args: str, cwd: Path) -> tuple[int, str, str]:
    """`kontoguide ARGS` in this process: exit code, stdout, stderr; any traceback fails."""
    from kontoguide.cli import app as cli

    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    old_argv, old_cwd = sys.argv, Path.cwd()
    sys.argv = ["kontoguide", *args]
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main()
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
    elapsed = time.monotonic() - started
    assert elapsed < BOUND_SECONDS, f"kontoguide {' '.join(args)} took {elapsed:.0f} s"
    assert code in ALLOWED, (args, code, err.getvalue())
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def resume_interrupted(home: Path, draft_id: str) -> int:
    """Interactive resume with the real prompts, Ctrl-C at the first question."""
    screen = RichScreen(Console(file=io.StringIO(), width=80, no_color=True))
    with create_pipe_input() as pipe:
        pipe.send_text("\x03")
        asker = QuestionaryAsker(input=pipe, output=DummyOutput())
        try:
            return interactive.resume(Store(home / "records"), draft_id, asker=asker, screen=screen)
        except KontoguideError as refused:
            return int(refused.exit_code)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


# --- the properties ---------------------------------------------------------------------


@pytest.mark.parametrize("example", [0, 1], ids=["komplett", "med-fel"])
@hostile_settings
@given(data=st.data())
def test_a_hostile_answers_file_never_crashes_any_command(
    example: int, data: st.DataObject
) -> None:
    text = data.draw(hostile_text(EXAMPLES[example]))
    with private_home() as home:
        answers = home / "svar.json"
        answers.write_text(text, encoding="utf-8")
        before = answers.read_bytes()

        invoke("validate", str(answers), cwd=home)
        code, _, _ = invoke("start", "--answers", str(answers), "--no-input", cwd=home)
        assert answers.read_bytes() == before
        records = home / "records"
        saved = sorted(records.glob("*.json")) if records.is_dir() else []
        if code == ExitCode.USAGE or not saved:
            return
        draft_id = saved[0].stem
        stored = snapshot(records)
        invoke("list", cwd=home)
        invoke("validate", str(saved[0]), cwd=home)
        for fmt in ("docx", "md", "json"):
            invoke("export", draft_id, "--format", fmt, "--force", cwd=home)
        assert snapshot(records) == stored  # read-only commands write no draft
        assert resume_interrupted(home, draft_id) in ALLOWED | {ExitCode.INTERRUPTED}


@pytest.fixture(scope="module")
def stored_drafts() -> list[dict[str, Any]]:
    """Each example saved as a draft once; the damaged drafts start from these."""
    from kontoguide.checklist.loading import load_checklist
    from kontoguide.store import drafts

    out = []
    with private_home() as home:
        for example in EXAMPLES:
            answers = home / "svar.json"
            answers.write_text(json.dumps(example), encoding="utf-8")
            record, _ = drafts.from_answers(answers, load_checklist(), Store(home / "records"))
            out.append(record.model_dump(mode="json"))
    return out


@pytest.mark.parametrize("example", [0, 1], ids=["komplett", "med-fel"])
@hostile_settings
@given(data=st.data())
def test_a_damaged_draft_never_crashes_and_is_never_overwritten_unread(
    example: int, data: st.DataObject, stored_drafts: list[dict[str, Any]]
) -> None:
    draft = stored_drafts[example]
    text = data.draw(hostile_text(draft))
    with private_home() as home:
        records = home / "records"
        records.mkdir()
        path = records / f"{draft['id']}.json"
        path.write_text(text, encoding="utf-8")
        before = path.read_bytes()

        list_code, _, _ = invoke("list", cwd=home)
        invoke("validate", str(path), cwd=home)
        for fmt in ("docx", "md"):
            invoke("export", draft["id"], "--format", fmt, "--force", cwd=home)
        assert path.read_bytes() == before  # read-only commands never write
        code = resume_interrupted(home, draft["id"])
        assert code in ALLOWED | {ExitCode.INTERRUPTED}
        if list_code != ExitCode.OK:  # the store could not use it: it stays as it was
            assert path.read_bytes() == before


# --- plain mode: the end of the input in a line with bytes that are not UTF-8 -----------

# A byte that is not UTF-8 as a terminal's input keeps it (surrogateescape, cli.app).
_ESCAPED_BYTES = st.integers(min_value=0x80, max_value=0xFF).map(lambda b: chr(0xDC00 + b))
_TYPED = st.lists(
    st.one_of(st.text(alphabet="abcåäö ,.-", min_size=1, max_size=8), _ESCAPED_BYTES),
    min_size=1,
    max_size=8,
).map("".join)


@hostile_settings
@given(typed=_TYPED)
def test_the_end_of_plain_input_mid_line_keeps_the_typed_text(typed: str) -> None:
    from kontoguide.checklist.loading import load_checklist
    from kontoguide.model.textsafe import xml_safe
    from kontoguide.terminal.plain_asker import PlainAsker
    from kontoguide.terminal.plain_screen import PlainScreen

    with private_home() as home:
        out = io.StringIO()
        # The notice confirmed, the kind of organisation chosen, then its name typed
        # without Enter before the input ends (Ctrl-D twice in a terminal).
        asker = PlainAsker(io.StringIO("j\n1\n" + typed), out)
        code = interactive.start(
            load_checklist(), Store(home / "records"), asker=asker, screen=PlainScreen(out)
        )
        assert code == ExitCode.INTERRUPTED
        (saved,) = (home / "records").glob("*.json")
        record = json.loads(saved.read_text(encoding="utf-8"))
        if typed.strip():
            assert record["typed"] == {"organisation.name": xml_safe(typed)}


# --- a byte that is not UTF-8 in a file: named as the byte, with its place -------------


@hostile_settings
@given(data=st.data())
def test_a_byte_that_is_not_utf8_is_named_with_its_line_and_column(data: st.DataObject) -> None:
    from kontoguide.cli.messages import F_NOT_UTF8

    text = json.dumps(EXAMPLES[0], ensure_ascii=False, indent=2)
    at = data.draw(st.integers(min_value=0, max_value=len(text)), label="at")
    byte = data.draw(st.integers(min_value=0x80, max_value=0xFF), label="byte")
    bom = data.draw(st.booleans(), label="bom")
    before = text[:at]
    raw = (b"\xef\xbb\xbf" if bom else b"") + before.encode() + bytes([byte]) + text[at:].encode()
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    expected = F_NOT_UTF8.format(byte=f"0x{byte:02X}", line=line, col=column)
    with private_home() as home:
        answers = home / "svar.json"
        answers.write_bytes(raw)
        started = ("start", "--answers", str(answers), "--no-input")
        for args in (("validate", str(answers)), started):
            code, out, err = invoke(*args, cwd=home)
            assert code == ExitCode.INVALID_DATA
            said = " ".join((out + err).split())
            assert " ".join(expected.split()) in said
            assert f"byten 0x{byte:02X} på rad {line}, kolumn {column}" in said
            assert "U+DC" not in said
        assert answers.read_bytes() == raw
