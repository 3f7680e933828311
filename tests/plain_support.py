"""Answers for plain mode (`--enkel`): the scenario's run as the lines a person types."""

from __future__ import annotations

from typing import Any

import scenario
from kontoguide.checklist.parts import Checklist, ItemField, Question
from scenario import ALL, asked_fields, nested


def line_for(checklist: Checklist, spec: Question | ItemField, value: Any) -> list[str]:
    """The lines typed for a fresh question: choices by the start of their label,
    yes and no as j and n, several choices as "alla", a long answer and its empty line."""
    if spec.kind == "yesno":
        return ["j" if value else "n"]
    if spec.kind == "choice":
        if value is None:
            return [""]
        label = checklist.choice_label(spec.choices or "", value)
        return [label.lower()]
    if spec.kind == "multichoice":
        assert value == ALL
        return ["alla"]
    text = "" if value is None else str(value)
    return [text, ""] if spec.kind == "longtext" and text else [text]


def plain_lines(
    checklist: Checklist, answers: dict[str, Any], *, stage: str = "ready"
) -> list[tuple[str, list[str]]]:
    """(question text, lines typed) in the order a fresh run asks them."""
    data = nested(answers)
    steps: list[tuple[str, list[str]]] = []
    for section, question in checklist.questions(stage):
        if section.stage != stage or question.field not in answers:
            continue
        if question.when is not None and not question.when.holds(data):
            continue
        value = answers[question.field]
        if question.kind != "list":
            steps.append((question.label, line_for(checklist, question, value)))
            continue
        steps += _list_lines(checklist, question, value, data)
    return steps


# A menu answer as typed: the start of "Lägg till (fler)" and "Klart, gå vidare", or
# the number of the offer of a person from step 2 (take, change, skip).
_TYPED = {"add": "lägg", "done": "klart", "take": "1", "change": "2", "skip": "3"}


def _list_lines(
    checklist: Checklist, question: Question, items: list[dict[str, Any]], data: dict[str, Any]
) -> list[tuple[str, list[str]]]:
    # The scenario's own walk through a list where it has one (the people from step 2
    # offered first, on the lists branch); otherwise the first item at once, "add" for
    # each next, then "done".
    walk = getattr(scenario, "list_answers", None)
    if walk is not None:
        return [
            (label, [_TYPED[answer]] if spec is None else line_for(checklist, spec, answer))
            for label, answer, spec in walk(question, items, data)
        ]
    steps: list[tuple[str, list[str]]] = []
    for number, item in enumerate(items):
        if number > 0:
            steps.append((LIST_MENU, [_TYPED["add"]]))
        for spec in asked_fields(question, item):
            steps.append((spec.label, line_for(checklist, spec, item.get(spec.field))))
    steps.append((LIST_MENU, [_TYPED["done"]]))
    return steps


LIST_MENU = "Vad vill du göra nu?"
# "Spara checklistan som klar för beslut" at the review, by the start of its words
# (its number depends on what else the review offers).
SAVE_READY = "spara checklistan"
