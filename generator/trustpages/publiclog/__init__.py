"""A public append-only log of what the site published, which anyone can check without trusting the company.

facts.py says what a published fact is; log.py holds the entries, checkpoints and proofs (merkle.py,
RFC 9162); compare.py refuses a publication that rewrites the log; fetch.py reads a served log;
times.py puts the log's times where typed dates would flatter.
"""

from __future__ import annotations

from trustpages.publiclog.compare import Comparison, compare
from trustpages.publiclog.log import Log, entry_for
from trustpages.records import RecordSet


def extend(log: Log, records: RecordSet, time: str, commit: str, first_publication: bool = False) -> Comparison:
    """Compare `records` with `log` and, unless that refuses them, append their new and corrected facts and a checkpoint."""
    comparison = compare(log, records, time[:10])
    if not comparison.refused:
        for change in comparison.changes:
            log.append(entry_for(change.fact, time, commit, change.replaces))
        log.checkpoint(time, first_publication)
    return comparison


__all__ = ["Comparison", "Log", "extend"]
