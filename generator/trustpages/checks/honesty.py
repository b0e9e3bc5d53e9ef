"""Honesty rules (warnings): a kept promise shows its evidence, an incident does not stay open, a standing promise is measured."""

from __future__ import annotations

import re
from datetime import date, timedelta

from trustpages.checks.findings import Findings
from trustpages.records import Milestone, RecordSet, Standing

KEPT = {"kept", "partly_kept"}

# How a period is written, by its kind; the kind of a standing promise's periods is that of its latest one.
PERIOD_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("quarter", re.compile(r"\d{4}-Q[1-4]\Z")),
    ("half", re.compile(r"\d{4}-H[12]\Z")),
    ("month", re.compile(r"\d{4}-\d{2}\Z")),
    ("year", re.compile(r"\d{4}\Z")),
)


def check(records: RecordSet, as_of: date, findings: Findings) -> None:
    for commitment in records.commitments:
        if isinstance(commitment, Milestone):
            _evidence(commitment, findings)
        elif isinstance(commitment, Standing):
            _measured(commitment, as_of, findings)
    limit = records.site.policies.max_open_incident_days
    for incident in records.incidents:
        if incident.impact == "maintenance" or incident.resolved or incident.started is None:
            continue
        days = (as_of - incident.started.date()).days  # a count, not a date: a limit of 10**9 days must not overflow
        if days > limit:
            findings.warning(
                "incident",
                incident.id,
                ("started",),
                f"still open {days} days after it started; site.yml expects it resolved within {limit}",
                "add resolved: the moment it was fixed, or an update saying why it is still open",
            )


def _evidence(commitment: Milestone, findings: Findings) -> None:
    if not commitment.updates:
        return
    last = len(commitment.updates) - 1
    update = commitment.updates[last]
    if update.status in KEPT and not update.evidence:
        findings.warning(
            "commitment",
            commitment.id,
            ("updates", last, "status"),
            f"marked {update.status} with no evidence",
            "add evidence: a link that shows it, e.g. a changelog entry",
        )


def _measured(commitment: Standing, as_of: date, findings: Findings) -> None:
    """The last full period before as_of has a measurement, unless the promise is younger than it (or the records measure it)."""
    if commitment.measured_by is not None:
        return  # every period is computed (trustpages.measured): none can be left out
    measured = {measurement.period for measurement in commitment.measurements}
    latest = commitment.measurements[-1].period if commitment.measurements else ""
    kind = next((kind for kind, pattern in PERIOD_KINDS if pattern.match(latest)), "quarter")
    period, end = last_full_period(kind, as_of)
    if period in measured or commitment.made_on > end:
        return
    if commitment.measurements:
        findings.warning(
            "commitment",
            commitment.id,
            ("measurements",),
            f"no measurement for {period}, the last full {kind}",
            f"add {{period: {period}, actual: …, met: …}}, even when the target was missed",
        )
    else:
        findings.warning(
            "commitment",
            commitment.id,
            (),
            f"no measurements yet; the last full {kind} was {period}",
            f"add measurements: one per {kind}, e.g. {{period: {period}, actual: 96%, met: true}}",
        )


def last_full_period(kind: str, as_of: date) -> tuple[str, date]:
    """The last quarter, half, month or year that ended before `as_of`, and its last day."""
    year, month = as_of.year, as_of.month
    if kind == "year":
        return str(year - 1), date(year - 1, 12, 31)
    if kind == "month":
        first = date(year, month, 1)
        end = first - timedelta(days=1)
        return f"{end.year}-{end.month:02d}", end
    size, letter = (3, "Q") if kind == "quarter" else (6, "H")
    current = (month - 1) // size  # 0-based number of the period as_of is in
    first = date(year, current * size + 1, 1)
    end = first - timedelta(days=1)
    return f"{end.year}-{letter}{end.month // size}", end
