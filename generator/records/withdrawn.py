"""Records taken down on purpose, which stay listed with their reason."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, RootModel

from generator.records.common import Day, Record, Slug, Text


class Withdrawal(Record):
    """One record taken down, and why."""

    id: Slug = Field(description="Id of the record taken down.")
    kind: Literal["commitment", "incident", "mistake", "metric"] = Field(description="Which kind of record it was.")
    on: Day = Field(description="Date it was taken down.")
    reason: Text = Field(description="Why, in plain words.")


class Withdrawals(RootModel[tuple[Withdrawal, ...]]):
    """content/withdrawn.yml: a list of withdrawals."""

    model_config = {"frozen": True}
