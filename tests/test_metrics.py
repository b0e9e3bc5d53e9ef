"""trustpages.metrics: each formula against hand computation, table-driven, with the promise counted as first made."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from trustpages import metrics
from trustpages.records import Milestone, RecordSet, Site

AS_OF = date(2026, 6, 30)
SITE = Site.model_validate({"name": "Test", "url": "https://trust.example"})


def milestone(id: str, due: str, *updates: tuple[str, str], first_due: str | None = None) -> Milestone:
    data: dict[str, Any] = {
        "id": id,
        "title": id,
        "promise": "p",
        "why": "w",
        "made_on": "2026-01-01",
        "owner": "o",
        "due": due,
        "updates": [{"on": on, "status": status} for on, status in updates],
    }
    made = Milestone.model_validate(data)
    return made.first_promised(date.fromisoformat(first_due)) if first_due else made


CASES = [
    # (what, milestone, shown status, days late)
    ("due today, not done", milestone("a", "2026-06-30", ("2026-02-01", "in_progress")), "in_progress", None),
    ("due yesterday, not done", milestone("b", "2026-06-29", ("2026-02-01", "in_progress")), "overdue", 1),
    ("kept on the day", milestone("c", "2026-05-31", ("2026-05-31", "kept")), "kept", None),
    ("kept 10 days late", milestone("d", "2026-05-31", ("2026-06-10", "kept")), "kept", 10),
    ("partly kept late", milestone("e", "2026-05-31", ("2026-06-02", "partly_kept")), "partly_kept", 2),
    ("broken after the due date: not late, broken", milestone("f", "2026-05-31", ("2026-06-20", "broken")), "broken", None),
    ("withdrawn", milestone("g", "2026-05-31", ("2026-05-01", "withdrawn")), "withdrawn", None),
    ("nothing decided, due later", milestone("h", "2026-12-31"), "not_started", None),
    ("stalled past due", milestone("i", "2026-06-01", ("2026-03-01", "stalled")), "overdue", 29),
    ("moved from the past to next year: still overdue", milestone("j", "2027-06-30", first_due="2026-06-20"), "overdue", 10),
    ("kept by the new date, late by the first", milestone("k", "2026-12-31", ("2026-06-25", "kept"), first_due="2026-06-15"), "kept", 10),
]


@pytest.mark.parametrize(("what", "m", "shown", "late"), CASES, ids=[c[0] for c in CASES])
def test_status_and_days_late(what: str, m: Milestone, shown: str, late: int | None) -> None:
    assert metrics.status(m, AS_OF) == shown
    assert metrics.days_late(m, AS_OF) == late


def records(*ms: Milestone) -> RecordSet:
    return RecordSet.holding(SITE, *ms)


def test_the_rates_by_hand() -> None:
    every = records(*(c[1] for c in CASES))
    tally = metrics.PromiseTally.of(metrics.milestones(every), AS_OF)
    # kept: c, d, k; partly kept: e; broken: f; overdue: b, i, j
    assert (tally["kept"], tally["partly_kept"], tally["broken"], tally["overdue"]) == (3, 1, 1, 3)
    assert tally.kept_rate == pytest.approx(3 / 8)
    # on time: kept or partly kept by the first due date: c only
    assert metrics.on_time_rate(every, AS_OF) == pytest.approx(1 / 8)
    # lateness of delivered promises only: d 10, e 2, k 10 (b, i, j overdue and f broken are left out)
    assert metrics.median_days_late(every, AS_OF) == 10
    assert [m.id for m in metrics.rescheduled(every)] == ["j", "k"]
    assert metrics.summarise(every, AS_OF).rescheduled == 2


def test_nothing_decided_gives_no_rates() -> None:
    nothing = records(milestone("h", "2026-12-31"))
    assert metrics.summarise(nothing, AS_OF).promise_kept_rate is None
    assert metrics.on_time_rate(nothing, AS_OF) is None
    assert metrics.median_days_late(nothing, AS_OF) is None


def test_quarters_group_by_the_first_due_date() -> None:
    moved = milestone("j", "2027-06-30", first_due="2026-06-20")
    assert list(metrics.kept_rate_by(records(moved), AS_OF, "quarter")) == ["2026-Q2"]


def test_a_quarter_without_incidents_counts_as_zero_not_as_missing() -> None:
    from trustpages.records import Incident

    def incident(id: str, started: str, impact: str = "major") -> Incident:
        return Incident.model_validate(
            {"id": id, "title": id, "impact": impact, "affected": [], "summary": "x", "started": started, "resolved": started}
        )

    records = RecordSet.holding(
        Site.model_validate({"name": "T", "url": "https://t.example"}),
        incident("a", "2025-11-03T10:00:00Z"),
        incident("b", "2026-07-21T10:00:00Z", "minor"),
    )
    table = metrics.incidents_by_quarter(records)
    assert list(table) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    assert sum(table["2026-Q1"].values()) == 0 and sum(table["2026-Q2"].values()) == 0
    assert table["2025-Q4"]["major"] == 1 and table["2026-Q3"]["minor"] == 1
    assert metrics.incidents_by_quarter(RecordSet.holding(records.site)) == {}


def test_quarters_count_a_promise_once_its_due_date_came_or_it_was_finished_early() -> None:
    due_today = milestone("today", "2026-06-30", ("2026-02-01", "in_progress"))
    kept_early = milestone("early", "2026-09-30", ("2026-06-01", "kept"))
    not_yet = milestone("later", "2026-09-30", ("2026-02-01", "in_progress"))
    tallies = metrics.kept_rate_by(records(due_today, kept_early, not_yet), AS_OF, "quarter")
    assert {name: tally.total for name, tally in tallies.items()} == {"2026-Q2": 1, "2026-Q3": 1}
    assert tallies["2026-Q3"]["kept"] == 1 and tallies["2026-Q2"]["in_progress"] == 1


def test_overdue_promises_have_no_lateness_only_delivered_ones() -> None:
    late = milestone("late", "2026-06-01", ("2026-06-05", "kept"))
    overdue = milestone("overdue", "2026-05-01", ("2026-02-01", "in_progress"))
    assert metrics.median_days_late(records(late, overdue), AS_OF) == 4


def test_a_standing_promise_counts_its_periods_met() -> None:
    from trustpages.records import Standing

    promise = Standing.model_validate(
        {
            "id": "reply",
            "title": "t",
            "promise": "p",
            "why": "w",
            "made_on": "2026-01-01",
            "owner": "o",
            "target": "95% answered within a day",
            "measurements": [
                {"period": "2026-Q1", "actual": "96%"},
                {"period": "2026-Q2", "actual": "91%"},
                {"period": "2026-Q3", "actual": "99%"},
            ],
        }
    )
    [counted] = metrics.standing(RecordSet.holding(SITE, promise))
    assert (counted.measured, counted.met, counted.met_rate) == (3, 2, pytest.approx(2 / 3))
