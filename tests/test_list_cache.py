"""`kontoguide list` by its quick path (one file at a time, the list cache) shows what
the full reading shows, for every example cut at every answer (issue 23)."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kontoguide.checklist.loading import load_checklist
from kontoguide.model import paths
from kontoguide.rules import lifecycle
from kontoguide.rules.completeness import steps_done
from kontoguide.store import drafts, list_cache
from kontoguide.store.listing import scan_listed
from kontoguide.store.storage import Store, record_json
from kontoguide.terminal.views import state_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2027, 3, 1)


def _cuts(answers: dict[str, Any]) -> list[dict[str, Any]]:
    """The answers, and the answers cut after each asked question in order."""
    checklist = load_checklist()
    out = [answers]
    for _, question in checklist.questions():
        if paths.get(answers, question.field) is not None:
            changed = json.loads(json.dumps(out[-1]))
            paths.put(changed, question.field, None)
            out.append(changed)
    for part in ("closing", "follow_ups", "start", "step5", "notice"):
        out.append({key: value for key, value in out[-1].items() if key != part})
    return out


def _old_state_text(item: drafts.Loaded, today: date) -> str:
    # The list's state as it was derived before the quick path, from the whole record.
    record = item.record
    text = lifecycle.state_label(record, item.checklist)
    if record.status == "draft":
        states = steps_done(record, item.checklist)
        done = sum(1 for state in states.values() if state == "done")
        text += f" · {done} av {len(states)} steg klara"
    due = lifecycle.review_due(record)
    if due is not None and due < today:
        text += f" · uppföljning försenad sedan {due.isoformat()}"
    return text


def _write_records(folder: Path) -> int:
    checklist = load_checklist()
    folder.mkdir(parents=True)
    count = 0
    for example in sorted(EXAMPLES.glob("*.json")):
        answers = json.loads(example.read_text("utf-8"))
        if answers.get("checklist_id"):
            continue  # a variant that is not installed: not a record of this home
        for cut in _cuts(answers):
            record, _ = drafts.prefilled(cut, checklist, f"r{count:05d}")
            record = drafts.settle(record, checklist)
            (folder / f"{record.id}.json").write_text(record_json(record), "utf-8")
            count += 1
    settled = time.time() - 10  # older than the cache's two seconds
    for path in folder.iterdir():
        os.utime(path, (settled, settled))
    return count


def _rows(found: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (
            row.id,
            row.account_name,
            row.organisation,
            row.updated_at,
            state_text(row, TODAY),
        )
        for row in found
    ]


def test_the_quick_path_and_the_cache_show_what_the_full_reading_shows(home: Path) -> None:
    count = _write_records(home / "records")
    store = Store()
    full, full_problems = drafts.scan_records(store)
    expected = [
        (
            item.record.id,
            item.record.account_name,
            item.record.organisation.name,
            item.record.updated_at,
            _old_state_text(item, TODAY),
        )
        for item in full
    ]
    assert len(expected) == count > 50 and full_problems == []
    uncached, _ = scan_listed(store, cache=False)
    first, _ = scan_listed(store)  # reads every file and fills the cache
    cached, problems = scan_listed(store)  # every line from the cache
    assert list_cache.cache_file(store.folder).exists()
    assert _rows(uncached) == _rows(first) == _rows(cached) == expected
    assert problems == []


def test_a_changed_file_is_read_again_and_a_broken_cache_is_ignored(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_records(home / "records")
    store = Store()
    scan_listed(store)
    cache = list_cache.cache_file(store.folder)
    assert cache.stat().st_mode & 0o077 == 0
    target = store.folder / "r00000.json"
    data = json.loads(target.read_text("utf-8"))
    data["account_name"] = "Ett nytt namn"
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    found, _ = scan_listed(store)
    assert [row.account_name for row in found if row.id == "r00000"] == ["Ett nytt namn"]
    target.write_text("{", "utf-8")
    found, problems = scan_listed(store)
    assert "r00000" not in [row.id for row in found] and len(problems) == 1
    for broken in ("{", json.dumps({"format": 1, "context": "x", "entries": {}}), "[]"):
        cache.write_bytes(broken.encode())
        again, _ = scan_listed(store)
        assert _rows(again) == _rows(found)


def test_an_entry_for_another_file_is_never_used(home: Path) -> None:
    _write_records(home / "records")
    store = Store()
    scan_listed(store)
    cache = list_cache.cache_file(store.folder)
    data = json.loads(cache.read_text("utf-8"))
    # A tampered entry whose stamp is not the file's: the file is read instead.
    entry = data["entries"]["r00001.json"]
    entry[1][1] = "Falskt namn"
    entry[0][2] += 1
    cache.write_text(json.dumps(data), "utf-8")
    found, _ = scan_listed(store)
    assert "Falskt namn" not in [row.account_name for row in found]


def test_a_session_at_the_terminal_freezes_what_the_imports_built(tmp_path: Path) -> None:

    from cli_support import run_python

    code = (
        "import gc\n"
        "from kontoguide.terminal import interactive\n"
        "for plain in (False, True):\n"
        "    gc.unfreeze()\n"
        "    interactive._pair(plain, None, None)\n"
        "    print(gc.get_freeze_count() > 0)\n"
    )
    done = run_python("-c", code, home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
