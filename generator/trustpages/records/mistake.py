"""Mistakes the company owns up to."""

from __future__ import annotations

from pydantic import Field

from trustpages.records.common import Day, Line, Record, Slug, Text
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction


class Mistake(Record):
    """content/mistakes/<date>-<slug>.yml: a mistake, said plainly, with what changed."""

    id: str = Field("", exclude=True)
    title: Line = Field(description="The mistake in a few words, e.g. We charged some customers twice.")
    on: Day = Field(description="Date it happened, e.g. 2026-05-02.")
    what_happened: Text = Field(description="What happened, plainly, e.g. A billing job ran twice and 312 customers were charged twice.")
    who_was_affected: Text = Field(description="Who was affected, and how many, e.g. 312 customers on monthly plans.")
    why: Text = Field(description="Why it happened, e.g. A retry setting was changed without review.")
    what_we_changed: Text = Field(
        description="What we changed so it does not happen again, e.g. Billing jobs now refuse to run twice a month."
    )
    apology: Text = Field(description="A real apology: say 'we' and 'sorry'.")
    related: tuple[Slug, ...] = Field(
        (), description="Ids of related commitments, incidents or mistakes, e.g. [2026-03-04-login-failures]."
    )
    remedy: Text | None = Field(
        None, description="What we did to make it right for those affected, e.g. We refunded all 312 customers within 2 days."
    )
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
