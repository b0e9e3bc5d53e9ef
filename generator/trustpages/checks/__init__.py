"""Checks beyond one field's type: consistency, references, the company's policies, honesty and plain language."""

from __future__ import annotations

from datetime import date

from trustpages.checks import consistency, examples, honesty, language, policies, references, trust
from trustpages.checks.findings import Findings
from trustpages.problems import Problem
from trustpages.publiclog.times import Times, as_published
from trustpages.records import RecordSet


def run(
    records: RecordSet,
    as_of: date,
    seen: frozenset[tuple[str, str]],
    *,
    advice: bool = True,
    site_known: bool = True,
    times: Times | None = None,
) -> list[Problem]:
    """Every problem the record set has as a whole, on `as_of`; without `advice`, no plain-language warnings.

    `site_known=False`: site.yml did not load and `records.site` stands in for it, so the checks
    that read site.yml (components, policies, plain-language rules) are left to the run after it is fixed.
    `times` (the public log's): the policies judge each backdated fact by when it was published.
    """
    findings = Findings(records)
    consistency.check(records, as_of, findings)
    references.check(records, seen, findings, components=site_known)
    if site_known:
        policies.check(as_published(records, times).records, as_of, findings, typed=records)
    honesty.check(records, as_of, findings)
    trust.check(records, as_of, seen, findings)
    examples.check(records, findings)
    if advice and site_known:
        language.check(records, findings)
    return findings.problems
