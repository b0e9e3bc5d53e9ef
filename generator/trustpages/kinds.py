"""The built-in record kinds, one registry entry each: where its files live, its model, pages, prose, published facts and hooks.

Everything that handles records by kind reads the registry (trustpages.registry, re-exported
here): the loader and history (which files are records), problem locations, links, rendering
and the long lists, the navigation, plain-language checks, published-fact checks, JSON Schemas,
CSV, the field reference, withdrawn.yml, the timeline, feeds, notify and `trustpages new`.
Adding a kind is a model, templates, strings and one `register(Kind(...))` (CONTRIBUTING.md).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from trustpages import kindhooks as hooks
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
from trustpages.registry import (
    CORRECTIONS,
    HOME,
    OPEN_DATA,
    PUBLIC_LOG,
    RECORD,
    Facts,
    Grouping,
    Keyed,
    Kind,
    KindError,
    Section,
    TimelineFilter,
    Wording,
    by_file,
    by_folder,
    check,
    csv_kinds,
    feed_kinds,
    kind,
    kinds,
    of_record,
    register,
    registered,
    sections,
    timeline_filters,
    unregister,
    values_at,
    withdrawable,
)

__all__ = [
    "CORRECTIONS",
    "HOME",
    "OPEN_DATA",
    "PUBLIC_LOG",
    "RECORD",
    "Facts",
    "Grouping",
    "Keyed",
    "Kind",
    "KindError",
    "Section",
    "TimelineFilter",
    "Wording",
    "by_file",
    "by_folder",
    "check",
    "csv_kinds",
    "feed_kinds",
    "kind",
    "kinds",
    "of_record",
    "register",
    "registered",
    "sections",
    "timeline_filters",
    "unregister",
    "values_at",
    "withdrawable",
]


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


for _kind in (
    Kind(
        "site",
        Site,
        file="site.yml",
        model_document=False,
        title="Site",
        pattern="content/site.yml",
        about="Who publishes the site and the rules they hold themselves to.",
        facts=Facts(fields=tuple(f"policies.{name}" for name in Policies.model_fields)),
    ),
    Kind(
        "commitment",
        Milestone | Standing,
        folder="commitments",
        model_document=False,
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
        related=hooks.related_to_commitment,
        groupings=(Grouping("commitments", "status", hooks.by_status), Grouping("standing", "standing", hooks.standing)),
        csv=(
            *("id", "kind", "title", "category", "owner", "made_on", "due", "status", "days_late"),
            *("target", "periods_measured", "periods_met", "url"),
        ),
        timeline=hooks.commitment_events,
        timeline_filters=(TimelineFilter("promises", 10),),
        wording=hooks.worded("promise", headline="promise_headline"),
        feed=True,
        announced=hooks.commitments_announced,
        announces=("commitment.status",),
    ),
    Kind(
        "incident",
        Incident,
        folder="incidents",
        model_document=False,
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
        related=hooks.related_to_incident,
        groupings=(Grouping("incidents", "year", lambda context: hooks.by_year("incidents", context)),),
        csv=(
            *("id", "title", "impact", "open", "started", "resolved", "duration_minutes", "affected", "updates"),
            *("scheduled_for", "scheduled_until", "url"),
        ),
        csv_counted=("updates",),  # how many; the updates themselves are in incidents.json
        timeline=hooks.incident_events,
        timeline_filters=(TimelineFilter("incidents", 20), TimelineFilter("maintenance", 30)),
        filter_of=hooks.incident_filter,
        wording=hooks.worded("incident", headline="incident_headline"),
        once_per_record=("new",),
        feed=True,
        feed_events=hooks.incident_feed,
        announced=hooks.incidents_announced,
        announces=("incident.new", "incident.update"),
        first_read=True,
    ),
    Kind(
        "mistake",
        Mistake,
        folder="mistakes",
        model_document=False,
        title="Mistakes",
        pattern="content/mistakes/<date>-<slug>.yml",
        about="A mistake the company owns up to, what changed, and the apology.",
        page="mistake",
        section=Section("mistakes/index.md", "mistakes", "nav.mistakes"),
        prose=("title", "what_happened", "who_was_affected", "why", "what_we_changed", "apology"),
        facts=Facts(fields=("on", "what_happened", "who_was_affected")),
        withdrawable=True,
        drafted=True,
        related=hooks.related_to_mistake,
        groupings=(Grouping("mistakes", "year", lambda context: hooks.by_year("mistakes", context)),),
        csv=("id", "on", "title", "who_was_affected", "related", "url"),
        timeline=lambda records, as_of, history: hooks.mistakes_announced(records),
        timeline_filters=(TimelineFilter("mistakes", 40),),  # then everyone's corrections (registry.CORRECTIONS, 50)
        wording=hooks.worded("mistake"),
        once_per_record=("new",),
        feed=True,
        announced=hooks.mistakes_announced,
        announces=("mistake.new",),
    ),
    Kind(
        "pricing",
        Pricing,
        file="pricing.yml",
        model_document=False,
        title="Pricing",
        pattern="content/pricing.yml",
        about="What it costs, and how to stop paying.",
        section=Section("pricing.md", "pricing", "nav.pricing"),
        prose=("plans.*.for_whom", "cancel", "refunds", "history.*.why"),
        facts=Facts(
            fields=("currency", "cancel", "refunds"),
            lists=("history", "fees", "corrections"),
            keyed=(Keyed("plans", "price", announced_in="history", by="plan"),),  # a renamed plan keeps its price
        ),
        published_dates=("history.*.announced",),
        timeline=hooks.timeline("price_events"),
        timeline_filters=(TimelineFilter("prices", 60),),
        wording=hooks.worded("price", title="price_title"),
    ),
    Kind(
        "contact",
        Contact,
        file="contact.yml",
        model_document=False,
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
        model_document=False,
        title="Metrics",
        pattern="content/metrics/<id>.yml",
        about="A number tracked over time, such as a survey result.",
        section=Section("metrics.md", "metrics", "nav.metrics"),
        facts=Facts(fields=("unit",), lists=("points", "corrections")),
        published_dates=("points.*.period",),
        withdrawable=True,
        timeline=hooks.no_events,
        timeline_filters=(),  # its corrections only
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
        computed=lambda survey: hooks.survey_numbers(survey),
        groupings=(),  # a page lists every survey
        csv=(),
        timeline=hooks.timeline("survey_events"),
        timeline_filters=(TimelineFilter("surveys", 80),),
        wording=hooks.worded("survey"),
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
        timeline=hooks.timeline("data_events"),
        timeline_filters=(TimelineFilter("data", 70),),
        wording=hooks.worded("data", title="data_title"),
    ),
    Kind(
        "withdrawn",
        Withdrawals,
        file="withdrawn.yml",
        model_document=False,
        title="Withdrawn records",
        pattern="content/withdrawn.yml",
        about="Records taken down on purpose: a list, each item as below. They stay listed on the site with the reason.",
        facts=Facts(lists=()),  # every entry stays as it is: see trustpages.factrules
    ),
):
    register(_kind)
