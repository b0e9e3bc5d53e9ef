"""The record types as frozen pydantic models (docs/records.md lists their fields), and the set they form together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    others: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # records of kinds registered beyond the built-in ones
    root: Path = Path("content")
    sources: dict[tuple[str, str], Source] = field(default_factory=dict, compare=False, repr=False)

    def source(self, kind: str, id: str = "") -> Source | None:
        """The source of a record: kind is commitment, incident, …; singletons have id ''."""
        return self.sources.get((kind, id))
