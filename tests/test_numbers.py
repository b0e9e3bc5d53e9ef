"""trustpages.numbers: every number of a build, from the records as counted, on one as_of."""

from __future__ import annotations

from datetime import date

from tests.conftest import AS_OF, STANDING, VALID, Content
from tests.test_measured import MEASURED
from trustpages import metrics
from trustpages.numbers import Numbers
from trustpages.validate import validate


def test_standing_promises_the_records_measure_are_counted_measured(content: Content) -> None:
    records = validate(content({STANDING: MEASURED}), AS_OF).records
    assert records is not None
    numbers = Numbers.of(records, AS_OF)
    [row] = [s for s in numbers.standing if s.commitment.id == "reply-within-one-day"]
    assert (row.measured, row.met) == (1, 1)  # 2026-Q1's one incident, updated within 30 minutes
    assert (numbers.summary.periods_measured, numbers.summary.periods_met) == (1, 1)
    [promise] = [c for c in numbers.records.commitments if c.id == "reply-within-one-day"]
    assert [m.actual for m in promise.measurements][-2:] == ["1 of 1", "0 of 0"]  # the records the pages show are the counted ones


def test_each_number_is_its_metric_of_the_counted_records_on_as_of(content: Content) -> None:
    records = validate(content(), AS_OF).records
    assert records is not None
    numbers = Numbers.of(records, AS_OF)
    counted = numbers.records
    assert numbers.as_of == AS_OF and numbers.service.as_of == AS_OF
    assert numbers.summary == metrics.summarise(counted, AS_OF)
    assert numbers.by_category == metrics.kept_rate_by(counted, AS_OF, "category")
    assert numbers.by_quarter == metrics.kept_rate_by(counted, AS_OF, "quarter")
    assert (numbers.on_time_rate, numbers.median_days_late) == (
        metrics.on_time_rate(counted, AS_OF),
        metrics.median_days_late(counted, AS_OF),
    )
    assert numbers.minutes_to_first_update == 8  # 09:12 → 09:20
    assert numbers.minutes_to_resolution == 53  # 09:12 → 10:05
    assert numbers.incidents_by_quarter == metrics.incidents_by_quarter(counted)
    assert numbers.published.backdated == () and numbers.logged == {}  # no public log: typed dates stand


def test_a_promise_due_later_than_as_of_is_not_yet_overdue(content: Content) -> None:
    due = VALID["commitments/export-all-data.yml"]
    records = validate(content({"commitments/export-all-data.yml": due.replace("status: kept", "status: in_progress")}), AS_OF).records
    assert records is not None
    before, after = Numbers.of(records, date(2026, 6, 1)), Numbers.of(records, date(2026, 12, 1))
    assert (before.summary.milestones["overdue"], after.summary.milestones["overdue"]) == (0, 1)
    assert (before.summary.promise_kept_rate, after.summary.promise_kept_rate) == (None, 0.0)
