"""Saved records for the overview's tests, made from the examples and then edited."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from kontoguide.checklist.loading import load_checklist
from kontoguide.overview.records import Entry, Gathered, gather
from kontoguide.overview.report import Filters, Report, build
from kontoguide.store import drafts
from kontoguide.store.storage import record_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# The overview's "today" in these tests; dates below are relative to it.
TODAY = date(2027, 1, 10)

# When these records were saved: fixed, so that no test depends on the day it runs (the
# overview judges each record's answers against its own saved day, and flags a saved
# time after the overview's day). After every date the examples give as past.
SAVED_AT = "2026-12-07T12:00:00+00:00"

_CACHE: dict[str, dict[str, Any]] = {}


def saved(example: str, record_id: str = "konto") -> dict[str, Any]:
    """The example as kontoguide saves it (a whole record with its derived status)."""
    if example not in _CACHE:
        checklist = load_checklist()
        data = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
        record, _ = drafts.prefilled(data, checklist, "konto")
        record = drafts.settle(record, checklist)
        stored = json.loads(record_json(record))
        stored["created_at"] = stored["updated_at"] = SAVED_AT
        for item in stored.get("history") or []:
            item["at"] = SAVED_AT
        _CACHE[example] = stored
    out = copy.deepcopy(_CACHE[example])
    out["id"] = record_id
    return out


def started(record_id: str = "startat") -> dict[str, Any]:
    """Started 2026-05-04, on the city's list, followed up; next follow-up 2027-02-16."""
    return saved("startat-med-uppfoljning.json", record_id)


def ready(record_id: str = "klar", since: str = "2026-11-01T10:00:00+00:00") -> dict[str, Any]:
    """Ready for a decision since `since` (its history says so)."""
    data = saved("klar-for-beslut.json", record_id)
    data["history"] = [{"what": "draft", "at": since}, {"what": "ready", "at": since}]
    return data


def approved_not_started(record_id: str = "godkant", decided: str = "2026-11-20") -> dict[str, Any]:
    data = saved("komplett.json", record_id)
    data["start"] = {
        "started_on": None,
        "address": None,
        "reported_to_list": None,
        "reported_date": None,
    }
    data["step5"]["decision_date"] = decided
    data["status"] = "decided"
    return data


def write(folder: Path, data: dict[str, Any], name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{data['id']}.json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def gathered(tmp_path: Path, *records: dict[str, Any]) -> Gathered:
    folder = tmp_path / "delad"
    for data in records:
        write(folder, data)
    return gather([folder])


def entry(tmp_path: Path, data: dict[str, Any]) -> Entry:
    found = gathered(tmp_path, data)
    assert not found.unreadable, found.unreadable
    (only,) = found.entries
    return only


def report(
    tmp_path: Path, *records: dict[str, Any], filters: Filters | None = None, today: date = TODAY
) -> Report:
    return build(gathered(tmp_path, *records), today, filters)
