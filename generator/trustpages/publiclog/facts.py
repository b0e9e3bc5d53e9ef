"""The published facts of a content folder, one by one, as the public log records them.

What a fact is comes from the registry: each kind's `facts` (trustpages.kinds) names the fields
that may be filled in but never changed, the lists whose items stay as they were, the sets
that only grow and the values known by their item's id (trustpages.factrules, the rules `check
--against` applies too). Every record of a kind with its own pages also has a fact that it exists, so a
deleted record is a vanished fact. A fact is known by its `key` within its record: a field by
its path; a list or set item by a digest of what it says, so an item inserted anywhere is a new
fact with its own publication time, and a changed item is a vanished one plus a new one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from trustpages import kinds
from trustpages.factrules import WITHDRAWN, canonical, empty, keyed_path, keyed_values, value_at
from trustpages.records import RecordSet

EXISTS = "@record"  # the key and path of the fact that a record exists
PRESENT = "@present"  # a field's key suffix for the fact that it is there (Facts.present)
__all__ = ["EXISTS", "PRESENT", "WITHDRAWN", "Fact", "canonical", "facts_of", "item_key", "record_facts"]


@dataclass(frozen=True)
class Fact:
    """One published fact: of which record, under which key, at which path (as corrections name it), saying what."""

    kind: str
    id: str
    key: str
    path: str
    value: Any  # plain JSON

    @property
    def record(self) -> tuple[str, str]:
        return self.kind, self.id

    @property
    def listed_in(self) -> str | None:
        """The list or set this fact is an item of, or None for a field."""
        return self.key.split("#", 1)[0] if "#" in self.key else None


def item_key(name: str, value: Any, occurrence: int = 1) -> str:
    digest = hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()[:16]
    return f"{name}#{digest}" if occurrence == 1 else f"{name}#{digest}#{occurrence}"


def facts_of(records: RecordSet) -> dict[tuple[str, str], list[Fact]]:
    """Every published fact of `records`, by record (kind, id)."""
    found: dict[tuple[str, str], list[Fact]] = {}
    for kind in kinds.kinds():
        for record in kind.of(records):
            if kind.name == WITHDRAWN:
                facts = _withdrawn(record)
                found.setdefault((WITHDRAWN, ""), []).extend(facts)
                continue
            id = getattr(record, "id", "") if kind.folder is not None else ""
            found[(kind.name, id)] = list(record_facts(kind, id, record))
    return found


def record_facts(kind: kinds.Kind, id: str, record: BaseModel) -> Iterator[Fact]:
    """The published facts of one record."""
    data = record.model_dump(mode="json", by_alias=True)
    name = kind.name
    if kind.folder is not None:
        yield Fact(name, id, EXISTS, EXISTS, True)
    for path in kind.facts.fields:
        value = value_at(data, path)
        if not empty(value):
            yield Fact(name, id, path, path, value)
    for name_there in kind.facts.present:
        if not empty(value_at(data, name_there)):
            yield Fact(name, id, f"{name_there}{PRESENT}", name_there, True)
    for list_name in (*kind.facts.lists, *kind.facts.sets):
        yield from _items(name, id, list_name, value_at(data, list_name) or [])
    for keyed, key, _, value in keyed_values(kind, data):  # changed with a correction or a row announcing it (compare)
        yield Fact(name, id, f"{keyed.list}[{key}].{keyed.field}", keyed_path(keyed, key), value)


def _withdrawn(entry: BaseModel) -> list[Fact]:
    value = entry.model_dump(mode="json", by_alias=True)
    return [Fact(WITHDRAWN, "", f"entries#{value['kind']}/{value['id']}", f"{value['kind']}/{value['id']}", value)]


def _items(kind: str, id: str, name: str, items: list[Any]) -> Iterator[Fact]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        digest = item_key(name, item)
        seen[digest] = seen.get(digest, 0) + 1
        yield Fact(kind, id, item_key(name, item, seen[digest]), f"{name}.{index + 1}", item)
