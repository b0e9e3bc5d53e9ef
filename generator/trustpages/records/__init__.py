"""The record types as frozen pydantic models (docs/records.md lists their fields), and the set they form together."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from trustpages.records.commitment import Commitment, Measurement, Milestone, Standing, StatusUpdate
from trustpages.records.contact import Channel, Contact, Security
from trustpages.records.data import DataUse
from trustpages.records.incident import Incident, IncidentUpdate
from trustpages.records.metric import MetricSeries, Point
from trustpages.records.mistake import Mistake
from trustpages.records.pricing import Fee, Plan, PriceChange, Pricing
from trustpages.records.site import Component, Policies, Site
from trustpages.records.survey import Survey
from trustpages.records.withdrawn import Withdrawal, Withdrawals
from trustpages.yamlsource import Document

__all__ = [
    "Channel",
    "Commitment",
    "Component",
    "Contact",
    "DataUse",
    "Fee",
    "Incident",
    "IncidentUpdate",
    "Measurement",
    "MetricSeries",
    "Milestone",
    "Mistake",
    "Plan",
    "Point",
    "Policies",
    "PriceChange",
    "Pricing",
    "RecordSet",
    "Security",
    "Site",
    "Source",
    "Standing",
    "Survey",
    "StatusUpdate",
    "Withdrawal",
    "Withdrawals",
]


@dataclass(frozen=True)
class Source:
    """Where a record came from: its file (as shown to people) and parsed document."""

    file: str
    document: Document

    def position(self, loc: tuple[str | int, ...] = (), key: bool = False) -> tuple[int, int]:
        return self.document.position(loc, key=key)


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RecordSet:
    """Every record of one content folder, typed, with where each one came from."""

    site: Site
    commitments: tuple[Commitment, ...] = ()
    incidents: tuple[Incident, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    metrics: tuple[MetricSeries, ...] = ()
    pricing: Pricing | None = None
    contact: Contact | None = None
    withdrawn: tuple[Withdrawal, ...] = ()
    # Records of the kinds without a field above (their registry entry has no `records`). Read every kind alike
    # through `of`, `named` and `with_records`: which kinds have a field is the registry's business.
    others: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    root: Path = Path("content")
    sources: dict[tuple[str, str], Source] = field(default_factory=dict, compare=False, repr=False)

    def source(self, kind: str, id: str = "") -> Source | None:
        """The source of a record: kind is commitment, incident, …; singletons have id ''."""
        return self.sources.get((kind, id))

    def of(self, model: type[M]) -> tuple[M, ...]:
        """Every record that is a `model`, typed: `records.of(Survey)`; of a kind of two models, that one's (`of(Milestone)`)."""
        from trustpages import registry  # the registry imports the records

        return tuple(r for r in self.named(registry.of_model(model).name) if isinstance(r, model))

    def named(self, kind: str) -> tuple[Any, ...]:
        """The records of the kind registered as `kind` (a single file's as a one-item tuple, none as ())."""
        from trustpages import registry

        attribute = registry.kind(kind).records
        if attribute is None:
            return tuple(self.others.get(kind, ()))
        value = getattr(self, attribute)
        if isinstance(value, tuple):
            return value
        return () if value is None else (value,)

    def with_records(self, kind: str, records: Iterable[Any]) -> RecordSet:
        """A copy with the records of `kind` replaced (a single file's: the first, or none), every kind alike."""
        from trustpages import registry

        registered, items = registry.kind(kind), tuple(records)
        if registered.records is None:
            return dataclasses.replace(self, others={**self.others, kind: items})
        one_file = not isinstance(getattr(self, registered.records), tuple)  # not a folder's, nor withdrawn.yml's entries
        changes: dict[str, Any] = {registered.records: (items[0] if items else None) if one_file else items}
        return dataclasses.replace(self, **changes)
