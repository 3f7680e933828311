"""A variant asks each of the standard's questions at the standard's stage: the decision,
the start and the closing are never moved before their time (a record could not be
ready for a decision without its outcome), nor what the decision needs after it.
Such a variant is refused, by `checklist check` and by `start --checklist`, with a
message that names the section."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from export_support import EXAMPLES
from kontoguide.checklist.loading import load_checklist_file
from kontoguide.cli.app import app
from kontoguide.model.errors import ChecklistError, ExitCode
from variant_support import VARIANT_ANSWERS as ANSWERS

EXAMPLE = EXAMPLES / "kulturforvaltningen.toml"
EXAMPLE_BASE = EXAMPLES / "kulturforvaltningen-mall.docx"


def _example() -> str:
    """The example variant's text under another id."""
    text = EXAMPLE.read_text(encoding="utf-8")
    return text.replace('id = "kulturforvaltningen"', 'id = "flyttad"', 1)


def _write(folder: Path, text: str) -> Path:
    path = folder / "flyttad.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, folder)
    return path


def _variant(folder: Path, old: str, new: str) -> Path:
    text = _example()
    assert old in text
    return _write(folder, text.replace(old, new, 1))


def _stage_line(path: Path, section: str) -> int:
    """The line of a section's stage key (the line after its id)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines.index(f'id = "{section}"') + 2
    assert lines[line - 1].startswith("stage = ")
    return line


def _check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    return result.exit_code, " ".join(result.output.split())


def _closing_into_start(text: str) -> str:
    """The closing's questions asked with the start's (the closing section's header gone)."""
    start = text.index('[[sections]]\nid = "closing"\nstage = "closed"\n')
    end = text.index("[[sections.questions]]", start)
    return text[:start] + text[end:]


MOVES = [
    # The decision as a part of what is needed before it.
    ('id = "decision"\nstage = "decided"', 'id = "decision"\nstage = "ready"', "decision", "ready"),
    # The start with the decision.
    ('id = "start"\nstage = "started"', 'id = "start"\nstage = "decided"', "start", "decided"),
    # The closing once started.
    ('id = "closing"\nstage = "closed"', 'id = "closing"\nstage = "started"', "closing", "started"),
]


@pytest.mark.parametrize(("old", "new", "section", "stage"), MOVES)
def test_moving_a_later_section_to_an_earlier_stage_is_refused_naming_it(
    tmp_path: Path, old: str, new: str, section: str, stage: str
) -> None:
    path = _variant(tmp_path, old, new)
    code, said = _check(path)
    assert code == ExitCode.INVALID_DATA, said
    line = _stage_line(path, section)
    assert f"{path}:{line}: sections.{section}.stage: avsnittet {section} har stage" in said
    assert f'har stage = "{stage}"' in said
    assert "kan inte flytta beslutet, starten eller avslutet till ett tidigare läge" in said
    with pytest.raises(ChecklistError, match=f"avsnittet {section} har stage"):
        load_checklist_file(path)


def test_the_message_lists_the_questions_that_were_moved(tmp_path: Path) -> None:
    _, said = _check(_variant(tmp_path, *MOVES[0][:2]))
    moved = "step5.outcome, step5.decision_date, step5.case_number, step5.motivation"
    assert f'avsnittet decision med stage = "decided" ({moved},' in said


def test_decision_questions_in_a_section_of_the_variants_own_before_it_are_refused(
    tmp_path: Path,
) -> None:
    # The outcome question moved into the variant's own section (stage "ready").
    text = _example()
    start = text.index('field = "step5.outcome"')
    begin = text.rindex("[[sections.questions]]", 0, start)
    end = text.index("[[sections.questions]]", start)
    question = text[begin:end]
    text = text[:begin] + text[end:]
    at = text.index("[[sections.questions]]", text.index('id = "kultur_godkannande"'))
    code, said = _check(_write(tmp_path, text[:at] + question + text[at:]))
    assert code == ExitCode.INVALID_DATA, said
    assert "sections.kultur_godkannande.stage: avsnittet kultur_godkannande" in said
    assert 'avsnittet decision med stage = "decided" (step5.outcome)' in said


def test_the_closing_asked_with_the_start_is_refused(tmp_path: Path) -> None:
    code, said = _check(_write(tmp_path, _closing_into_start(_example())))
    assert code == ExitCode.INVALID_DATA, said
    assert "sections.start.stage: avsnittet start" in said
    assert "closing.closed_on" in said


def test_who_decides_cannot_be_moved_after_the_decision(tmp_path: Path) -> None:
    # The decision maker asked with the decision: a record would be "ready" without it.
    text = _example()
    step5 = text.index('[[sections]]\nid = "step5"')
    first = text.index("[[sections.questions]]", step5)
    decision = text.index('[[sections]]\nid = "decision"')
    decision_first = text.index("[[sections.questions]]", decision)
    own = '[[sections.questions]]\nid = "underlag_klart"\nkind = "yesno"\nlabel = "Klart?"\n\n'
    text = (
        text[:first]
        + own
        + text[decision:decision_first]
        + text[first:decision]
        + text[decision_first:]
    )
    code, said = _check(_write(tmp_path, text))
    assert code == ExitCode.INVALID_DATA, said
    assert 'sections.decision.stage: avsnittet decision har stage = "decided"' in said
    assert "step5.decision_maker.name" in said
    assert "till ett senare" in said


def test_start_refuses_such_a_variant_before_anything_is_saved(home: Path, tmp_path: Path) -> None:
    path = _variant(tmp_path, *MOVES[0][:2])
    result = CliRunner().invoke(
        app, ["start", "--checklist", str(path), "--answers", str(ANSWERS), "--no-input"]
    )
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "avsnittet decision har stage" in " ".join(result.output.split())
    assert list(home.rglob("*.json")) == []
    assert not (home / "checklists" / path.name).exists()


def test_the_example_variant_keeps_every_stage() -> None:
    assert load_checklist_file(EXAMPLE).id == "kulturforvaltningen"
