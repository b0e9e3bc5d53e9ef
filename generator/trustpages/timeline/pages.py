"""The timeline's pages: every event, and each filter's, in pages of PAGE_SIZE grouped by month, and the tally of each year.

Paths: record/index.md (/record/), record/<n>.md for the older pages, and record/<filter>/
for each filter, so every filter works without JavaScript and every page stays small.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from trustpages.timeline.event import Event, filters

PAGE_SIZE = 200  # like the long lists' pages (render.LISTING_SIZE): no page lists more than a few hundred entries
FOLDER = "record"

# The yearly tally, in this order: ALWAYS shown (bad news is never left out for being zero), the rest when they happened.
ORDER = (
    "kept",
    "partly_kept",
    "broken",
    "withdrawn",
    "overdue",
    "missed",
    "incidents",
    "maintenance",
    "mistakes",
    "price_changes",
    "corrections",
)
ALWAYS = frozenset({"kept", "broken", "overdue", "incidents", "mistakes"})


def path(filter: str | None, number: int = 1) -> str:
    """The docs path of page `number` of the timeline (filter None) or of one filter."""
    folder = FOLDER if filter is None else f"{FOLDER}/{filter}"
    return f"{folder}/index.md" if number == 1 else f"{folder}/{number}.md"


def counted_as(event: Event) -> str | None:
    """What the yearly tally counts an event as, if anything."""
    if event.kind == "commitment.status":
        if event.status == "withdrawn":
            return "broken" if event.values.get("late") else "withdrawn"
        return event.status if event.status in ("kept", "partly_kept", "broken") else None
    return (
        {
            "commitment.overdue": "overdue",
            "commitment.missed": "missed",
            "mistake.new": "mistakes",
            "pricing.announced": "price_changes",
        }.get(event.kind)
        or _incident_count(event)
        or ("corrections" if event.kind.endswith(".corrected") else None)
    )


def _incident_count(event: Event) -> str | None:
    if event.kind != "incident.new":
        return None
    return "maintenance" if event.status == "maintenance" else "incidents"


@dataclass(frozen=True)
class YearTally:
    year: int
    counts: tuple[tuple[str, int], ...]  # (what, how many), in ORDER


def tally(events: Sequence[Event]) -> list[YearTally]:
    """Per year, newest first: how many promises were kept, broken, went overdue; incidents, mistakes, and the rest."""
    by_year: dict[int, Counter[str]] = {}
    for event in events:
        what = counted_as(event)
        if what is not None:
            by_year.setdefault(event.day.year, Counter())[what] += 1
    return [
        YearTally(year, tuple((name, counts[name]) for name in ORDER if name in ALWAYS or counts[name]))
        for year, counts in sorted(by_year.items(), reverse=True)
    ]


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Page:
    """One page of the timeline or of a filter."""

    path: str
    filter: str | None
    months: tuple[Month, ...]
    total: int
    page_no: int
    page_count: int
    previous: str | None
    next: str | None


def pages(events: Sequence[Event], filter: str | None) -> list[Page]:
    """The pages of `events` (newest first): PAGE_SIZE each, by month; one (empty) page when there are none."""
    count = max(1, -(-len(events) // PAGE_SIZE))
    out = []
    for number in range(1, count + 1):
        chunk = events[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        months = tuple(Month(year, month, tuple(group)) for (year, month), group in groupby(chunk, key=lambda e: (e.day.year, e.day.month)))
        out.append(
            Page(
                path=path(filter, number),
                filter=filter,
                months=months,
                total=len(events),
                page_no=number,
                page_count=count,
                previous=path(filter, number - 1) if number > 1 else None,
                next=path(filter, number + 1) if number < count else None,
            )
        )
    return out


def every_page(events: Sequence[Event]) -> list[Page]:
    """The timeline's pages and each filter's, in that order."""
    by_filter: dict[str, list[Event]] = {name: [] for name in filters()}
    for event in events:
        by_filter[event.filter].append(event)
    return [*pages(events, None), *(page for name, listed in by_filter.items() for page in pages(listed, name))]


def counts(events: Sequence[Event]) -> dict[str, int]:
    """How many events each filter holds (shown beside its link)."""
    found = Counter(event.filter for event in events)
    return {name: found[name] for name in filters()}
