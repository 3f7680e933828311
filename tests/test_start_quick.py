"""`start` up to its first question: the cycle collector waits while loading (issue 23)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kontoguide.cli import commands
from kontoguide.cli.app import app
from kontoguide.model.errors import ExitCode

KOMPLETT = Path(__file__).resolve().parents[1] / "examples" / "komplett.json"


def test_the_checklist_loads_with_the_collector_paused_and_it_is_back_after(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    load = commands._checklist_for

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(commands, "_checklist_for", watched)
    assert gc.isenabled()
    result = CliRunner().invoke(app, ["start", "--answers", str(KOMPLETT), "--no-input"])
    assert result.exit_code == ExitCode.OK, result.output
    assert seen == [False]
    assert gc.isenabled()
