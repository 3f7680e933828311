"""What the model accepts, the document draws: numbers stay within reach of arithmetic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_support import run_kontoguide
from kontoguide.model import messages as m
from kontoguide.model.fieldtypes import NUMBER_LIMIT

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def huge(value: float) -> dict[str, object]:
    data = json.loads((EXAMPLES / "startat-med-uppfoljning.json").read_text(encoding="utf-8"))
    data["step2"]["goals"][0]["target"] = value
    data["follow_ups"][0]["measurements"][0]["value"] = -value
    return data


@pytest.mark.parametrize("value", [1.7e308, 1e16, NUMBER_LIMIT + 1])
def test_a_number_beyond_reach_is_refused_in_swedish(tmp_path: Path, value: float) -> None:
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(huge(value)), encoding="utf-8")
    done = run_kontoguide("validate", str(path), home=tmp_path / "home")
    assert done.returncode == 1
    assert " ".join(m.V_NUMBER_TOO_LARGE.split()) in " ".join(done.stdout.split())
    assert "Traceback" not in done.stderr


def test_a_stored_record_with_such_a_number_still_exports(tmp_path: Path) -> None:
    home = tmp_path / "home"
    record = json.loads((Path(__file__).parent / "data" / "v0.1-2026.4-started.json").read_text())
    record["step2"]["goals"][0]["target"] = 1.7e308
    record["step2"]["goals"][0]["baseline"] = -1.7e308
    (home / "records").mkdir(parents=True)
    (home / "records" / f"{record['id']}.json").write_text(json.dumps(record), encoding="utf-8")
    out = tmp_path / "x.docx"
    done = run_kontoguide("export", record["id"], "-o", str(out), home=home)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0 and out.is_file()


@settings(max_examples=60, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_accepted_number_draws_a_progress(value: float) -> None:
    from kontoguide.documents.follow_ups import goal_progress

    if abs(value) > NUMBER_LIMIT:
        return
    for baseline, target in ((0.0, NUMBER_LIMIT), (-NUMBER_LIMIT, NUMBER_LIMIT), (value, 0.0)):
        share, _ = goal_progress(baseline, target, value)
        assert share == share  # not NaN
        round(share * 100)
