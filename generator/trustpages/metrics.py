"""Promise-kept metrics: pure functions of (records, as_of), defined once and shown with their method."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median
from zoneinfo import ZoneInfo

from trustpages import maintenance, timeliness
from trustpages.records import Incident, Milestone, Mistake, RecordSet, Standing
from trustpages.records.commitment import FINISHED, Measurement

# Order in which statuses are listed: bad news first.
STATUSES = ("overdue", "broken", "partly_kept", "kept", "stalled", "in_progress", "not_started", "withdrawn")
DECIDED = ("kept", "partly_kept", "broken", "overdue")
DELIVERED = frozenset({"kept", "partly_kept"})
INCIDENT_IMPACTS = ("critical", "major", "partial", "minor", "none")
SERIOUS = ("major", "critical")


def status(milestone: Milestone, as_of: date) -> str:
    """The status shown: `overdue` when the due date (as first published) passed unfinished, `broken` when it was
    withdrawn after that date, else the last update's."""
    typed = milestone.status
    if milestone.counted_due < as_of and typed not in FINISHED:
        return "overdue"
    if typed == "withdrawn" and milestone.updates[-1].on > milestone.counted_due:
        return "broken"  # withdrawn once overdue: withdrawing is no escape from a promise already missed
    return typed


def finished_on(milestone: Milestone) -> date | None:
    """The date of the update that finished the promise (kept, partly kept or broken)."""
    last = milestone.updates[-1] if milestone.updates else None
    return last.on if last and last.status in {"kept", "partly_kept", "broken"} else None


def days_late(milestone: Milestone, as_of: date) -> int | None:
    """Days past the due date as first published: until it was delivered (kept or partly kept), or until
    as_of while overdue; None when on time, and for a broken promise, which was never delivered."""
    shown = status(milestone, as_of)
    if shown == "broken":
        return None
    end = as_of if shown == "overdue" else finished_on(milestone)
    if end is None or end <= milestone.counted_due:
        return None
    return (end - milestone.counted_due).days


def rate(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class PromiseTally:
    """Milestone promises counted by shown status; overdue ones count only as overdue."""

    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, milestones: Iterable[Milestone], as_of: date) -> PromiseTally:
        counted = Counter(status(milestone, as_of) for milestone in milestones)
        return cls({name: counted.get(name, 0) for name in STATUSES})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def decided(self) -> int:
        return sum(self.counts[name] for name in DECIDED)

    @property
    def kept_rate(self) -> float | None:
        """kept / (kept + partly_kept + broken + overdue); None when nothing is decided yet."""
        return rate(self.counts["kept"], self.decided)

    def __getitem__(self, name: str) -> int:
        return self.counts[name]


@dataclass(frozen=True)
class StandingRecord:
    """How often a standing promise met its target."""

    commitment: Standing
    measured: int
    met: int

    @property
    def met_rate(self) -> float | None:
        return rate(self.met, self.measured)


def counted(measurement: Measurement) -> bool:
    """Whether a period counts for or against a standing promise: it was decided, and there was something to measure."""
    return measurement.met is not None and not _NOTHING.match(measurement.actual)


_NOTHING = re.compile(r"\s*0\s*(?:of|/)\s*0\s*\Z", re.IGNORECASE)  # "0 of 0": no period met or missed


def milestones(records: RecordSet) -> list[Milestone]:
    return [commitment for commitment in records.commitments if isinstance(commitment, Milestone)]


def standing(records: RecordSet) -> list[StandingRecord]:
    return [
        StandingRecord(c, sum(1 for m in c.measurements if counted(m)), sum(1 for m in c.measurements if counted(m) and m.met))
        for c in records.commitments
        if isinstance(c, Standing)
    ]


def quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def kept_rate_by(records: RecordSet, as_of: date, key: str) -> dict[str, PromiseTally]:
    """Tallies grouped by `category`, or by `quarter` of the due date (only quarters already begun)."""
    groups: dict[str, list[Milestone]] = defaultdict(list)
    for milestone in milestones(records):
        if key == "category":
            groups[milestone.category].append(milestone)
        elif milestone.counted_due <= as_of or status(milestone, as_of) in FINISHED:
            groups[quarter(milestone.counted_due)].append(milestone)
    return {name: PromiseTally.of(group, as_of) for name, group in sorted(groups.items())}


def on_time_rate(records: RecordSet, as_of: date) -> float | None:
    """Kept or partly kept on or before the due date as first published, out of every decided milestone.

    A promise already kept when it was made (finished on or before `made_on`, as the public log dates
    both) was never open to be kept on time: it counts as decided, not as on time.
    """
    decided = [m for m in milestones(records) if status(m, as_of) in DECIDED]
    on_time = [m for m in decided if status(m, as_of) in DELIVERED and m.made_on < (finished_on(m) or m.counted_due) <= m.counted_due]
    return rate(len(on_time), len(decided))


def median_days_late(records: RecordSet, as_of: date) -> float | None:
    """Median days late over promises delivered late (kept or partly kept after the due date as first published).

    Overdue and broken promises were not delivered, so they have no lateness to count: they count
    against the kept rate instead.
    """
    late = [days for m in milestones(records) if status(m, as_of) in DELIVERED and (days := days_late(m, as_of)) is not None]
    return median(late) if late else None


def rescheduled(records: RecordSet) -> list[Milestone]:
    """Milestones whose due date moved after they were first published (counted at the first date all the same)."""
    return [m for m in milestones(records) if m.rescheduled]


def is_open(incident: Incident) -> bool:
    """An incident (not maintenance) that has not been resolved."""
    return incident.impact != "maintenance" and incident.resolved is None


def real_incidents(records: RecordSet) -> list[Incident]:
    """Incidents that are not maintenance and have started."""
    return [i for i in records.incidents if i.impact != "maintenance" and i.started is not None]


def open_incidents(records: RecordSet) -> list[Incident]:
    return sorted((i for i in real_incidents(records) if is_open(i)), key=lambda i: i.started, reverse=True)  # type: ignore[arg-type,return-value]


def upcoming_maintenance(records: RecordSet, as_of: date) -> list[Incident]:
    """Maintenance not finished yet whose window has not passed, soonest first (past it, it overran: see trustpages.maintenance)."""
    zone = ZoneInfo(records.site.timezone)
    planned = [
        i
        for i in records.incidents
        if i.impact == "maintenance" and i.resolved is None and i.scheduled_for and not maintenance.window_passed(i, as_of, zone)
    ]
    return sorted(planned, key=lambda i: i.scheduled_for)  # type: ignore[arg-type,return-value]


def days_since_serious(records: RecordSet, as_of: date) -> int | None:
    """Days from the start of the latest major or critical incident to as_of; 0 while one is open."""
    serious = [i for i in real_incidents(records) if i.impact in SERIOUS]
    if not serious:
        return None
    if any(is_open(i) for i in serious):
        return 0
    latest = max(i.started.date() for i in serious)  # type: ignore[union-attr]
    return max((as_of - latest).days, 0)


def latest_serious(records: RecordSet) -> Incident | None:
    """The major or critical incident that started last: the one "days since" counts from, named beside it."""
    serious = [i for i in real_incidents(records) if i.impact in SERIOUS]
    return max(serious, key=lambda i: (i.started, i.id), default=None)


def minutes(delta: timedelta) -> float:
    return delta.total_seconds() / 60


def median_minutes_to_first_update(records: RecordSet) -> float | None:
    waits = [
        minutes(found[1].at - incident.started)  # type: ignore[operator]  # first_update found one: it started
        for incident in real_incidents(records)
        if (found := timeliness.first_update(incident))
    ]
    return median(waits) if waits else None


def median_minutes_to_resolution(records: RecordSet) -> float | None:
    spans = [minutes(i.resolved - i.started) for i in real_incidents(records) if i.resolved]  # type: ignore[operator]
    return median(spans) if spans else None


def incidents_by_quarter(records: RecordSet) -> dict[str, dict[str, int]]:
    """Incident counts per quarter of their start, by impact (maintenance is not counted)."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for incident in real_incidents(records):
        table[quarter(incident.started.date())][incident.impact] += 1  # type: ignore[union-attr]
    # Every quarter from the first to the last, a quiet one as zeros: a chart that skipped it would
    # put two bad quarters side by side and hide the good one between them.
    return (
        {q: {impact: table[q].get(impact, 0) for impact in INCIDENT_IMPACTS} for q in _quarters_between(min(table), max(table))}
        if table
        else {}
    )


def _quarters_between(first: str, last: str) -> list[str]:
    """Every quarter label from `first` to `last`, both included: 2025-Q4, 2026-Q1, …"""
    year, number = int(first[:4]), int(first[-1])
    out = []
    while (label := f"{year}-Q{number}") <= last:
        out.append(label)
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return out


def latest_mistake(records: RecordSet) -> Mistake | None:
    return max(records.mistakes, key=lambda m: (m.on, m.id), default=None)


@dataclass(frozen=True)
class Summary:
    """The headline numbers, as shown on the home page and in open data."""

    as_of: date
    milestones: PromiseTally
    standing_total: int
    periods_measured: int
    periods_met: int
    incidents_total: int
    incidents_open: int
    days_since_serious: int | None
    rescheduled: int = 0

    @property
    def promise_kept_rate(self) -> float | None:
        return self.milestones.kept_rate

    @property
    def standing_met_rate(self) -> float | None:
        return rate(self.periods_met, self.periods_measured)


def summarise(records: RecordSet, as_of: date) -> Summary:
    standing_records = standing(records)
    return Summary(
        as_of=as_of,
        milestones=PromiseTally.of(milestones(records), as_of),
        standing_total=len(standing_records),
        periods_measured=sum(s.measured for s in standing_records),
        periods_met=sum(s.met for s in standing_records),
        incidents_total=len(real_incidents(records)),
        incidents_open=len(open_incidents(records)),
        days_since_serious=days_since_serious(records, as_of),
        rescheduled=len(rescheduled(records)),
    )
