"""Records taken down on purpose, which stay listed with their reason."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, RootModel

from trustpages.records.common import Day, LateChoice, Line, Reason, Record, Slug


def _withdrawable() -> tuple[str, ...]:
    from trustpages import kinds  # the registry imports the records: asked for when validating, not on import

    return kinds.withdrawable()


WithdrawableKind = Annotated[str, LateChoice(_withdrawable)]


class Withdrawal(Record):
    """One record taken down, and why."""

    id: Slug = Field(description="Id of the record taken down, e.g. 2026-03-04-login-failures.")
    kind: WithdrawableKind = Field(description="Which kind of record it was: commitment, incident, mistake or metric.")
    title: Line | None = Field(
        None, description="Its last published title, listed instead of the id, e.g. Some customers could not log in."
    )
    on: Day = Field(description="Date it was taken down, e.g. 2026-08-01.")
    reason: Reason = Field(description="Why, in plain words.")


class Withdrawals(RootModel[tuple[Withdrawal, ...]]):
    """content/withdrawn.yml: a list of withdrawals."""

    model_config = {"frozen": True}
