"""The checklist as data: load, validate and look up a checklist TOML file.

A checklist file holds the Schrems II notice, the named choice lists and the
sections (the account basics and the five steps) with their questions. Each
question names the record field it fills; the loader checks that field, its
kind and its choice list against the record model, so a checklist that the
program could not follow is refused with the file, the place and the reason.
"""

from __future__ import annotations

import contextlib
import copy
import re
import tomllib
import types
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from importlib import resources
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from kontoguide.checklist import messages as m
from kontoguide.files.regularfile import read_regular
from kontoguide.model import paths
from kontoguide.model.errors import ChecklistError, CorruptFileError, UnreadableError, UsageError
from kontoguide.model.fieldtypes import ChoiceFrom, ChoicesFrom
from kontoguide.model.textsafe import printable

Kind = Literal[
    "text", "longtext", "yesno", "choice", "multichoice", "date", "email", "number", "list"
]
DEFAULT_CHECKLIST = "stockholm-standard"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ADDED_ID_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"
_ID_PATTERN = re.compile(ID_PATTERN)
# Characters Windows refuses in file names, and controls: base_docx must work on both.
_UNPORTABLE = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')
_NOT_IN_A_PATH = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The shipped checklist is under 40 KB; anything far larger is not a checklist.
MAX_CHECKLIST_BYTES = 1_000_000


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChoiceOption(_Data):
    value: str = Field(min_length=1)
    label: str = Field(min_length=1)
    caution: str | None = None
    # Other names people type for this choice ("Twitter" for X), matched like the label.
    aliases: tuple[str, ...] = ()


class Condition(_Data):
    """Ask a question only when an earlier answer has one of the given values."""

    field: str
    equals: list[Any] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _added_question_by_id(cls, data: Any) -> Any:
        # A variant's author names an added question by its id: { id = "x", equals = … }.
        if isinstance(data, dict) and "id" in data and "field" not in data:
            rest = {key: value for key, value in data.items() if key != "id"}
            return {**rest, "field": f"{ADDED_PREFIX}{data['id']}"}
        return data

    def holds(self, data: dict[str, Any]) -> bool:
        value = paths.get(data, self.field)
        if isinstance(value, list):
            return any(item in self.equals for item in value)
        return value in self.equals


class _Asked(_Data):
    """What every question has, whether it stands alone or asks for a list item's field."""

    kind: Kind
    label: str = Field(min_length=1)
    hint: str | None = None
    help: str | None = None
    required: bool = True
    choices: str | None = None
    # What the document prints instead of the question, where the question would not
    # make sense out of context ("Vilken roll har hen?").
    doc_label: str | None = Field(None, min_length=1)
    # Rules of a variant's added question (the standard's rules are in record.py);
    # added_questions.py turns them into the generated model.
    must_be_yes: bool = False
    message: str | None = Field(None, min_length=1)
    min_words: int | None = Field(None, ge=1, le=1000)
    min: float | None = None
    max: float | None = None
    unit: str | None = Field(None, min_length=1)
    date_is: Literal["past", "future"] | None = None
    max_items: int | None = Field(None, ge=1, le=1000)
    pattern: str | None = Field(None, min_length=1)
    choose_all: bool = False

    @property
    def document_label(self) -> str:
        return self.doc_label or self.label

    @property
    def has_rules(self) -> bool:
        return any(getattr(self, name) not in (None, False) for name in RULE_KEYS)

    @model_validator(mode="after")
    def _rules_fit_the_kind(self) -> _Asked:
        for name, kinds in RULE_KINDS.items():
            if getattr(self, name) not in (None, False) and self.kind not in kinds:
                allowed = ", ".join(kinds)
                raise ValueError(m.CV_RULE_NOT_FOR_KIND.format(rule=name, kinds=allowed))
        if self.pattern is not None:
            try:
                re.compile(self.pattern)
            except re.error as exc:
                raise ValueError(m.CV_BAD_PATTERN.format(detail=exc)) from None
            if self.message is None:
                raise ValueError(m.CV_PATTERN_NEEDS_MESSAGE)
        if self.message is not None and self.pattern is None and not self.must_be_yes:
            raise ValueError(m.CV_MESSAGE_WITHOUT_RULE)
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(m.CV_MIN_ABOVE_MAX)
        return self


ADDED_PREFIX = "extra."
# Each rule a variant may declare, and the kinds of question it fits.
RULE_KINDS: dict[str, tuple[str, ...]] = {
    "must_be_yes": ("yesno",),
    "min_words": ("text", "longtext"),
    "min": ("number",),
    "max": ("number",),
    "unit": ("number",),
    "date_is": ("date",),
    "max_items": ("list",),
    "pattern": ("text", "longtext"),
    "choose_all": ("multichoice",),
}
RULE_KEYS = (*RULE_KINDS, "message")


class ItemField(_Asked):
    field: str = Field(pattern=r"^[a-z_]+$")
    # Ask only when an earlier field of the same item has one of the given values.
    when: Condition | None = None


class Question(_Asked):
    field: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
    # A variant's own question: its stable id; its answer lives at extra.<id>.
    id: str | None = Field(None, pattern=ADDED_ID_PATTERN)
    # Required by the guide, the city's policy or the law: kept in every variant.
    mandatory: bool = False
    when: Condition | None = None
    # An answer that rests on another (the reason a platform fits): asked again when
    # that answer changes.
    depends_on: str | None = None
    item_label: str | None = None
    fields: tuple[ItemField, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _field_of_an_added_question(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("id") is not None:
            if "field" in data:
                raise ValueError(m.CV_ID_AND_FIELD)
            return {**data, "field": f"{ADDED_PREFIX}{data['id']}"}
        return data

    @property
    def is_added(self) -> bool:
        return self.id is not None

    @model_validator(mode="after")
    def _list_has_fields(self) -> Question:
        if self.kind == "list" and (not self.fields or not self.item_label):
            raise ValueError(m.C_LIST_NEEDS_FIELDS)
        if self.kind != "list" and self.fields:
            raise ValueError(m.C_FIELDS_ONLY_FOR_LIST)
        return self


# The stages of a record's life that sections belong to, in order: what is needed
# before the decision, the decision, the account's start, its closing.
Stage = Literal["ready", "decided", "started", "closed"]
STAGES: tuple[Stage, ...] = ("ready", "decided", "started", "closed")


def stage_rank(stage: str) -> int:
    return STAGES.index(stage)  # type: ignore[arg-type,unused-ignore]


class Section(_Data):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    number: int | None = None
    stage: Stage = "ready"
    title: str = Field(min_length=1)
    purpose: str = Field(min_length=1)
    questions: tuple[Question, ...] = Field(min_length=1)


class Notice(_Data):
    title: str = Field(min_length=1)
    # The city's words, as the guide gives them.
    text: str = Field(min_length=1)
    # kontoguide's own explanation, shown apart from the city's words.
    note: str | None = Field(None, min_length=1)
    confirm: str = Field(min_length=1)
    declined: str = Field(min_length=1)


class Checklist(_Data):
    id: str = Field(pattern=ID_PATTERN)
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    organisation: str = Field(min_length=1)
    base_docx: str | None = None
    notice: Notice
    # An empty list would leave the questionnaire nothing to offer (questionary fails).
    choices: dict[str, Annotated[tuple[ChoiceOption, ...], Field(min_length=1)]]
    sections: tuple[Section, ...] = Field(min_length=1)
    source: Path | None = Field(None, exclude=True)

    @field_validator("base_docx")
    @classmethod
    def _beside_the_checklist(cls, value: str | None) -> str | None:
        # Relative, forward slashes, inside the checklist's folder: the same file on
        # Windows and Linux, and it can be copied along with the checklist.
        if value is None:
            return value
        posix, windows = PurePosixPath(value), PureWindowsPath(value)
        if "\\" in value or posix.anchor or windows.anchor or ".." in posix.parts:
            raise ValueError(m.C_BASE_DOCX_OUTSIDE)
        if _UNPORTABLE.search(value):
            raise ValueError(m.C_BASE_DOCX_BAD_CHARS)
        # A name, not a folder ("", ".", "mall/"), and a Word document: a base document
        # named like a checklist would be installed as one.
        name = posix.name.lower()
        if value.endswith("/") or not name.endswith(".docx") or name == ".docx":
            raise ValueError(m.C_BASE_DOCX_NOT_DOCX)
        return value

    @property
    def steps(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.number is not None)

    def choice_values(self, list_name: str) -> list[str]:
        return [option.value for option in self.choices.get(list_name, ())]

    def is_choice(self, list_name: str, value: str) -> bool:
        return value in self.choice_sets.get(list_name, ())

    @cached_property
    def choice_sets(self) -> dict[str, frozenset[str]]:
        # Every choice answer of every record read is looked up here.
        return {name: frozenset(o.value for o in options) for name, options in self.choices.items()}

    @cached_property
    def required_questions(self) -> tuple[tuple[int, Question], ...]:
        """Every required question, in order, with the rank of its section's stage."""
        return tuple(
            (stage_rank(section.stage), question)
            for section, question in self.questions()
            if question.required
        )

    def choice_label(self, list_name: str, value: str) -> str:
        for option in self.choices.get(list_name, ()):
            if option.value == value:
                return option.label
        return value

    def choice(self, list_name: str, value: str) -> ChoiceOption | None:
        for option in self.choices.get(list_name, ()):
            if option.value == value:
                return option
        return None

    def sections_upto(self, stage: str | None) -> tuple[Section, ...]:
        """The sections of `stage` and the stages before it (all of them for None)."""
        if stage is None:
            return self.sections
        rank = stage_rank(stage)
        return tuple(s for s in self.sections if stage_rank(s.stage) <= rank)

    def questions(self, upto: str | None = None) -> Iterator[tuple[Section, Question]]:
        for section in self.sections_upto(upto):
            for question in section.questions:
                yield section, question

    def stage_of(self, field: str) -> Stage:
        """The stage of the section that asks `field` (or a part of it); else "ready"."""
        for section, question in self.questions():
            if paths.within(field, question.field) or question.field.startswith(field + "."):
                return section.stage
        return STAGE_OF_PARTS.get(field.split(".")[0].split("[")[0], "ready")

    def question(self, field: str) -> Question:
        for _, question in self.questions():
            if question.field == field:
                return question
        raise KeyError(field)

    def base_docx_path(self) -> Path | None:
        if self.base_docx is None or self.source is None:
            return None
        return self.source.parent / self.base_docx


# --- checking a checklist against the record model ----------------------------


def _unwrap_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap_optional(args[0])
    if origin is typing.Annotated:
        return _unwrap_optional(typing.get_args(annotation)[0])
    return annotation


def _field_annotation(model: type[BaseModel], path: str) -> Any:
    annotation: Any = model
    for key in paths.split(path):
        target = _unwrap_optional(annotation)
        if not (isinstance(target, type) and issubclass(target, BaseModel)):
            raise KeyError(path)
        info = target.model_fields.get(key)
        if info is None:
            raise KeyError(path)
        annotation = info.annotation
    return _unwrap_optional(annotation)


def list_item_model(annotation: Any) -> type[BaseModel] | None:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        item = _unwrap_optional(item)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def _kind_fits(kind: str, annotation: Any) -> bool:
    if kind == "list":
        return list_item_model(annotation) is not None
    if kind == "multichoice":
        return typing.get_origin(annotation) is list and list_item_model(annotation) is None
    expected: dict[str, tuple[type, ...]] = {
        "yesno": (bool,),
        "date": (date,),
        "number": (int, float),
    }
    return annotation in expected.get(kind, (str,))


def _bound_choice_list(model: type[BaseModel], path: str) -> str | None:
    """The choice list a record field is bound to (its ChoiceFrom/ChoicesFrom marker)."""
    *parents, last = paths.split(path)
    owner = _unwrap_optional(_field_annotation(model, ".".join(parents))) if parents else model
    return _marker_in(owner.model_fields[last].annotation)


def _marker_in(annotation: Any) -> str | None:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in args[1:]:
            if isinstance(meta, ChoiceFrom | ChoicesFrom):
                return meta.list_name
        return _marker_in(args[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in args:
            found = _marker_in(arg)
            if found is not None:
                return found
    return None


def _check_question(
    model: type[BaseModel], checklist: Checklist, path: str, kind: str, choices: str | None
) -> str | None:
    try:
        annotation = _field_annotation(model, path)
    except KeyError:
        return m.C_NO_FIELD.format(path=path)
    if not _kind_fits(kind, annotation):
        return m.C_KIND_MISMATCH.format(kind=kind, path=path)
    bound = _bound_choice_list(model, path)
    if kind in ("choice", "multichoice"):
        if choices is None or choices not in checklist.choices:
            return m.C_NEEDS_CHOICES.format(path=path)
        if bound is not None and bound != choices:
            return m.C_WRONG_CHOICES.format(path=path, bound=bound, choices=choices)
    elif bound is not None:
        return m.C_IS_CHOICE.format(path=path, bound=bound)
    elif choices is not None:
        return m.C_CHOICES_NOT_FOR_KIND
    return None


def _choice_list_problems(checklist: Checklist) -> list[str]:
    # Values identify the answer, labels are what the user picks from: both must be unique.
    problems: list[str] = []
    for name, options in checklist.choices.items():
        values = Counter(option.value for option in options)
        labels = Counter(option.label for option in options)
        problems += [
            f"choices.{name}: {m.C_CHOICE_VALUE_TWICE.format(value=value)}"
            for value, count in values.items()
            if count > 1
        ]
        problems += [
            f"choices.{name}: {m.C_CHOICE_LABEL_TWICE.format(label=label)}"
            for label, count in labels.items()
            if count > 1
        ]
    return problems


# Parts of the record that no checklist question asks for: follow-ups are added
# by their own dialogue, item by item, goal by goal.
STAGE_OF_PARTS: dict[str, Stage] = {"follow_ups": "started"}


def _section_problems(checklist: Checklist) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    ranks = [stage_rank(section.stage) for section in checklist.sections]
    for section, rank, before in zip(checklist.sections, ranks, [0, *ranks], strict=False):
        # The questionnaire walks the sections in order, one stage after the other.
        if rank < before or (section.number is not None and section.stage != "ready"):
            problems.append(f"sections.{section.id}.stage: {m.C_STAGE_ORDER}")
    for index, section in enumerate(checklist.sections):
        if section.id in seen:
            count = sum(s.id == section.id for s in checklist.sections[:index])
            twice = m.C_SECTION_TWICE.format(section=section.id)
            problems.append(f"sections.{section.id}{again(count)}: {twice}")
        seen.add(section.id)
    # The questionnaire and the document say "Steg 2 av 5": the numbers must count 1..n.
    steps = checklist.steps
    wrong = [s for index, s in enumerate(steps, start=1) if s.number != index]
    if wrong:
        numbers = ", ".join(str(s.number) for s in steps)
        problems.append(
            f"sections.{wrong[0].id}.number: {m.C_STEP_NUMBERS.format(numbers=numbers)}"
        )
    return problems


# A problem about the second (third, …) of two things with the same name is placed
# with "where#n" (the n-th such thing, from 0): the line is then the duplicate's, not
# the first one's. checklist_problems takes the mark off before the author sees it.
OCCURRENCE = "#"


def again(count: int) -> str:
    return f"{OCCURRENCE}{count}" if count else ""


def _before(question: Question, item: ItemField) -> int:
    """How many of the question's fields before `item` (itself, not an equal one) share its name."""
    index = next(i for i, asked in enumerate(question.fields) if asked is item)
    return sum(asked.field == item.field for asked in question.fields[:index])


def _when_problem(
    question: Question, earlier: dict[str, Question], checklist: Checklist
) -> str | None:
    """Why a question's condition could never be met as written, if it could not."""
    when = question.when
    if when is None:
        return None
    target = earlier.get(when.field)
    if target is None:
        return m.C_WHEN_NOT_EARLIER.format(path=when.field)
    if target.kind == "yesno":
        wrong = [value for value in when.equals if not isinstance(value, bool)]
        if wrong:
            return m.C_WHEN_YESNO.format(path=when.field, value=printable(wrong[0]))
    elif target.kind in ("choice", "multichoice") and target.choices is not None:
        allowed = checklist.choice_values(target.choices)
        wrong = [value for value in when.equals if value not in allowed]
        if wrong:
            return m.C_WHEN_VALUE.format(
                value=printable(wrong[0]), choices=target.choices, path=when.field
            )
    return None


def _item_problems(where: str, question: Question, checklist: Checklist) -> list[str]:
    from kontoguide.model.record import Answers

    problems: list[str] = []
    item_model = list_item_model(_field_annotation(Answers, question.field))
    assert item_model is not None
    seen: set[str] = set()
    for item in question.fields:
        if item.when is not None and item.when.field not in seen:
            problems.append(
                f"{where}.{item.field}: {m.C_WHEN_NOT_EARLIER.format(path=item.when.field)}"
            )
        if item.field in seen:
            twice = m.C_DUPLICATE_FIELD.format(path=item.field)
            problems.append(f"{where}.{item.field}{again(_before(question, item))}: {twice}")
            continue
        seen.add(item.field)
        problem = _check_question(item_model, checklist, item.field, item.kind, item.choices)
        if problem:
            problems.append(f"{where}.{item.field}: {problem}")
    return problems


def _choices_problem(asked: _Asked, checklist: Checklist) -> str | None:
    """An added question's choice list: named where it is needed, and only there."""
    if asked.kind in ("choice", "multichoice"):
        if asked.choices is None:
            return m.CV_NEEDS_CHOICES
        if asked.choices not in checklist.choices:
            known = ", ".join(sorted(checklist.choices)) or m.C_NONE
            return m.CV_UNKNOWN_CHOICES.format(choices=asked.choices, known=known)
    elif asked.choices is not None:
        return m.C_CHOICES_NOT_FOR_KIND
    return None


def _added_problems(where: str, question: Question, checklist: Checklist) -> list[str]:
    """An added question is checked against the checklist only: its model is made from it."""
    problems: list[str] = []
    problem = _choices_problem(question, checklist)
    if problem:
        problems.append(f"{where}: {problem}")
    seen: set[str] = set()
    for item in question.fields:
        at = f"{where}.{item.field}"
        if item.when is not None and item.when.field not in seen:
            problems.append(f"{at}: {m.C_WHEN_NOT_EARLIER.format(path=item.when.field)}")
        if item.field in seen:
            count = _before(question, item)
            problems.append(f"{at}{again(count)}: {m.C_DUPLICATE_FIELD.format(path=item.field)}")
        seen.add(item.field)
        if item.kind == "list":
            problems.append(f"{at}: {m.CV_NO_LIST_IN_LIST}")
        problem = _choices_problem(item, checklist)
        if problem:
            problems.append(f"{at}: {problem}")
    return problems


def _standard_problems(where: str, question: Question) -> list[str]:
    """A standard question's rules are the record model's: a variant cannot add any."""
    if question.field.startswith(ADDED_PREFIX):
        return [f"{where}: {m.CV_EXTRA_NEEDS_ID}"]
    if question.has_rules or any(item.has_rules for item in question.fields):
        return [f"{where}: {m.CV_RULES_ONLY_ADDED}"]
    return []


def consistency_problems(checklist: Checklist) -> list[str]:
    from kontoguide.model.record import Answers

    problems = _choice_list_problems(checklist) + _section_problems(checklist)
    earlier: dict[str, Question] = {}
    # The line of a duplicate is its own: the how-manieth with this field in its section.
    in_section: Counter[tuple[int, str]] = Counter()
    for section, question in checklist.questions():
        where = f"sections.{section.id}.{question.field}"
        in_section[id(section), question.field] += 1
        if question.field in earlier:
            twice = m.CV_DUPLICATE_ID.format(id=question.id) if question.is_added else None
            count = in_section[id(section), question.field] - 1
            detail = twice or m.C_DUPLICATE_FIELD.format(path=question.field)
            problems.append(f"{where}{again(count)}: {detail}")
        when_problem = _when_problem(question, earlier, checklist)
        earlier.setdefault(question.field, question)
        if question.is_added:
            problems += _added_problems(where, question, checklist)
            if when_problem:
                problems.append(f"{where}: {when_problem}")
            continue
        standard = _standard_problems(where, question)
        if standard:
            problems += standard
            continue
        problem = _check_question(
            Answers, checklist, question.field, question.kind, question.choices
        )
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        if question.kind == "list":
            problems += _item_problems(where, question, checklist)
        if when_problem:
            problems.append(f"{where}: {when_problem}")
    # A required question left out is named first: other problems may follow from it.
    return mandatory_problems(checklist) + problems


@dataclass(frozen=True)
class _Mandatory:
    section: str
    field: str
    label: str
    conditional: bool


@cache
def _standard_mandatory() -> tuple[_Mandatory, ...]:
    """The standard's mandatory questions, read straight from the shipped file.

    The shipped file is checked by its own tests; reading only the marks (not the
    whole checklist through its model) keeps a variant's load cheap."""
    for folder in shipped_folders():
        path = folder / f"{DEFAULT_CHECKLIST}.toml"
        if path.is_file():
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            return tuple(
                _Mandatory(
                    section["id"],
                    question["field"],
                    question.get("doc_label") or question["label"],
                    "when" in question,
                )
                for section in data["sections"]
                for question in section["questions"]
                if question.get("mandatory")
            )
    return ()  # pragma: no cover - the package always ships it


def mandatory_problems(checklist: Checklist) -> list[str]:
    """The standard's mandatory questions a variant leaves out or makes optional."""
    if checklist.id == DEFAULT_CHECKLIST:
        return []
    mine = {question.field: question for _, question in checklist.questions()}
    problems: list[str] = []
    for wanted in _standard_mandatory():
        kept = mine.get(wanted.field)
        if kept is None:
            reason = m.CV_MANDATORY_MISSING
        elif not kept.required or (kept.when is not None and not wanted.conditional):
            reason = m.CV_MANDATORY_OPTIONAL
        else:
            continue
        detail = reason.format(label=wanted.label, field=wanted.field)
        problems.append(f"sections.{wanted.section}.{wanted.field}: {detail}")
    return problems


# --- loading -------------------------------------------------------------------


def _author_message(error: Any) -> str:
    """A Swedish message for the person who edits a checklist file."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "missing":
        return m.C_MISSING
    if kind == "extra_forbidden":
        return m.C_UNKNOWN_KEY
    if kind == "literal_error":
        return m.C_ALLOWED.format(expected=str(ctx.get("expected", "")).replace(" or ", " eller "))
    if kind in ("string_too_short", "too_short"):
        return m.C_EMPTY
    if kind == "string_pattern_mismatch":
        return m.C_PATTERN.format(pattern=ctx.get("pattern", ""))
    if kind.startswith("value_error"):
        return str(error["msg"]).removeprefix("Value error, ")
    from kontoguide.model.errortext import translate

    return translate(error)


def is_checklist_id(name: str) -> bool:
    return bool(_ID_PATTERN.fullmatch(name))


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_CHECKLIST_BYTES)
    except UnreadableError as exc:
        raise ChecklistError(path, exc.problem) from None


@dataclass(frozen=True)
class ChecklistProblem:
    """One thing wrong in a checklist file: where (a path in the file), its line, why."""

    where: str
    detail: str
    line: int | None = None

    def place(self) -> str:
        where = self.where or m.C_WHOLE_FILE
        if self.line is None:
            return where
        return m.CV_AT_LINE.format(where=where, line=self.line)


_TOML_LINE = re.compile(r"line (\d+)")


# --- checking the parts of a file that did parse --------------------------------
#
# A file the model refuses still has much that can be checked: the duplicate ids,
# the choice lists, the required questions. To list every problem in one run, the
# broken places are set aside (an unknown key dropped, a bad optional value left
# to its default, a missing text given a stand-in, else the question, list field,
# choice or section around the mistake left out) and the rest is checked as a
# whole. What is said about the parts set aside is not said again.

Loc = tuple[str | int, ...]
_STAND_IN = "?"
_TEXT_KEYS = frozenset(
    {"title", "purpose", "label", "version", "organisation", "text", "confirm", "declined"}
)
_ROUNDS = 8  # a part set aside can show one more mistake (an empty list): a few rounds
_GONE = object()
# The checklist's own id and notice, when broken as a whole: nothing else names them.
_WHOLE_STAND_INS: dict[Loc, Any] = {
    ("id",): "x",
    ("notice",): {key: _STAND_IN for key in ("title", "text", "confirm", "declined")},
}


def _shape(loc: Loc) -> Loc:
    if loc[:1] == ("choices",):
        return ("choices", "", *(0 if isinstance(p, int) else p for p in loc[2:]))[: len(loc)]
    return tuple(0 if isinstance(p, int) else p for p in loc)


_MODELS: dict[Loc, type[BaseModel]] = {
    (): Checklist,
    ("notice",): Notice,
    ("sections", 0): Section,
    ("sections", 0, "questions", 0): Question,
    ("sections", 0, "questions", 0, "when"): Condition,
    ("sections", 0, "questions", 0, "fields", 0): ItemField,
    ("sections", 0, "questions", 0, "fields", 0, "when"): Condition,
    ("choices", "", 0): ChoiceOption,
}
_REMOVABLE: frozenset[Loc] = frozenset(
    {
        ("sections", 0),
        ("sections", 0, "questions", 0),
        ("sections", 0, "questions", 0, "fields", 0),
        ("choices", "", 0),
        ("choices", ""),
    }
)


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        in_list = isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)
        if not (in_list or (isinstance(part, str) and isinstance(data, dict) and part in data)):
            return _GONE
        data = data[part]
    return data


def _names_in(part: Any) -> set[str]:
    """The names a part set aside is known by in other problems' texts."""
    if not isinstance(part, dict):
        return set()
    names = set()
    for key in ("field", "id"):
        if isinstance(part.get(key), str):
            names.add(part[key])
    if isinstance(part.get("id"), str) and "field" not in part:
        names.add(ADDED_PREFIX + part["id"])
    for question in part.get("questions", []) if isinstance(part.get("questions"), list) else []:
        names |= _names_in(question)
    return names


def _set_aside(data: dict[str, Any], error: Any, names: set[str]) -> bool:
    """Take the mistake of one model error out of `data`; False if it cannot be."""
    loc: Loc = tuple(error["loc"])
    for depth in range(len(loc), 0, -1):
        owner, key, last = loc[: depth - 1], loc[depth - 1], depth == len(loc)
        parent, model = _at(data, owner), _MODELS.get(_shape(owner))
        if isinstance(key, str) and isinstance(parent, dict) and model is not None:
            info = model.model_fields.get(key)
            if key in parent and (
                (last and error["type"] == "extra_forbidden")
                or (info is not None and not info.is_required())
            ):
                del parent[key]
                return True
            if last and key in _TEXT_KEYS:
                parent[key] = _STAND_IN
                return True
        if isinstance(parent, dict) and loc[:depth] in _WHOLE_STAND_INS:
            parent[key] = copy.deepcopy(_WHOLE_STAND_INS[loc[:depth]])
            return True
        if _shape(loc[:depth]) in _REMOVABLE:
            part, holder = _at(data, loc[:depth]), _at(data, loc[: depth - 1])
            if part is _GONE:
                return True  # already set aside for another mistake
            names |= _names_in(part)
            if isinstance(holder, dict):  # a whole choice list
                names.add(str(key))
                del holder[key]
            else:
                holder[key] = _GONE
            return True
    return False


def _without_gone(data: Any) -> Any:
    if isinstance(data, list):
        return [_without_gone(item) for item in data if item is not _GONE]
    if isinstance(data, dict):
        return {key: _without_gone(value) for key, value in data.items()}
    return data


def _not_about(problems: list[str], names: set[str]) -> list[str]:
    """The problems that name none of `names` (the parts set aside)."""
    if not names:
        return problems
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    named = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)")
    return [problem for problem in problems if not named.search(problem)]


def _checks_of_the_rest(data: dict[str, Any], errors: list[Any], path: Path) -> list[str]:
    """The cross-checks' problems in what remains once the model's mistakes are set aside."""
    rest = copy.deepcopy(data)
    names: set[str] = set()
    for _ in range(_ROUNDS):
        if not all(_set_aside(rest, error, names) for error in errors):
            return []
        rest = _without_gone(rest)
        try:
            checklist = Checklist.model_validate({**rest, "source": path})
        except ValidationError as exc:
            errors = exc.errors()
            continue
        return _not_about(consistency_problems(checklist), names)
    return []


def checklist_problems(path: Path, raw: bytes) -> tuple[Checklist | None, list[ChecklistProblem]]:
    """The checklist in `raw`, if it could be read, and every problem found in it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, [ChecklistProblem("", m.F_NOT_UTF8)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        return None, [ChecklistProblem("", m.C_NOT_TOML.format(detail=exc), line)]
    except RecursionError:  # tomllib parses nested arrays recursively: "a = [[[[…"
        return None, [ChecklistProblem("", m.C_TOO_DEEP)]
    from kontoguide.checklist.lines import line_of

    try:
        checklist = Checklist.model_validate({**data, "source": path})
    except ValidationError as exc:
        out = []
        for error in exc.errors():
            where = paths.from_loc(error["loc"]) or m.C_WHOLE_FILE
            line = line_of(text, where) if error["loc"] else None
            out.append(ChecklistProblem(where, _author_message(error), line))
        # Nesting tomllib could read but a copy cannot: the rest is left unchecked.
        with contextlib.suppress(RecursionError):
            out += _located(_checks_of_the_rest(data, exc.errors(), path), text)
        return None, out
    return checklist, _located(consistency_problems(checklist), text)


def _located(problems: list[str], text: str) -> list[ChecklistProblem]:
    from kontoguide.checklist.lines import line_of

    located = []
    for problem in problems:
        where, _, detail = problem.partition(": ")
        located.append(
            ChecklistProblem(where.partition(OCCURRENCE)[0], detail, line_of(text, where))
        )
    return located


def _parse(path: Path, raw: bytes) -> Checklist:
    checklist, problems = checklist_problems(path, raw)
    if problems or checklist is None:
        first = problems[0]
        if not first.where:  # the file could not be read as TOML at all
            raise ChecklistError(path, first.detail)
        more = m.C_MORE_ERRORS.format(count=len(problems) - 1) if len(problems) > 1 else ""
        raise ChecklistError(
            path, m.C_INVALID.format(where=first.place(), detail=first.detail + more)
        )
    return checklist


def load_checklist_file(path: Path) -> Checklist:
    """A checklist file, read (an ordinary file, at most 1 MB) and checked; nothing installed."""
    return _parse(path, _read(path))


def user_checklist_folder() -> Path:
    """Where an administration's own checklist variants live: KONTOGUIDE_HOME/checklists."""
    from kontoguide.files.homefolder import home_folder

    return home_folder() / "checklists"


def shipped_folders() -> list[Path]:
    """Where the shipped checklists live: the package, or the source checkout."""
    folders: list[Path] = []
    packaged = resources.files("kontoguide") / "checklists"
    if packaged.is_dir():
        folders.append(Path(str(packaged)))
    checkout = Path(__file__).resolve().parents[3] / "checklists"
    if checkout.is_dir() and checkout not in folders:
        folders.append(checkout)
    return folders


def shipped_standard() -> Checklist | None:
    """The city's standard checklist as shipped (never a file in the user's folder)."""
    for folder in shipped_folders():
        path = folder / f"{DEFAULT_CHECKLIST}.toml"
        if path.is_file():
            return _load_cached(path)
    return None  # pragma: no cover


def checklist_folders() -> list[Path]:
    """Where checklists live: the package (or the source checkout), then the user's folder.

    The shipped checklists come first, so a user's file cannot shadow the city's own.
    """
    folders = shipped_folders()
    own = user_checklist_folder()
    if own.is_dir():
        folders.append(own)
    return folders


def available_checklists() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in checklist_folders():
        for file in sorted(folder.glob("*.toml")):
            found.setdefault(file.stem, file)
    return found


def _matches_file_name(path: Path, checklist: Checklist) -> Checklist:
    # Records name their checklist by id and are reopened by file name: the two must agree.
    if checklist.id != path.stem:
        raise ChecklistError(path, m.C_ID_NOT_FILE_NAME.format(checklist_id=checklist.id))
    return checklist


@cache
def _load_cached(path: Path) -> Checklist:
    return _matches_file_name(path, load_checklist_file(path))


def load_checklist(checklist_id: str = DEFAULT_CHECKLIST) -> Checklist:
    """A checklist by id (its file name without .toml), from the known folders.

    Never by path and never installing anything: that is `install_checklist`'s job,
    and only `start --checklist FILE.toml` calls it.
    """
    if not is_checklist_id(checklist_id):
        raise UsageError(m.C_NOT_AN_ID.format(name=printable(checklist_id)))
    found = available_checklists()
    if checklist_id not in found:
        available = ", ".join(sorted(found)) or m.C_NONE
        raise UsageError(
            m.C_UNKNOWN.format(checklist_id=printable(checklist_id), available=available)
        )
    return _load_cached(found[checklist_id])


def checklist_for_record(record: Path, value: object) -> Checklist:
    """The checklist a stored record or exported file names in checklist_id.

    A record is data, not a command: it names a checklist by id only, and reading
    it never installs or reads any other file. Problems name the record's file.
    """
    if value is None:
        # No checklist_id at all: the record's own check reports the missing field.
        return load_checklist()
    if not isinstance(value, str) or not is_checklist_id(value):
        raise CorruptFileError(record, m.C_RECORD_NOT_AN_ID.format(value=printable(value)))
    found = available_checklists()
    if value not in found:
        available = ", ".join(sorted(found)) or m.C_NONE
        folder = user_checklist_folder()
        message = m.C_RECORD_UNKNOWN.format(
            checklist_id=printable(value), available=available, folder=folder
        )
        raise UsageError(f"{record}: {message}")
    return _load_cached(found[value])


class RecordChecklists:
    """The checklists that the records of one command name, each found once.

    `checklist_for_record` looks through the checklist folders on every call; a
    command that reads a folder of records (`list`, `overview`) asks this instead.
    """

    def __init__(self) -> None:
        self._known: dict[str, Checklist] = {}

    def __call__(self, record: Path, value: object) -> Checklist:
        if isinstance(value, str) and value in self._known:
            return self._known[value]
        found = checklist_for_record(record, value)
        if isinstance(value, str):
            self._known[value] = found
        return found
