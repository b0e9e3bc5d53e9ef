"""Open data: every output beside the pages (JSON, CSV, schemas, Statuspage API, feeds, calendar, security.txt, badges).

All of it is a pure function of the build's numbers (trustpages.numbers: the records as counted, on as_of), the
same the pages show: timestamps come from the records, never the clock. It is the pipeline's step after render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from trustpages import kinds
from trustpages.numbers import Numbers
from trustpages.opendata import badges, feeds, ical, models, securitytxt, statuspage, v1
from trustpages.opendata.keeper import FRESH, Keeper
from trustpages.opendata.models import VERSION
from trustpages.records import RecordSet
from trustpages.strings import Strings
from trustpages.timeline.event import Event

__all__ = ["VERSION", "Alternate", "Listing", "alternate_links", "catalogue", "publish"]


@dataclass(frozen=True)
class Listing:
    """One output as the Open data page lists it; `describe` is a key under open_data.describe in the UI strings."""

    section: str
    path: str
    format: str
    describe: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Alternate:
    """A feed every page announces in its <head>."""

    type: str
    title: str
    path: str


def publish(
    numbers: Numbers,
    t: Strings,
    record: Sequence[Event] | None = None,
    source_commit: str | None = None,
    kept: Keeper = FRESH,
) -> dict[str, bytes]:
    """Every open-data file of the records as `numbers` counted them, by path relative to the site root.

    `record` the record's events (trustpages.timeline.record), when the build worked them out already;
    `source_commit` the git commit the records were read at, published in summary.json;
    `kept` (a build cache) keeps between builds what did not change (see v1.files).
    """
    records, as_of = numbers.records, numbers.as_of
    out: dict[str, bytes] = {}
    out.update(v1.files(numbers, source_commit, kept))
    out.update(statuspage.files(records, as_of, numbers.service))
    out.update(feeds.files(records, as_of, t, kept, record))
    out[ical.PATH] = ical.calendar(records, as_of, t)
    security = securitytxt.security_txt(records, as_of)
    if security is not None:
        out[securitytxt.PATH] = security
    out.update(badges.files(numbers, t))
    return out


def catalogue(records: RecordSet) -> list[Listing]:
    """Every file `publish` writes, with what it holds, in the order the Open data page lists them."""
    out: list[Listing] = []
    for name in models.DOCUMENTS:
        out.append(Listing("api_v1", v1.json_path(name), "JSON", name))
    for name in v1.csv_names():
        out.append(Listing("csv", v1.csv_path(name), "CSV", f"csv_{name}"))
    others = [kind.folder or kind.name for kind in v1.other_kinds()]
    for name in others:
        out.append(Listing("api_v1", v1.json_path(name), "JSON", name))
    for name in [*models.DOCUMENTS, *others]:
        out.append(Listing("schemas", v1.schema_path(name), "JSON Schema", "schema", {"file": f"{name}.json"}))
    for path in statuspage.PATHS:
        key = "v2_" + path.removesuffix(".json").replace("/", "_").replace("-", "_")
        out.append(Listing("api_v2", f"{statuspage.FOLDER}/{path}", "JSON", key, {"count": str(statuspage.RECENT_INCIDENTS)}))
    for name in ("all", *(str(kind.folder) for kind in kinds.feed_kinds())):
        out.append(Listing("feeds", f"feeds/{name}.xml", "Atom", f"feed_{name}"))
        out.append(Listing("feeds", f"feeds/{name}.json", "JSON Feed", f"feed_{name}"))
    for component in sorted(records.site.components, key=lambda c: c.id):
        for suffix, kind in ((".xml", "Atom"), (".json", "JSON Feed")):
            out.append(Listing("feeds", f"feeds/components/{component.id}{suffix}", kind, "feed_component", {"component": component.name}))
    out.append(Listing("feeds", feeds.INDEX_PATH, "Sitemap", "feed_index"))
    out.append(Listing("calendar", ical.PATH, "iCalendar", "calendar"))
    if records.contact and records.contact.security:
        out.append(Listing("security", securitytxt.PATH, "security.txt", "security_txt"))
    out.append(Listing("badges", f"{badges.FOLDER}/promises-kept.svg", "SVG", "badge_promises_kept"))
    out.append(Listing("badges", f"{badges.FOLDER}/status.svg", "SVG", "badge_status"))
    return out


def alternate_links(records: RecordSet, t: Strings) -> tuple[Alternate, ...]:
    """The feeds announced in every page's <head>, so feed readers find them from any page."""
    title = t("feeds.all", name=records.site.name)
    return (
        Alternate(feeds.ATOM_TYPE, title, "feeds/all.xml"),
        Alternate(feeds.JSON_FEED_TYPE, title, "feeds/all.json"),
    )
