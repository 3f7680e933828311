"""The city's Schrems II notice, word for word as the guide gives it, and kontoguide's
comment apart from it and said to be kontoguide's: on screen (ordinary and plain
mode), in the Word document and in Markdown; and the same words in every variant,
whatever a variant's own [notice] says."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from cli_support import ROOT, clean_env
from export_support import EXAMPLES, open_docx
from kontoguide.checklist.install import install_checklist
from kontoguide.checklist.loading import load_checklist_file
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.cli.app import app
from kontoguide.documents.export import render
from kontoguide.model.record import Record
from kontoguide.store import drafts
from kontoguide.store.storage import Store
from kontoguide.terminal.views import notice_panel
from variant_support import variant_answers_data

# "Guide – starta nytt konto", Stockholm city's brand manual: the notice at its top.
CITY_WORDS = (
    "Just nu avråder stadsledningskontoret stadens verksamheter från att starta nya konton i "
    "sociala medier. Detta är med anledning av Schrems II-domen som påverkar hur "
    "personuppgifter kan publiceras på sociala medier."
)
# kontoguide's own explanation (domain notes): never inside the city's words.
OURS = ("EU-domstolen", "EU/EES", "EU-US Data Privacy Framework", "juli 2023")
STANDARD = ROOT / "checklists" / "stockholm-standard.toml"
EXAMPLE = EXAMPLES / "kulturforvaltningen.toml"
EXAMPLE_BASE = EXAMPLES / "kulturforvaltningen-mall.docx"
OWN_NOTICE = """[notice]
title = "Vår egen rubrik"
text = "Kulturförvaltningen ser inga hinder för nya konton."
confirm = "Jag har läst."
declined = "Avbrutet."

"""


def kontoguide(
    *args: str, home: Path, cwd: Path, lines: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`kontoguide ARGS` as a real process, with `lines` (or nothing) on standard in."""
    return subprocess.run(
        [sys.executable, "-m", "kontoguide", *args],
        input=lines,
        stdin=subprocess.DEVNULL if lines is None else None,
        env=clean_env(home),
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def words(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def _variant_with_own_notice(folder: Path, checklist_id: str = "egen-notis") -> Path:
    """The example variant, renamed, with a [notice] of its own that says something else."""
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', f'id = "{checklist_id}"', 1
    )
    text = text.replace("# --- vallistor", OWN_NOTICE + "# --- vallistor", 1)
    path = folder / f"{checklist_id}.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, folder)
    return path


# --- the words themselves ------------------------------------------------------------


def test_the_standard_quotes_the_guide_word_for_word(checklist: Checklist) -> None:
    assert checklist.notice.text.strip() == CITY_WORDS
    assert checklist.notice.note is not None
    for part in OURS:
        assert part not in checklist.notice.text
        assert part in checklist.notice.note


def test_the_example_variant_shows_the_same_words() -> None:
    variant = load_checklist_file(EXAMPLE)
    assert variant.notice.text.strip() == CITY_WORDS
    assert not variant.notice_ignored


# --- on screen ---------------------------------------------------------------------


def test_on_screen_the_quote_is_said_to_be_the_citys_and_the_comment_ours(
    checklist: Checklist,
) -> None:
    console = Console(width=80, no_color=True, record=True, file=io.StringIO())
    console.print(notice_panel(checklist.notice))
    text = words(console.export_text())
    source = text.index(words(m.DOC_NOTICE_SOURCE))
    quote = text.index(f"”{CITY_WORDS}”")
    comment = text.index(words(m.NOTICE_NOTE_HEADING))
    assert source < quote < comment
    for part in OURS:
        assert text.index(part) > comment


def test_in_plain_mode_the_quote_and_the_comment_are_told_apart(
    checklist: Checklist, home: Path, tmp_path: Path
) -> None:
    done = kontoguide("start", "--enkel", home=home, cwd=tmp_path, lines="n\n")
    assert done.returncode == 0, done.stderr
    text = words(done.stdout)
    quote = text.index(f"{words(m.DOC_NOTICE_SOURCE)} ”{CITY_WORDS}”")
    comment = text.index(words(m.NOTICE_NOTE_HEADING))
    assert quote < comment < text.index("EU-US Data Privacy Framework")
    assert "\x1b" not in done.stdout


# --- in the documents ------------------------------------------------------------------


def _ready(checklist: Checklist, answers: Path = EXAMPLES / "klar-for-beslut.json") -> Record:
    record, found = drafts.from_answers(answers, checklist, Store())
    assert found == [], found
    return record


def _notice_part(document: object) -> list[tuple[str, str]]:
    """(style, text) of the paragraphs under the notice's heading, up to the next heading."""
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]  # type: ignore[attr-defined]
    start = next(i for i, (_, text) in enumerate(paragraphs) if text == m.DOC_NOTICE_SOURCE)
    end = next(i for i, (style, _) in enumerate(paragraphs) if i > start and style == "Heading 1")
    return paragraphs[start:end]


def test_the_word_document_quotes_the_city_and_marks_the_comment_as_ours(
    home: Path, checklist: Checklist
) -> None:
    from kontoguide.documents.values import local_time

    record = _ready(checklist)
    document = open_docx(render(record, checklist, "docx", now=local_time(record.updated_at)))
    part = _notice_part(document)
    quoted = [text for style, text in part if style == "Rådet"]
    assert quoted == [CITY_WORDS]
    heading = [text for style, text in part if style == "Kommentar till rådet, rubrik"]
    assert heading == [m.NOTICE_NOTE_HEADING]
    comment = " ".join(text for style, text in part if style == "Kommentar till rådet")
    for piece in OURS:
        assert piece in comment
    texts = [text for _, text in part]
    assert texts.index(CITY_WORDS) < texts.index(m.NOTICE_NOTE_HEADING)


def test_markdown_quotes_the_city_as_a_block_and_the_comment_apart(
    home: Path, checklist: Checklist
) -> None:
    record = _ready(checklist)
    text = render(record, checklist, "md", now=record.updated_at).decode("utf-8")
    lines = text.splitlines()
    quote = lines.index(f"> {CITY_WORDS}")
    assert lines[quote - 2] == m.DOC_NOTICE_SOURCE
    comment = lines.index(f"**{m.NOTICE_NOTE_HEADING}**")
    assert comment > quote
    assert all(not line.startswith(">") for line in lines[comment:])


# --- a variant cannot change the notice ----------------------------------------------------


def test_a_variants_own_notice_is_not_used_and_check_says_so(tmp_path: Path) -> None:
    path = _variant_with_own_notice(tmp_path)
    variant = load_checklist_file(path)
    assert variant.notice.text.strip() == CITY_WORDS
    assert variant.notice.title != "Vår egen rubrik"
    assert variant.notice_ignored
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    assert result.exit_code == 0, result.output
    said = words(result.output)
    notice_line = path.read_text(encoding="utf-8").splitlines().index("[notice]") + 1
    assert f"{path}:{notice_line}: notice: varning: {words(m.CV_NOTICE_IGNORED)}" in said
    assert m.CV_CHECK_OK.format(path=path) in said


def test_starting_with_such_a_variant_warns_and_records_the_citys_words(
    home: Path, tmp_path: Path
) -> None:
    path = _variant_with_own_notice(tmp_path)
    answers = variant_answers_data()
    answers["checklist_id"] = "egen-notis"
    answers_file = tmp_path / "svar.json"
    answers_file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    done = kontoguide(
        "start", "--checklist", str(path), "--answers", str(answers_file), "--no-input",
        home=home, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert words(m.CV_NOTICE_IGNORED) in words(done.stderr)
    (stored,) = (home / "records").glob("*.json")
    record_id = json.loads(stored.read_text(encoding="utf-8"))["id"]
    target = tmp_path / "ut.md"
    exported = kontoguide("export", record_id, "-o", str(target), home=home, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    text = target.read_text(encoding="utf-8")
    assert f"> {CITY_WORDS}" in text.splitlines()
    assert "inga hinder" not in text and "Vår egen rubrik" not in text


def test_installing_such_a_variant_uses_the_standards_notice(home: Path, tmp_path: Path) -> None:
    installed = install_checklist(str(_variant_with_own_notice(tmp_path)))
    assert installed.notice.text.strip() == CITY_WORDS
    assert installed.notice == load_checklist_file(STANDARD).notice


@pytest.mark.parametrize("spacing", ["same", "respaced"])
def test_a_copy_of_the_standards_notice_is_no_warning(tmp_path: Path, spacing: str) -> None:
    standard = STANDARD.read_text(encoding="utf-8")
    start = standard.index("[notice]\n")
    block = standard[start : standard.index("# --- vallistor", start)]
    if spacing == "respaced":
        block = block.replace("i sociala medier. Detta", "i sociala  medier.\nDetta")
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'id = "kulturforvaltningen"', 'id = "kopia"', 1
    )
    text = text.replace("# --- vallistor", block + "# --- vallistor", 1)
    path = tmp_path / "kopia.toml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE_BASE, tmp_path)
    assert not load_checklist_file(path).notice_ignored
    result = CliRunner().invoke(app, ["checklist", "check", str(path)])
    assert result.exit_code == 0 and "varning" not in result.output, result.output


def test_checklist_new_leaves_the_notice_to_the_standard(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["checklist", "new", "ny-variant"]).exit_code == 0
    text = (tmp_path / "ny-variant.toml").read_text(encoding="utf-8")
    assert "\n[notice]\n" not in text and CITY_WORDS not in text
    assert m.CV_NEW_NOTICE_COMMENT in text
    variant = load_checklist_file(tmp_path / "ny-variant.toml")
    assert variant.notice.text.strip() == CITY_WORDS and not variant.notice_ignored
