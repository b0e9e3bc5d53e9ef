"""The /api/v1/ files: every record and number as JSON (with its JSON Schema) and the record lists as CSV."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, cast

from pydantic import TypeAdapter

from trustpages import kinds, metrics
from trustpages.numbers import Numbers
from trustpages.opendata import counts, models
from trustpages.opendata.keeper import FRESH, Keeper
from trustpages.opendata.links import absolute, dumps, record_url, utc
from trustpages.opendata.plaintext import csv_table
from trustpages.records import Incident, Milestone, Mistake, RecordSet, Standing

FOLDER = "api/v1"
SCHEMA_FOLDER = f"{FOLDER}/schema"


def json_path(name: str) -> str:
    return f"{FOLDER}/{name}.json"


def schema_path(name: str) -> str:
    return f"{SCHEMA_FOLDER}/{name}.schema.json"


def csv_path(name: str) -> str:
    return f"{FOLDER}/{name}.csv"


def csv_names() -> tuple[str, ...]:
    """The record lists published as CSV too: each kind's with CSV columns (trustpages.kinds), by its folder."""
    return tuple(str(kind.folder) for kind in kinds.csv_kinds())


def documents(numbers: Numbers, source_commit: str | None = None) -> dict[str, models.Document]:
    """Every /api/v1/<name>.json as a model, by name; the record lists (LISTS) without their items (see `items`)."""
    records, as_of = numbers.records, numbers.as_of
    head = {
        "as_of": as_of,
        "site": models.SiteRef(name=records.site.name, url=records.site.url),
    }

    def common(name: str) -> dict[str, Any]:
        return {"$schema": absolute(records.site, schema_path(name)), **head}

    return {
        "summary": models.Summary(
            **common("summary"), **counts.summary(numbers), site_corrections=_corrections(records.site), source_commit=source_commit
        ),
        "commitments": models.Commitments(**common("commitments"), commitments=[]),
        "incidents": models.Incidents(**common("incidents"), incidents=[]),
        "mistakes": models.Mistakes(**common("mistakes"), mistakes=[]),
        "pricing": models.Pricing(**common("pricing"), pricing=_pricing(records)),
        "contact": models.Contact(**common("contact"), contact=_contact(records)),
        "metrics": models.Metrics(**common("metrics"), **counts.metrics(numbers), series=_series(records)),
    }


LISTS = ("commitments", "incidents", "mistakes")  # the documents listing records, one item per record, each last in its model


def items(records: RecordSet, as_of: date, name: str) -> list[tuple[tuple[Any, ...], Callable[[], models.Shape]]]:
    """The items of list document `name`, in order: each as what it is made from (its inputs) and how to make it."""
    site = records.site
    if name == "commitments":
        return [
            (("commitment", site, as_of, c), functools.partial(_commitment, records, as_of, c))
            for c in sorted(records.commitments, key=lambda c: c.id)
        ]
    if name == "incidents":
        return [(("incident", site, i), functools.partial(_incident, records, i)) for i in _newest_first(records)]
    return [
        (("mistake", site, m), functools.partial(_mistake, records, m))
        for m in sorted(records.mistakes, key=lambda m: (m.on, m.id), reverse=True)
    ]


def files(numbers: Numbers, source_commit: str | None = None, kept: Keeper = FRESH) -> dict[str, bytes]:
    """Every /api/v1/ file of the records as `numbers` counted them: JSON, its schema, and CSV for the record lists
    whose kinds have columns (trustpages.kinds).

    `kept` (a build cache) keeps, between builds, each record's item as JSON while the record is
    the same, and the models' JSON Schemas while the code is: generating those costs more than a
    hundred record pages.
    """
    records, as_of = numbers.records, numbers.as_of
    out: dict[str, bytes] = {}
    for name, document in documents(numbers, source_commit).items():
        # Straight to JSON in pydantic's serialiser: the same bytes as dumps(model_dump(...)), without the dicts between.
        text = document.model_dump_json(by_alias=True)
        if name in LISTS:  # the items go where the empty list is: the same bytes as the whole document's
            made = [kept.fragment(inputs, _json(make)) for inputs, make in items(records, as_of, name)]
            empty = f'"{name}":[]}}'
            assert text.endswith(empty), f"{name} is not the last field of its document"
            text = f'{text[: -len(empty)]}"{name}":[{",".join(made)}]}}'
        out[json_path(name)] = text.encode("utf-8") + b"\n"
        out[schema_path(name)] = dumps(schema(records, name, kept))
    for kind in other_kinds():
        out[json_path(kind.folder or kind.name)] = dumps(_other_document(records, as_of, kind))
        out[schema_path(kind.folder or kind.name)] = dumps(_other_schema(records, kind, kept))
    for kind in kinds.csv_kinds():  # the rows of the JSON just written: the same values, read back in C rather than dumped again
        name = str(kind.folder)
        out[csv_path(name)] = _table(kind, json.loads(out[json_path(name)])[name])
    return out


def _json(make: Callable[[], models.Shape]) -> Callable[[], str]:
    return lambda: make().model_dump_json(by_alias=True)


def _schema_of(model: Any, kept: Keeper) -> dict[str, Any]:
    """`model`'s JSON Schema; kept by `kept` when the model is trustpages' own (its code is what the build cache is keyed by)."""
    if not model.__module__.startswith("generator."):
        return _model_schema(model)
    return cast(dict[str, Any], kept.remember(f"json schema of {model.__module__}.{model.__qualname__}", lambda: _model_schema(model)))


def other_kinds() -> list[kinds.Kind]:
    """The kinds whose /api/v1/<folder>.json (and its schema) is made from their model (Kind.model_document)."""
    return [kind for kind in kinds.kinds() if kind.model_document]


def _other_document(records: RecordSet, as_of: date, kind: kinds.Kind) -> dict[str, Any]:
    name = kind.folder or kind.name
    items = []
    for record in kind.of(records):
        item = record.model_dump(mode="json", by_alias=True, exclude={"id"})
        if kind.page is not None:
            item = {"id": record.id, "url": record_url(records.site, kind.name, record.id), **item}
        if kind.computed is not None:
            item.update(kind.computed(record))  # computed, never typed: the numbers the page shows
        items.append(item)
    return {
        "$schema": absolute(records.site, schema_path(name)),
        "version": models.VERSION,
        "as_of": as_of.isoformat(),
        "site": {"name": records.site.name, "url": records.site.url},
        name: items,
    }


def _other_schema(records: RecordSet, kind: kinds.Kind, kept: Keeper = FRESH) -> dict[str, Any]:
    name = kind.folder or kind.name
    item = copy.deepcopy(_schema_of(kind.model, kept))
    defs = item.pop("$defs", {})  # references point at the document's root
    item.pop("additionalProperties", None)  # beside the record's own fields: its id and address, and what is computed from it
    if kind.page is not None:
        item.setdefault("properties", {}).update({"id": {"type": "string"}, "url": {"type": "string", "format": "uri"}})
    return {
        **({"$defs": defs} if defs else {}),
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute(records.site, schema_path(name)),
        "title": f"trustpages open data: {name}.json, format version {models.VERSION}",
        "type": "object",
        "required": ["$schema", "version", "as_of", "site", name],
        "properties": {name: {"type": "array", "items": item}},
    }


@functools.cache
def _model_schema(model: Any) -> dict[str, Any]:
    """A model's JSON Schema, generated once per process (a preview rebuilds often; generating costs more than a page)."""
    return TypeAdapter(model).json_schema(by_alias=True, mode="serialization")


def schema(records: RecordSet, name: str, kept: Keeper = FRESH) -> dict[str, Any]:
    """The JSON Schema of /api/v1/<name>.json, generated from its model."""
    body = _schema_of(models.DOCUMENTS[name], kept)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute(records.site, schema_path(name)),
        "title": f"trustpages open data: {name}.json, format version {models.VERSION}",
        **body,
    }


def _series(records: RecordSet) -> list[models.Series]:
    return [
        models.Series(
            id=s.id,
            title=s.title,
            unit=s.unit,
            source=s.source,
            points=[models.Point(period=p.period, value=p.value, n=p.n) for p in s.points],
            corrections=_corrections(s),
        )
        for s in sorted(records.metrics, key=lambda s: s.id)
    ]


def _commitment(records: RecordSet, as_of: date, c: Milestone | Standing) -> models.Milestone | models.Standing:
    common = {
        "id": c.id,
        "url": record_url(records.site, "commitment", c.id),
        "title": c.title,
        "promise": c.promise,
        "why": c.why,
        "category": c.category,
        "made_on": c.made_on,
        "owner": c.owner,
        "corrections": _corrections(c),
    }
    if isinstance(c, Milestone):
        updates = [models.StatusUpdate(on=u.on, status=u.status, note=u.note, evidence=list(u.evidence)) for u in c.updates]
        return models.Milestone(
            **common,
            due=c.due,
            first_due=c.counted_due,
            status=metrics.status(c, as_of),
            days_late=metrics.days_late(c, as_of),
            updates=updates,
        )
    assert isinstance(c, Standing)
    counted = [m for m in c.measurements if metrics.counted(m)]
    met = sum(1 for m in counted if m.met)
    return models.Standing(
        **common,
        target=c.target,
        measured_by=f"{c.measured_by.what} within {c.measured_by.within}" if c.measured_by else None,
        periods_measured=len(counted),
        periods_met=met,
        met_rate=metrics.rate(met, len(counted)),
        measurements=[models.Measurement(period=m.period, actual=m.actual, met=m.met, note=m.note) for m in c.measurements],
    )


def _newest_first(records: RecordSet) -> list[Incident]:
    def moment(incident: Incident) -> str:
        when = incident.started or incident.scheduled_for
        return utc(when).isoformat() if when else ""

    return sorted(records.incidents, key=lambda i: (moment(i), i.id), reverse=True)


def _incident(records: RecordSet, i: Incident) -> models.Incident:
    duration = metrics.minutes(i.resolved - i.started) if i.started and i.resolved else None
    return models.Incident(
        id=i.id,
        url=record_url(records.site, "incident", i.id),
        title=i.title,
        impact=i.impact,
        open=metrics.is_open(i) and i.started is not None,
        started=utc(i.started) if i.started else None,
        resolved=utc(i.resolved) if i.resolved else None,
        duration_minutes=duration,
        affected=list(i.affected),
        summary=i.summary,
        updates=[models.IncidentUpdate(at=utc(u.at), status=u.status, body=u.body) for u in i.updates],
        cause=i.cause,
        postmortem=i.postmortem,
        follow_ups=list(i.follow_ups),
        remedy=i.remedy,
        scheduled_for=utc(i.scheduled_for) if i.scheduled_for else None,
        scheduled_until=utc(i.scheduled_until) if i.scheduled_until else None,
        corrections=_corrections(i),
    )


def _mistake(records: RecordSet, m: Mistake) -> models.Mistake:
    return models.Mistake(
        id=m.id,
        url=record_url(records.site, "mistake", m.id),
        title=m.title,
        on=m.on,
        what_happened=m.what_happened,
        who_was_affected=m.who_was_affected,
        why=m.why,
        what_we_changed=m.what_we_changed,
        apology=m.apology,
        related=list(m.related),
        corrections=_corrections(m),
    )


def _corrections(record: Any) -> list[models.Correction]:
    return [models.Correction(on=c.on, field=c.field, why=c.why) for c in record.corrections]


def _money(amount: Decimal) -> int | float:
    """12 stays 12 and 9.50 becomes 9.5: JSON has numbers, not currency formats."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _pricing(records: RecordSet) -> models.PricingBody | None:
    p = records.pricing
    if p is None:
        return None
    return models.PricingBody(
        currency=p.currency,
        plans=[
            models.Plan(
                name=plan.name,
                price=_money(plan.price),
                per=plan.per,
                for_whom=plan.for_whom,
                includes=list(plan.includes),
                limits=list(plan.limits),
            )
            for plan in p.plans
        ],
        fees=[models.Fee(name=fee.name, price=_money(fee.price), per=fee.per) for fee in p.fees],
        cancel=p.cancel,
        refunds=p.refunds,
        history=[
            models.PriceChange(
                announced=h.announced,
                effective=h.effective,
                notice_days=(h.effective - h.announced).days,
                plan=h.plan,
                from_=_money(h.from_),
                to=_money(h.to),
                why=h.why,
            )
            for h in p.history
        ],
        corrections=_corrections(p),
    )


def _contact(records: RecordSet) -> models.ContactBody | None:
    c = records.contact
    if c is None:
        return None
    return models.ContactBody(
        channels=[
            models.Channel(kind=ch.kind, label=ch.label, value=ch.value, hours=ch.hours, response_promise=ch.response_promise)
            for ch in c.channels
        ],
        escalation=c.escalation,
        security=models.Security(email=c.security.email, policy=c.security.policy) if c.security else None,
        address=c.address,
    )


# CSV: one row per record, the columns a spreadsheet needs (its kind's); lists joined with spaces (ids never hold one).


def _table(kind: kinds.Kind, items: list[dict[str, Any]]) -> bytes:
    """/api/v1/<folder>.csv from the items of <folder>.json (as JSON writes them)."""
    if kind.csv_counted:  # how many: the items themselves are in the JSON
        items = [{**item, **{column: len(item.get(column) or ()) for column in kind.csv_counted}} for item in items]
    return csv_table(kind.csv_columns, items)
