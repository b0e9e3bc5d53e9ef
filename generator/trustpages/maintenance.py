"""Planned maintenance, held to its plan: announced in time or counted as an outage, and never "planned" once its window passed.

Rules (shown on the incident page and in "how we count"):
* Maintenance is announced when its first `scheduled` update came at least the policy's
  `maintenance_notice_hours` before `scheduled_for`. Otherwise (later, or no such update) it
  counts in uptime as an incident of its `unannounced_impact` (default major), and `check` warns.
* Maintenance whose `scheduled_until` passed before the start of the as_of day is no longer
  planned; without a `completed` update or `resolved` it overran, and `check` warns.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from trustpages.records import Incident, Policies

OVER = frozenset({"completed"})


def announced(incident: Incident) -> datetime | None:
    """When the maintenance was first announced: its first `scheduled` update."""
    return next((update.at for update in incident.updates if update.status == "scheduled"), None)


def notice(incident: Incident) -> timedelta | None:
    """How long before its planned start the maintenance was announced; None when it never was (or has no plan)."""
    first = announced(incident)
    if first is None or incident.scheduled_for is None:
        return None
    return incident.scheduled_for - first


def short_notice(incident: Incident, policies: Policies) -> bool:
    """Maintenance announced later than the policy asks (or never): it counts as an outage."""
    if incident.impact != "maintenance":
        return False
    ahead = notice(incident)
    return ahead is None or ahead.total_seconds() < policies.maintenance_notice_hours * 3600


def counted_impact(incident: Incident, policies: Policies) -> str:
    """The impact uptime counts: the incident's, or for maintenance announced too late, the impact it had."""
    return incident.impact_if_unannounced if short_notice(incident, policies) else incident.impact


def window_passed(incident: Incident, as_of: date, zone: ZoneInfo) -> bool:
    """Whether the planned window ended before the as_of day began (so it is no longer planned)."""
    return incident.scheduled_until is not None and incident.scheduled_until < datetime.combine(as_of, time(), zone)


def overran(incident: Incident, as_of: date, zone: ZoneInfo) -> bool:
    """Maintenance past its planned end with no `completed` update and no `resolved`."""
    return (
        incident.impact == "maintenance"
        and incident.resolved is None
        and window_passed(incident, as_of, zone)
        and not any(update.status in OVER for update in incident.updates)
    )
