"""What happened, as dated events with stable ids, computed from the records: the timeline, the home page, feeds and `notify`.

Every event is derived here and nowhere else. A date without a time (a promise's update, a
mistake, a price change) happened that day in the site's time zone; a moment is that day where
the site is. Nothing after `as_of` has happened yet, so no event is dated later.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from trustpages import kinds, metrics, surveys, timeliness
from trustpages.corrected import corrections_shown, dotted, due_move
from trustpages.history import History
from trustpages.publiclog.times import period_end
from trustpages.records import DataUse, Incident, Milestone, Mistake, RecordSet, Standing, Survey
from trustpages.records.commitment import FINISHED
from trustpages.timeline.event import Event, midnight, utc


def _local(moment: datetime, zone: ZoneInfo | None) -> date | None:
    return moment.astimezone(zone).date() if zone is not None else None


# Incidents and maintenance.


def incident_started(incident: Incident, zone: ZoneInfo | None = None) -> Event | None:
    """The incident itself: at its start; maintenance when it was announced (its first update, else its window).

    None when it names no time at all.
    """
    if incident.impact == "maintenance":
        when = (incident.updates[0].at if incident.updates else None) or incident.scheduled_for or incident.started
    else:
        when = incident.started or incident.scheduled_for or (incident.updates[0].at if incident.updates else None)
    if when is None:
        return None
    window = (("from", incident.scheduled_for), ("until", incident.scheduled_until)) if incident.scheduled_for else ()
    return Event(
        "incident.new",
        incident.id,
        incident.title,
        utc(when),
        incident.impact,
        incident.summary,
        incident.affected,
        incident=incident,
        on=_local(when, zone),
        detail=window,
    )


def incident_updates(incident: Incident, zone: ZoneInfo | None = None) -> list[Event]:
    """One event per public update of an incident (the feeds' detail; the timeline shows start and end)."""
    return [
        Event(
            "incident.update",
            incident.id,
            incident.title,
            utc(u.at),
            u.status,
            u.body,
            incident.affected,
            incident=incident,
            on=_local(u.at, zone),
        )
        for u in incident.updates
    ]


def incident_resolved(incident: Incident, zone: ZoneInfo) -> Event | None:
    """An incident fixed, or maintenance completed, with how long it lasted."""
    if incident.resolved is None:
        return None
    began = incident.started or incident.scheduled_for
    lasted = incident.resolved - began if began is not None and began <= incident.resolved else None
    return Event(
        "incident.resolved",
        incident.id,
        incident.title,
        utc(incident.resolved),
        incident.impact,
        incident=incident,
        components=incident.affected,
        on=_local(incident.resolved, zone),
        detail=(("lasted", lasted),),
    )


def postmortem(incident: Incident, history: History | None, as_of: date, zone: ZoneInfo, records: RecordSet) -> Event | None:
    """A postmortem published: dated by its update (status postmortem), else by the commit that added it (git)."""
    update = next((u for u in incident.updates if u.status == "postmortem"), None)
    if update is not None and incident.resolved is not None:
        on = update.at.astimezone(zone).date()
        days = max(0, (on - incident.resolved.astimezone(zone).date()).days)
        late = days > records.site.policies.postmortem_within_days
    else:
        published = timeliness.postmortem_published(incident, history, as_of, zone, records.site.policies)
        if published is None:
            return None
        on, days, late = published.on, published.days, published.late
    return Event(
        "incident.postmortem",
        incident.id,
        incident.title,
        midnight(on),
        "late" if late else "on_time",
        incident=incident,
        on=on,
        detail=(("days", days), ("promised", records.site.policies.postmortem_within_days)),
    )


# Promises.


def status_changes(milestone: Milestone) -> list[Event]:
    """One event per update that changed a milestone's status (an update repeating the status is not a change)."""
    events: list[Event] = []
    previous: str | None = None
    for update in milestone.updates:
        if update.status != previous:
            late = update.status == "withdrawn" and update.on > milestone.counted_due  # counts as broken (metrics.status)
            days = (update.on - milestone.counted_due).days if update.status in metrics.DELIVERED else 0
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
                    on=update.on,
                    detail=(("late", late), ("days_late", max(days, 0)), ("due", milestone.counted_due)),
                )
            )
        previous = update.status
    return events


def went_overdue(milestone: Milestone, as_of: date) -> Event | None:
    """The day after the due date (as first published), when the promise was not finished by then: computed, never typed.

    A promise kept late went overdue too, on that day; it is later kept, and both are in the record.
    """
    day = milestone.counted_due + timedelta(days=1)
    if day > as_of:
        return None
    by_then = [u for u in milestone.updates if u.on <= milestone.counted_due]
    if by_then and by_then[-1].status in FINISHED:
        return None
    return Event(
        "commitment.overdue",
        milestone.id,
        milestone.title,
        midnight(day),
        "overdue",
        milestone=milestone,
        on=day,
        detail=(("due", milestone.counted_due),),
    )


def made(commitment: Milestone | Standing) -> Event:
    due = (("due", commitment.counted_due),) if isinstance(commitment, Milestone) else ()
    return Event(
        "commitment.made",
        commitment.id,
        commitment.title,
        midnight(commitment.made_on),
        "milestone" if isinstance(commitment, Milestone) else "standing",
        commitment.promise,
        milestone=commitment if isinstance(commitment, Milestone) else None,
        on=commitment.made_on,
        detail=due,
    )


def rescheduled(milestone: Milestone, history: History | None) -> Event | None:
    """A due date moved after it was published: on the day its correction says, else the day git changed it."""
    move = due_move(milestone)
    if move is None:
        return None
    on = move.on
    if on is None and history is not None:
        moved = next((c for c in history.of("commitment", milestone.id) if any(dotted(f.path) == "due" for f in c.fields)), None)
        on = moved.date.date() if moved is not None else None
    if on is None:
        return None
    return Event(
        "commitment.rescheduled",
        milestone.id,
        milestone.title,
        midnight(on),
        "rescheduled",
        move.why,
        milestone=milestone,
        on=on,
        detail=(("first", move.first), ("now", move.now)),
    )


def missed_periods(commitment: Standing) -> list[Event]:
    """A standing promise's periods that missed their target, the day after each period ended (when it could be said)."""
    return [
        Event(
            "commitment.missed",
            commitment.id,
            commitment.title,
            midnight(day),
            m.period,
            m.note,
            on=day,
            detail=(("period", m.period), ("actual", m.actual)),
        )
        for m in commitment.measurements
        if metrics.counted(m) and m.met is False
        for day in (period_end(m.period) + timedelta(days=1),)
    ]


# Mistakes, corrections, prices, data, surveys.


def mistake_published(mistake: Mistake) -> Event:
    return Event(
        "mistake.new",
        mistake.id,
        mistake.title,
        midnight(mistake.on),
        "remedied" if mistake.remedy else None,
        mistake.what_happened,
        mistake=mistake,
        on=mistake.on,
    )


def corrected(kind: str, record: Any, history: History | None = None) -> list[Event]:
    """One event per correction of a published fact, with the values it changed when git knows them."""
    out = []
    for shown in corrections_shown(history, kind, getattr(record, "id", ""), record):
        c = shown.correction
        change = shown.changes[0] if len(shown.changes) == 1 else None
        values = (("old", change.old), ("new", change.new)) if change is not None and change.old and change.new else ()
        out.append(
            Event(
                f"{kind}.corrected",
                getattr(record, "id", ""),
                getattr(record, "title", ""),
                midnight(c.on),
                c.field,
                c.why,
                incident=record if isinstance(record, Incident) else None,
                milestone=record if isinstance(record, Milestone) else None,
                mistake=record if isinstance(record, Mistake) else None,
                on=c.on,
                detail=values,
            )
        )
    return out


def price_events(records: RecordSet) -> list[Event]:
    """Each price change, twice: when customers were told, and when the new price applied."""
    pricing = records.pricing
    if pricing is None:
        return []
    out = []
    for change in pricing.history:
        detail = (
            ("plan", change.plan),
            ("from", change.from_),
            ("to", change.to),
            ("currency", pricing.currency),
            ("effective", change.effective),
            ("notice", (change.effective - change.announced).days),
        )
        for what, day in (("announced", change.announced), ("effective", change.effective)):
            out.append(Event(f"pricing.{what}", "", change.plan, midnight(day), what, change.why, on=day, detail=detail))
    return out


def data_events(records: RecordSet) -> list[Event]:
    """Each change to who handles customer data (data.yml): when it was announced, and when it took effect."""
    out = []
    for data in records.of(DataUse):
        names = {p.id: p.name for p in data.processors}
        for change in data.changes:
            name = names.get(change.processor, change.processor)
            detail = (("change", change.change), ("effective", change.effective), ("notice", (change.effective - change.announced).days))
            out.append(
                Event("data.change", "", name, midnight(change.announced), change.change, change.why, on=change.announced, detail=detail)
            )
            out.append(Event("data.effective", "", name, midnight(change.effective), change.change, on=change.effective, detail=detail))
    return out


def survey_events(records: RecordSet) -> list[Event]:
    """Each wave of a trust survey, the day after its period ended, with how many answered."""
    out = []
    for survey in records.of(Survey):
        for result in surveys.results(survey):
            day = period_end(result.wave.period) + timedelta(days=1)
            answered = max((share.n for share in result.shares.values() if share is not None), default=0)
            detail = (("period", result.wave.period), ("stage", result.wave.stage), ("n", answered))
            out.append(Event("survey.wave", survey.id, survey.title, midnight(day), result.wave.stage, on=day, detail=detail))
    return out


# The whole record.


def record(records: RecordSet, as_of: date, history: History | None = None) -> list[Event]:
    """Every event of the record up to `as_of`, newest first: what the timeline lists, and the feeds carry.

    Incidents are their start, end and postmortem here; the feeds add each public update.
    """
    events: list[Event | None] = []
    for kind in kinds.kinds():  # each kind's events (its registry entry's hook), and the corrections of each of its records
        if kind.timeline is not None:
            events += kind.timeline(records, as_of, history)
            events += [event for item in kind.of(records) for event in corrected(kind.name, item, history)]
    # By day where the site is, newest first; within a day, by moment (sorting is stable).
    return sorted(newest_first(e for e in events if e is not None and e.day <= as_of), key=attrgetter("day"), reverse=True)


def newest_first(events: Iterable[Event]) -> Iterator[Event]:
    """Newest first; ties broken by id so the order never depends on file order.

    The same order as sorting by (at, id), given lazily: the ids (a hash each) are worked out only
    for ties among the events taken, and a feed takes its newest 50 of thousands.
    """
    for _, same_moment in itertools.groupby(sorted(events, key=attrgetter("at"), reverse=True), key=attrgetter("at")):
        group = list(same_moment)
        yield from sorted(group, key=attrgetter("id"), reverse=True) if len(group) > 1 else group
