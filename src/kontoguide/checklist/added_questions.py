"""The model of a variant's own questions, generated from its checklist.

A variant adds questions with an id and rules declared in its TOML (required, must
be yes, minimum words, a number range, a date in the past or future, at most N
items, a pattern with a Swedish message). This module turns them into a pydantic
model with pydantic.create_model, using the same answer types as the standard
record (fieldtypes), so the rules still have one home: a model.

- `extra_model`: the answers to the added questions, keyed by id. validation's
  context hands it to the record, which checks its `extra` part with it.
- `record_model` / `answers_model`: the record with `extra` typed by that model:
  the JSON Schema of a checklist, and the field paths ("extra.<id>") that the
  questionnaire, the problems and the documents walk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, Field, create_model, model_validator
from pydantic_core import PydanticCustomError

from kontoguide.checklist import messages as m
from kontoguide.checklist.parts import Checklist, Condition, Question, _Asked
from kontoguide.checklist.patterns import matcher
from kontoguide.model.fieldtypes import (
    AnyDate,
    ChoiceFrom,
    ChoicesFrom,
    Email,
    FutureDate,
    LongText,
    MustBeYes,
    Number,
    PastDate,
    ShortText,
)
from kontoguide.model.parts import Part, _error_at
from kontoguide.model.record import Answers, Record

# The most items an added list may hold when its author gives no max_items: as many
# as the largest standard list of people (the team).
DEFAULT_MAX_ITEMS = 100


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _min_words(words: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value.split()) < words:
            raise PydanticCustomError("min_words", m.CV_MIN_WORDS.format(words=words))
        return value

    return check


def _pattern(pattern: str, message: str) -> Callable[[str], str]:
    matches = matcher(pattern)

    def check(value: str) -> str:
        if not matches(value):
            raise PydanticCustomError("pattern", message)
        return value

    return check


def _in_range(low: float | None, high: float | None) -> Callable[[float], float]:
    def check(value: float) -> float:
        if (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                message = m.V_NUMBER_MIN.format(low=_number_text(low or 0))
            elif low is None:
                message = m.V_NUMBER_MAX.format(high=_number_text(high))
            else:
                message = m.V_NUMBER_RANGE.format(low=_number_text(low), high=_number_text(high))
            raise PydanticCustomError("number_range", message)
        return value

    return check


def _scalar(asked: _Asked) -> Any:
    """The answer type of one added question (or list item field), with its rules."""
    kind = asked.kind
    if kind in ("text", "longtext"):
        rules: list[Any] = []
        if asked.min_words is not None:
            rules.append(AfterValidator(_min_words(asked.min_words)))
        if asked.pattern is not None and asked.message is not None:
            rules.append(AfterValidator(_pattern(asked.pattern, asked.message)))
        base = ShortText if kind == "text" else LongText
        return Annotated[base, *rules] if rules else base
    if kind == "yesno":
        if asked.must_be_yes:
            return Annotated[bool, MustBeYes(asked.message or m.CV_YES_REQUIRED)]
        return bool
    if kind == "choice":
        return Annotated[str, ChoiceFrom(asked.choices or "")]
    if kind == "multichoice":
        return Annotated[list[str], ChoicesFrom(asked.choices or "", all_required=asked.choose_all)]
    if kind == "date":
        return {"past": PastDate, "future": FutureDate}.get(asked.date_is or "", AnyDate)
    if kind == "email":
        return Email
    if kind == "number":
        if asked.min is None and asked.max is None:
            return Number
        return Annotated[Number, AfterValidator(_in_range(asked.min, asked.max))]
    raise TypeError(kind)  # pragma: no cover - "list" is handled by the caller


class AddedItem(Part):
    """An item of an added list; a required field asked only under a condition is
    required only when its condition holds (the item's other fields decide)."""

    conditional: ClassVar[tuple[tuple[str, Condition], ...]] = ()

    @model_validator(mode="after")
    def _asked_fields_given(self) -> AddedItem:
        values = self.model_dump(mode="json")
        for name, when in self.conditional:
            if when.holds(values) and getattr(self, name) is None:
                raise _error_at(name, None, m.V_REQUIRED)
        return self


def _item_model(question: Question) -> type[AddedItem]:
    fields: dict[str, Any] = {}
    conditional = []
    for item in question.fields:
        annotation = _scalar(item)
        title = item.doc_label or item.label
        if item.required and item.when is None:
            fields[item.field] = (annotation, Field(title=title))
        else:
            fields[item.field] = (annotation | None, Field(None, title=title))
            if item.required and item.when is not None:
                conditional.append((item.field, item.when))
    model = create_model(f"Added_{question.id}", __base__=AddedItem, **fields)
    model.conditional = tuple(conditional)
    return model


def _field(question: Question) -> tuple[Any, Any]:
    title = question.doc_label or question.label
    if question.kind == "list":
        limit = question.max_items or DEFAULT_MAX_ITEMS
        item = _item_model(question)
        return list[item] | None, Field(None, title=title, max_length=limit)  # type: ignore[valid-type]
    return _scalar(question) | None, Field(
        None, title=title, json_schema_extra=_described(question)
    )


def _described(asked: _Asked) -> dict[str, Any]:
    """The declared rules that JSON Schema can say (the checks themselves are the model's)."""
    out: dict[str, Any] = {"minimum": asked.min, "maximum": asked.max, "x-unit": asked.unit}
    out["x-min-words"] = asked.min_words
    return {key: value for key, value in out.items() if value is not None}


def added_questions(checklist: Checklist) -> list[Question]:
    return [question for _, question in checklist.questions() if question.is_added]


# Generated once per loaded checklist, each when first needed: the model of the added
# questions by every validation, the record typed with it only for titles, paths and
# the JSON Schema (building a record model costs as much as all the rest). Loaded
# checklists are cached for the whole run (loading._load_cached), so keeping them
# alive here costs nothing; each is kept with its models so its id() is never reused.
_EXTRA: dict[int, tuple[Checklist, type[BaseModel]]] = {}
_RECORD: dict[int, tuple[Checklist, type[Record]]] = {}


def extra_model(checklist: Checklist) -> type[BaseModel]:
    """The answers to the checklist's added questions, keyed by question id."""
    known = _EXTRA.get(id(checklist))
    if known is not None and known[0] is checklist:
        return known[1]
    name = checklist.id.replace("-", "_")
    fields: dict[str, Any] = {str(q.id): _field(q) for q in added_questions(checklist)}
    extra = create_model(f"Extra_{name}", __base__=Part, **fields)
    extra.__doc__ = m.CV_EXTRA_TITLE
    _EXTRA[id(checklist)] = (checklist, extra)
    return extra


def record_model(checklist: Checklist) -> type[Record]:
    """A record made with this checklist, its added questions typed (`extra`)."""
    known = _RECORD.get(id(checklist))
    if known is not None and known[0] is checklist:
        return known[1]
    extra = extra_model(checklist)
    part = (extra, Field(default_factory=extra, title=m.CV_EXTRA_TITLE))
    name = checklist.id.replace("-", "_")
    record = create_model(f"Record_{name}", __base__=Record, extra=part)
    _RECORD[id(checklist)] = (checklist, record)
    return record


def answers_model(checklist: Checklist) -> type[Answers]:
    """The answers of this checklist, standard and added, typed (a record is answers)."""
    return record_model(checklist)
