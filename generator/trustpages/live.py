"""The commit the live site was built from, read from its /api/v1/summary.json (`source_commit`).

`check --against-live` compares the records with that commit, so a direct push to the main
branch cannot publish a rewrite or a deletion that no pull request was checked against.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

SUMMARY = "api/v1/summary.json"
TIMEOUT_SECONDS = 20
MAX_BYTES = 1 << 20  # summary.json is a few kilobytes; anything bigger is not ours
_SHA = re.compile(r"[0-9a-f]{40}\Z")


class NotLive(Exception):
    """The live site could not be read, or does not say what it was built from; the message says why."""


def summary_url(site_url: str) -> str:
    return site_url.rstrip("/") + "/" + SUMMARY


def live_commit(url: str) -> str:
    """The `source_commit` of the summary at `url`; NotLive when it cannot be read or has none."""
    if not url.startswith(("https://", "http://")):
        raise NotLive(f"{url} is not a web address")
    request = urllib.request.Request(url, headers={"User-Agent": "trustpages", "Cache-Control": "no-cache"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise NotLive(f"{url} answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise NotLive(f"{url} could not be read ({reason})") from None
    if len(body) > MAX_BYTES:
        raise NotLive(f"{url} is larger than a summary.json can be")
    try:
        commit = json.loads(body).get("source_commit")
    except (ValueError, AttributeError):
        raise NotLive(f"{url} is not a trustpages summary.json") from None
    if not isinstance(commit, str) or not _SHA.match(commit):
        raise NotLive(f"{url} does not say which commit the site was built from (no source_commit)")
    return commit
