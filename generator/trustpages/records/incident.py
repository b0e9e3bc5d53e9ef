"""Incidents: what went wrong with the service, and scheduled maintenance."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trustpages.records.common import Line, Moment, Record, Slug, Text
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction

# Least to most serious; `partial` (a feature or platform does not work, the rest does) sits between slow and
# partly down, so a broken feature is never filed as "minor" and counted as no downtime at all.
Impact = Literal["none", "minor", "partial", "major", "critical", "maintenance"]
UpdateStatus = Literal[
    "investigating",
    "identified",
    "monitoring",
    "update",
    "resolved",
    "postmortem",
    "scheduled",
    "in_progress",
    "verifying",
    "completed",
]


class IncidentUpdate(Record):
    """One public update posted during an incident."""

    at: Moment = Field(description="When it was posted, with time zone, e.g. 2026-03-04T09:20:00Z.")
    status: UpdateStatus = Field(
        description="investigating, identified, monitoring, update or resolved; for maintenance: "
        "scheduled, in_progress, verifying or completed."
    )
    body: Text = Field(description="What we told customers, in plain words, e.g. We are looking into failed logins.")


class Incident(Record):
    """content/incidents/<date>-<slug>.yml: one incident or maintenance window."""

    id: str = Field("", exclude=True)
    title: Line = Field(description="What customers noticed, e.g. Some customers could not log in.")
    impact: Impact = Field(
        description="How bad it was for customers: none; minor (slower, but everything works); partial (a feature or platform "
        "does not work, the rest does); major (many customers cannot use a main part); critical (down for everyone); "
        "or maintenance (planned work), e.g. major."
    )
    started: Moment | None = Field(
        None, description="When it started, e.g. 2026-03-04T09:12:00Z. Planned maintenance leaves it out until the work starts."
    )
    resolved: Moment | None = Field(None, description="When it was fixed, e.g. 2026-03-04T10:05:00Z; leave it out while it is ongoing.")
    affected: tuple[Slug, ...] = Field((), description="Ids of the components affected, from site.yml, e.g. [login, api].")
    summary: Text = Field(description="What happened, in one or two sentences.")
    updates: tuple[IncidentUpdate, ...] = Field(
        (),
        description="What customers were told, oldest first, e.g. {at: 2026-03-04T09:20:00Z, status: investigating, body: We are looking into it.}",
    )
    cause: Text | None = Field(None, description="Why it happened, in plain words, e.g. We renewed certificates by hand and missed one.")
    postmortem: Text | None = Field(
        None, description="The full write-up (Markdown), or a link to it, e.g. https://example.com/blog/login-outage."
    )
    follow_ups: tuple[Slug, ...] = Field(
        (), description="Ids of commitments made because of this incident, e.g. [automatic-certificate-renewal]."
    )
    remedy: Text | None = Field(None, description="What affected customers were offered, e.g. a day of credit.")
    scheduled_for: Moment | None = Field(None, description="Maintenance only: when it is planned to start, e.g. 2026-12-12T22:00:00Z.")
    scheduled_until: Moment | None = Field(None, description="Maintenance only: when it is planned to end, e.g. 2026-12-13T02:00:00Z.")
    unannounced_impact: Literal["none", "minor", "partial", "major", "critical"] | None = Field(
        None,
        description="Maintenance only: how bad the work was for customers (major when left out); it counts as an incident "
        "of this impact when it was announced later than site.yml's maintenance_notice_hours, e.g. minor.",
    )
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)

    @property
    def impact_if_unannounced(self) -> str:
        """The impact maintenance counts as when announced too late: `unannounced_impact`, else major."""
        return self.unannounced_impact or "major"
