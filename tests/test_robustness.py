"""Files, streams and processes that are not what the program hopes for.

Each test stands for a class of fault from the reliability review: a file that
is not a regular file, a record that names another file, output that ends
early, a process killed at the wrong moment. The generated hostile inputs are
in test_hostile_inputs.py.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_support import clean_env, run_kontoguide
from kontoguide.cli import messages as m
from kontoguide.files.inputfile import (
    MAX_INT_DIGITS,
    MAX_JSON_DEPTH,
    parse_json_object,
    read_json_object,
)
from kontoguide.files.regularfile import read_regular
from kontoguide.model.errors import CorruptFileError, ExitCode, UnreadableError
from kontoguide.store import drafts
from kontoguide.store.storage import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and signals")


def _saved_example(home: Path, name: str = "komplett.json") -> str:
    result = run_kontoguide("start", "--answers", str(EXAMPLES / name), "--no-input", home=home)
    assert result.returncode in (ExitCode.OK, ExitCode.INVALID_DATA), result.stderr
    (found,) = [p for p in (home / "records").glob("*.json")]
    return found.stem


# --- 1. a record file read, locked and written under one name --------------------------


def test_a_copied_draft_is_refused_and_the_original_is_never_written(home: Path) -> None:
    original = _saved_example(home)
    records = home / "records"
    before = (records / f"{original}.json").read_bytes()
    shutil.copy(records / f"{original}.json", records / "kopia234.json")

    for args in (["export", "kopia234", "-o", str(home / "ut.json")], ["resume", "kopia234"]):
        result = run_kontoguide(*args, home=home)
        assert result.returncode != ExitCode.OK
        assert "Traceback" not in result.stderr
    with pytest.raises(CorruptFileError, match=r"kopia234\.json men innehåller utkastet"):
        Store(records).read("kopia234")

    listed = run_kontoguide("list", home=home)
    assert listed.returncode == ExitCode.INVALID_DATA
    assert original in listed.stdout
    assert "kopia234.json" in listed.stderr
    assert "kontoguide start --answers" in listed.stderr
    assert (records / f"{original}.json").read_bytes() == before


# --- 2. export never replaces what is not a regular file --------------------------------


@posix_only
def test_export_force_refuses_a_fifo_and_a_link(home: Path, tmp_path: Path) -> None:
    draft = _saved_example(home)
    fifo = tmp_path / "rör.docx"
    os.mkfifo(fifo)
    kept = tmp_path / "annan.docx"
    kept.write_bytes(b"untouched")
    link = tmp_path / "länk.docx"
    link.symlink_to(kept)
    for target in (fifo, link):
        result = run_kontoguide("export", draft, "-o", str(target), "--force", home=home)
        assert result.returncode == ExitCode.USAGE, result.stderr
        assert "inte en vanlig fil" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert link.is_symlink()
    assert kept.read_bytes() == b"untouched"


def test_export_into_the_drafts_folder_is_refused(home: Path) -> None:
    draft = _saved_example(home)
    path = home / "records" / f"{draft}.json"
    before = path.read_bytes()
    mode = path.stat().st_mode
    result = run_kontoguide("export", draft, "-o", str(path), "--force", home=home)
    assert result.returncode == ExitCode.USAGE
    assert "kontoguides egen mapp" in result.stderr
    assert path.read_bytes() == before
    assert path.stat().st_mode == mode


@posix_only
def test_an_export_is_owner_only_until_it_has_its_name(tmp_path: Path) -> None:
    from kontoguide.files import atomicfile

    seen: list[int] = []
    real_replace = Path.replace

    def watching(self: Path, target: Any) -> Path:
        seen.append(stat.S_IMODE(self.stat().st_mode))
        return real_replace(self, target)

    target = tmp_path / "dokument.docx"
    pytest.MonkeyPatch().setattr(Path, "replace", watching)
    try:
        atomicfile.write_bytes(target, b"x", private=False)
    finally:
        pytest.MonkeyPatch().undo()
        Path.replace = real_replace  # type: ignore[method-assign]
    assert seen == [0o600]
    umask = os.umask(0)
    os.umask(umask)
    assert (
        stat.S_IMODE(target.stat().st_mode) == 0o640 & ~umask
    )  # issue 20: never readable by everyone


# --- 5. an exported draft started again keeps what was set aside ------------------------


def test_reimporting_an_exported_draft_keeps_its_set_aside_answers(
    home: Path, tmp_path: Path
) -> None:
    draft = _saved_example(home, "med-fel.json")
    exported = tmp_path / "utkast.json"
    assert run_kontoguide("export", draft, "-o", str(exported), home=home).returncode == 0
    set_aside = json.loads(exported.read_text(encoding="utf-8"))["set_aside"]
    assert set_aside

    result = run_kontoguide("start", "--answers", str(exported), "--no-input", home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert m.CLI_SET_ASIDE_KEPT.format(count=len(set_aside)).split(" svar")[0] in result.stdout
    new_id = result.stdout.split("Sparad med id ", 1)[1].split(".", 1)[0]
    again = json.loads((home / "records" / f"{new_id}.json").read_text(encoding="utf-8"))
    assert again["set_aside"] == set_aside
    assert again["status"] == "draft"


# --- 6. what a killed process leaves behind ---------------------------------------------


def test_stale_temp_and_lock_files_are_swept_on_the_next_start(home: Path) -> None:
    draft = _saved_example(home)
    records = home / "records"
    stale = records / f".{draft}.json.abc123.tmp"
    stale.write_text("{persondata}", encoding="utf-8")
    orphan_lock = records / "nnnnnnnn.json.lock"
    orphan_lock.write_text("", encoding="utf-8")
    foreign = records / "anteckning.txt"
    foreign.write_text("min egen fil", encoding="utf-8")

    run_kontoguide("start", "--answers", str(EXAMPLES / "komplett.json"), "--no-input", home=home)

    assert not stale.exists()
    assert not orphan_lock.exists()
    assert foreign.exists()
    assert (records / f"{draft}.json").exists()


def test_a_temp_file_of_a_draft_open_elsewhere_is_left_alone(home: Path) -> None:
    store = Store(home / "records")
    draft = _saved_example(home)
    in_progress = store.folder / f".{draft}.json.busy.tmp"
    in_progress.write_text("{}", encoding="utf-8")
    with store.lock(draft):
        Store(home / "records").sweep()
        assert in_progress.exists()
    store.sweep()
    assert not in_progress.exists()


@posix_only
def test_killed_while_saving_leaves_valid_drafts_and_no_temp_files(home: Path) -> None:
    """A large draft saved again and again while the process is killed at random moments:
    every record file is a valid draft afterwards, and the next start leaves no temp file.
    KONTOGUIDE_ROBUST_RUNS sets the number of kills."""
    import random

    runs = int(os.environ.get("KONTOGUIDE_ROBUST_RUNS", "15"))
    draft = _saved_example(home)
    saver = (
        "import sys\n"
        "from kontoguide.store import drafts\n"
        "from kontoguide.store.storage import Store\n"
        "store = Store()\n"
        "loaded = drafts.load(store, sys.argv[1])\n"
        "record = loaded.record.model_copy(update={'set_aside': {'ballast': 'x' * 3_000_000}})\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    store.save(drafts.touch(record))\n"
    )
    for _ in range(runs):
        process = subprocess.Popen(
            [sys.executable, "-c", saver, draft],
            env=clean_env(home),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(random.uniform(0.0, 0.3))
        process.kill()
        process.wait(timeout=30)
        for path in (home / "records").glob("*.json"):
            drafts.load(Store(home / "records"), path.stem)  # raises if damaged

    Store(home / "records").sweep()
    assert list((home / "records").glob("*.tmp")) == []


# --- 9. one damaged file never hides the others -----------------------------------------


@posix_only
def test_a_dangling_link_in_the_drafts_folder_is_reported_and_the_rest_listed(
    home: Path,
) -> None:
    draft = _saved_example(home)
    (home / "records" / "trasig2.json").symlink_to(home / "finns-inte.json")
    result = run_kontoguide("list", home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert draft in result.stdout
    assert "trasig2.json" in result.stderr


# --- 11–13, 17: a file that is not a record ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"step2": {"goals": [{"target": ' + "9" * 5000 + "}]}}", "5000 siffror"),
        ('{"a": ' + "1" * (MAX_INT_DIGITS + 1) + "}", f"{MAX_INT_DIGITS + 1} siffror"),
        ('{"a": 1e999}', "för stort"),
        ('{"a": NaN}', "NaN"),
        ('{"a": -Infinity}', "Infinity"),
        ("[" * 600 + "]" * 600, "för många nivåer"),
        ('{"a": ' + "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1) + "}", "nivåer"),
        ('{"account_name": "x\\ud800y"}', "account_name"),
        ('{"\\udfff": 1}', "surrogat"),
        ('{"account_name": "a", "account_name": "b"}', "”account_name” står två gånger"),
        ("[1, 2]", "JSON-objekt"),
        # A lone number or word: the depth check once tried to walk into it (a traceback).
        ("5", "JSON-objekt"),
        ("-1.5", "JSON-objekt"),
        ("true", "JSON-objekt"),
        ("null", "JSON-objekt"),
        ('"text"', "JSON-objekt"),
        ("\xff", "UTF-8"),
    ],
)
def test_a_hostile_json_file_is_refused_with_the_reason(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "svar.json"
    path.write_bytes(content.encode("utf-8", "surrogatepass") if content != "\xff" else b"\xff")
    with pytest.raises(CorruptFileError) as caught:
        read_json_object(path)
    assert expected in caught.value.message
    assert str(path) in caught.value.message


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(_JSON)
def test_any_json_value_is_read_as_an_object_or_refused_with_a_reason(value: object) -> None:
    raw = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
    try:
        data = parse_json_object(Path("svar.json"), raw)
    except CorruptFileError as refused:
        assert "svar.json" in refused.message
        return
    assert isinstance(value, dict)
    assert data == value


def test_brackets_inside_texts_are_not_nesting(tmp_path: Path) -> None:
    text = '{"purpose": "' + "[{" * 500 + '\\"' + "}]" * 500 + '"}'
    assert parse_json_object(tmp_path / "x.json", text.encode())["purpose"].startswith("[{[{")


def test_an_emoji_written_as_a_surrogate_pair_is_fine(tmp_path: Path) -> None:
    data = parse_json_object(tmp_path / "x.json", b'{"account_name": "\\ud83d\\ude00"}')
    assert data["account_name"] == "😀"


@posix_only
@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_only_regular_files_are_read(tmp_path: Path, special: str) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "rör.json"
        os.mkfifo(path)  # no writer: opening it for reading would wait forever
    with pytest.raises(UnreadableError, match="inte en vanlig fil"):
        read_regular(path, 1024)


def test_a_folder_and_a_too_large_file_are_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError, match="en mapp, inte en fil"):
        read_regular(tmp_path, 1024)
    big = tmp_path / "stor.json"
    big.write_bytes(b" " * 2048)
    with pytest.raises(UnreadableError, match="större än"):
        read_regular(big, 1024)


@posix_only
@pytest.mark.parametrize("command", ["validate", "export"])
def test_special_files_on_the_command_line_end_at_once(home: Path, command: str) -> None:
    fifo = home / "rör.json"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        result = run_kontoguide(command, path, home=home)
        assert result.returncode in (ExitCode.INVALID_DATA, ExitCode.USAGE)
        assert "Traceback" not in result.stderr
        assert path in result.stderr


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_an_unreadable_file_is_called_unreadable(home: Path) -> None:
    path = home / "hemlig.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    result = run_kontoguide("validate", str(path), home=home)
    assert result.returncode == ExitCode.USAGE
    assert "går inte att läsa" in result.stderr


# --- 17. streams that are closed or end early --------------------------------------------


@posix_only
@pytest.mark.parametrize(
    ("args", "close", "code"),
    [
        (["start"], 0, ExitCode.USAGE),
        (["resume"], 0, ExitCode.USAGE),
        (["schema"], 1, ExitCode.USAGE),
        (["list"], 2, ExitCode.OK),
    ],
)
def test_a_closed_standard_stream_is_a_message_not_a_traceback(
    home: Path, args: list[str], close: int, code: int
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kontoguide", *args],
        env=clean_env(home),
        capture_output=close != 2,
        stdin=None if close else subprocess.DEVNULL,
        text=True,
        timeout=60,
        check=False,
        pass_fds=(),
        preexec_fn=lambda: os.close(close),
    )
    assert result.returncode == code
    if close != 2:
        assert "Traceback" not in result.stderr
        assert result.stderr.strip()


@posix_only
def test_a_reader_that_stops_early_keeps_the_exit_code(home: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kontoguide", "validate", str(EXAMPLES / "med-fel.json")],
        env=clean_env(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == ExitCode.INVALID_DATA
    assert "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_error_message_to_a_full_disk_keeps_the_exit_code(home: Path) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "kontoguide", "export", "nope"],
            env=clean_env(home),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=full,
            timeout=60,
            check=False,
        )
    assert result.returncode == ExitCode.USAGE


# --- 18, 19: the environment --------------------------------------------------------------


@posix_only
def test_ctrl_c_at_any_moment_of_the_start_exits_130_without_a_traceback(home: Path) -> None:
    """SIGINT at random moments while `kontoguide list` starts: always 130 (or done),
    never a traceback. KONTOGUIDE_ROBUST_RUNS sets the number of tries."""
    import random

    runs = int(os.environ.get("KONTOGUIDE_ROBUST_RUNS", "15"))
    moments = random.Random(20261207)
    # Before the interpreter itself is up (and has imported runpy for -m) no code of
    # ours runs: Ctrl-C there is Python's own affair. The child says when it is up, so a
    # slow, loaded machine moves the aim with it instead of hitting Python's start. The
    # entry module, which the console script imports first, is loaded before that too:
    # until it is, Python is still finding and reading files, and on a loaded machine
    # the earliest moment (6 ms) fell there and failed the test now and then.
    child = (
        "import runpy, sys\n"
        "import kontoguide.cli.entry\n"
        "sys.argv = ['kontoguide', 'list']\n"
        "sys.stderr.write('up\\n'); sys.stderr.flush()\n"
        "runpy.run_module('kontoguide', run_name='__main__', alter_sys=True)\n"
    )
    for _ in range(runs):
        process = subprocess.Popen(
            [sys.executable, "-c", child],
            env=clean_env(home),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr is not None
        assert process.stderr.readline() == "up\n"
        time.sleep(moments.uniform(0.0, 0.5))
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert "Traceback" not in err, err
        # -SIGINT: the signal came before Python itself could handle it; a shell
        # reports that as 130 too.
        assert process.returncode in (ExitCode.OK, ExitCode.INTERRUPTED, -signal.SIGINT), err


def test_a_home_folder_of_an_unknown_user_is_a_message(tmp_path: Path) -> None:
    result = run_kontoguide("list", home=tmp_path, env={"KONTOGUIDE_HOME": "~nosuchuser/x"})
    assert result.returncode == ExitCode.USAGE
    assert "Traceback" not in result.stderr
    assert "~nosuchuser/x" in result.stderr


# --- 20. one rule for every command -------------------------------------------------------


def test_a_file_from_a_newer_version_is_refused_by_start_as_by_validate(
    home: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "nyare.json"
    newer.write_text(json.dumps({"schema_version": 99}), encoding="utf-8")
    checked = run_kontoguide("validate", str(newer), home=home)
    started = run_kontoguide("start", "--answers", str(newer), "--no-input", home=home)
    assert checked.returncode == started.returncode == ExitCode.USAGE
    assert "nyare version" in started.stderr
    assert not list((home / "records").glob("*.json")) if (home / "records").exists() else True


def test_a_failed_save_of_a_new_file_does_not_speak_of_earlier_content(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from kontoguide.files import atomicfile

    def full_disk(path: Path, data: bytes, **options: bool) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomicfile, "write_bytes", full_disk)
    store = Store(home / "records")
    record = drafts.new_record(drafts.load_checklist(), store.allocate_id())
    with pytest.raises(UnreadableError) as caught:
        store.save(record)
    assert "Ingen fil skapades" in caught.value.message
    assert "tidigare innehållet" not in caught.value.message


def test_a_file_name_with_an_escape_sequence_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "a\x1b[2Jb.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(CorruptFileError) as caught:
        read_json_object(path)
    assert "\x1b" not in caught.value.message
    assert "a\\x1b[2Jb.json" in caught.value.message
