"""One event of the record: its filter, the page that shows it, and an id that only what happened decides."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from tests.test_record_set import Award
from trustpages import kinds
from trustpages.kinds import Facts, Kind
from trustpages.records import Incident
from trustpages.timeline.event import Event, filters, midnight, utc

AT = datetime(2026, 3, 4, 9, 12, tzinfo=UTC)


def incident(impact: str) -> Incident:
    window = {"scheduled_for": "2026-03-10T10:00:00Z", "scheduled_until": "2026-03-10T11:00:00Z"} if impact == "maintenance" else {}
    return Incident.model_validate({"id": "i", "title": "I", "impact": impact, "started": "2026-03-04T09:12:00Z", "summary": "x", **window})


@pytest.mark.parametrize(
    ("event", "filter_", "page", "address"),
    [
        (Event("commitment.status", "export", "Export", AT), "promises", "commitments/export.md", "commitments/export/"),
        (Event("incident.new", "i", "I", AT, incident=incident("major")), "incidents", "incidents/i.md", "incidents/i/"),
        (Event("incident.new", "i", "I", AT, incident=incident("maintenance")), "maintenance", "incidents/i.md", "incidents/i/"),
        (Event("mistake.corrected", "m", "M", AT), "corrections", "mistakes/m.md", "mistakes/m/"),
        (Event("pricing.effective", "", "Team", AT), "prices", "pricing.md", "pricing/"),
        (Event("data.change", "", "Mailer", AT), "data", "data.md", "data/"),
        (Event("survey.wave", "trust", "Trust", AT), "surveys", "surveys/trust.md", "surveys/trust/"),
    ],
)
def test_each_event_has_one_filter_and_the_page_of_its_record(event: Event, filter_: str, page: str, address: str) -> None:
    assert (event.filter, event.page, event.address) == (filter_, page, address)
    assert event.filter in filters()


def test_the_id_is_what_happened_never_its_wording() -> None:
    event = Event("commitment.status", "export", "Export", AT, status="kept", body="Live.")
    assert event.id == Event("commitment.status", "export", "Renamed", AT, status="kept", body="Reworded.").id
    assert event.id != Event("commitment.status", "export", "Export", AT, status="broken").id
    assert event.id != Event("commitment.status", "export", "Export", midnight(date(2026, 3, 5)), status="kept").id
    assert event.id == "e2740cbaa52810bd34e6"  # published in feeds: the same in every version
    # A new incident or mistake is one event whatever its time.
    assert Event("mistake.new", "m", "M", AT).id == Event("mistake.new", "m", "M", midnight(date(2026, 1, 1))).id


def test_its_day_is_where_the_site_is_when_given() -> None:
    assert Event("mistake.new", "m", "M", datetime(2026, 3, 4, 23, 30, tzinfo=UTC)).day == date(2026, 3, 4)
    assert Event("mistake.new", "m", "M", datetime(2026, 3, 4, 23, 30, tzinfo=UTC), on=date(2026, 3, 5)).day == date(2026, 3, 5)
    assert utc(datetime.fromisoformat("2026-03-05T00:30:00+01:00")) == datetime(2026, 3, 4, 23, 30, tzinfo=UTC)


def test_an_event_its_kind_says_comes_once_per_record_is_known_by_its_record_alone() -> None:
    later = midnight(date(2026, 5, 1))
    assert Event("incident.new", "i", "I", AT, status="major").id == Event("incident.new", "i", "I", later, status="minor").id
    assert Event("incident.update", "i", "I", AT, status="resolved").id != Event("incident.update", "i", "I", later, status="resolved").id
    award = Kind("award", Award, folder="awards", timeline=lambda records, as_of, history: (), facts=Facts(lists=()))
    with kinds.registered(award):
        assert Event("award.given", "a", "A", AT).id != Event("award.given", "a", "A", later).id
    with kinds.registered(dataclasses.replace(award, once_per_record=("given",))):
        assert Event("award.given", "a", "A", AT).id == Event("award.given", "a", "A", later).id
        assert Event("award.corrected", "a", "A", AT).id != Event("award.corrected", "a", "A", later).id
