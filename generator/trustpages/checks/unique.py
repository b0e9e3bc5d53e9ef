"""Every list of items with ids holds each id once (components, processors, survey questions, …), wherever it is in a record.

The lists are found from the models, not named by hand: a field added later that holds items
with an `id` is checked too. A second item with the same id would be counted twice, or hide the first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from trustpages import kinds
from trustpages.checks.findings import Findings
from trustpages.records import RecordSet
from trustpages.records.common import inner_model

Loc = tuple[str | int, ...]


def check(records: RecordSet, findings: Findings) -> None:
    for kind in kinds.kinds():
        for record in kind.of(records):
            if isinstance(record, BaseModel):

                def twice(loc: Loc, key: str, id: Any, kind: str = kind.name, record: Any = record) -> None:
                    findings.error(kind, getattr(record, "id", ""), loc, f"{key.removesuffix('s')} id '{id}' is used twice")

                _walk(record, (), twice)


def _walk(value: BaseModel, loc: Loc, twice: Callable[[Loc, str, Any], None]) -> None:
    for name, key in _nested(type(value)):
        held = getattr(value, name)
        if isinstance(held, BaseModel):
            _walk(held, (*loc, key), twice)
        elif isinstance(held, tuple | list):
            seen: set[Any] = set()
            for i, item in enumerate(held):
                if not isinstance(item, BaseModel):
                    continue
                id = getattr(item, "id", None) if "id" in type(item).model_fields else None  # an optional id left out is none
                if id is not None:
                    if id in seen:
                        twice((*loc, key, i, "id"), key, id)
                    seen.add(id)
                _walk(item, (*loc, key, i), twice)


@functools.cache
def _nested(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields of `model` that hold models (alone or in a list): their names, and their keys in the file."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items() if inner_model(info.annotation) is not None)
