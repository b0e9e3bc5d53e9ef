"""Corrections: the public note that makes a change to a published fact allowed."""

from __future__ import annotations

import re

from pydantic import Field

from trustpages.records.common import Day, Line, Reason, Record

# A field path as corrections name it: names and 1-based item numbers joined by dots, e.g. updates.2.body.
FIELD_PATH = re.compile(r"[a-z_]+(\.([a-z_]+|[1-9][0-9]*))*\Z")


class Correction(Record):
    """One published fact changed on purpose, said in public."""

    on: Day = Field(description="Date of the correction, e.g. 2026-12-03.")
    field: Line = Field(description="The field corrected, as a dotted path with items counted from 1, e.g. impact or updates.2.body.")
    why: Reason = Field(description="Why it changed, in plain words, e.g. We first thought every customer was affected.")


CORRECTIONS_DESCRIPTION = (
    "Changes to published facts, oldest first; never delete one, "
    "e.g. {on: 2026-12-03, field: impact, why: Only the web app was down, not the API.}"
)


def covers(correction: Correction, path: str) -> bool:
    """Whether `correction` names the field at `path` or one that holds it (`updates.2` covers `updates.2.body`)."""
    return path == correction.field or path.startswith(correction.field + ".")
