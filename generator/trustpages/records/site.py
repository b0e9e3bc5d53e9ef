"""The site's own settings: name, address, time zone, components, the company's policies and plain-language rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import available_timezones

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from trustpages.records.common import Count, Flag, LateChoice, Line, Number, Record, Slug, Text, Url
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction

# Names the machine's time-zone folder answers to that are no place: the pages would show times that
# depend on where they were built, or in no zone at all.
_NOT_PLACES = {
    "localtime": "the build machine's own time zone, which differs from one machine to the next",
    "posixrules": "the rules the system applies to POSIX TZ strings, not a place",
    "Factory": "the time-zone database's stand-in for a zone nobody set (its time is marked -00)",
}


def _zone(value: str) -> str:
    if value in _NOT_PLACES:
        raise PydanticCustomError(
            "timezone_place",
            "{got} is {why}; name the company's own zone",
            {"got": repr(value), "why": _NOT_PLACES[value], "hint": "use an IANA name like Europe/Berlin or UTC"},
        )
    if value not in _zones():
        raise PydanticCustomError("timezone", "unknown time zone {got}; use a name like Europe/Berlin or UTC", {"got": repr(value)})
    return value


def _rules(value: object) -> object:
    """`language: de` is the site's language mistaken for the plain-language rules: say where it goes."""
    if isinstance(value, str):
        raise PydanticCustomError(
            "language_rules",
            "holds the plain-language rules, like max_sentence_words: 25; for the site's language write locale: {got}",
            {"got": value},
        )
    return value


_ZONES: set[str] = set()


def _zones() -> set[str]:
    if not _ZONES:
        _ZONES.update(available_timezones() - _NOT_PLACES.keys(), {"UTC"})
    return _ZONES


def _locales() -> tuple[str, ...]:
    """The languages trustpages has strings for: one file each in templates/strings/ (inside the wheel, or the repository's)."""
    here = Path(__file__).resolve().parent.parent
    folder = next(path for path in (here / "templates" / "strings", here.parent.parent / "templates" / "strings") if path.is_dir())
    return tuple(sorted(path.stem for path in folder.glob("*.yml")))


# Adding a language is adding its strings file: the schema and `init --locale` follow.
LOCALES = _locales()
Locale = Literal[LOCALES]  # type: ignore[valid-type]


def _feedback(value: str) -> str:
    if value.startswith(("https://", "http://", "mailto:")) or re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        return value
    raise PydanticCustomError(
        "feedback_format", "expected an email address or a web address starting with https://; got {got}", {"got": repr(value)}
    )


class Component(Record):
    """A part of the service that incidents can affect."""

    id: Slug = Field(description="Short id used in incidents' `affected`, e.g. login.")
    name: Line = Field(description="Name customers know it by, e.g. Login.")
    group: Line | None = Field(None, description="Heading it is listed under, e.g. Web app.")
    description: Text | None = Field(
        None, description="One sentence on what it does for customers, e.g. Where you sign in and keep your books."
    )


class SubscribeLink(Record):
    """Another way the company tells people about incidents and changes, beside the site's own feeds."""

    label: Text = Field(description="What it is, in the reader's words, e.g. Mailing list.")
    url: Url = Field(description="Where to sign up, e.g. https://example.com/status-mail.")


class Policies(Record):
    """The company's own rules; trustpages checks the records against them."""

    price_change_notice_days: Count = Field(30, description="Days of notice promised before a price change, e.g. 30.")
    postmortem_within_days: Count = Field(7, description="Days after an incident is resolved by which its postmortem is published, e.g. 7.")
    first_update_within_minutes: Count = Field(
        30, description="Minutes after an incident starts by which the first public update is posted, e.g. 30."
    )
    max_open_incident_days: Count = Field(14, description="Days an incident may stay open before trustpages warns about it, e.g. 14.")
    maintenance_notice_hours: Count = Field(
        48, description="Hours ahead planned maintenance is announced; announced later, it counts as an outage, e.g. 48."
    )
    data_change_notice_days: Count = Field(
        30, description="Days of notice promised before a change to who handles customer data (data.yml changes), e.g. 30."
    )


def prose_fields() -> tuple[str, ...]:
    """Every prose field's name (the last part of each kind's `prose` paths in the registry), first appearance first."""
    from trustpages import kinds  # the registry imports the records: read when a site.yml is validated or a schema made

    return tuple(dict.fromkeys(path.split(".")[-1] for kind in kinds.kinds() for path in kind.prose))


# A field trustpages.checks.language reads (graded_fields names them): whichever the registered kinds call prose.
ProseField = Annotated[str, LateChoice(prose_fields)]


class LanguageRules(Record):
    """How plain the prose must be; trustpages warns about text that is not."""

    max_grade: Number = Field(9, description="Highest Flesch-Kincaid school grade for the graded fields, e.g. 9 (about age 14).")
    max_sentence_words: Count = Field(30, description="Most words in one sentence of any prose field, e.g. 30.")
    graded_fields: tuple[ProseField, ...] = Field(
        ("promise", "summary", "apology"), description="Fields whose reading grade is checked, e.g. [promise, summary]."
    )
    jargon: dict[Text, Text] = Field(
        {}, description="More jargon to flag, each with a plainer way to say it, e.g. onboarding: getting started."
    )
    hedges: tuple[Text, ...] = Field((), description="More hedges that weaken a promise, e.g. [hopefully].")


class Site(Record):
    """content/site.yml: who publishes this site and the rules they hold themselves to."""

    name: Line = Field(description="Company name, e.g. Example Co.")
    url: Url = Field(description="Address of this site, e.g. https://trust.example.com.")
    description: Text | None = Field(
        None, description="One sentence saying what this site is, e.g. What we promised, what went wrong, what it costs."
    )
    locale: Locale = Field(
        "en", description="Language of the site's headings, dates and numbers, one of trustpages' strings files, e.g. en."
    )
    timezone: Annotated[Line, AfterValidator(_zone)] = Field("UTC", description="Time zone times are shown in, e.g. Europe/Berlin.")
    repo_url: Url | None = Field(
        None, description="Public git repository of this content, for source and history links, e.g. https://github.com/example/trust."
    )
    components: tuple[Component, ...] = Field(
        (), description="Parts of the service incidents can affect, e.g. {id: login, name: Login, group: Web app}."
    )
    policies: Policies = Field(Policies(), description="The company's own rules, checked by trustpages, e.g. postmortem_within_days: 7.")
    language: Annotated[LanguageRules, BeforeValidator(_rules)] = Field(
        LanguageRules(), description="How plain the prose must be, checked by trustpages, e.g. max_sentence_words: 25."
    )
    subscribe: tuple[SubscribeLink, ...] = Field(
        (), description="More ways to get updates, shown beside the feeds, e.g. {label: Mailing list, url: https://example.com/list}."
    )
    feedback: Annotated[Line, AfterValidator(_feedback)] | None = Field(
        None,
        description="Where readers tell us a record is wrong or incomplete: an email address or a web address, e.g. trust@example.com.",
    )
    history_commit_messages: Flag = Field(
        False,
        description="Show commit messages in each record's history, not only what changed; only if they are written for customers, e.g. false.",
    )
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
