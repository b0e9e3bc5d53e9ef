"""Absolute addresses and UTC times for open data: outputs are read far from the site, so nothing is relative."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

from trustpages import kinds
from trustpages.records import Site


def absolute(site: Site, path: str = "") -> str:
    """`path` (relative to the site root, e.g. feeds/all.xml) under site.url."""
    return f"{site.url.rstrip('/')}/{path.lstrip('/')}"


def record_url(site: Site, kind: str, record_id: str) -> str:
    """The permanent page of a record: /commitments/<id>/, /incidents/<id>/ or /mistakes/<id>/.

    A kind without a page of its own (one file, such as /data/, or records shown together, such as
    /metrics/) links to the page that shows it: an address that exists.
    """
    registered = kinds.kind(kind)
    if registered.page is None and registered.section is not None:
        return absolute(site, registered.section.path.removesuffix(".md").removesuffix("index") + "/")
    return absolute(site, f"{registered.folder}/{record_id}/")


def utc(moment: datetime) -> datetime:
    """A moment as UTC, so every output spells times the same way."""
    return moment.astimezone(UTC)


def midnight(day: date) -> datetime:
    """A date as a moment: its start in UTC (records give dates without a time)."""
    return datetime.combine(day, time(), UTC)


def stamp(moment: datetime) -> str:
    """RFC 3339 in UTC with a Z, e.g. 2026-03-04T09:12:00Z."""
    return utc(moment).isoformat().replace("+00:00", "Z")


def dumps(value: Any) -> bytes:
    """JSON as published: UTF-8, compact, keys in the order given, one trailing newline.

    Compact because `indent` makes the json module fall back to its pure-Python encoder, which
    made the open data files the slowest part of a 10,000-record build.
    """
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
