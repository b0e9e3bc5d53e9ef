"""The registry of record kinds: what a kind is (`Kind`, every hook the rest of trustpages reads), and the lookups over them.

The kinds themselves are registered in trustpages.kinds (the built-in ones) or by a site's own
module; render, open data, feeds, notify, history, checks and the tests loop over `kinds()`, so a
kind is added in one entry. `register` refuses an entry whose hooks do not fit (a prose field
its model lacks, a page without a folder), so a forgotten hook is an error, never a quietly
missing feature.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args, get_origin

from pydantic import BaseModel, RootModel

from trustpages.problems import Problem
from trustpages.records import Source


class KindError(Exception):
    """A kind's registry entry does not fit its model or the other kinds; the message says what to fix."""


@dataclass(frozen=True)
class Keyed:
    """A value of each item of a list, known by the item's id (else its name), that may also change with a new row announcing it."""

    list: str  # the list, e.g. plans
    field: str  # the value in each item, e.g. price
    announced_in: str  # the list whose new row announces a change, e.g. history
    by: str  # that row's field naming the item, e.g. plan; its `from` and `to` the old and new value

    @property
    def announcing(self) -> str:
        return f"{self.by}, from, to"


@dataclass(frozen=True)
class Facts:
    """What of a record, once published, may be added to but never changed or removed (the rules: trustpages.factrules)."""

    fields: tuple[str, ...] = ()  # values (dotted for nested ones): may be filled in when empty, never changed or emptied
    lists: tuple[str, ...] = ("corrections",)  # append-only: every published item stays where it was, as it was
    sets: tuple[str, ...] = ()  # items may be added, none removed
    # Fields whose being there is the fact (it may be edited, never removed): the public log dates when each appeared.
    present: tuple[str, ...] = ()
    keyed: tuple[Keyed, ...] = ()  # values known by their item's id, not its place: a plan's price

    def all(self) -> tuple[str, ...]:
        return (*self.fields, *self.lists, *self.sets, *(name for k in self.keyed for name in (k.list, k.announced_in)))


@dataclass(frozen=True)
class Section:
    """A page of the site's navigation: its path in the docs folder, its template's name (no suffix) and the strings key of its label."""

    path: str
    template: str
    nav: str


Group = tuple[object, str, Sequence[Any]]  # a key (in the listing's path), its heading, its records


@dataclass(frozen=True)
class Grouping:
    """How a kind's section page groups its records; a group longer than an index shows gets a paginated listing of its own.

    The listing of group `key` lives at <kind's folder>/<folder>/<key>/ (its pages 2, 3, … beside it),
    and shows its records with the rows `rows` names (templates/_rows.html.j2: a kind of its own, or
    each record's title linking to its page).
    """

    rows: str  # which rows a listing shows: commitments, standing, incidents, mistakes, or a kind's folder
    folder: str  # the folder under the section holding the listings, e.g. year; no record there may take it as id
    groups: Callable[[Mapping[str, Any]], Iterable[Group]]  # from the render context, in the order the page shows them


@dataclass(frozen=True)
class TimelineFilter:
    """A page of the record's timeline listing some of its events, /record/<name>/ (its words: the strings'
    timeline.filter_names.<name> and timeline.kinds.<name>); the filters' links go by rank, lowest first."""

    name: str
    rank: int = 1000  # after every built-in filter; filters ranked alike keep the kinds' registration order


CORRECTIONS = TimelineFilter("corrections", 50)  # every kind's corrections, by themselves (Event.filter)


@dataclass(frozen=True)
class Wording:
    """How the timeline and feeds word a kind's events: each hook is given the site language's timeline.Words and the event."""

    outcome: Callable[[Any, Any, str], str]  # (words, event, what happened: the event kind's second part) -> plain words
    title: Callable[[Any, Any], str] | None = None  # what the entry is about, when not the record's title (corrections always are)
    # The one line `trustpages notify` posts, given the site language's Strings, the event and what happened;
    # None: the strings' notify.<kind>_<what happened>, given the record's title.
    headline: Callable[[Any, Any, str], str] | None = None


# What a kind's hooks are given: the timeline (records, as_of, history) and feeds/notify (records).
TimelineHook = Callable[[Any, date, Any], Iterable[Any]]
RecordsHook = Callable[[Any], Iterable[Any]]


@dataclass(frozen=True)
class Kind:
    """One kind of record and every hook the rest of trustpages reads for it."""

    name: str  # singular, as problems, history and withdrawn.yml name it: "incident"
    model: Any  # the pydantic model of a file (a union when the fields choose: see `choose`)
    folder: str | None = None  # one record per file: content/<folder>/<id>.yml; pages at /<folder>/<id>/
    file: str | None = None  # or a single file: content/<file>
    # The model for one file's value, when `model` is a union; None (with a problem added) when the fields fit none.
    choose: Callable[[Any, Source, list[Problem]], type[BaseModel] | None] | None = None
    title: str = ""  # the field reference's heading, e.g. Incidents
    variants: tuple[str, ...] = ()  # the field reference's heading for each model of a union, e.g. A standing promise
    about: str = ""  # the field reference's one line on what a file holds
    pattern: str = ""  # how its files are named, for people, e.g. content/incidents/<date>-<slug>.yml
    page: str | None = None  # each record's own page: its template's name, <page>.html.j2 (or a site's <page>.md.j2)
    section: Section | None = None  # its section page (an index of the records, or the one record's page)
    prose: tuple[str, ...] = ()  # fields the plain-language check reads: dotted, `*` for each item of a list
    facts: Facts = Facts()
    # Typed dates of published facts (`*` for each item of a list) that count from when they were first
    # published when that is later: the public log's time, never a typed one (trustpages.publiclog.times).
    # A `period` (2026-Q1) is reported after it ends: one first published long after is shown so, not moved.
    published_dates: tuple[str, ...] = ()
    withdrawable: bool = False  # may be listed in withdrawn.yml (a kind with its own pages)
    drafted: bool = False  # `trustpages new <kind>` starts one
    related: Callable[[Mapping[str, Any], Any], tuple[Any, ...]] = lambda context, record: ()  # what else its page shows
    computed: Callable[[Any], dict[str, Any]] | None = None  # numbers worked out from a record, published beside it in /api/v1
    # Its section page's groups, each paginated when long; None: one group of every record (a kind with pages).
    groupings: tuple[Grouping, ...] | None = None
    # /api/v1/<folder>.csv, a row per record: its columns; None: id, the fields holding one value, url (a kind with pages).
    csv: tuple[str, ...] | None = None
    csv_counted: tuple[str, ...] = ()  # columns whose cell is how many items the list holds
    timeline: TimelineHook | None = None  # its events on the record's timeline (trustpages.timeline); its corrections too
    # The timeline's filters listing its events (the first, unless `filter_of` picks one per event); None: with a
    # timeline, one named its folder (else its name), ranked after the built-in ones; (): none (its corrections only).
    timeline_filters: tuple[TimelineFilter, ...] | None = None
    filter_of: Callable[[Any], str] | None = None  # the name of the filter listing an event (incidents: maintenance apart)
    # Its events' words; None: the strings' timeline.outcome.<name>.<what happened>, given the event's status and detail.
    wording: Wording | None = None
    # Its events (what happened) that come once per record, so the record alone identifies one, whatever its time or
    # status (a new incident whose start is corrected is the same event: its id, published in feeds, stays).
    once_per_record: tuple[str, ...] = ()
    feed: bool = False  # feeds/<folder>.xml and .json: its events, newest first
    feed_events: RecordsHook | None = None  # what its feed tells when not its timeline events (incidents: each update)
    announced: RecordsHook | None = None  # the events `trustpages notify` sends to chats
    announces: tuple[str, ...] = ()  # the kinds of those events, in the order notify sends simultaneous ones
    # /api/v1/<folder, else name>.json and its schema, made from its model; False: none from the model (the built-in
    # kinds' documents are trustpages.opendata.v1's own, a binding format; withdrawn.yml's entries are told with their kinds).
    model_document: bool = True
    first_read: bool = False  # history reads each record's first version too (History.added)

    @property
    def models(self) -> tuple[type[BaseModel], ...]:
        """The model classes a file of this kind can be."""
        return tuple(get_args(self.model)) or (self.model,)

    @property
    def record_models(self) -> tuple[type[BaseModel], ...]:
        """The models of its records in a RecordSet: its files', or a file listing records' items' (withdrawn.yml's Withdrawal)."""
        return tuple(_item_model(model) for model in self.models)

    @property
    def lists(self) -> tuple[Grouping, ...]:
        """Its section page's groups (see `groupings`)."""
        if self.groupings is not None:
            return self.groupings
        if self.page is None or self.section is None or self.folder is None:
            return ()
        return (Grouping(self.folder, "all", functools.partial(_every_record, self)),)

    @property
    def csv_columns(self) -> tuple[str, ...]:
        """The columns of its CSV (see `csv`); () for none."""
        if self.csv is not None:
            return self.csv
        if self.page is None:
            return ()
        one_value = [
            info.alias or name
            for name, info in self.models[0].model_fields.items()
            if name != "id" and get_origin(info.annotation) not in (list, tuple, dict) and not info.exclude
        ]
        return ("id", *one_value, "url")

    @property
    def filters(self) -> tuple[TimelineFilter, ...]:
        """The timeline's filters listing its events (see `timeline_filters`)."""
        if self.timeline_filters is not None:
            return self.timeline_filters
        return (TimelineFilter(self.folder or self.name),) if self.timeline is not None else ()

    def filter(self, event: Any) -> str:
        """The name of the filter listing one of its events (not a correction: see Event.filter)."""
        return self.filter_of(event) if self.filter_of is not None else self.filters[0].name

    def of(self, records: Any) -> tuple[Any, ...]:
        """This kind's records in a RecordSet (a single file's as a one-item tuple): RecordSet.named."""
        return tuple(records.named(self.name))


def _item_model(model: type[BaseModel]) -> type[BaseModel]:
    if not issubclass(model, RootModel):
        return model
    item: type[BaseModel] = get_args(model.model_fields["root"].annotation)[0]  # RootModel[tuple[Item, ...]]
    return item


def _every_record(kind: Kind, context: Mapping[str, Any]) -> list[Group]:
    assert kind.section is not None  # see Kind.lists
    return [("all", context["t"](kind.section.nav), kind.of(context["records"]))]


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add a kind; KindError when its entry does not fit (see check)."""
    check(kind)
    _KINDS[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    _KINDS.pop(name, None)


@contextmanager
def registered(kind: Kind) -> Iterator[Kind]:
    """A kind registered for the duration of a `with` block (tests, plugins trying a kind)."""
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind.name)


def values_at(item: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The text at `path` inside `item`, with its location; "*" stands for each item of a list."""
    if not path:
        if isinstance(item, str):
            yield (), item
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for i, element in enumerate(item):
            yield from (((i, *loc), text) for loc, text in values_at(element, rest))
    else:
        yield from (((head, *loc), text) for loc, text in values_at(getattr(item, head, None), rest))


def check(kind: Kind) -> None:
    """Every hook of `kind` fits its model and no other kind: folders, files and names are unique, prose and facts name fields."""
    if (kind.folder is None) == (kind.file is None):
        raise KindError(f"kind {kind.name!r}: give exactly one of folder (a file per record) and file (one file)")
    for other in _KINDS.values():
        if other.name == kind.name:
            continue
        if (kind.folder and kind.folder == other.folder) or (kind.file and kind.file == other.file):
            raise KindError(f"kind {kind.name!r}: {kind.folder or kind.file} is already kind {other.name!r}'s")
    names = {alias for model in kind.models for name, info in model.model_fields.items() for alias in (name, info.alias) if alias}
    for path in kind.prose:
        if path.split(".")[0] not in names:
            raise KindError(f"kind {kind.name!r}: prose field {path!r} is not a field of {kind.models[0].__name__}")
    for path in kind.facts.all():
        if path.split(".")[0] not in names:
            raise KindError(f"kind {kind.name!r}: published fact {path!r} is not a field of {kind.models[0].__name__}")
    if kind.page is not None and kind.folder is None:
        raise KindError(f"kind {kind.name!r}: a page per record needs a folder of records")
    if kind.feed and kind.timeline is None and kind.feed_events is None:
        raise KindError(f"kind {kind.name!r}: a feed needs events: give timeline (or feed_events)")
    folders = [grouping.folder for grouping in kind.lists]
    if len(set(folders)) < len(folders):
        raise KindError(f"kind {kind.name!r}: two groupings list into the same folder; give each its own")
    if (kind.filter_of is not None or kind.wording is not None) and not kind.filters:
        raise KindError(f"kind {kind.name!r}: filter_of and wording are for a kind's timeline events: give timeline (and its filters)")
    if CORRECTIONS.name in {f.name for f in kind.filters}:
        raise KindError(f"kind {kind.name!r}: the timeline filter {CORRECTIONS.name!r} lists every kind's corrections; name its own")
    if kind.withdrawable and kind.folder is None:
        raise KindError(f"kind {kind.name!r}: only kinds with a file per record (and so an id) can be withdrawn")


def kinds() -> tuple[Kind, ...]:
    """Every kind, in the order the site lists them."""
    return tuple(_KINDS.values())


def kind(name: str) -> Kind:
    return _KINDS[name]


def by_folder(folder: str) -> Kind | None:
    return next((k for k in _KINDS.values() if k.folder == folder), None)


def by_file(file: str) -> Kind | None:
    return next((k for k in _KINDS.values() if k.file == file), None)


def of_record(record: Any) -> Kind:
    """The kind of a record object, by its model (a file's, or an item of a file listing records)."""
    for k in _KINDS.values():
        if isinstance(record, (*k.models, *k.record_models)):
            return k
    raise KindError(f"no kind has the model {type(record).__name__}")


def of_model(model: type[BaseModel]) -> Kind:
    """The kind whose records can be a `model` (RecordSet.of)."""
    for k in _KINDS.values():
        if any(issubclass(model, m) for m in (*k.models, *k.record_models)):
            return k
    raise KindError(f"no kind has the model {model.__name__}")


def withdrawable() -> tuple[str, ...]:
    return tuple(k.name for k in _KINDS.values() if k.withdrawable)


HOME = Section("index.md", "home", "nav.home")
OPEN_DATA = Section("open-data.md", "open-data", "nav.open_data")
PUBLIC_LOG = Section("log/index.md", "log", "nav.log")  # "Check this record": the public log, for readers
RECORD = Section("record/index.md", "record", "nav.record")  # "Our record": every dated event, newest first (trustpages.timeline)


def sections() -> tuple[Section, ...]:
    """The site's navigation, in order: home, the record over time, each kind's section, open data, the public log."""
    return (HOME, RECORD, *(k.section for k in _KINDS.values() if k.section is not None), OPEN_DATA, PUBLIC_LOG)


def feed_kinds() -> tuple[Kind, ...]:
    """The kinds with a feed of their own, in the order the feeds are listed: those telling each update as it came, then the rest."""
    with_feed = [k for k in _KINDS.values() if k.feed]
    return (*(k for k in with_feed if k.feed_events is not None), *(k for k in with_feed if k.feed_events is None))


def timeline_filters() -> tuple[str, ...]:
    """The timeline's filters, in the order its pages link them: every kind's, and the corrections of all, by rank."""
    ranked = sorted((CORRECTIONS, *(f for k in _KINDS.values() for f in k.filters)), key=lambda f: f.rank)
    return tuple(dict.fromkeys(f.name for f in ranked))


def csv_kinds() -> tuple[Kind, ...]:
    """The kinds with a CSV of their records, /api/v1/<folder>.csv."""
    return tuple(k for k in _KINDS.values() if k.folder is not None and k.csv_columns)
