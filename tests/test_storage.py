"""Drafts on disk: atomic writes, permissions, unreadable files, migration, locks, ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_support import run_kontoguide, run_python
from kontoguide.checklist.parts import Checklist
from kontoguide.files import atomicfile
from kontoguide.model.errors import (
    CorruptFileError,
    DraftLockedError,
    ExitCode,
    FileProblem,
    NewerVersionError,
    UnknownDraftError,
    UnreadableError,
    UsageError,
)
from kontoguide.model.record import SCHEMA_VERSION, Record
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store import drafts, storage
from kontoguide.store.storage import Store, is_safe_id, new_id

TODAY = date(2026, 11, 26)
POSIX = os.name == "posix"


def make_record(checklist: Checklist, draft_id: str, answers: dict[str, Any]) -> Record:
    candidate = drafts.with_identity(answers, checklist, draft_id)
    record, found = prune(candidate, make_context(checklist, today=TODAY))
    assert found == []
    return record


@pytest.fixture
def store(home: Path) -> Store:
    return Store()


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return run_kontoguide(*args, home=home, env={"NO_COLOR": "1"})


# --- where and how files are written ----------------------------------------------------


def test_home_comes_from_the_environment(home: Path) -> None:
    assert storage.home_folder() == home
    assert Store().folder == home / "records"


def test_save_and_read_round_trip(
    store: Store, checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    record = make_record(checklist, "abc12345", complete_answers)
    path = store.save(record)
    assert path == store.folder / "abc12345.json"
    text = path.read_text(encoding="utf-8")
    assert "Kulturförvaltningen" in text  # UTF-8, not \u escapes
    stored = store.read("abc12345")
    assert stored.data == json.loads(text)
    loaded = drafts.load(store, "abc12345")
    # The status is derived again on every load (see lifecycle).
    assert loaded.record.status == "started"
    assert loaded.record == record.model_copy(update={"status": "started"})
    assert loaded.set_aside_now == []
    assert temp_files(store.folder) == []


def test_save_replaces_the_old_content(
    store: Store, checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    record = make_record(checklist, "abc12345", complete_answers)
    store.save(record)
    store.save(drafts.touch(record, account_name="Nytt namn"))
    assert store.read("abc12345").data["account_name"] == "Nytt namn"
    assert sorted(p.name for p in store.folder.iterdir()) == ["abc12345.json"]


@pytest.mark.parametrize("where", ["os.replace", "Path.replace", "fsync"])
@pytest.mark.parametrize("exception", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_crash_before_the_replace_keeps_the_old_draft(
    store: Store,
    checklist: Checklist,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    exception: BaseException,
) -> None:
    old = make_record(checklist, "abc12345", {"account_name": "Gammalt namn"})
    path = store.save(old)
    before = path.read_bytes()

    def crash(*args: Any, **kwargs: Any) -> None:
        # The temp file is written in full at this point; only the replace is missing.
        (temp,) = temp_files(store.folder)
        assert b"Nytt namn" in temp.read_bytes()
        raise exception

    if where == "os.replace":
        monkeypatch.setattr(os, "replace", crash)
    elif where == "Path.replace":
        monkeypatch.setattr(Path, "replace", crash)
    else:
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            real_fsync(fd)
            crash()

        monkeypatch.setattr(os, "fsync", fsync)

    new = drafts.touch(old, account_name="Nytt namn")
    expected = UnreadableError if isinstance(exception, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as caught:
        store.save(new)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert temp_files(store.folder) == []
    assert sorted(p.name for p in store.folder.iterdir()) == ["abc12345.json"]
    if isinstance(caught.value, UnreadableError):
        assert str(path) in caught.value.message
        assert "tidigare innehållet är kvar" in caught.value.message


def test_atomic_write_creates_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "ny.json"
    atomicfile.write_text(target, "åäö\n")
    assert target.read_bytes() == "åäö\n".encode()
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.skipif(not POSIX, reason="owner-only permissions are a POSIX notion here")
def test_files_are_owner_only(
    store: Store, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "umask", os.umask)  # restored even if the test fails
    previous = os.umask(0o022)
    try:
        record = make_record(checklist, "abc12345", {"account_name": "Konto"})
        path = store.save(record)
        with store.lock(record.id):
            pass
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o600
    assert store.folder.stat().st_mode & 0o777 == 0o700
    lock_file = path.with_name(path.name + ".lock")
    if lock_file.exists():
        assert lock_file.stat().st_mode & 0o077 == 0


def test_unusable_home_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checklist: Checklist
) -> None:
    blocker = tmp_path / "en-fil"
    blocker.write_text("inte en mapp", encoding="utf-8")
    monkeypatch.setenv("KONTOGUIDE_HOME", str(blocker))
    with pytest.raises(UsageError) as caught:
        Store().save(make_record(checklist, "abc12345", {}))
    assert str(blocker) in caught.value.message
    assert blocker.read_text(encoding="utf-8") == "inte en mapp"


# --- files that cannot be read ------------------------------------------------------------

BROKEN: dict[str, tuple[bytes, type[FileProblem], str]] = {
    "corrupt": (b'{"id": "trasig", "account_name": "Halv', CorruptFileError, "JSON"),
    "latin1": ('{"account_name": "Förvaltning"}'.encode("latin-1"), CorruptFileError, "UTF-8"),
    "array": (b'[{"id": "lista"}]', CorruptFileError, "JSON-objekt"),
    "newer": (
        json.dumps({"schema_version": SCHEMA_VERSION + 1, "id": "nyare"}).encode(),
        NewerVersionError,
        "nyare version",
    ),
    "badversion": (b'{"schema_version": "ett"}', CorruptFileError, "schema_version"),
    "empty": (b"", CorruptFileError, "JSON"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_unreadable_file_is_named_and_left_alone(
    store: Store, checklist: Checklist, kind: str
) -> None:
    content, error_type, words = BROKEN[kind]
    store.save(make_record(checklist, "hel12345", {"account_name": "Hel"}))
    broken = store.folder / "trasig1.json"
    broken.write_bytes(content)

    with pytest.raises(error_type) as caught:
        store.read("trasig1")
    assert caught.value.path == broken
    assert str(broken) in caught.value.message
    assert words in caught.value.message
    assert "Traceback" not in caught.value.message
    with pytest.raises(error_type):
        drafts.load(store, "trasig1")

    good, bad = store.scan()
    assert [s.path.name for s in good] == ["hel12345.json"]
    assert [p.path for p in bad] == [broken]
    assert broken.read_bytes() == content


@pytest.mark.parametrize("kind", ["corrupt", "newer", "array"])
def test_list_shows_the_others_and_names_the_broken_file(
    home: Path, store: Store, checklist: Checklist, kind: str
) -> None:
    content = BROKEN[kind][0]
    store.save(make_record(checklist, "hel12345", {"account_name": "Hela kontot"}))
    broken = store.folder / "trasig1.json"
    broken.write_bytes(content)

    result = run_cli("list", home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert "hel12345" in result.stdout
    assert "Hela kontot" in result.stdout
    assert str(broken) in result.stderr.replace("\n", "")
    assert "Traceback" not in result.stderr
    assert broken.read_bytes() == content


def test_record_with_a_broken_identity_is_named(store: Store) -> None:
    store.ensure_folder()
    path = store.folder / "ident123.json"
    content = json.dumps({"schema_version": 1, "id": "ident123", "checklist_id": "x"})
    path.write_text(content, encoding="utf-8")
    stored = store.read("ident123")
    with pytest.raises(UsageError):
        drafts.record_from_data(stored.path, stored.data)
    assert path.read_text(encoding="utf-8") == content


def test_invalid_answers_in_a_stored_draft_are_set_aside_not_lost(
    store: Store, checklist: Checklist
) -> None:
    record = make_record(checklist, "abc12345", {"account_name": "Konto"})
    data = record.model_dump(mode="json")
    data["step1"]["comms_contact"]["email"] = "inte en adress"
    path = store.folder / "abc12345.json"
    store.ensure_folder()
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = drafts.load(store, "abc12345")
    assert loaded.record.account_name == "Konto"
    assert loaded.record.set_aside == {"step1.comms_contact.email": "inte en adress"}
    assert [p.path for p in loaded.set_aside_now] == ["step1.comms_contact.email"]


# --- migration ------------------------------------------------------------------------------


def test_older_version_is_migrated_on_read(
    store: Store, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = make_record(checklist, "abc12345", {"account_name": "Konto"})
    path = store.save(record)
    old = json.loads(path.read_text(encoding="utf-8"))
    old["konto"] = old.pop("account_name")  # as if format 1 used another name
    old["schema_version"] = 1
    path.write_text(json.dumps(old), encoding="utf-8")
    before = path.read_bytes()

    calls: list[int] = []

    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        calls.append(data["schema_version"])
        data = dict(data)
        data["account_name"] = data.pop("konto")
        return data

    def two_to_three(data: dict[str, Any]) -> dict[str, Any]:
        calls.append(data["schema_version"])
        return {**data, "account_name": data["account_name"] + " (3)"}

    monkeypatch.setattr(storage, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(storage, "MIGRATIONS", {1: one_to_two, 2: two_to_three})

    stored = store.read("abc12345")
    assert calls == [1, 2]
    assert stored.data["schema_version"] == 3
    assert stored.data["account_name"] == "Konto (3)"
    assert "konto" not in stored.data
    assert path.read_bytes() == before  # rewritten only on the next save
    loaded = drafts.record_from_data(stored.path, stored.data)
    assert loaded.record.account_name == "Konto (3)"
    good, bad = store.scan()
    assert bad == [] and good[0].data["account_name"] == "Konto (3)"


def test_current_version_is_not_migrated(store: Store, checklist: Checklist) -> None:
    store.save(make_record(checklist, "abc12345", {"account_name": "Konto"}))
    assert store.read("abc12345").data["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("version", [0, -1, True, "1", 1.0, None])
def test_nonsense_version_is_refused(tmp_path: Path, version: Any) -> None:
    with pytest.raises(CorruptFileError):
        storage.migrate(tmp_path / "x.json", {"schema_version": version})


# --- locks ----------------------------------------------------------------------------------


LOCK_SCRIPT = textwrap.dedent(
    """
    import sys
    from kontoguide.model.errors import DraftLockedError
    from kontoguide.store.storage import Store
    try:
        with Store().lock(sys.argv[1]):
            print("fick låset")
    except DraftLockedError as error:
        print(error.message)
        sys.exit(3)
    """
)


def _python(code: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return run_python("-c", code, *args, home=home)


def test_second_process_gets_a_clear_message(home: Path, store: Store) -> None:
    with store.lock("abc12345"):
        result = _python(LOCK_SCRIPT, "abc12345", home=home)
        assert result.returncode == 3, result.stderr
        assert "abc12345" in result.stdout
        assert "öppet i ett annat kontoguide-fönster" in result.stdout
        raw = _python(
            "import sys; from filelock import FileLock, Timeout\n"
            "try:\n    FileLock(sys.argv[1], timeout=0).acquire()\n"
            "except Timeout:\n    sys.exit(4)\n",
            str(store.folder / "abc12345.json.lock"),
            home=home,
        )
        assert raw.returncode == 4, raw.stderr
        # Another draft is not blocked.
        assert _python(LOCK_SCRIPT, "annan123", home=home).returncode == 0
    after = _python(LOCK_SCRIPT, "abc12345", home=home)
    assert after.returncode == 0
    assert "fick låset" in after.stdout


HOLD_SCRIPT = LOCK_SCRIPT.replace(
    'print("fick låset")', 'print("ok", flush=True); sys.stdin.readline()'
)


def test_lock_held_by_another_process(home: Path, store: Store) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_SCRIPT, "abc12345"],
        env={**os.environ, "KONTOGUIDE_HOME": str(home)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(DraftLockedError) as caught, store.lock("abc12345"):
            pass
        assert "abc12345" in caught.value.message
        assert caught.value.exit_code == ExitCode.USAGE
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with store.lock("abc12345"):
        pass


def test_second_lock_in_the_same_process(store: Store) -> None:
    from filelock import FileLock, Timeout

    with store.lock("abc12345"):
        with pytest.raises(Timeout):
            FileLock(str(store.folder / "abc12345.json.lock"), timeout=0).acquire()
        with pytest.raises(DraftLockedError), store.lock("abc12345"):
            pass
    with store.lock("abc12345"):  # released: free again
        pass


def test_from_answers_refuses_a_locked_draft(
    store: Store, checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = tmp_path / "svar.json"
    answers.write_text('{"account_name": "Konto"}', encoding="utf-8")
    monkeypatch.setattr(Store, "allocate_id", lambda self: "abc12345")
    with store.lock("abc12345"), pytest.raises(DraftLockedError):
        drafts.from_answers(answers, checklist, store)
    assert not (store.folder / "abc12345.json").exists()


# --- ids ----------------------------------------------------------------------------------

UNSAFE = ["../x", "/etc/passwd", "C:\\x", "", "ABC", "a/b", "x.json", "-x", "a" * 65, "a b", "ä"]


@pytest.mark.parametrize("draft_id", UNSAFE)
def test_unsafe_ids_never_touch_the_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft_id: str
) -> None:
    folder = tmp_path / "records"
    store = Store(folder)
    assert not is_safe_id(draft_id)

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"file system touched for {draft_id!r}")

    for name in ("exists", "mkdir", "read_bytes", "open", "stat", "is_file"):
        monkeypatch.setattr(Path, name, forbidden)
    monkeypatch.setattr(os, "open", forbidden)

    for call in (
        lambda: store.path_for(draft_id),
        lambda: store.exists(draft_id),
        lambda: store.read(draft_id),
        lambda: drafts.load(store, draft_id),
    ):
        with pytest.raises(UnknownDraftError) as caught:
            call()
        assert "utkast-id" in caught.value.message
        assert caught.value.exit_code == ExitCode.USAGE
    with pytest.raises(UnknownDraftError), store.lock(draft_id):
        pass
    monkeypatch.undo()
    assert not folder.exists()


def test_unknown_but_safe_id(store: Store) -> None:
    with pytest.raises(UnknownDraftError) as caught:
        store.read("abc12345")
    assert "abc12345" in caught.value.message
    assert "kontoguide list" in caught.value.message


def test_new_ids_are_safe_and_unambiguous(store: Store) -> None:
    ids = {new_id() for _ in range(200)}
    assert len(ids) == 200
    for draft_id in ids:
        assert is_safe_id(draft_id)
        assert len(draft_id) == 8
        assert not set(draft_id) & set("01ilo")
    assert is_safe_id(store.allocate_id())


# --- review fixes: damaged set_aside, local reference day, shared documents -------------


def test_a_draft_whose_set_aside_is_not_an_object_is_reported_and_others_still_list(
    store: Store, checklist: Checklist, complete_answers: dict[str, Any], home: Path
) -> None:
    store.save(make_record(checklist, "goodgood", complete_answers))
    bad = make_record(checklist, "badbadba", {"account_name": "Trasigt utkast"})
    path = store.save(bad)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["set_aside"] = ["x"]
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("list", home=home)
    assert result.returncode == 1
    assert "goodgood" in result.stdout
    assert "badbadba.json" in result.stderr and "set_aside" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_the_reference_day_is_the_local_day_of_the_last_change() -> None:
    from datetime import UTC, datetime

    moment = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    assert drafts.reference_day(moment) == moment.astimezone().date()


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_shared_documents_are_readable_by_the_group_at_most(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomicfile.write_bytes(tmp_path / "beslut.docx", b"x", private=False)
        atomicfile.write_bytes(tmp_path / "utkast.json", b"x")
    finally:
        os.umask(old)
    assert (
        tmp_path / "beslut.docx"
    ).stat().st_mode & 0o777 == 0o640  # personal data: not readable by everyone (issue 20)
    assert (tmp_path / "utkast.json").stat().st_mode & 0o777 == 0o600


def test_writing_without_overwrite_never_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "beslut.docx"
    target.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        atomicfile.write_bytes(target, b"ours", overwrite=False)
    assert target.read_bytes() == b"someone else's"
    assert temp_files(tmp_path) == []
    fresh = tmp_path / "ny.docx"
    atomicfile.write_bytes(fresh, b"ours", overwrite=False)
    assert fresh.read_bytes() == b"ours"
    assert temp_files(tmp_path) == []


def test_a_lock_in_an_unusable_folder_gives_a_clear_message(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import filelock

    def refuse(self: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(filelock.FileLock, "acquire", refuse)
    with pytest.raises(UsageError, match="går inte att använda"), store.lock("abcd2345"):
        pass


def test_an_export_is_not_reported_failed_when_only_the_temp_name_lingers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "beslut.docx"
    real_unlink = Path.unlink

    def held(self: Path, missing_ok: bool = False) -> None:
        if self.name.endswith(".tmp"):
            raise PermissionError(13, "held by a virus scanner")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held)
    atomicfile.write_bytes(target, b"ours", overwrite=False)
    assert target.read_bytes() == b"ours"


def test_a_briefly_held_target_is_retried_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "utkast.json"
    target.write_bytes(b"old")
    real_replace = Path.replace
    refusals = iter([True, True])

    def held(self: Path, other: Any) -> Any:
        if next(refusals, False):
            raise PermissionError(13, "held by OneDrive")
        return real_replace(self, other)

    monkeypatch.setattr(Path, "replace", held)
    monkeypatch.setattr(atomicfile, "_RETRY_REPLACE", True)
    atomicfile.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert temp_files(tmp_path) == []


def test_elsewhere_a_refused_rename_is_reported_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "utkast.json"
    target.write_bytes(b"old")

    def refused(self: Path, other: Any) -> Any:
        raise PermissionError(13, "read-only")

    monkeypatch.setattr(Path, "replace", refused)
    monkeypatch.setattr(atomicfile, "_RETRY_REPLACE", False)
    with pytest.raises(PermissionError):
        atomicfile.write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert temp_files(tmp_path) == []
