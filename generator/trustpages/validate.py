"""Load and check a content folder in one call: what `check`, `generate` and the plugin share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trustpages import checks
from trustpages.checks import examples
from trustpages.checks import published as published_facts
from trustpages.loader import load
from trustpages.problems import Problem, Reported, display_path
from trustpages.publiclog.log import Log
from trustpages.records import RecordSet
from trustpages.yamlsource import Document


@dataclass(frozen=True)
class Validated(Reported):
    """Records (None when they could not be read at all) and every problem, sorted by place."""

    records: RecordSet | None
    problems: list[Problem]


def validate(
    content: Path,
    as_of: date,
    published: published_facts.Published | None = None,
    *,
    advice: bool = True,
    parsed: dict[bytes, Document] | None = None,
    log: Log | None = None,
) -> Validated:
    """Every problem in `content` on `as_of`: per file, then across records, then against `published`.

    `advice=False` leaves out the plain-language warnings: they are about wording, never about what
    a page shows, so a build can skip them (`trustpages check` gives them to the pull request).
    `parsed` spares parsing unchanged files again (see `load`). `log`: the public log, so the company's
    policies are judged by when things were published, and by the policy in force then.
    """
    if not content.is_dir():
        problem = Problem(display_path(content), 1, 1, "error", "content folder not found", "pass the folder that holds site.yml")
        return Validated(None, [problem])
    loaded = load(content, parsed)
    problems = list(loaded.problems)
    if loaded.records is None and loaded.partial is not None:
        # site.yml is unusable: its own errors say why; every other record is still checked, so one
        # run lists all that a run after fixing site.yml would (but what depends on site.yml).
        problems += checks.run(loaded.partial, as_of, loaded.seen, advice=advice, site_known=False)
        if published is not None:
            failed = loaded.failed | {("site", "")}
            problems += published_facts.check(published, loaded.partial, loaded.seen, as_of, failed)
    if loaded.records is not None:
        problems += checks.run(loaded.records, as_of, loaded.seen, advice=advice, log=log)
        if published is not None:
            problems += published_facts.check(published, loaded.records, loaded.seen, as_of, loaded.failed)
    if published is not None:
        problems += examples.against(published.ref, published.examples, content)
    return Validated(loaded.records, sorted(set(problems)))
