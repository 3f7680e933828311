"""`validate` and `start --no-input` list problems by step, named by the question,
wrapped to the terminal with a hanging indent, no word broken (issue 9)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cli_support import run_kontoguide
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.rules.field_problems import Problem
from kontoguide.rules.problem_report import BULLET, HANGING, grouped, joined, label_of, report_lines
from test_record import TODAY

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FIELD_PATH = re.compile(r"\b(step\d|organisation|notice|start|closing)\.[a-z_]+|\[\d+\]")


def med_fel_problems(checklist: Checklist) -> list[Problem]:
    from kontoguide.rules.completeness import problems
    from kontoguide.rules.pruning import prune
    from kontoguide.rules.validation import make_context
    from kontoguide.store.drafts import with_identity

    data = json.loads((EXAMPLES / "med-fel.json").read_text(encoding="utf-8"))
    candidate = with_identity(data, checklist, "medfel")
    record, invalid = prune(candidate, make_context(checklist, today=TODAY))
    seen = {p.path for p in invalid}
    rest = [p for p in problems(record, checklist, today=TODAY) if p.path not in seen]
    from kontoguide.rules.completeness import in_checklist_order

    return in_checklist_order([*invalid, *rest], checklist)


@pytest.mark.parametrize("width", [60, 80])
def test_lines_fit_the_width_and_no_word_is_broken(checklist: Checklist, width: int) -> None:
    found = med_fel_problems(checklist)
    lines = report_lines(found, checklist, width)
    for line in lines:
        assert len(line) <= width or " " not in line.strip(), line
    # Every word arrives whole: the words on screen are the words of the texts.
    expected = m.CLI_PROBLEMS_HEADER.format(count=len(found)).split()
    for group in grouped(found, checklist):
        expected += m.PR_GROUP_HEADING.format(
            heading=group.heading, count=len(group.problems)
        ).split()
        for problem in group.problems:
            expected += ["-", *joined(label_of(problem, checklist), problem.message).split()]
    assert " ".join(lines).split() == expected


@pytest.mark.parametrize("width", [60, 80])
def test_a_problem_s_lines_hang_under_its_bullet(checklist: Checklist, width: int) -> None:
    lines = report_lines(med_fel_problems(checklist), checklist, width)
    in_group = False
    continued = 0
    for line in lines[1:]:
        if not line:
            in_group = False
            continue
        if not in_group:  # a heading
            in_group = True
            continue
        if line.startswith(BULLET):
            continue
        assert line.startswith(HANGING) and not line.startswith(HANGING + " "), line
        continued += 1
    assert continued > 10  # the example's messages do wrap at these widths


def test_problems_are_grouped_by_step_with_a_count(checklist: Checklist) -> None:
    found = med_fel_problems(checklist)
    groups = grouped(found, checklist)
    headings = [group.heading for group in groups]
    steps = [f"Steg {s.number}: {s.title}" for s in checklist.steps]
    assert [h for h in headings if h.startswith("Steg ")] == steps
    assert sum(len(group.problems) for group in groups) == len(found)
    text = "\n".join(report_lines(found, checklist, 80))
    step4 = next(group for group in groups if group.heading.startswith("Steg 4"))
    assert f"Steg 4: Organisation och rutiner ({len(step4.problems)})" in text


def test_problems_are_named_by_the_question_never_by_the_field(checklist: Checklist) -> None:
    found = med_fel_problems(checklist)
    text = "\n".join(report_lines(found, checklist, 80))
    assert FIELD_PATH.search(text) is None, FIELD_PATH.search(text)
    assert "Var finns krisplanen? " + m.V_LINK_OR_REFERENCE.format(words=3)[:20] in " ".join(
        text.split()
    )


def test_a_part_rule_and_a_list_item_get_the_model_s_title(checklist: Checklist) -> None:
    deputy = Problem("step2.deputy", "Ersättare", m.V_DEPUTY_SAME)
    goal = Problem("step2.goals[0].target", "Mätbara mål 1 › Målvärde", m.V_NUMBER)
    follow = Problem("follow_ups[0].assessment", "Uppföljningar 1 › Samlad bedömning", "x")
    groups = grouped([deputy, goal, follow], checklist)
    assert [g.heading for g in groups] == [
        "Steg 2: Syfte, mål, målgrupp och ansvarig",
        "Uppföljningar",
    ]
    assert label_of(goal, checklist) == "Mätbara mål 1 › Målvärde"


def _cli_lines(result: Any) -> list[str]:
    return result.stdout.splitlines()


@pytest.mark.parametrize("width", ["60", "80"])
def test_validate_prints_the_report_at_the_terminal_width(tmp_path: Path, width: str) -> None:
    result = run_kontoguide(
        "validate", str(EXAMPLES / "med-fel.json"), home=tmp_path, env={"COLUMNS": width}
    )
    assert result.returncode == 1
    lines = _cli_lines(result)
    assert "Steg 1: Förarbete – styrdokument, stöd och omvärld (5)" in " ".join(lines)
    assert all(len(line) <= int(width) or " " not in line.strip() for line in lines)
    assert "step1." not in result.stdout and "step4." not in result.stdout


def test_start_no_input_prints_the_same_report(tmp_path: Path) -> None:
    result = run_kontoguide(
        "start",
        "--answers",
        str(EXAMPLES / "med-fel.json"),
        "--no-input",
        home=tmp_path,
        env={"COLUMNS": "60"},
    )
    assert result.returncode == 1
    assert "Steg 4: Organisation och rutiner (" in result.stdout
    assert "step4." not in result.stdout
    assert all(len(line) <= 60 or " " not in line.strip() for line in _cli_lines(result))


def test_a_printed_command_is_never_split_over_two_lines() -> None:
    from kontoguide.rules.problem_report import wrap_text

    text = (
        m.CLI_SET_ASIDE_KEPT.format(count=15) + " " + m.CLI_NEXT_RESUME.format(draft_id="k7f3q9x2")
    )
    for width in range(30, 90):
        lines = wrap_text(text, width)
        assert any("kontoguide resume k7f3q9x2" in line for line in lines), (width, lines)
        assert " ".join(lines).split() == text.split()


@pytest.mark.parametrize("width", [60, 80])
def test_the_questionnaire_s_problem_list_hangs_its_lines(checklist: Checklist, width: int) -> None:
    import io

    from rich.console import Console

    from kontoguide.questionnaire.events import ProblemsShown
    from kontoguide.terminal.views import RichScreen

    found = med_fel_problems(checklist)
    screen = RichScreen(Console(file=io.StringIO(), width=width, no_color=True))
    screen.show(ProblemsShown(tuple(found)))
    file = screen.console.file
    assert isinstance(file, io.StringIO)
    lines = [line.rstrip() for line in file.getvalue().splitlines() if line.strip()][1:]
    for line in lines:
        assert len(line) <= width
        assert line.startswith(("  - ", "    ")) and not line.startswith("     "), line
    expected: list[str] = []
    for problem in found:
        expected += ["-", *f"{problem.title}: {problem.message}".split()]
    assert " ".join(lines).split() == expected
