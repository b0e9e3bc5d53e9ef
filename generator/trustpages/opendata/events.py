"""What happened, as a stream of events with stable ids: the entries of the feeds and the messages of `notify`."""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import Literal

from trustpages import metrics
from trustpages.opendata.links import midnight, utc
from trustpages.records import Incident, Milestone, Mistake, RecordSet

Kind = Literal[
    "incident.new",
    "incident.update",
    "incident.corrected",
    "commitment.status",
    "commitment.overdue",
    "commitment.corrected",
    "mistake.new",
    "mistake.corrected",
    "data.change",
]
RECORD_KIND = {
    "incident.new": "incident",
    "incident.update": "incident",
    "incident.corrected": "incident",
    "commitment.status": "commitment",
    "commitment.overdue": "commitment",
    "commitment.corrected": "commitment",
    "mistake.new": "mistake",
    "mistake.corrected": "mistake",
    "data.change": "data",
}


@dataclass(frozen=True)
class Event:
    """One thing that happened to one record, at one moment."""

    kind: Kind
    record_id: str
    title: str  # the record's title
    at: datetime  # UTC
    status: str | None = None  # the update's or commitment's new status
    body: str | None = None  # Markdown
    components: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # links a status update gave
    incident: Incident | None = None
    milestone: Milestone | None = None
    mistake: Mistake | None = None

    @property
    def record_kind(self) -> str:
        return RECORD_KIND[self.kind]

    @property
    def key(self) -> str:
        """What makes the event itself: its kind, record, and (for updates) time and status — never its wording."""
        if self.kind in ("incident.new", "mistake.new"):
            return f"{self.kind}|{self.record_id}"
        return f"{self.kind}|{self.record_id}|{self.at.isoformat()}|{self.status}"

    @functools.cached_property  # asked for by sorting and by each feed that lists the event
    def id(self) -> str:
        """A stable id: the same event gets the same id in every build and every run."""
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:20]


def incident_started(incident: Incident) -> Event | None:
    """The incident itself, at its start (or planned start, or first update); None when it names no time at all."""
    when = incident.started or incident.scheduled_for or (incident.updates[0].at if incident.updates else None)
    if when is None:
        return None
    return Event(
        "incident.new", incident.id, incident.title, utc(when), incident.impact, incident.summary, incident.affected, incident=incident
    )


def incident_updates(incident: Incident) -> list[Event]:
    """One event per public update of an incident."""
    return [
        Event("incident.update", incident.id, incident.title, utc(u.at), u.status, u.body, incident.affected, incident=incident)
        for u in incident.updates
    ]


def status_changes(milestone: Milestone) -> list[Event]:
    """One event per update that changed a milestone's status (an update repeating the status is not a change)."""
    events: list[Event] = []
    previous: str | None = None
    for update in milestone.updates:
        if update.status != previous:
            events.append(
                Event(
                    "commitment.status",
                    milestone.id,
                    milestone.title,
                    midnight(update.on),
                    update.status,
                    update.note,
                    evidence=update.evidence,
                    milestone=milestone,
                )
            )
        previous = update.status
    return events


def became_overdue(milestone: Milestone, as_of: date) -> Event | None:
    """A milestone shown as overdue became so the day after its due date: computed, never typed."""
    if metrics.status(milestone, as_of) != "overdue":
        return None
    return Event(
        "commitment.overdue",
        milestone.id,
        milestone.title,
        midnight(milestone.counted_due + timedelta(days=1)),
        "overdue",
        milestone=milestone,
    )


CORRECTED: dict[str, Kind] = {"incident": "incident.corrected", "commitment": "commitment.corrected", "mistake": "mistake.corrected"}


def corrected(kind: Literal["incident", "commitment", "mistake"], record: Incident | Milestone | Mistake) -> list[Event]:
    """One event per correction of a published fact: subscribers learn of it as they learned of the fact."""
    return [
        Event(
            CORRECTED[kind],
            record.id,
            record.title,
            midnight(c.on),
            c.field,
            c.why,
            incident=record if isinstance(record, Incident) else None,
            milestone=record if isinstance(record, Milestone) else None,
            mistake=record if isinstance(record, Mistake) else None,
        )
        for c in record.corrections
    ]


def mistake_published(mistake: Mistake) -> Event:
    return Event("mistake.new", mistake.id, mistake.title, midnight(mistake.on), None, mistake.what_happened, mistake=mistake)


def incident_events(records: RecordSet) -> list[Event]:
    """Feed entries for incidents, in no order: one per update; an incident with no update yet gets one for its start."""
    events: list[Event] = []
    for incident in records.incidents:
        updates = incident_updates(incident)
        started = incident_started(incident) if not updates else None
        events.extend(updates or ([started] if started else []))
        events.extend(corrected("incident", incident))
    return events


def commitment_events(records: RecordSet, as_of: date) -> list[Event]:
    """Feed entries for commitments, in no order: every status change, and the day a promise became overdue."""
    events: list[Event] = []
    for milestone in metrics.milestones(records):
        events.extend(status_changes(milestone))
        events.extend(corrected("commitment", milestone))
        overdue = became_overdue(milestone, as_of)
        if overdue:
            events.append(overdue)
    return events


def data_events(records: RecordSet) -> list[Event]:
    """Feed entries for changes to who handles customer data (data.yml), on the day each was announced."""
    events: list[Event] = []
    for data in records.others.get("data", ()):
        names = {p.id: p.name for p in data.processors}
        for change in data.changes:
            title = f"{names.get(change.processor, change.processor)} ({change.change}, from {change.effective})"
            events.append(Event("data.change", "", title, midnight(change.announced), change.change, change.why))
    return events


def mistake_events(records: RecordSet) -> list[Event]:
    """Feed entries for mistakes, in no order: one each, on the day it happened, and one per correction."""
    return [event for m in records.mistakes for event in (mistake_published(m), *corrected("mistake", m))]


def newest_first(events: Iterable[Event]) -> Iterator[Event]:
    """Newest first; ties broken by id so the order never depends on file order.

    The same order as sorting by (at, id), given lazily: the ids (a hash each) are worked out only
    for ties among the events taken, and a feed takes its newest 50 of thousands.
    """
    for _, same_moment in itertools.groupby(sorted(events, key=attrgetter("at"), reverse=True), key=attrgetter("at")):
        group = list(same_moment)
        yield from sorted(group, key=attrgetter("id"), reverse=True) if len(group) > 1 else group
