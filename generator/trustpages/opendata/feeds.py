"""Atom (RFC 4287) and JSON Feed 1.1 feeds of the record's events (trustpages.timeline): incidents, promises, mistakes, and the rest.

Written with xml.etree and json rather than a feed library: both formats are small, and this
keeps every byte a pure function of the records (no library stamps the time of the build).
"""

from __future__ import annotations

import functools
import itertools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from trustpages import __version__, kinds, prose
from trustpages.opendata.keeper import FRESH, Keeper
from trustpages.opendata.links import absolute, dumps, midnight, stamp
from trustpages.opendata.plaintext import uri
from trustpages.records import RecordSet
from trustpages.strings import Strings
from trustpages.timeline import events as ev
from trustpages.timeline import words
from trustpages.timeline.event import Event

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
INDEX_PATH = "feeds/sitemap.xml"
JSON_FEED = "https://jsonfeed.org/version/1.1"
ATOM_TYPE = "application/atom+xml"
JSON_FEED_TYPE = "application/feed+json"
# Feed readers poll for what is new, so a feed holds the newest entries, as most feeds do: years of
# history would make every poll download megabytes. The whole record stays in api/v1/ and on the pages.
FEED_ENTRIES = 50


@dataclass(frozen=True)
class Feed:
    """One feed, published twice: feeds/<name>.xml (Atom) and feeds/<name>.json (JSON Feed)."""

    name: str  # path under feeds/, e.g. all or components/login
    title: str
    page: str  # the site page showing the same records, e.g. incidents/
    events: tuple[Event, ...]  # newest first, at most FEED_ENTRIES

    @property
    def atom_path(self) -> str:
        return f"feeds/{self.name}.xml"

    @property
    def json_path(self) -> str:
        return f"feeds/{self.name}.json"


def feeds(records: RecordSet, as_of: date, t: Strings, record: Sequence[Event] | None = None) -> list[Feed]:
    """Every feed: everything, each kind's with a feed (incidents, commitments, mistakes), and one per component.

    The events are the timeline's (trustpages.timeline.events.record), except that an incident is
    told by each of its public updates, as it happened, rather than by its start and end.
    """
    if record is None:
        record = ev.record(records, as_of)
    name = records.site.name
    told = {k.name: list(k.feed_events(records)) for k in kinds.feed_kinds() if k.feed_events is not None}  # instead of the timeline's
    others = [e for e in record if e.record_kind not in told]
    every = [*(e for events in told.values() for e in events), *others]
    out = [Feed("all", t("feeds.all", name=name), "", _newest(every))]
    for k in kinds.feed_kinds():  # feeds/<folder>: a kind's own feed (trustpages.kinds)
        mine = told[k.name] if k.name in told else [e for e in others if e.record_kind == k.name]
        out.append(Feed(str(k.folder), t(f"feeds.{k.folder}", name=name), f"{k.folder}/", _newest(mine)))
    for component in sorted(records.site.components, key=lambda c: c.id):  # the events that name a component: incidents'
        concerned = _newest(e for e in every if component.id in e.components)
        out.append(Feed(f"components/{component.id}", t("feeds.component", name=name, component=component.name), "incidents/", concerned))
    return out


def incident_events(records: RecordSet) -> list[Event]:
    """Feed entries for incidents, in no order: one per update (an incident with none yet: its start), postmortems and corrections."""
    zone = ZoneInfo(records.site.timezone)
    events: list[Event] = []
    for incident in records.incidents:
        updates = ev.incident_updates(incident, zone)
        started = ev.incident_started(incident, zone) if not updates else None
        events.extend(updates or ([started] if started else []))
        events.extend(ev.corrected("incident", incident))
    return events


def _newest(events: Iterable[Event]) -> tuple[Event, ...]:
    """The newest FEED_ENTRIES events."""
    return tuple(itertools.islice(ev.newest_first(events), FEED_ENTRIES))


@dataclass(frozen=True)
class Entry:
    """What a feed says of one event, in either format."""

    id: str
    url: str
    title: str
    html: str
    at: str  # RFC 3339
    event: Event


class Entries:
    """Each event's entry, worked out once however many feeds it is in (the newest incident is in three or more, twice each)."""

    def __init__(self, records: RecordSet, t: Strings) -> None:
        self.records, self.t = records, t
        self.words = words.Words(t, ZoneInfo(records.site.timezone))
        self._made: dict[int, Entry] = {}

    def __call__(self, event: Event) -> Entry:
        made = self._made.get(id(event))
        if made is None:
            made = self._made[id(event)] = Entry(
                entry_id(event, self.records),
                absolute(self.records.site, event.address),
                entry_title(event, self.words),
                entry_html(event, self.t),
                stamp(event.at),
                event,  # kept alive with its entry, so its id is never another event's
            )
        return made


def files(records: RecordSet, as_of: date, t: Strings, kept: Keeper = FRESH, record: Sequence[Event] | None = None) -> dict[str, bytes]:
    """feeds/<name>.xml and feeds/<name>.json for every feed; `kept` (a build cache) keeps each while its events are the same.

    `record`: the record's events (with what git dates, when the pages had its history), else worked out here.
    """
    out: dict[str, bytes] = {}
    every = feeds(records, as_of, t, record)
    entries = Entries(records, t)
    for feed in every:
        # What a feed says: its events (their records within), the site, the strings, and the day when it has no event.
        inputs = (feed, records.site, t.key, None if feed.events else as_of)
        out[feed.atom_path] = _kept(kept, (feed.atom_path, *inputs), functools.partial(atom, feed, records, as_of, entries))
        out[feed.json_path] = _kept(kept, (feed.json_path, *inputs), functools.partial(json_feed, feed, records, entries))
    out[INDEX_PATH] = index(every, records, as_of)
    return out


def _kept(kept: Keeper, inputs: tuple[Any, ...], make: Callable[[], bytes]) -> bytes:
    return kept.fragment(inputs, lambda: make().decode("utf-8")).encode("utf-8")


def index(every: list[Feed], records: RecordSet, as_of: date) -> bytes:
    """feeds/sitemap.xml: every feed, by the Sitemaps protocol.

    Material for MkDocs fetches `sitemap.xml` next to the target of every <link rel="alternate">
    in a page (meant for language versions), so the feed links in each <head> make browsers
    ask for /feeds/sitemap.xml; this answers with a real index instead of a 404.
    """
    root = ET.Element("urlset", {"xmlns": SITEMAP})
    for feed in every:
        updated = stamp(feed.events[0].at if feed.events else midnight(as_of))
        for path in (feed.atom_path, feed.json_path):
            url = ET.SubElement(root, "url")
            _text(url, "loc", uri(absolute(records.site, path)))
            _text(url, "lastmod", updated)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def entry_title(event: Event, said: words.Words) -> str:
    """What the entry is about and what happened, in the timeline's words: `Some customers could not log in — Identified`."""
    return said.headline(event)


def entry_html(event: Event, t: Strings) -> str:
    """The entry's text as sanitised HTML: record Markdown goes through the same cleaner as the pages."""
    if event.kind == "commitment.overdue":
        assert event.milestone is not None
        due = event.milestone.due
        day = t("date_format", day=due.day, month=t.table("months")[due.month - 1], year=due.year)
        return str(Markup("<p>{}</p>").format(t("feeds.overdue", due=day)))
    if event.kind.endswith(".corrected"):
        return str(Markup("<p>{}</p>\n{}").format(t("feeds.corrected_field", field=event.status), prose.html(event.body or "")))
    if event.kind == "commitment.status":
        parts = [prose.html(event.body) if event.body else Markup("<p>{}</p>").format(t.table("status")[event.status])]
        parts += [Markup('<p><a href="{0}">{0}</a></p>').format(link) for link in event.evidence]
        return "\n".join(parts)
    if event.kind == "mistake.new":
        m = event.mistake
        assert m is not None
        sections = [
            ("what_happened", m.what_happened),
            ("who_was_affected", m.who_was_affected),
            ("why", m.why),
            ("what_we_changed", m.what_we_changed),
            ("apology", m.apology),
        ]
        return "\n".join(Markup("<h3>{}</h3>\n{}").format(t(f"mistakes.{key}"), prose.html(text)) for key, text in sections)
    return str(prose.html(event.body))


def entry_id(event: Event, records: RecordSet) -> str:
    """A permanent IRI for the entry: its record's page, with the event's stable id as fragment."""
    return uri(f"{absolute(records.site, event.address)}#event-{event.id}")


def atom(feed: Feed, records: RecordSet, as_of: date, entries: Entries) -> bytes:
    """The feed as Atom 1.0 (RFC 4287)."""
    site = records.site
    updated = feed.events[0].at if feed.events else midnight(as_of)
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": prose.xml_safe(site.locale), "xml:base": uri(absolute(site))})
    _text(root, "id", uri(absolute(site, feed.atom_path)))
    _text(root, "title", feed.title)
    if site.description:
        _text(root, "subtitle", site.description)
    _text(root, "updated", stamp(updated))
    _link(root, "self", ATOM_TYPE, absolute(site, feed.atom_path))
    _link(root, "alternate", "text/html", absolute(site, feed.page))
    _link(root, "alternate", JSON_FEED_TYPE, absolute(site, feed.json_path))
    author = ET.SubElement(root, "author")
    _text(author, "name", site.name)
    _text(author, "uri", uri(absolute(site)))
    _text(root, "generator", "trustpages", {"version": __version__})
    for event in feed.events:
        made = entries(event)
        entry = ET.SubElement(root, "entry")
        _text(entry, "id", made.id)
        _text(entry, "title", made.title, {"type": "text"})
        _text(entry, "published", made.at)
        _text(entry, "updated", made.at)
        _link(entry, "alternate", "text/html", made.url)
        ET.SubElement(entry, "category", {"term": event.kind})
        _text(entry, "content", made.html, {"type": "html"})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _link(parent: ET.Element, rel: str, media_type: str, href: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": uri(href)})


def _text(parent: ET.Element, tag: str, text: str, attributes: dict[str, str] | None = None) -> ET.Element:
    # ElementTree escapes markup but writes control characters as they are, and one makes the whole feed unreadable.
    element = ET.SubElement(parent, tag, attributes or {})
    element.text = prose.xml_safe(text)
    return element


def json_feed(feed: Feed, records: RecordSet, entries: Entries) -> bytes:
    """The feed as JSON Feed 1.1; `_trustpages` (an extension, as the spec allows) names each item's record."""
    site = records.site
    document: dict[str, Any] = {
        "version": JSON_FEED,
        "title": feed.title,
        "home_page_url": absolute(site, feed.page),
        "feed_url": absolute(site, feed.json_path),
        "language": site.locale,
        "authors": [{"name": site.name, "url": absolute(site)}],
    }
    if site.description:
        document["description"] = site.description
    document["items"] = [
        {
            "id": made.id,
            "url": made.url,
            "title": made.title,
            "content_html": made.html,
            "date_published": made.at,
            "date_modified": made.at,
            "tags": [event.kind],
            "_trustpages": {"kind": event.kind, "record_id": event.record_id, "status": event.status},
        }
        for event, made in ((event, entries(event)) for event in feed.events)
    ]
    return dumps(document)
