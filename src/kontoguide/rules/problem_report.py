"""Problems as a reader takes them in: grouped by step, named by the question, wrapped.

`validate` and `start --no-input` print what is missing or wrong. A long flat list
of field paths (step1.comms_contact.email) is hard to act on; this groups the
problems under the checklist's own parts, in checklist order, with a count per
part, names each by the label the person saw, and wraps every line at a word
boundary with a hanging indent so a message never breaks inside a word.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from kontoguide.checklist.parts import Checklist
from kontoguide.model import paths
from kontoguide.model.record import Record
from kontoguide.rules import messages as m
from kontoguide.rules.field_problems import Problem

BULLET = "  - "
HANGING = "    "
# Narrower than this and even a short label cannot stand beside its bullet.
MIN_WIDTH = 30


@dataclass(frozen=True)
class Group:
    heading: str
    problems: tuple[Problem, ...]


def _part_titles(checklist: Checklist) -> dict[str, str]:
    """Each question's field, and each part above it, mapped to its section's heading."""
    owners: dict[str, str] = {}
    for section in checklist.sections:
        if section.number is not None:
            heading = m.PR_STEP_HEADING.format(number=section.number, title=section.title)
        else:
            heading = section.title
        for question in section.questions:
            for part in paths.ancestors(question.field):
                owners.setdefault(part, heading)
    return owners


def _heading(path: str, owners: dict[str, str]) -> str:
    for part in paths.ancestors(path) if path else ():
        if part in owners:
            return owners[part]
    top = path.split(".")[0].split("[")[0]
    if top in Record.model_fields:
        return Record.model_fields[top].title or top
    return m.PR_OTHER_HEADING


def label_of(problem: Problem, checklist: Checklist) -> str:
    """The label of the question that asks this answer, else the model's title."""
    try:
        return checklist.question(problem.path).document_label
    except KeyError:
        return problem.title


def joined(label: str, message: str) -> str:
    # A question reads well before its answer's problem; a label with a colon of its
    # own ("…: e-post") would get a second one, so a dash sets the message apart.
    if label.endswith("?"):
        return f"{label} {message}"
    return f"{label} – {message}"


def grouped(found: list[Problem], checklist: Checklist) -> list[Group]:
    """Problems grouped by the part of the checklist they belong to, first seen first."""
    owners = _part_titles(checklist)
    groups: dict[str, list[Problem]] = {}
    for problem in found:
        groups.setdefault(_heading(problem.path, owners), []).append(problem)
    return [Group(heading, tuple(items)) for heading, items in groups.items()]


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=max(width, MIN_WIDTH),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


# A command the person may copy ("kontoguide resume k7f3q9x2") stays on one line.
_COMMAND = re.compile(r"kontoguide [a-z]+(?: [A-Za-z0-9_.-]+)?")
_NO_BREAK = "\u00a0"  # textwrap breaks only at ASCII white space


def wrap_text(text: str, width: int) -> list[str]:
    """A message wrapped at word boundaries, commands kept whole."""
    kept = _COMMAND.sub(lambda found: found[0].replace(" ", _NO_BREAK), text)
    return [line.replace(_NO_BREAK, " ") for line in _wrap(kept, width, "", "")]


def report_lines(found: list[Problem], checklist: Checklist, width: int) -> list[str]:
    """The whole report, one string per screen line, none wider than `width` unless a
    single word is (an address is never broken)."""
    if not found:
        return []
    lines = _wrap(m.CLI_PROBLEMS_HEADER.format(count=len(found)), width, "", "")
    for group in grouped(found, checklist):
        heading = m.PR_GROUP_HEADING.format(heading=group.heading, count=len(group.problems))
        lines.append("")
        lines.extend(_wrap(heading, width, "", "  "))
        for problem in group.problems:
            text = joined(label_of(problem, checklist), problem.message)
            lines.extend(_wrap(text, width, BULLET, HANGING))
    return lines
