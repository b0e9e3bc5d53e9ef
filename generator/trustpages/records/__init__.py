"""The record types as frozen pydantic models (docs/records.md lists their fields), and the set they form together."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

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
    """Every record of one content folder, by kind, typed, with where each one came from.

    One mapping holds every kind's records alike, by the kind's registered name: a folder's
    records, a single file's record as a one-item tuple, a file listing records (withdrawn.yml)
    its entries. Read them typed by model (`of(Survey)`) or by name (`named("survey")`), replace
    them with `with_records`; make a set with `holding(site, *records)` (each record under its
    model's kind). The built-in kinds' properties below are read-only shortcuts over the same mapping.
    """

    by_kind: Mapping[str, tuple[Any, ...]]  # always the site's (one); a kind without records may be left out
    root: Path = Path("content")
    sources: dict[tuple[str, str], Source] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # One set has one value per kind's records: no records and no entry are the same, and the mapping is never shared.
        object.__setattr__(self, "by_kind", {kind: tuple(items) for kind, items in self.by_kind.items() if items})
        if len(self.of(Site)) != 1:
            raise ValueError("a RecordSet holds exactly one site")

    @classmethod
    def holding(cls, site: Site, *records: BaseModel, root: Path = Path("content")) -> RecordSet:
        """A set of `site` and `records`, each under the kind its model is (in the order given): `RecordSet.holding(site, *incidents)`."""
        from trustpages import registry  # the registry imports the records

        by_kind: dict[str, list[BaseModel]] = {}
        for record in (site, *records):
            by_kind.setdefault(registry.of_record(record).name, []).append(record)
        return cls({kind: tuple(items) for kind, items in by_kind.items()}, root)

    def source(self, kind: str, id: str = "") -> Source | None:
        """The source of a record: kind is commitment, incident, …; singletons have id ''."""
        return self.sources.get((kind, id))

    def of(self, model: type[M]) -> tuple[M, ...]:
        """Every record that is a `model`, typed: `records.of(Survey)`; of a kind of two models, that one's (`of(Milestone)`)."""
        from trustpages import registry

        registered = registry.of_model(model)
        items = self.by_kind.get(registered.name, ())
        if registered.record_models == (model,):  # every record of the kind is one: no need to look at each
            return cast(tuple[M, ...], items)
        return tuple(r for r in items if isinstance(r, model))

    def named(self, kind: str) -> tuple[Any, ...]:
        """The records of the kind registered as `kind` (a single file's as a one-item tuple, none as ())."""
        from trustpages import registry

        return self.by_kind.get(registry.kind(kind).name, ())

    def with_records(self, kind: str, records: Iterable[Any]) -> RecordSet:
        """A copy with the records of `kind` replaced, every kind alike (a single file's: at most one)."""
        from trustpages import registry

        registered, items = registry.kind(kind), tuple(records)
        if len(items) > 1 and registered.file is not None and registered.record_models == registered.models:
            raise ValueError(f"kind {kind!r} is one file, so one record: got {len(items)}")
        return dataclasses.replace(self, by_kind={**self.by_kind, registered.name: items})

    def _one(self, model: type[M]) -> M | None:
        found = self.of(model)
        return found[0] if found else None

    def _kind_holding(self, model: type[BaseModel]) -> tuple[Any, ...]:
        from trustpages import registry

        return self.named(registry.of_model(model).name)

    # The built-in kinds' shortcuts, read-only: the same records as `of`, typed.

    @property
    def site(self) -> Site:
        return self.of(Site)[0]

    @property
    def commitments(self) -> tuple[Commitment, ...]:
        """Every promise, milestones and standing ones, in the order loaded."""
        return self._kind_holding(Milestone)

    @property
    def incidents(self) -> tuple[Incident, ...]:
        return self.of(Incident)

    @property
    def mistakes(self) -> tuple[Mistake, ...]:
        return self.of(Mistake)

    @property
    def metrics(self) -> tuple[MetricSeries, ...]:
        return self.of(MetricSeries)

    @property
    def pricing(self) -> Pricing | None:
        return self._one(Pricing)

    @property
    def contact(self) -> Contact | None:
        return self._one(Contact)

    @property
    def withdrawn(self) -> tuple[Withdrawal, ...]:
        """withdrawn.yml's entries."""
        return self.of(Withdrawal)
