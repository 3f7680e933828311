"""Each question of a section with its answer, as the document shows it: a text, a
yes or no, the options as boxes, a list as a table, or no answer (a set-aside one
as it was given, with the reason it needs correcting).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kontoguide.checklist.folders import DEFAULT_CHECKLIST
from kontoguide.checklist.parts import ADDED_PREFIX, Checklist, ItemField, Question, Section
from kontoguide.documents import messages as m
from kontoguide.documents.labels import question_label
from kontoguide.documents.set_aside import SetAside
from kontoguide.documents.values import plain
from kontoguide.documents.view import (
    Answer,
    Cell,
    ChecksAnswer,
    NoAnswer,
    QuestionView,
    SectionView,
    TableAnswer,
    TextAnswer,
    YesNoAnswer,
)
from kontoguide.model import paths
from kontoguide.rules.completeness import SetAsideCounts, applicable
from kontoguide.rules.field_problems import field_title


def _answer(question: Question, value: Any, checklist: Checklist) -> Answer:
    if not paths.is_answered(value):
        return NoAnswer()
    if question.kind == "yesno" and isinstance(value, bool):
        return YesNoAnswer(value)
    if question.kind == "multichoice" and isinstance(value, list):
        return _checks(question.choices, value, checklist)
    if question.kind == "list" and isinstance(value, list):
        return _table(question, value, checklist)
    return TextAnswer(_with_unit_of(question, value, checklist))


def _checks(list_name: str | None, chosen: list[Any], checklist: Checklist) -> ChecksAnswer:
    options = [
        (option.label, option.value in chosen)
        for option in checklist.choices.get(list_name or "", ())
    ]
    known = {option.value for option in checklist.choices.get(list_name or "", ())}
    # A value the checklist no longer lists is still the user's answer: keep it, in
    # words whatever its shape.
    options += [
        (plain(value, "multichoice", list_name, checklist), True)
        for value in chosen
        if not (isinstance(value, str) and value in known)
    ]
    return ChecksAnswer(tuple(options))


def _note(question: Question, value: Any, checklist: Checklist) -> str | None:
    if question.kind != "choice" or question.choices is None or not isinstance(value, str):
        return None
    option = checklist.choice(question.choices, value)
    if option is None or option.caution is None:
        return None
    # A caution is advice of whoever wrote the checklist, never the city's: the standard
    # checklist's are kontoguide's own, a variant's its authors'.
    if checklist.id == DEFAULT_CHECKLIST:
        return m.DOC_CAUTION.format(text=option.caution)
    return m.DOC_CAUTION_VARIANT.format(checklist=checklist.title, text=option.caution)


# How list fields are laid out beyond one column each. A unit belongs right after its
# target value. A field that does not fit as a column goes into a list under the table,
# one line per item: seven goal columns on an A4 page left each 2 cm, and words like
# "Anmälningssystemet" and the heading "Utgångsvärde" broke inside the word (looked at in
# LibreOffice), so a goal's source is listed under the table.
_SUFFIXED: dict[str, dict[str, str]] = {"step2.goals": {"unit": "target", "effect_other": "effect"}}
_ROW_NOTES: dict[str, tuple[str, ...]] = {"step2.goals": ("data_source",)}


def column_title(list_field: str, item: ItemField) -> str:
    path = f"{list_field}.{item.field}"
    if list_field.startswith(ADDED_PREFIX):  # a variant's own list: its author's words
        return item.document_label
    # field_title names the parents too ("Mätbara mål › Målvärde"); a column needs the leaf.
    return m.DOC_COLUMN_TITLES.get(path) or field_title(path).rsplit(" › ", 1)[-1]


def _table(question: Question, items: list[Any], checklist: Checklist) -> TableAnswer:
    suffixed = _SUFFIXED.get(question.field, {})
    noted = _ROW_NOTES.get(question.field, ())
    columns = [f for f in question.fields if f.field not in suffixed and f.field not in noted]
    rows: list[tuple[Cell, ...]] = []
    notes: list[Cell] = []
    for entry in items:
        data = entry if isinstance(entry, dict) else {}
        row: list[Cell] = []
        for column in columns:
            text = _cell_text(data.get(column.field), column, checklist)
            for item in question.fields:
                value = data.get(item.field)
                if suffixed.get(item.field) == column.field and paths.is_answered(value):
                    joiner = ": " if item.field == "effect_other" else " "
                    text = f"{text}{joiner}{_cell_text(value, item, checklist)}"
            row.append((text,))
        rows.append(tuple(row))
        notes.append(
            tuple(
                m.DOC_LABELLED.format(
                    label=column_title(question.field, item),
                    text=_cell_text(data.get(item.field), item, checklist),
                )
                for item in question.fields
                if item.field in noted and paths.is_answered(data.get(item.field))
            )
        )
    return TableAnswer(
        headers=tuple(column_title(question.field, column) for column in columns),
        rows=tuple(rows),
        notes=tuple(notes),
    )


def _with_unit_of(asked: Question | ItemField, value: Any, checklist: Checklist) -> str:
    text = plain(value, asked.kind, asked.choices, checklist)
    # An added number question names its unit ("2 500 besökare per månad").
    return f"{text} {asked.unit}" if asked.unit and isinstance(value, int | float) else text


def _cell_text(value: Any, item: ItemField, checklist: Checklist) -> str:
    if not paths.is_answered(value):
        return m.DOC_NONE
    if isinstance(value, list):
        return ", ".join(plain(v, item.kind, item.choices, checklist) for v in value)
    text = _with_unit_of(item, value, checklist)
    # A choice explained in its label ("Informerad – förstår …") is named by its first
    # part in a narrow column; the explanation stays in the checklist.
    return text.split(" – ", 1)[0] if item.kind == "choice" else text


# Questions that are for the person filling in the checklist, not for its reader: the
# working name (page 1 names the account by its proposed name).
NOT_IN_DOCUMENT = frozenset({"account_name"})


def _given(value: Any, question: Question, checklist: Checklist) -> str:
    """A set-aside answer as it was given, in words (an item with its column titles)."""
    if question.kind == "list" and isinstance(value, dict):
        text = "; ".join(
            m.DOC_LABELLED.format(
                label=column_title(question.field, item),
                text=_cell_text(value.get(item.field), item, checklist),
            )
            for item in question.fields
            if paths.is_answered(value.get(item.field))
        )
    else:
        text = plain(value, question.kind, question.choices, checklist)
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299] + "…"


def section_view(
    section: Section,
    data: dict[str, Any],
    set_aside: SetAsideCounts,
    checklist: Checklist,
    aside: SetAside | None = None,
    reviewed: dict[str, date] | None = None,
) -> SectionView:
    """The section's questions and answers; `reviewed`: the day of each answer given at
    a review (omprövning), said under it."""
    shown = []
    aside = aside or SetAside({}, {})
    for question in section.questions:
        if question.field in NOT_IN_DOCUMENT or not applicable(question, data):
            continue
        value = paths.get(data, question.field)
        answer = _answer(question, value, checklist)
        note = _note(question, value, checklist)
        # A set-aside answer is never shown as an answer (it did not pass the checks):
        # it is printed as given, with the reason it needs correcting.
        given = [
            (_given(raw, question, checklist), reason)
            for raw, reason in aside.under(question.field)
        ]
        items: tuple[tuple[str, str], ...] = ()
        if given and isinstance(answer, NoAnswer):
            if question.kind == "list":
                items = tuple(given)
                answer = NoAnswer(set_aside=True)
            else:
                answer = NoAnswer(set_aside=True, given=given[0][0], reason=given[0][1])
        elif given:
            items = tuple(given)
        label = question_label(question)
        day = (reviewed or {}).get(question.field)
        at_review = m.DOC_REVIEWED.format(day=day.isoformat()) if day else None
        if isinstance(answer, NoAnswer):
            at_review = None
        shown.append(QuestionView(question.field, label, answer, note, items, at_review))
    heading = section.title
    if section.number is not None:
        heading = m.DOC_STEP_HEADING.format(number=section.number, title=section.title)
    return SectionView(section.id, section.number, heading, section.purpose, tuple(shown))
