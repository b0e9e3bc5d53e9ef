"""Checks that need more than one field or record: consistency, references and the company's policies."""

from __future__ import annotations

from datetime import date

from generator.checks import consistency, policies, references
from generator.checks.findings import Findings
from generator.problems import Problem
from generator.records import RecordSet


def run(records: RecordSet, as_of: date, seen: frozenset[tuple[str, str]]) -> list[Problem]:
    """Every problem the record set has as a whole, on `as_of`."""
    findings = Findings(records)
    consistency.check(records, as_of, findings)
    references.check(records, seen, findings)
    policies.check(records, as_of, findings)
    return findings.problems
