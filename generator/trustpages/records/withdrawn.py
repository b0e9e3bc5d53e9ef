"""Records taken down on purpose, which stay listed with their reason."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, GetJsonSchemaHandler, RootModel
from pydantic_core import PydanticCustomError, core_schema

from trustpages.records.common import Day, Line, Reason, Record, Slug


def _withdrawable() -> tuple[str, ...]:
    from trustpages import kinds  # the registry imports the records: asked for when validating, not on import

    return kinds.withdrawable()


def _kind(value: str) -> str:
    known = _withdrawable()
    if value not in known:
        expected = ", ".join(repr(name) for name in known[:-1]) + f" or {known[-1]!r}"
        raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": expected})
    return value


class _KindSchema:
    """The JSON Schema of `kind`: one of the kinds that can be withdrawn, as registered when the schema is made."""

    choices = staticmethod(_withdrawable)  # read by the field reference

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"type": "string", "enum": list(_withdrawable())}


WithdrawableKind = Annotated[str, AfterValidator(_kind), _KindSchema()]


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
