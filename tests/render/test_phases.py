"""Where an incident or maintenance stands is worded by one function (status.phase) on every page, and agrees with the data files."""

from __future__ import annotations

import json
import re
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from tests.gitrepo import REPO
from trustpages.pipeline import make_site
from trustpages.records import Incident, RecordSet
from trustpages.render import Output
from trustpages.render.htmlpage import text_of
from trustpages.status import phase
from trustpages.validate import validate

AS_OF = date(2026, 12, 6)  # the bank sync maintenance is planned for the night of 12 to 13 December
BERLIN = ZoneInfo("Europe/Berlin")
# Statuspage's words for each phase (its update statuses)
AGREES = {
    "scheduled": {"scheduled"},
    "in_progress": {"in_progress", "verifying"},
    "completed": {"completed"},
    "overran": {"in_progress", "verifying", "scheduled"},
    "ongoing": {"investigating", "identified", "monitoring", "update"},
    "resolved": {"resolved", "postmortem"},
}


@pytest.fixture(scope="module")
def example() -> tuple[RecordSet, Output]:
    records = validate(REPO / "content", AS_OF, advice=False).records
    assert records is not None
    return records, make_site(records, AS_OF)


def maintenance(**fields: str) -> Incident:
    base = {"title": "Move", "impact": "maintenance", "summary": "We move servers.", "scheduled_for": "2026-12-12T23:00:00Z"}
    return Incident.model_validate({**base, "scheduled_until": "2026-12-13T01:00:00Z", **fields})


def test_maintenance_a_week_away_is_scheduled_then_in_progress_then_completed_or_overran() -> None:
    planned = maintenance(updates=[{"at": "2026-11-20T10:00:00Z", "status": "scheduled", "body": "Planned."}])
    assert phase(planned, AS_OF, BERLIN) == "scheduled"
    assert phase(planned, date(2026, 12, 12), BERLIN) == "scheduled"  # its day, not begun: the records say when it starts
    started = planned.model_copy(update={"started": planned.scheduled_for})
    assert phase(started, date(2026, 12, 13), BERLIN) == "in_progress"
    assert phase(planned, date(2026, 12, 15), BERLIN) == "overran"
    assert phase(started.model_copy(update={"resolved": planned.scheduled_until}), date(2026, 12, 15), BERLIN) == "completed"


def test_the_maintenance_page_says_scheduled_and_what_is_planned_never_ongoing(example: tuple[RecordSet, Output]) -> None:
    _, output = example
    page = text_of(output.pages["incidents/2026-12-12-bank-sync-maintenance.md"])
    assert "○ Scheduled" in page and "What we plan" in page
    assert "Ongoing" not in page and "What happened" not in page
    rows = re.findall(r"<tr>(?:(?!</tr>).)*2026-12-12-bank-sync-maintenance(?:(?!</tr>).)*</tr>", output.pages["incidents/index.md"], re.S)
    assert rows and not [row for row in rows if "Ongoing" in text_of(row)]


def test_every_page_and_the_statuspage_data_agree_on_where_each_incident_stands(example: tuple[RecordSet, Output]) -> None:
    records, output = example
    data = {i["id"]: i["status"] for i in json.loads(output.assets["api/v2/incidents.json"])["incidents"]}
    data |= {i["id"]: i["status"] for i in json.loads(output.assets["api/v2/scheduled-maintenances.json"])["scheduled_maintenances"]}
    checked = set()
    for incident in records.incidents:
        now = phase(incident, AS_OF, BERLIN)
        if incident.id not in data:  # the Statuspage files hold the recent and the unfinished ones
            continue
        checked.add(now)
        assert data[incident.id] in AGREES[now], (incident.id, now, data[incident.id])
        words = {
            "scheduled": "Scheduled",
            "in_progress": "In progress",
            "completed": "Completed",
            "ongoing": "Ongoing",
            "resolved": "Resolved",
        }
        said = re.search(r'<p class="tp-record-status">.*?</p>', output.pages[f"incidents/{incident.id}.md"], re.S)
        assert said and words.get(now, "") in text_of(said.group(0)), incident.id
    assert {"scheduled", "ongoing", "resolved"} <= checked


def test_every_link_to_a_promise_says_where_it_stands(example: tuple[RecordSet, Output]) -> None:
    """The data page's deletion promise is overdue: the link says so, and how late, as the incident pages' do."""
    records, output = example
    data = text_of(output.pages["data.md"].split('id="your-rights"')[1])
    assert "Closed accounts are deleted within 30 days Overdue 128 days late" in data
    contact = text_of(output.pages["contact.md"])
    assert re.search(r"We answer every support email within one working day Target met in \d+ of \d+ periods \(\d+%\)", contact)
    # Every page: no link to a promise's page stands without a status beside it.
    ids = {c.id for c in records.commitments}
    for path, page in output.pages.items():
        if path.startswith(("commitments/", "record/", "metrics", "log/")) or path == "index.md":
            continue  # the promises' own lists (status in their column or group); the record and the log list what happened to them
        for found in re.finditer(r'<a href="[^"]*commitments/([a-z0-9-]+)/">[^<]*</a>(.{0,120})', page):
            if found.group(1) in ids:
                assert "tp-status" in found.group(2) or "tp-record-note" in found.group(2), (path, found.group(0))
