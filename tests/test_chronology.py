"""The order of a record's dates (issue 19): groundwork, decision, start, follow-ups,
closing, each on or after the one before; a break is refused naming both dates."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.cli.app import app
from kontoguide.model.errors import ExitCode
from test_record import strict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2026, 11, 26)


def started() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (EXAMPLES / "startat-med-uppfoljning.json").read_text("utf-8")
    )
    return data


def messages(data: dict[str, Any], checklist: Checklist) -> dict[str, str]:
    return {p.path: p.message for p in strict(data, checklist, today=TODAY)}


def test_the_started_example_tells_a_possible_story(checklist: Checklist) -> None:
    assert messages(started(), checklist) == {}


@pytest.mark.parametrize(
    ("step", "key", "field", "what"),
    [
        ("step1", "comms_contact", "date", m.V_EARLIER_COMMS),
        ("step3", "officer_dialogue", "date", m.V_EARLIER_OFFICER),
        ("step4", "data_protection", "dpo_date", m.V_EARLIER_DPO),
    ],
)
def test_a_decision_before_its_groundwork_is_refused_naming_both_dates(
    checklist: Checklist, step: str, key: str, field: str, what: str
) -> None:
    data = started()
    data[step][key][field] = "2026-04-15"  # the day after the decision
    found = messages(data, checklist)
    assert found == {
        "step5.decision_date": m.V_DECIDED_BEFORE_EARLIER.format(
            decision="2026-04-14", what=what, earlier="2026-04-15"
        )
    }
    data[step][key][field] = "2026-04-14"  # the same day is possible
    assert messages(data, checklist) == {}


def test_the_old_example_with_its_groundwork_after_the_decision_is_refused(
    checklist: Checklist,
) -> None:
    # The dates examples/startat-med-uppfoljning.json had before issue 19.
    data = started()
    data["step1"]["comms_contact"]["date"] = "2026-10-14"
    data["step3"]["officer_dialogue"]["date"] = "2026-10-21"
    data["step4"]["data_protection"]["dpo_date"] = "2026-10-28"
    (message,) = messages(data, checklist).values()
    assert "2026-04-14" in message and "2026-10-14" in message


def test_a_start_before_the_decision_names_both_dates(checklist: Checklist) -> None:
    data = started()
    data["start"]["started_on"] = "2026-04-13"
    found = messages(data, checklist)
    assert any(
        message == m.V_START_BEFORE_DECISION.format(day="2026-04-13", decision="2026-04-14")
        for message in found.values()
    ), found


def test_a_follow_up_before_the_start_names_both_dates(checklist: Checklist) -> None:
    data = started()
    data["follow_ups"][0]["held_on"] = "2026-05-03"
    for measurement in data["follow_ups"][0]["measurements"]:
        measurement["measured_on"] = "2026-05-03"
    found = " ".join(messages(data, checklist).values())
    assert (
        m.V_FOLLOW_UP_BEFORE_START.format(number=1, held="2026-05-03", start="2026-05-04") in found
    )


def closed(data: dict[str, Any], day: str) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    changed["closing"] = {
        "closed_on": day,
        "archived": True,
        "comms_told": True,
        "removed_from_list": True,
    }
    return changed


def test_a_closing_before_a_follow_up_is_refused_naming_both_dates(
    checklist: Checklist,
) -> None:
    held = started()["follow_ups"][0]["held_on"]  # 2026-11-16
    found = messages(closed(started(), "2026-11-15"), checklist)
    assert found == {
        "closing.closed_on": m.V_CLOSED_BEFORE_FOLLOW_UP.format(
            closed="2026-11-15", number=1, held=held
        )
    }
    # The last follow-up may be the one that concludes to close, held that same day.
    assert messages(closed(started(), held), checklist) == {}


def test_validate_refuses_a_file_whose_decision_comes_before_its_groundwork(
    home: Path, tmp_path: Path
) -> None:
    data = started()
    data["step1"]["comms_contact"]["date"] = "2026-10-14"
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == ExitCode.INVALID_DATA
    text = " ".join(result.stdout.split())
    assert "2026-04-14" in text and "2026-10-14" in text
