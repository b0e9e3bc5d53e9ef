"""Times the company cannot type: a typed date counts from when the public log first published it, when that is later.

Each kind names its typed dates of published facts (`published_dates` in trustpages.kinds): an
update's `on` or `at`, a price or data change's `announced`, a promise's `made_on`. Where the log
first published the fact later than its typed date, beyond a tolerance, the record is counted
with the publication time instead (so a `kept` update published after the due date is late, and
notice given after the fact is not notice), and the page says both ("dated 9 March; first
published here on 26 April").

Tolerances: an hour for moments (an incident update is posted, then the site builds), and a day
for dates (a date typed in one time zone is published the same day in another). A period (a
measurement's, a metric point's, a survey wave's: 2026-Q1) is reported once it is over: one first
published more than a month after its end is listed as reported late ("dated 2026-Q1; first
published here on 26 November"), and keeps its period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from trustpages import kinds
from trustpages.publiclog.facts import record_facts
from trustpages.records import RecordSet

MOMENT_TOLERANCE = timedelta(hours=1)
DAY_TOLERANCE = timedelta(days=1)
PERIOD_TOLERANCE = timedelta(days=31)  # after the period's last day: time to count and report it

Times = Mapping[tuple[str, str, str], datetime]  # (kind, record id, fact key) → first published


@dataclass(frozen=True)
class Backdated:
    """A typed date earlier than the log's first publication of its fact."""

    kind: str
    id: str
    path: str  # as corrections name it: updates.3.on
    typed: date | datetime | str  # a period (2026-Q1) is a string
    published: datetime


@dataclass(frozen=True)
class AsPublished:
    records: RecordSet
    backdated: tuple[Backdated, ...]

    def of(self, kind: str, id: str) -> tuple[Backdated, ...]:
        return tuple(b for b in self.backdated if b.kind == kind and b.id == id)


def as_published(records: RecordSet, times: Times | None) -> AsPublished:
    """`records` with every backdated typed date replaced by its publication time, and the list of them."""
    if not times:
        return AsPublished(records, ())
    zone = ZoneInfo(records.site.timezone) if records.site.timezone else ZoneInfo("UTC")
    found: list[Backdated] = []
    changed: dict[str, Any] = {}
    for kind in kinds.kinds():
        if not kind.published_dates:
            continue
        current = kind.of(records)
        updated = tuple(_record(kind, record, times, zone, found) for record in current)
        if updated != current:
            changed[kind.name] = updated
    return AsPublished(_replaced(records, changed), tuple(found))


def _record(kind: kinds.Kind, record: BaseModel, times: Times, zone: ZoneInfo, found: list[Backdated]) -> BaseModel:
    id = getattr(record, "id", "") if kind.folder is not None else ""
    keys = {fact.path: fact.key for fact in record_facts(kind, id, record)}
    update: dict[str, Any] = {}
    for spec in kind.published_dates:
        name, _, field = spec.partition(".*.")
        if not field:  # a field of the record itself
            key = keys.get(name)
            value = _later(getattr(record, name, None), times.get((kind.name, id, key)) if key else None, zone)
            if value is not None:
                found.append(Backdated(kind.name, id, name, getattr(record, name), value[1]))
                update[name] = value[0]
            continue
        items = getattr(record, name, None)
        if not items:
            continue
        new_items = list(items)
        for index, item in enumerate(items):
            key = keys.get(f"{name}.{index + 1}")
            typed = getattr(item, field, None)
            published = times.get((kind.name, id, key)) if key else None
            if field == "period" and isinstance(typed, str) and published is not None:
                if published.astimezone(zone).date() > period_end(typed) + PERIOD_TOLERANCE:
                    found.append(Backdated(kind.name, id, f"{name}.{index + 1}.{field}", typed, published))
                continue  # a period stays what it was; only when it was reported is shown
            value = _later(typed, published, zone)
            if value is not None:
                found.append(Backdated(kind.name, id, f"{name}.{index + 1}.{field}", getattr(item, field), value[1]))
                new_items[index] = item.model_copy(update={field: value[0]})
        if new_items != list(items):
            update[name] = tuple(new_items)
    return record.model_copy(update=update) if update else record


def period_end(period: str) -> date:
    """The last day of a period as records write them: 2026, 2026-H1, 2026-Q3, 2026-03."""
    year = int(period[:4])
    rest = period[5:]
    month = {"": 12, "H1": 6, "H2": 12}.get(rest) or (int(rest[1]) * 3 if rest.startswith("Q") else int(rest))
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _later(typed: Any, published: datetime | None, zone: ZoneInfo) -> tuple[Any, datetime] | None:
    """The value to count instead of `typed` (and the publication time), or None when the typed one stands."""
    if published is None or typed is None:
        return None
    if isinstance(typed, datetime):
        return (published, published) if published > typed + MOMENT_TOLERANCE else None
    if isinstance(typed, date):
        day = published.astimezone(zone).date()
        return (day, published) if day > typed + DAY_TOLERANCE else None
    return None


def _replaced(records: RecordSet, changed: dict[str, Any]) -> RecordSet:
    for name, updated in changed.items():
        records = records.with_records(name, updated)
    return records
