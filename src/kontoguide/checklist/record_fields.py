"""The record model read by a field's path: the field's type, a list's item model.

The checklist names record fields by path ("step2.goals"); the consistency checks,
the questionnaire and the problems' titles look the field up in the model.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from kontoguide.model import paths


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
