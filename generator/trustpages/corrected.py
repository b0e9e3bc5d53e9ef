"""Changes to published facts, as the public sees them: corrections with the values they changed, and promises as first made.

Both come from git history (trustpages.history): what a record said when it was first
published is a fact no edit of the file can change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from trustpages.history import Change, FieldChange, History
from trustpages.records import Milestone, RecordSet
from trustpages.records.correction import Correction, covers
from trustpages.strings import Strings

_INDEX = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Shown:
    """A correction with what it changed: the field changes git knows of (none when the change is not committed yet)."""

    correction: Correction
    changes: tuple[FieldChange, ...] = ()


def dotted(path: str) -> str:
    """A history path (`updates[2].body`) as corrections name it (`updates.2.body`)."""
    return _INDEX.sub(r".\1", path)


def label(path: str, t: Strings) -> str:
    """A field path in the site's language: `who_was_affected` → wer betroffen war, `updates[2].body` (or
    `updates.2.body`, as corrections name it) → update 2: text; unknown names with spaces for underscores."""
    names: dict[str, str] = t.table("history.fields")
    items: dict[str, str] = t.table("history.items")
    words: list[str] = []
    raw = ""
    for part in dotted(path).split("."):
        if part.isdigit():
            if words:
                words[-1] = items.get(raw, "{name} {n}").format(name=words[-1], n=part)
        elif part:
            raw = part
            words.append(names.get(part, part.replace("_", " ")))
    return ": ".join(words) or t("history.whole_record")


def corrections_shown(history: History | None, kind: str, id: str, record: Any) -> list[Shown]:
    """Every correction of `record`, newest first, each with the values it changed."""
    corrections = getattr(record, "corrections", ())
    changes = history.of(kind, id) if history is not None else ()
    shown = [Shown(c, _changed(changes, c, number)) for number, c in enumerate(corrections, 1)]
    return sorted(shown, key=lambda s: s.correction.on, reverse=True)


def _changed(changes: tuple[Change, ...], correction: Correction, number: int) -> tuple[FieldChange, ...]:
    """The covered field changes of the commit that added correction `number`, or of the nearest older one that has some."""
    added_at = next((i for i, change in enumerate(changes) if _adds(change, number)), None)
    if added_at is None:
        return ()
    for change in changes[added_at:]:  # newest first: that commit, then older ones
        covered = tuple(f for f in change.fields if covers(correction, dotted(f.path)))
        if covered:
            return covered
    return ()


def _adds(change: Change, number: int) -> bool:
    return any(
        f.old is None and f.new is not None and f.path in (f"corrections[{number}]", "corrections")  # one item, or the list added whole
        for f in change.fields
    )


@dataclass(frozen=True)
class Move:
    """A milestone's due date moved after it was first published, and why (the correction naming `due`, if any)."""

    first: date
    now: date
    why: str | None
    on: date | None


def due_move(milestone: Milestone) -> Move | None:
    if not milestone.rescheduled:
        return None
    said = [c for c in milestone.corrections if covers(c, "due")]
    latest = said[-1] if said else None
    return Move(milestone.counted_due, milestone.due, latest.why if latest else None, latest.on if latest else None)


def first_due(history: History, milestone: Milestone) -> date | None:
    """The due date `milestone` was first committed with, when it changed since; None when it never did."""
    value = history.first_value("commitment", milestone.id, "due")
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:  # the first version had no valid date: count the one there is
        return None


def as_first_made(records: RecordSet, history: History | None) -> RecordSet:
    """The records with every milestone counted at its due date as first published (see Milestone.counted_due)."""
    if history is None or not history.available:
        return records
    commitments = []
    changed = False
    for commitment in records.commitments:
        if isinstance(commitment, Milestone) and (first := first_due(history, commitment)) is not None and first != commitment.due:
            commitment = commitment.first_promised(first)
            changed = True
        commitments.append(commitment)
    return records.with_records("commitment", commitments) if changed else records
