"""The example variant's answers file with its future dates kept in the future.

examples/kulturforvaltningen-svar.json plans events on fixed days (2027-01-12,
2027-06-14) and sets goal deadlines; an event must lie ahead of the day it is
entered, so read as it is the file would stop being whole once those days pass.
Tests use this copy, whose future dates are counted from the day they run.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from scenario import day

SOURCE = Path(__file__).resolve().parents[1] / "examples" / "kulturforvaltningen-svar.json"


def variant_answers_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SOURCE.read_text(encoding="utf-8"))
    for number, event in enumerate(data["extra"]["evenemang"]):
        event["datum"] = day(60 + 30 * number)
    for number, goal in enumerate(data["step2"]["goals"]):
        goal["deadline"] = day(700 + 30 * number)
    return data


def _written() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kg-variant-answers-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / SOURCE.name
    path.write_text(json.dumps(variant_answers_data(), ensure_ascii=False), encoding="utf-8")
    return path


VARIANT_ANSWERS = _written()
