"""What each event says, in one line of the site's language: the timeline's entries and the feeds' titles alike.

Good and bad news are worded alike: what happened, with the dates and numbers that make it
checkable, never a judgement the records do not make.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import nh3

from trustpages import localformat, prose
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
        """What the entry is about: the record's title; a price change names its plan, a data change its company."""
        if event.record_kind == "pricing" and not event.kind.endswith(".corrected"):
            return self.t("timeline.titles.pricing", plan=event.title)
        if event.record_kind == "data" and not event.kind.endswith(".corrected"):
            return self.t("timeline.titles.data", processor=event.title)
        if not event.title:
            return self.t(f"nav.{event.record_kind}") if event.record_kind in ("pricing", "data") else event.record_kind
        return event.title

    def outcome(self, event: Event) -> str:
        """What happened, in plain words: `Kept, 12 days late`, `Business: 20 → 24 EUR from 1 March 2026 (48 days' notice)`."""
        t, v = self.t, event.values
        what = event.kind.split(".", 1)[1]
        if what == "corrected":
            field = label(event.status or "", self.t)
            if "old" in v:
                return t("timeline.outcome.corrected", field=field, old=self._value(v["old"]), new=self._value(v["new"]))
            return t("timeline.outcome.corrected_why", field=field, why=_reason(event.body))
        if event.record_kind == "commitment":
            return self._promise(event, what)
        if event.record_kind == "incident":
            return self._incident(event, what)
        if event.record_kind == "mistake":
            return t("timeline.outcome.mistake.remedied" if event.status == "remedied" else "timeline.outcome.mistake.no_remedy")
        if event.record_kind == "pricing":
            return t(
                f"timeline.outcome.pricing.{what}",
                plan=event.title,
                old=self.amount(v["from"]),
                new=self.amount(v["to"]),
                currency=v["currency"],
                effective=self.day(v["effective"]),
                notice=v["notice"],
            )
        if event.record_kind == "data":
            return t(
                f"timeline.outcome.data.{what}.{v['change']}", processor=event.title, effective=self.day(v["effective"]), notice=v["notice"]
            )
        if event.record_kind == "survey":
            stage = t.table("surveys.stages").get(v["stage"], v["stage"])
            return t("timeline.outcome.survey.wave", n=v["n"], stage=stage, period=_period(v["period"], t))
        return t(f"timeline.outcome.{event.record_kind}.{what}", status=event.status or "", **v)  # a kind of its own: its strings say it

    def _promise(self, event: Event, what: str) -> str:
        t, v = self.t, event.values
        if what == "made":
            if "due" in v:
                return t("timeline.outcome.commitment.made", due=self.day(v["due"]))
            return t("timeline.outcome.commitment.made_standing")
        if what == "overdue":
            return t("timeline.outcome.commitment.overdue", due=self.day(v["due"]))
        if what == "rescheduled":
            return t("timeline.outcome.commitment.rescheduled", first=self.day(v["first"]), now=self.day(v["now"]))
        if what == "missed":
            return t(
                "timeline.outcome.commitment.missed", period=_period(v["period"], t), actual=localformat.measurement(v["actual"], self.t)
            )
        status = event.status or "not_started"
        if status == "withdrawn":
            key = "withdrawn_late" if v.get("late") else "withdrawn"
            return t(f"timeline.outcome.commitment.status.{key}", reason=_reason(event.body))
        if status in ("kept", "partly_kept") and v.get("days_late"):
            return t(f"timeline.outcome.commitment.status.{status}_late", days=v["days_late"])
        return t(f"timeline.outcome.commitment.status.{status}")

    def _incident(self, event: Event, what: str) -> str:
        t, v = self.t, event.values
        maintenance = event.incident is not None and event.incident.impact == "maintenance"
        if what == "new":
            if maintenance:
                start = v.get("from")
                if isinstance(start, datetime):
                    return t("timeline.outcome.incident.announced", date=self.day(start.astimezone(self.zone).date()))
                return t("timeline.outcome.incident.announced_undated")
            return t("timeline.outcome.incident.began", impact=t.table("impact")[event.status or "none"])
        if what == "resolved":
            lasted = v.get("lasted")
            key = "completed" if maintenance else "resolved"
            if lasted is None:
                return t(f"timeline.outcome.incident.{key}_plain")
            return t(f"timeline.outcome.incident.{key}", duration=self.duration(lasted.total_seconds() / 60))
        if what == "postmortem":
            key = "postmortem_late" if event.status == "late" else "postmortem"
            return t(f"timeline.outcome.incident.{key}", days=v["days"], promised=v["promised"])
        return t.table("update_status")[event.status]  # an update (feeds)

    def headline(self, event: Event) -> str:
        """A feed entry's title: what it is about, and what happened (`Planned maintenance of bank sync — Maintenance announced for …`)."""
        return f"{self.title(event)} — {self.outcome(event)}"


def _plain(text: str | None) -> str:
    """Markdown as a reader sees it, on one line: rendered and sanitised like the pages, then without tags."""
    if not text:
        return ""
    return " ".join(html.unescape(nh3.clean(str(prose.html(text)), tags=set())).split())


def _reason(text: str | None) -> str:
    reason = _plain(text)
    return reason if len(reason) <= _REASON_LENGTH else reason[: _REASON_LENGTH - 1].rstrip() + "…"


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:59].rstrip() + "…"


def _period(value: str, t: Strings) -> str:
    if len(value) == 7 and value[5] == "Q":
        return t("quarter_format", year=value[:4], quarter=value[6])
    return value
