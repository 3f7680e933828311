"""The checklist as data: the shipped file, its match with the record, broken files."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from pydantic import BaseModel

from kontoguide.checklist.folders import DEFAULT_CHECKLIST, available_checklists
from kontoguide.checklist.install import install_checklist
from kontoguide.checklist.loading import load_checklist, load_checklist_file
from kontoguide.checklist.parts import Checklist
from kontoguide.checklist.record_fields import _unwrap_optional, list_item_model
from kontoguide.model.errors import ChecklistError, ExitCode, UsageError
from kontoguide.model.record import Answers

SHIPPED = Path(__file__).resolve().parents[1] / "checklists" / "stockholm-standard.toml"


def leaf_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every answer field: nested parts are walked, lists of items are one leaf each."""
    for name, info in model.model_fields.items():
        annotation = _unwrap_optional(info.annotation)
        path = prefix + name
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from leaf_fields(annotation, path + ".")
        else:
            yield path, annotation


# --- the shipped checklist --------------------------------------------------------


def test_shipped_checklist_loads(checklist: Checklist) -> None:
    assert checklist.id == DEFAULT_CHECKLIST
    assert checklist.version
    assert checklist.organisation == "Stockholms stad"
    assert "Schrems II" in checklist.notice.text
    assert [s.number for s in checklist.steps] == [1, 2, 3, 4, 5]
    assert all(section.questions for section in checklist.sections)
    assert checklist.source is not None and checklist.source.name == "stockholm-standard.toml"


def test_shipped_checklist_is_found_by_id_and_by_path() -> None:
    assert DEFAULT_CHECKLIST in available_checklists()
    by_path = install_checklist(str(SHIPPED))
    assert by_path.id == DEFAULT_CHECKLIST
    assert load_checklist_file(SHIPPED) == by_path


def test_every_answer_field_is_asked_exactly_once(checklist: Checklist) -> None:
    leaves = dict(leaf_fields(Answers))
    asked = Counter(question.field for _, question in checklist.questions())
    assert [field for field, count in asked.items() if count > 1] == []
    # Follow-ups are added by their own dialogue, goal by goal (STAGE_OF_PARTS).
    # `extra` holds a variant's own questions (added_questions.py): none in the standard.
    skipped = ("notice.", "follow_ups", "extra")
    expected = {field for field in leaves if not field.startswith(skipped)}
    assert set(asked) == expected


def test_every_item_field_of_a_list_is_asked(checklist: Checklist) -> None:
    lists = [q for _, q in checklist.questions() if q.kind == "list"]
    assert {q.field for q in lists} == {
        "step1.existing_accounts",
        "step2.goals",
        "step2.target_groups",
        "step4.team",
    }
    leaves = dict(leaf_fields(Answers))
    for question in lists:
        item_model = list_item_model(leaves[question.field])
        assert item_model is not None
        asked = [item.field for item in question.fields]
        assert sorted(asked) == sorted(item_model.model_fields), question.field
        assert question.item_label


def test_choice_questions_use_existing_lists(checklist: Checklist) -> None:
    used = set()
    for _, question in checklist.questions():
        for item in (question, *question.fields):
            if item.kind in ("choice", "multichoice"):
                assert item.choices in checklist.choices, item.field
                used.add(item.choices)
    # The follow-up's conclusion is asked by the follow-up dialogue, goal by goal.
    assert used | {"follow_up_conclusions"} == set(checklist.choices)
    for options in checklist.choices.values():
        values = [option.value for option in options]
        assert len(values) == len(set(values))


def test_conditions_point_to_earlier_questions(checklist: Checklist) -> None:
    seen: set[str] = set()
    conditional = {}
    for _, question in checklist.questions():
        if question.when is not None:
            assert question.when.field in seen
            conditional[question.field] = question.when.field
        seen.add(question.field)
    assert conditional["step3.tiktok_separate_device"] == "step3.platform"
    assert conditional["step1.existing_accounts"] == "step1.existing_accounts_found"


def test_platforms_and_cautions(checklist: Checklist) -> None:
    platforms = checklist.choice_values("platforms")
    assert {"facebook", "instagram", "linkedin", "x", "youtube", "tiktok"} <= set(platforms)
    tiktok = checklist.choice("platforms", "tiktok")
    assert tiktok is not None and tiktok.caution
    assert checklist.choice_label("platforms", "tiktok") == "TikTok"
    assert checklist.choice_label("platforms", "okand") == "okand"
    assert checklist.choice("platforms", "okand") is None


def test_every_required_question_has_a_hint(checklist: Checklist) -> None:
    for _, question in checklist.questions():
        if question.kind not in ("choice", "multichoice", "list"):
            assert question.hint, question.field


# --- broken checklists ----------------------------------------------------------------


def broken(tmp_path: Path, old: str, new: str, *, count: int = 1) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path = tmp_path / "trasig.toml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def refused(path: Path) -> ChecklistError:
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(path)
    error = caught.value
    assert error.path == path
    assert str(path) in error.message
    assert error.exit_code == ExitCode.USAGE
    return error


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "trasig.toml"
    path.write_text('id = "a"\nversion = \n', encoding="utf-8")
    error = refused(path)
    assert "TOML" in error.message
    assert "2" in error.message  # the line


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "Förvaltning"\n'.encode("latin-1"))
    assert "UTF-8" in refused(path).message


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "finns-inte.toml")


def test_unknown_kind(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        'field = "organisation.name"\nkind = "text"',
        'field = "organisation.name"\nkind = "slider"',
    )
    error = refused(path)
    assert "sections[0].questions[1].kind" in error.message


def test_field_not_in_the_model(tmp_path: Path) -> None:
    path = broken(tmp_path, 'field = "organisation.unit"', 'field = "organisation.enhet"')
    error = refused(path)
    assert "sections.basics.organisation.enhet" in error.message
    assert "organisation.enhet finns inte" in error.message


def test_kind_that_does_not_fit_the_field(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        'field = "step1.policy_read"\nkind = "yesno"',
        'field = "step1.policy_read"\nkind = "date"',
    )
    error = refused(path)
    assert "sections.step1.step1.policy_read" in error.message
    assert "date" in error.message


def test_choice_list_that_does_not_exist(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        'kind = "choice"\nchoices = "organisation_kinds"',
        'kind = "choice"\nchoices = "kommuner"',
    )
    error = refused(path)
    assert "sections.basics.organisation.kind" in error.message
    assert "vallista" in error.message


def test_choice_list_of_another_field(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        'kind = "choice"\nchoices = "organisation_kinds"',
        'kind = "choice"\nchoices = "platforms"',
    )
    error = refused(path)
    assert "organisation_kinds" in error.message


def test_item_field_not_in_the_model(tmp_path: Path) -> None:
    path = broken(tmp_path, 'field = "data_source"', 'field = "datakalla"')
    error = refused(path)
    assert "sections.step2.step2.goals.datakalla" in error.message


def test_when_pointing_to_a_later_question(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        'when = { field = "step1.existing_accounts_found", equals = [true] }',
        'when = { field = "step5.reported_to_list", equals = [true] }',
    )
    error = refused(path)
    assert "sections.step1.step1.existing_accounts" in error.message
    assert "step5.reported_to_list" in error.message
    assert "tidigare" in error.message


def test_when_pointing_to_the_question_itself(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        'when = { field = "step1.existing_accounts_found", equals = [true] }',
        'when = { field = "step1.existing_accounts", equals = [true] }',
    )
    assert "tidigare" in refused(path).message


def test_question_asked_twice(tmp_path: Path) -> None:
    path = broken(tmp_path, 'field = "organisation.unit"', 'field = "organisation.name"')
    assert "två gånger" in refused(path).message


def test_unknown_key_in_the_file(tmp_path: Path) -> None:
    path = broken(tmp_path, 'version = "2026.5"', 'version = "2026.5"\nfarg = "blå"')
    assert "farg" in refused(path).message


def test_several_problems_are_counted(tmp_path: Path) -> None:
    path = broken(tmp_path, 'kind = "text"', 'kind = "slider"', count=3)
    assert "och 2 fel till" in refused(path).message


def test_unknown_checklist_id() -> None:
    with pytest.raises(UsageError) as caught:
        load_checklist("goteborg-standard")
    message = caught.value.message
    assert "goteborg-standard" in message
    assert DEFAULT_CHECKLIST in message  # what is available
    assert caught.value.exit_code == ExitCode.USAGE


# --- checklists outside the package ----------------------------------------------------


def word_document(header: str) -> bytes:
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    base.save(buffer)
    return buffer.getvalue()


def _variant(tmp_path: Path, checklist_id: str, file_name: str) -> Path:
    shipped = SHIPPED.read_text(encoding="utf-8")
    text = shipped.replace('id = "stockholm-standard"', f'id = "{checklist_id}"', 1)
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_checklist_given_by_path_is_kept_so_its_drafts_reopen(tmp_path: Path, home: Path) -> None:
    path = _variant(tmp_path, "kultur-variant", "kultur-variant.toml")
    loaded = install_checklist(str(path))
    assert loaded.id == "kultur-variant"
    assert (home / "checklists" / "kultur-variant.toml").read_bytes() == path.read_bytes()
    assert load_checklist("kultur-variant").id == "kultur-variant"


def test_a_checklist_whose_id_is_not_its_file_name_is_refused(tmp_path: Path, home: Path) -> None:
    path = _variant(tmp_path, "kultur-variant", "annat-namn.toml")
    with pytest.raises(ChecklistError, match=r"annat-namn\.toml.*kultur-variant"):
        install_checklist(str(path))


def test_a_different_checklist_cannot_take_a_used_id(tmp_path: Path, home: Path) -> None:
    path = _variant(tmp_path, "stockholm-standard", "stockholm-standard.toml")
    path.write_text(path.read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
    with pytest.raises(UsageError, match="stockholm-standard"):
        install_checklist(str(path))


def test_a_variant_with_a_base_document_takes_it_along(tmp_path: Path, home: Path) -> None:
    path = _variant(tmp_path, "med-logga", "med-logga.toml")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'organisation = "Stockholms stad"',
            'organisation = "Stockholms stad"\nbase_docx = "mall/logga.docx"',
            1,
        ),
        encoding="utf-8",
    )
    (tmp_path / "mall").mkdir()
    logo = word_document("LOGGA")
    (tmp_path / "mall" / "logga.docx").write_bytes(logo)
    install_checklist(str(path))
    copied = home / "checklists" / "mall" / "logga.docx"
    assert copied.read_bytes() == logo
    assert load_checklist("med-logga").base_docx_path() == copied


@pytest.mark.parametrize("base", ["../utanfor.docx", "/etc/mall.docx", "C:/mall.docx"])
def test_a_base_document_outside_the_checklist_folder_is_refused(
    tmp_path: Path, home: Path, base: str
) -> None:
    path = _variant(tmp_path, "utanfor", "utanfor.toml")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'organisation = "Stockholms stad"',
            f'organisation = "Stockholms stad"\nbase_docx = "{base}"',
            1,
        ),
        encoding="utf-8",
    )
    with pytest.raises(ChecklistError, match="base_docx"):
        install_checklist(str(path))


@pytest.mark.parametrize("base", ["..\\utanfor.docx", "\\mallar\\mall.docx", "C:mall.docx"])
def test_a_base_document_path_must_work_on_windows_and_linux_alike(
    tmp_path: Path, home: Path, base: str
) -> None:
    path = _variant(tmp_path, "bakstreck", "bakstreck.toml")
    text = path.read_text(encoding="utf-8").replace(
        'organisation = "Stockholms stad"',
        f"organisation = \"Stockholms stad\"\nbase_docx = '{base}'",
        1,
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError, match="base_docx"):
        install_checklist(str(path))


def test_two_variants_never_share_a_base_document_by_accident(tmp_path: Path, home: Path) -> None:
    logos = {"kultur-a": word_document("A-LOGO"), "kultur-b": word_document("B-LOGO")}
    for name, logo in logos.items():
        folder = tmp_path / name
        folder.mkdir()
        path = _variant(folder, name, f"{name}.toml")
        text = path.read_text(encoding="utf-8").replace(
            'organisation = "Stockholms stad"',
            'organisation = "Stockholms stad"\nbase_docx = "underlag.docx"',
            1,
        )
        path.write_text(text, encoding="utf-8")
        (folder / "underlag.docx").write_bytes(logo)
        if name == "kultur-a":
            install_checklist(str(path))
        else:
            with pytest.raises(UsageError, match=r"underlag\.docx"):
                install_checklist(str(path))
    assert (home / "checklists" / "underlag.docx").read_bytes() == logos["kultur-a"]
    assert not (home / "checklists" / "kultur-b.toml").exists()
