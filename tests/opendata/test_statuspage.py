"""/api/v2/: what a client written for Statuspage reads from a trustpages site."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import VALID, write_content
from tests.opendata import statuspage_client as client
from tests.opendata.conftest import FULL_AS_OF, Published, publish
from trustpages.opendata.statuspage import RECENT_INCIDENTS

RESPONSES = {
    "summary.json": client.SummaryResponse,
    "status.json": client.StatusResponse,
    "components.json": client.ComponentsResponse,
    "incidents.json": client.IncidentsResponse,
    "incidents/unresolved.json": client.IncidentsResponse,
    "scheduled-maintenances.json": client.ScheduledMaintenancesResponse,
}


@pytest.mark.parametrize("path", list(RESPONSES))
def test_a_statuspage_client_parses_every_file(published: Published, path: str) -> None:
    RESPONSES[path].model_validate_json(published.files[f"api/v2/{path}"])


def test_summary_with_nothing_open(small: Published) -> None:
    summary = client.SummaryResponse.model_validate_json(small.files["api/v2/summary.json"])
    assert summary.status.indicator == "none"
    assert summary.status.description == "All Systems Operational"
    assert summary.incidents == [] and summary.scheduled_maintenances == []
    assert str(summary.page.url) == "https://trust.example.com/"
    assert summary.page.time_zone == "Europe/Berlin"
    # Groups come first, as components with group: true, their members pointing back.
    assert [(c.id, c.group, c.group_id, c.position) for c in summary.components] == [
        ("group-web-app", True, None, 1),
        ("login", False, "group-web-app", 2),
        ("group-developers", True, None, 3),
        ("api", False, "group-developers", 4),
    ]
    assert all(c.status == "operational" for c in summary.components)


def test_summary_with_an_open_incident_and_planned_maintenance(full: Published) -> None:
    summary = client.SummaryResponse.model_validate_json(full.files["api/v2/summary.json"])
    assert (summary.status.indicator, summary.status.description) == ("minor", "Minor Service Outage")
    assert [i.id for i in summary.incidents] == ["2026-06-30-slow-api"]
    slow = summary.incidents[0]
    # Newest update first; `update` is not a Statuspage status, so it keeps the one before.
    assert [(u.id, u.status) for u in slow.incident_updates] == [
        ("2026-06-30-slow-api-2", "investigating"),
        ("2026-06-30-slow-api-1", "investigating"),
    ]
    assert slow.status == "investigating" and slow.resolved_at is None
    assert [c.id for c in slow.components] == ["api"]
    assert {c.id: c.status for c in summary.components}["api"] == "degraded_performance"
    assert {c.id: c.status for c in summary.components}["group-developers"] == "degraded_performance"
    assert str(slow.shortlink) == "https://trust.example.com/incidents/2026-06-30-slow-api/"
    [maintenance] = summary.scheduled_maintenances
    assert (maintenance.id, maintenance.status, maintenance.impact) == ("2026-07-10-database-upgrade", "scheduled", "maintenance")
    assert maintenance.scheduled_for.isoformat() == "2026-07-10T22:00:00+00:00"


def test_incidents_hold_every_incident_with_its_updates(full: Published) -> None:
    incidents = client.IncidentsResponse.model_validate_json(full.files["api/v2/incidents.json"]).incidents
    assert [i.id for i in incidents] == ["2026-06-30-slow-api", "2026-03-04-login-failures"]
    login = incidents[1]
    assert login.status == "resolved"
    assert [u.status for u in login.incident_updates] == ["resolved", "identified", "investigating"]
    assert login.resolved_at is not None and login.resolved_at.isoformat() == "2026-03-04T10:05:00+00:00"
    first = login.incident_updates[-1]
    assert [(a.code, a.old_status, a.new_status) for a in first.affected_components or []] == [
        ("login", "operational", "partial_outage"),
        ("api", "operational", "partial_outage"),
    ]
    last = login.incident_updates[0]
    assert {(a.old_status, a.new_status) for a in last.affected_components or []} == {("partial_outage", "operational")}


def incident(day: date, resolved: bool = True) -> str:
    ended = f"resolved: {day}T11:00:00Z\n" if resolved else ""
    return (
        f"title: Slow pages on {day}\nimpact: minor\nstarted: {day}T10:00:00Z\n{ended}affected: [login]\n"
        f"summary: Pages were slow.\nupdates:\n  - {{at: {day}T10:05:00Z, status: investigating, body: We are looking.}}\n"
    )


def test_incidents_json_holds_the_most_recent_like_statuspage_and_every_unresolved_one(tmp_path: Path) -> None:
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(RECENT_INCIDENTS + 10)]
    files = {"site.yml": VALID["site.yml"], "incidents/2024-06-01-forgotten.yml": incident(date(2024, 6, 1), resolved=False)}
    files |= {f"incidents/{day}-slow.yml": incident(day) for day in days}
    published = publish(write_content(tmp_path / "content", files), FULL_AS_OF)

    listed = client.IncidentsResponse.model_validate_json(published.files["api/v2/incidents.json"]).incidents
    newest = [f"{day}-slow" for day in reversed(days[-RECENT_INCIDENTS:])]
    assert [i.id for i in listed] == [*newest, "2024-06-01-forgotten"]
    unresolved = client.IncidentsResponse.model_validate_json(published.files["api/v2/incidents/unresolved.json"]).incidents
    assert [i.id for i in unresolved] == ["2024-06-01-forgotten"]


def test_the_client_model_is_not_a_rubber_stamp(small: Published) -> None:
    broken = small.text("api/v2/summary.json").replace('"indicator":"none"', '"indicator":"fine"')
    with pytest.raises(ValueError):
        client.SummaryResponse.model_validate_json(broken)
