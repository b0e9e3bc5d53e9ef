"""Every id a record mentions must name a record that exists (or was withdrawn on purpose)."""

from __future__ import annotations

from collections.abc import Iterable

from trustpages.checks.findings import Findings
from trustpages.problems import did_you_mean
from trustpages.records import RecordSet


def check(records: RecordSet, seen: frozenset[tuple[str, str]], findings: Findings, *, components: bool = True) -> None:
    """Every reference resolves; `components=False` leaves out the component ids (site.yml did not load)."""
    # Files that exist but failed validation count as present: their own errors say what is wrong.
    withdrawn = {(entry.kind, entry.id) for entry in records.withdrawn}
    present = seen | withdrawn
    commitments = {id for kind, id in present if kind == "commitment"}
    any_record = {id for kind, id in present if kind in {"commitment", "incident", "mistake"}}
    known_components = {component.id for component in records.site.components}

    for incident in records.incidents:
        _refs(findings, "incident", incident.id, "follow_ups", incident.follow_ups, commitments, "commitment")
        for i, component in enumerate(incident.affected if components else ()):
            if component not in known_components:
                hint = did_you_mean(component, known_components) or (
                    f"components are: {', '.join(sorted(known_components))}" if known_components else "list the components in site.yml"
                )
                findings.error("incident", incident.id, ("affected", i), f"no component '{component}' in site.yml", hint)
    for mistake in records.mistakes:
        _refs(findings, "mistake", mistake.id, "related", mistake.related, any_record, "record")
    if records.contact:
        for i, channel in enumerate(records.contact.channels):
            if channel.response_promise:
                _refs(findings, "contact", "", ("channels", i, "response_promise"), [channel.response_promise], commitments, "commitment")


def _refs(
    findings: Findings,
    kind: str,
    id: str,
    field: str | tuple[str | int, ...],
    ids: Iterable[str],
    known: set[str],
    what: str,
) -> None:
    for i, ref in enumerate(ids):
        if ref in known:
            continue
        loc = field if isinstance(field, tuple) else (field, i)
        findings.error(kind, id, loc, f"no {what} with id '{ref}'", did_you_mean(ref, known) or "ids are file names without .yml")
