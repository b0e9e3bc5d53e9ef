"""The one core pipeline: records → problems, pages, assets and feed links, as every adapter uses it.

validate → history → numbers → the record's events → render → open data → feed links, in that order,
each once, nothing written anywhere: the MkDocs plugin hands the result to MkDocs in memory,
`trustpages generate` (and the Zensical builder) write it to a folder, the benchmark times it. The
adapters decide the rest (how to report problems, the garbage collector's settings, where output goes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trustpages import opendata, timeline
from trustpages.history import History, record_history
from trustpages.numbers import Numbers
from trustpages.opendata.keeper import FRESH
from trustpages.problems import Problem, Reported
from trustpages.publiclog.log import Log
from trustpages.records import RecordSet
from trustpages.render import Output, PageCache, render_site
from trustpages.strings import Strings
from trustpages.validate import validate
from trustpages.yamlsource import Document


@dataclass(frozen=True)
class Built(Reported):
    """What the pipeline made of a content folder: every problem, and when there was no error, the site."""

    problems: list[Problem]
    records: RecordSet | None = None
    output: Output | None = None  # None when there are errors: nothing is built from bad records
    alternates: tuple[opendata.Alternate, ...] = ()  # the feeds every page's <head> announces
    history: History | None = None


def default_templates(project: Path) -> Path | None:
    """A site's own templates: templates/ next to its mkdocs.yml (the project folder), when there is one."""
    folder = project / "templates"
    return folder if folder.is_dir() else None


def build_site(
    content: Path,
    as_of: date,
    templates: Path | None = None,
    *,
    cache: PageCache | None = None,
    parsed: dict[bytes, Document] | None = None,
    history: bool = True,
    log: Log | None = None,
) -> Built:
    """Validate `content` on `as_of` and, when nothing is wrong, make the whole site.

    Plain-language advice is left to `trustpages check`: it is about wording, never about what a
    page shows. `cache` and `parsed` (kept by `mkdocs serve`) spare rendering and parsing what did
    not change; `history=False` leaves git out (record pages then say it was not read). `log`: the
    public log this build publishes (`trustpages publish`), whose times count instead of typed ones.
    """
    result = validate(content, as_of, advice=False, parsed=parsed, log=log)
    if result.errors or result.records is None:
        return Built(result.problems)
    commits = record_history(content) if history else None  # one git log for every record page
    strings = Strings.for_site(result.records.site.locale, templates)  # what pages, open data and feed links say
    output = make_site(result.records, as_of, templates, strings=strings, history=commits, cache=cache, log=log)
    return Built(result.problems, result.records, output, opendata.alternate_links(result.records, strings), commits)


def make_site(
    records: RecordSet,
    as_of: date,
    templates: Path | None = None,
    *,
    strings: Strings | None = None,
    history: History | None = None,
    cache: PageCache | None = None,
    log: Log | None = None,
) -> Output:
    """The pages and assets of valid `records` on `as_of`: the numbers, the record's events, the pages, the open data.

    `strings` are the site's (its own templates' over the built-in ones) unless given; `history`,
    `cache` and `log` as for `build_site`. The numbers and events are worked out once, here, and
    every page and open-data file reads the same ones.
    """
    strings = Strings.for_site(records.site.locale, templates) if strings is None else strings
    numbers = Numbers.of(records, as_of, history, log)
    events = timeline.record(numbers.records, as_of, history)  # for the record's pages and the feeds
    site = render_site(numbers, strings, events, templates, history=history, cache=cache, log=log)
    source_commit = history.commit if history is not None else None
    data = opendata.publish(numbers, strings, events, source_commit, cache or FRESH)
    return Output(site.pages, {**site.assets, **data}, site.html)
