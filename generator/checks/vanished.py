"""`check --against REF`: a record published at REF may not vanish, and a promise may not quietly change.

Rules:
* A commitment, incident, mistake or metric with a file at REF and none now is an error,
  unless content/withdrawn.yml lists it (same kind and id). A commitment withdrawn by an
  update (`status: withdrawn` with a note) keeps its file: that file is where the site shows
  the reason, so deleting it still needs a withdrawn.yml entry.
* A commitment whose `promise` or `due` differs from REF gets a warning at that field,
  unless one of the updates added since REF (those after the number it had at REF: updates
  are oldest first) has a note. A standing promise has no updates, so its changed promise
  always warns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from generator.checks.findings import Findings
from generator.history import show
from generator.loader import Loaded, display_path
from generator.problems import Problem
from generator.records import Commitment, Milestone, RecordSet, Withdrawal

KINDS: tuple[str, ...] = get_args(Withdrawal.model_fields["kind"].annotation)  # what withdrawn.yml can list
HINT_MISSING = "list it in content/withdrawn.yml with id, kind, on and reason, or restore the file"
HINT_CHANGED = "add an update with a note saying why it changed, or change it back"


@dataclass(frozen=True)
class Published:
    """The records as they were at a git ref (see generator.gitrefs.load_at), to compare the content with."""

    ref: str
    loaded: Loaded


def check(published: Published, records: RecordSet, seen: frozenset[tuple[str, str]]) -> list[Problem]:
    """Problems of the content now (`records`, `seen`) against what was published at `published.ref`."""
    findings = Findings(records)
    _missing(published, records, seen, findings)
    if published.loaded.records is not None:
        _rewritten(published.ref, published.loaded.records, records, findings)
    return findings.problems


def _missing(published: Published, records: RecordSet, seen: frozenset[tuple[str, str]], findings: Findings) -> None:
    withdrawn = {(entry.kind, entry.id) for entry in records.withdrawn}
    before = published.loaded.records
    was_withdrawn = {c.id for c in before.commitments if isinstance(c, Milestone) and c.status == "withdrawn"} if before else set()
    listing = records.source("withdrawn")
    file = listing.file if listing else display_path(records.root)
    for kind, id in sorted(published.loaded.seen):
        if kind not in KINDS or (kind, id) in seen or (kind, id) in withdrawn:
            continue
        message = f"{kind} '{id}' was published at {published.ref} and is missing now"
        if kind == "commitment" and id in was_withdrawn:
            message += " (it was withdrawn by an update; keep its file so the site shows why)"
        findings.problems.append(Problem(file, 1, 1, "error", message, HINT_MISSING))


def _rewritten(ref: str, before: RecordSet, now: RecordSet, findings: Findings) -> None:
    published = {c.id: c for c in before.commitments}
    for commitment in now.commitments:
        old = published.get(commitment.id)
        if old is None or _explained(old, commitment):
            continue
        for name in ("promise", "due"):
            was, is_ = getattr(old, name, None), getattr(commitment, name, None)
            if was != is_:
                where = (name,) if is_ is not None else ()
                change = f"{_shown(was)} → {_shown(is_)}"
                findings.warning("commitment", commitment.id, where, f"{name} changed since {ref}: {change}", HINT_CHANGED)


def _explained(old: Commitment, new: Commitment) -> bool:
    """Whether an update added since `old` has a note (the explanation the rule asks for)."""
    if not isinstance(new, Milestone):
        return False
    known = len(old.updates) if isinstance(old, Milestone) else 0
    return any(update.note for update in new.updates[known:])


def _shown(value: object) -> str:
    return "(none)" if value is None else show(str(value))
