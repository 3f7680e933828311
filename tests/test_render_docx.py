"""The Word document: every answer in its place, real styles, drafts marked, text intact."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from export_support import (
    NOW,
    body_blocks,
    by_heading,
    display,
    draft_record,
    example_record,
    open_docx,
    render_docx,
    section_for,
    sections,
    style_name,
    table_items,
    texts,
    yes_no,
)
from kontoguide.checklist.loading import load_checklist, load_checklist_file
from kontoguide.checklist.parts import Checklist
from kontoguide.documents.answers import _note
from kontoguide.documents.assessment import assess
from kontoguide.documents.export import render
from kontoguide.documents.labels import question_label
from kontoguide.documents.table_layout import (
    CELL_PADDING,
    EMU_PER_CM,
    MAX_WORD,
    OTHER_FONT,
    column_widths,
    text_width,
    width_scale,
)
from kontoguide.model import paths
from kontoguide.model.errors import ChecklistError
from kontoguide.model.record import Record
from kontoguide.rules.completeness import applicable
from kontoguide.rules.validation import make_context

TITLE = "Checklista för att starta ett nytt konto i sociala medier"


@pytest.fixture
def record(tmp_path: Path, checklist: Checklist) -> Record:
    return example_record(tmp_path / "records", checklist)


@pytest.fixture
def document(record: Record, checklist: Checklist) -> Any:
    return render_docx(record, checklist)


# --- structure ---------------------------------------------------------------


def test_title_is_the_first_paragraph_in_the_title_style(document: Any) -> None:
    first = next(body_blocks(document))
    assert isinstance(first, Paragraph)
    assert style_name(first) == "Title"
    assert first.text == "Nytt konto i sociala medier: Stadsbiblioteket Unga – Stockholms stad"
    second = list(body_blocks(document))[1]
    assert isinstance(second, Paragraph) and style_name(second) == "Subtitle"
    assert second.text == TITLE


def test_headings_come_in_the_expected_order(document: Any, checklist: Checklist) -> None:
    headings = [
        block.text
        for block in body_blocks(document)
        if isinstance(block, Paragraph) and style_name(block) == "Heading 1"
    ]
    expected = [checklist.notice.title, "Om verksamheten och kontot"]
    expected += [f"Steg {s.number}: {s.title}" for s in checklist.steps]
    # The example is approved and started: the decision, then the start, then the history.
    expected += ["Beslut", "Kontot startas", "Historik"]
    assert headings == expected


def test_the_header_block_names_the_account(document: Any, record: Record) -> None:
    table = next(block for block in body_blocks(document) if isinstance(block, Table))
    facts = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert facts["Förvaltning eller bolag"] == record.organisation.name
    assert facts["Enhet"] == record.organisation.unit
    assert facts["Föreslaget kontonamn"] == record.step3.proposed_account_name
    assert facts["Plattform"] == "Instagram"
    assert facts["Status"] == "Startat"
    assert facts["Diarienummer"] == "KUF 2026/1187"
    assert facts["Beslutsdatum"] == "2026-11-20"
    # Page 1 dates the document; the internal id is not its business: the last line.
    assert facts["Dokumentets datum"] == "2026-11-26"
    assert "Id i kontoguide" not in facts
    last = [b for b in body_blocks(document) if isinstance(b, Paragraph)][-1]
    assert style_name(last) == "Om dokumentet"
    assert record.id in last.text and "2026-11-26" in last.text
    assert "stockholm-standard, version 2026.5" in last.text
    # The table has a caption.
    blocks = list(body_blocks(document))
    caption = blocks[blocks.index(next(b for b in blocks if isinstance(b, Table))) - 1]
    assert isinstance(caption, Paragraph) and style_name(caption) == "Caption"


def test_the_notice_and_its_acknowledgement(document: Any, checklist: Checklist) -> None:
    blocks = section_for(document, checklist.notice.title)
    shown = texts(blocks)
    for paragraph in checklist.notice.text.strip().split("\n\n"):
        assert paragraph.strip() in shown
    # 09:14 +01:00 in the example, shown in Stockholm time.
    assert "Bekräftat att rådet är läst: 2026-11-02 kl. 09:14." in shown


def _answer_blocks(document: Any, title: str, label: str) -> list[Any]:
    questions = by_heading(section_for(document, title), 2)
    assert label in questions, f"{label!r} is not under {title!r}"
    return questions[label]


def test_every_answer_of_the_example_is_under_its_question(
    document: Any, record: Record, checklist: Checklist
) -> None:
    data = record.model_dump(mode="json")
    checked = 0
    # Up to the start: the example's account has started, not closed.
    for section, question in checklist.questions("started"):
        # The decision has its own block (test_document_states); the rest are questions.
        if not applicable(question, data) or section.stage == "decided":
            continue
        value = paths.get(data, question.field)
        if question.field == "account_name":
            continue  # the working name is not the reader's business
        blocks = _answer_blocks(document, section.title, question_label(question))
        if question.kind == "list":
            _assert_table(blocks, question, value, checklist)
        elif question.kind == "multichoice":
            expected = [
                f"{'☒' if option.value in value else '☐'} {option.label}"
                for option in checklist.choices[str(question.choices)]
            ]
            assert texts(blocks) == expected
            # A real Word list, one option an item.
            assert {style_name(b) for b in blocks if isinstance(b, Paragraph)} == {"List Bullet"}
        elif question.kind == "yesno":
            assert texts(blocks) == [yes_no(value)]
        elif value is None:
            assert texts(blocks) == ["Inte besvarad"]
        else:
            assert texts(blocks)[0] == display(question, value, checklist)
        checked += 1
    assert checked > 70


def _assert_table(blocks: list[Any], question: Any, items: list[Any], checklist: Checklist) -> None:
    tables = [block for block in blocks if isinstance(block, Table)]
    assert len(tables) == 1
    rows = table_items(tables[0])
    assert len(rows) == len(items)
    # A field listed under the table (a goal's source) is named by its row's first cell.
    below = [b.text for b in blocks[blocks.index(tables[0]) + 1 :] if isinstance(b, Paragraph)]
    for index, row in enumerate(rows):
        first = row.split(" | ")[0]
        rows[index] = " | ".join([row, *(t for t in below if t.startswith(f"{first} – "))])
    for row, item in zip(rows, items, strict=True):
        for field in question.fields:
            value = item.get(field.field)
            if value is None:
                continue
            assert display(field, value, checklist).split(" – ")[0] in row, (field.field, row)


def test_goal_table_columns(document: Any, checklist: Checklist) -> None:
    blocks = _answer_blocks(document, "Syfte, mål", "Mätbara mål")
    table = next(block for block in blocks if isinstance(block, Table))
    headers = [cell.text for cell in table.rows[0].cells]
    assert headers == [
        "Mål",
        "Effekt",
        "Nyckeltal",
        "Utgångsvärde",
        "Målvärde",
        "Senast",
    ]
    first = [cell.text for cell in table.rows[1].cells]
    assert first[4] == "400 anmälningar per lov"  # target and unit together
    assert first[3] == "120"
    assert first[1] == "Informerad"  # the choice named, its explanation left out
    second = [cell.text for cell in table.rows[2].cells]
    assert second[3] == "–"  # no baseline given
    # No merged rows inside a data table.
    assert not table._tbl.xpath(".//w:gridSpan")
    # The source, too long for a seventh column, is listed under the table per goal.
    below = [b for b in blocks[blocks.index(table) + 1 :] if isinstance(b, Paragraph)]
    assert [b.text for b in below] == [
        "Fler unga känner till bibliotekens lovaktiviteter – Källa: Anmälningssystemet Eventor, "
        "månadsrapport",
        "Kontot når målgruppen – Källa: Instagram Insights, kvartalsvis uttag",
    ]
    assert {style_name(b) for b in below} == {"List Bullet"}


def test_team_table(document: Any) -> None:
    blocks = _answer_blocks(document, "Organisation och rutiner", "Team och roller")
    table = next(block for block in blocks if isinstance(block, Table))
    assert [cell.text for cell in table.rows[0].cells] == [
        "Namn",
        "Roll",
        "E-post",
        "Administratör",
    ]
    assert [cell.text for cell in table.rows[3].cells] == [
        "Sara Nyström",
        "Moderator",
        "sara.nystrom@stockholm.se",
        "Nej",
    ]


def test_the_decision_block_shows_the_decision_as_taken(document: Any) -> None:
    blocks = section_for(document, "Beslut")
    table = [block for block in blocks if isinstance(block, Table)][-1]
    facts = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert facts["Beslut"] == "Godkänt"
    assert facts["Beslutsdatum"] == "2026-11-20"
    assert facts["Diarienummer"] == "KUF 2026/1187"
    assert facts["Beslutsfattare"] == "Helena Ström, Avdelningschef, Stockholms stadsbibliotek"
    assert facts["Nästa omprövning enligt beslutet"] == "2027-11-01"


def test_footer_has_page_x_of_y_fields(document: Any) -> None:
    footer = document.sections[0].footer._element
    instructions = " ".join(footer.xpath(".//w:instrText/text()"))
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    assert footer.xpath("string(.)").startswith("Sida ")
    assert " av " in footer.xpath("string(.)")


def test_header_names_organisation_and_account(document: Any, record: Record) -> None:
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    name = str(record.step3.proposed_account_name)
    assert "Stockholms stad" in name
    # The account's name already says Stockholms stad: the header says it once.
    assert header.splitlines()[0] == name
    assert header.count("Stockholms stad") == 1
    assert "Startat · Diarienummer KUF 2026/1187" in header
    assert "UTKAST" not in header


def test_a_working_name_without_the_city_gets_it_in_the_header(checklist: Checklist) -> None:
    moment = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    draft = Record(
        id="utkast1",
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        created_at=moment,
        updated_at=moment,
        account_name="Unga på Instagram",
    )
    header = render_docx(draft, checklist).sections[0].header.paragraphs[0].text
    assert header == "Stockholms stad – Unga på Instagram"


def test_document_properties(document: Any, record: Record) -> None:
    props = document.core_properties
    name = str(record.step3.proposed_account_name)
    assert props.title == f"Nytt konto i sociala medier: {name}"
    assert name in props.subject
    assert props.author == record.organisation.name
    assert props.language == "sv-SE"
    assert props.created == NOW
    assert props.identifier == record.id


def test_swedish_is_the_default_language(document: Any) -> None:
    lang = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert lang == ["sv-SE"]


def test_a4_page(document: Any) -> None:
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7


def test_styles_not_hand_formatted_runs(document: Any) -> None:
    box_style = next(s.style_id for s in document.styles if s.name == "Kryssruta")
    fonts = document.styles["Kryssruta"].element.xpath("w:rPr/w:rFonts/@w:ascii")
    assert fonts == ["Segoe UI Symbol"]
    used = {style_name(b) for b in body_blocks(document) if isinstance(b, Paragraph)}
    assert {"Title", "Heading 1", "Heading 2", "Svar"} <= used
    tables = [b for b in body_blocks(document) if isinstance(b, Table)]
    assert {style_name(t) for t in tables} == {"Checklistetabell"}
    for block in body_blocks(document):
        paragraphs: list[Any] = [block]
        if isinstance(block, Table):
            paragraphs = [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
        for paragraph in paragraphs:
            for run in paragraph.runs:
                # Only a character style, for the boxes: in a font that has the glyphs.
                rpr = run._r.rPr
                if rpr is not None:
                    assert [child.tag for child in rpr] == [qn("w:rStyle")], run.text
                    assert run.text in ("☐", "☒")
                    assert rpr.find(qn("w:rStyle")).get(qn("w:val")) == box_style


def test_table_header_rows_repeat_on_each_page(document: Any) -> None:
    tables = [b for b in body_blocks(document) if isinstance(b, Table)]
    grids = [t for t in tables if style_name(t) == "Checklistetabell"]
    # Every table has a header row, key-value tables too (accessibility checkers flag a
    # table without one); key-value tables also have their labels in the first column.
    assert all(t._tbl.tblPr.xpath("w:tblLook/@w:firstRow") == ["1"] for t in grids)
    for table in grids:
        assert table.rows[0]._tr.xpath("w:trPr/w:tblHeader")
        assert not any(row._tr.xpath("w:trPr/w:tblHeader") for row in table.rows[1:])
    key_value = [t for t in grids if t._tbl.tblPr.xpath("w:tblLook/@w:firstColumn") == ["1"]]
    assert len(key_value) >= 3  # the head block, what the decision is about, the decision
    for table in key_value:
        assert [cell.text for cell in table.rows[0].cells] == ["Uppgift", "Värde"]
    assert len(grids) - len(key_value) >= 5  # accounts, goals, target groups, team, history


def test_no_table_row_splits_across_pages(document: Any) -> None:
    # A label on one page and its value on the next (or half a list item) misreads as
    # a record: every row, of key-value and list tables alike, is kept whole.
    body = document.element.body
    rows = list(body.iter(qn("w:tr")))
    assert len(rows) > 30
    kept = [tr for tr in rows if tr.xpath("w:trPr/w:cantSplit")]
    assert len(kept) == len(rows)
    # Of the kinds kontoguide writes: key-value tables and list tables both.
    looks = {t.xpath("string(w:tblPr/w:tblLook/@w:firstColumn)") for t in body.iter(qn("w:tbl"))}
    assert looks == {"0", "1"}


def test_every_xml_part_is_well_formed_and_clean(record: Record, checklist: Checklist) -> None:
    data = render(record, checklist, "docx", now=NOW)
    forbidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                raw = archive.read(name)
                ElementTree.fromstring(raw)
                assert not forbidden.search(raw.decode("utf-8")), name


# --- drafts -----------------------------------------------------------------


@pytest.fixture
def draft(tmp_path: Path, checklist: Checklist) -> Record:
    answers = {
        "organisation": {"kind": "forvaltning", "name": "Kulturförvaltningen"},
        "account_name": "Biblioteket på Mastodon",
        "step1": {"policy_read": True, "comms_contact": {"name": "Karin Sjöberg"}},
    }
    return draft_record(tmp_path, checklist, answers)


def test_draft_is_marked_on_the_first_page_and_in_the_header(
    draft: Record, checklist: Checklist
) -> None:
    document = render_docx(draft, checklist)
    first = list(body_blocks(document))[:3]
    assert [style_name(b) for b in first] == ["Title", "Subtitle", "Utkastmarkering"]
    assert isinstance(first[2], Paragraph) and first[2].text == "UTKAST"
    assert document.core_properties.title.startswith("UTKAST")
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert "UTKAST" in header
    facts = next(b for b in body_blocks(document) if isinstance(b, Table))
    assert {row.cells[0].text: row.cells[1].text for row in facts.rows}["Status"].startswith(
        "Utkast"
    )
    assert document.core_properties.category == "Utkast"


def test_draft_lists_what_is_missing(draft: Record, checklist: Checklist) -> None:
    document = render_docx(draft, checklist)
    missing = assess(draft, checklist).missing
    heading = f"Det här saknas eller behöver rättas ({len(missing)})"
    blocks = sections(document)[heading]
    items = [b.text for b in blocks if isinstance(b, Paragraph) and style_name(b) == "List Bullet"]
    assert len(items) == len(missing)
    # Every item with its reason, under the label the document uses.
    not_answered = "Frågan är inte besvarad."
    assert f"Steg 1: Kontaktperson på kommunikationsfunktionen: roll – {not_answered}" in items
    assert f"Steg 2: Syfte – {not_answered}" in items
    # The notice comes first after the facts, then the missing list, then the steps.
    headings = [
        b.text
        for b in body_blocks(document)
        if isinstance(b, Paragraph) and style_name(b) == "Heading 1"
    ]
    assert headings[:2] == [checklist.notice.title, heading]


def test_draft_shows_unanswered_questions(draft: Record, checklist: Checklist) -> None:
    document = render_docx(draft, checklist)
    roll = "Kontaktperson på kommunikationsfunktionen: roll"
    blocks = _answer_blocks(document, "Förarbete", roll)
    assert texts(blocks) == ["Inte besvarad"]
    blocks = _answer_blocks(document, "Förarbete", "Kontaktperson på kommunikationsfunktionen")
    assert texts(blocks) == ["Karin Sjöberg"]


def test_set_aside_answers_are_shown_as_given_with_the_reason(
    tmp_path: Path, checklist: Checklist
) -> None:
    answers = {
        "account_name": "Biblioteket på Mastodon",
        "step1": {"comms_contact": {"email": "inte en adress"}},
    }
    draft = draft_record(tmp_path, checklist, answers)
    assert draft.set_aside
    document = render_docx(draft, checklist)
    label = "Kontaktperson på kommunikationsfunktionen: e-post"
    blocks = _answer_blocks(document, "Förarbete", label)
    reason = "Skriv en e-postadress i formatet namn@exempel.se."
    assert texts(blocks) == ["Angivet svar: inte en adress", f"Behöver rättas: {reason}"]
    missing: list[str] = [p.text for p in document.paragraphs if style_name(p) == "List Bullet"]
    assert f"Steg 1: {label} – {reason}" in missing


def test_complete_example_has_no_draft_marks(document: Any) -> None:
    assert "UTKAST" not in [p.text for p in document.paragraphs]
    assert not any(heading.startswith("Det här saknas") for heading in sections(document))


def test_platform_caution_is_shown(tmp_path: Path, record: Record, checklist: Checklist) -> None:
    data = record.model_dump(mode="json")
    data["step3"].update(
        platform="tiktok", tiktok_separate_device=True, tiktok_security_signoff=True
    )
    tiktok = Record.model_validate(data, context=make_context(checklist, today=NOW.date()))
    document = render_docx(tiktok, checklist)
    blocks = _answer_blocks(document, "Kanalval", "Plattform")
    shown = texts(blocks)
    assert shown[0] == "TikTok"
    # The caution is kontoguide's advice, said to be so, and not coloured like an error.
    assert shown[1].startswith(
        "Observera (kontoguides kommentar, inte stadens råd): Flera nordiska säkerhetsmyndigheter"
    )
    caution = next(b for b in blocks if isinstance(b, Paragraph) and b.text == shown[1])
    assert caution.style is not None and caution.style.font.italic
    assert caution.style.font.color.rgb is None
    assert all(run.font.color.rgb is None for run in caution.runs)


def test_a_variants_caution_names_the_variant() -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    variant = load_checklist_file(examples / "kulturforvaltningen.toml")
    note = _note(variant.question("step3.platform"), "x", variant)
    assert note == (
        f"Observera (kommentar i checklistan {variant.title}, inte stadens råd): "
        + str(variant.choice("platforms", "x").caution)
    )


# --- text safety ------------------------------------------------------------

SPECIALS = [*"<&>\"'*_#|`[]\\~ \t\n", "😀", "🇸🇪", "å", "Ä", "ﬁ", "\u00a0", "\u200b", "]]>"]
PIECES = st.one_of(
    st.sampled_from(SPECIALS),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
)


def texts_of(pieces: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(pieces, min_size=1, max_size=max_size).map("".join)


def _with_texts(record: Record, checklist: Checklist, short: str, long: str) -> Record:
    data = record.model_dump(mode="json")
    data["organisation"]["name"] = short
    data["step1"]["environment_scan"] = long
    data["step2"]["target_groups"][0]["description"] = long
    context = make_context(checklist, today=record.updated_at.date())
    try:
        return Record.model_validate(data, context=context)
    except ValidationError:
        assume(False)
        raise


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    short=texts_of(PIECES.filter(lambda c: "\n" not in c), 60),
    long=texts_of(PIECES, 300),
)
def test_any_text_round_trips_through_the_document(short: str, long: str) -> None:
    checklist = load_checklist()
    base = _example_for_hypothesis(checklist)
    # Two letters first: every text answer needs them, and without them most examples
    # would be thrown away (and the health check fails the test now and then).
    record = _with_texts(base, checklist, "Ab" + short, "Ab" + long)
    document = render_docx(record, checklist)
    stored_short = str(record.organisation.name)
    stored_long = str(record.step1.environment_scan)
    facts = next(b for b in body_blocks(document) if isinstance(b, Table))
    by_label = {row.cells[0].text: row.cells[1].text for row in facts.rows}
    assert by_label["Förvaltning eller bolag"] == stored_short
    blocks = _answer_blocks(document, "Förarbete", "Omvärldsbevakning")
    assert texts(blocks)[0] == stored_long
    blocks = _answer_blocks(document, "Syfte, mål", "Målgrupper")
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.rows[1].cells[1].text == stored_long


_EXAMPLE_CACHE: dict[str, Record] = {}


def _example_for_hypothesis(checklist: Checklist) -> Record:
    # Hypothesis runs the test many times; read the example in once.
    if "record" not in _EXAMPLE_CACHE:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            _EXAMPLE_CACHE["record"] = example_record(Path(folder), checklist)
    return _EXAMPLE_CACHE["record"]


def test_very_long_text_round_trips(record: Record, checklist: Checklist) -> None:
    long = ("Rad med text & <tecken> 😀\t" * 400)[:9990] + "\nslut"
    changed = _with_texts(record, checklist, "Kulturförvaltningen", long)
    document = render_docx(changed, checklist)
    blocks = _answer_blocks(document, "Förarbete", "Omvärldsbevakning")
    assert texts(blocks)[0] == str(changed.step1.environment_scan)


def test_forbidden_characters_are_replaced_not_fatal(record: Record, checklist: Checklist) -> None:
    # The model refuses these; a record built around it must still render.
    step1 = record.step1.model_copy(update={"environment_scan": "a\x00b\x0bc\ud800d\ufffe"})
    step3 = record.step3.model_copy(update={"proposed_account_name": "Konto\x07"})
    broken = record.model_copy(update={"step1": step1, "step3": step3})
    data = render(broken, checklist, "docx", now=NOW)
    document = open_docx(data)
    blocks = _answer_blocks(document, "Förarbete", "Omvärldsbevakning")
    assert texts(blocks)[0] == "a\ufffdb\ufffdc\ufffdd\ufffd"
    assert document.core_properties.subject.endswith("Konto\ufffd")


# --- base documents (variants) ------------------------------------------------


def _variant(tmp_path: Path, base_name: str) -> Checklist:
    source = Path(str(load_checklist().source))
    text = source.read_text(encoding="utf-8")
    text = text.replace(
        'organisation = "Stockholms stad"\n',
        f'organisation = "Stockholms stad"\nbase_docx = "{base_name}"\n',
        1,
    )
    target = tmp_path / "variant.toml"
    target.write_text(text, encoding="utf-8")
    return load_checklist_file(target)


def _base_document(path: Path) -> None:
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = "KULTURFÖRVALTNINGENS LOGOTYP"
    base.add_paragraph("Mallens brödtext som ska bort")
    base.add_table(rows=1, cols=1).cell(0, 0).text = "Mallens tabell"
    # A base made in Word often lacks styles it has never used.
    styles = base.styles.element
    for style_id in ("Heading2", "Heading2Char"):
        for element in styles.xpath(f'w:style[@w:styleId="{style_id}"]'):
            styles.remove(element)
    base.save(str(path))


def test_default_checklist_has_no_base_document(checklist: Checklist) -> None:
    assert checklist.base_docx is None
    assert checklist.base_docx_path() is None


def test_a_variant_starts_from_its_base_document(tmp_path: Path, record: Record) -> None:
    _base_document(tmp_path / "bas.docx")
    variant = _variant(tmp_path, "bas.docx")
    document = render_docx(record, variant)
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == "KULTURFÖRVALTNINGENS LOGOTYP"
    # The base's own header stays, and the state and case number are added to it.
    assert "Startat · Diarienummer KUF 2026/1187" in header
    everything = [p.text for p in document.paragraphs]
    assert "Mallens brödtext som ska bort" not in everything
    assert everything[1] == TITLE
    assert "Heading 2" in {style.name for style in document.styles}
    assert any(style_name(p) == "Heading 2" for p in document.paragraphs)


def test_a_missing_base_document_is_a_clear_error(tmp_path: Path, record: Record) -> None:
    variant = _variant(tmp_path, "finns-inte.docx")
    with pytest.raises(ChecklistError, match=r"grunddokumentet finns-inte\.docx"):
        render(record, variant, "docx", now=NOW)


def test_a_broken_base_document_is_a_clear_error(tmp_path: Path, record: Record) -> None:
    (tmp_path / "trasig.docx").write_text("inte ett Word-dokument", encoding="utf-8")
    variant = _variant(tmp_path, "trasig.docx")
    with pytest.raises(ChecklistError, match=r"trasig\.docx går inte att läsa"):
        render(record, variant, "docx", now=NOW)


def test_rendering_does_not_change_the_record(record: Record, checklist: Checklist) -> None:
    before = copy.deepcopy(record.model_dump(mode="json"))
    render(record, checklist, "docx", now=NOW)
    assert record.model_dump(mode="json") == before


# --- no repair prompt: elements in the order the schema (ECMA-376) requires -------

_SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish "
    "oMath",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr "
    "trPr tcPr tblStylePr",
    "tblStylePr": "pPr rPr tblPr trPr tcPr",
    "pBdr": "top left bottom right between bar",
    "tcBorders": "top left start bottom right end insideH insideV tl2br tr2bl",
    "tblBorders": "top left start bottom right end insideH insideV",
    "tblCellMar": "top left start bottom right end",
}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _order_problems(xml: bytes, part: str) -> list[str]:
    found = []
    for parent in ElementTree.fromstring(xml).iter():
        if not parent.tag.startswith(_W):
            continue
        sequence = _SEQUENCES.get(parent.tag[len(_W) :])
        if sequence is None:
            continue
        order = sequence.split()
        names = [c.tag[len(_W) :] for c in parent if c.tag.startswith(_W)]
        unknown = [n for n in names if n not in order]
        positions = [order.index(n) for n in names if n in order]
        repeated = {n for n in names if names.count(n) > 1} - {"tblStylePr"}
        if unknown or positions != sorted(positions) or repeated:
            found.append(f"{part}: <{parent.tag[len(_W) :]}> has {names}")
    return found


@pytest.mark.parametrize("kind", ["complete", "draft", "base"])
def test_xml_follows_the_schema_order(
    tmp_path: Path, record: Record, checklist: Checklist, kind: str
) -> None:
    if kind == "draft":
        record = draft_record(tmp_path, checklist, {"account_name": "Utkast"})
    if kind == "base":
        _base_document(tmp_path / "bas.docx")
        checklist = _variant(tmp_path, "bas.docx")
    data = render(record, checklist, "docx", now=NOW)
    problems_found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                problems_found += _order_problems(archive.read(name), name)
    assert problems_found == []


# --- column widths ------------------------------------------------------------------

TEXT_WIDTH = int(16.6 * EMU_PER_CM)
CELLS = st.lists(st.text(st.sampled_from("abc åäö 0123456789-/"), max_size=80), max_size=3)


@settings(max_examples=200, deadline=None)
@given(
    headers=st.lists(
        st.sampled_from(["Mål", "Utgångsvärde", "Senast", "Källa"]), min_size=1, max_size=6
    ),
    data=st.data(),
)
def test_column_widths_fill_the_line_and_keep_words_whole(headers: list[str], data: Any) -> None:
    rows = [
        tuple(tuple(data.draw(CELLS)) for _ in headers) for _ in range(data.draw(st.integers(0, 4)))
    ]
    widths = column_widths(tuple(headers), rows, TEXT_WIDTH)
    assert len(widths) == len(headers)
    assert TEXT_WIDTH - len(headers) <= sum(widths) <= TEXT_WIDTH
    needed = [
        max(
            [text_width(w) for row in rows for line in row[i] for w in line.split()]
            + [text_width(w, bold=True) for w in header.split()]
        )
        for i, header in enumerate(headers)
    ]
    if sum(min(n, MAX_WORD) + CELL_PADDING for n in needed) < TEXT_WIDTH:
        for width, need in zip(widths, needed, strict=True):
            assert width >= min(need, MAX_WORD) + CELL_PADDING - 1


def test_a_date_column_is_wide_enough_for_a_date() -> None:
    headers = ("Mål", "Senast")
    rows = [(("Ett mål " * 30,), ("2030-12-31",))]
    widths = column_widths(headers, rows, TEXT_WIDTH)
    assert widths[1] >= text_width("2030-12-31") + CELL_PADDING - 1
    assert widths[0] > widths[1]


def test_the_table_font_scales_the_widths_arial_and_its_twins_as_estimated() -> None:
    assert width_scale("Arial", 10) == width_scale("Liberation Sans", None) == 1.0
    assert width_scale("Calibri", 10) == width_scale("Times New Roman", 10) == 1.0
    assert width_scale("Georgia", 10) == width_scale(None, None) == OTHER_FONT
    assert width_scale("Arial", 12) == pytest.approx(1.2)
    rows = [(("Sommarboken – startträff",), ("2027-06-14",), ("Ja",), ("https://x.se/a",))]
    headers = ("Evenemang", "Datum", "Bokning", "Bokningslänk")
    widths = column_widths(headers, rows, TEXT_WIDTH, OTHER_FONT)
    assert widths[2] >= OTHER_FONT * text_width("Bokning", bold=True) + CELL_PADDING - 1


def _georgia_base(path: Path) -> None:
    base = docx.Document()
    base.styles["Normal"].font.name = "Georgia"
    # A4 (every export is; python-docx's own page is Letter) with the text width of
    # python-docx's Letter page, 16.51 cm, which these tests were measured on.
    section = base.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm((21.0 - 16.51) / 2)
    base.save(str(path))


def test_tables_in_a_base_documents_wider_font_keep_every_word_whole(
    tmp_path: Path, record: Record
) -> None:
    _georgia_base(tmp_path / "georgia.docx")
    checklist = _variant(tmp_path, "georgia.docx")
    document = docx.Document(io.BytesIO(render(record, checklist, "docx", now=NOW)))
    tables = [t for t in document.tables if t._tbl.xpath("./w:tr[1]/w:trPr/w:tblHeader")]
    assert tables
    for table in tables:
        twips = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for index, width in enumerate(twips):
            header = table.rows[0].cells[index].text
            words = [text_width(w, bold=True) for w in header.split()] + [
                text_width(w) for row in table.rows[1:] for w in row.cells[index].text.split()
            ]
            needed = min(OTHER_FONT * max(words), MAX_WORD) + CELL_PADDING
            assert width * 635 >= needed - 635, (header, table.rows[0].cells[0].text)


def test_a_column_that_does_not_fit_moves_to_the_list_under_the_table(
    tmp_path: Path, record: Record
) -> None:
    _georgia_base(tmp_path / "georgia.docx")
    checklist = _variant(tmp_path, "georgia.docx")
    document = docx.Document(io.BytesIO(render(record, checklist, "docx", now=NOW)))
    blocks = _answer_blocks(document, "Syfte, mål", "Mätbara mål")
    table = next(block for block in blocks if isinstance(block, Table))
    headers = [cell.text for cell in table.rows[0].cells]
    # The goals' key figures, the longest column, leave the table; the rest stay in order.
    assert headers == ["Mål", "Effekt", "Utgångsvärde", "Målvärde", "Senast"]
    below = [b.text for b in blocks[blocks.index(table) + 1 :] if isinstance(b, Paragraph)]
    assert below[0].startswith("Fler unga känner till bibliotekens lovaktiviteter – Nyckeltal: ")
    assert below[1].startswith("Fler unga känner till bibliotekens lovaktiviteter – Källa: ")
    assert len(below) == 4


# --- a filed document: type, metadata, package ---------------------------------


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def test_the_package_names_kontoguide_and_has_no_template_leftovers(
    record: Record, checklist: Checklist
) -> None:
    from kontoguide import __version__

    data = render(record, checklist, "docx", now=NOW)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/stylesWithEffects.xml" not in names
    for listing in ("_rels/.rels", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        text = _part(data, listing)
        assert "thumbnail" not in text and "stylesWithEffects" not in text
    assert f"<Application>kontoguide {__version__}</Application>" in _part(data, "docProps/app.xml")
    assert re.search(r'<w:themeFontLang [^>]*w:val="sv-SE"', _part(data, "word/settings.xml"))


def test_type_sizes_and_no_whole_paragraph_italics(document: Any) -> None:
    styles = document.styles
    assert styles["Normal"].font.size.pt >= 11
    for name in ("Tabelltext", "Tabellrubrik"):
        assert styles[name].font.size.pt >= 10
    used = {style_name(b) for b in body_blocks(document) if isinstance(b, Paragraph)}
    for name in used:
        size = styles[name].font.size
        assert size is None or size.pt >= 11, name
        assert not styles[name].font.italic, name
    # No empty paragraphs for spacing.
    assert all(b.text.strip() for b in body_blocks(document) if isinstance(b, Paragraph))


def test_the_notice_is_kept_together_and_first_after_the_facts(
    document: Any, checklist: Checklist
) -> None:
    blocks = list(body_blocks(document))
    facts = next(b for b in blocks if isinstance(b, Table))
    after = blocks[blocks.index(facts) + 1]
    assert isinstance(after, Paragraph) and after.text == checklist.notice.title
    notice = section_for(document, checklist.notice.title)
    assert all(p.paragraph_format.keep_together for p in notice)
    assert all(p.paragraph_format.keep_with_next for p in notice[:-1])
    # The city's words in the quote style; our note apart, in its own style.
    quoted = [p.text for p in notice if style_name(p) == "Rådet"]
    assert quoted == [checklist.notice.text.strip()]
    note = [p.text for p in notice if style_name(p) == "Kommentar till rådet"]
    assert note and "men rådet gäller fortfarande" in note[0]


def test_the_laws_are_named_in_full(document: Any) -> None:
    text = "\n".join(b.text for b in body_blocks(document) if isinstance(b, Paragraph))
    assert "lagen (1998:112) om ansvar för elektroniska anslagstavlor" in text
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    assert "dataskyddsförordningen (GDPR)" in text
    # The records-law confirmations, each printed.
    for item in (
        "Inlägg och kommentarer på kontot är allmänna handlingar",
        "Innehåll tas bort bara med stöd av ett beslut om gallring",
        "Arkiveringen levereras till stadens e-arkiv",
    ):
        assert f"☒ {item}" in text
    assert "Uppgift av allmänt intresse" in text


def test_a_list_with_a_set_aside_item_is_never_called_empty(
    tmp_path: Path, checklist: Checklist
) -> None:
    goal = {
        "description": "Fler följare",
        "effect": "informerad",
        "indicator": "Antal följare",
        "target": "många",
        "unit": "följare",
        "deadline": "2030-12-31",
        "data_source": "Instagram",
    }
    draft = draft_record(tmp_path, checklist, {"step2": {"goals": [goal]}})
    assert list(draft.set_aside) == ["step2.goals[0]"]
    document = render_docx(draft, checklist)
    blocks = _answer_blocks(document, "Syfte, mål", "Mätbara mål")
    shown = texts(blocks)
    assert shown[0].startswith("Angivet svar: Mål: Fler följare; Effekt: Informerad")
    assert shown[1].startswith("Behöver rättas: ")
    everything = "\n".join(p.text for p in document.paragraphs)
    assert "Steg 2: Mätbara mål – Listan är tom" not in everything
    missing = [p.text for p in document.paragraphs if style_name(p) == "List Bullet"]
    assert any(item.startswith("Steg 2: Mätbara mål – ") for item in missing)
    # The list counts what `validate` prints for the same answers.
    assert len([h for h in missing if "Mätbara mål" in h]) == 1
