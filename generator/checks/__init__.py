"""Checks beyond one field's type: consistency, references, the company's policies, honesty and plain language."""

from __future__ import annotations

from datetime import date

from generator.checks import consistency, honesty, language, policies, references
from generator.checks.findings import Findings
from generator.problems import Problem
from generator.records import RecordSet


def run(records: RecordSet, as_of: date, seen: frozenset[tuple[str, str]], *, advice: bool = True) -> list[Problem]:
    """Every problem the record set has as a whole, on `as_of`; without `advice`, no plain-language warnings."""
    findings = Findings(records)
    consistency.check(records, as_of, findings)
    references.check(records, seen, findings)
    policies.check(records, as_of, findings)
    honesty.check(records, as_of, findings)
    if advice:
        language.check(records, findings)
    return findings.problems
