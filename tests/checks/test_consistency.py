"""Rules inside one record: dates in order, updates inside their incident, notes where owed."""

from __future__ import annotations

from datetime import date

from tests.conftest import AS_OF, INCIDENT, MILESTONE, STANDING, VALID, Content, human, replaced
from trustpages import checks
from trustpages.records import Component, Incident, RecordSet, Site

INCIDENT_FILE = f"content/{INCIDENT}"
MILESTONE_FILE = f"content/{MILESTONE}"

# An incident with only what the rules below need, so each test shows every problem it causes.
MAINTENANCE = """\
title: Database upgrade
impact: maintenance
scheduled_for: 2026-07-10T22:00:00Z
scheduled_until: 2026-07-10T23:00:00Z
summary: The app is read-only for up to an hour.
updates:
  - {at: 2026-06-25T10:00:00Z, status: scheduled, body: We will upgrade the database.}
  - {at: 2026-07-10T22:00:00Z, status: in_progress, body: The upgrade has started.}
"""
MAINTENANCE_FILE = "content/incidents/2026-04-01-database-upgrade.yml"


def test_valid_folder_has_no_problems(content: Content) -> None:
    assert human(content()) == []


# Incidents.


def test_resolved_before_started(content: Content) -> None:
    folder = content(replaced(INCIDENT, "resolved: 2026-03-04T10:05:00Z", "resolved: 2026-03-04T09:05:00Z"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:4:11: error: resolved (2026-03-04T09:05:00Z) is before started (2026-03-04T09:12:00Z)",
        f"{INCIDENT_FILE}:8:10: error: update at 2026-03-04T09:20:00Z is after the incident was resolved (2026-03-04T09:05:00Z)",
        f"{INCIDENT_FILE}:9:10: error: update at 2026-03-04T09:41:00Z is after the incident was resolved (2026-03-04T09:05:00Z)",
        f"{INCIDENT_FILE}:10:10: error: update at 2026-03-04T10:05:00Z is after the incident was resolved (2026-03-04T09:05:00Z)",
    ]


def test_moments_are_compared_as_instants_not_wall_clock(content: Content) -> None:
    # 10:30+02:00 is 08:30Z: before the 09:12Z start, though it reads later.
    folder = content(
        replaced(
            INCIDENT,
            "resolved: 2026-03-04T10:05:00Z",
            "resolved: 2026-03-04T12:05:00+02:00",
            "{at: 2026-03-04T09:20:00Z",
            "{at: 2026-03-04T10:30:00+02:00",
        )
    )
    assert human(folder) == [
        f"{INCIDENT_FILE}:8:10: error: update at 2026-03-04T10:30:00+02:00 is before the incident started (2026-03-04T09:12:00Z)"
    ]


def test_incident_updates_out_of_order(content: Content) -> None:
    folder = content(replaced(INCIDENT, "{at: 2026-03-04T09:41:00Z", "{at: 2026-03-04T09:15:00Z"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:9:10: error: updates out of order: 2026-03-04T09:15:00Z comes after 2026-03-04T09:20:00Z "
        "(list updates oldest first)"
    ]


def test_update_before_the_incident_started(content: Content) -> None:
    folder = content(replaced(INCIDENT, "{at: 2026-03-04T09:20:00Z", "{at: 2026-03-04T09:00:00Z"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:8:10: error: update at 2026-03-04T09:00:00Z is before the incident started (2026-03-04T09:12:00Z)"
    ]


def test_update_after_the_incident_was_resolved(content: Content) -> None:
    folder = content(replaced(INCIDENT, "{at: 2026-03-04T10:05:00Z", "{at: 2026-03-04T11:05:00Z"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:10:10: error: update at 2026-03-04T11:05:00Z is after the incident was resolved (2026-03-04T10:05:00Z)"
    ]


def test_missing_started(content: Content) -> None:
    folder = content(replaced(INCIDENT, "started: 2026-03-04T09:12:00Z\n", ""))
    assert human(folder) == [
        f"{INCIDENT_FILE}:1:1: error: 'started' is missing (add started: the moment it began, like 2026-03-04T09:12:00Z)"
    ]


def test_maintenance_may_be_planned_before_it_starts(content: Content) -> None:
    # No `started` while not done, and a `scheduled` update before the window is fine.
    assert human(content({"incidents/2026-04-01-database-upgrade.yml": MAINTENANCE})) == []
    done = MAINTENANCE.replace(
        "impact: maintenance\n", "impact: maintenance\nstarted: 2026-07-10T22:00:00Z\nresolved: 2026-07-10T22:40:00Z\n"
    )
    assert human(content({"incidents/2026-04-01-database-upgrade.yml": done})) == []


def test_finished_maintenance_needs_started(content: Content) -> None:
    done = MAINTENANCE.replace("impact: maintenance\n", "impact: maintenance\nresolved: 2026-07-10T22:40:00Z\n")
    assert human(content({"incidents/2026-04-01-database-upgrade.yml": done})) == [
        f"{MAINTENANCE_FILE}:1:1: error: 'started' is missing (add started: the moment it began, like 2026-03-04T09:12:00Z)"
    ]


def test_maintenance_without_its_window(content: Content) -> None:
    folder = content(replaced(INCIDENT, "impact: major", "impact: maintenance"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:1:1: error: maintenance needs 'scheduled_for' (add scheduled_for: the planned moment)",
        f"{INCIDENT_FILE}:1:1: error: maintenance needs 'scheduled_until' (add scheduled_until: the planned moment)",
    ]


def test_maintenance_window_that_ends_before_it_starts(content: Content) -> None:
    folder = content(
        {"incidents/2026-04-01-database-upgrade.yml": MAINTENANCE.replace("until: 2026-07-10T23:00:00Z", "until: 2026-07-10T21:00:00Z")}
    )
    assert human(folder) == [f"{MAINTENANCE_FILE}:4:18: error: scheduled_until must be after scheduled_for"]


def test_scheduled_for_on_an_incident_that_is_not_maintenance(content: Content) -> None:
    folder = content(replaced(INCIDENT, "impact: major\n", "impact: major\nscheduled_for: 2026-03-04T09:00:00Z\n"))
    assert human(folder) == [f"{INCIDENT_FILE}:3:16: error: only maintenance has 'scheduled_for' (set impact: maintenance, or remove it)"]


# Milestone commitments.


def test_milestone_updates_out_of_order(content: Content) -> None:
    folder = content(replaced(MILESTONE, "on: 2026-06-20", "on: 2026-03-20"))
    assert human(folder) == [
        f"{MILESTONE_FILE}:11:9: error: updates out of order: 2026-03-20 comes after 2026-04-10 (list updates oldest first)"
    ]


def test_update_before_the_promise_was_made(content: Content) -> None:
    folder = content(replaced(MILESTONE, "{on: 2026-02-01, status: not_started}", "{on: 2026-01-01, status: not_started}"))
    assert human(folder) == [f"{MILESTONE_FILE}:9:10: error: update on 2026-01-01 is before the promise was made (2026-02-01)"]


def test_due_before_the_promise_was_made(content: Content) -> None:
    folder = content(replaced(MILESTONE, "due: 2026-06-30", "due: 2026-01-30"))
    assert human(folder) == [f"{MILESTONE_FILE}:6:6: error: due 2026-01-30 is before the promise was made (2026-02-01)"]


def test_withdrawn_without_a_note(content: Content) -> None:
    folder = content(replaced(MILESTONE, "    status: kept\n    note: Export is live for every plan.\n", "    status: withdrawn\n"))
    assert human(folder) == [
        f"{MILESTONE_FILE}:12:13: error: a withdrawn promise needs a note saying why, in a sentence (add note: why we no longer promise this, in three words or more)"
    ]


def test_withdrawn_with_a_note(content: Content) -> None:
    assert human(content(replaced(MILESTONE, "status: kept", "status: withdrawn"))) == []


def test_update_dated_after_today_is_a_warning(content: Content) -> None:
    assert human(content(), as_of=date(2026, 6, 19)) == [
        f"{MILESTONE_FILE}:11:9: warning: update dated 2026-06-20, after today (2026-06-19)"
    ]


# Standing commitments, pricing, site, withdrawn.


def test_period_measured_twice(content: Content) -> None:
    folder = content(replaced(STANDING, "period: 2026-Q2", "period: 2026-Q1"))
    assert [line for line in human(folder) if ": error: " in line] == [
        f"content/{STANDING}:10:14: error: period 2026-Q1 is measured twice (keep one measurement per period)"
    ]


def test_price_change_effective_before_announced(content: Content) -> None:
    # An error only: no extra warning about "-9 days' notice".
    folder = content(replaced("pricing.yml", "effective: 2026-02-15", "effective: 2026-01-01"))
    assert human(folder) == ["content/pricing.yml:11:40: error: takes effect (2026-01-01) before it was announced (2026-01-10)"]


def test_component_id_used_twice(content: Content) -> None:
    folder = content(replaced("site.yml", "{id: api, name: Public API", "{id: login, name: Public API"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:5:19: error: no component 'api' in site.yml (components are: login)",
        "content/site.yml:9:10: error: component id 'login' is used twice",
    ]


def test_record_withdrawn_twice(content: Content) -> None:
    entry = "- {id: old-promise, kind: commitment, on: 2026-01-0%d, reason: Made by mistake.}\n"
    folder = content({"withdrawn.yml": entry % 1 + entry % 2})
    assert human(folder) == ["content/withdrawn.yml:2:8: error: commitment 'old-promise' is listed twice"]


def test_records_built_in_code_are_placed_at_their_file() -> None:
    incident = Incident.model_validate({"id": "outage", "title": "Outage", "impact": "minor", "summary": "Down.", "affected": ["api"]})
    site = Site.model_validate({"name": "X", "url": "https://x.example", "components": [Component(id="api", name="API")]})
    problems = checks.run(RecordSet.holding(site, incident), AS_OF, frozenset())
    assert [problem.human() for problem in problems] == [
        "content/incidents/outage.yml:1:1: error: 'started' is missing (add started: the moment it began, like 2026-03-04T09:12:00Z)"
    ]


def test_valid_content_is_untouched_by_checking(content: Content) -> None:
    folder = content(replaced(INCIDENT, "impact: major", "impact: maintenance"))
    before = {path: path.read_bytes() for path in folder.rglob("*.yml")}
    human(folder)
    assert {path: path.read_bytes() for path in folder.rglob("*.yml")} == before
    assert before[folder / MILESTONE] == VALID[MILESTONE].encode()


# Corrections name a field the record has.


def _corrected(field: str) -> dict[str, str]:
    return {INCIDENT: VALID[INCIDENT] + f"corrections:\n  - {{on: 2026-06-01, field: '{field}', why: We got it wrong.}}\n"}


def test_a_correction_naming_an_unknown_field(content: Content) -> None:
    folder = content(_corrected("impcat"))
    line = VALID[INCIDENT].count("\n") + 2
    assert human(folder) == [f"{INCIDENT_FILE}:{line}:29: error: an incident has no field 'impcat' (did you mean 'impact'?)"]


def test_a_correction_whose_field_is_not_a_path(content: Content) -> None:
    problems = human(content(_corrected("updates[2].body")))
    assert len(problems) == 1 and "error: 'updates[2].body' is not a field path (write the field as check --against names it" in problems[0]


def test_a_correction_of_a_nested_field_passes(content: Content) -> None:
    assert human(content(_corrected("updates.1.body"))) == []


# Standing promises: met is computed where the numbers decide it.


def test_a_typed_met_that_contradicts_the_numbers(content: Content) -> None:
    text = VALID[STANDING]
    assert "met: true" in text
    actual = text.split("actual: ", 1)[1].split(",", 1)[0]
    changed = text.replace(f"actual: {actual}, met: true", "actual: 91.0%, met: true", 1)
    problems = human(content({STANDING: changed}))
    assert len(problems) == 1
    assert (
        "error: met: true says the target was met, but '91.0%' does not meet the target '95% of emails answered within one working day'"
        in problems[0]
    )
    assert problems[0].endswith("(remove met: (it is computed from actual and target), or correct actual)")


def test_met_may_be_left_out_when_computable(content: Content) -> None:
    assert human(content({STANDING: VALID[STANDING].replace(", met: true", "").replace(", met: false", "")})) == []


def test_met_is_required_when_it_cannot_be_computed(content: Content) -> None:
    text = VALID[STANDING]
    actual = text.split("actual: ", 1)[1].split(",", 1)[0]
    changed = text.replace(f"actual: {actual}, met: true", "actual: most of them", 1)
    problems = human(content({STANDING: changed}))
    assert len(problems) == 1 and "error: 'met' is missing: 'most of them' cannot be compared with the target" in problems[0]
