"""The record over time: every event computed from the records, on the day it happened, worded, tallied and paged."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel

from trustpages import metrics, timeline
from trustpages.publiclog.times import period_end
from trustpages.records import Incident, Milestone, RecordSet, Site
from trustpages.records.commitment import FINISHED
from trustpages.records.pricing import Pricing
from trustpages.strings import Strings
from trustpages.timeline import pages
from trustpages.validate import validate

REPO = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 12, 6)
SITE = Site.model_validate({"name": "Test", "url": "https://trust.example", "timezone": "Europe/Berlin"})
EN = timeline.Words(Strings.for_site("en"), ZoneInfo("Europe/Berlin"))


def milestone(id: str, due: str, *updates: tuple[str, str], made_on: str = "2026-01-05", **extra: Any) -> Milestone:
    found = Milestone.model_validate(
        {
            "title": f"Promise {id}",
            "promise": "We will do it.",
            "why": "Customers asked.",
            "made_on": made_on,
            "due": due,
            "owner": "Team",
            "updates": [
                {"on": on, "status": status, **({"note": "We could not do it safely."} if status == "withdrawn" else {})}
                for on, status in updates
            ],
            **extra,
        }
    )
    return found.model_copy(update={"id": id})


def events_of(*records: BaseModel, as_of: date = AS_OF) -> list[timeline.Event]:
    return timeline.record(RecordSet.holding(SITE, *records), as_of)


def test_a_kept_promise_appears_on_the_day_it_was_kept() -> None:
    kept = milestone("export", "2026-06-30", ("2026-01-05", "not_started"), ("2026-03-01", "in_progress"), ("2026-06-20", "kept"))
    events = events_of(kept)
    assert [(e.kind, e.status, e.day) for e in events] == [
        ("commitment.status", "kept", date(2026, 6, 20)),
        ("commitment.status", "in_progress", date(2026, 3, 1)),
        ("commitment.made", "milestone", date(2026, 1, 5)),  # its first not_started, the day it was made, is its making
    ]
    assert EN.outcome(events[0]) == "Kept"
    assert EN.outcome(events[-1]) == "Promise made, due 30 June 2026"


def test_an_overdue_promise_goes_overdue_the_day_after_its_due_date_as_first_published() -> None:
    late = milestone("sms", "2026-09-30", ("2026-01-05", "in_progress")).first_promised(date(2026, 5, 31))  # moved since
    events = events_of(late)
    overdue = [e for e in events if e.kind == "commitment.overdue"]
    assert [(e.day, e.at.isoformat()) for e in overdue] == [(date(2026, 6, 1), "2026-06-01T00:00:00+00:00")]
    assert EN.outcome(overdue[0]) == "Overdue: not kept by 31 May 2026"
    assert metrics.status(late, AS_OF) == "overdue"
    # Not before its day: the day of the due date itself is still on time.
    assert not [e for e in events_of(late, as_of=date(2026, 5, 31)) if e.kind == "commitment.overdue"]


def test_a_promise_kept_late_went_overdue_and_was_kept_later_and_one_kept_in_time_never_went_overdue() -> None:
    late = milestone("late", "2026-03-31", ("2026-01-05", "in_progress"), ("2026-04-12", "kept"))
    on_time = milestone("on-time", "2026-03-31", ("2026-01-05", "in_progress"), ("2026-03-31", "kept"))
    events = events_of(late, on_time)
    late_events = [(e.kind, e.day, EN.outcome(e)) for e in events if e.record_id == "late" and e.kind != "commitment.made"]
    assert late_events == [
        ("commitment.status", date(2026, 4, 12), "Kept, 12 days late"),
        ("commitment.overdue", date(2026, 4, 1), "Overdue: not kept by 31 March 2026"),
        ("commitment.status", date(2026, 1, 5), "Work in progress"),
    ]
    assert "commitment.overdue" not in {e.kind for e in events if e.record_id == "on-time"}


def test_a_promise_withdrawn_after_its_due_date_says_so_and_counts_as_broken_in_the_tally() -> None:
    withdrawn = milestone("w", "2026-03-31", ("2026-01-05", "in_progress"), ("2026-05-01", "withdrawn"))
    events = events_of(withdrawn)
    [gone] = [e for e in events if e.status == "withdrawn"]
    assert EN.outcome(gone) == "Withdrawn after its due date, so it counts as broken: We could not do it safely."
    assert timeline.tally(events)[0].counts[:3] == (("kept", 0), ("broken", 1), ("overdue", 1))


def test_nothing_after_as_of_is_in_the_record_yet() -> None:
    maintenance = Incident.model_validate(
        {
            "title": "Planned maintenance",
            "impact": "maintenance",
            "scheduled_for": "2026-12-12T23:00:00Z",
            "scheduled_until": "2026-12-13T01:00:00Z",
            "summary": "We move servers.",
            "updates": [{"at": "2026-11-20T10:00:00Z", "status": "scheduled", "body": "Planned for the 13th."}],
        }
    ).model_copy(update={"id": "m"})
    pricing = Pricing.model_validate(
        {
            "currency": "EUR",
            "plans": [{"name": "Team", "price": 12, "per": "month"}],
            "cancel": "Any time.",
            "refunds": "Within 30 days.",
            "history": [{"announced": "2026-11-01", "effective": "2027-01-01", "plan": "Team", "from": 10, "to": 12, "why": "Costs rose."}],
        }
    )
    events = events_of(maintenance, pricing)
    # The maintenance was announced (not begun, not done); the price change announced, not yet in effect.
    assert [(e.kind, e.day, EN.outcome(e)) for e in events] == [
        ("incident.new", date(2026, 11, 20), "Maintenance announced for 13 December 2026"),
        ("pricing.announced", date(2026, 11, 1), "Announced: Team goes from 10 to 12 EUR on 1 January 2027 (61 days' notice)"),
    ]
    assert [e.filter for e in events] == ["maintenance", "prices"]


def test_incidents_start_and_end_where_the_site_is() -> None:
    incident = Incident.model_validate(
        {
            "title": "Login failed",
            "impact": "major",
            "started": "2026-03-04T23:30:00Z",  # 00:30 on 5 March in Berlin
            "resolved": "2026-03-05T01:00:00Z",
            "summary": "Logins failed.",
        }
    ).model_copy(update={"id": "login"})
    events = events_of(incident)
    assert [(e.kind, e.day, EN.outcome(e)) for e in events] == [
        ("incident.resolved", date(2026, 3, 5), "Resolved after 1 h 30 min"),
        ("incident.new", date(2026, 3, 5), "Began; impact: Major"),
    ]


@pytest.fixture(scope="module")
def example() -> RecordSet:
    result = validate(REPO / "content", AS_OF, advice=False)
    assert result.records is not None
    return result.records


def test_the_example_record_counts_every_event_of_its_records(example: RecordSet) -> None:
    """Each filter's events, counted by hand from the records: nothing typed, nothing left out."""
    events = timeline.record(example, AS_OF)
    by_filter = Counter(e.filter for e in events)
    promises = 0
    for c in example.commitments:
        promises += 1  # made
        if isinstance(c, Milestone):
            statuses = [(u.on, u.status) for u in c.updates]
            promises += sum(
                1 for i, (on, s) in enumerate(statuses) if (s != statuses[i - 1][1] if i else not (s == "not_started" and on == c.made_on))
            )
            finished = [u.status for u in c.updates if u.on <= c.counted_due][-1:]
            promises += c.counted_due < AS_OF and not (finished and finished[0] in FINISHED)
        else:
            promises += sum(1 for m in c.measurements if metrics.counted(m) and m.met is False)
    real = [i for i in example.incidents if i.impact != "maintenance"]
    planned = [i for i in example.incidents if i.impact == "maintenance"]
    typed_postmortems = sum(1 for i in real if i.resolved and any(u.status == "postmortem" for u in i.updates))
    assert example.pricing is not None
    [data] = example.named("data")
    [survey] = example.named("survey")
    assert dict(by_filter) == {
        "promises": promises,
        "incidents": sum(1 + (i.resolved is not None) for i in real) + typed_postmortems,
        "maintenance": sum((i.updates[0].at.date() <= AS_OF) + (i.resolved is not None) for i in planned),
        "mistakes": len(example.mistakes),
        "corrections": sum(len(r.corrections) for r in (*example.commitments, *example.incidents, *example.mistakes)),
        "prices": sum((c.announced <= AS_OF) + (c.effective <= AS_OF) for c in example.pricing.history),
        "data": sum((c.announced <= AS_OF) + (c.effective <= AS_OF) for c in data.changes),
        "surveys": sum(1 for w in survey.waves if period_end(w.period) < AS_OF),
    }
    assert by_filter["promises"] > 30 and by_filter["incidents"] > 10  # the example has a record to count
    # Newest first by day, and every event on or before as_of.
    days = [e.day for e in events]
    assert days == sorted(days, reverse=True) and days[0] <= AS_OF
    # Good and bad news are worded alike, with no raw date in any of them.
    for words in (EN, timeline.Words(Strings.for_site("de"), EN.zone)):
        assert not [w for e in events if re.search(r"\d{4}-\d\d-\d\d", w := words.headline(e))]


def test_the_yearly_tally_counts_the_events_of_each_year(example: RecordSet) -> None:
    events = timeline.record(example, AS_OF)
    tally = {year.year: dict(year.counts) for year in timeline.tally(events)}
    for year, counts in tally.items():
        mine = [e for e in events if e.day.year == year]
        assert counts["kept"] == sum(1 for e in mine if e.kind == "commitment.status" and e.status == "kept")
        assert counts["incidents"] == sum(1 for e in mine if e.kind == "incident.new" and e.status != "maintenance")
        assert counts["mistakes"] == sum(1 for m in example.mistakes if m.on.year == year)
        assert counts["overdue"] == sum(1 for e in mine if e.kind == "commitment.overdue")
    assert list(tally) == sorted(tally, reverse=True)
    # Bad news is shown even when it is zero: 2025 broke no promise, and says so.
    assert all({"kept", "broken", "overdue", "incidents", "mistakes"} <= set(counts) for counts in tally.values())
    assert tally[2025]["broken"] == 0


def test_pages_hold_every_event_once_per_listing_in_pages_of_a_few_hundred() -> None:
    day = date(2020, 1, 1)
    many = [
        timeline.Event("mistake.new", f"m{n}", "M", timeline.event.midnight(day + timedelta(days=n)), on=day + timedelta(days=n))
        for n in range(450)
    ]
    events = sorted(many, key=lambda e: e.day, reverse=True)
    every = timeline.every_page(events)
    everything = [p for p in every if p.filter is None]
    assert [p.path for p in everything] == ["record/index.md", "record/2.md", "record/3.md"]
    assert [sum(len(m.events) for m in p.months) for p in everything] == [200, 200, 50]
    assert everything[1].previous == "record/index.md" and everything[1].next == "record/3.md"
    shown = [e for p in everything for m in p.months for e in m.events]
    assert shown == events
    mistakes = [p for p in every if p.filter == "mistakes"]
    assert [p.path for p in mistakes] == ["record/mistakes/index.md", "record/mistakes/2.md", "record/mistakes/3.md"]
    # A filter with nothing in it still has its page, which says so.
    assert [p.months for p in every if p.filter == "prices"] == [()]
    assert pages.counts(events)["mistakes"] == 450


def test_a_corrected_date_is_said_in_words() -> None:
    event = timeline.Event(
        "commitment.corrected",
        "r",
        "Receipts",
        timeline.event.midnight(date(2026, 11, 23)),
        "due",
        on=date(2026, 11, 23),
        detail=(("old", "2027-03-31"), ("new", "2027-06-30")),
    )
    assert EN.outcome(event) == "Corrected due date: was “31 March 2027”, now “30 June 2027”"
