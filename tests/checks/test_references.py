"""Every id a record mentions must name a record that exists, or one withdrawn on purpose."""

from __future__ import annotations

from tests.conftest import INCIDENT, MISTAKE, Content, human, replaced

INCIDENT_FILE = f"content/{INCIDENT}"
MISTAKE_FILE = f"content/{MISTAKE}"


def test_unknown_follow_up_commitment(content: Content) -> None:
    folder = content(replaced(INCIDENT, "follow_ups: [export-all-data]", "follow_ups: [export-all-dat]"))
    assert human(folder) == [f"{INCIDENT_FILE}:14:14: error: no commitment with id 'export-all-dat' (did you mean 'export-all-data'?)"]


def test_unknown_follow_up_without_a_close_match(content: Content) -> None:
    folder = content(replaced(INCIDENT, "follow_ups: [export-all-data]", "follow_ups:\n  - export-all-data\n  - faster-refunds"))
    assert human(folder) == [f"{INCIDENT_FILE}:16:5: error: no commitment with id 'faster-refunds' (ids are file names without .yml)"]


def test_follow_up_must_be_a_commitment_not_another_kind(content: Content) -> None:
    folder = content(replaced(INCIDENT, "follow_ups: [export-all-data]", "follow_ups: [2026-05-02-double-charged]"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:14:14: error: no commitment with id '2026-05-02-double-charged' (ids are file names without .yml)"
    ]


def test_unknown_related_record(content: Content) -> None:
    folder = content(replaced(MISTAKE, "related: [2026-03-04-login-failures]", "related: [2026-03-04-login-failure]"))
    assert human(folder) == [
        f"{MISTAKE_FILE}:8:11: error: no record with id '2026-03-04-login-failure' (did you mean '2026-03-04-login-failures'?)"
    ]


def test_related_may_name_any_commitment_incident_or_mistake(content: Content) -> None:
    folder = content(replaced(MISTAKE, "related: [2026-03-04-login-failures]", "related: [2026-03-04-login-failures, export-all-data]"))
    assert human(folder) == []


def test_reference_to_a_withdrawn_record_is_fine(content: Content) -> None:
    folder = content(
        {
            **replaced(MISTAKE, "related: [2026-03-04-login-failures]", "related: [2025-01-01-old-outage]"),
            "withdrawn.yml": "- {id: 2025-01-01-old-outage, kind: incident, on: 2026-01-05, reason: Posted by mistake.}\n",
        }
    )
    assert human(folder) == []


def test_reference_to_a_broken_record_reports_only_the_broken_file(content: Content) -> None:
    # The file exists: saying the id is unknown would send people looking in the wrong place.
    folder = content(replaced(INCIDENT, "impact: major", "impact: severe"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:2:9: error: impact: expected one of none, minor, partial, major, critical, maintenance; got 'severe'"
    ]


def test_unknown_response_promise(content: Content) -> None:
    folder = content(replaced("contact.yml", "response_promise: reply-within-one-day", "response_promise: reply-within-a-day"))
    assert human(folder) == [
        "content/contact.yml:3:24: error: no commitment with id 'reply-within-a-day' (did you mean 'reply-within-one-day'?)"
    ]


def test_unknown_affected_component_did_you_mean(content: Content) -> None:
    folder = content(replaced(INCIDENT, "affected: [login, api]", "affected: [login, apii]"))
    assert human(folder) == [f"{INCIDENT_FILE}:5:19: error: no component 'apii' in site.yml (did you mean 'api'?)"]


def test_unknown_affected_component_lists_the_known_ones(content: Content) -> None:
    folder = content(replaced(INCIDENT, "affected: [login, api]", "affected: [billing, login]"))
    assert human(folder) == [f"{INCIDENT_FILE}:5:12: error: no component 'billing' in site.yml (components are: api, login)"]


def test_affected_component_when_site_lists_none(content: Content) -> None:
    folder = content(
        replaced(
            "site.yml",
            "components:\n  - {id: login, name: Login, group: Web app}\n  - {id: api, name: Public API, group: Developers}\n",
            "",
        )
    )
    assert human(folder) == [
        f"{INCIDENT_FILE}:5:12: error: no component 'login' in site.yml (list the components in site.yml)",
        f"{INCIDENT_FILE}:5:19: error: no component 'api' in site.yml (list the components in site.yml)",
    ]
