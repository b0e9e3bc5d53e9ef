"""What each event says, in one line of the site's language: the timeline's entries and the feeds' titles alike.

Good and bad news are worded alike: what happened, with the dates and numbers that make it
checkable, never a judgement the records do not make.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import nh3

from trustpages import kinds, localformat, prose
from trustpages.corrected import label
from trustpages.strings import Strings
from trustpages.timeline.event import Event

_REASON_LENGTH = 160  # a withdrawal's reason, in one line: the record's page has the whole note


class Words:
    """Events in the words of one language; dates in the site's time zone."""

    def __init__(self, t: Strings, zone: ZoneInfo) -> None:
        self.t = t
        self.zone = zone

    def day(self, value: date) -> str:
        return self.t("date_format", day=value.day, month=self.t.table("months")[value.month - 1], year=value.year)

    def amount(self, value: Decimal) -> str:
        return localformat.amount(value, self.t)

    def duration(self, minutes: float) -> str:
        total = round(minutes)
        if total < 60:
            return self.t("common.minutes", n=total)
        hours, rest = divmod(total, 60)
        if hours < 48:
            return self.t("common.hours", h=hours, m=rest) if rest else self.t("common.hours_only", h=hours)
        days, hours = divmod(hours, 24)
        return self.t("common.days", d=days, h=hours)

    def _value(self, value: str) -> str:
        """A corrected value as said before and after: a date in words (never 2027-03-31), else the text, shortened."""
        try:
            return self.day(date.fromisoformat(value))
        except ValueError:
            return _short(value)

    def kind(self, event: Event) -> str:
        """The entry's kind in a word: Promise, Incident, Maintenance, …"""
        return str(self.t.table("timeline.kinds")[event.filter])

    def title(self, event: Event) -> str:
        """What the entry is about: the record's title, unless its kind words it (a price change names its plan), else its section."""
        registered = kinds.kind(event.record_kind)
        wording = registered.wording
        if wording is not None and wording.title is not None and not event.kind.endswith(".corrected"):
            return wording.title(self, event)
        if not event.title:
            return self.t(registered.section.nav) if registered.section is not None else event.record_kind
        return event.title

    def outcome(self, event: Event) -> str:
        """What happened, in plain words: `Kept, 12 days late`, `Business: 20 → 24 EUR from 1 March 2026 (48 days' notice)`."""
        t, v = self.t, event.values
        what = event.kind.split(".", 1)[1]
        if what == "corrected":
            field = label(event.status or "", self.t)
            if "old" in v:
                return t("timeline.outcome.corrected", field=field, old=self._value(v["old"]), new=self._value(v["new"]))
            return t("timeline.outcome.corrected_why", field=field, why=self.reason(event.body))
        wording = kinds.kind(event.record_kind).wording
        if wording is not None:
            return wording.outcome(self, event, what)
        return t(f"timeline.outcome.{event.record_kind}.{what}", status=event.status or "", **v)  # a kind of its own: its strings say it

    def reason(self, text: str | None) -> str:
        """A note (a withdrawal's reason, a correction's why) in one line: the record's page has the whole note."""
        reason = _plain(text)
        return reason if len(reason) <= _REASON_LENGTH else reason[: _REASON_LENGTH - 1].rstrip() + "…"

    def period(self, value: str) -> str:
        """A reporting period in words: 2026-Q1 as the language says a quarter, any other as written."""
        if len(value) == 7 and value[5] == "Q":
            return self.t("quarter_format", year=value[:4], quarter=value[6])
        return value

    def headline(self, event: Event) -> str:
        """A feed entry's title: what it is about, and what happened (`Planned maintenance of bank sync — Maintenance announced for …`)."""
        return f"{self.title(event)} — {self.outcome(event)}"


def _plain(text: str | None) -> str:
    """Markdown as a reader sees it, on one line: rendered and sanitised like the pages, then without tags."""
    if not text:
        return ""
    return " ".join(html.unescape(nh3.clean(str(prose.html(text)), tags=set())).split())


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:59].rstrip() + "…"
