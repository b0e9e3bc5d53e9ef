"""What every page's template may use: the records, the build's numbers, lookups between records, and the site's words
for moments and fields, made once per render (render/environment.share gives it to every page)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment

from trustpages import kinds, maintenance, metrics, surveys, timeliness
from trustpages.asof import build_moment
from trustpages.corrected import due_move, label
from trustpages.history import History
from trustpages.numbers import Numbers
from trustpages.policyhistory import in_force
from trustpages.publiclog.facts import PRESENT
from trustpages.publiclog.log import Log
from trustpages.records import Incident, Milestone, RecordSet, Standing, Survey
from trustpages.render import listings, sources
from trustpages.render.record import Entries as TimelineEntries
from trustpages.render.record import timeline_context
from trustpages.status import phase, phase_mark
from trustpages.strings import Strings
from trustpages.timeline.events import Event
from trustpages.zonewords import zone_name

# A day with trouble names at most this many incidents, then "and N more": hundreds open at once
# made one home page tens of megabytes (every open incident under every component for every day).
TROUBLE_LINKS = 3
# The home page shows at most this many open incidents (each with its latest update) and planned
# windows, then links to the incidents page for the rest: it stays small with hundreds open.
HOME_LIMIT = 10
# The home page names at most this many broken (and overdue) promises, then links to the rest.
HOME_NAMED = 3


def page_context(
    numbers: Numbers, env: Environment, strings: Strings, events: Sequence[Event], history: History | None, log: Log | None
) -> dict[str, Any]:
    """The context of every page: shared_context, where records come from, the record over time, the long lists, and the site's words."""
    records, as_of = numbers.records, numbers.as_of
    zone = ZoneInfo(records.site.timezone)
    context = {**shared_context(numbers), **sources.context(records, history), "t": env.globals["t"]}
    context.update(timeline_context(events, strings, zone))
    context["field_label"] = lambda path: label(path, strings)  # a corrected field in the site's words
    context.update(listings.index_context(listings.groups(context)))
    context["backdated"] = numbers.published.of
    context["corrected_records"] = _corrected_records(records)
    context.update(_policies(numbers, history, log, zone))
    # Every page showing status says when it is from, to the minute: one value, worded once (Clock.as_of).
    context["as_of_words"] = env.filters["as_of"](as_of, build_moment(as_of))
    context["zone_name"] = zone_name(zone, strings)
    context["trouble_links"] = TROUBLE_LINKS
    context["home_limit"] = HOME_LIMIT
    context["home_named"] = HOME_NAMED
    context["timeline_entry"] = TimelineEntries(context["timeline_words"], env.filters["day"])
    return context


def _corrected_records(records: RecordSet) -> list[tuple[str, Any, str]]:
    """(kind, record, its page) of every record with corrections, site.yml included: one place lists them all (the log page)."""
    return [
        (kind.name, record, f"{kind.folder}/{record.id}.md" if kind.page else kind.section.path if kind.section else kinds.HOME.path)
        for kind in kinds.kinds()
        for record in kind.of(records)
        if getattr(record, "corrections", ())
    ]


def _policies(numbers: Numbers, history: History | None, log: Log | None, zone: ZoneInfo) -> dict[str, Any]:
    """Each fact judged by the policy in force when it happened, and whether each postmortem came in time by it."""
    policies = in_force(numbers.records, log)
    logged = numbers.logged
    return {
        "policies_at": policies.at,
        "policy_changes": policies.of,
        "postmortem_published": lambda i: timeliness.postmortem_published(
            i, history, numbers.as_of, zone, policies.at(i.resolved), logged=logged.get(("incident", i.id, f"postmortem{PRESENT}"))
        ),
    }


def shared_context(numbers: Numbers) -> dict[str, Any]:
    """What every template may use: records, headline numbers, and lookups between records."""
    records = numbers.records
    return {
        "site": records.site,
        "records": records,
        "as_of": numbers.as_of,
        "summary": numbers.summary,
        "metrics": metrics,
        "maintenance": maintenance,
        **_links(records),
        **_commitment_lists(numbers),
        **_incident_lists(numbers),
        **_mistake_lists(records),
        **_numbers(numbers),
        **_lookups(numbers),
    }


def _links(records: RecordSet) -> dict[str, Any]:
    """Records by id, and which records name which: the follow-ups of a promise, the mistakes that mention a record."""
    follow_up_of: dict[str, list[Incident]] = defaultdict(list)
    for incident in records.incidents:
        for cid in incident.follow_ups:
            follow_up_of[cid].append(incident)
    mentioned_in: dict[str, list[Any]] = defaultdict(list)
    for mistake in records.mistakes:
        for rid in mistake.related:
            mentioned_in[rid].append(mistake)
    return {
        "commitments": {c.id: c for c in records.commitments},
        "follow_up_of": follow_up_of,
        "mentioned_in": mentioned_in,
        "by_id": {r.id: r for r in (*records.commitments, *records.incidents, *records.mistakes)},
        "components": {c.id: c for c in records.site.components},
    }


def _commitment_lists(numbers: Numbers) -> dict[str, Any]:
    """Milestones by status (worst first, then by due date) and the standing promises with their measurements."""
    as_of = numbers.as_of
    milestones = sorted(metrics.milestones(numbers.records), key=lambda m: (metrics.STATUSES.index(metrics.status(m, as_of)), m.due, m.id))
    by_status: dict[str, list[Milestone]] = {name: [] for name in metrics.STATUSES}
    for milestone in milestones:
        by_status[metrics.status(milestone, as_of)].append(milestone)
    return {"by_status": by_status, "standing": numbers.standing, "standing_of": {s.commitment.id: s for s in numbers.standing}}


def _incident_lists(numbers: Numbers) -> dict[str, Any]:
    """Incidents newest first; what is open, planned or overran; and the rest by year, each incident listed once."""
    records, as_of = numbers.records, numbers.as_of
    zone = ZoneInfo(records.site.timezone)
    incidents = sorted(
        records.incidents, key=lambda i: (i.started or i.scheduled_for or datetime.min.replace(tzinfo=UTC), i.id), reverse=True
    )
    upcoming = metrics.upcoming_maintenance(records, as_of)
    open_now = metrics.open_incidents(records)
    overran = [i for i in incidents if maintenance.overran(i, as_of, zone)]
    # Each incident is listed once: what is open, planned or overran has its own list above the years.
    listed_above = {id(incident) for incident in (*open_now, *upcoming, *overran)}
    by_year: dict[int, list[Incident]] = defaultdict(list)
    for incident in incidents:
        # Listed by the year it started; maintenance that never started, done, by its planned start.
        when = incident.started or incident.scheduled_for
        if when is not None and id(incident) not in listed_above:
            by_year[when.year].append(incident)
    return {
        "incidents": incidents,
        "incidents_by_year": dict(sorted(by_year.items(), reverse=True)),
        "open_incidents": open_now,
        "upcoming_maintenance": upcoming,
        "overran_maintenance": overran,
        "latest_serious": metrics.latest_serious(records),
    }


def _mistake_lists(records: RecordSet) -> dict[str, Any]:
    """Mistakes newest first, by year, and the latest one."""
    newest_first = sorted(records.mistakes, key=lambda m: (m.on, m.id), reverse=True)
    by_year: dict[int, list[Any]] = defaultdict(list)
    for mistake in newest_first:
        by_year[mistake.on.year].append(mistake)
    return {"mistakes": newest_first, "mistakes_by_year": dict(by_year), "latest_mistake": metrics.latest_mistake(records)}


def _numbers(numbers: Numbers) -> dict[str, Any]:
    """The build's numbers the metrics page and the charts read, each counted once (trustpages.numbers)."""
    return {
        "by_category": numbers.by_category,
        "by_quarter": numbers.by_quarter,
        "on_time_rate": numbers.on_time_rate,
        "median_days_late": numbers.median_days_late,
        "first_update": numbers.minutes_to_first_update,
        "to_resolution": numbers.minutes_to_resolution,
        "incident_table": numbers.incidents_by_quarter,
        "service": numbers.service,
        "rescheduled": numbers.rescheduled,
        "series_table": lambda series: {p.period: {"value": p.value} for p in series.points},
        "survey_results": surveys.results,
        "delivers": surveys.delivers(numbers.records.of(Survey)),
    }


def _lookups(numbers: Numbers) -> dict[str, Any]:
    """What templates ask of one record: its status, phase, lateness, kind, the metric or processor it names."""
    records, as_of = numbers.records, numbers.as_of
    zone = ZoneInfo(records.site.timezone)
    return {
        "overran": lambda i: maintenance.overran(i, as_of, zone),
        "phase_of": lambda i: phase(i, as_of, zone),
        "phase_mark": phase_mark,
        "first_update_minutes": timeliness.first_update_minutes,
        "status_of": lambda m: metrics.status(m, as_of),
        "days_late": lambda m: metrics.days_late(m, as_of),
        "is_milestone": lambda c: isinstance(c, Milestone),
        "is_standing": lambda c: isinstance(c, Standing),
        "kind_of": lambda r: kinds.of_record(r).folder,
        "due_move": due_move,
        "metric_of": lambda mid: next((m for m in records.metrics if m.id == mid), None),
        "processors_of": lambda data: {p.id: p for p in data.processors},
        "feedback_url": lambda title: sources.feedback_url(records, title),
    }
