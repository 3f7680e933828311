"""`start --answers F` fills F in with the checklist F names (issue 20).

An answers file for an installed variant was filled in with the standard and
reported whole: its own questions set aside, the variant's required ones never asked.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kontoguide.cli.app import app
from kontoguide.model.errors import ExitCode
from variant_support import VARIANT_ANSWERS as ANSWERS

ROOT = Path(__file__).resolve().parents[1]
VARIANT = ROOT / "examples" / "kulturforvaltningen.toml"


def start(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["start", *args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def saved(home: Path) -> dict[str, object]:
    (path,) = (home / "records").glob("*.json")
    data: dict[str, object] = json.loads(path.read_text("utf-8"))
    return data


def test_the_checklist_the_file_names_is_used(home: Path) -> None:
    assert json.loads(ANSWERS.read_text("utf-8"))["checklist_id"] == "kulturforvaltningen"
    # Installed once, as the README shows; then the file alone says which checklist.
    code, said = start("--checklist", str(VARIANT), "--answers", str(ANSWERS), "--no-input")
    assert code == ExitCode.OK, said
    for path in (home / "records").glob("*.json"):
        path.unlink()
    code, said = start("--answers", str(ANSWERS), "--no-input")
    assert code == ExitCode.OK, said
    record = saved(home)
    assert record["checklist_id"] == "kulturforvaltningen"
    assert record["extra"]  # the variant's own answers kept, not set aside
    assert not record.get("set_aside")


def test_a_file_for_a_checklist_not_installed_is_refused_naming_it(home: Path) -> None:
    code, said = start("--answers", str(ANSWERS), "--no-input")
    assert code == ExitCode.USAGE
    assert "kulturforvaltningen" in said
    assert not (home / "records").exists() or not list((home / "records").glob("*.json"))


def test_a_file_for_another_checklist_than_the_one_given_is_refused(home: Path) -> None:
    code, said = start("--checklist", "stockholm-standard", "--answers", str(ANSWERS), "--no-input")
    assert code == ExitCode.USAGE
    assert str(ANSWERS) in said
    assert "kulturforvaltningen" in said and "stockholm-standard" in said


def test_a_file_without_a_checklist_id_uses_the_standard(home: Path, tmp_path: Path) -> None:
    data = json.loads((ROOT / "examples" / "komplett.json").read_text("utf-8"))
    data.pop("checklist_id", None)
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, said = start("--answers", str(path), "--no-input")
    assert code == ExitCode.OK, said
    assert saved(home)["checklist_id"] == "stockholm-standard"
