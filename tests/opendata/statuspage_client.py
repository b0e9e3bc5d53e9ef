"""A client's model of Statuspage's public API (v2), written from its documentation, not from our code.

https://metastatuspage.com/api/v2/ documents summary.json, status.json, components.json,
incidents.json, incidents/unresolved.json and scheduled-maintenances.json. Every field is
required and unknown fields are rejected, so a misspelt or missing field fails the parse.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, HttpUrl


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(Strict):
    id: str
    name: str
    url: HttpUrl
    time_zone: str
    updated_at: datetime


class Status(Strict):
    indicator: Literal["none", "minor", "major", "critical", "maintenance"]
    description: str


ComponentStatus = Literal["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"]


class Component(Strict):
    id: str
    name: str
    status: ComponentStatus
    created_at: datetime
    updated_at: datetime
    position: int
    description: str | None
    showcase: bool
    start_date: date | None
    group_id: str | None
    page_id: str
    group: bool
    only_show_if_degraded: bool
    components: list[str] | None = None  # only on groups: the ids of their components


class AffectedComponent(Strict):
    code: str
    name: str
    old_status: ComponentStatus
    new_status: ComponentStatus


IncidentStatus = Literal["investigating", "identified", "monitoring", "resolved", "postmortem"]
MaintenanceStatus = Literal["scheduled", "in_progress", "verifying", "completed"]


class IncidentUpdate(Strict):
    id: str
    status: IncidentStatus | MaintenanceStatus
    body: str
    incident_id: str
    created_at: datetime
    updated_at: datetime
    display_at: datetime
    affected_components: list[AffectedComponent] | None
    deliver_notifications: bool
    custom_tweet: str | None
    tweet_id: str | None


class Incident(Strict):
    id: str
    name: str
    status: IncidentStatus
    impact: Literal["none", "minor", "major", "critical"]
    created_at: datetime
    updated_at: datetime | None
    monitoring_at: datetime | None
    resolved_at: datetime | None
    shortlink: HttpUrl
    started_at: datetime
    page_id: str
    incident_updates: list[IncidentUpdate]
    components: list[Component]


class ScheduledMaintenance(Incident):
    status: MaintenanceStatus  # type: ignore[assignment]
    impact: Literal["none", "minor", "major", "critical", "maintenance"]  # type: ignore[assignment]
    scheduled_for: datetime
    scheduled_until: datetime


class SummaryResponse(Strict):
    page: Page
    status: Status
    components: list[Component]
    incidents: list[Incident]
    scheduled_maintenances: list[ScheduledMaintenance]


class StatusResponse(Strict):
    page: Page
    status: Status


class ComponentsResponse(Strict):
    page: Page
    components: list[Component]


class IncidentsResponse(Strict):
    page: Page
    incidents: list[Incident]


class ScheduledMaintenancesResponse(Strict):
    page: Page
    scheduled_maintenances: list[ScheduledMaintenance]
