"""One dated event of the record: what happened to which record and when, with a stable id, the filter that lists it and the page that shows it."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from trustpages import kinds
from trustpages.records import Incident, Milestone, Mistake


def filters() -> tuple[str, ...]:
    """The timeline's filters, in the order its pages list them (each kind's, from the registry): each event is in exactly one."""
    return kinds.timeline_filters()


@dataclass(frozen=True)
class Event:
    """One thing that happened to one record, at one moment.

    `kind` is `<record kind>.<what happened>` (commitment.status, pricing.effective, …): feeds publish
    it, and with the record, time and status it makes the event's id, so rewording never changes one.
    """

    kind: str
    record_id: str
    title: str  # the record's title (for a price change, the plan; for data, the processor)
    at: datetime  # UTC
    status: str | None = None  # the update's or commitment's new status, an impact, a correction's field
    body: str | None = None  # Markdown
    components: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # links a status update gave
    incident: Incident | None = None
    milestone: Milestone | None = None
    mistake: Mistake | None = None
    on: date | None = None  # the day it happened where the site is; None: at's day in UTC
    detail: tuple[tuple[str, Any], ...] = ()  # what the outcome names: dates, prices, counts (timeline.words)

    @property
    def record_kind(self) -> str:
        return self.kind.split(".", 1)[0]

    @property
    def what(self) -> str:
        """What happened to the record: the kind's second part (new, status, corrected, …)."""
        return self.kind.split(".", 1)[-1]

    @property
    def day(self) -> date:
        return self.on if self.on is not None else self.at.date()

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.detail)

    @property
    def filter(self) -> str:
        """Which of the filters lists it: corrections by themselves, else the one its kind says (incidents apart from maintenance)."""
        if self.kind.endswith(".corrected"):
            return kinds.CORRECTIONS.name
        return kinds.kind(self.record_kind).filter(self)

    @property
    def page(self) -> str:
        """The page (docs path) that shows its record: the record's own, else its kind's section."""
        registered = kinds.kind(self.record_kind)
        if registered.page is not None and self.record_id:
            return f"{registered.folder}/{self.record_id}.md"
        return registered.section.path if registered.section is not None else "index.md"

    @property
    def address(self) -> str:
        """That page's address under the site's, as MkDocs' directory URLs spell it: commitments/x/, pricing/."""
        stem = self.page.removesuffix(".md").removesuffix("index")
        return stem if not stem or stem.endswith("/") else stem + "/"

    @property
    def key(self) -> str:
        """What makes the event itself: its kind, record, and (for updates) time and status — never its wording."""
        if self.what in kinds.kind(self.record_kind).once_per_record:
            return f"{self.kind}|{self.record_id}"
        return f"{self.kind}|{self.record_id}|{self.at.isoformat()}|{self.status}"

    @functools.cached_property  # asked for by sorting and by each feed that lists the event
    def id(self) -> str:
        """A stable id: the same event gets the same id in every build and every run."""
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:20]


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def midnight(day: date) -> datetime:
    """A date as a moment: its start in UTC (records give dates without a time)."""
    return datetime.combine(day, time(), UTC)
