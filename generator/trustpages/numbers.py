"""The numbers of one build, worked out once: what the pages, open data, feeds and badges all read.

Each number is a pure function of the records and `as_of` (trustpages.metrics, trustpages.status);
this module only decides which records they count and computes each number once, so no two outputs
of a build can disagree (the home page's kept rate is the badge's and summary.json's).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from trustpages import metrics
from trustpages.corrected import as_first_made
from trustpages.history import History
from trustpages.measured import measured
from trustpages.publiclog.log import Log, publication_times
from trustpages.publiclog.times import AsPublished, Times, as_published
from trustpages.records import Milestone, RecordSet
from trustpages.status import ServiceStatus, service_status


@dataclass(frozen=True)
class Numbers:
    """Every number a build shows, with the records they were counted from."""

    records: RecordSet  # as counted: each promise due as first published, facts dated by the public log, standing ones measured
    as_of: date
    published: AsPublished  # the typed dates the public log's times replaced, for the pages that say so
    logged: Times  # when the public log first published each fact (empty without a log)
    summary: metrics.Summary
    service: ServiceStatus
    standing: tuple[metrics.StandingRecord, ...]
    by_category: Mapping[str, metrics.PromiseTally]
    by_quarter: Mapping[str, metrics.PromiseTally]
    on_time_rate: float | None
    median_days_late: float | None
    minutes_to_first_update: float | None  # medians over incidents
    minutes_to_resolution: float | None
    incidents_by_quarter: Mapping[str, Mapping[str, int]]
    rescheduled: tuple[Milestone, ...]

    @classmethod
    def of(cls, records: RecordSet, as_of: date, history: History | None = None, log: Log | None = None) -> Numbers:
        """Count `records` on `as_of`: as first made (git `history`), as first published (the public `log`), measured."""
        first_made = as_first_made(records, history)  # every number counts each promise as first published
        logged = publication_times(log) if log is not None else {}
        published = as_published(first_made, logged)  # each fact counted from its log time, when later than typed
        counted = measured(published.records, as_of)  # standing promises the records can measure: computed, never typed
        return cls(
            records=counted,
            as_of=as_of,
            published=published,
            logged=logged,
            summary=metrics.summarise(counted, as_of),
            service=service_status(counted, as_of),
            standing=tuple(metrics.standing(counted)),
            by_category=metrics.kept_rate_by(counted, as_of, "category"),
            by_quarter=metrics.kept_rate_by(counted, as_of, "quarter"),
            on_time_rate=metrics.on_time_rate(counted, as_of),
            median_days_late=metrics.median_days_late(counted, as_of),
            minutes_to_first_update=metrics.median_minutes_to_first_update(counted),
            minutes_to_resolution=metrics.median_minutes_to_resolution(counted),
            incidents_by_quarter=metrics.incidents_by_quarter(counted),
            rescheduled=tuple(metrics.rescheduled(counted)),
        )
