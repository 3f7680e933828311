"""`kontoguide schema` is right when an independent validator (jsonschema) agrees with it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cli_support import run_kontoguide
from kontoguide.model.fieldtypes import NUMBER_LIMIT

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
VALID = ["komplett", "klar-for-beslut", "avslaget", "startat-med-uppfoljning"]


def _validator(home: Path, *args: str) -> Any:
    result = run_kontoguide("schema", *args, home=home)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def validator(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The answers-file schema (`kontoguide schema --answers`)."""
    return _validator(tmp_path_factory.mktemp("home"), "--answers")


@pytest.fixture(scope="module")
def record_validator(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The saved-record schema (`kontoguide schema`)."""
    return _validator(tmp_path_factory.mktemp("home"))


@pytest.mark.parametrize("name", VALID)
def test_every_example_answers_file_fits_the_schema(validator: Any, name: str) -> None:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    assert [error.message for error in validator.iter_errors(data)] == []


@pytest.mark.parametrize("name", VALID)
def test_every_stored_and_exported_record_fits_both_schemas(
    validator: Any, record_validator: Any, name: str, home: Path
) -> None:
    result = run_kontoguide(
        "start", "--answers", str(EXAMPLES / f"{name}.json"), "--no-input", home=home
    )
    assert result.returncode == 0, result.stdout
    [path] = (home / "records").glob("*.json")
    exported = home / "export.json"
    assert run_kontoguide("export", path.stem, "-o", str(exported), home=home).returncode == 0
    for file in (path, exported):
        data = json.loads(file.read_text(encoding="utf-8"))
        assert data["history"] and data["status"] != "draft"
        assert [error.message for error in record_validator.iter_errors(data)] == []
        assert [error.message for error in validator.iter_errors(data)] == []


def test_an_answers_file_is_not_a_saved_record(record_validator: Any) -> None:
    data = json.loads((EXAMPLES / "komplett.json").read_text(encoding="utf-8"))
    missing = {error.message for error in record_validator.iter_errors(data)}
    assert "'id' is a required property" in missing


def test_both_schemas_name_their_dialect_and_identity(
    validator: Any, record_validator: Any
) -> None:
    assert record_validator.schema["$schema"] == validator.schema["$schema"]
    assert record_validator.schema["$schema"].endswith("/draft/2020-12/schema")
    assert record_validator.schema["$id"] != validator.schema["$id"]


def test_the_schema_refuses_what_the_program_refuses(validator: Any) -> None:
    data = json.loads((EXAMPLES / "med-fel.json").read_text(encoding="utf-8"))
    wrong = {".".join(str(p) for p in error.absolute_path) for error in validator.iter_errors(data)}
    assert "step1.comms_contact.email" in wrong  # not an e-mail address
    assert "step1.comms_contact.date" in wrong  # 30 February
    good = json.loads((EXAMPLES / "komplett.json").read_text(encoding="utf-8"))
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "status": "klar"})  # only the five states
    assert not validator.is_valid({**good, "step2": {**good["step2"], "goals": []} | {"x": 1}})


def _number_fields(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every `"type": "number"` in a schema, with where it stands."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if node.get("type") == "number":
            found.append((where, node))
        for key, value in node.items():
            found += _number_fields(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _number_fields(value, f"{where}/{index}")
    return found


def test_both_schemas_show_the_models_bound_on_every_number(
    validator: Any, record_validator: Any
) -> None:
    for schema in (validator.schema, record_validator.schema):
        numbers = _number_fields(schema)
        assert len(numbers) >= 3  # a goal's baseline and target, a measured value
        for where, field in numbers:
            assert (field.get("minimum"), field.get("maximum")) == (
                -NUMBER_LIMIT,
                NUMBER_LIMIT,
            ), where


@pytest.mark.parametrize("value", [NUMBER_LIMIT + 1, -(NUMBER_LIMIT + 1), 1.7e308])
def test_the_schema_refuses_a_number_beyond_the_models_bound(
    validator: Any, record_validator: Any, value: float
) -> None:
    data = json.loads((EXAMPLES / "startat-med-uppfoljning.json").read_text(encoding="utf-8"))
    assert validator.is_valid(data)
    data["step2"]["goals"][0]["target"] = value
    errors = list(validator.iter_errors(data))
    assert errors
    # The goals are "a list or null": the bound's own error is one of the list branch's.
    deepest = {
        ".".join(str(p) for p in inner.absolute_path)
        for error in errors
        for inner in [error, *(error.context or ())]
        if inner.validator in ("maximum", "minimum")
    }
    assert deepest == {"step2.goals.0.target"}
    data["step2"]["goals"][0]["target"] = NUMBER_LIMIT  # the bound itself is accepted
    data["follow_ups"][0]["measurements"][0]["value"] = -NUMBER_LIMIT
    assert validator.is_valid(data)
