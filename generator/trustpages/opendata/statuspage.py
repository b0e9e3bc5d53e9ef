"""/api/v2/: the public Statuspage API's files, so widgets and clients written for Statuspage read a trustpages site.

Shapes follow Statuspage's public (unauthenticated) API: summary.json, status.json,
components.json, incidents.json, incidents/unresolved.json and scheduled-maintenances.json.
Statuspage ids are opaque strings; ours are record and component ids, so they stay stable.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from trustpages.opendata.links import dumps, midnight, record_url, stamp, utc
from trustpages.records import Component, Incident, RecordSet
from trustpages.status import STATE_OF_IMPACT, ServiceStatus, end_of_day, is_active

FOLDER = "api/v2"
PATHS = (
    "summary.json",
    "status.json",
    "components.json",
    "incidents.json",
    "incidents/unresolved.json",
    "scheduled-maintenances.json",
)
# Statuspage's incident impacts have no level for a partial outage: it is "minor" there, with its components
# in partial_outage (Statuspage itself words a partial outage's incident as major, which is our next level up),
# and trustpages' Statuspage import reads that pair back as partial.
STATUSPAGE_IMPACT = {"partial": "minor"}
# Statuspage's overall indicator: the worst impact among incidents in progress.
INDICATORS = ("none", "maintenance", "minor", "major", "critical")
DESCRIPTIONS = {
    "none": "All Systems Operational",
    "maintenance": "Service Under Maintenance",
    "minor": "Minor Service Outage",
    "major": "Partial System Outage",
    "critical": "Major Service Outage",
}
# Statuspage has no `update` status: such an update keeps the status the incident had.
INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved", "postmortem")
MAINTENANCE_STATUSES = ("scheduled", "in_progress", "verifying", "completed")
# After these updates, the affected components are back to operational.
CLEARED = {"resolved", "postmortem", "completed", "scheduled"}
# Statuspage's incidents.json holds the 50 most recent incidents; clients page no further.
# Every unresolved one is listed too, however old: an incident left open must stay in view.
RECENT_INCIDENTS = 50


def statuspage_impact(incident: Incident) -> str:
    """The incident's impact in Statuspage's words (none, minor, major, critical, maintenance)."""
    return STATUSPAGE_IMPACT.get(incident.impact, incident.impact)


def files(records: RecordSet, as_of: date, service: ServiceStatus) -> dict[str, bytes]:
    """Every /api/v2/ file, by path."""
    api = Api(records, as_of, service)
    documents = {
        "summary.json": api.summary(),
        "status.json": {"page": api.page(), "status": api.status()},
        "components.json": {"page": api.page(), "components": api.components()},
        "incidents.json": {"page": api.page(), "incidents": [api.incident(i) for i in api.recent()]},
        "incidents/unresolved.json": {"page": api.page(), "incidents": [api.incident(i) for i in api.unresolved()]},
        "scheduled-maintenances.json": {
            "page": api.page(),
            "scheduled_maintenances": [api.incident(i) for i in api.maintenances()],
        },
    }
    return {f"{FOLDER}/{path}": dumps(document) for path, document in documents.items()}


class Api:
    """The Statuspage view of the records on as_of (at the end of that day, in the site's time zone)."""

    def __init__(self, records: RecordSet, as_of: date, service: ServiceStatus) -> None:
        self.records = records
        self.site = records.site
        self.now = end_of_day(as_of, ZoneInfo(records.site.timezone))
        self.as_of = as_of
        self.service = service
        self.page_id = hashlib.sha256(self.site.url.encode("utf-8")).hexdigest()[:12]
        self._known = {c.id: c for c in self.site.components}
        # Each incident's moments up to now, and the incidents touching each component: read once.
        self._moments = {i.id: [m for m in _moments(i) if m <= self.now] for i in records.incidents}
        self._touching: dict[str, list[Incident]] = {c.id: [] for c in self.site.components}
        for incident in records.incidents:
            for cid in dict.fromkeys(incident.affected):
                if cid in self._touching:
                    self._touching[cid].append(incident)
        self._page = self._page_fields()
        self._listed = self._components()
        self._by_id = {c["id"]: c for c in self._listed if not c["group"]}

    # What is listed -----------------------------------------------------------------

    def incidents(self) -> list[Incident]:
        """Incidents (not maintenance) that have started, newest first."""
        return _newest_first(i for i in self.records.incidents if i.impact != "maintenance" and i.started is not None)

    def unresolved(self) -> list[Incident]:
        return [i for i in self.incidents() if i.resolved is None]

    def recent(self) -> list[Incident]:
        """The RECENT_INCIDENTS newest incidents, and any older one still unresolved, newest first."""
        every = self.incidents()
        return every[:RECENT_INCIDENTS] + [i for i in every[RECENT_INCIDENTS:] if i.resolved is None]

    def maintenances(self) -> list[Incident]:
        """Maintenance not completed yet: upcoming or in progress, as Statuspage lists it."""
        return _newest_first(i for i in self.records.incidents if i.impact == "maintenance" and i.resolved is None)

    # Shapes ---------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        return {
            "page": self.page(),
            "status": self.status(),
            "components": self.components(),
            "incidents": [self.incident(i) for i in self.unresolved()],
            "scheduled_maintenances": [self.incident(i) for i in self.maintenances()],
        }

    def page(self) -> dict[str, Any]:
        return self._page

    def _page_fields(self) -> dict[str, Any]:
        return {
            "id": self.page_id,
            "name": self.site.name,
            "url": self.site.url.rstrip("/"),
            "time_zone": self.site.timezone,
            "updated_at": stamp(self._latest(self.records.incidents)),
        }

    def status(self) -> dict[str, str]:
        active = [i for i in self.records.incidents if is_active(i, self.now)]
        impacts = [statuspage_impact(i) for i in active]
        indicator = max(impacts, key=INDICATORS.index, default="none")
        return {"indicator": indicator, "description": DESCRIPTIONS[indicator]}

    def components(self) -> list[dict[str, Any]]:
        return self._listed

    def _components(self) -> list[dict[str, Any]]:
        """Components, each group first as a component of its own (`group: true`), as Statuspage lists them."""
        out: list[dict[str, Any]] = []
        for group in self.service.groups:
            group_id = f"group-{_slug(group.name)}" if group.name else None
            heading = len(out)
            members = [
                self._component(s.component, s.state, heading + n + (2 if group_id else 1), group_id)
                for n, s in enumerate(group.components)
            ]
            if group_id:
                out.append(
                    {
                        **self._component(None, group.state, heading + 1, None, name=group.name, id=group_id),
                        "group": True,
                        "components": [m["id"] for m in members],
                        "created_at": min(m["created_at"] for m in members),
                        "updated_at": max(m["updated_at"] for m in members),
                    }
                )
            out.extend(members)
        return out

    def _component(self, component: Component | None, state: str, position: int, group_id: str | None, **override: str) -> dict[str, Any]:
        touching = self._touching[component.id] if component is not None else []
        return {
            "id": override.get("id") or component.id,  # type: ignore[union-attr]
            "name": override.get("name") or component.name,  # type: ignore[union-attr]
            "status": state,
            "created_at": stamp(self._earliest(touching)),
            "updated_at": stamp(self._latest(touching)),
            "position": position,
            "description": component.description if component else None,
            "showcase": True,
            "start_date": None,
            "group_id": group_id,
            "page_id": self.page_id,
            "group": False,
            "only_show_if_degraded": False,
        }

    def incident(self, incident: Incident) -> dict[str, Any]:
        updates = self._updates(incident)
        moments = _moments(incident)
        monitoring = next((u["created_at"] for u in reversed(updates) if u["status"] == "monitoring"), None)
        started = incident.started or incident.scheduled_for
        out: dict[str, Any] = {
            "id": incident.id,
            "name": incident.title,
            "status": updates[0]["status"] if updates else self._status_without_updates(incident),
            "impact": statuspage_impact(incident),
            "created_at": stamp(min(moments)) if moments else None,
            "updated_at": stamp(max(moments)) if moments else None,
            "monitoring_at": monitoring,
            "resolved_at": stamp(incident.resolved) if incident.resolved else None,
            "shortlink": record_url(self.site, "incident", incident.id),
            "started_at": stamp(started) if started else None,
            "page_id": self.page_id,
            "incident_updates": updates,
            "components": [self._by_id[c.id] for c in self._affected(incident)],
        }
        if incident.impact == "maintenance":
            out["scheduled_for"] = stamp(incident.scheduled_for) if incident.scheduled_for else None
            out["scheduled_until"] = stamp(incident.scheduled_until) if incident.scheduled_until else None
        return out

    def _updates(self, incident: Incident) -> list[dict[str, Any]]:
        """The incident's updates, newest first (as Statuspage lists them), with component changes."""
        allowed = MAINTENANCE_STATUSES if incident.impact == "maintenance" else INCIDENT_STATUSES
        status = allowed[0]
        state = "operational"
        out: list[dict[str, Any]] = []
        for number, update in enumerate(incident.updates, start=1):
            status = update.status if update.status in allowed else status
            new_state = "operational" if status in CLEARED else STATE_OF_IMPACT[incident.impact]
            at = stamp(update.at)
            out.append(
                {
                    "id": f"{incident.id}-{number}",
                    "status": status,
                    "body": update.body,
                    "incident_id": incident.id,
                    "created_at": at,
                    "updated_at": at,
                    "display_at": at,
                    "affected_components": [
                        {"code": c.id, "name": c.name, "old_status": state, "new_status": new_state} for c in self._affected(incident)
                    ],
                    "deliver_notifications": True,
                    "custom_tweet": None,
                    "tweet_id": None,
                }
            )
            state = new_state
        return list(reversed(out))

    def _status_without_updates(self, incident: Incident) -> str:
        if incident.impact == "maintenance":
            return "in_progress" if is_active(incident, self.now) else "scheduled"
        return "resolved" if incident.resolved else "investigating"

    def _affected(self, incident: Incident) -> list[Component]:
        return [self._known[cid] for cid in incident.affected if cid in self._known]

    def _latest(self, incidents: Any) -> datetime:
        """The newest moment of these incidents up to now; as_of when there is none."""
        return max((m for i in incidents for m in self._moments[i.id]), default=midnight(self.as_of))

    def _earliest(self, incidents: Any) -> datetime:
        return min((m for i in incidents for m in self._moments[i.id]), default=midnight(self.as_of))


def _moments(incident: Incident) -> list[datetime]:
    """Every moment an incident record names, in UTC."""
    found = [incident.started, incident.resolved, incident.scheduled_for, *(u.at for u in incident.updates)]
    return [utc(m) for m in found if m is not None]


def _newest_first(incidents: Any) -> list[Incident]:
    def started(i: Incident) -> str:
        when = i.started or i.scheduled_for
        return stamp(when) if when else ""

    return sorted(incidents, key=lambda i: (started(i), i.id), reverse=True)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "group"
