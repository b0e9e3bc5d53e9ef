"""How the built-in kinds' events are worded on the timeline and in feeds: each function is a kind's `Wording` (trustpages.kinds).

Each is given the site language's Words (dates, amounts and durations in its words) and the event;
a kind without a wording of its own is said by its strings alone (timeline.outcome.<kind>.<what>).
"""

from __future__ import annotations

from datetime import datetime

from trustpages import localformat
from trustpages.strings import Strings
from trustpages.timeline.event import Event
from trustpages.timeline.words import Words


def promise(words: Words, event: Event, what: str) -> str:
    t, v = words.t, event.values
    if what == "made":
        if "due" in v:
            return t("timeline.outcome.commitment.made", due=words.day(v["due"]))
        return t("timeline.outcome.commitment.made_standing")
    if what == "overdue":
        return t("timeline.outcome.commitment.overdue", due=words.day(v["due"]))
    if what == "rescheduled":
        return t("timeline.outcome.commitment.rescheduled", first=words.day(v["first"]), now=words.day(v["now"]))
    if what == "missed":
        return t("timeline.outcome.commitment.missed", period=words.period(v["period"]), actual=localformat.measurement(v["actual"], t))
    status = event.status or "not_started"
    if status == "withdrawn":
        key = "withdrawn_late" if v.get("late") else "withdrawn"
        return t(f"timeline.outcome.commitment.status.{key}", reason=words.reason(event.body))
    if status in ("kept", "partly_kept") and v.get("days_late"):
        return t(f"timeline.outcome.commitment.status.{status}_late", days=v["days_late"])
    return t(f"timeline.outcome.commitment.status.{status}")


def incident(words: Words, event: Event, what: str) -> str:
    t, v = words.t, event.values
    maintenance = event.incident is not None and event.incident.impact == "maintenance"
    if what == "new":
        if maintenance:
            start = v.get("from")
            if isinstance(start, datetime):
                return t("timeline.outcome.incident.announced", date=words.day(start.astimezone(words.zone).date()))
            return t("timeline.outcome.incident.announced_undated")
        return t("timeline.outcome.incident.began", impact=t.table("impact")[event.status or "none"])
    if what == "resolved":
        lasted = v.get("lasted")
        key = "completed" if maintenance else "resolved"
        if lasted is None:
            return t(f"timeline.outcome.incident.{key}_plain")
        return t(f"timeline.outcome.incident.{key}", duration=words.duration(lasted.total_seconds() / 60))
    if what == "postmortem":
        key = "postmortem_late" if event.status == "late" else "postmortem"
        return t(f"timeline.outcome.incident.{key}", days=v["days"], promised=v["promised"])
    return str(t.table("update_status")[event.status])  # an update (feeds)


def incident_headline(t: Strings, event: Event, what: str) -> str:
    if what == "update":
        return t("notify.incident_update", title=event.title, status=t.table("update_status")[event.status])
    return t("notify.incident_new", title=event.title)


def promise_headline(t: Strings, event: Event, what: str) -> str:
    return t("notify.commitment_status", title=event.title, status=t.table("status")[event.status])


def mistake(words: Words, event: Event, what: str) -> str:
    return words.t("timeline.outcome.mistake.remedied" if event.status == "remedied" else "timeline.outcome.mistake.no_remedy")


def price(words: Words, event: Event, what: str) -> str:
    v = event.values
    return words.t(
        f"timeline.outcome.pricing.{what}",
        plan=event.title,
        old=words.amount(v["from"]),
        new=words.amount(v["to"]),
        currency=v["currency"],
        effective=words.day(v["effective"]),
        notice=v["notice"],
    )


def price_title(words: Words, event: Event) -> str:
    return words.t("timeline.titles.pricing", plan=event.title)


def data(words: Words, event: Event, what: str) -> str:
    v = event.values
    return words.t(
        f"timeline.outcome.data.{what}.{v['change']}", processor=event.title, effective=words.day(v["effective"]), notice=v["notice"]
    )


def data_title(words: Words, event: Event) -> str:
    return words.t("timeline.titles.data", processor=event.title)


def survey(words: Words, event: Event, what: str) -> str:
    t, v = words.t, event.values
    stage = t.table("surveys.stages").get(v["stage"], v["stage"])
    return t("timeline.outcome.survey.wave", n=v["n"], stage=stage, period=words.period(v["period"]))
