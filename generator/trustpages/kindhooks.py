"""What the built-in kinds' registry entries call (trustpages.kinds): their pages' related records, section groups, events and numbers.

The hooks import what they call when called: the timeline, feeds and numbers import the registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from trustpages.records import Milestone
from trustpages.registry import Group, Wording


def survey_numbers(survey: Any) -> dict[str, Any]:
    """Each wave's computed numbers, as the survey's page shows them (trustpages.surveys)."""
    from trustpages import surveys  # the numbers import the records, as this registry does

    def shown(share: Any) -> dict[str, Any] | None:
        if share is None:
            return None
        low_high = share.interval
        return {"n": share.n, "agree": share.agree, "share": share.value, "interval_95": list(low_high) if low_high else None}

    return {
        "results": [
            {"period": r.wave.period, "stage": r.wave.stage, "trust_index": r.index, "shares": {q: shown(s) for q, s in r.shares.items()}}
            for r in surveys.results(survey)
        ]
    }


def related_to_commitment(context: Mapping[str, Any], commitment: Any) -> tuple[Any, ...]:
    return (tuple(context["follow_up_of"][commitment.id]), tuple(context["mentioned_in"][commitment.id]))


def related_to_incident(context: Mapping[str, Any], incident: Any) -> tuple[Any, ...]:
    return tuple(context["commitments"].get(cid) for cid in incident.follow_ups)


def related_to_mistake(context: Mapping[str, Any], mistake: Any) -> tuple[Any, ...]:
    return tuple(context["by_id"].get(rid) for rid in mistake.related)


# The section pages' groups (render context in, groups out): promises by status and the standing ones, the rest by year.


def by_status(context: Mapping[str, Any]) -> list[Group]:
    t = context["t"]
    return [(name, f"{t('commitments.title')}: {t('status')[name]}", items) for name, items in context["by_status"].items()]


def standing(context: Mapping[str, Any]) -> list[Group]:
    return [("all", context["t"]("commitments.standing"), context["standing"])]


def by_year(folder: str, context: Mapping[str, Any]) -> list[Group]:
    title = context["t"](f"{folder}.title")
    return [(year, f"{title} {year}", items) for year, items in context[f"{folder}_by_year"].items()]


# Each kind's events on the record's timeline (trustpages.timeline.events), which imports this registry.


def commitment_events(records: Any, as_of: date, history: Any) -> list[Any]:
    from trustpages.timeline import events as ev

    out: list[Any] = []
    for commitment in records.commitments:
        out.append(ev.made(commitment))
        if isinstance(commitment, Milestone):
            out += [e for e in ev.status_changes(commitment) if e.status != "not_started" or e.at != ev.midnight(commitment.made_on)]
            out += [ev.went_overdue(commitment, as_of), ev.rescheduled(commitment, history)]
        else:
            out += ev.missed_periods(commitment)
    return out


def incident_events(records: Any, as_of: date, history: Any) -> list[Any]:
    from zoneinfo import ZoneInfo

    from trustpages.timeline import events as ev

    zone = ZoneInfo(records.site.timezone)
    return [
        event
        for incident in records.incidents
        for event in (
            ev.incident_started(incident, zone),
            ev.incident_resolved(incident, zone),
            ev.postmortem(incident, history, as_of, zone, records),
        )
    ]


def timeline(name: str) -> Any:
    """The timeline hook of a kind whose events one function of trustpages.timeline.events makes from the records."""

    def events(records: Any, as_of: date, history: Any) -> list[Any]:
        from trustpages.timeline import events as ev

        return list(getattr(ev, name)(records))

    return events


def worded(outcome: str, title: str | None = None, headline: str | None = None) -> Wording:
    """A kind's Wording by the names of its functions in trustpages.timeline.outcomes, which imports this registry."""

    def said(words: Any, event: Any, what: str) -> str:
        from trustpages.timeline import outcomes

        return str(getattr(outcomes, outcome)(words, event, what))

    def titled(words: Any, event: Any) -> str:
        from trustpages.timeline import outcomes

        return str(getattr(outcomes, title or "")(words, event))

    def announced(t: Any, event: Any, what: str) -> str:
        from trustpages.timeline import outcomes

        return str(getattr(outcomes, headline or "")(t, event, what))

    return Wording(said, titled if title is not None else None, announced if headline is not None else None)


def incident_filter(event: Any) -> str:
    """Maintenance apart from the incidents that went wrong."""
    return "maintenance" if event.incident is not None and event.incident.impact == "maintenance" else "incidents"


def no_events(records: Any, as_of: date, history: Any) -> tuple[Any, ...]:
    return ()  # its corrections only


# What the feeds and `notify` tell of incidents, promises and mistakes.


def incident_feed(records: Any) -> list[Any]:
    from trustpages.opendata.feeds import incident_events

    return incident_events(records)


def incidents_announced(records: Any) -> list[Any]:
    from trustpages.timeline import events as ev

    out: list[Any] = []
    for incident in records.incidents:
        started = ev.incident_started(incident)
        out.extend([started] if started else [])
        out.extend(ev.incident_updates(incident))
    return out


def commitments_announced(records: Any) -> list[Any]:
    from trustpages.timeline import events as ev

    return [event for commitment in records.commitments if isinstance(commitment, Milestone) for event in ev.status_changes(commitment)]


def mistakes_announced(records: Any) -> list[Any]:
    from trustpages.timeline import events as ev

    return [ev.mistake_published(m) for m in records.mistakes]
