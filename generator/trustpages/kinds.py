"""The record kinds, in one place: where each kind's files live, its model, pages, prose and published facts.

Everything that handles records by kind reads this registry: the loader and history (which
files are records), problem locations, links, rendering, the navigation, plain-language
checks, published-fact checks, JSON Schemas, the field reference, withdrawn.yml, open data
and `trustpages new`. Adding a kind is a model, templates, strings and one `register(Kind(...))`;
`register` refuses an entry whose hooks do not fit (a prose field its model lacks, a page
without a template), so a forgotten hook is an error, never a quietly missing feature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel

from trustpages.problems import Problem
from trustpages.records import (
    Contact,
    DataUse,
    Incident,
    MetricSeries,
    Milestone,
    Mistake,
    Policies,
    Pricing,
    Site,
    Source,
    Standing,
    Survey,
    Withdrawals,
)


class KindError(Exception):
    """A kind's registry entry does not fit its model or the other kinds; the message says what to fix."""


@dataclass(frozen=True)
class Facts:
    """What of a record, once published, may be added to but never changed or removed (trustpages.checks.published)."""

    fields: tuple[str, ...] = ()  # values (dotted for nested ones): may be filled in when empty, never changed or emptied
    lists: tuple[str, ...] = ("corrections",)  # append-only: every published item stays where it was, as it was
    sets: tuple[str, ...] = ()  # items may be added, none removed
    # Fields whose being there is the fact (it may be edited, never removed): the public log dates when each appeared.
    present: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        return (*self.fields, *self.lists, *self.sets)


@dataclass(frozen=True)
class Section:
    """A page of the site's navigation: its path in the docs folder, its template's name (no suffix) and the strings key of its label."""

    path: str
    template: str
    nav: str


@dataclass(frozen=True)
class Kind:
    """One kind of record and every hook the rest of trustpages reads for it."""

    name: str  # singular, as problems, history and withdrawn.yml name it: "incident"
    model: Any  # the pydantic model of a file (a union when the fields choose: see `choose`)
    folder: str | None = None  # one record per file: content/<folder>/<id>.yml; pages at /<folder>/<id>/
    file: str | None = None  # or a single file: content/<file>
    records: str | None = None  # the RecordSet attribute holding them (built-in kinds); None: RecordSet.others
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
    related: Callable[[dict[str, Any], Any], tuple[Any, ...]] = field(default=lambda context, record: ())  # what else its page shows
    computed: Callable[[Any], dict[str, Any]] | None = None  # numbers worked out from a record, published beside it in /api/v1

    @property
    def models(self) -> tuple[type[BaseModel], ...]:
        """The model classes a file of this kind can be."""
        return tuple(get_args(self.model)) or (self.model,)

    def of(self, records: Any) -> tuple[Any, ...]:
        """This kind's records in a RecordSet (a single file's as a one-item tuple)."""
        if self.records is None:
            return tuple(records.others.get(self.name, ()))
        value = getattr(records, self.records)
        if self.file is not None and not isinstance(value, tuple):
            return () if value is None else (value,)
        return tuple(value)


def _commitment_model(value: Any, source: Source, problems: list[Problem]) -> type[BaseModel] | None:
    """A commitment with `due` is a milestone; one with `target` is a standing promise."""
    if not isinstance(value, dict):
        return Milestone  # let validation report the wrong shape
    milestone = [key for key in ("due", "updates") if key in value]
    standing = [key for key in ("target", "measurements") if key in value]
    if milestone and standing:
        line, col = source.position((standing[0],), key=True)
        problems.append(
            Problem(
                source.file,
                line,
                col,
                "error",
                f"a commitment has either {' and '.join(milestone)} (a promise with a deadline) "
                f"or {' and '.join(standing)} (a promise kept every period), not both",
                "split it into two commitments",
            )
        )
        return None
    if standing:
        return Standing
    if milestone:
        return Milestone
    problems.append(
        Problem(
            source.file,
            1,
            1,
            "error",
            "a commitment needs 'due' (a promise with a deadline) or 'target' (a promise kept every period)",
            "add due: YYYY-MM-DD, or target: what counts as keeping it",
        )
    )
    return None


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
    """The kind of a record object, by its model."""
    for k in _KINDS.values():
        if isinstance(record, k.models):
            return k
    raise KindError(f"no kind has the model {type(record).__name__}")


def withdrawable() -> tuple[str, ...]:
    return tuple(k.name for k in _KINDS.values() if k.withdrawable)


HOME = Section("index.md", "home", "nav.home")
OPEN_DATA = Section("open-data.md", "open-data", "nav.open_data")
PUBLIC_LOG = Section("log/index.md", "log", "nav.log")  # "Check this record": the public log, for readers
RECORD = Section("record/index.md", "record", "nav.record")  # "Our record": every dated event, newest first (trustpages.timeline)


def sections() -> tuple[Section, ...]:
    """The site's navigation, in order: home, the record over time, each kind's section, open data, the public log."""
    return (HOME, RECORD, *(k.section for k in _KINDS.values() if k.section is not None), OPEN_DATA, PUBLIC_LOG)


def _survey_numbers(survey: Any) -> dict[str, Any]:
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


def _related_to_commitment(context: dict[str, Any], commitment: Any) -> tuple[Any, ...]:
    return (tuple(context["follow_up_of"][commitment.id]), tuple(context["mentioned_in"][commitment.id]))


def _related_to_incident(context: dict[str, Any], incident: Any) -> tuple[Any, ...]:
    return tuple(context["commitments"].get(cid) for cid in incident.follow_ups)


def _related_to_mistake(context: dict[str, Any], mistake: Any) -> tuple[Any, ...]:
    return tuple(context["by_id"].get(rid) for rid in mistake.related)


for _kind in (
    Kind(
        "site",
        Site,
        file="site.yml",
        records="site",
        title="Site",
        pattern="content/site.yml",
        about="Who publishes the site and the rules they hold themselves to.",
        facts=Facts(fields=tuple(f"policies.{name}" for name in Policies.model_fields)),
    ),
    Kind(
        "commitment",
        Milestone | Standing,
        folder="commitments",
        records="commitments",
        choose=_commitment_model,
        title="Commitments",
        variants=("A promise with a deadline", "A standing promise"),
        pattern="content/commitments/<id>.yml",
        about="A promise. One with `due` and `updates` is a promise with a deadline; one with `target` and "
        "`measurements` is a standing promise, kept every period. A file has one pair or the other.",
        page="commitment",
        section=Section("commitments/index.md", "commitments", "nav.commitments"),
        prose=("title", "promise", "why"),
        facts=Facts(fields=("promise", "due", "target", "made_on"), lists=("updates", "measurements", "corrections")),
        published_dates=("made_on", "updates.*.on", "measurements.*.period"),
        withdrawable=True,
        drafted=True,
        related=_related_to_commitment,
    ),
    Kind(
        "incident",
        Incident,
        folder="incidents",
        records="incidents",
        title="Incidents",
        pattern="content/incidents/<date>-<slug>.yml",
        about="Something that went wrong with the service, or planned maintenance.",
        page="incident",
        section=Section("incidents/index.md", "incidents", "nav.incidents"),
        prose=("title", "summary", "updates.*.body", "cause", "postmortem", "remedy"),
        facts=Facts(
            fields=("impact", "started", "resolved", "scheduled_for", "scheduled_until", "unannounced_impact"),
            lists=("updates", "corrections"),
            sets=("affected",),
            present=("postmortem",),  # when it was first published is the log's: a backdated commit cannot make it on time
        ),
        published_dates=("updates.*.at",),
        withdrawable=True,
        drafted=True,
        related=_related_to_incident,
    ),
    Kind(
        "mistake",
        Mistake,
        folder="mistakes",
        records="mistakes",
        title="Mistakes",
        pattern="content/mistakes/<date>-<slug>.yml",
        about="A mistake the company owns up to, what changed, and the apology.",
        page="mistake",
        section=Section("mistakes/index.md", "mistakes", "nav.mistakes"),
        prose=("title", "what_happened", "who_was_affected", "why", "what_we_changed", "apology"),
        facts=Facts(fields=("on", "what_happened", "who_was_affected")),
        withdrawable=True,
        drafted=True,
        related=_related_to_mistake,
    ),
    Kind(
        "pricing",
        Pricing,
        file="pricing.yml",
        records="pricing",
        title="Pricing",
        pattern="content/pricing.yml",
        about="What it costs, and how to stop paying.",
        section=Section("pricing.md", "pricing", "nav.pricing"),
        prose=("plans.*.for_whom", "cancel", "refunds", "history.*.why"),
        # And every plan's price, by the plan's id (else its name): see trustpages.checks.published and publiclog.facts.
        facts=Facts(fields=("currency", "cancel", "refunds"), lists=("history", "fees", "corrections")),
        published_dates=("history.*.announced",),
    ),
    Kind(
        "contact",
        Contact,
        file="contact.yml",
        records="contact",
        title="Contact",
        pattern="content/contact.yml",
        about="Every way to reach a person.",
        section=Section("contact.md", "contact", "nav.contact"),
        prose=("escalation",),
    ),
    Kind(
        "metric",
        MetricSeries,
        folder="metrics",
        records="metrics",
        title="Metrics",
        pattern="content/metrics/<id>.yml",
        about="A number tracked over time, such as a survey result.",
        section=Section("metrics.md", "metrics", "nav.metrics"),
        facts=Facts(fields=("unit",), lists=("points", "corrections")),
        published_dates=("points.*.period",),
        withdrawable=True,
    ),
    Kind(
        "survey",
        Survey,
        folder="surveys",
        title="Trust surveys",
        pattern="content/surveys/<id>.yml",
        about="A survey of how far customers trust us: the questions, and every wave of answers. Shares and the trust index are computed.",
        page="survey",
        section=Section("surveys/index.md", "surveys", "nav.surveys"),
        prose=("title", "method", "questions.*.text"),
        facts=Facts(fields=("scale",), lists=("questions", "waves", "corrections")),
        published_dates=("waves.*.period",),
        drafted=True,
        computed=lambda survey: _survey_numbers(survey),
    ),
    Kind(
        "data",
        DataUse,
        file="data.yml",
        title="Your data",
        pattern="content/data.yml",
        about="What customer data we keep and why, who else handles it, for how long, and how to see or delete it.",
        section=Section("data.md", "data", "nav.data"),
        prose=("collected.*.why", "changes.*.why", "your_rights.see", "your_rights.delete"),
        facts=Facts(lists=("changes", "corrections")),
        published_dates=("changes.*.announced",),
    ),
    Kind(
        "withdrawn",
        Withdrawals,
        file="withdrawn.yml",
        records="withdrawn",
        title="Withdrawn records",
        pattern="content/withdrawn.yml",
        about="Records taken down on purpose: a list, each item as below. They stay listed on the site with the reason.",
        facts=Facts(lists=()),  # every entry stays as it is: see trustpages.checks.published
    ),
):
    register(_kind)
