"""Checklist variants with their own questions (issue 10), end to end.

The example variant (examples/kulturforvaltningen.toml) adds questions of every
kind, a condition, a list and a section of its own, and has its own base document.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from kontoguide.checklist import loading as checklist_module
from kontoguide.checklist.added_questions import extra_model, record_model
from kontoguide.checklist.install import install_checklist
from kontoguide.checklist.loading import load_checklist, load_checklist_file
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.cli.app import app
from kontoguide.model.errors import ChecklistError
from kontoguide.model.record import Record
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.flow import Flow
from kontoguide.rules.completeness import missing_answers
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store.drafts import new_record, record_from_data
from kontoguide.terminal.prompts import QuestionaryAsker
from scenario import RecordingScreen, day, keys_for, list_keys
from variant_support import VARIANT_ANSWERS as EXAMPLE_ANSWERS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kulturforvaltningen.toml"
EXAMPLE_BASE = ROOT / "examples" / "kulturforvaltningen-mall.docx"
SHIPPED = ROOT / "checklists" / "stockholm-standard.toml"
KOMPLETT = ROOT / "examples" / "komplett.json"
SRC = ROOT / "src" / "kontoguide"

MANDATORY = {
    "step1.policy_read",
    "step2.responsible.name",
    "step2.responsible.title",
    "step2.responsible.unit",
    "step2.responsible.email",
    "step2.responsible.phone",
    "step2.goals",
    "step2.target_groups",
    "step4.watch_duty",
    "step4.data_protection.controller",
    "step4.data_protection.dpo_consulted",
    "step4.data_protection.legal_basis",
    "step4.security.two_factor",
    "step4.archiving.contact",
    "step4.archiving.frequency",
    "step4.archiving.records_law",
    "step5.decision_maker.name",
    "step5.decision_maker.title",
    "step5.outcome",
    "step5.decision_date",
}

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def variant() -> Checklist:
    return load_checklist_file(EXAMPLE)


@pytest.fixture
def installed(home: Path) -> Checklist:
    return install_checklist(str(EXAMPLE))


def answers() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    return data


def write_answers(folder: Path, data: dict[str, Any], name: str = "svar.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def variant_text(checklist_id: str, text: str | None = None) -> str:
    text = text if text is not None else SHIPPED.read_text(encoding="utf-8")
    return text.replace('id = "stockholm-standard"', f'id = "{checklist_id}"', 1)


def without_question(text: str, field: str) -> str:
    """The checklist text with the question for `field` (and its item fields) cut out."""
    at = text.index(f'field = "{field}"')
    start = text.rindex("[[sections.questions]]", 0, at)
    following = [text.find(h, at) for h in ("[[sections.questions]]", "[[sections]]", "# --- ")]
    end = min(i for i in following if i != -1)
    return text[:start] + text[end:]


# --- the required questions, marked in the standard ----------------------------------


def test_the_standard_marks_exactly_the_questions_the_guide_policy_and_law_require(
    checklist: Checklist,
) -> None:
    marked = {q.field for _, q in checklist.questions() if q.mandatory}
    assert marked == MANDATORY


@pytest.mark.parametrize(
    "field", ["step1.policy_read", "step2.goals", "step4.security.two_factor", "step5.outcome"]
)
def test_a_variant_that_leaves_out_a_required_question_is_refused_naming_it(
    tmp_path: Path, field: str
) -> None:
    path = tmp_path / "utan.toml"
    path.write_text(without_question(variant_text("utan"), field), encoding="utf-8")
    with pytest.raises(ChecklistError) as refused:
        load_checklist_file(path)
    assert field in refused.value.message
    assert "får inte tas bort" in refused.value.message
    assert str(path) in refused.value.message


def test_a_required_question_cannot_be_made_optional(tmp_path: Path) -> None:
    text = variant_text("frivillig").replace(
        'field = "step4.watch_duty"\nkind = "yesno"',
        'field = "step4.watch_duty"\nkind = "yesno"\nrequired = false',
        1,
    )
    path = tmp_path / "frivillig.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"step4\.watch_duty"):
        load_checklist_file(path)


def test_the_standard_may_leave_out_what_it_likes_of_its_own(checklist: Checklist) -> None:
    # The rule is about variants; the standard is the reference itself.
    assert checklist.id == "stockholm-standard"


# --- the example variant: every kind of added question ---------------------------------


def test_the_example_adds_questions_of_every_kind_a_condition_a_list_and_a_section(
    variant: Checklist,
) -> None:
    added = [q for _, q in variant.questions() if q.is_added]
    kinds = {q.kind for q in added} | {f.kind for q in added for f in q.fields}
    every = {"text", "longtext", "yesno", "choice", "multichoice", "date", "email", "number"}
    assert kinds == every | {"list"}
    assert len(added) >= 5
    assert any(q.when is not None for q in added)
    assert all(q.field == f"extra.{q.id}" for q in added)
    own = [s for s in variant.sections if all(q.is_added for q in s.questions)]
    assert [s.id for s in own] == ["kultur_godkannande"]
    assert variant.base_docx == "kulturforvaltningen-mall.docx"


def test_the_example_names_every_question_in_record_form(variant: Checklist) -> None:
    # Read page by page, the variant's document printed "Har du läst förvaltningens
    # egen kanalstrategi?" as a heading: a question to the applicant, not a record.
    from kontoguide.documents.labels import question_label

    for checklist in (load_checklist(), variant):
        asked = [q.field for _, q in checklist.questions() if question_label(q).endswith("?")]
        assert asked == [], checklist.id


def test_the_example_answers_file_validates_with_the_variant(installed: Checklist) -> None:
    result = run("validate", str(EXAMPLE_ANSWERS))
    assert result.exit_code == 0, result.output
    assert "allt som behövs finns och stämmer" in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("kanalstrategi_last", False, "Läs förvaltningens kanalstrategi"),
        ("barn_anpassning", "För kort.", m.CV_MIN_WORDS.format(words=10)),
        ("besokare_per_manad", -5, m.V_NUMBER_RANGE.format(low=0, high=1000000)),
        ("besokare_per_manad", "många", m.V_NUMBER),
        ("arkivarie_epost", "arkiv@", m.V_EMAIL),
        ("arkivarie_kontakt_datum", "2099-01-01", "framtiden"),
        ("publiker", ["barn", "pensionarer"], "Barn upp till 12 år"),
        ("huvudpublik", "alla", "Unga 13–19 år (unga)"),
        ("godkannande_diarienummer", "2026/412", "Skriv diarienumret som KUF"),
        ("avdelningschef_godkant", False, "Be avdelningschefen"),
    ],
)
def test_each_rule_of_an_added_question_is_enforced_in_an_answers_file(
    installed: Checklist, tmp_path: Path, key: str, value: Any, message: str
) -> None:
    data = answers()
    data["extra"][key] = value
    result = run("validate", str(write_answers(tmp_path, data)))
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    # Named by the question, as the person saw it (the report never shows field paths).
    assert installed.question(f"extra.{key}").document_label in said
    assert message in said


def test_an_added_list_item_is_checked_field_by_field(installed: Checklist, tmp_path: Path) -> None:
    data = answers()
    data["extra"]["evenemang"][0]["bokningslank"] = "www.exempel.se"
    data["extra"]["evenemang"][1]["datum"] = "2020-01-01"
    result = run("validate", str(write_answers(tmp_path, data)))
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "Planerade evenemang 1 › Bokningslänk" in said and "https://" in said
    assert "Planerade evenemang 2 › Datum" in said


def test_a_conditional_item_field_is_required_only_when_its_condition_holds(
    variant: Checklist,
) -> None:
    model = extra_model(variant)
    item = {"namn": "Läsecirkel", "datum": "2099-01-01", "bokning": False}
    context = make_context(variant)
    model.model_validate({"evenemang": [item]}, context=context)
    with pytest.raises(ValueError, match="bokningslank"):
        model.model_validate({"evenemang": [{**item, "bokning": True}]}, context=context)


def test_at_most_n_items(installed: Checklist, tmp_path: Path) -> None:
    data = answers()
    event = data["extra"]["evenemang"][1]
    data["extra"]["evenemang"] = [event] * 21
    result = run("validate", str(write_answers(tmp_path, data)))
    assert result.exit_code == 1
    assert m.V_TOO_MANY_SET_ASIDE.format(max=20, count=1) in " ".join(result.output.split())


def test_a_condition_on_an_added_choice_decides_whether_it_is_required(variant: Checklist) -> None:
    data = answers()
    del data["extra"]["barn_anpassning"]
    data["extra"]["publiker"] = ["unga"]
    context = make_context(variant)
    base = new_record(variant, "villkor1").model_dump(mode="json")
    record, set_aside = prune({**base, **data, "checklist_id": variant.id}, context)
    assert set_aside == []
    assert "extra.barn_anpassning" not in {p.path for p in missing_answers(record, variant)}
    data["extra"]["publiker"] = ["barn"]
    record, _ = prune({**base, **data, "checklist_id": variant.id}, context)
    missing = {p.path: p for p in missing_answers(record, variant)}
    assert "extra.barn_anpassning" in missing
    assert missing["extra.barn_anpassning"].title == "Anpassning för barn"


def test_unknown_added_answers_are_set_aside_not_dropped(variant: Checklist) -> None:
    base = new_record(variant, "okand01").model_dump(mode="json")
    base["extra"] = {"finns_inte": "kvar", "besokare_per_manad": 10}
    record, problems = prune(base, make_context(variant))
    assert record.extra == {"besokare_per_manad": 10}
    assert record.set_aside == {"extra.finns_inte": "kvar"}
    assert [p.path for p in problems] == ["extra.finns_inte"]


# --- the schema --------------------------------------------------------------------------


def test_schema_for_a_checklist_describes_its_own_questions(installed: Checklist) -> None:
    result = run("schema", "--checklist", "kulturforvaltningen")
    assert result.exit_code == 0
    described = json.loads(result.output)
    assert described["$id"].endswith(":kulturforvaltningen:2026.1")
    extra = described["$defs"]["Extra_kulturforvaltningen"]
    assert extra["additionalProperties"] is False
    assert extra["properties"]["besokare_per_manad"]["x-unit"] == "besökare per månad"
    assert extra["properties"]["besokare_per_manad"]["maximum"] == 1000000
    answers_schema = json.loads(
        run("schema", "--checklist", "kulturforvaltningen", "--answers").output
    )
    jsonschema.validate(answers(), answers_schema)
    wrong = answers()
    wrong["extra"]["okand"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, answers_schema)


def test_schema_for_an_unknown_checklist_is_a_message(home: Path) -> None:
    result = run("schema", "--checklist", "finns-inte")
    assert result.exit_code == 2
    assert "finns-inte" in result.output


# --- the questionnaire through real prompts -------------------------------------------


@pytest.fixture
def pipe() -> Any:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def test_every_kind_of_added_question_through_real_prompts(
    variant: Checklist, pipe: PipeInput
) -> None:
    data = new_record(variant, "prompt02").model_dump(mode="json")
    data["notice"] = {"acknowledged": True, "acknowledged_at": data["created_at"]}
    flow = Flow(variant, Record.model_validate(data), save=lambda _: None)
    given: dict[str, Any] = {
        "kanalstrategi_last": True,
        "huvudpublik": "vuxna",
        "barn_anpassning": (
            "Vi visar inga barn i bild och skriver enkelt så att alla förstår vad som händer."
        ),
        "besokare_per_manad": "2 500",
        "arkivarie_epost": "arkiv.kultur@stockholm.se",
        "arkivarie_kontakt_datum": day(-3),
        "avdelningschef_godkant": True,
        "godkannande_diarienummer": "KUF 2026/9",
    }
    events = [
        {
            "namn": "Sommarboken",
            "datum": day(40),
            "bokning": True,
            "bokningslank": "https://a.se/b",
        },
        {"namn": "Läxhjälp", "datum": day(10), "bokning": False},
    ]
    keys = ""
    talk_questions = []
    for section, question in variant.questions("ready"):
        if not question.is_added:
            continue
        assert question.id is not None
        talk_questions.append((section, question))
        if question.kind == "list":
            # An optional list starts at its menu, on "add".
            keys += "\r" + list_keys(variant, question, events)
        elif question.kind == "multichoice":
            keys += " " + "\r"  # the first option (barn) marked, then Enter
        else:
            keys += keys_for(variant, question, given[question.id])
    pipe.send_text(keys)
    talk = Conversation(flow, QuestionaryAsker(input=pipe, output=DummyOutput()), RecordingScreen())
    for section, question in talk_questions:
        if question.kind == "list":
            talk.ask_list(question)
        elif flow.is_applicable(question):
            talk.ask(section, question)
    extra = flow.record.extra
    assert extra["kanalstrategi_last"] is True
    assert extra["publiker"] == ["barn"]
    assert extra["huvudpublik"] == "vuxna"
    assert extra["besokare_per_manad"] == 2500
    assert extra["arkivarie_epost"] == "arkiv.kultur@stockholm.se"
    assert extra["arkivarie_kontakt_datum"].isoformat() == day(-3)
    assert [item["namn"] for item in extra["evenemang"]] == ["Sommarboken", "Läxhjälp"]
    assert extra["evenemang"][1]["bokningslank"] is None
    assert extra["godkannande_diarienummer"] == "KUF 2026/9"
    summary = {row.field: row for s in flow.summary() for row in s.rows}
    assert summary["extra.besokare_per_manad"].answer == "2500 besökare per månad"


def test_a_refused_added_answer_is_asked_again_in_place(
    variant: Checklist, pipe: PipeInput
) -> None:
    data = new_record(variant, "prompt03").model_dump(mode="json")
    data["notice"] = {"acknowledged": True, "acknowledged_at": data["created_at"]}
    flow = Flow(variant, Record.model_validate(data), save=lambda _: None)
    question = variant.question("extra.godkannande_diarienummer")
    section = next(s for s in variant.sections if question in s.questions)
    # Refused ("2026/9" does not fit the pattern); the text stays, so "KUF " goes first.
    pipe.send_text("2026/9\r" + "\x01" + "KUF " + "\r")
    screen = RecordingScreen()
    talk = Conversation(flow, QuestionaryAsker(input=pipe, output=DummyOutput()), screen)
    talk.ask(section, question)
    assert flow.record.extra["godkannande_diarienummer"] == "KUF 2026/9"


# --- export with the variant's base document ---------------------------------------------


def test_start_validate_and_export_with_the_variant_end_to_end(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "variant"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    shutil.copy(EXAMPLE_BASE, folder)
    started = run(
        "start",
        "--checklist",
        str(folder / EXAMPLE.name),
        "--answers",
        str(EXAMPLE_ANSWERS),
        "--no-input",
    )
    assert started.exit_code == 0, started.output
    (stored,) = (home / "records").glob("*.json")
    record = json.loads(stored.read_text(encoding="utf-8"))
    assert record["checklist_id"] == "kulturforvaltningen"
    assert record["checklist_version"] == "2026.1"
    assert record["extra"]["besokare_per_manad"] == 2500
    assert run("validate", stored.stem).exit_code == 0

    assert run("export", stored.stem, "-o", "ut.docx").exit_code == 0
    document = docx.Document(str(tmp_path / "ut.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    # Added questions stand in their step, in checklist order, like standard ones.
    order = [
        "Förvaltningens kanalstrategi är läst",
        "Förvaltningens publiker",
        "Viktigaste publiken",
        "Anpassning för barn",
        "Besökare i dag",
        "Planerade evenemang",
        "Förvaltningens arkivarie: e-post",
        "Förvaltningens egna godkännande".replace("egna ", "eget "),
        "Avdelningschefens godkännande",
    ]
    positions = [text.index(label) for label in order]
    assert positions == sorted(positions)
    assert "2500 besökare per månad" in text
    assert "Sommarboken – startträff" in cells and "Bokningslänk" in cells
    assert "KUF 2026/412" in text
    # The variant's styles and its logo came from its base document.
    assert document.styles["Normal"].font.name == "Georgia"
    with zipfile.ZipFile(tmp_path / "ut.docx") as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        headers = "".join(
            archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.startswith("word/header")
        )
    assert any(name.endswith(".png") for name in media)
    assert "Logga" in headers

    assert run("export", stored.stem, "-o", "ut.md").exit_code == 0
    markdown = (tmp_path / "ut.md").read_text(encoding="utf-8")
    assert markdown.index("Förvaltningens kanalstrategi är läst") < markdown.index("Steg 2")
    assert "| Sommarboken – startträff |" in markdown
    assert run("export", stored.stem, "-o", "ut.json").exit_code == 0
    exported = json.loads((tmp_path / "ut.json").read_text(encoding="utf-8"))
    assert exported["extra"]["publiker"] == ["barn", "unga"]


# --- a new version of a variant: older drafts keep working -------------------------------


def _version_two(text: str) -> str:
    text = text.replace('version = "2026.1"', 'version = "2026.2"', 1)
    # Tightened: ten words were enough, now twenty are needed.
    text = text.replace("min_words = 10\n", "min_words = 20\n", 1)
    # Removed: the e-mail of the archivist.
    at = text.index('id = "arkivarie_epost"')
    start = text.rindex("[[sections.questions]]", 0, at)
    end = text.index("[[sections.questions]]", at)
    text = text[:start] + text[end:]
    # Added: a new required question in the own section.
    return text.replace(
        "# --- steg 5",
        '[[sections.questions]]\nid = "ny_fraga"\nkind = "text"\n'
        'label = "En ny fråga i version 2?"\n\n# --- steg 5',
        1,
    )


def test_a_draft_of_an_older_version_keeps_every_answer(home: Path, tmp_path: Path) -> None:
    old = install_checklist(str(EXAMPLE))
    data = answers()
    base = new_record(old, "uppgr01").model_dump(mode="json")
    record, _ = prune({**base, **data, "checklist_id": old.id}, make_context(old))
    stored = record.model_dump(mode="json")
    assert stored["extra"]["arkivarie_epost"] == "arkiv.kultur@stockholm.se"

    # The administration publishes version 2 of its variant in the same place.
    installed = home / "checklists" / EXAMPLE.name
    installed.write_text(_version_two(EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    checklist_module._load_cached.cache_clear()  # a new run of kontoguide
    new = load_checklist("kulturforvaltningen")
    assert new.version == "2026.2"

    loaded = record_from_data(tmp_path / "uppgr01.json", stored)
    aside = loaded.record.set_aside
    # Nothing dropped: the removed and the tightened answers are set aside, kept.
    assert aside["extra.arkivarie_epost"] == "arkiv.kultur@stockholm.se"
    assert aside["extra.barn_anpassning"] == data["extra"]["barn_anpassning"]
    assert "extra.barn_anpassning" not in loaded.record.extra
    assert loaded.record.extra["besokare_per_manad"] == 2500
    reasons = {p.path: p.message for p in loaded.set_aside_now}
    assert reasons["extra.barn_anpassning"] == m.CV_MIN_WORDS.format(words=20)
    # Asked again: the tightened question comes up with its old answer shown; the
    # new one is missing.
    flow = Flow(new, loaded.record, save=lambda _: None)
    assert flow.set_aside_for("extra.barn_anpassning") is not None
    missing = {p.path for p in missing_answers(loaded.record, new)}
    assert {"extra.barn_anpassning", "extra.ny_fraga"} <= missing


# --- for the author of a variant: checklist new / check / list ------------------------


def test_checklist_new_writes_a_variant_that_passes_the_check(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("checklist", "new", "min-variant")
    assert result.exit_code == 0, result.output
    written = tmp_path / "min-variant.toml"
    text = written.read_text(encoding="utf-8")
    assert 'id = "min-variant"' in text
    assert "(variant min-variant)" in text
    for kind in ("text", "longtext", "yesno", "choice", "multichoice", "date", "email"):
        assert f'# kind = "{kind}"' in text
    assert '# kind = "number"' in text and '# kind = "list"' in text
    checked = run("checklist", "check", str(written))
    assert checked.exit_code == 0, checked.output
    # Never over an existing file.
    again = run("checklist", "new", "min-variant")
    assert again.exit_code == 2
    assert written.read_text(encoding="utf-8") == text
    assert run("checklist", "new", "stockholm-standard").exit_code == 2


def test_the_commented_examples_are_a_valid_variant_once_uncommented(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run("checklist", "new", "exempel")
    text = (tmp_path / "exempel.toml").read_text(encoding="utf-8")
    head, marker, tail = text.partition("# --- egna frågor: exempel")
    block, step5, rest = tail.partition("# --- steg 5")
    lines = block.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("# egna_kanaler"))
    body = lines[:start] + [
        line[2:] if line.startswith("# ") else ("" if line == "#" else line)
        for line in lines[start:]
    ]
    uncommented = "\n".join(body)
    choices_end = uncommented.index("]\n", uncommented.index("egna_kanaler = [")) + 2
    choices = uncommented[uncommented.index("egna_kanaler = [") : choices_end]
    uncommented = uncommented.replace(choices, "")
    head = head.replace("[choices]\n", "[choices]\n" + choices, 1)
    path = tmp_path / "exempel.toml"
    path.write_text(head + marker + uncommented + step5 + rest, encoding="utf-8")
    checked = load_checklist_file(path)
    kinds = {q.kind for _, q in checked.questions() if q.is_added}
    assert kinds == {
        "text", "longtext", "yesno", "choice", "multichoice", "date", "email", "number", "list"
    }  # fmt: skip
    # The pattern's example is one its own hint gives.
    pattern = checked.question("extra.diarienummer_internt").pattern
    assert pattern is not None and re.fullmatch(pattern, "KUF 2026/123")
    assert run("checklist", "check", str(path)).exit_code == 0
    # It starts; the examples' questions are still to be answered (saved as a draft).
    started = run("start", "--checklist", str(path), "--answers", str(KOMPLETT), "--no-input")
    assert started.exit_code == 1, started.output
    assert "Vilken e-postadress har arkivarien?" in started.output
    (stored,) = (home / "records").glob("*.json")
    assert json.loads(stored.read_text(encoding="utf-8"))["checklist_id"] == "exempel"


def test_checklist_new_output_starts_unchanged(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("checklist", "new", "min-variant").exit_code == 0
    written = tmp_path / "min-variant.toml"
    started = run("start", "--checklist", str(written), "--answers", str(KOMPLETT), "--no-input")
    assert started.exit_code == 0, started.output
    (stored,) = (home / "records").glob("*.json")
    record = json.loads(stored.read_text(encoding="utf-8"))
    assert (record["checklist_id"], record["checklist_version"]) == ("min-variant", "1")
    assert (home / "checklists" / "min-variant.toml").read_bytes() == written.read_bytes()


def test_checklist_check_names_every_problem_with_file_line_and_reason(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', 'id = "trasig"', 1
    )
    text = without_question(text, "step4.security.two_factor")
    text = text.replace('choices = "kultur_publiker"', 'choices = "kultur_publik"', 1)
    text = text.replace('id = "arkivarie_kontakt_datum"', 'id = "arkivarie_epost"', 1)
    path = tmp_path / "trasig.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, tmp_path)
    result = run("checklist", "check", str(path))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    said = "\n".join(lines)
    # Three mistakes, and the condition that names a value of the misnamed list.
    assert "4 fel" in result.output
    assert "vallistan kultur_publik finns inte" in said
    assert "id arkivarie_epost används för två frågor" in said
    assert "step4.security.two_factor" in said and "får inte tas bort" in said
    source = text.splitlines()
    for line in lines[1:]:
        number = int(line.split(":")[1])
        assert source[number - 1].startswith(("[[sections", "id ="))
    assert "Traceback" not in result.output


def test_checklist_check_of_malformed_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "trasig.toml"
    path.write_text('id = "trasig"\nversion = "1\n', encoding="utf-8")
    result = run("checklist", "check", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:" in result.output
    assert "inte giltig TOML" in result.output


def test_a_duplicate_id_or_an_unknown_choice_list_is_refused_at_start(
    home: Path, tmp_path: Path
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', 'id = "dubbel"', 1
    )
    text = text.replace('id = "arkivarie_kontakt_datum"', 'id = "arkivarie_epost"', 1)
    path = tmp_path / "dubbel.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, tmp_path)
    result = run("start", "--checklist", str(path), "--no-input", "--answers", str(EXAMPLE_ANSWERS))
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert str(path) in said and "rad " in said and "arkivarie_epost" in said


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("must_be_yes = true\nmessage", 'must_be_yes = "ja"\nmessage', "bool"),
        ("min_words = 10", 'min_words = 10\nunit = "ord"', "unit"),
        ("max_items = 20", 'max_items = 20\npattern = "x"', "pattern"),
        ('pattern = "https://\\\\S+"', 'pattern = "https://(\\\\S+"', "reguljärt uttryck"),
    ],
)
def test_rules_that_do_not_fit_are_refused(tmp_path: Path, old: str, new: str, reason: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', 'id = "regler"', 1
    )
    assert old in text
    path = tmp_path / "regler.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("checklist", "check", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_a_standard_question_cannot_take_rules(tmp_path: Path) -> None:
    text = variant_text("regel").replace(
        'field = "step1.policy_read"\nkind = "yesno"',
        'field = "step1.policy_read"\nkind = "yesno"\nmust_be_yes = true',
        1,
    )
    path = tmp_path / "regel.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError, match="bara ges för egna frågor"):
        load_checklist_file(path)


def test_checklist_list_shows_id_version_title_and_where(installed: Checklist, home: Path) -> None:
    result = run("checklist", "list")
    assert result.exit_code == 0
    rows = {line.split(" | ")[0]: line.split(" | ") for line in result.output.splitlines()}
    assert rows["kulturforvaltningen"][1] == "2026.1"
    assert rows["kulturforvaltningen"][2].startswith("Exempel: kulturförvaltningens variant")
    assert rows["kulturforvaltningen"][3] == str(home / "checklists" / EXAMPLE.name)
    assert rows["stockholm-standard"][1] == load_checklist().version


# --- layers -----------------------------------------------------------------------------


def _imported(module: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_checklist_loader_imports_neither_storage_nor_atomicfile() -> None:
    # The loader and the modules it reads a checklist with.
    loader = ("loading", "lines", "parts", "consistency", "record_fields", "folders")
    imported = set().union(*(_imported(SRC / "checklist" / f"{name}.py") for name in loader))
    assert not imported & {
        "kontoguide.store.storage",
        "kontoguide.files.atomicfile",
        "kontoguide.checklist.install",
        "kontoguide.rules.validation",
        "kontoguide.rules.pruning",
        "kontoguide.rules.completeness",
        "kontoguide.rules.field_problems",
        "kontoguide.checklist.added_questions",
        "kontoguide.store.drafts",
    }


def test_the_generated_record_model_is_the_record_with_typed_added_questions(
    variant: Checklist,
) -> None:
    model = record_model(variant)
    assert issubclass(model, Record)
    assert set(model.model_fields) == set(Record.model_fields)
    assert record_model(variant) is model  # generated once per loaded checklist
    assert "Added_evenemang" in json.dumps(model.model_json_schema())


# --- checking a variant: every problem in one run, each at its own line -------------


def checked_lines(path: Path, output: str) -> dict[int, str]:
    """The problems `checklist check` printed, by the line each points at."""
    found: dict[int, str] = {}
    for line in output.splitlines():
        if line.startswith(f"{path}:") and line[len(str(path)) + 1 :].split(":")[0].isdigit():
            number = int(line[len(str(path)) + 1 :].split(":")[0])
            found[number] = found.get(number, "") + line
    return found


def line_number(text: str, needle: str, start: int = 0) -> int:
    return text[: text.index(needle, start)].count("\n") + 1


def test_a_duplicate_is_pointed_at_where_it_is_not_where_the_name_was_first_used(
    tmp_path: Path,
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', 'id = "dubbel"', 1
    )
    text = text.replace('id = "arkivarie_kontakt_datum"', 'id = "arkivarie_epost"', 1)
    text = text.replace('field = "bokningslank"', 'field = "bokning"', 1)
    text = text.replace('when = { field = "bokning", equals = [true] }\n', "", 1)
    path = tmp_path / "dubbel.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, tmp_path)
    result = run("checklist", "check", str(path))
    assert result.exit_code == 1
    found = checked_lines(path, result.output)
    first_id = text.index('id = "arkivarie_epost"')
    second_id = line_number(text, 'id = "arkivarie_epost"', first_id + 1)
    first_field = text.index('field = "bokning"')
    second_field = line_number(text, 'field = "bokning"', first_field + 1)
    # The header of the duplicate's own table, just above its id or field.
    assert "arkivarie_epost används för två frågor" in found[second_id - 1]
    assert "fältet bokning finns två gånger" in found[second_field - 1]
    assert len(found) == 2, result.output


def test_check_lists_the_model_errors_and_the_cross_checks_of_the_rest_in_one_run(
    tmp_path: Path,
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', 'id = "manga"', 1
    )
    # Mistakes the model finds: an unknown key, a kind that does not exist, a rule of
    # the wrong type, and a required question of the city's with a broken kind.
    text = text.replace('id = "evenemang"\n', 'id = "evenemang"\nfarg = "röd"\n', 1)
    text = text.replace('field = "namn"\nkind = "text"', 'field = "namn"\nkind = "textt"', 1)
    text = text.replace("max_items = 20", 'max_items = "tjugo"', 1)
    text = text.replace(
        'field = "step4.archiving.frequency"\nkind = "choice"',
        'field = "step4.archiving.frequency"\nkind = "val"',
        1,
    )
    # Mistakes only the cross-checks find: a duplicate id, an unknown choice list and a
    # required question left out.
    text = text.replace('id = "arkivarie_kontakt_datum"', 'id = "arkivarie_epost"', 1)
    text = text.replace('choices = "kultur_publiker"', 'choices = "kultur_publik"', 1)
    text = without_question(text, "step4.security.two_factor")
    path = tmp_path / "manga.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, tmp_path)
    result = run("checklist", "check", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    found = checked_lines(path, result.output)
    said = "\n".join(found.values())
    assert "8 fel" in result.output, result.output
    assert found[line_number(text, 'farg = "röd"')].endswith(m.C_UNKNOWN_KEY)
    assert "tillåtna värden" in found[line_number(text, 'kind = "textt"')]
    assert "Skriv ett heltal" in found[line_number(text, 'max_items = "tjugo"')]
    assert "tillåtna värden" in found[line_number(text, 'kind = "val"')]
    assert "arkivarie_epost används för två frågor" in said
    assert "vallistan kultur_publik finns inte" in said
    assert "step4.security.two_factor" in said and "får inte tas bort" in said
    # The archiving question is broken, not left out: it is not called missing.
    assert "step4.archiving.frequency) saknas" not in said
    for number, line in found.items():
        assert line.startswith(f"{path}:{number}: "), line


def test_a_broken_id_does_not_hide_the_other_problems_and_a_variant_needs_no_notice(
    tmp_path: Path,
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', 'id = "Fel Id"', 1
    )
    assert "\n[notice]\n" not in text  # the standard's notice is every variant's
    text = text.replace('id = "arkivarie_kontakt_datum"', 'id = "arkivarie_epost"', 1)
    path = tmp_path / "trasig.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, tmp_path)
    result = run("checklist", "check", str(path))
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "2 fel" in said
    id_line = line_number(text, 'id = "Fel Id"')
    assert f"{path}:{id_line}: id:" in said
    assert "notice" not in said
    assert "arkivarie_epost används för två frågor" in said


def test_a_missing_notice_in_the_standard_does_not_hide_the_other_problems(
    tmp_path: Path,
) -> None:
    standard = ROOT / "checklists" / "stockholm-standard.toml"
    text = standard.read_text(encoding="utf-8")
    start = text.index("[notice]")
    text = text[:start] + text[text.index("\n[", start + 1) + 1 :]
    text = text.replace('id = "basics"', 'id = "step1"', 1)
    path = tmp_path / "stockholm-standard.toml"
    path.write_text(text, encoding="utf-8")
    result = run("checklist", "check", str(path))
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "2 fel" in said
    assert ": notice: fältet saknas" in said
    assert "avsnittet step1 finns två gånger" in said
