"""Shared fixtures: a private KONTOGUIDE_HOME, the shipped checklist, the complete example."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Checklist

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _no_accessible_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """ACCESSIBLE=1 on the machine running the tests would turn every run plain."""
    monkeypatch.delenv("ACCESSIBLE", raising=False)


@pytest.fixture(autouse=True)
def _titles_shortened_again() -> Iterator[None]:
    """A plain-mode run in this process (`resume --enkel` through CliRunner) says every
    title whole from then on (plain_screen); the next test must not inherit that."""
    from kontoguide.questionnaire.answer_text import whole_titles

    token = whole_titles.set(False)
    yield
    whole_titles.reset(token)


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Sets the process's local time zone (TZ) for the test, and back after it
    (time.tzset is POSIX only: mark such tests to skip on Windows)."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty KONTOGUIDE_HOME for this test."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("KONTOGUIDE_HOME", str(folder))
    return folder


@pytest.fixture
def checklist() -> Checklist:
    return load_checklist()


@pytest.fixture
def complete_answers() -> dict[str, Any]:
    """examples/komplett.json, parsed; a fresh copy for every test."""
    data: dict[str, Any] = json.loads((EXAMPLES / "komplett.json").read_text(encoding="utf-8"))
    return data
