"""The shapes of the /api/v1/ JSON files as pydantic models: the published JSON Schemas are generated from them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# The format version of every /api/v1/ file. Adding a field or a file keeps it; renaming,
# removing or changing the meaning of one raises it (the rule is published on the Open data page).
VERSION = "1"

Rate = Annotated[float | None, Field(ge=0, le=1, description="A share from 0 to 1; null when nothing counts yet.")]
Money = Annotated[int | float, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]


class Shape(BaseModel):
    """Base of the published shapes: frozen; extra keys allowed in the schema, so adding a field is not breaking."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)


class Correction(Shape):
    """A published fact changed on purpose, said in public."""

    on: date
    field: str = Field(description="The field corrected: a dotted path, items counted from 1, e.g. impact or updates.2.body.")
    why: str


class SiteRef(Shape):
    name: str
    url: str


class Document(Shape):
    """Fields every /api/v1/ file starts with."""

    schema_: str = Field(alias="$schema", description="Address of the JSON Schema this file follows.")
    version: Literal["1"] = Field("1", description="Format version; raised only by a breaking change.")
    as_of: date = Field(description="The date the numbers were computed for.")
    site: SiteRef


# summary.json ---------------------------------------------------------------------------


class MilestoneCounts(Shape):
    """Milestone promises by shown status; an overdue one counts only as overdue."""

    total: Count
    kept: Count
    partly_kept: Count
    broken: Count
    overdue: Count
    in_progress: Count
    not_started: Count
    stalled: Count
    withdrawn: Count


class StandingCounts(Shape):
    total: Count = Field(description="Standing promises.")
    periods_measured: Count
    periods_met: Count
    met_rate: Rate


class IncidentCounts(Shape):
    total: Count = Field(description="Incidents that started (maintenance is not counted).")
    open: Count = Field(description="Incidents not resolved yet.")
    days_since_serious: Count | None = Field(description="Days since the latest major or critical incident started; 0 while one is open.")


class MistakeCounts(Shape):
    total: Count


class Summary(Document):
    """summary.json: the headline numbers of the home page."""

    milestones: MilestoneCounts
    promise_kept_rate: Rate = Field(description="kept / (kept + partly_kept + broken + overdue).")
    standing: StandingCounts
    incidents: IncidentCounts
    mistakes: MistakeCounts
    rescheduled: Count = Field(
        0, description="Milestone promises whose due date moved after they were published; each counts at its first date."
    )
    site_corrections: list[Correction] = Field(
        [], description="Corrections of site.yml (its policies): the rules the company holds itself to, changed on purpose."
    )
    source_commit: str | None = Field(
        None, description="The git commit the site was built from (the public log, /log/, is what publishing compares with)."
    )
    status: str = Field(
        description="Overall service state: operational, under_maintenance, degraded_performance, partial_outage or major_outage."
    )


# commitments.json -----------------------------------------------------------------------


class StatusUpdate(Shape):
    on: date
    status: str
    note: str | None
    evidence: list[str]


class Measurement(Shape):
    period: str
    actual: str
    met: bool | None = Field(description="None: nothing to measure in the period; it counts neither way.")
    note: str | None


class _Commitment(Shape):
    id: str
    url: str
    title: str
    promise: str
    why: str
    category: str
    made_on: date
    owner: str
    corrections: list[Correction] = []


class Milestone(_Commitment):
    kind: Literal["milestone"] = "milestone"
    due: date
    first_due: date = Field(description="The due date as first published; status, days late and every rate count this one.")
    status: str = Field(description="Shown status: overdue when the due date passed unfinished, else the last update's.")
    days_late: Count | None
    updates: list[StatusUpdate]


class Standing(_Commitment):
    kind: Literal["standing"] = "standing"
    target: str
    measured_by: str | None = Field(
        description="What in the records measures it (its actuals are computed); None: the actuals are typed in by the company."
    )
    periods_measured: Count
    periods_met: Count
    met_rate: Rate
    measurements: list[Measurement]


class Commitments(Document):
    """commitments.json: every promise, with its history."""

    commitments: list[Annotated[Milestone | Standing, Field(discriminator="kind")]]


# incidents.json -------------------------------------------------------------------------


class IncidentUpdate(Shape):
    at: datetime
    status: str
    body: str


class Incident(Shape):
    id: str
    url: str
    title: str
    impact: str
    open: bool = Field(description="Started, not maintenance, and not resolved yet.")
    started: datetime | None
    resolved: datetime | None
    duration_minutes: float | None
    affected: list[str] = Field(description="Component ids, as in site.yml.")
    summary: str
    updates: list[IncidentUpdate]
    cause: str | None
    postmortem: str | None
    follow_ups: list[str]
    remedy: str | None
    scheduled_for: datetime | None
    scheduled_until: datetime | None
    corrections: list[Correction] = []


class Incidents(Document):
    """incidents.json: every incident and maintenance window, newest first."""

    incidents: list[Incident]


# mistakes.json --------------------------------------------------------------------------


class Mistake(Shape):
    id: str
    url: str
    title: str
    on: date
    what_happened: str
    who_was_affected: str
    why: str
    what_we_changed: str
    apology: str
    related: list[str]
    corrections: list[Correction] = []


class Mistakes(Document):
    """mistakes.json: every mistake, newest first."""

    mistakes: list[Mistake]


# pricing.json ---------------------------------------------------------------------------


class Plan(Shape):
    name: str
    price: Money
    per: str
    for_whom: str | None
    includes: list[str]
    limits: list[str]


class Fee(Shape):
    name: str
    price: Money
    per: str


class PriceChange(Shape):
    announced: date
    effective: date
    notice_days: int
    plan: str
    from_: Money = Field(alias="from")
    to: Money
    why: str


class PricingBody(Shape):
    currency: str
    plans: list[Plan]
    fees: list[Fee]
    cancel: str
    refunds: str
    history: list[PriceChange]
    corrections: list[Correction] = []


class Pricing(Document):
    """pricing.json: plans, fees and every price change; pricing is null when none is published."""

    pricing: PricingBody | None


# contact.json ---------------------------------------------------------------------------


class Channel(Shape):
    kind: str
    label: str
    value: str
    hours: str | None
    response_promise: str | None


class Security(Shape):
    email: str
    policy: str | None


class ContactBody(Shape):
    channels: list[Channel]
    escalation: str | None
    security: Security | None
    address: str | None


class Contact(Document):
    """contact.json: every way to reach a person; contact is null when none is published."""

    contact: ContactBody | None


# metrics.json ---------------------------------------------------------------------------


class Tally(MilestoneCounts):
    kept_rate: Rate


class IncidentsByImpact(Shape):
    critical: Count
    major: Count
    partial: Count
    minor: Count
    none: Count


class Uptime(Shape):
    component: str
    name: str
    group: str | None
    state: str
    uptime: float = Field(ge=0, le=1, description="Share of the window without weighted downtime.")
    window_days: Count


class Point(Shape):
    period: str
    value: float
    n: Count | None


class Series(Shape):
    id: str
    title: str
    unit: str
    source: str
    points: list[Point]
    corrections: list[Correction] = []


class Metrics(Document):
    """metrics.json: every number of the Metrics page, and the series the company tracks."""

    promise_kept_rate: Rate
    on_time_rate: Rate
    median_days_late: float | None = Field(
        description="Median days late over promises delivered (kept or partly kept) after their first due date."
    )
    rescheduled: Count = Field(
        0, description="Milestone promises whose due date moved after they were published; each counts at its first date."
    )
    standing_met_rate: Rate
    kept_rate_by_category: dict[str, Tally]
    kept_rate_by_quarter: dict[str, Tally]
    incidents_by_quarter: dict[str, IncidentsByImpact]
    median_minutes_to_first_update: float | None
    median_minutes_to_resolution: float | None
    uptime: list[Uptime]
    series: list[Series]


# Every /api/v1/<name>.json, by name.
DOCUMENTS: dict[str, type[Document]] = {
    "summary": Summary,
    "commitments": Commitments,
    "incidents": Incidents,
    "mistakes": Mistakes,
    "pricing": Pricing,
    "contact": Contact,
    "metrics": Metrics,
}
