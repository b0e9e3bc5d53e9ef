"""The numbers in summary.json and metrics.json: the build's numbers (trustpages.numbers) as open-data models."""

from __future__ import annotations

from typing import Any

from trustpages.metrics import PromiseTally
from trustpages.numbers import Numbers
from trustpages.opendata import models
from trustpages.status import WINDOW_DAYS


def summary(numbers: Numbers) -> dict[str, Any]:
    """summary.json's numbers: the headline counts and rates, and the service's state."""
    counted = numbers.summary
    return {
        "milestones": models.MilestoneCounts(total=counted.milestones.total, **counted.milestones.counts),
        "promise_kept_rate": counted.promise_kept_rate,
        "standing": models.StandingCounts(
            total=counted.standing_total,
            periods_measured=counted.periods_measured,
            periods_met=counted.periods_met,
            met_rate=counted.standing_met_rate,
        ),
        "incidents": models.IncidentCounts(
            total=counted.incidents_total, open=counted.incidents_open, days_since_serious=counted.days_since_serious
        ),
        "mistakes": models.MistakeCounts(total=len(numbers.records.mistakes)),
        "rescheduled": counted.rescheduled,
        "status": numbers.service.state,
    }


def metrics(numbers: Numbers) -> dict[str, Any]:
    """metrics.json's numbers: every number of the Metrics page (the series the company tracks are records: see v1)."""
    return {
        "promise_kept_rate": numbers.summary.promise_kept_rate,
        "on_time_rate": numbers.on_time_rate,
        "median_days_late": numbers.median_days_late,
        "rescheduled": numbers.summary.rescheduled,
        "standing_met_rate": numbers.summary.standing_met_rate,
        "kept_rate_by_category": {k: _tally(v) for k, v in numbers.by_category.items()},
        "kept_rate_by_quarter": {k: _tally(v) for k, v in numbers.by_quarter.items()},
        "incidents_by_quarter": {q: models.IncidentsByImpact(**row) for q, row in numbers.incidents_by_quarter.items()},
        "median_minutes_to_first_update": numbers.minutes_to_first_update,
        "median_minutes_to_resolution": numbers.minutes_to_resolution,
        "uptime": [
            models.Uptime(
                component=s.component.id,
                name=s.component.name,
                group=s.component.group,
                state=s.state,
                uptime=s.uptime,
                window_days=WINDOW_DAYS,
            )
            for s in numbers.service.components
        ],
    }


def _tally(tally: PromiseTally) -> models.Tally:
    return models.Tally(total=tally.total, kept_rate=tally.kept_rate, **tally.counts)
