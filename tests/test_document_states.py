"""The document of every state, Word and Markdown: each says its state and nothing more.

Each state's record is read in from an example answers file as `kontoguide start
--answers` does; the closed one and the postponed decision are the examples with
a closing or another outcome. The Word files are read back with python-docx.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from export_support import (
    EXAMPLES,
    NOW,
    body_blocks,
    by_heading,
    open_docx,
    section_for,
    sections,
    style_name,
    texts,
)
from kontoguide.checklist.loading import load_checklist
from kontoguide.checklist.parts import Checklist
from kontoguide.documents import messages as m
from kontoguide.documents.document import build
from kontoguide.documents.export import render
from kontoguide.documents.follow_ups import goal_progress
from kontoguide.model.account_life import Transition
from kontoguide.model.record import Record
from kontoguide.store import drafts
from kontoguide.store.storage import Store
from scenario import whole_closing

READY_LEAD_OF_A_DRAFT = "kan inte ligga till grund"
BOXES = ["☐ Godkänt", "☐ Avslaget", "☐ Uppskjutet"]


def _close(data: dict[str, Any]) -> None:
    data["closing"] = whole_closing("2026-11-20")


def _postpone(data: dict[str, Any]) -> None:
    data["step5"]["outcome"] = "uppskjutet"


def _not_started(data: dict[str, Any]) -> None:
    del data["start"]


def _lower_response_time(data: dict[str, Any]) -> None:
    # A goal to lower something: measured under its target, it is met.
    goal = data["step2"]["goals"][0]
    goal.update(baseline=48, target=24, unit="timmar")
    data["follow_ups"][0]["measurements"][0]["value"] = 20


CASES: dict[str, tuple[str, Callable[[dict[str, Any]], None] | None, str]] = {
    # name: (example, change, expected state)
    "draft": ("med-fel", None, "draft"),
    "ready": ("klar-for-beslut", None, "ready"),
    "approved": ("komplett", _not_started, "decided"),
    "rejected": ("avslaget", None, "decided"),
    "postponed": ("avslaget", _postpone, "decided"),
    "started": ("startat-med-uppfoljning", None, "started"),
    "closed": ("startat-med-uppfoljning", _close, "closed"),
    "lowering": ("startat-med-uppfoljning", _lower_response_time, "started"),
}


@pytest.fixture(scope="module")
def shared_checklist() -> Checklist:
    return load_checklist()


@pytest.fixture(scope="module")
def records(
    tmp_path_factory: pytest.TempPathFactory, shared_checklist: Checklist
) -> dict[str, Record]:
    found: dict[str, Record] = {}
    for name, (example, change, state) in CASES.items():
        folder = tmp_path_factory.mktemp(name)
        data = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
        if change is not None:
            change(data)
        answers = folder / "svar.json"
        answers.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        record, _ = drafts.from_answers(answers, shared_checklist, Store(folder / "records"))
        assert record.status == state, name
        found[name] = record
    return found


@pytest.fixture(scope="module")
def docs(records: dict[str, Record], shared_checklist: Checklist) -> dict[str, Any]:
    return {
        name: open_docx(render(record, shared_checklist, "docx", now=NOW))
        for name, record in records.items()
    }


@pytest.fixture(scope="module")
def mds(records: dict[str, Record], shared_checklist: Checklist) -> dict[str, str]:
    return {
        name: render(record, shared_checklist, "md", now=NOW).decode("utf-8")
        for name, record in records.items()
    }


# --- reading a document back ----------------------------------------------------------


def _cell_texts(table: Table) -> list[str]:
    return [
        paragraph.text for row in table.rows for cell in row.cells for paragraph in cell.paragraphs
    ]


def every_text(document: Any) -> list[str]:
    """Every paragraph's text: body, tables, page header; and the text properties."""
    found: list[str] = []
    for block in body_blocks(document):
        found += [block.text] if isinstance(block, Paragraph) else _cell_texts(block)
    for section in document.sections:
        found += [p.text for p in section.header.paragraphs]
    props = document.core_properties
    found += [props.title, props.subject, props.category, props.keywords]
    return found


def header(document: Any) -> list[str]:
    return [p.text for p in document.sections[0].header.paragraphs]


def first_page(document: Any) -> tuple[list[Paragraph], dict[str, str]]:
    """The paragraphs before the first table, and the facts table (label → value)."""
    blocks = list(body_blocks(document))
    table = next(b for b in blocks if isinstance(b, Table))
    before = [b for b in blocks[: blocks.index(table)] if isinstance(b, Paragraph)]
    return before, facts_of(table)


def facts_of(table: Table) -> dict[str, str]:
    """A label-and-value table's rows under its header row (label → value)."""
    assert [c.text for c in table.rows[0].cells] == list(m.DOC_FACTS_HEADERS)
    return {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}


def headings(document: Any) -> list[str]:
    return [
        b.text
        for b in body_blocks(document)
        if isinstance(b, Paragraph) and style_name(b) == "Heading 1"
    ]


def signature_captions(document: Any) -> list[str]:
    """The captions of the lines to write on: ruled paragraphs, never a layout table."""
    return [
        b.text.split(":")[0]
        for b in body_blocks(document)
        if isinstance(b, Paragraph) and style_name(b) == "Underskriftsrad"
    ]


def sign_line_text(document: Any, caption: str) -> str:
    """What is printed on the line with `caption` (empty when it is to be filled in)."""
    for b in body_blocks(document):
        if isinstance(b, Paragraph) and style_name(b) == "Underskriftsrad":
            label, _, rest = b.text.partition(":")
            if label == caption:
                return rest.strip()
    raise AssertionError(caption)


# --- every state: page 1 and the header ----------------------------------------------

PAGE_ONE = {
    "draft": ("UTKAST", "Utkast", "Inget diarienummer"),
    "ready": ("Underlag för beslut", "Klar för beslut", "Inget diarienummer"),
    "approved": ("Beslutat: Godkänt", "Godkänt", "KUF 2026/1187"),
    "rejected": ("Beslutat: Avslaget", "Avslaget", "KUF 2026/1187"),
    "postponed": ("Beslutat: Uppskjutet", "Uppskjutet", "KUF 2026/1187"),
    "started": ("Kontot är startat", "Startat", "KUF 2026/0412"),
    "closed": ("Kontot är avslutat", "Avslutat", "KUF 2026/0412"),
}


@pytest.mark.parametrize("name", list(PAGE_ONE))
def test_page_one_and_the_header_say_the_state_and_the_case_number(
    docs: dict[str, Any], name: str
) -> None:
    kind, label, case = PAGE_ONE[name]
    document = docs[name]
    before, facts = first_page(document)
    assert style_name(before[0]) == "Title"
    assert before[0].text.startswith("Nytt konto i sociala medier: ")
    assert [p.text for p in before[1:3]] == [
        "Checklista för att starta ett nytt konto i sociala medier",
        kind,
    ]
    # Page 1 identifies the case and dates the document; the internal id comes last.
    assert list(facts)[:7] == [
        "Dokumentets datum",
        "Upprättat av",
        "Ärende",
        "Förvaltning eller bolag",
        "Enhet",
        "Föreslaget kontonamn" if name != "draft" else "Arbetsnamn (inget kontonamn föreslaget än)",
        "Plattform",
    ]
    assert "Id i kontoguide" not in facts
    assert ("Beslutsdatum" in facts) == (name not in ("draft", "ready"))
    about = [p for p in body_blocks(document) if isinstance(p, Paragraph)][-1]
    assert about.text.startswith("Om dokumentet:") and "Id i kontoguide" in about.text
    assert facts["Status"] == label
    assert facts["Diarienummer"] == case
    number = case if case == "Inget diarienummer" else f"Diarienummer {case}"
    assert f"{label} · {number}" in header(document)


@pytest.mark.parametrize("name", list(PAGE_ONE))
def test_no_document_says_more_than_its_state(docs: dict[str, Any], name: str) -> None:
    text = "\n".join(every_text(docs[name]))
    assert "Komplett" not in text
    if name != "draft":
        assert "UTKAST" not in text
        assert READY_LEAD_OF_A_DRAFT not in text
        assert not any(h.startswith("Det här saknas") for h in headings(docs[name]))


# --- a draft ------------------------------------------------------------------------


def test_a_draft_has_no_decision_and_no_lines_to_sign(docs: dict[str, Any]) -> None:
    document = docs["draft"]
    assert "Beslut" not in headings(document)
    assert signature_captions(document) == []
    everything = every_text(document)
    # med-fel.json holds an approval: a draft never shows it, not even as a box.
    assert not any("Godkänt" in text for text in everything)
    assert "Namnförtydligande" not in "\n".join(everything)


def test_a_draft_is_marked_on_every_page_and_lists_what_is_missing(
    docs: dict[str, Any], records: dict[str, Record], shared_checklist: Checklist
) -> None:
    document = docs["draft"]
    before, _ = first_page(document)
    assert style_name(before[2]) == "Utkastmarkering"
    assert "UTKAST" in header(document)
    assert "UTKAST" in document.core_properties.title
    missing = [h for h in headings(document) if h.startswith("Det här saknas")]
    assert len(missing) == 1
    view = build(records["draft"], shared_checklist, now=NOW)
    assert missing[0] == f"Det här saknas eller behöver rättas ({len(view.missing)})"
    # The Schrems II notice comes first after the facts, before the list.
    assert headings(document)[0] == shared_checklist.notice.title
    items = texts(sections(document)[missing[0]])
    assert items == list(view.missing)
    # What a draft lacks for a decision, not what the decision itself still needs.
    assert not any(item.startswith("Beslutet") for item in items)


# --- ready: the basis for a decision --------------------------------------------------


def test_an_answer_set_aside_keeps_its_reason_on_its_page(docs: dict[str, Any]) -> None:
    # Read page by page in LibreOffice, the draft had "Angivet svar: Bibblan Unga" at
    # the foot of one page and why it must be fixed at the top of the next.
    paragraphs = docs["draft"].paragraphs
    given = [i for i, p in enumerate(paragraphs) if p.text.startswith("Angivet svar: ")]
    assert len(given) > 5
    for index in given:
        assert paragraphs[index + 1].text.startswith("Behöver rättas: ")
        assert paragraphs[index].paragraph_format.keep_with_next, paragraphs[index].text


def test_a_ready_record_is_the_basis_for_a_decision(docs: dict[str, Any]) -> None:
    document = docs["ready"]
    assert document.core_properties.category == "Underlag för beslut"
    blocks = section_for(document, "Beslut")
    parts = by_heading(blocks, 2)
    subject = next(b for b in parts["Beslutet gäller"] if isinstance(b, Table))
    assert facts_of(subject) == {
        "Konto": "Stadsbiblioteket Unga – Stockholms stad",  # the proposed name from step 3
        "Plattform": "Instagram",
        "Förvaltning eller bolag": "Kulturförvaltningen",
        "Enhet": "Stockholms stadsbibliotek, avdelningen för barn och unga",
    }
    assert texts(parts["Beslutet"])[:3] == BOXES


def test_the_basis_has_lines_for_date_case_number_signature_and_name(
    docs: dict[str, Any],
) -> None:
    document = docs["ready"]
    captions = signature_captions(document)
    for wanted in (
        "Beslutsdatum",
        "Diarienummer",
        "Punkt i delegationsordningen (om det finns en)",
        "Underskrift",
        "Namnförtydligande",
    ):
        assert wanted in captions
    # Each line says what is known already: the name of who decides, from step 5.
    for caption in captions:
        expected = "Helena Ström" if caption == "Namnförtydligande" else ""
        assert sign_line_text(document, caption) == expected
    # Lines to write on are ruled paragraphs (a tab with a line leader), not a table.
    lines = [
        b
        for b in body_blocks(document)
        if isinstance(b, Paragraph) and style_name(b) == "Underskriftsrad"
    ]
    assert all("\t" in line.text for line in lines)
    assert all(len(line.paragraph_format.tab_stops) == 1 for line in lines)


def test_the_name_line_is_empty_without_a_decision_maker(
    records: dict[str, Record], shared_checklist: Checklist
) -> None:
    # Not a whole ready record, but the view of the form only needs the name.
    from kontoguide.documents.decision import decision_view as _decision
    from kontoguide.documents.view import DecisionView

    record = records["ready"]
    step5 = record.step5.model_copy(
        update={"decision_maker": record.step5.decision_maker.model_copy(update={"name": None})}
    )
    form: DecisionView = _decision(
        record.model_copy(update={"step5": step5}), shared_checklist, False
    )
    filled = {line.caption: line.filled for row in form.lines for line in row}
    assert filled["Namnförtydligande"] == ""


# --- decided: the decision as taken -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "outcome", "boxes"),
    [
        ("rejected", "Avslaget", ["☐ Godkänt", "☒ Avslaget", "☐ Uppskjutet"]),
        ("postponed", "Uppskjutet", ["☐ Godkänt", "☐ Avslaget", "☒ Uppskjutet"]),
    ],
)
def test_a_decision_shows_what_was_decided_when_by_whom_and_why(
    docs: dict[str, Any], name: str, outcome: str, boxes: list[str]
) -> None:
    document = docs[name]
    parts = by_heading(section_for(document, "Beslut"), 2)
    taken = parts["Beslutet"]
    assert texts(taken)[:3] == boxes
    facts = facts_of(next(b for b in taken if isinstance(b, Table)))
    assert facts["Beslut"] == outcome
    assert facts["Beslutsdatum"] == "2026-11-20"
    assert facts["Beslutsfattare"] == "Helena Ström, Avdelningschef, Stockholms stadsbibliotek"
    assert facts["Diarienummer"] == "KUF 2026/1187"
    assert facts["Motivering"].startswith("Stadsledningskontoret avråder från nya konton")
    assert "Nästa omprövning enligt beslutet" not in facts  # only an approval is reviewed
    # Signed already: the document records the decision, it is no form to sign again,
    # and it says where the signed decision is (issue 19).
    assert signature_captions(document) == []
    assert facts["Det undertecknade beslutet"] == (
        "Det här dokumentet är en utskrift ur kontoguide och är inte undertecknat. Det "
        "undertecknade beslutet hör till ärendet med diarienummer KUF 2026/1187."
    )
    # "Godkänt" only as the unticked box, nowhere else.
    everything = every_text(document)
    assert [text for text in everything if "Godkänt" in text] == ["☐ Godkänt"]
    assert "Kontot startas" not in headings(document)


def test_an_approval_shows_when_it_is_reviewed_and_nothing_of_a_start(
    docs: dict[str, Any],
) -> None:
    document = docs["approved"]
    taken = by_heading(section_for(document, "Beslut"), 2)["Beslutet"]
    assert texts(taken)[:3] == ["☒ Godkänt", "☐ Avslaget", "☐ Uppskjutet"]
    facts = facts_of(next(b for b in taken if isinstance(b, Table)))
    assert facts["Beslut"] == "Godkänt"
    assert facts["Nästa omprövning enligt beslutet"] == "2027-11-01"
    # Every outcome has its reason, an approval too.
    assert facts["Motivering"].startswith("Ungdomarna i målgruppen")
    assert "Kontot startas" not in headings(document)
    assert _charts(document) == []


# --- started: the start and the follow-ups -----------------------------------------------


def test_a_started_record_adds_the_start(docs: dict[str, Any]) -> None:
    document = docs["started"]
    questions = by_heading(section_for(document, "Kontot startas"), 2)
    answers = {label: texts(blocks) for label, blocks in questions.items()}
    assert answers["Kontot startade"] == ["2026-05-04"]
    assert answers["Kontots adress eller användarnamn"] == ["@stadsbiblioteketunga"]
    assert answers["Anmält till stadens förteckning"] == ["Ja"]
    assert answers["Datum för anmälan"] == ["2026-05-06"]
    assert "Kontot avslutas" not in headings(document)
    order = headings(document)
    assert (
        order.index("Beslut")
        < order.index("Kontot startas")
        < order.index("Uppföljning 1: 2026-11-16")
        < order.index("Historik")
    )


def test_each_follow_up_has_a_table_of_its_goals(docs: dict[str, Any]) -> None:
    blocks = section_for(docs["started"], "Uppföljning 1")
    tables = [b for b in blocks if isinstance(b, Table)]
    assert facts_of(tables[0]) == {
        "Datum för uppföljningen": "2026-11-16",
        "Genomförd av": "Amir Haddad",
        "Slutsats": "Fortsätt som nu",
        "Nästa uppföljning": "2027-02-16",
    }
    goals = tables[1]
    cells = [[cell.text for cell in row.cells] for row in goals.rows]
    assert cells[0] == ["Mål", "Utgångsvärde", "Målvärde", "Uppmätt", "Mätdatum", "Nått"]
    assert cells[1] == [
        "1. Fler unga känner till bibliotekens lovaktiviteter",
        "120",
        "400 anmälningar per lov",
        "210 anmälningar per lov",
        "2026-11-02",
        "Nej",
    ]
    assert cells[2][1:] == ["–", "60 procent", "41 procent", "2026-11-10", "Nej"]
    # A measurement's comment in a list under the table, never a merged row.
    assert len(cells) == 3 and not goals._tbl.xpath(".//w:gridSpan")
    below = [b.text for b in blocks[blocks.index(goals) + 1 :] if isinstance(b, Paragraph)]
    assert below[0] == (
        "1. Fler unga känner till bibliotekens lovaktiviteter – Kommentar: Höstlovet: "
        "210 anmälningar via länken i profilen."
    )
    shown = texts(blocks)
    assert any(text.startswith("Så räknar kontoguide ut kolumnen Nått") for text in shown)
    assert "Kontot når fler unga än före starten men ligger efter målen." in shown[-1]


def test_a_goal_to_lower_something_is_met_at_or_under_its_target(docs: dict[str, Any]) -> None:
    blocks = section_for(docs["lowering"], "Uppföljning 1")
    goals = [b for b in blocks if isinstance(b, Table)][1]
    first = [cell.text for cell in goals.rows[1].cells]
    assert first[1:4] == ["48", "24 timmar", "20 timmar"]
    assert first[5] == "Ja"


def _charts(document: Any) -> list[tuple[str, bytes]]:
    """Each chart in the body: its alternative text and its chart part."""
    found = []
    for inline in document.element.body.xpath(".//wp:inline"):
        [chart] = inline.xpath("./a:graphic/a:graphicData/*[local-name()='chart']")
        rid = chart.get(qn("r:id"))
        found.append((inline.docPr.get("descr"), document.part.related_parts[rid].blob))
    return found


def test_each_follow_up_has_one_chart_whose_alternative_text_says_its_numbers(
    docs: dict[str, Any],
) -> None:
    [(alt, chart)] = _charts(docs["started"])
    assert b"<c:barChart>" in chart
    assert alt.startswith("Diagram över målen vid uppföljning 1 (2026-11-16).")
    for numbers in (
        "utgångsvärde 120, målvärde 400 anmälningar per lov, uppmätt 210 anmälningar per lov "
        "den 2026-11-02; 32 % av vägen",
        "utgångsvärde saknas (räknas som 0), målvärde 60 procent, uppmätt 41 procent "
        "den 2026-11-10; 68 % av vägen",
    ):
        assert numbers in alt
    # The chart sits in the follow-up it belongs to, with its caption.
    blocks = section_for(docs["started"], "Uppföljning 1")
    assert any(isinstance(b, Paragraph) and b._p.xpath(".//w:drawing") for b in blocks)
    assert any(text.startswith("Diagrammet visar hur långt") for text in texts(blocks))


@pytest.mark.parametrize("name", ["draft", "ready", "rejected"])
def test_no_chart_before_a_follow_up(docs: dict[str, Any], name: str) -> None:
    assert _charts(docs[name]) == []


# --- closed ---------------------------------------------------------------------------


def test_a_closed_record_shows_the_closing(docs: dict[str, Any]) -> None:
    document = docs["closed"]
    questions = by_heading(section_for(document, "Kontot avslutas"), 2)
    answers = [texts(blocks) for blocks in questions.values()]
    closing = whole_closing("2026-11-20")
    assert answers == [
        ["Helena Ström"],
        ["Avdelningschef"],
        [closing["reason"]],
        ["2026-11-20"],
        ["Ja"],
        ["2026-11-20"],
        [closing["archive_reference"]],
        ["Ja"],
        ["Ja"],
        ["Ja"],
    ]
    # Whose title: read page by page, "Befattning" stood alone at the top of a page,
    # the name it belongs to at the foot of the one before.
    assert list(questions)[:2] == [
        "Beslutade att avsluta kontot",
        "Beslutade att avsluta kontot: befattning",
    ]
    order = headings(document)
    assert order.index("Uppföljning 1: 2026-11-16") < order.index("Kontot avslutas")
    assert order[-1] == "Historik"


# --- the history -----------------------------------------------------------------------


def _history_rows(record: Record, checklist: Checklist) -> list[list[str]]:
    document = open_docx(render(record, checklist, "docx", now=NOW))
    table = next(b for b in section_for(document, "Historik") if isinstance(b, Table))
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_history_gives_each_event_its_own_day_and_when_it_was_entered(
    records: dict[str, Record], shared_checklist: Checklist
) -> None:
    # Entered in kontoguide in November; the decision was taken in April (issue 19).
    moments = [datetime(2026, 11, day, 9, 5, tzinfo=UTC) for day in range(1, 7)]
    whats = ["draft", "ready", "decided", "started", "followed_up", "closed"]
    history = [Transition(what=what, at=at) for what, at in zip(whats, moments, strict=True)]
    record = records["closed"].model_copy(update={"history": history})
    rows = _history_rows(record, shared_checklist)
    assert rows[0] == ["Händelse", "Dag", "Inlagt i kontoguide"]
    # In the order the events happened, not the order they were typed in.
    assert rows[1:] == [
        ["Beslut: Godkänt", "2026-04-14", "2026-11-03 kl. 10:05"],
        ["Kontot startade", "2026-05-04", "2026-11-04 kl. 10:05"],
        ["Utkastet påbörjades", "2026-11-01", "2026-11-01 kl. 10:05"],  # 09:05 UTC
        ["Klar för beslut", "2026-11-02", "2026-11-02 kl. 10:05"],
        ["Uppföljning 1", "2026-11-16", "2026-11-05 kl. 10:05"],
        ["Kontot avslutades", record.closing.closed_on.isoformat(), "2026-11-06 kl. 10:05"],
    ]
    text = render(record, shared_checklist, "md", now=NOW).decode("utf-8")
    assert "| Beslut: Godkänt | 2026-04-14 | 2026-11-03 kl. 10:05 |" in text


def test_a_record_read_in_from_a_file_says_so_and_invents_no_steps(
    records: dict[str, Record], shared_checklist: Checklist
) -> None:
    # What `start --answers` of a started record leaves: it began as started.
    read_in = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    history = [Transition(what="started", at=read_in), Transition(what="followed_up", at=read_in)]
    record = records["started"].model_copy(update={"history": history})
    rows = _history_rows(record, shared_checklist)
    labels = [row[0] for row in rows[1:]]
    assert labels == ["Beslut: Godkänt", "Kontot startade", "Uppföljning 1"]
    assert {row[2] for row in rows[1:]} == {"Inläst 2026-11-20 kl. 09:00"}


def test_a_half_entered_closing_is_not_in_the_history(
    records: dict[str, Record], shared_checklist: Checklist
) -> None:
    record = records["started"]
    half = record.closing.model_copy(update={"closed_on": date(2026, 11, 25)})
    rows = _history_rows(
        record.model_copy(update={"closing": half, "status": "started"}), shared_checklist
    )
    assert "Kontot avslutades" not in [row[0] for row in rows]


# --- Markdown --------------------------------------------------------------------------


def test_markdown_of_a_draft(mds: dict[str, str]) -> None:
    text = mds["draft"]
    assert text.startswith("Utkast · Inget diarienummer\n")
    assert text.count("UTKAST") == 1
    assert "\n## Det här saknas eller behöver rättas (" in text
    assert "<br>" not in text
    assert "\nUtfärdat av: Kulturförvaltningen, Stockholms stadsbibliotek\n" in text
    # The city's words as a quote; kontoguide's note apart, not quoted.
    assert "\n> Just nu avråder stadsledningskontoret" in text
    assert "\n> Schrems II är" not in text and "\nSchrems II är en dom" in text
    # A set-aside answer as given, with its reason.
    assert "Angivet svar: kommunikation.stockholm.se" in text
    assert "\n## Beslut\n" not in text
    assert "Godkänt" not in text
    assert "Namnförtydligande" not in text


def test_markdown_of_the_basis_for_a_decision(mds: dict[str, str]) -> None:
    text = mds["ready"]
    assert text.startswith("Klar för beslut · Inget diarienummer\n")
    assert "\n**Underlag för beslut**\n" in text
    assert "\n| Konto | Stadsbiblioteket Unga – Stockholms stad |\n" in text
    assert "\n- ☐ Godkänt\n- ☐ Avslaget\n- ☐ Uppskjutet\n" in text
    assert "\nBeslutsdatum: ______" in text
    assert "\nDiarienummer: ______" in text
    assert "\nUnderskrift: ______" in text
    assert "\nNamnförtydligande: Helena Ström\n" in text
    assert READY_LEAD_OF_A_DRAFT not in text
    assert "UTKAST" not in text and "Komplett" not in text


def test_markdown_of_a_rejection(mds: dict[str, str]) -> None:
    text = mds["rejected"]
    assert "\n- ☐ Godkänt\n- ☒ Avslaget\n- ☐ Uppskjutet\n" in text
    assert "\n| Beslut | Avslaget |\n" in text
    assert "\n| Motivering | Stadsledningskontoret avråder" in text
    assert text.count("Godkänt") == 1
    assert "Underskrift:" not in text  # no line to sign on a decided record


def test_markdown_of_a_follow_up_describes_the_chart_in_words(mds: dict[str, str]) -> None:
    text = mds["started"]
    assert "\n## Uppföljning 1: 2026-11-16\n" in text
    assert "| Mål | Utgångsvärde | Målvärde | Uppmätt | Mätdatum | Nått |" in text
    assert "| 120 | 400 anmälningar per lov | 210 anmälningar per lov | 2026-11-02 | Nej |" in text
    assert "*Diagrammet i Word-dokumentet, i ord:* Diagram över målen vid uppföljning 1" in text
    assert "32 % av vägen från utgångsvärdet till målvärdet, inte nått" in text
    assert "\n## Kontot avslutas\n" not in text


def test_markdown_of_a_closed_account(mds: dict[str, str]) -> None:
    text = mds["closed"]
    assert text.startswith("Avslutat · Diarienummer KUF 2026/0412\n")
    assert "\n## Kontot avslutas\n" in text
    assert text.index("## Kontot avslutas") < text.index("## Historik")


# --- the arithmetic and the picture ----------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "value", "share", "met"),
    [
        (120, 400, 210, 90 / 280, False),
        (120, 400, 400, 1.0, True),
        (120, 400, 500, 380 / 280, True),
        (48, 24, 30, 18 / 24, False),  # lowering: 48 → 24 hours
        (48, 24, 24, 1.0, True),
        (48, 24, 60, -12 / 24, False),
        (None, 60, 41, 41 / 60, False),  # no baseline: from 0, upwards
        (None, 60, 61, 61 / 60, True),
        (50, 50, 50, 1.0, True),  # already at the target
        (50, 50, 49, 0.0, False),
    ],
)
def test_goal_progress(
    baseline: float | None, target: float, value: float, share: float, met: bool
) -> None:
    assert goal_progress(baseline, target, value) == (pytest.approx(share), met)


@pytest.mark.parametrize(("name", "heading"), [("ready", "Beslut"), ("started", "Uppföljning 1")])
def test_the_decision_and_each_follow_up_start_a_page(
    docs: dict[str, Any], name: str, heading: str
) -> None:
    [paragraph] = [
        b
        for b in body_blocks(docs[name])
        if isinstance(b, Paragraph) and style_name(b) == "Heading 1" and b.text.startswith(heading)
    ]
    assert paragraph.paragraph_format.page_break_before is True


def test_the_motivation_line_has_room_for_a_few_lines(docs: dict[str, Any]) -> None:
    lines = {
        b.text.split(":")[0]: b.text.count("\t")
        for b in body_blocks(docs["ready"])
        if isinstance(b, Paragraph) and style_name(b) == "Underskriftsrad"
    }
    assert (
        lines[
            "Motivering, också av ett godkännande (stadsledningskontoret avråder från nya konton)"
        ]
        == 3
    )
    assert lines["Beslutsdatum"] == 1


@pytest.mark.parametrize("name", list(CASES))
def test_the_document_of_every_state_passes_an_open_xml_check(
    tmp_path: Path, records: dict[str, Record], shared_checklist: Checklist, name: str
) -> None:
    from openxml_audit import OpenXmlValidator

    path = tmp_path / f"{name}.docx"
    path.write_bytes(render(records[name], shared_checklist, "docx", now=NOW))
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [str(error) for error in result.errors]


def test_a_drafts_lead_names_what_needs_fixing_too(
    docs: dict[str, Any], mds: dict[str, str]
) -> None:
    # The missing list holds answers to fix as well as missing ones; so does the lead.
    before, _ = first_page(docs["draft"])
    lead = "kan inte ligga till grund för ett beslut förrän allt som saknas eller behöver rättas"
    assert any(lead in p.text for p in before)
    assert lead in mds["draft"]


def test_a_decision_without_a_case_number_says_where_to_find_the_signed_one_later(
    records: dict[str, Record], shared_checklist: Checklist
) -> None:
    record = records["approved"]
    step5 = record.step5.model_copy(update={"case_number_status": "inget", "case_number": None})
    document = open_docx(
        render(record.model_copy(update={"step5": step5}), shared_checklist, "docx", now=NOW)
    )
    taken = by_heading(section_for(document, "Beslut"), 2)["Beslutet"]
    facts = facts_of(next(b for b in taken if isinstance(b, Table)))
    assert facts["Det undertecknade beslutet"].startswith(
        "Det här dokumentet är en utskrift ur kontoguide och är inte undertecknat. Beslutet "
        "har ännu inget diarienummer"
    )


# --- page 1: the head block a registrar files the document by -------------------------------

HEAD_ALWAYS = [
    "Dokumentets datum",
    "Upprättat av",
    "Ärende",
    "Förvaltning eller bolag",
    "Enhet",
    "Plattform",
    "Ansvarig för kontot",
    "Beslutsfattare",
    "Status",
    "Diarienummer",
    "Checklista",
]
HEAD_BY_STATE = {
    # name: the facts that follow what happened, and only those
    "draft": [],
    "ready": [],
    "approved": ["Beslutsdatum", "Nästa omprövning"],
    "rejected": ["Beslutsdatum"],
    "postponed": ["Beslutsdatum"],
    "started": ["Beslutsdatum", "Kontot startade", "Kontots adress", "Nästa omprövning"],
    "closed": ["Beslutsdatum", "Kontot startade", "Kontots adress", "Kontot avslutades"],
}


@pytest.mark.parametrize("name", sorted(HEAD_BY_STATE))
def test_page_one_carries_the_head_block_of_its_state(
    name: str, docs: dict[str, Any], mds: dict[str, str], records: dict[str, Record]
) -> None:
    _, facts = first_page(docs[name])
    # Nothing of a later state: only the facts of what has happened.
    account = ("Föreslaget kontonamn", "Arbetsnamn (inget kontonamn föreslaget än)")
    assert [label for label in facts if label not in HEAD_ALWAYS + list(account)] == (
        HEAD_BY_STATE[name]
    )
    for label in HEAD_ALWAYS + HEAD_BY_STATE[name]:
        assert label in facts, label
        assert f"\n| {label} | " in mds[name], label
    assert facts["Dokumentets datum"] == NOW.date().isoformat()
    assert facts["Checklista"].endswith(f"version {records[name].checklist_version}")
    record = records[name]
    for label, person in (
        ("Ansvarig för kontot", record.step2.responsible),
        ("Beslutsfattare", record.step5.decision_maker),
        ("Upprättat av", record.step5.prepared_by),
    ):
        if person.name is None:
            assert facts[label] == "Inte besvarad"
        else:
            assert facts[label].startswith(person.name)
    assert record.step2.responsible.email in facts["Ansvarig för kontot"]
    # Who prepared it, with the unit and the address to reach them by.
    prepared = record.step5.prepared_by
    if prepared.name is not None:
        assert facts["Upprättat av"] == f"{prepared.name}, {prepared.unit}, {prepared.email}"
    if "Kontots adress" in facts:
        assert facts["Kontots adress"] == record.start.address
