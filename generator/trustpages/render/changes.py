"""A record's git history in its readers' words: "impact changed from Critical to Minor", "summary rewritten".

Commits are written for the people who keep the records; customers read what changed, in the
site's language, with long texts summarised rather than struck through and cut mid-word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from trustpages.corrected import label
from trustpages.history import Change, FieldChange
from trustpages.strings import Strings

# A value longer than this, or any text field in SUMMARISED, is said to be rewritten, not quoted.
SHORT = 60
SUMMARISED = frozenset(
    {
        "promise",
        "why",
        "summary",
        "cause",
        "postmortem",
        "body",
        "note",
        "remedy",
        "what_happened",
        "who_was_affected",
        "what_we_changed",
        "apology",
        "cancel",
        "refunds",
        "escalation",
        "description",
    }
)
_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Said:
    """One change, said in words; `rewritten` when the full text is only in the repository."""

    text: Markup
    rewritten: bool = False


def field_words(path: str, t: Strings) -> str:
    """`updates[2].body` → "update 2: text", in the site's language (trustpages.corrected.label)."""
    return label(path, t)


def said(field: FieldChange, t: Strings, day: Callable[[date], str]) -> Said:
    """What one field change did, as a sentence fragment for a reader."""
    label = field_words(field.path, t)
    last = next((name for name, _ in reversed(_PART.findall(field.path)) if name), "")
    if field.old is None:
        return Said(Markup(escape(t("history.was_added", field=label))))
    if field.new is None:
        return Said(Markup(escape(t("history.was_removed", field=label))))
    if last in SUMMARISED or field.path.endswith("]") or max(len(field.old), len(field.new)) > SHORT:
        return Said(Markup(escape(t("history.rewritten", field=label))), rewritten=True)
    old, new = _value(field.old, last, t, day), _value(field.new, last, t, day)
    return Said(Markup(escape(t("history.changed", field=label, old=old, new=new))))


def said_all(change: Change, t: Strings, day: Callable[[date], str]) -> list[Said]:
    """Every listed field change of a commit, in words; corrections are said beside the record, not here."""
    return [said(field, t, day) for field in change.listed]


def _value(value: str, field: str, t: Strings, day: Callable[[date], str]) -> str:
    """A short value as a reader knows it: a status or impact by its name, a date written out."""
    for table in ("status", "impact", "update_status"):
        names: dict[str, str] = t.table(table)
        if field in ("status", "impact") and value in names:
            return names[value]
    if _DAY.fullmatch(value):
        return day(date.fromisoformat(value))
    return t("history.quoted", value=value)
