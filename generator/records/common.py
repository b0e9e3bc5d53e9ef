"""Field types shared by every record: strict dates and moments, ids, text, amounts, periods."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Annotated, Any, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SLUG = re.compile(SLUG_PATTERN)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\Z")
# The validation context key for site.yml's time zone (a tzinfo), in which a moment typed without
# an offset (2026-03-04T09:12) is read. The loader sets it from site.yml before validating records.
LOCAL_ZONE = "local_zone"
_PERIOD = re.compile(r"\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?\Z")


class Record(BaseModel):
    """Base of every model: frozen, unknown keys are errors, no silent type juggling."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, populate_by_name=True)


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The record model inside a field's type (through Optional, tuples and Annotated), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def describe(value: Any) -> str:
    """How a value reads to a person, for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value)"
    if isinstance(value, int | float | Decimal):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(str(value))


def _day(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("bad_day", "{value} is not a real date", {"value": value}) from None
    raise PydanticCustomError("day_format", "expected a date like 2026-03-04; got {got}", {"got": describe(value)})


def _moment(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    if isinstance(value, str) and _MOMENT.match(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("bad_moment", "{value} is not a real moment in time", {"value": value}) from None
        if moment.tzinfo is not None:
            return moment
        zone = info.context.get(LOCAL_ZONE) if isinstance(info.context, dict) else None
        if isinstance(zone, tzinfo):
            return moment.replace(tzinfo=zone)  # a wall-clock time where the company is: site.yml's timezone
        raise PydanticCustomError(
            "moment_zone", "{value} has no time zone, and site.yml names none to read it in; add one, like {value}Z", {"value": value}
        )
    raise PydanticCustomError(
        "moment_format",
        "expected a moment like 2026-03-04T09:12 (in site.yml's time zone) or 2026-03-04T09:12:00Z; got {got}",
        {"got": describe(value)},
    )


def _text(value: Any) -> Any:
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("empty_text", "is empty")
        return value
    raise PydanticCustomError("text_type", "expected text; got {got}", {"got": describe(value)})


def _label(value: Any) -> Any:
    """Short values such as `96.2%` or `2026`: a bare number is taken as its text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def _period(value: Any) -> Any:
    value = _label(value)
    if not _PERIOD.match(value):
        raise PydanticCustomError(
            "period_format", "expected a period like 2026-Q1, 2026-H1, 2026-03 or 2026; got {got}", {"got": repr(value)}
        )
    return value


def _amount(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("amount_type", "expected a number like 12 or 9.50; got {got}", {"got": describe(value)})
    if value < 0:
        raise PydanticCustomError("negative_amount", "cannot be negative; got {got}", {"got": value})
    return Decimal(str(value))


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("number_type", "expected a number; got {got}", {"got": describe(value)})
    return value


def _flag(value: Any) -> Any:
    if not isinstance(value, bool):
        raise PydanticCustomError("flag_type", "expected true or false; got {got}", {"got": describe(value)})
    return value


def _slug(value: Any) -> Any:
    if not isinstance(value, str) or not SLUG.match(value):
        raise PydanticCustomError(
            "slug_format",
            "expected an id like 'export-all-data' (lowercase letters, digits and dashes); got {got}",
            {"got": describe(value)},
        )
    return value


def _url(value: Any) -> Any:
    value = _text(value)
    if not value.startswith(("https://", "http://", "mailto:")):
        raise PydanticCustomError(
            "url_format", "expected a web address starting with https://; got {got}", {"got": repr(value)}
        )
    return value


Day = Annotated[date, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
Moment = Annotated[datetime, BeforeValidator(_moment), WithJsonSchema({"type": "string", "pattern": "^" + _MOMENT.pattern.removesuffix(r"\Z") + "$"})]
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"})]
Label = Annotated[str, BeforeValidator(_label), WithJsonSchema({"type": ["string", "number"]})]
Period = Annotated[str, BeforeValidator(_period), WithJsonSchema({"type": ["string", "integer"], "pattern": "^" + _PERIOD.pattern.removesuffix(r"\Z") + "$"})]
Slug = Annotated[str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]
Url = Annotated[str, BeforeValidator(_url), WithJsonSchema({"type": "string", "pattern": r"^(https?://|mailto:)"})]
Amount = Annotated[Decimal, BeforeValidator(_amount), WithJsonSchema({"type": "number", "minimum": 0})]
Number = Annotated[float, BeforeValidator(_number), WithJsonSchema({"type": "number"})]
Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]
Count = Annotated[int, Field(ge=0, strict=True)]
