"""The company's own rules from site.yml, checked against its records: warnings, relative to as_of."""

from __future__ import annotations

from datetime import date

from tests.conftest import INCIDENT, Content, human, replaced
from trustpages.validate import validate

INCIDENT_FILE = f"content/{INCIDENT}"
WITHOUT_POSTMORTEM = replaced(INCIDENT, "postmortem: |\n  We renewed certificates by hand and missed one.\n", "")
POSTMORTEM_WARNING = (
    f"{INCIDENT_FILE}:4:11: warning: resolved on 2026-03-04 and still no postmortem; "
    "site.yml promises one within 7 days (add postmortem: what happened and what we learned)"
)


def test_short_price_change_notice(content: Content) -> None:
    folder = content(replaced("pricing.yml", "effective: 2026-02-15", "effective: 2026-02-01"))
    assert human(folder) == [
        "content/pricing.yml:11:40: warning: only 22 days' notice for the Team price change; we promised 30 when it was announced "
        "(the pricing page will say the policy was not met)"
    ]


def test_notice_of_exactly_the_promised_days_is_enough(content: Content) -> None:
    assert human(content(replaced("pricing.yml", "effective: 2026-02-15", "effective: 2026-02-09"))) == []


def test_notice_policy_comes_from_site_yml(content: Content) -> None:
    folder = content(replaced("site.yml", "price_change_notice_days: 30", "price_change_notice_days: 60"))
    assert human(folder) == [
        "content/pricing.yml:11:40: warning: only 36 days' notice for the Team price change; we promised 60 when it was announced "
        "(the pricing page will say the policy was not met)"
    ]


def test_missing_postmortem_is_fine_until_the_promised_days_have_passed(content: Content) -> None:
    folder = content(WITHOUT_POSTMORTEM)

    def about_the_incident(as_of: date) -> list[str]:  # the milestone's later updates warn on these days too
        return [line for line in human(folder, as_of) if line.startswith(INCIDENT_FILE)]

    assert about_the_incident(date(2026, 3, 11)) == []  # resolved 2026-03-04, plus 7 days
    assert about_the_incident(date(2026, 3, 12)) == [POSTMORTEM_WARNING]
    assert human(folder) == [POSTMORTEM_WARNING]


def test_no_postmortem_needed_when_nothing_was_affected(content: Content) -> None:
    folder = content({**WITHOUT_POSTMORTEM, INCIDENT: WITHOUT_POSTMORTEM[INCIDENT].replace("impact: major", "impact: none")})
    assert human(folder) == []


def test_ongoing_incident_needs_no_postmortem_yet(content: Content) -> None:
    folder = content(
        {
            INCIDENT: WITHOUT_POSTMORTEM[INCIDENT]
            .replace("resolved: 2026-03-04T10:05:00Z\n", "")
            .replace("status: resolved", "status: monitoring")
        }
    )
    # Only the honesty rule about incidents left open applies; no postmortem is owed yet.
    assert [line for line in human(folder) if "postmortem" in line] == []
    assert [line.split(": warning: ")[1] for line in human(folder)] == [
        "still open 119 days after it started; site.yml expects it resolved within 14 (add resolved: the moment it was fixed, or an update saying why it is still open)"
    ]


def test_first_update_later_than_promised(content: Content) -> None:
    folder = content(
        replaced(
            INCIDENT,
            "{at: 2026-03-04T09:20:00Z",
            "{at: 2026-03-04T09:43:00Z",
            "{at: 2026-03-04T09:41:00Z",
            "{at: 2026-03-04T09:44:00Z",
        )
    )
    assert human(folder) == [
        f"{INCIDENT_FILE}:8:10: warning: first public update came 31 minutes after the start; site.yml promises one within 30"
    ]


def test_first_update_exactly_on_time(content: Content) -> None:
    folder = content(
        replaced(
            INCIDENT,
            "{at: 2026-03-04T09:20:00Z",
            "{at: 2026-03-04T09:42:00Z",
            "{at: 2026-03-04T09:41:00Z",
            "{at: 2026-03-04T09:44:00Z",
        )
    )
    assert human(folder) == []


def test_no_update_at_all(content: Content) -> None:
    text = WITHOUT_POSTMORTEM[INCIDENT]
    folder = content({INCIDENT: text[: text.index("updates:")] + "postmortem: We missed one certificate.\n"})
    assert human(folder) == [f"{INCIDENT_FILE}:3:10: warning: no public update was posted (add updates: what we told customers, and when)"]


def test_maintenance_is_not_held_to_incident_update_times(content: Content) -> None:
    maintenance = """\
title: Database upgrade
impact: maintenance
started: 2026-04-01T22:00:00Z
resolved: 2026-04-01T23:00:00Z
scheduled_for: 2026-04-01T22:00:00Z
scheduled_until: 2026-04-01T23:00:00Z
summary: The app was read-only for an hour.
updates:
  - {at: 2026-03-25T10:00:00Z, status: scheduled, body: We will upgrade the database.}
"""
    assert human(content({"incidents/2026-04-01-database-upgrade.yml": maintenance})) == []


def test_huge_policy_numbers_do_not_overflow(content: Content) -> None:
    folder = content(
        {
            **WITHOUT_POSTMORTEM,
            **replaced(
                "site.yml",
                "postmortem_within_days: 7",
                "postmortem_within_days: 100000000000000000000",
                "first_update_within_minutes: 30",
                "first_update_within_minutes: 100000000000000000000",
            ),
        }
    )
    assert human(folder) == []


def test_policy_warnings_are_not_errors(content: Content) -> None:
    result = validate(content(WITHOUT_POSTMORTEM), date(2026, 7, 1))
    assert result.errors == []
    assert [problem.message for problem in result.warnings] == [
        "resolved on 2026-03-04 and still no postmortem; site.yml promises one within 7 days"
    ]
