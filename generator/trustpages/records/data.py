"""How customer data is used: what is collected and why, who else handles it, how long it is kept, and your rights."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trustpages.records.common import Day, Line, Record, Slug, Text
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction


class Collected(Record):
    """One kind of data the company keeps."""

    what: Line = Field(description="The data, e.g. Email address.")
    why: Text = Field(description="What it is used for, e.g. To log you in and send invoices.")
    kept_for: Line = Field(description="How long it is kept, e.g. Until 30 days after you close your account.")
    shared_with: tuple[Slug, ...] = Field((), description="Ids of the processors that handle it, e.g. [postmark].")


class Processor(Record):
    """Another company that handles customer data for us."""

    id: Slug = Field(description="Short id, e.g. postmark.")
    name: Line = Field(description="Its name, e.g. Postmark.")
    does: Line = Field(description="What it does for us, e.g. Sends our emails.")
    where: Line = Field(description="Where the data is, e.g. USA.")
    since: Day = Field(description="Since when, e.g. 2024-01-01.")


class Change(Record):
    """A change to who handles customer data, announced ahead like a price change."""

    announced: Day = Field(description="Date customers were told, e.g. 2026-10-01.")
    effective: Day = Field(description="Date it takes effect, e.g. 2026-11-01.")
    processor: Slug = Field(description="Id of the processor, e.g. hetzner.")
    change: Literal["added", "removed", "changed"] = Field(description="added, removed or changed.")
    why: Text = Field(description="Why, plainly, e.g. We moved hosting to Germany.")


class Rights(Record):
    """How a customer sees or deletes their data."""

    see: Text = Field(description="How to get a copy of your data, e.g. Email privacy@example.com and we send everything within 30 days.")
    delete: Text = Field(description="How to have it deleted, e.g. Close your account in Settings.")
    promise: Slug | None = Field(None, description="Id of a commitment that measures it, e.g. delete-accounts-within-30-days.")


class DataUse(Record):
    """content/data.yml: how customer data is used."""

    collected: tuple[Collected, ...] = Field(
        min_length=1, description="Every kind of data kept, e.g. {what: Email address, why: …, kept_for: …}."
    )
    processors: tuple[Processor, ...] = Field(
        (), description="Every other company that handles it, e.g. {id: postmark, name: Postmark, …}."
    )
    changes: tuple[Change, ...] = Field((), description="Changes to who handles it, oldest first; never delete one.")
    your_rights: Rights = Field(description="How to see or delete your data.")
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
