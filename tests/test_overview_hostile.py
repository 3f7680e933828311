"""The overview over a shared folder someone else filled (issue 20, issue 22).

File names that are not UTF-8 or hold escape sequences, trees thousands of levels
deep, links, folders and files the reader may not open, moments and filters out
of range, fields a spreadsheet would run as formulas, and its own output.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cli_support import run_kontoguide
from kontoguide.cli import messages as m
from kontoguide.cli.overview_command import overview, render
from kontoguide.model.errors import ExitCode, UsageError
from kontoguide.model.fieldtypes import ShortText, find_forbidden_char
from kontoguide.model.textsafe import printable
from kontoguide.overview.records import Summary, gather
from kontoguide.overview.report import MAX_DUE_WITHIN, Filters, build
from overview_support import TODAY, started, write

FORMATS = ("csv", "json", "md", "html", "stadens-lista")
NOT_UTF8 = b"\xf6"  # "ö" in Latin-1: a name from an older system or a zip archive


def _bytes_name(folder: Path, raw: bytes) -> Path:
    """`folder`/`raw` as Python names a file whose name is not UTF-8."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))


def _with_odd_name(tmp_path: Path, raw: bytes) -> Path:
    folder = tmp_path / "delad"
    path = write(folder, started())
    path.rename(_bytes_name(folder, raw))
    return folder


# --- 1. a file name that is not UTF-8 -----------------------------------------------


def test_a_byte_that_was_not_utf8_is_shown_as_the_byte() -> None:
    assert printable("/delad/" + os.fsdecode(NOT_UTF8) + ".json") == "/delad/\\xf6.json"
    # The same byte in an answer (plain mode reads stdin with surrogateescape).
    assert find_forbidden_char("ab" + os.fsdecode(NOT_UTF8)) == (3, "\\xf6")


def test_an_answer_with_such_a_byte_is_refused_naming_the_byte() -> None:
    from pydantic import TypeAdapter

    with pytest.raises(ValidationError) as caught:
        TypeAdapter(ShortText).validate_python("Kultur" + os.fsdecode(NOT_UTF8))
    message = str(caught.value)
    assert "\\xf6" in message and "U+DCF6" not in message
    assert "UTF-8" in message


@pytest.mark.parametrize("fmt", [*FORMATS, "xlsx"])
def test_every_format_writes_a_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    folder = _with_odd_name(tmp_path, NOT_UTF8 + b".json")
    report = build(gather([folder], today=TODAY), TODAY)
    assert report.records[0].source.endswith("/\\xf6.json")
    data = render(report, fmt)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        assert any(str(c.value).endswith("\\xf6.json") for c in sheet[2] if c.value)
    elif fmt != "stadens-lista":  # the city's list has no source column
        assert "\\xf6.json" in data.decode("utf-8-sig")


def test_an_unreadable_file_with_such_a_name_is_named_printable(tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    _bytes_name(folder, b"trasig" + NOT_UTF8 + b".json").write_bytes(b"{")
    report = build(gather([folder], today=TODAY), TODAY)
    (item,) = report.unreadable
    assert item.path.endswith("trasig\\xf6.json")
    for fmt in FORMATS:
        render(report, fmt).decode("utf-8-sig")


# --- 2. moments outside 1900–2200 -----------------------------------------------------


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2201-01-01T00:00:00Z"]
)
def test_the_light_model_refuses_moments_as_the_record_does(moment: str) -> None:
    data = started()
    data["updated_at"] = moment
    with pytest.raises(ValidationError, match="1900 och 2200"):
        Summary.model_validate(data)
    data = started()
    data["history"][0]["at"] = moment
    with pytest.raises(ValidationError, match="1900 och 2200"):
        Summary.model_validate(data)


@pytest.mark.parametrize("where", ["updated_at", "history"])
@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"])
def test_a_moment_out_of_range_never_stops_the_overview(
    tmp_path: Path, where: str, moment: str
) -> None:
    data = started()
    if where == "updated_at":
        data["updated_at"] = moment
    else:
        data["history"][0]["at"] = moment
    folder = tmp_path / "delad"
    write(folder, data)
    write(folder, started("annan"))
    report = build(gather([folder], today=TODAY), TODAY)
    assert "annan" in [row.id for row in report.records]
    if where == "updated_at":  # refused as validate refuses it, with the same words
        (item,) = report.unreadable
        assert "Ange en tidpunkt mellan år 1900 och 2200" in item.reason
    else:  # shown, the entry set aside as list sets it aside, and flagged with validate's words
        row = next(row for row in report.records if row.id == "startat")
        assert row.attention[0].rule == "answers_set_aside"
        assert "Historik 1 › När: Ange en tidpunkt mellan år 1900 och 2200" in row.attention[0].text
    for fmt in (*FORMATS, "xlsx"):
        render(report, fmt)


def test_a_forged_answer_is_flagged_where_it_was_silently_left_out(tmp_path: Path) -> None:
    data = started()
    data["step5"]["outcome"] = "+evil"
    folder = tmp_path / "delad"
    write(folder, data)
    write(folder, started("hel"))
    rows = {row.id: row for row in build(gather([folder], today=TODAY), TODAY).records}
    (flag,) = [item for item in rows["startat"].attention if item.rule == "answers_set_aside"]
    assert flag.text.startswith("3 svar i filen stämmer inte") and "Beslut: Välj" in flag.text
    assert "answers_set_aside" not in [item.rule for item in rows["hel"].attention]


# --- 3. --due-within out of range, a tree 1,500 levels deep ----------------------------


@pytest.mark.parametrize("days", [-1, MAX_DUE_WITHIN + 1, 10**20])
def test_due_within_out_of_range_is_refused_with_the_range(days: int) -> None:
    with pytest.raises(UsageError) as caught:
        Filters(due_within=days)
    assert f"från 0 till {MAX_DUE_WITHIN}" in caught.value.message


def test_the_largest_due_within_keeps_every_follow_up(tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started())
    report = build(gather([folder], today=TODAY), TODAY, Filters(due_within=MAX_DUE_WITHIN))
    assert [row.id for row in report.records] == ["startat"]


def test_a_huge_due_within_on_the_command_line_is_a_message(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started())
    done = run_kontoguide(
        "overview", str(folder), "--due-within", "99999999999999999999", home=home
    )
    assert done.returncode == ExitCode.USAGE
    assert "Traceback" not in done.stderr
    assert f"från 0 till {MAX_DUE_WITHIN}" in done.stderr


def test_a_folder_tree_1500_levels_deep_is_read(tmp_path: Path) -> None:
    top = tmp_path / "delad"
    top.mkdir()
    folders = [top]
    for _ in range(1500):  # one by one: mkdir(parents=True) would recurse itself
        folders.append(folders[-1] / "a")
        folders[-1].mkdir()
    record = write(folders[-1], started())
    try:
        found = gather([top], today=TODAY)
        assert [entry.summary.id for entry in found.entries] == ["startat"]
        assert not found.unreadable
    finally:
        # Bottom up, here: pytest's own clean-up (shutil.rmtree) recurses per level.
        record.unlink()
        for folder in reversed(folders):
            folder.rmdir()


# --- 4. links are not followed -----------------------------------------------------------


def _share_with_links(tmp_path: Path) -> tuple[Path, Path]:
    private = tmp_path / "eget"
    write(private, started("hemligt"))
    write(private / "mapp", started("hemligt-i-mapp"))
    share = tmp_path / "delad"
    write(share, started("delat"))
    (share / "lank.json").symlink_to(private / "hemligt.json")
    (share / "lankmapp").symlink_to(private / "mapp", target_is_directory=True)
    return share, private


def test_links_in_a_shared_folder_are_not_followed_and_are_named(tmp_path: Path) -> None:
    share, _ = _share_with_links(tmp_path)
    report = build(gather([share], today=TODAY), TODAY)
    assert [row.id for row in report.records] == ["delat"]
    assert report.links == [str(share / "lank.json"), str(share / "lankmapp")]
    assert not report.unreadable
    for fmt in ("md", "html"):
        text = render(report, fmt).decode("utf-8")
        assert "lankmapp" in text and "Länkar som inte följdes" in text
    assert "hemligt" not in render(report, "json").decode("utf-8")


def test_the_command_names_the_links_and_still_exits_0(tmp_path: Path, home: Path) -> None:
    share, _ = _share_with_links(tmp_path)
    done = run_kontoguide("overview", str(share), "-f", "csv", home=home)
    assert done.returncode == ExitCode.OK, done.stderr
    assert "hemligt" not in done.stdout
    assert "2 länkar följdes inte" in done.stderr
    assert str(share / "lank.json") in done.stderr


def test_a_file_that_became_a_link_after_the_walk_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kontoguide.files import folderwalk

    share, private = _share_with_links(tmp_path)
    real = folderwalk.walk_files

    def then_swapped(top: Path, suffix: str) -> folderwalk.FolderWalk:
        walk = real(top, suffix)
        (share / "delat.json").unlink()
        (share / "delat.json").symlink_to(private / "hemligt.json")
        return walk

    monkeypatch.setattr("kontoguide.overview.records.walk_files", then_swapped)
    found = gather([share], today=TODAY)
    assert not found.entries
    (item,) = found.unreadable
    assert "symbolisk länk" in item.reason


def test_a_folder_named_on_the_command_line_may_itself_be_a_link(tmp_path: Path) -> None:
    share, _ = _share_with_links(tmp_path)
    named = tmp_path / "genvag"
    named.symlink_to(share, target_is_directory=True)
    assert [entry.summary.id for entry in gather([named], today=TODAY).entries] == ["delat"]


# --- 5. folders and files the reader may not open ----------------------------------------


def _refuse(monkeypatch: pytest.MonkeyPatch, folder: Path, file: Path) -> None:
    """As a share with mixed rights: `folder` cannot be listed, `file` cannot be opened."""
    real_scandir, real_open = os.scandir, os.open

    def scandir(path: Any) -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == file:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)


def test_every_folder_and_file_that_cannot_be_read_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "delad"
    write(share, started("syns"))
    write(share / "stangd", started("i-stangd"))
    locked = write(share / "oppen", started("last"))
    _refuse(monkeypatch, share / "stangd", locked)
    report = build(gather([share], today=TODAY), TODAY)
    assert [row.id for row in report.records] == ["syns"]
    reasons = {item.path: item.reason for item in report.unreadable}
    assert "behörighet att läsa mappen" in reasons[str(share / "stangd")]
    assert "behörighet att läsa filen" in reasons[str(locked)]


def test_the_command_exits_1_when_a_folder_could_not_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    share = tmp_path / "delad"
    write(share, started("syns"))
    write(share / "stangd", started("i-stangd"))
    _refuse(monkeypatch, share / "stangd", share / "ingen.json")
    code = overview([share], fmt="csv", today=TODAY)
    assert code == ExitCode.INVALID_DATA
    err = capsys.readouterr().err
    assert m.OV_UNREADABLE_ONE in err and str(share / "stangd") in err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_read_rights_is_named(tmp_path: Path, home: Path) -> None:
    share = tmp_path / "delad"
    write(share, started("syns"))
    closed = share / "stangd"
    write(closed, started("i-stangd"))
    closed.chmod(0)
    try:
        done = run_kontoguide("overview", str(share), "-f", "csv", home=home)
    finally:
        closed.chmod(0o700)
    assert done.returncode == ExitCode.INVALID_DATA
    assert str(closed) in done.stderr


# --- 7. nothing from a file reaches the terminal raw --------------------------------------


class _Terminal(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("fmt", ["csv", "md", "html", "json"])
def test_a_format_written_to_a_terminal_sends_no_control_sequence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path, fmt: str
) -> None:
    folder = tmp_path / "delad"
    write(folder, started(), "a\x1b]0;titel\x07b.json")
    (folder / "c\x1b[2Jd.json").write_text("{", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    overview([folder], fmt=fmt, today=TODAY)
    shown = terminal.buffer.getvalue().decode("utf-8-sig")
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b" in shown


def test_control_sequences_in_a_record_are_escaped_for_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kontoguide.terminal import output

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    output.say_bytes("a;b\x1b[2J\x9b;c\x07\r\nrad\rskriv över\n\tindrag\n".encode())
    assert terminal.buffer.getvalue().decode() == (
        "a;b\\x1b[2J\\x9b;c\\x07\r\nrad\\rskriv över\n\tindrag\n"
    )


def test_to_a_pipe_the_bytes_stay_exact(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started())
    done = run_kontoguide("overview", str(folder), "-f", "csv", home=home)
    assert "\r\n" in done.stdout or "\n" in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ("overview", "{bad}"),
        ("overview", "{folder}"),
        ("overview", "{folder}", "-f", "csv", "-o", "{folder}"),
        ("validate", "{bad}"),
        ("validate", "{good}"),
        ("export", "{bad}"),
        ("export", "{good}", "-f", "md"),
        ("export", "{good}", "-f", "md", "-o", "{folder}"),
        ("start", "--from", "{bad}", "--enkel"),
        ("start", "--answers", "{good}", "--no-input"),
        ("start", "--answers", "{bad}", "--no-input"),
    ],
)
def test_file_names_with_escape_sequences_are_printed_escaped(
    tmp_path: Path, home: Path, argv: tuple[str, ...]
) -> None:
    folder = tmp_path / "d\x1b[2Je"
    good = write(folder, started(), "a\x1b]0;titel\x07b.json")
    bad = folder / "c\x1b[31md.json"
    bad.write_text("{", encoding="utf-8")
    names = {"{bad}": str(bad), "{good}": str(good), "{folder}": str(folder)}
    for _ in range(2):  # the second time, a file written the first time is in the way
        done = run_kontoguide(*(names.get(arg, arg) for arg in argv), home=home, cwd=tmp_path)
        assert "Traceback" not in done.stderr
        for stream in (done.stdout, done.stderr):
            assert "\x1b" not in stream and "\x07" not in stream, stream


def test_a_note_on_the_screen_quotes_a_file_name_escaped() -> None:
    from rich.console import Console

    from kontoguide.terminal.plain_screen import PlainScreen
    from kontoguide.terminal.views import RichScreen

    shown = io.StringIO()
    RichScreen(Console(file=shown, force_terminal=True, width=100)).note("Sparad i a\x1b[2Jb.json")
    plain = io.StringIO()
    PlainScreen(plain).note("Sparad i a\x1b]0;titel\x07b" + os.fsdecode(NOT_UTF8) + ".json")
    assert "\x1b[2J" not in shown.getvalue() and "a\\x1b[2Jb.json" in shown.getvalue()
    assert "\x07" not in plain.getvalue() and "\\xf6.json" in plain.getvalue()


# --- 10. its own output, the city's list by its own suffix -----------------------------------


def test_a_json_overview_is_not_written_into_a_folder_it_reads(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started())
    for target in (folder / "x.json", folder / "under" / "x.json"):
        target.parent.mkdir(exist_ok=True)
        done = run_kontoguide("overview", str(folder), "-o", str(target), home=home)
        assert done.returncode == ExitCode.USAGE
        assert "läser" in done.stderr and not target.exists()
    elsewhere = run_kontoguide("overview", str(folder), "-o", str(tmp_path / "x.json"), home=home)
    assert elsewhere.returncode == ExitCode.OK, elsewhere.stderr
    beside = run_kontoguide("overview", str(folder), "-o", str(folder / "x.csv"), home=home)
    assert beside.returncode == ExitCode.OK, beside.stderr  # a CSV is never read back
    again = run_kontoguide("overview", str(folder), "-f", "csv", home=home)
    assert again.returncode == ExitCode.OK, again.stderr


def test_the_citys_list_may_be_named_by_its_format(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "delad"
    write(folder, started())
    target = tmp_path / "x.stadens-lista"
    done = run_kontoguide(
        "overview", str(folder), "--format", "stadens-lista", "--output", str(target), home=home
    )
    assert done.returncode == ExitCode.OK, done.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


# --- 6. a record made with a variant that is not installed here -----------------------------


def _variant_record(home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A ready record made with the example variant in `home`, where it is installed."""
    import json

    from kontoguide.checklist.install import install_checklist
    from kontoguide.store import drafts
    from kontoguide.store.storage import Store, record_json
    from variant_support import VARIANT_ANSWERS

    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    variant = install_checklist(str(ROOT / "examples" / "kulturforvaltningen.toml"))
    record, _ = drafts.from_answers(VARIANT_ANSWERS, variant, Store(home / "records"))
    data: dict[str, Any] = json.loads(record_json(record))
    assert data["checklist_id"] == "kulturforvaltningen"
    return data


ROOT = Path(__file__).resolve().parents[1]


def test_a_record_of_a_variant_not_installed_here_is_shown_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _variant_record(tmp_path / "hos-kultur", monkeypatch)
    share = tmp_path / "delad"
    path = write(share, data)
    write(share, started())
    here = tmp_path / "hos-oss"
    here.mkdir()
    monkeypatch.setenv("KONTOGUIDE_HOME", str(here))
    report = build(gather([share], today=TODAY), TODAY)
    assert not report.unreadable
    row = next(row for row in report.records if row.id == data["id"])
    assert row.state == data["status"] and row.state_label.endswith("(okänd checklista)")
    assert row.attention[0].rule == "unknown_checklist"
    assert "kulturforvaltningen.toml" in row.attention[0].text
    assert "older_checklist" not in [item.rule for item in row.attention]
    shown = build(gather([share], today=TODAY), TODAY)
    for fmt in ("csv", "md", "html", "json"):
        assert render(shown, fmt).decode("utf-8-sig").count(path.name) == 1, fmt


def test_the_command_shows_it_and_names_its_path_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _variant_record(tmp_path / "hos-kultur", monkeypatch)
    share = tmp_path / "delad"
    path = write(share, data)
    here = tmp_path / "hos-oss"
    here.mkdir()
    done = run_kontoguide("overview", str(share), home=here)
    assert done.returncode == ExitCode.OK, done.stderr
    assert "(okänd" in done.stdout
    assert (done.stdout + done.stderr).replace("\n", "").count(path.name) == 1


# --- generated shared folders ----------------------------------------------------------------

# Bytes a file name may hold on Linux: all but "/" and NUL; not UTF-8, controls, blanks.
_NAME_BYTES = st.binary(min_size=1, max_size=10).filter(
    lambda raw: b"/" not in raw and b"\0" not in raw and raw not in (b".", b"..")
)


@st.composite
def shared_folders(draw: st.DrawFn) -> list[tuple[str, bytes, int]]:
    """What to put where: (kind, name, depth) with kind record, broken, link or folder link."""
    kinds = st.sampled_from(["record", "record", "broken", "link", "folder-link"])
    return draw(st.lists(st.tuples(kinds, _NAME_BYTES, st.integers(0, 3)), min_size=1, max_size=6))


def _fill(share: Path, outside: Path, plan: list[tuple[str, bytes, int]]) -> None:
    write(outside, started("utanfor"))
    for number, (kind, raw, depth) in enumerate(plan):
        folder = share
        for level in range(depth):
            folder = _bytes_name(folder, raw + str(level).encode())
        folder.mkdir(parents=True, exist_ok=True)
        path = _bytes_name(folder, raw + b".json")
        if path.exists() or path.is_symlink():
            continue
        if kind == "record":
            path.write_text(json.dumps(started(f"r{number}")), encoding="utf-8")
        elif kind == "broken":
            path.write_bytes(b"{" + raw)
        elif kind == "link":
            path.symlink_to(outside / "utanfor.json")
        else:
            path.symlink_to(outside, target_is_directory=True)


@settings(max_examples=25, derandomize=True, database=None, deadline=None)
@given(plan=shared_folders())
def test_a_generated_shared_folder_never_breaks_any_format(
    plan: list[tuple[str, bytes, int]],
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as temp:
        share, outside = Path(temp) / "delad", Path(temp) / "eget"
        share.mkdir()
        _fill(share, outside, plan)
        report = build(gather([share], today=TODAY), TODAY)
        assert "utanfor" not in [row.id for row in report.records]  # no link followed
        for fmt in (*FORMATS, "xlsx"):
            data = render(report, fmt)
            if fmt != "xlsx":
                text = data.decode("utf-8-sig")  # always UTF-8, whatever the names
                assert "\x1b" not in text and "\x07" not in text
        for path in (*report.links, *(item.path for item in report.unreadable)):
            assert path.isprintable()
        assert all(row.source.isprintable() for row in report.records)
