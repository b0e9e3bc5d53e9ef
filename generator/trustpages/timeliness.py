"""When an incident's account reached the public, against the company's own promises: its first update and its postmortem.

The first update's time is the one it was posted with (`at`). A postmortem has no date of its
own, so its publication is the commit that added it to a published record (trustpages.history);
one not committed yet is published by the build that first shows it, so it counts from the
as_of day. A record committed with its postmortem already in it says nothing of when that was written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from trustpages.history import History
from trustpages.records import Incident, IncidentUpdate, Policies


@dataclass(frozen=True)
class Published:
    """When a postmortem was published and how many days after the incident was resolved."""

    on: date
    days: int
    late: bool  # later than the policy's postmortem_within_days


def postmortem_published(
    incident: Incident, history: History | None, as_of: date, zone: ZoneInfo, policies: Policies, logged: datetime | None = None
) -> Published | None:
    """The postmortem's publication, or None when there is none or nothing can tell (no log time, no history, a shallow clone).

    `logged`: when the public log first published it, which no commit date can move; else git history says.
    """
    if not incident.postmortem or incident.resolved is None:
        return None
    if logged is not None:
        on = logged.astimezone(zone).date()
        days = max(0, (on - incident.resolved.astimezone(zone).date()).days)
        return Published(on, days, days > policies.postmortem_within_days)
    if history is None or not history.available:
        return None
    added = history.added("incident", incident.id, "postmortem")
    if added is None and (
        not history.of("incident", incident.id) or history.born_with("incident", incident.id, "postmortem") or history.is_shallow
    ):
        # Published together with the record (a new record, or a history brought in at once): its
        # timeliness is the record's, not the postmortem's. In a shallow clone, git may not have the commit.
        return None
    on = added.astimezone(zone).date() if added is not None else as_of  # not committed yet: published by this build
    days = max(0, (on - incident.resolved.astimezone(zone).date()).days)
    return Published(on, days, days > policies.postmortem_within_days)


def first_update(incident: Incident) -> tuple[int, IncidentUpdate] | None:
    """The first public update posted at or after the start, with its place in `updates`; None without either."""
    started = incident.started
    if started is None:
        return None
    return next(((number, update) for number, update in enumerate(incident.updates) if update.at >= started), None)


def first_update_minutes(incident: Incident) -> int | None:
    """Whole minutes from the start to the first public update posted at or after it; None without either."""
    found = first_update(incident)
    if found is None or incident.started is None:
        return None
    return int((found[1].at - incident.started).total_seconds() // 60)
