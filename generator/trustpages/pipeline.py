"""The one core pipeline: records → problems, pages, assets and feed links, as every adapter uses it.

validate → history → render → alternates, in that order, nothing written anywhere: the MkDocs
plugin hands the result to MkDocs in memory, `trustpages generate` (and the Zensical builder)
write it to a folder, the benchmark times it. The adapters decide the rest (how to report
problems, the garbage collector's settings, where output goes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trustpages import opendata
from trustpages.history import History, record_history
from trustpages.problems import Problem, Reported
from trustpages.publiclog.log import Log
from trustpages.records import RecordSet
from trustpages.render import Output, PageCache, render_site
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
    """Validate `content` on `as_of` and, when nothing is wrong, render the whole site.

    Plain-language advice is left to `trustpages check`: it is about wording, never about what a
    page shows. `cache` and `parsed` (kept by `mkdocs serve`) spare rendering and parsing what did
    not change; `history=False` leaves git out (record pages then say it was not read). `log`: the
    public log this build publishes (`trustpages publish`), whose times count instead of typed ones.
    """
    result = validate(content, as_of, advice=False, parsed=parsed, log=log)
    if result.errors or result.records is None:
        return Built(result.problems)
    commits = record_history(content) if history else None  # one git log for every record page
    output = render_site(result.records, as_of, templates, history=commits, cache=cache, log=log)
    return Built(result.problems, result.records, output, opendata.alternate_links(result.records, templates), commits)
