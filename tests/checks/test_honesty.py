"""Honesty rules: a kept promise shows evidence, an incident does not stay open, a standing promise is measured."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import INCIDENT, MILESTONE, STANDING, VALID, Content, human, replaced
from trustpages.checks.honesty import last_full_period

INCIDENT_FILE = f"content/{INCIDENT}"
MILESTONE_FILE = f"content/{MILESTONE}"
STANDING_FILE = f"content/{STANDING}"
EVIDENCE = "    evidence: [https://example.com/changelog/export]\n"
EVIDENCE_HINT = "(add evidence: a link that shows it, e.g. a changelog entry)"
OPEN = replaced(INCIDENT, "resolved: 2026-03-04T10:05:00Z\n", "", "status: resolved", "status: monitoring")
OPEN_HINT = "(add resolved: the moment it was fixed, or an update saying why it is still open)"
Q3_MISSING = (
    f"{STANDING_FILE}:9:3: warning: no measurement for 2026-Q3, the last full quarter "
    "(add {period: 2026-Q3, actual: …, met: …}, even when the target was missed)"
)


# Kept without evidence.


@pytest.mark.parametrize("status", ["kept", "partly_kept"])
def test_kept_without_evidence(content: Content, status: str) -> None:
    folder = content(replaced(MILESTONE, EVIDENCE, "", "status: kept", f"status: {status}"))
    assert human(folder) == [f"{MILESTONE_FILE}:12:13: warning: marked {status} with no evidence {EVIDENCE_HINT}"]


def test_only_the_current_status_needs_evidence(content: Content) -> None:
    # Kept once, then broken: the evidence for the old status no longer matters.
    later = "  - {on: 2026-06-25, status: broken, note: Export broke for large accounts.}\n"
    assert human(content(replaced(MILESTONE, EVIDENCE, EVIDENCE + later))) == []
    assert human(content(replaced(MILESTONE, EVIDENCE, later))) == []


def test_not_kept_needs_no_evidence(content: Content) -> None:
    assert human(content(replaced(MILESTONE, EVIDENCE, "", "status: kept", "status: broken"))) == []


# Incidents left open.


def test_incident_still_open_after_the_days_site_yml_allows(content: Content) -> None:
    folder = content(OPEN)

    def about_the_incident(as_of: date) -> list[str]:  # other records have warnings of their own in March
        return [line for line in human(folder, as_of) if line.startswith(INCIDENT_FILE)]

    assert about_the_incident(date(2026, 3, 18)) == []  # started 2026-03-04, plus 14 days
    assert about_the_incident(date(2026, 3, 19)) == [
        f"{INCIDENT_FILE}:3:10: warning: still open 15 days after it started; site.yml expects it resolved within 14 {OPEN_HINT}"
    ]


def test_open_incident_limit_comes_from_site_yml(content: Content) -> None:
    site = VALID["site.yml"] + "  max_open_incident_days: 200\n"
    assert human(content({**OPEN, "site.yml": site})) == []
    site = VALID["site.yml"] + "  max_open_incident_days: 100\n"
    assert human(content({**OPEN, "site.yml": site})) == [
        f"{INCIDENT_FILE}:3:10: warning: still open 119 days after it started; site.yml expects it resolved within 100 {OPEN_HINT}"
    ]


def test_huge_limit_does_not_overflow(content: Content) -> None:
    site = VALID["site.yml"] + f"  max_open_incident_days: {10**12}\n"
    assert human(content({**OPEN, "site.yml": site})) == []


def test_planned_maintenance_is_not_an_open_incident(content: Content) -> None:
    maintenance = """\
title: Database upgrade
impact: maintenance
scheduled_for: 2026-07-10T22:00:00Z
scheduled_until: 2026-07-10T23:00:00Z
summary: The app is read-only for up to an hour.
updates:
  - {at: 2026-06-25T10:00:00Z, status: scheduled, body: We will upgrade the database.}
"""
    assert human(content({"incidents/2026-04-01-database-upgrade.yml": maintenance})) == []


# Standing promises without their last measurement.


def test_last_full_quarter_must_be_measured(content: Content) -> None:
    assert human(content(), date(2026, 9, 30)) == []  # Q3 is not over yet
    assert human(content(), date(2026, 10, 1)) == [Q3_MISSING]


def test_monthly_measurements_need_last_month(content: Content) -> None:
    folder = content(replaced(STANDING, "period: 2026-Q1", "period: 2026-05", "period: 2026-Q2", "period: 2026-06"))
    assert human(folder, date(2026, 7, 31)) == []
    assert human(folder, date(2026, 8, 1)) == [
        f"{STANDING_FILE}:9:3: warning: no measurement for 2026-07, the last full month "
        "(add {period: 2026-07, actual: …, met: …}, even when the target was missed)"
    ]


@pytest.mark.parametrize(
    ("periods", "as_of", "missing", "kind"),
    [(("2025-H1", "2025-H2"), date(2026, 7, 1), "2026-H1", "half"), (("2024", "2025"), date(2027, 1, 1), "2026", "year")],
)
def test_half_years_and_years(content: Content, periods: tuple[str, str], as_of: date, missing: str, kind: str) -> None:
    made = "made_on: 2024-01-15"  # a measurement may not be for a period before the promise was made
    folder = content(
        replaced(
            STANDING, "made_on: 2025-01-15", made, "period: 2026-Q1", f"period: {periods[0]}", "period: 2026-Q2", f"period: {periods[1]}"
        )
    )
    assert human(folder, as_of) == [
        f"{STANDING_FILE}:9:3: warning: no measurement for {missing}, the last full {kind} "
        f"(add {{period: {missing}, actual: …, met: …}}, even when the target was missed)"
    ]


def test_no_measurements_at_all(content: Content) -> None:
    text = VALID[STANDING].split("measurements:")[0]
    assert human(content({STANDING: text})) == [
        f"{STANDING_FILE}:1:1: warning: no measurements yet; the last full quarter was 2026-Q2 "
        "(add measurements: one per quarter, e.g. {period: 2026-Q2, actual: 96%, met: true})"
    ]


def test_promise_made_after_the_period_ended_is_not_due_yet(content: Content) -> None:
    text = VALID[STANDING].split("measurements:")[0].replace("made_on: 2025-01-15", "made_on: 2026-07-01")
    assert human(content({STANDING: text})) == []
    assert human(content({STANDING: text.replace("2026-07-01", "2026-06-30")})) != []


@pytest.mark.parametrize(
    ("kind", "as_of", "period", "end"),
    [
        ("quarter", date(2026, 7, 1), "2026-Q2", date(2026, 6, 30)),
        ("quarter", date(2026, 2, 10), "2025-Q4", date(2025, 12, 31)),
        ("half", date(2026, 6, 30), "2025-H2", date(2025, 12, 31)),
        ("half", date(2026, 12, 31), "2026-H1", date(2026, 6, 30)),
        ("month", date(2026, 3, 1), "2026-02", date(2026, 2, 28)),
        ("month", date(2026, 1, 15), "2025-12", date(2025, 12, 31)),
        ("year", date(2026, 1, 1), "2025", date(2025, 12, 31)),
    ],
)
def test_last_full_period(kind: str, as_of: date, period: str, end: date) -> None:
    assert last_full_period(kind, as_of) == (period, end)
