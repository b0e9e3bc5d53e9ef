"""Where a record page points: the record's file and its history in the public repository, and where a reader says it is wrong."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from trustpages.corrected import corrections_shown
from trustpages.history import History
from trustpages.records import RecordSet, Withdrawal


def context(records: RecordSet, history: History | None) -> dict[str, Any]:
    """Each record's git history, and the records taken down on purpose (content/withdrawn.yml)."""
    repo = records.site.repo_url.rstrip("/") if records.site.repo_url else None
    withdrawn = sorted(records.of(Withdrawal), key=lambda entry: (entry.on, entry.id), reverse=True)
    return {
        "history": history if history is not None else History(available=False, reason="not_gathered"),
        "commit_url": lambda sha: f"{repo}/commit/{sha}" if repo else None,
        "withdrawn_of": lambda kind: [entry for entry in withdrawn if entry.kind == kind],
        "source_url": lambda folder, id: source_url(records, history, folder, id),
        "corrections_of": lambda kind, record: corrections_shown(history, kind, getattr(record, "id", ""), record),
    }


def source_url(records: RecordSet, history: History | None, folder: str, id: str) -> str | None:
    """The record's file in the public repository: under the content folder, where git has it (else as configured)."""
    if not records.site.repo_url:
        return None
    prefix = history.prefix if history is not None and history.prefix is not None else records.root.as_posix()
    prefix = "" if prefix in ("", ".") else prefix.strip("/") + "/"
    return f"{records.site.repo_url.rstrip('/')}/blob/HEAD/{prefix}{folder}/{id}.yml"


def feedback_url(records: RecordSet, title: str) -> str | None:
    """Where a reader says a record is wrong or missing, naming the record (the subject of a mail, or a query of a form)."""
    address = records.site.feedback
    if not address:
        return None
    if address.startswith(("https://", "http://")):
        return f"{address}{'&' if '?' in address else '?'}record={quote(title)}"
    return f"mailto:{address.removeprefix('mailto:')}?subject={quote(f'About: {title}')}"
