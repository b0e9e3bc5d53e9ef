"""The commit the live site was built from, read from its /api/v1/summary.json (`source_commit`).

`check --against-live` compares the records with that commit, so a direct push to the main
branch cannot publish a rewrite or a deletion that no pull request was checked against.
"""

from __future__ import annotations

import json
import re

from trustpages.fetch import FetchError, fetch

SUMMARY = "api/v1/summary.json"
DEADLINE_SECONDS = 30  # for the whole request: a server that sends a byte at a time cannot hold a build
MAX_BYTES = 1 << 20  # summary.json is a few kilobytes; anything bigger is not ours
_SHA = re.compile(r"[0-9a-f]{40}\Z")


class NotLive(Exception):
    """The live site could not be read, or does not say what it was built from; the message says why."""


def summary_url(site_url: str) -> str:
    return site_url.rstrip("/") + "/" + SUMMARY


def live_commit(url: str) -> str:
    """The `source_commit` of the summary at `url`; NotLive when it cannot be read or has none."""
    try:
        body = fetch(url, max_bytes=MAX_BYTES, deadline_seconds=DEADLINE_SECONDS)
    except FetchError as exc:
        raise NotLive(str(exc)) from None
    try:
        commit = json.loads(body).get("source_commit")
    except (ValueError, AttributeError):
        raise NotLive(f"{url} is not a trustpages summary.json") from None
    except RecursionError:  # JSON nested thousands of levels deep: Python's parser recurses
        raise NotLive(f"{url} is not a trustpages summary.json (it is nested too deeply)") from None
    if not isinstance(commit, str) or not _SHA.match(commit):
        raise NotLive(f"{url} does not say which commit the site was built from (no source_commit)")
    return commit
