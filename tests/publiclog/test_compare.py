"""trustpages.publiclog: the content against the log — new facts logged, rewrites refused, corrections logged as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, INCIDENT, MILESTONE, MISTAKE, VALID, Content, replaced
from trustpages.publiclog.compare import extend
from trustpages.publiclog.facts import EXISTS
from trustpages.publiclog.log import Log
from trustpages.records import RecordSet
from trustpages.validate import validate

T1, T2 = "2026-07-01T10:00:00Z", "2026-07-02T10:00:00Z"


def records(folder: Path) -> RecordSet:
    result = validate(folder, AS_OF)
    assert not result.errors, [p.human() for p in result.errors]
    assert result.records is not None
    return result.records


@pytest.fixture
def published(content: Content) -> Log:
    log = Log()
    comparison = extend(log, records(content()), T1, "a" * 40, first_publication=True)
    assert not comparison.problems
    return log


def again(log: Log, content: Content, changes: dict[str, str | bytes | None]) -> list[str]:
    comparison = extend(log, records(content(changes)), T2, "b" * 40)
    return [p.human() for p in comparison.problems]


def test_the_first_publication_logs_every_fact_once(published: Log) -> None:
    assert published.checkpoints[0].first_publication and published.checkpoints[0].size == published.size
    keys = [(e.kind, e.id, e.key) for e in published.entries]
    assert len(keys) == len(set(keys))
    assert ("commitment", "export-all-data", "due") in keys
    assert ("incident", "2026-03-04-login-failures", EXISTS) in keys
    assert sum(1 for e in published.entries if e.id == "export-all-data" and e.key.startswith("updates#")) == 3


def test_publishing_the_same_content_again_adds_nothing(published: Log, content: Content) -> None:
    size = published.size
    assert again(published, content, {}) == []
    assert published.size == size and len(published.checkpoints) == 2


def test_a_rewritten_due_date_is_refused_at_its_line(published: Log, content: Content) -> None:
    size = published.size
    found = again(published, content, replaced(MILESTONE, "due: 2026-06-30", "due: 2026-09-30"))
    assert found == [
        "content/commitments/export-all-data.yml:6:6: error: due: published as '2026-06-30' on 2026-07-01T10:00:00Z "
        "(public log), now '2026-09-30' (a published fact changes only with a public correction: add corrections: - "
        "{on: 2026-07-02, field: due, why: …}, or change it back)"
    ]
    assert published.size == size and len(published.checkpoints) == 1  # nothing logged


def test_a_correction_logs_the_new_value_as_replacing_the_old(published: Log, content: Content) -> None:
    text = replaced(MILESTONE, "due: 2026-06-30", "due: 2026-09-30")[MILESTONE] + (
        "corrections:\n  - {on: 2026-07-02, field: due, why: We typed the wrong month when we made the promise.}\n"
    )
    assert again(published, content, {MILESTONE: text}) == []
    new = [e for e in published.entries if e.time == T2]
    assert {e.key for e in new} == {"due", next(e.key for e in new if e.key.startswith("corrections#"))}
    due = next(e for e in new if e.key == "due")
    assert due.value == "2026-09-30" and published.entries[due.replaces or 0].value == "2026-06-30"


def test_deleting_and_recreating_a_record_keeps_its_first_facts(published: Log, content: Content) -> None:
    assert again(published, content, {MISTAKE: None}) == [
        "content/withdrawn.yml:1:1: error: mistake '2026-05-02-double-charged' was published on 2026-07-01T10:00:00Z (public log) "
        "and is missing now (list it in content/withdrawn.yml with id, kind, on and reason, or restore the file)"
    ]
    # Recreated with a later due date after a deletion that was published somehow: the log still has the first one.
    assert "due: published as '2026-06-30'" in again(published, content, replaced(MILESTONE, "due: 2026-06-30", "due: 2027-01-31"))[0]


def test_an_update_inserted_before_the_published_ones_is_a_new_fact(published: Log, content: Content) -> None:
    earlier = "updates:\n  - {on: 2026-02-01, status: in_progress, note: We started early.}\n"
    text = VALID[MILESTONE].replace("updates:\n", earlier, 1)
    assert again(published, content, {MILESTONE: text}) == []
    [new] = [e for e in published.entries if e.time == T2]
    assert new.path == "updates.1" and new.value["note"] == "We started early."


def test_a_rewritten_update_is_refused_and_a_removed_one_too(published: Log, content: Content) -> None:
    found = again(published, content, replaced(MILESTONE, "CSV export is in beta.", "CSV and JSON export are in beta."))
    assert len(found) == 1 and "updates.2: published as" in found[0] and "now '" in found[0]
    found = again(published, content, replaced(MILESTONE, "  - {on: 2026-04-10, status: in_progress, note: CSV export is in beta.}\n", ""))
    assert len(found) == 1 and "updates.2: published as" in found[0] and found[0].split(" (a published")[0].endswith("removed")


def test_a_set_only_grows(published: Log, content: Content) -> None:
    found = again(published, content, replaced(INCIDENT, "affected: [login, api]", "affected: [login]"))
    assert len(found) == 1 and "affected.2: published as 'api'" in found[0]


def test_a_plan_price_changes_with_a_history_row(published: Log, content: Content) -> None:
    pricing = VALID["pricing.yml"]
    raised = pricing.replace("price: 12", "price: 15", 1)
    assert raised != pricing
    assert "plans.team.price: published as '12'" in again(published, content, {"pricing.yml": raised})[0]


MAINTENANCE = "incidents/2026-05-10-database-upgrade.yml"
WINDOW = """\
title: Database upgrade
impact: maintenance
scheduled_for: 2026-05-10T01:00:00Z
scheduled_until: 2026-05-10T03:00:00Z
unannounced_impact: major
summary: We upgraded the main database.
updates:
  - {at: 2026-05-01T09:00:00Z, status: scheduled, body: We will upgrade the database on 10 May from 01:00 to 03:00 UTC.}
"""


def test_a_maintenance_window_is_a_published_fact(content: Content) -> None:
    log = Log()
    assert not extend(log, records(content({MAINTENANCE: WINDOW})), T1, "a" * 40, True).problems
    moved = WINDOW.replace("scheduled_until: 2026-05-10T03:00:00Z", "scheduled_until: 2026-05-10T01:30:00Z")
    found = [p.human() for p in extend(log, records(content({MAINTENANCE: moved})), T2, "b" * 40).problems]
    assert len(found) == 1 and "scheduled_until: published as '2026-05-10T03:00:00Z'" in found[0]
    milder = WINDOW.replace("unannounced_impact: major", "unannounced_impact: minor")
    assert "unannounced_impact: published as 'major'" in again(log, content, {MAINTENANCE: milder})[0]


def test_a_renamed_plan_keeps_its_price_and_terms_are_facts(content: Content) -> None:
    pricing = VALID["pricing.yml"].replace("{name: Team,", "{id: team, name: Team,")
    log = Log()
    assert not extend(log, records(content({"pricing.yml": pricing})), T1, "a" * 40, True).problems
    renamed = pricing.replace("name: Team, price: 12", "name: Team Plus, price: 15")
    assert "plans.team.price: published as '12'" in again(log, content, {"pricing.yml": renamed})[0]
    assert again(log, content, {"pricing.yml": pricing.replace("name: Team,", "name: Teams,")}) == []  # a new name alone
    stricter = pricing.replace("Full refund within 30 days, no questions asked.", "Refunds at our discretion.")
    assert "refunds: published as 'Full refund within 30 days, no questions asked.'" in again(log, content, {"pricing.yml": stricter})[0]
    cheaper_fee = pricing.replace("{name: Paper invoice, price: 2, per: invoice}", "{name: Paper invoice, price: 5, per: invoice}")
    assert "fees.1: published as" in again(log, content, {"pricing.yml": cheaper_fee})[0]


def test_a_name_that_mixes_scripts_is_an_error(content: Content) -> None:
    from tests.conftest import human

    spoofed = VALID["pricing.yml"].replace("{name: Team,", "{name: Tеam,")  # a Cyrillic е
    found = human(content({"pricing.yml": spoofed}))
    assert any("mixes Latin letters with U+0435 (CYRILLIC SMALL LETTER IE)" in line for line in found), found


def test_every_correction_of_any_file_is_public(content: Content) -> None:
    import json

    from trustpages.pipeline import make_site

    site = VALID["site.yml"].replace("postmortem_within_days: 7", "postmortem_within_days: 10") + (
        "corrections:\n  - {on: 2026-06-01, field: policies.postmortem_within_days, why: Our reviews take longer than a week.}\n"
    )
    output = make_site(records(content({"site.yml": site})), AS_OF)
    page = output.pages["log/index.md"]
    assert "Our rules (site.yml)" in page and "Our reviews take longer than a week." in page
    summary = json.loads(output.assets["api/v1/summary.json"])
    assert summary["site_corrections"] == [
        {"on": "2026-06-01", "field": "policies.postmortem_within_days", "why": "Our reviews take longer than a week."}
    ]
