"""Rules inside one record: dates in order, updates inside their incident, notes where owed."""

from __future__ import annotations

from datetime import date

from trustpages import kinds
from trustpages.checks.findings import Findings
from trustpages.problems import did_you_mean
from trustpages.publiclog.times import period_end
from trustpages.records import Incident, Milestone, RecordSet, Standing
from trustpages.records.common import is_reason
from trustpages.records.correction import FIELD_PATH
from trustpages.targets import computed_met

_SCHEDULED_STATUSES = {"scheduled"}


def check(records: RecordSet, as_of: date, findings: Findings) -> None:
    for commitment in records.commitments:
        if isinstance(commitment, Milestone):
            _milestone(commitment, as_of, findings)
        elif isinstance(commitment, Standing):
            _standing(commitment, findings)
    for incident in records.incidents:
        _incident(incident, findings)
    _pricing(records, findings)
    _withdrawn(records, findings)
    _corrections(records, as_of, findings)


def _milestone(commitment: Milestone, as_of: date, findings: Findings) -> None:
    cid = commitment.id
    if commitment.due < commitment.made_on:
        findings.error("commitment", cid, ("due",), f"due {commitment.due} is before the promise was made ({commitment.made_on})")
    previous = None
    for i, update in enumerate(commitment.updates):
        if update.on < commitment.made_on:
            findings.error(
                "commitment", cid, ("updates", i, "on"), f"update on {update.on} is before the promise was made ({commitment.made_on})"
            )
        if previous is not None and update.on < previous:
            findings.error(
                "commitment",
                cid,
                ("updates", i, "on"),
                f"updates out of order: {update.on} comes after {previous}",
                "list updates oldest first",
            )
        if update.on > as_of:
            findings.warning("commitment", cid, ("updates", i, "on"), f"update dated {update.on}, after today ({as_of})")
        if update.status == "withdrawn" and not (update.note and is_reason(update.note)):
            findings.error(
                "commitment",
                cid,
                ("updates", i, "note" if update.note else "status"),
                "a withdrawn promise needs a note saying why, in a sentence" + (f"; got {update.note!r}" if update.note else ""),
                "add note: why we no longer promise this, in three words or more",
            )
        previous = update.on


def _standing(commitment: Standing, findings: Findings) -> None:
    periods: set[str] = set()
    if commitment.measured_by is not None and commitment.measurements:
        findings.error(
            "commitment",
            commitment.id,
            ("measurements",),
            f"measurements are typed, but measured_by says the records measure this promise ({commitment.measured_by.what})",
            "remove measurements: every quarter's actual is computed from the records",
        )
        return
    for i, measurement in enumerate(commitment.measurements):
        if period_end(measurement.period) < commitment.made_on:
            findings.error(
                "commitment",
                commitment.id,
                ("measurements", i, "period"),
                f"period {measurement.period} ended before the promise was made ({commitment.made_on})",
                "measure only periods since the promise was made",
            )
        computed = computed_met(commitment.target, measurement.actual)
        if computed is not None and measurement.met is not None and measurement.met != computed:
            said = "met" if measurement.met else "not met"
            findings.error(
                "commitment",
                commitment.id,
                ("measurements", i, "met"),
                f"met: {str(measurement.met).lower()} says the target was {said}, but {measurement.actual!r} "
                f"{'meets' if computed else 'does not meet'} the target {commitment.target!r}",
                "remove met: (it is computed from actual and target), or correct actual",
            )
        elif measurement.met is None:
            findings.error(
                "commitment",
                commitment.id,
                ("measurements", i),
                f"'met' is missing: {measurement.actual!r} cannot be compared with the target {commitment.target!r}",
                "add met: true or false; or write actual as one number like the target's (e.g. 96.2%)",
            )
        if measurement.period in periods:
            findings.error(
                "commitment",
                commitment.id,
                ("measurements", i, "period"),
                f"period {measurement.period} is measured twice",
                "keep one measurement per period",
            )
        periods.add(measurement.period)


def _incident(incident: Incident, findings: Findings) -> None:
    iid = incident.id
    maintenance = incident.impact == "maintenance"
    if incident.started is None and not (maintenance and incident.resolved is None):
        findings.error("incident", iid, (), "'started' is missing", "add started: the moment it began, like 2026-03-04T09:12:00Z")
    if incident.started and incident.resolved and incident.resolved < incident.started:
        findings.error("incident", iid, ("resolved",), f"resolved ({_t(incident.resolved)}) is before started ({_t(incident.started)})")
    if maintenance:
        for name in ("scheduled_for", "scheduled_until"):
            if getattr(incident, name) is None:
                findings.error("incident", iid, (), f"maintenance needs '{name}'", f"add {name}: the planned moment")
        if incident.scheduled_for and incident.scheduled_until and incident.scheduled_until <= incident.scheduled_for:
            findings.error("incident", iid, ("scheduled_until",), "scheduled_until must be after scheduled_for")
    else:
        if incident.unannounced_impact is not None:
            findings.error(
                "incident",
                iid,
                ("unannounced_impact",),
                "only maintenance has 'unannounced_impact'",
                "remove it: impact says how bad this was",
            )
        for name in ("scheduled_for", "scheduled_until"):
            if getattr(incident, name) is not None:
                findings.error("incident", iid, (name,), f"only maintenance has '{name}'", "set impact: maintenance, or remove it")
    previous = None
    for i, update in enumerate(incident.updates):
        loc = ("updates", i, "at")
        if previous is not None and update.at < previous:
            findings.error(
                "incident", iid, loc, f"updates out of order: {_t(update.at)} comes after {_t(previous)}", "list updates oldest first"
            )
        if incident.started and update.at < incident.started and update.status not in _SCHEDULED_STATUSES:
            findings.error("incident", iid, loc, f"update at {_t(update.at)} is before the incident started ({_t(incident.started)})")
        if incident.resolved and update.at > incident.resolved:
            findings.error("incident", iid, loc, f"update at {_t(update.at)} is after the incident was resolved ({_t(incident.resolved)})")
        previous = update.at


def _pricing(records: RecordSet, findings: Findings) -> None:
    if records.pricing is None:
        return
    for i, change in enumerate(records.pricing.history):
        if change.effective < change.announced:
            findings.error(
                "pricing",
                "",
                ("history", i, "effective"),
                f"takes effect ({change.effective}) before it was announced ({change.announced})",
            )


def _withdrawn(records: RecordSet, findings: Findings) -> None:
    listed: set[tuple[str, str]] = set()
    for i, entry in enumerate(records.withdrawn):
        if (entry.kind, entry.id) in listed:
            findings.error("withdrawn", "", (i, "id"), f"{entry.kind} '{entry.id}' is listed twice")
        listed.add((entry.kind, entry.id))


def _corrections(records: RecordSet, as_of: date, findings: Findings) -> None:
    """A correction names a field the record has, in the form check --against reports it."""
    for kind, record in ((k.name, r) for k in kinds.kinds() for r in k.of(records)):
        id = getattr(record, "id", "")
        fields = [info.alias or name for name, info in type(record).model_fields.items() if name != "id"]
        for i, correction in enumerate(getattr(record, "corrections", ())):
            loc = ("corrections", i, "field")
            if not FIELD_PATH.match(correction.field):
                findings.error(
                    kind,
                    id,
                    loc,
                    f"{correction.field!r} is not a field path",
                    "write the field as check --against names it, e.g. impact or updates.2.body (items count from 1)",
                )
            elif (first := correction.field.split(".")[0]) not in fields:
                findings.error(
                    kind,
                    id,
                    loc,
                    f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} has no field '{first}'",
                    did_you_mean(first, fields) or f"fields: {', '.join(fields)}",
                )
            elif why_not := _not_one_fact(kinds.kind(kind).facts, correction.field):
                findings.error(
                    kind, id, loc, f"{correction.field!r} {why_not}", "name the one field or list item it changes, e.g. updates.2.body"
                )
            if correction.on > as_of:
                findings.warning(kind, id, ("corrections", i, "on"), f"correction dated {correction.on}, after today ({as_of})")


def _not_one_fact(facts: kinds.Facts, field: str) -> str | None:
    """Why a correction's field names more than one fact (a parent of fields, a whole list, a published correction), or None."""
    parts = field.split(".")
    if parts[0] == "corrections":
        return "is a published correction: corrections stay as they were; add a new one that says what changed"
    if any(fact.startswith(field + ".") for fact in facts.fields):
        return "holds several published facts: a correction names one of them"
    if field in facts.lists:  # a set (affected components) is one fact: which of them, as a whole
        return "is a whole list: a correction names one of its items, counted from 1"
    return None


def _t(moment) -> str:  # type: ignore[no-untyped-def]
    return moment.isoformat().replace("+00:00", "Z")
