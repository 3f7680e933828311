"""`kontoguide schema` is right when an independent validator (jsonschema) agrees with it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cli_support import run_kontoguide

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
VALID = ["komplett", "klar-for-beslut", "avslaget", "startat-med-uppfoljning"]


@pytest.fixture(scope="module")
def validator(tmp_path_factory: pytest.TempPathFactory) -> Any:
    result = run_kontoguide("schema", home=tmp_path_factory.mktemp("home"))
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", VALID)
def test_every_example_answers_file_fits_the_schema(validator: Any, name: str) -> None:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    assert [error.message for error in validator.iter_errors(data)] == []


@pytest.mark.parametrize("name", VALID)
def test_every_stored_record_fits_the_schema(validator: Any, name: str, home: Path) -> None:
    result = run_kontoguide(
        "start", "--answers", str(EXAMPLES / f"{name}.json"), "--no-input", home=home
    )
    assert result.returncode == 0, result.stdout
    [path] = (home / "records").glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["history"] and data["status"] != "draft"
    assert [error.message for error in validator.iter_errors(data)] == []


def test_the_schema_refuses_what_the_program_refuses(validator: Any) -> None:
    data = json.loads((EXAMPLES / "med-fel.json").read_text(encoding="utf-8"))
    wrong = {".".join(str(p) for p in error.absolute_path) for error in validator.iter_errors(data)}
    assert "step1.comms_contact.email" in wrong  # not an e-mail address
    assert "step1.comms_contact.date" in wrong  # 30 February
    good = json.loads((EXAMPLES / "komplett.json").read_text(encoding="utf-8"))
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "status": "klar"})  # only the five states
    assert not validator.is_valid({**good, "step2": {**good["step2"], "goals": []} | {"x": 1}})
