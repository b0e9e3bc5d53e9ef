"""Standing promises measured from the records themselves, never typed: each period's actual is computed.

A standing promise may name what measures it (`measured_by: {what: first_update, within: 30}`):
then every quarter from the one it was made in to the last one over is counted from the records,
"k of n" — incidents whose first public update came within 30 minutes, price or data changes
announced at least N days ahead, maintenance announced at least N hours ahead — and met when
k = n. A quarter with nothing to measure is shown as such and counts neither way. Typed
measurements of such a promise are an error (trustpages.checks.consistency); a promise the records
cannot measure keeps its typed ones, which pages label as reported by the company.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from trustpages import maintenance, timeliness
from trustpages.records import DataUse, Incident, RecordSet, Standing
from trustpages.records.commitment import MeasuredBy, Measurement

Event = tuple[date, bool]  # when it happened (its quarter), and whether the promise held for it


def _first_updates(records: RecordSet, within: int) -> Iterator[Event]:
    for incident in records.incidents:
        if incident.impact == "maintenance" or incident.started is None:
            continue
        minutes = timeliness.first_update_minutes(incident)
        yield incident.started.date(), minutes is not None and minutes <= within


def _price_notice(records: RecordSet, within: int) -> Iterator[Event]:
    for change in records.pricing.history if records.pricing else ():
        yield change.announced, (change.effective - change.announced).days >= within


def _data_notice(records: RecordSet, within: int) -> Iterator[Event]:
    for data in records.of(DataUse):
        for change in data.changes:
            yield change.announced, (change.effective - change.announced).days >= within


def _maintenance_notice(records: RecordSet, within: int) -> Iterator[Event]:
    for incident in records.incidents:
        if incident.impact == "maintenance" and isinstance(incident, Incident) and incident.scheduled_for is not None:
            ahead = maintenance.notice(incident)
            yield incident.scheduled_for.date(), ahead is not None and ahead >= timedelta(hours=within)


# What a standing promise can be measured by, and the unit of `within` (for people and the schema).
MEASURES: dict[str, tuple[str, Callable[[RecordSet, int], Iterator[Event]]]] = {
    "first_update": ("minutes", _first_updates),
    "price_notice": ("days", _price_notice),
    "data_change_notice": ("days", _data_notice),
    "maintenance_notice": ("hours", _maintenance_notice),
}


def quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def measured(records: RecordSet, as_of: date) -> RecordSet:
    """`records` with every measured standing promise's measurements computed, quarter by quarter, up to `as_of`."""
    if not any(isinstance(c, Standing) and c.measured_by for c in records.commitments):
        return records
    commitments = tuple(_measure(c, records, as_of) if isinstance(c, Standing) and c.measured_by else c for c in records.commitments)
    return records.with_records("commitment", commitments)


def _measure(promise: Standing, records: RecordSet, as_of: date) -> Standing:
    by: MeasuredBy = promise.measured_by  # type: ignore[assignment]  # the caller checked
    counts: dict[tuple[int, int], list[bool]] = {}
    for day, ok in MEASURES[by.what][1](records, by.within):
        counts.setdefault(quarter(day), []).append(ok)
    results = []
    for year, number in _quarters(promise.made_on, as_of):
        outcomes = counts.get((year, number), [])
        kept = sum(outcomes)
        results.append(
            Measurement(
                period=f"{year}-Q{number}", actual=f"{kept} of {len(outcomes)}", **({"met": kept == len(outcomes)} if outcomes else {})
            )
        )
    return promise.model_copy(update={"measurements": tuple(results)})


def _quarters(start: date, as_of: date) -> Iterator[tuple[int, int]]:
    """Every quarter from the one holding `start` to the last one over before `as_of`."""
    year, number = quarter(start)
    last = quarter(as_of)
    while (year, number) < last:
        yield year, number
        year, number = (year, number + 1) if number < 4 else (year + 1, 1)
