"""Checks beyond one field's type: consistency, references, the company's policies, honesty and plain language."""

from __future__ import annotations

from datetime import date

from trustpages.checks import consistency, examples, honesty, language, placeholders, policies, references, trust, unique
from trustpages.checks.findings import Findings
from trustpages.policyhistory import in_force
from trustpages.problems import Problem
from trustpages.publiclog.log import Log, publication_times
from trustpages.publiclog.times import as_published
from trustpages.records import RecordSet


def run(
    records: RecordSet,
    as_of: date,
    seen: frozenset[tuple[str, str]],
    *,
    advice: bool = True,
    site_known: bool = True,
    log: Log | None = None,
) -> list[Problem]:
    """Every problem the record set has as a whole, on `as_of`; without `advice`, no plain-language warnings.

    `site_known=False`: site.yml did not load and `records.site` stands in for it, so the checks
    that read site.yml (components, policies, plain-language rules) are left to the run after it is fixed.
    `log` (the public log): the policies judge each fact by when it was published, under the policy in force then.
    """
    findings = Findings(records)
    consistency.check(records, as_of, findings)
    unique.check(records, findings)
    references.check(records, seen, findings, components=site_known)
    if site_known:
        times = publication_times(log) if log is not None else None
        policies.check(as_published(records, times).records, as_of, findings, typed=records, in_force=in_force(records, log))
    honesty.check(records, as_of, findings)
    trust.check(records, as_of, seen, findings)
    examples.check(records, findings)
    placeholders.check(records, findings)
    if advice and site_known:
        language.check(records, findings)
    return findings.problems
