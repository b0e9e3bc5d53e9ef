"""Component status and 90-day uptime against hand computation."""

from __future__ import annotations

from datetime import date

import pytest

from trustpages.records import Incident, RecordSet, Site
from trustpages.status import DOWNTIME_WEIGHT, service_status

AS_OF = date(2026, 11, 23)
WINDOW_MINUTES = 90 * 24 * 60


def site(timezone: str = "UTC") -> Site:
    return Site.model_validate(
        {
            "name": "Test",
            "url": "https://status.example",
            "timezone": timezone,
            "components": [
                {"id": "api", "name": "API", "group": "Developers"},
                {"id": "login", "name": "Login", "group": "Web app"},
                {"id": "billing", "name": "Billing", "group": "Web app"},
            ],
        }
    )


def incident(id: str, impact: str, affected: list[str], started: str | None, resolved: str | None = None, **extra: object) -> Incident:
    data = {"id": id, "title": id, "impact": impact, "affected": affected, "summary": "x", **extra}
    if started:
        data["started"] = started
    if resolved:
        data["resolved"] = resolved
    return Incident.model_validate(data)


def status_of(incidents: list[Incident], timezone: str = "UTC"):  # type: ignore[no-untyped-def]
    service = service_status(RecordSet.holding(site(timezone), *incidents), AS_OF)
    return {c.component.id: c for c in service.components}, service


def test_no_incidents_means_operational_and_full_uptime() -> None:
    components, service = status_of([])
    assert service.state == "operational"
    assert all(c.uptime == 1.0 and c.state == "operational" for c in components.values())
    assert len(components["api"].days) == 90
    assert components["api"].days[-1].day == AS_OF


def test_overlapping_incidents_count_the_worst_not_the_sum() -> None:
    # critical 10:00-11:00 (60 min at 100%) overlaps major 10:30-12:00; the major alone
    # counts only 11:00-12:00 (60 min at 30% = 18). Total 78 minutes.
    components, _ = status_of(
        [
            incident("a", "critical", ["api"], "2026-11-10T10:00:00Z", "2026-11-10T11:00:00Z"),
            incident("b", "major", ["api"], "2026-11-10T10:30:00Z", "2026-11-10T12:00:00Z"),
        ]
    )
    api = components["api"]
    day = next(d for d in api.days if d.day == date(2026, 11, 10))
    assert day.downtime_minutes == pytest.approx(78)
    assert day.state == "major_outage"
    assert api.uptime == pytest.approx(1 - 78 / WINDOW_MINUTES)
    assert components["login"].uptime == 1.0
    assert api.state == "operational"  # both resolved


def test_incident_spanning_midnight_is_split_by_the_site_time_zone() -> None:
    # 22:30Z-00:30Z is 23:30-01:30 in Berlin (UTC+1 in November): 30 min, then 90 min.
    components, _ = status_of([incident("night", "critical", ["login"], "2026-11-01T22:30:00Z", "2026-11-02T00:30:00Z")], "Europe/Berlin")
    days = {d.day: d for d in components["login"].days}
    assert days[date(2026, 11, 1)].downtime_minutes == pytest.approx(30)
    assert days[date(2026, 11, 2)].downtime_minutes == pytest.approx(90)
    assert components["login"].uptime == pytest.approx(1 - 120 / WINDOW_MINUTES)


def test_ongoing_incident_sets_status_and_counts_until_end_of_as_of_day() -> None:
    # Major (30%) from 12:00 UTC until the end of 2026-11-23: 720 min * 0.3 = 216.
    components, service = status_of([incident("now", "major", ["billing"], "2026-11-23T12:00:00Z")])
    billing = components["billing"]
    assert billing.state == "partial_outage"
    assert billing.days[-1].downtime_minutes == pytest.approx(216)
    assert billing.uptime == pytest.approx(1 - 216 / WINDOW_MINUTES)
    assert service.state == "partial_outage"
    web = next(g for g in service.groups if g.name == "Web app")
    assert web.state == "partial_outage"
    assert web.uptime == pytest.approx((1 + 1 - 216 / WINDOW_MINUTES) / 2)


def test_future_maintenance_never_flips_status_or_counts_as_downtime() -> None:
    planned = incident(
        "planned",
        "maintenance",
        ["api", "login"],
        None,
        scheduled_for="2026-12-12T02:00:00Z",
        scheduled_until="2026-12-12T04:00:00Z",
    )
    components, service = status_of([planned])
    assert service.state == "operational"
    assert components["api"].uptime == 1.0


def test_maintenance_in_progress_shows_but_is_not_downtime() -> None:
    running = incident(
        "running",
        "maintenance",
        ["api"],
        "2026-11-23T02:00:00Z",
        scheduled_for="2026-11-23T02:00:00Z",
        scheduled_until="2026-11-23T04:00:00Z",
        updates=[{"at": "2026-11-20T09:00:00Z", "status": "scheduled", "body": "Announced three days ahead."}],
    )
    components, service = status_of([running])
    assert components["api"].state == "under_maintenance"
    assert components["api"].uptime == 1.0
    assert service.state == "under_maintenance"


def test_minor_incident_is_a_trouble_day_without_downtime() -> None:
    components, _ = status_of([incident("slow", "minor", ["api"], "2026-11-20T08:00:00Z", "2026-11-20T09:00:00Z")])
    trouble = components["api"].trouble_days
    assert [d.day for d in trouble] == [date(2026, 11, 20)]
    assert trouble[0].state == "degraded_performance"
    assert components["api"].uptime == 1.0


def test_incidents_before_the_window_do_not_count() -> None:
    components, _ = status_of([incident("old", "critical", ["api"], "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")])
    assert components["api"].uptime == 1.0


def test_plain_time_in_each_state_sits_beside_the_weighted_downtime() -> None:
    # critical 10:00-11:00 overlaps major 10:30-12:00; a minor one runs 12:00-22:00 the next day.
    components, _ = status_of(
        [
            incident("a", "critical", ["api"], "2026-11-10T10:00:00Z", "2026-11-10T11:00:00Z"),
            incident("b", "major", ["api"], "2026-11-10T10:30:00Z", "2026-11-10T12:00:00Z"),
            incident("c", "minor", ["api"], "2026-11-11T12:00:00Z", "2026-11-11T22:00:00Z"),
        ]
    )
    api = components["api"]
    days = {d.day: d for d in api.days}
    assert days[date(2026, 11, 10)].minutes_in == (("major_outage", 60), ("partial_outage", 60))
    assert days[date(2026, 11, 11)].minutes_in == (("degraded_performance", 600),)
    assert days[date(2026, 11, 11)].downtime_minutes == 0  # slow but working counts as no downtime...
    assert api.minutes_in == (("major_outage", 60), ("partial_outage", 60), ("degraded_performance", 600))  # ...but is said
    assert components["login"].minutes_in == ()


def test_components_without_a_group_come_after_every_group() -> None:
    base = site()
    ungrouped = base.model_copy(update={"components": (base.components[0].model_copy(update={"group": None}), *base.components[1:])})
    service = service_status(RecordSet.holding(ungrouped), AS_OF)
    assert [g.name for g in service.groups] == ["Web app", ""]


def test_a_partial_outage_is_between_slow_and_partly_down_and_counts_a_tenth() -> None:
    # 2026-11-20 08:00-18:00 UTC: 600 minutes at 10 % = 60 minutes of downtime.
    components, service = status_of([incident("photos", "partial", ["api"], "2026-11-20T08:00:00Z", "2026-11-20T18:00:00Z")])
    [day] = components["api"].trouble_days
    assert (day.state, day.downtime_minutes, day.minutes_in) == ("partial_outage", pytest.approx(60.0), (("partial_outage", 600.0),))
    assert components["api"].uptime == pytest.approx(1 - 60 / WINDOW_MINUTES)
    assert DOWNTIME_WEIGHT["minor"] < DOWNTIME_WEIGHT["partial"] < DOWNTIME_WEIGHT["major"]


def test_any_fault_in_the_window_is_known_even_when_it_counts_as_no_downtime() -> None:
    slow = incident("slow", "minor", ["api"], "2026-11-20T08:00:00Z", "2026-11-20T09:00:00Z")
    planned = incident(
        "planned",
        "maintenance",
        ["login"],
        "2026-11-20T08:00:00Z",
        "2026-11-20T09:00:00Z",
        scheduled_for="2026-11-20T08:00:00Z",
        scheduled_until="2026-11-20T09:00:00Z",
        updates=[{"at": "2026-11-10T09:00:00Z", "status": "scheduled", "body": "Announced ten days ahead."}],
    )
    components, service = status_of([slow, planned])
    assert components["api"].uptime == 1.0 and components["api"].faulted
    assert components["login"].uptime == 1.0 and not components["login"].faulted  # planned work announced in time is no fault
    assert not components["billing"].faulted
    groups = {g.name: g for g in service.groups}
    assert groups["Developers"].faulted and not groups["Web app"].faulted
