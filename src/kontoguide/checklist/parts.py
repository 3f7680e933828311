"""The checklist as data: its notice, choice lists, sections and questions.

A checklist file holds the Schrems II notice, the named choice lists and the
sections (the account basics and the five steps) with their questions. These
models say what a well-formed file holds; consistency.py checks that the record
model can follow it, and loading.py reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kontoguide.checklist import messages as m
from kontoguide.checklist.patterns import matcher
from kontoguide.model import paths

Kind = Literal[
    "text", "longtext", "yesno", "choice", "multichoice", "date", "email", "number", "list"
]
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ADDED_ID_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"
# Characters Windows refuses in file names, and controls: base_docx must work on both.
_UNPORTABLE = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChoiceOption(_Data):
    value: str = Field(min_length=1)
    label: str = Field(min_length=1)
    caution: str | None = None
    # Other names people type for this choice ("Twitter" for X), matched like the label.
    aliases: tuple[str, ...] = ()
    # For a follow-up interval: its length, from which the next follow-up is suggested.
    months: int | None = Field(None, ge=1, le=12)


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
    # Rules of a variant's added question (the standard's rules are the record model's);
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
            matcher(self.pattern)  # BadPattern (a ValueError) says why it cannot be used
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


# Names the generated record model (added_questions.py) cannot take as a field: pydantic's
# own namespace and BaseModel's attributes. `model_config` as an id broke schema, start and
# list for every draft.
RESERVED_NAMES = frozenset(name for name in dir(BaseModel) if not name.startswith("_"))


def _not_reserved(name: str) -> str:
    if name.startswith("model_") or name in RESERVED_NAMES:
        raise ValueError(m.CV_ID_RESERVED.format(name=name))
    return name


class ItemField(_Asked):
    field: str = Field(pattern=r"^[a-z_]+$")
    # Ask only when an earlier field of the same item has one of the given values.
    when: Condition | None = None

    @field_validator("field")
    @classmethod
    def _usable_name(cls, value: str) -> str:
        return _not_reserved(value)


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

    @field_validator("id")
    @classmethod
    def _usable_id(cls, value: str | None) -> str | None:
        return None if value is None else _not_reserved(value)

    @property
    def is_added(self) -> bool:
        return self.id is not None

    def applies_to(self, data: dict[str, Any]) -> bool:
        """Whether the question is asked, given the answers `data` (its `when`)."""
        return self.when is None or self.when.holds(data)

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


# Parts of the record that no checklist question asks for: follow-ups are added
# by their own dialogue, item by item, goal by goal.
STAGE_OF_PARTS: dict[str, Stage] = {"follow_ups": "started"}


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
    # kontoguide's own words behind "?" at the confirmation: what answering it means.
    help: str | None = Field(None, min_length=1)
    declined: str = Field(min_length=1)


# Names Windows keeps for devices, with any extension: a variant installed as con.toml
# could not be written, read or removed there.
WINDOWS_RESERVED = frozenset(
    ("con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10)))
)


def reserved_on_windows(checklist_id: str) -> bool:
    return checklist_id.split(".", 1)[0].lower() in WINDOWS_RESERVED


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
    # A variant's own [notice] said something else: the standard's is used (see
    # standard.with_standard_notice), and the variant's author is told so.
    notice_ignored: bool = Field(False, exclude=True)

    @field_validator("id")
    @classmethod
    def _portable_id(cls, value: str) -> str:
        if reserved_on_windows(value):
            raise ValueError(m.C_ID_RESERVED.format(checklist_id=value))
        return value

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
