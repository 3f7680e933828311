"""A decision stays what it was: a record with a decision is judged, up to it, by the
checklist version it was decided under, which is kept; a record without one moves on."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from cli_support import run_kontoguide
from kontoguide.checklist import earlier
from kontoguide.checklist.folders import shipped_folders
from kontoguide.checklist.loading import load_checklist
from kontoguide.store import drafts
from overview_support import saved

STANDARD = load_checklist()
KEPT = shipped_folders()[0] / "earlier" / "stockholm-standard"
# What each kept version did not ask yet, up to the decision (the later ones added them).
ADDED_AFTER = {
    "2026.4": [],
    "2026.3": ["step5.case_number_status"],
    "2026.2": [
        "step5.case_number_status",
        "step4.archiving.records_law",
        "step4.data_protection.controller",
        "step4.data_protection.dpo_name",
        "step4.data_protection.dpo_date",
    ],
}


def decided_under(version: str, example: str = "komplett.json") -> dict[str, Any]:
    """The example as it was saved by `version`: without what later versions added."""
    data = saved(example, "gammalt")
    data["checklist_version"] = version
    added = ADDED_AFTER.get(version, ADDED_AFTER["2026.2"])
    if data["step5"]["outcome"] == "godkant":
        added = [*added, "step5.motivation"]  # asked for an approval since 2026.5
    for field in added:
        *parents, name = field.split(".")
        part = data
        for parent in parents:
            part = part[parent]
        part.pop(name, None)
    return data


def state_of(data: dict[str, Any], folder: Path) -> str:
    path = folder / f"{data['id']}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return drafts.record_from_data(path, data).record.status


def test_every_earlier_standard_version_is_kept_and_readable() -> None:
    versions = sorted(p.name for p in KEPT.iterdir())
    assert versions == ["2026.1", "2026.2", "2026.3", "2026.4"]
    for version in versions:
        data = tomllib.loads((KEPT / version / "stockholm-standard.toml").read_text("utf-8"))
        assert data["version"] == version
        judged = earlier.decided_under(STANDARD, version)
        assert judged.version == version
        # The city's notice is the standard's, in the city's words, whatever the copy says.
        assert judged.notice == STANDARD.notice


@pytest.mark.parametrize(
    ("version", "example", "state"),
    [
        ("2026.4", "komplett.json", "started"),
        ("2026.3", "komplett.json", "started"),
        ("2026.2", "komplett.json", "started"),
        ("2026.1", "komplett.json", "started"),
        ("2026.2", "avslaget.json", "decided"),
        ("2026.2", "startat-med-uppfoljning.json", "started"),
    ],
)
def test_a_decision_taken_under_an_earlier_version_keeps_its_state(
    tmp_path: Path, version: str, example: str, state: str
) -> None:
    data = decided_under(version, example)
    # Judged by today's version, the questions it added would undo the decision.
    today = {**data, "checklist_version": STANDARD.version}
    assert state_of(today, tmp_path) in ("draft", "ready")
    assert state_of(data, tmp_path) == state


def test_a_record_without_a_decision_moves_to_the_version_in_use(tmp_path: Path) -> None:
    data = decided_under("2026.2", "klar-for-beslut.json")
    loaded = drafts.record_from_data(tmp_path / "x.json", data)
    assert loaded.record.checklist_version == STANDARD.version
    # Loaded now, not at import: another test module may have reloaded the checklists.
    assert loaded.checklist is load_checklist()
    # The questions the new version added are now open: it is not ready until they are answered.
    assert loaded.record.status == "draft"


def test_what_comes_after_the_decision_follows_todays_version() -> None:
    judged = earlier.decided_under(STANDARD, "2026.2")
    after = [s.id for s in judged.sections if s.stage in ("started", "closed")]
    assert after == [s.id for s in STANDARD.sections if s.stage in ("started", "closed")]
    for section in judged.sections:
        if section.stage in ("started", "closed"):
            assert section is next(s for s in STANDARD.sections if s.id == section.id)


def test_the_document_of_an_old_decision_says_it_is_decided(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = decided_under("2026.2")
    (home / "records").mkdir(parents=True)
    (home / "records" / "gammalt.json").write_text(json.dumps(data), encoding="utf-8")
    done = run_kontoguide(
        "export", "gammalt", "--format", "md", "-o", str(tmp_path / "x.md"), home=home
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "x.md").read_text(encoding="utf-8")
    assert "UTKAST" not in text
    assert "version 2026.2" in text


@pytest.mark.parametrize("version", ["../2026.3", "2026.3/..", ".hidden", "con", "a" * 41, 7])
def test_a_version_from_a_record_names_no_other_folder(tmp_path: Path, version: object) -> None:
    data = decided_under("2026.2")
    data["checklist_version"] = version
    assert earlier.judged_by(STANDARD, data) is STANDARD


def test_a_broken_kept_version_is_named_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("KONTOGUIDE_HOME", str(home))
    variant = load_checklist_file_copy(tmp_path)
    kept = earlier.earlier_file(home / "checklists", variant.id, "0.9")
    kept.parent.mkdir(parents=True)
    kept.write_text('id = "kulturforvaltningen"\nversion = "0.8"\n', encoding="utf-8")
    earlier.forget_kept()
    from kontoguide.model.errors import ChecklistError

    with pytest.raises(ChecklistError) as raised:
        earlier.decided_under(variant, "0.9")
    assert str(kept) in raised.value.message


def load_checklist_file_copy(tmp_path: Path) -> Any:
    from kontoguide.checklist.loading import load_checklist_file

    folder = tmp_path / "variant"
    folder.mkdir()
    root = Path(__file__).resolve().parents[1] / "examples"
    for name in ("kulturforvaltningen.toml", "kulturforvaltningen-mall.docx"):
        shutil.copy(root / name, folder / name)
    return load_checklist_file(folder / "kulturforvaltningen.toml")


# --- an administration's variant keeps its earlier version -----------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def variant_files(folder: Path, version: str, label: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (EXAMPLES / "kulturforvaltningen.toml").read_text(encoding="utf-8")
    text = text.replace('version = "2026.1"', f'version = "{version}"', 1)
    if label is not None:
        old = "Har du läst stadens policy för konton i sociala medier?"
        text = text.replace(old, label, 1)
    base = "kulturforvaltningen-mall.docx"
    shutil.copy(EXAMPLES / base, folder / base)
    path = folder / "kulturforvaltningen.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_version_of_a_variant_keeps_the_one_it_replaces(tmp_path: Path, home: Path) -> None:
    from kontoguide.checklist.install import install_checklist

    first = variant_files(tmp_path / "v1", "2026.1")
    install_checklist(str(first))
    second = variant_files(tmp_path / "v2", "2026.2", label="Har du läst policyn?")
    installed = install_checklist(str(second))
    assert installed.version == "2026.2"
    kept = earlier.earlier_file(home / "checklists", "kulturforvaltningen", "2026.1")
    assert kept.read_bytes() == first.read_bytes()
    assert (kept.parent / "kulturforvaltningen-mall.docx").is_file()
    assert load_checklist("kulturforvaltningen").version == "2026.2"
    # A record decided under 2026.1 reads its questions as 2026.1 asked them.
    judged = earlier.decided_under(installed, "2026.1")
    assert judged.question("step1.policy_read").label.startswith("Har du läst stadens policy")
    assert judged.base_docx_path() == kept.parent / "kulturforvaltningen-mall.docx"


def test_a_version_cannot_change_once_installed(tmp_path: Path, home: Path) -> None:
    from kontoguide.checklist.install import install_checklist
    from kontoguide.model.errors import UsageError

    install_checklist(str(variant_files(tmp_path / "v1", "2026.1")))
    changed = variant_files(tmp_path / "v1b", "2026.1", label="Har du läst policyn?")
    with pytest.raises(UsageError, match=r"nytt versionsnummer"):
        install_checklist(str(changed))
    assert not (home / "checklists" / "earlier").exists()


def test_an_account_closed_under_an_earlier_version_stays_closed(tmp_path: Path) -> None:
    data = decided_under("2026.4", "startat-med-uppfoljning.json")
    # The closing as 2026.4 asked it: without who decided, why and the e-archive's delivery.
    data["closing"] = {
        "closed_on": data["follow_ups"][-1]["held_on"],
        "archived": True,
        "comms_told": True,
        "removed_from_list": True,
    }
    assert state_of(data, tmp_path) == "closed"
    assert state_of({**data, "checklist_version": STANDARD.version}, tmp_path) != "closed"


# --- records saved by kontoguide 0.1.0 with checklist 2026.4, before 2026.5 -------------

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(
    ("name", "state", "kind"),
    [
        ("v0.1-2026.4-started.json", "started", "Kontot är startat"),
        ("v0.1-2026.4-rejected.json", "decided", "Beslutat: Avslaget"),
    ],
)
def test_a_record_saved_before_this_version_keeps_its_state_and_its_document(
    name: str, state: str, kind: str
) -> None:
    from export_support import NOW, open_docx
    from kontoguide.documents.export import render

    path = DATA / name
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["checklist_version"], data["status"]) == ("2026.4", state)
    loaded = drafts.record_from_data(path, data)
    assert (loaded.record.status, loaded.set_aside_now) == (state, [])
    assert loaded.checklist.version == "2026.4"
    document = open_docx(render(loaded.record, loaded.checklist, "docx", now=NOW))
    text = [p.text for p in document.paragraphs]
    assert kind in text
    assert not any("UTKAST" in line for line in text)


def test_resume_says_which_version_a_decision_is_read_by(home: Path) -> None:
    import io

    from rich.console import Console

    from kontoguide.cli import messages as cm
    from kontoguide.store.storage import Store
    from kontoguide.terminal import interactive
    from kontoguide.terminal.views import RichScreen
    from scenario import INTERRUPT, ScriptedAsker

    data = decided_under("2026.2", "startat-med-uppfoljning.json")
    (home / "records").mkdir()
    (home / "records" / "gammalt.json").write_text(json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    screen = RichScreen(Console(file=out, width=200, no_color=True))
    asker = ScriptedAsker({cm.I_MENU_WHAT: [INTERRUPT]})
    assert interactive.resume(Store(), "gammalt", asker=asker, screen=screen) == 130
    said = " ".join(out.getvalue().split())
    expected = cm.I_DECIDED_UNDER.format(used="2026.2", current=STANDARD.version)
    assert " ".join(expected.split()) in said
