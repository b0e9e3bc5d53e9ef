"""The build's numbers -> {page path: page source (HTML, or Markdown from a site's own .md.j2)} and the stylesheet: the site's
pages, before any builder sees them (open data is the pipeline's next step: trustpages.pipeline)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment
from markupsafe import escape

from trustpages import kinds, maintenance, metrics, opendata, surveys, timeline, timeliness
from trustpages.asof import build_moment
from trustpages.buildcache.keys import PageInputs
from trustpages.corrected import due_move, label
from trustpages.history import History
from trustpages.numbers import Numbers
from trustpages.opendata.keeper import Keeper
from trustpages.policyhistory import in_force
from trustpages.publiclog.facts import PRESENT
from trustpages.publiclog.log import Log
from trustpages.records import Incident, Milestone, Standing, Survey
from trustpages.render import htmlpage, sources
from trustpages.render.environment import (
    builtin_templates,
    make_environment,
    relative_url,
    render_page,
    share,
    template_for,
)
from trustpages.render.htmlpage import HTML_SUFFIX
from trustpages.render.record import Entries as TimelineEntries
from trustpages.render.record import timeline_context
from trustpages.render.replaced import replaced
from trustpages.sections import listing_folders, listing_path
from trustpages.status import phase, phase_mark
from trustpages.strings import Strings
from trustpages.timeline.events import Event
from trustpages.zonewords import zone_name

STYLESHEET = "assets/trustpages.css"
# Index pages show at most INDEX_LIMIT records per group and link to a full listing, paginated by
# LISTING_SIZE, so no page lists more than a few hundred records however long the history grows.
INDEX_LIMIT = 25
# A day with trouble names at most this many incidents, then "and N more": hundreds open at once
# made one home page tens of megabytes (every open incident under every component for every day).
TROUBLE_LINKS = 3
LISTING_SIZE = 200
# The home page shows at most this many open incidents (each with its latest update) and planned
# windows, then links to the incidents page for the rest: it stays small with hundreds open.
HOME_LIMIT = 10
# The home page names at most this many broken (and overdue) promises, then links to the rest.
HOME_NAMED = 3


@dataclass(frozen=True)
class Output:
    """Everything the site needs from trustpages; paths are relative to the docs folder.

    Each page is its source with YAML front matter: HTML for the pages of `html` (from `*.html.j2`
    templates: headings carry their ids, the builder need not convert them), else Markdown.
    """

    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, bytes] = field(default_factory=dict)
    html: frozenset[str] = frozenset()


class PageCache(Keeper):
    """Record pages of the previous render with the inputs each was made from.

    `mkdocs serve` keeps one across rebuilds, so saving one YAML file re-renders only the record
    pages whose inputs changed (the record, the records its page shows, its history, the
    templates, the site settings, as_of), and the pages of a long list whose records changed;
    section pages are always rendered again. The open data it makes afresh (Keeper).
    """

    def __init__(self) -> None:
        self.pages: dict[str, tuple[PageInputs, tuple[str, bool]]] = {}  # path -> (inputs, (source, is HTML))
        self.rendered = 0  # record pages rendered (not reused) by the last render_site

    def get(self, path: str, inputs: PageInputs) -> tuple[str, bool] | None:
        cached = self.pages.get(path)
        return cached[1] if cached is not None and cached[0] == inputs else None

    def put(self, path: str, inputs: PageInputs, page: tuple[str, bool]) -> None:
        self.pages[path] = (inputs, page)


def render_site(
    numbers: Numbers,
    strings: Strings,
    events: Sequence[Event],
    templates: Path | None = None,
    *,
    history: History | None = None,
    cache: PageCache | None = None,
    log: Log | None = None,
) -> Output:
    """Render every page from the records as `numbers` counted them; `templates` is the site's own override folder.

    The pages word by `strings` and show the record's `events` (trustpages.timeline.record); the
    numbers and events are the build's (trustpages.pipeline), so the open data says the same.
    `history` (trustpages.history.record_history) fills each record page's history; without it the
    pages say that history is not available. `cache` reuses record pages whose inputs did not change
    since the last call with the same cache. The assets are the stylesheet and the public log's files.
    """
    records, as_of, published, logged = numbers.records, numbers.as_of, numbers.published, numbers.logged
    env = make_environment(templates, records.site.locale, records.site.timezone, strings)
    context = {**_shared_context(numbers), **sources.context(records, history), "t": env.globals["t"]}
    context.update(timeline_context(events, strings, ZoneInfo(records.site.timezone)))
    context["field_label"] = lambda path: label(path, strings)  # a corrected field in the site's words
    groups = _groups(context)
    context["listings"] = {(rows, key): listing_path(rows, key) for rows, key, _, items, _ in groups if len(items) > INDEX_LIMIT}
    context["groups_of"] = lambda folder: [group[:4] for group in groups if listing_folders()[group[0]][0] == folder]
    context["backdated"] = published.of
    context["corrected_records"] = [
        (kind.name, record, f"{kind.folder}/{record.id}.md" if kind.page else kind.section.path if kind.section else kinds.HOME.path)
        for kind in kinds.kinds()
        for record in kind.of(records)
        if getattr(record, "corrections", ())
    ]  # every correction of every file, site.yml included: one place that lists them all (the log page)
    policies = in_force(records, log)  # each fact judged by the policy in force when it happened
    context["policies_at"] = policies.at
    context["policy_changes"] = policies.of
    zone = ZoneInfo(records.site.timezone)
    context["postmortem_published"] = lambda i: timeliness.postmortem_published(
        i, history, as_of, zone, policies.at(i.resolved), logged=logged.get(("incident", i.id, f"postmortem{PRESENT}"))
    )
    # Every page showing status says when it is from, to the minute: one value, worded once (Clock.as_of).
    context["as_of_words"] = env.filters["as_of"](as_of, build_moment(as_of))
    context["zone_name"] = zone_name(zone, strings)
    context["index_limit"] = INDEX_LIMIT
    context["trouble_links"] = TROUBLE_LINKS
    context["home_limit"] = HOME_LIMIT
    context["home_named"] = HOME_NAMED
    context["timeline_entry"] = TimelineEntries(context["timeline_words"], env.filters["day"])
    share(env, context, template_for(env, "_macros"))
    pages: dict[str, str] = {}
    html: set[str] = set()
    templates_of: dict[str, str] = {}  # page name (the registry's) -> its template, .html.j2 or .md.j2
    own = replaced(templates)  # number pages the site's own templates replace: each says so

    def page(path: str, name: str, **extra: Any) -> None:
        template = templates_of.get(name) or templates_of.setdefault(name, template_for(env, name))
        pages[path] = _render(env, template, path, extra)
        if name in own:
            said = strings("replaced.note", file=f"templates/{own[name].name}")
            link = relative_url(path, "api/v1/summary.json")
            pages[path] += (
                f'\n\n<p class="tp-replaced" role="note" data-search-exclude>{escape(said)} <a href="{link}">{escape(strings("replaced.link"))}</a></p>\n'
            )
        if template.endswith(HTML_SUFFIX):
            html.add(path)

    shared: tuple[Any, ...] = ()  # what every record page shows; read only when there is a cache
    if cache is not None:
        cache.rendered = 0
        shared = (
            _templates_fingerprint(templates),
            as_of,
            records.site,
            history is not None and history.available,
            history is not None and history.is_shallow,
        )

    def reused_page(path: str, template: str, inputs: tuple[Any, ...], **extra: Any) -> None:
        """A page that shows only `inputs` (besides what every page shares), reused from `cache` while they are unchanged."""
        if cache is None:
            page(path, template, **extra)
            return
        made_from = PageInputs(shared, inputs)
        reused = cache.get(path, made_from)
        if reused is None:
            page(path, template, **extra)
            cache.put(path, made_from, (pages[path], path in html))
            cache.rendered += 1
        else:
            pages[path], is_html = reused
            if is_html:
                html.add(path)

    # Every section and record page the registry names (trustpages.kinds), in the navigation's order.
    page(kinds.HOME.path, kinds.HOME.template)
    for kind in kinds.kinds():
        if kind.section is not None:
            page(kind.section.path, kind.section.template)
        for record in kind.of(records) if kind.page is not None else ():
            # A record page shows its record, the records it names or that name it, and its history.
            inputs = (record, kind.related(context, record), history.of(kind.name, record.id) if history is not None else ())
            reused_page(f"{kind.folder}/{record.id}.md", kind.page, inputs, **{kind.name: record})  # type: ignore[arg-type]
    for listing in _listings(context):
        reused_page(listing.path, "listing", ("listing", listing), **listing.context())  # its rows' records, and where it is in the list
    for record_page in timeline.every_page(context["timeline"]):
        page(record_page.path, kinds.RECORD.template, timeline_page=record_page)
    page(
        kinds.OPEN_DATA.path,
        kinds.OPEN_DATA.template,
        outputs=opendata.catalogue(records),
        version=opendata.VERSION,
        feed_entries=opendata.feeds.FEED_ENTRIES,
    )
    page(kinds.PUBLIC_LOG.path, kinds.PUBLIC_LOG.template, public_log=log, backdated_all=published.backdated)
    assets = {**(log.files() if log is not None else {}), STYLESHEET: _stylesheet(templates)}
    return Output(pages, assets, frozenset(html))


@dataclass(frozen=True)
class Listing:
    """One page of the full list of a group too long for its index page."""

    path: str
    kind: str  # which rows to show: a grouping's (trustpages.kinds)
    heading: str
    items: tuple[Any, ...]
    total: int
    page_no: int
    page_count: int
    back: str
    previous: str | None
    next: str | None

    def context(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "path"}


def _groups(context: dict[str, Any]) -> list[tuple[str, object, str, list[Any], str]]:
    """(rows, key, heading, items, section page) of every group an index page lists: each kind's groupings (trustpages.kinds)."""
    return [
        (grouping.rows, key, heading, list(items), kind.section.path)
        for kind in kinds.kinds()
        if kind.section is not None
        for grouping in kind.lists
        for key, heading, items in grouping.groups(context)
    ]


def _listings(context: dict[str, Any]) -> list[Listing]:
    pages = []
    for rows, key, heading, items, back in _groups(context):
        if len(items) <= INDEX_LIMIT:
            continue
        count = -(-len(items) // LISTING_SIZE)
        for number in range(1, count + 1):
            pages.append(
                Listing(
                    path=listing_path(rows, key, number),
                    kind=rows,
                    heading=heading,
                    items=tuple(items[(number - 1) * LISTING_SIZE : number * LISTING_SIZE]),
                    total=len(items),
                    page_no=number,
                    page_count=count,
                    back=back,
                    previous=listing_path(rows, key, number - 1) if number > 1 else None,
                    next=listing_path(rows, key, number + 1) if number < count else None,
                )
            )
    return pages


def _render(env: Environment, template: str, path: str, extra: dict[str, Any]) -> str:
    source = render_page(env, template, path, **extra)
    return htmlpage.finish(source) if template.endswith(HTML_SUFFIX) else source


def _templates_fingerprint(templates: Path | None) -> tuple[tuple[str, str], ...]:
    """A hash of every template and string file in use: any edit invalidates cached pages."""
    return tuple(
        (str(path), hashlib.sha256(path.read_bytes()).hexdigest())
        for folder in (templates, builtin_templates())
        if folder is not None and folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )


def _stylesheet(templates: Path | None) -> bytes:
    for folder in (templates, builtin_templates()):
        if folder is not None and (folder / STYLESHEET).is_file():
            return (folder / STYLESHEET).read_bytes()
    raise FileNotFoundError(STYLESHEET)  # pragma: no cover - shipped with the package


def _shared_context(numbers: Numbers) -> dict[str, Any]:
    """What every template may use: records, headline numbers, and lookups between records."""
    records, as_of = numbers.records, numbers.as_of
    zone = ZoneInfo(records.site.timezone)
    commitments = {c.id: c for c in records.commitments}
    follow_up_of: dict[str, list[Incident]] = defaultdict(list)
    for incident in records.incidents:
        for cid in incident.follow_ups:
            follow_up_of[cid].append(incident)
    mentioned_in: dict[str, list[Any]] = defaultdict(list)
    for mistake in records.mistakes:
        for rid in mistake.related:
            mentioned_in[rid].append(mistake)
    by_id = {r.id: r for r in (*records.commitments, *records.incidents, *records.mistakes)}
    components = {c.id: c for c in records.site.components}
    milestones = sorted(metrics.milestones(records), key=lambda m: (metrics.STATUSES.index(metrics.status(m, as_of)), m.due, m.id))
    by_status: dict[str, list[Milestone]] = {name: [] for name in metrics.STATUSES}
    for milestone in milestones:
        by_status[metrics.status(milestone, as_of)].append(milestone)
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
        "site": records.site,
        "records": records,
        "as_of": as_of,
        "summary": numbers.summary,
        "metrics": metrics,
        "commitments": commitments,
        "by_status": by_status,
        "standing": numbers.standing,
        "standing_of": {s.commitment.id: s for s in numbers.standing},
        "incidents": incidents,
        "incidents_by_year": dict(sorted(by_year.items(), reverse=True)),
        "open_incidents": open_now,
        "upcoming_maintenance": upcoming,
        "overran_maintenance": overran,
        "maintenance": maintenance,
        "overran": lambda i: maintenance.overran(i, as_of, zone),
        "phase_of": lambda i: phase(i, as_of, zone),
        "phase_mark": phase_mark,
        "first_update_minutes": timeliness.first_update_minutes,
        "mistakes": sorted(records.mistakes, key=lambda m: (m.on, m.id), reverse=True),
        "mistakes_by_year": _by_year(records.mistakes),
        "latest_mistake": metrics.latest_mistake(records),
        "latest_serious": metrics.latest_serious(records),
        "follow_up_of": follow_up_of,
        "mentioned_in": mentioned_in,
        "by_id": by_id,
        "components": components,
        "status_of": lambda m: metrics.status(m, as_of),
        "days_late": lambda m: metrics.days_late(m, as_of),
        "is_milestone": lambda c: isinstance(c, Milestone),
        "is_standing": lambda c: isinstance(c, Standing),
        "kind_of": lambda r: kinds.of_record(r).folder,
        "by_category": numbers.by_category,
        "by_quarter": numbers.by_quarter,
        "on_time_rate": numbers.on_time_rate,
        "median_days_late": numbers.median_days_late,
        "first_update": numbers.minutes_to_first_update,
        "to_resolution": numbers.minutes_to_resolution,
        "incident_table": numbers.incidents_by_quarter,
        "service": numbers.service,
        "series_table": lambda series: {p.period: {"value": p.value} for p in series.points},
        "due_move": due_move,
        "survey_results": surveys.results,
        "delivers": surveys.delivers(records.of(Survey)),
        "metric_of": lambda mid: next((m for m in records.metrics if m.id == mid), None),
        "processors_of": lambda data: {p.id: p for p in data.processors},
        "feedback_url": lambda title: sources.feedback_url(records, title),
        "rescheduled": numbers.rescheduled,
    }


def _by_year(mistakes: tuple[Any, ...]) -> dict[int, list[Any]]:
    years: dict[int, list[Any]] = defaultdict(list)
    for mistake in sorted(mistakes, key=lambda m: (m.on, m.id), reverse=True):
        years[mistake.on.year].append(mistake)
    return dict(years)
