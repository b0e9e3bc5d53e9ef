"""The example records `trustpages init` writes: fine to start from, never to publish for real.

An example's id starts with `example-` (after the date, for incidents and mistakes named by
day). `check` warns while any is left, so `check --strict` (pull requests) fails until each is
replaced or deleted; and `check --against` never counts a deleted example as a vanished record.
"""

from __future__ import annotations

import re

from trustpages import kinds
from trustpages.checks.findings import Findings
from trustpages.problems import display_path
from trustpages.records import RecordSet

EXAMPLE_ID = re.compile(r"(\d{4}-\d{2}-\d{2}-)?example-")


def is_example(id: str) -> bool:
    """True for the id of a record `trustpages init` wrote as an example."""
    return EXAMPLE_ID.match(id) is not None


def check(records: RecordSet, findings: Findings) -> None:
    """One warning, at the first example, while any example record is left."""
    examples = [
        (kind.name, record.id)
        for kind in kinds.kinds()
        if kind.folder is not None  # records with ids: the ones an example can be
        for record in kind.of(records)
        if is_example(record.id)
    ]
    if not examples:
        return
    kind, id = examples[0]
    count = f"{len(examples)} example record{'s are' if len(examples) != 1 else ' is'}"
    findings.warning(
        kind,
        id,
        (),
        f"{count} still in {display_path(records.root)}/: replace or delete them",
        'write your own records (trustpages new incident "…"), then delete the files with example- in their names',
    )
