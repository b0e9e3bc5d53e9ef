"""What changed between two versions of the records, as messages for a webhook; and a ledger so none is sent twice."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from trustpages import kinds
from trustpages.fetch import FetchError, fetch
from trustpages.opendata.links import record_url, stamp
from trustpages.opendata.plaintext import plain
from trustpages.problems import UsageError
from trustpages.records import RecordSet
from trustpages.strings import Strings
from trustpages.timeline.event import Event

FORMATS = ("slack", "json")
ATTEMPTS = 3
TIMEOUT_SECONDS = 10  # for each attempt, whole
ANSWER_BYTES = 1 << 16  # what a webhook answers is not read beyond this
# Worth another try: the server may recover. Any other answer outside 2xx will not change by retrying.
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


def changes(old: RecordSet | None, new: RecordSet) -> list[Event]:
    """Events in `new` that `old` did not have: new incidents and their updates, status changes, new mistakes.

    Oldest first, so a chat reads in the order things happened. An event is the same event
    when its kind, record and (for updates) time and status are the same: rewording a
    published update does not announce it again.
    """
    before = {e.key for e in _events(old)} if old else set()
    fresh = [e for e in _events(new) if e.key not in before]
    order = {name: rank for rank, name in enumerate(name for kind in kinds.feed_kinds() for name in kind.announces)}
    return sorted(fresh, key=lambda e: (e.at, order.get(e.kind, len(order)), e.record_id, e.id))


def _events(records: RecordSet) -> list[Event]:
    """What each kind announces (its registry entry's `announced`): incidents and their updates, status changes, mistakes."""
    return [event for kind in kinds.kinds() if kind.announced is not None for event in kind.announced(records)]


def headline(event: Event, t: Strings) -> str:
    """One line saying what happened, in the site's language: as its kind words it (Wording.headline), else its strings'."""
    wording = kinds.kind(event.record_kind).wording
    if wording is not None and wording.headline is not None:
        return wording.headline(t, event, event.what)
    return t(f"notify.{event.record_kind}_{event.what}", title=event.title)


def message(event: Event, records: RecordSet, t: Strings, form: str) -> dict[str, Any]:
    """The JSON body posted for one event: Slack's incoming-webhook shape, or the event itself."""
    url = record_url(records.site, event.record_kind, event.record_id)
    text = plain(event.body)
    if form == "slack":
        lines = [f"*{_slack(headline(event, t))}*", _slack(text), f"<{url}>"]
        return {"text": "\n".join(line for line in lines if line)}
    return {
        "id": event.id,
        "kind": event.kind,
        "record_id": event.record_id,
        "title": event.title,
        "status": event.status,
        "at": stamp(event.at),
        "headline": headline(event, t),
        "text": text,
        "url": url,
        "site": {"name": records.site.name, "url": records.site.url},
    }


def _slack(text: str) -> str:
    """Slack reads &, < and > as markup; these three must be escaped, nothing else."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The webhook -------------------------------------------------------------------------------


class WebhookError(Exception):
    """The webhook did not accept a message; `status` is the HTTP status, None when no answer came."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a webhook address, or None when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        return f"it cannot be read as an address ({exc})"
    if parts.scheme not in ("http", "https"):
        got = f"{parts.scheme}:" if parts.scheme else url[:8]
        return f"it must start with http:// or https:// (it starts with {got!r})"
    if not parts.hostname:
        return "it names no host"
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return "it contains spaces or control characters"
    return None


def redacted(url: str) -> str:
    """Scheme and host only: webhook paths are secrets (Slack's carry the token) and must not reach CI logs."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}/…"


def post(url: str, body: dict[str, Any], delay: float = 1.0, sleep: Callable[[float], None] = time.sleep) -> None:
    """POST `body` as JSON; up to ATTEMPTS tries, waiting delay, 2×delay, … between them. Raises WebhookError."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    failure = WebhookError("no attempt made")
    for attempt in range(1, ATTEMPTS + 1):
        try:  # one deadline for the whole request and a cap on the answer: a server that drips cannot hold a publish
            fetch(url, max_bytes=ANSWER_BYTES, deadline_seconds=TIMEOUT_SECONDS, data=data,
                  content_type="application/json; charset=utf-8", user_agent="trustpages-notify")  # fmt: skip
            return
        except FetchError as exc:
            if exc.status is not None:
                failure = WebhookError(f"webhook answered {exc.status}", exc.status)
                if exc.status not in RETRY_STATUSES:
                    raise failure from None
            else:
                failure = WebhookError(f"could not reach the webhook at {redacted(url)}: {str(exc).replace(url, redacted(url))}")
        if attempt < ATTEMPTS:
            sleep(delay * 2 ** (attempt - 1))
    raise WebhookError(f"{failure} (after {ATTEMPTS} attempts)", failure.status)


# The ledger ---------------------------------------------------------------------------------


@dataclass
class Ledger:
    """Ids of events already sent, per range `<since sha>..<head sha>`: a rerun of a range sends nothing again."""

    path: Path
    ranges: dict[str, list[str]]

    @classmethod
    def read(cls, path: Path) -> Ledger:
        if not path.is_file():
            return cls(path, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            ranges = data["ranges"]
            if not isinstance(ranges, dict):
                raise TypeError("ranges is not a mapping")
        except (ValueError, KeyError, TypeError) as exc:
            # Never guess: starting afresh would send every event of the range again.
            raise UsageError(f"{path} is not a trustpages notify ledger ({exc}); fix or delete it") from None
        return cls(path, {str(k): [str(i) for i in v] for k, v in ranges.items()})

    def sent(self, span: str) -> set[str]:
        return set(self.ranges.get(span, []))

    def record(self, span: str, event_id: str) -> None:
        """Remember one sent event, on disk at once: a failure later in the run must not resend it."""
        self.ranges.setdefault(span, []).append(event_id)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps({"version": 1, "ranges": self.ranges}, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(partial, self.path)
