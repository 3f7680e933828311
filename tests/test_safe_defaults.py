"""Destructive choices default to the cautious answer (issue 9): a quick Enter keeps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.questionnaire.prompting import NO
from kontoguide.store.storage import Store
from kontoguide.terminal import interactive
from kontoguide.terminal.views import RichScreen
from scenario import REVIEW_READY, ScriptedAsker
from test_interactive import NOTICE, ready_answers, screen, store  # noqa: F401  (fixtures)


def test_overwriting_the_document_defaults_to_keeping_it(
    checklist: Checklist,
    store: Store,  # noqa: F811
    screen: RichScreen,  # noqa: F811
    tmp_path: Path,
    ready_answers: dict[str, Any],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps(ready_answers), encoding="utf-8")
    script = {NOTICE: ["ja"], REVIEW_READY: ["complete"], m.I_OFFER_DOCX: ["ja"]}
    interactive.start(checklist, store, answers=answers, asker=ScriptedAsker(script), screen=screen)
    record_id = json.loads(next((store.folder).glob("*.json")).read_text(encoding="utf-8"))["id"]

    script = {m.I_MENU_DECISION: ["export", "leave"], m.I_DOCX_OVERWRITE: ["nej"]}
    asker = ScriptedAsker(script)
    interactive.resume(store, record_id, asker=asker, screen=screen)
    overwrite = [p for p in asker.prompts if p.message == m.I_DOCX_OVERWRITE]
    assert [p.default for p in overwrite] == [NO]
