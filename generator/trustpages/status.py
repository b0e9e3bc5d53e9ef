"""Service status: each component's state now, and its uptime day by day, computed from incidents.

How a period counts (shown on the site): a critical incident is a major outage and counts as
full downtime; a major incident is a partial outage and counts as 30 % downtime; a partial one
(a feature does not work, the rest does) is a partial outage too and counts as 10 %; a minor
incident is degraded performance and counts as none; maintenance counts only when it was announced
later than the policy asks (trustpages.maintenance), as an incident of the impact it had. Where incidents
overlap on a component, the worst one counts, never the sum. Days are days in the site's time
zone; an incident still open counts until the end of the as_of day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from trustpages.maintenance import OVER, short_notice, window_passed
from trustpages.records import Component, Incident, Policies, RecordSet

# Component states, best to worst; Statuspage's names, so the v2 API can reuse them.
STATES = ("operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage")
STATE_OF_IMPACT = {
    "none": "operational",
    "minor": "degraded_performance",
    "partial": "partial_outage",
    "major": "partial_outage",
    "critical": "major_outage",
    "maintenance": "under_maintenance",
}
# The share of each minute counted as downtime; the strings' "how we count" states each one.
DOWNTIME_WEIGHT = {"critical": 1.0, "major": 0.3, "partial": 0.1, "minor": 0.0, "none": 0.0, "maintenance": 0.0}
WINDOW_DAYS = 90


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(), zone)


def is_active(incident: Incident, now: datetime) -> bool:
    """Started (never merely scheduled), not resolved, and not in the future."""
    return incident.started is not None and incident.started <= now and incident.resolved is None


# Where an incident or maintenance stands, as every page and data file words it: one function, so planned work a
# week away can never read as "ongoing" on one page while the Statuspage data says scheduled.
PHASES = ("scheduled", "in_progress", "overran", "completed", "ongoing", "resolved")
_PHASE_MARK = {"scheduled": "○", "in_progress": "●", "overran": "●", "completed": "✓", "ongoing": "●", "resolved": "✓"}


def phase(incident: Incident, as_of: date, zone: ZoneInfo) -> str:
    """`ongoing` or `resolved` for an incident; `scheduled`, `in_progress`, `overran` or `completed` for maintenance.

    Maintenance is in progress once it started (its `started`, or an in_progress or verifying update by
    the end of as_of); before that it is scheduled, however near its window; past its window unfinished, overran.
    """
    if incident.impact != "maintenance":
        return "resolved" if incident.resolved is not None else "ongoing"
    if incident.resolved is not None or any(u.status in OVER for u in incident.updates):
        return "completed"
    if window_passed(incident, as_of, zone):
        return "overran"
    now = end_of_day(as_of, zone)
    begun = (incident.started is not None and incident.started <= now) or any(
        u.status in ("in_progress", "verifying") and u.at <= now for u in incident.updates
    )
    return "in_progress" if begun else "scheduled"


def phase_mark(name: str) -> str:
    """The sign shown before a phase's word (never colour alone): ○ planned, ● happening, ✓ over."""
    return _PHASE_MARK[name]


def component_state(component: Component, incidents: list[Incident], now: datetime) -> str:
    """The worst state any active incident puts this component in."""
    states = [STATE_OF_IMPACT[i.impact] for i in incidents if component.id in i.affected and is_active(i, now)]
    return max(states, key=STATES.index, default="operational")


@dataclass(frozen=True)
class Day:
    """One day of one component: its worst state, downtime in minutes and the incidents behind it.

    `minutes_in` is how long the component really was in each state worse than operational, in
    plain time (at every moment its worst state), so a reader sees "4 h 10 min partial outage"
    beside the weighted downtime it counts as.
    """

    day: date
    state: str
    downtime_minutes: float
    incidents: tuple[Incident, ...]
    minutes_in: tuple[tuple[str, float], ...] = ()


class Measured(Protocol):
    """What an uptime figure is shown from: the weighted share, and whether any fault lies behind it."""

    @property
    def uptime(self) -> float: ...

    @property
    def faulted(self) -> bool: ...


@dataclass(frozen=True)
class ComponentStatus:
    component: Component
    state: str
    days: tuple[Day, ...]

    @property
    def uptime(self) -> float:
        """Share of the window without weighted downtime, 0-1."""
        total = len(self.days) * 24 * 60
        return 1 - sum(d.downtime_minutes for d in self.days) / total if total else 1.0

    @property
    def faulted(self) -> bool:
        """Whether the component was slow or (partly) down at any moment of the window: its uptime then never reads 100 %.

        Planned maintenance is no fault: it counts only when announced too late, and then as the incident it was.
        """
        return any(state != "under_maintenance" for day in self.days for state, _ in day.minutes_in)

    @property
    def trouble_days(self) -> list[Day]:
        return [d for d in self.days if d.incidents]

    @property
    def minutes_in(self) -> tuple[tuple[str, float], ...]:
        """Minutes in each state worse than operational over the window, worst state first."""
        totals: dict[str, float] = {}
        for day in self.days:
            for state, minutes in day.minutes_in:
                totals[state] = totals.get(state, 0.0) + minutes
        return _worst_first(totals)


@dataclass(frozen=True)
class GroupStatus:
    name: str
    components: tuple[ComponentStatus, ...]

    @property
    def state(self) -> str:
        return max((c.state for c in self.components), key=STATES.index, default="operational")

    @property
    def uptime(self) -> float:
        """The mean uptime of the group's components."""
        return sum(c.uptime for c in self.components) / len(self.components) if self.components else 1.0

    @property
    def faulted(self) -> bool:
        """Whether any of the group's components was worse than operational in the window."""
        return any(c.faulted for c in self.components)


@dataclass(frozen=True)
class ServiceStatus:
    as_of: date
    groups: tuple[GroupStatus, ...]

    @property
    def components(self) -> list[ComponentStatus]:
        return [c for g in self.groups for c in g.components]

    @property
    def state(self) -> str:
        return max((g.state for g in self.groups), key=STATES.index, default="operational")


def service_status(records: RecordSet, as_of: date, window: int = WINDOW_DAYS) -> ServiceStatus:
    """Every component's state at the end of as_of and its last `window` days, grouped as in site.yml."""
    zone = ZoneInfo(records.site.timezone)
    now = end_of_day(as_of, zone)
    days = [as_of - timedelta(days=offset) for offset in range(window - 1, -1, -1)]
    window_start = datetime.combine(days[0], time(), zone)
    counted = (_as_counted(i, records.site.policies, now) for i in records.incidents)
    incidents = [i for i in counted if i.started is not None and (i.resolved is None or i.resolved >= window_start)]
    groups: dict[str, list[ComponentStatus]] = {}
    for component in records.site.components:
        mine = [i for i in incidents if component.id in i.affected]
        status = ComponentStatus(
            component,
            component_state(component, mine, now),
            tuple(_day(day, mine, zone, now) for day in days),
        )
        groups.setdefault(component.group or "", []).append(status)
    # Components without a group come after every group, so they never read as part of the one above.
    ordered = sorted(groups.items(), key=lambda item: item[0] == "")
    return ServiceStatus(as_of, tuple(GroupStatus(name, tuple(items)) for name, items in ordered))


def _as_counted(incident: Incident, policies: Policies, now: datetime) -> Incident:
    """Maintenance announced too late counts as the outage it was: its unannounced_impact, from its (planned) start."""
    if not short_notice(incident, policies):
        return incident
    planned = incident.scheduled_for if incident.scheduled_for is not None and incident.scheduled_for <= now else None
    return incident.model_copy(update={"impact": incident.impact_if_unannounced, "started": incident.started or planned})


def _day(day: date, incidents: list[Incident], zone: ZoneInfo, now: datetime) -> Day:
    start = datetime.combine(day, time(), zone)
    end = min(end_of_day(day, zone), now)
    spans: list[tuple[datetime, datetime, Incident]] = []
    for incident in incidents:
        if incident.started is None:  # only incidents that started are counted (service_status)
            continue
        began = max(incident.started, start)
        ended = min(incident.resolved or now, end)
        if began < ended or (began == ended and incident.started == incident.resolved and start <= began < end):
            spans.append((began, ended, incident))
    state = max((STATE_OF_IMPACT[i.impact] for _, _, i in spans), key=STATES.index, default="operational")
    return Day(day, state, _weighted_minutes(spans), tuple(dict.fromkeys(i for _, _, i in spans)), _minutes_by_state(spans))


def _minutes_by_state(spans: list[tuple[datetime, datetime, Incident]]) -> tuple[tuple[str, float], ...]:
    """Plain minutes in each state worse than operational, where at every moment the worst state counts."""
    edges = sorted({moment for began, ended, _ in spans for moment in (began, ended)})
    totals: dict[str, float] = {}
    for left, right in zip(edges, edges[1:], strict=False):
        states = [STATE_OF_IMPACT[i.impact] for began, ended, i in spans if began <= left and ended >= right]
        worst = max(states, key=STATES.index, default="operational")
        if worst != "operational":
            totals[worst] = totals.get(worst, 0.0) + (right - left).total_seconds() / 60
    return _worst_first(totals)


def _worst_first(totals: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted(((s, m) for s, m in totals.items() if m > 0), key=lambda item: -STATES.index(item[0])))


def _weighted_minutes(spans: list[tuple[datetime, datetime, Incident]]) -> float:
    """Minutes of downtime where, at every moment, only the worst overlapping incident counts."""
    edges = sorted({moment for began, ended, _ in spans for moment in (began, ended)})
    total = 0.0
    for left, right in zip(edges, edges[1:], strict=False):
        weight = max((DOWNTIME_WEIGHT[i.impact] for began, ended, i in spans if began <= left and ended >= right), default=0.0)
        total += weight * (right - left).total_seconds() / 60
    return total
