"""Maintenance is held to its plan: announced late it counts as an outage; past its window it is never "planned"."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import Content, human
from tests.test_status import AS_OF, WINDOW_MINUTES, site, status_of
from trustpages import metrics
from trustpages.maintenance import counted_impact, notice, overran, short_notice
from trustpages.records import Incident, Policies, RecordSet

UTC = ZoneInfo("UTC")


def maintenance(
    announced: str | None, started: str | None = "2026-11-20T10:00:00Z", resolved: str | None = "2026-11-20T18:00:00Z", **extra: Any
) -> Incident:
    updates = [{"at": announced, "status": "scheduled", "body": "We will upgrade the database."}] if announced else []
    data: dict[str, Any] = {
        "id": "upgrade",
        "title": "Upgrade",
        "impact": "maintenance",
        "affected": ["api"],
        "summary": "x",
        "scheduled_for": "2026-11-20T10:00:00Z",
        "scheduled_until": "2026-11-20T18:00:00Z",
        "updates": updates,
        **extra,
    }
    if started:
        data["started"] = started
    if resolved:
        data["resolved"] = resolved
    return Incident.model_validate(data)


@pytest.mark.parametrize(
    ("announced", "short"),
    [
        ("2026-11-18T10:00:00Z", False),  # exactly 48 hours ahead
        ("2026-11-18T10:01:00Z", True),  # a minute short of it
        ("2026-11-20T09:59:00Z", True),  # the case measured: one minute before
        (None, True),  # never announced
    ],
)
def test_notice_is_measured_from_the_first_scheduled_update(announced: str | None, short: bool) -> None:
    assert short_notice(maintenance(announced), Policies()) is short
    assert short_notice(maintenance(announced), Policies(maintenance_notice_hours=0)) is (announced is None)


def test_an_eight_hour_outage_filed_as_maintenance_counts_as_major_downtime() -> None:
    hidden = maintenance("2026-11-20T09:59:00Z")
    components, _ = status_of([hidden])
    assert components["api"].uptime == pytest.approx(1 - 8 * 60 * 0.3 / WINDOW_MINUTES)
    assert counted_impact(hidden, Policies()) == "major"


def test_announced_in_time_it_never_counts() -> None:
    components, _ = status_of([maintenance("2026-11-10T09:00:00Z")])
    assert components["api"].uptime == 1.0


def test_the_impact_it_had_can_be_said() -> None:
    components, _ = status_of([maintenance(None, unannounced_impact="critical")])
    assert components["api"].uptime == pytest.approx(1 - 8 * 60 / WINDOW_MINUTES)
    components, _ = status_of([maintenance(None, unannounced_impact="minor")])
    assert components["api"].uptime == 1.0 and components["api"].days[-4].state == "degraded_performance"


def test_late_maintenance_without_started_counts_from_its_planned_start() -> None:
    components, _ = status_of([maintenance(None, started=None, resolved=None, scheduled_until="2026-11-20T12:00:00Z")])
    # Not resolved: counts from the planned start until the end of the as_of day, like an open incident.
    assert components["api"].state == "partial_outage"


def test_a_window_that_passed_is_never_planned_and_without_completion_it_overran() -> None:
    planned = maintenance("2026-11-10T09:00:00Z", started=None, resolved=None)
    records = RecordSet.holding(site(), planned)
    assert metrics.upcoming_maintenance(records, date(2026, 11, 20)) == [planned]
    assert metrics.upcoming_maintenance(records, AS_OF) == []
    assert overran(planned, AS_OF, UTC)
    assert not overran(planned, date(2026, 11, 20), UTC)
    done = planned.model_copy(
        update={
            "updates": (
                *planned.updates,
                *maintenance(None, updates=[{"at": "2026-11-20T17:00:00Z", "status": "completed", "body": "Done."}]).updates,
            )
        }
    )
    assert not overran(done, AS_OF, UTC)


def test_notice_is_a_duration() -> None:
    ahead = notice(maintenance("2026-11-18T10:00:00Z"))
    assert ahead is not None and ahead.total_seconds() == 48 * 3600
    assert notice(maintenance(None)) is None


MAINTENANCE = """\
title: Bank sync upgrade
impact: maintenance
scheduled_for: 2026-06-10T10:00:00Z
scheduled_until: 2026-06-10T18:00:00Z
started: 2026-06-10T10:00:00Z
resolved: 2026-06-10T18:00:00Z
affected: [api]
summary: Bank sync was off.
updates:
  - {at: 2026-06-10T09:59:00Z, status: scheduled, body: We are upgrading bank sync now.}
  - {at: 2026-06-10T18:00:00Z, status: completed, body: Done.}
"""


def test_check_warns_about_late_notice_at_the_announcement(content: Content) -> None:
    folder = content({"incidents/2026-06-10-bank-sync-upgrade.yml": MAINTENANCE})
    assert human(folder) == [
        "content/incidents/2026-06-10-bank-sync-upgrade.yml:10:10: warning: maintenance was announced 1 minute before it began; "
        "site.yml promises 48 hours' notice, so it counts as a major outage in uptime "
        "(announce planned work earlier, or set unannounced_impact: to how bad it was for customers)"
    ]


def test_check_warns_about_an_overrun(content: Content) -> None:
    text = MAINTENANCE.replace("09:59:00Z, status: scheduled", "09:59:00Z, status: in_progress").replace(
        "2026-06-10T09:59", "2026-06-01T09:59"
    )
    text = text.replace("resolved: 2026-06-10T18:00:00Z\n", "").replace(
        "  - {at: 2026-06-10T18:00:00Z, status: completed, body: Done.}\n", ""
    )
    text = text.replace("status: in_progress", "status: scheduled")
    folder = content({"incidents/2026-06-10-bank-sync-upgrade.yml": text})
    assert human(folder) == [
        "content/incidents/2026-06-10-bank-sync-upgrade.yml:4:18: warning: maintenance planned to end at 2026-06-10 18:00:00+00:00 "
        "has no completed update; the site shows it as overrun "
        "(add an update with status: completed (and resolved:), or one saying why it is still going on)"
    ]


def test_unannounced_impact_is_for_maintenance_only(content: Content, tmp_path: Path) -> None:
    from tests.conftest import INCIDENT, VALID

    folder = content({INCIDENT: VALID[INCIDENT] + "unannounced_impact: minor\n"})
    problems = human(folder)
    assert len(problems) == 1 and "error: only maintenance has 'unannounced_impact'" in problems[0]


def test_an_overran_window_is_said_in_words_on_its_page() -> None:
    from trustpages.pipeline import make_site

    planned = maintenance("2026-11-10T09:00:00Z", started=None, resolved=None)
    page = make_site(RecordSet.holding(site(), planned), AS_OF).pages[f"incidents/{planned.id}.md"]
    overran_line = next(line for line in page.splitlines() if "Overran" in line)
    assert "&lt;time" not in overran_line and "the planned window ended 20 November 2026, 18:00 UTC" in overran_line
