"""Field types shared by every record: strict dates and moments, ids, text, amounts, periods."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Annotated, Any, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SLUG = re.compile(SLUG_PATTERN)
# Ids become file and folder names of the built site, some with a suffix (feeds/components/<id>.xml):
# far below the 255 bytes a file name may have.
MAX_ID = 100
MAX_LINE = 500  # characters in a one-line field (names, titles, addresses): a sentence or two at most
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\Z")
# The validation context key for site.yml's time zone (a tzinfo), in which a moment typed without
# an offset (2026-03-04T09:12) is read. The loader sets it from site.yml before validating records.
LOCAL_ZONE = "local_zone"
_PERIOD = re.compile(r"\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?\Z")
# Every date and moment trustpages reads (records, --as-of, SOURCE_DATE_EPOCH, git commits) lies in
# this range. It starts where SOURCE_DATE_EPOCH and git count from, and ends a thousand years before
# the last date Python can hold, so time-zone shifts and the windows computed around a date (the day
# after a due date, a year of security.txt validity) never run past it.
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(9000, 12, 31)
RANGE = f"{FIRST_DAY} to {LAST_DAY}"
# C0 and C1 control characters and the noncharacters (U+FDD0-U+FDEF, U+FFFE, U+FFFF and their
# kin in every plane): no page, feed or plain-text file can show them, and XML cannot hold most of
# them. Prose keeps its tabs and line breaks.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}]")
# The bidi embeddings, overrides and isolates reorder the text around them, so what a reader sees
# is not what was written (the marks LRM, RLM and ALM only steer neutral characters: right-to-left
# text needs them).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Text holding neither: checked in one pass, as nearly all text is (the checks below say what is wrong).
_ALLOWED = re.compile(f"[^\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}\u202a-\u202e\u2066-\u2069]*\\Z")
# What a one-line field may not hold: it is written where a break would start a new line.
_LINE_BREAK = re.compile("[\t\n\u2028\u2029]")
# What RFC 3986 leaves out of a web address: spaces, quotes and angle brackets (markup), and a few more.
_NOT_IN_URL = re.compile(r'[\s<>"`{}|\\^]')
# Letters and symbols drawn as nothing at all (besides spaces, marks and format characters).
_BLANK = frozenset("\u115f\u1160\u2800\u3164\uffa0")


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


def in_range(day: date) -> bool:
    """True when `day` lies between FIRST_DAY and LAST_DAY, the dates trustpages accepts."""
    return FIRST_DAY <= day <= LAST_DAY


def _out_of_range(value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "date_range", "{value} is outside the dates trustpages accepts ({range})", {"value": str(value), "range": RANGE}
    )


def _day(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        if not in_range(value):
            raise _out_of_range(value)
        return value
    if isinstance(value, str) and _DAY.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("bad_day", "{value} is not a real date", {"value": value}) from None
        if not in_range(day):
            raise _out_of_range(value)
        return day
    raise PydanticCustomError("day_format", "expected a date like 2026-03-04; got {got}", {"got": describe(value)})


def _moment(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        if not in_range(value.date()):
            raise _out_of_range(value.isoformat())
        return value
    if isinstance(value, str) and _MOMENT.match(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("bad_moment", "{value} is not a real moment in time", {"value": value}) from None
        if moment.tzinfo is None:
            zone = info.context.get(LOCAL_ZONE) if isinstance(info.context, dict) else None
            if not isinstance(zone, tzinfo):
                raise PydanticCustomError(
                    "moment_zone",
                    "{value} has no time zone, and site.yml names none to read it in; add one, like {value}Z",
                    {"value": value},
                )
            moment = moment.replace(tzinfo=zone)  # a wall-clock time where the company is: site.yml's timezone
        if not in_range(moment.date()):
            raise _out_of_range(value)
        return moment
    raise PydanticCustomError(
        "moment_format",
        "expected a moment like 2026-03-04T09:12 (in site.yml's time zone) or 2026-03-04T09:12:00Z; got {got}",
        {"got": describe(value)},
    )


def _text(value: Any) -> Any:
    """Markdown prose: printable text with at least one visible character; tabs and line breaks allowed."""
    if not isinstance(value, str):
        raise PydanticCustomError("text_type", "expected text; got {got}", {"got": describe(value)})
    if _ALLOWED.match(value) and value.strip() and any(_visible(char) for char in value):
        return value
    if not value.strip():
        raise PydanticCustomError("empty_text", "is empty")
    if found := _CONTROL.search(value):
        code = ord(found.group())
        raise PydanticCustomError(
            "control_character",
            "holds the {what} {char}, which no page can show",
            {
                "what": "control character" if code < 0xA0 else "noncharacter",
                "char": f"U+{code:04X}",
                "hint": "delete it: most editors do not show it",
            },
        )
    if found := _BIDI.search(value):
        raise PydanticCustomError(
            "bidi_control",
            "holds {char}, which shows the text around it in another order than it is written",
            {"char": _name(found.group()), "hint": "delete it: text runs in the direction of its own letters"},
        )
    if not any(_visible(char) for char in value):
        raise PydanticCustomError("invisible_text", "has no visible character")
    return value


def _line(value: Any) -> Any:
    """One line of text (names, titles, addresses): it is written where a line break would start a new line."""
    if isinstance(value, str) and len(value) > MAX_LINE:
        # A page's Markdown parser is slow on long runs of escaped marks in one line (a title of
        # 20 KB of `*` added seconds to a build); no name or title needs this much.
        raise PydanticCustomError("line_long", "is {n} characters long; one line holds at most {max}", {"n": len(value), "max": MAX_LINE})
    value = _text(value)
    if found := _LINE_BREAK.search(value):
        char = {"\n": "a line break", "\t": "a tab"}.get(found.group()) or _name(found.group())
        raise PydanticCustomError("line_break", "must be one line; it holds {char}", {"char": char, "hint": "write it on one line"})
    if spoof := mixed_script(value):
        raise PydanticCustomError(
            "mixed_script",
            "mixes Latin letters with {char}, which looks like a Latin letter but is another",
            {"char": _name(spoof), "hint": "type the word again with one keyboard layout"},
        )
    return value


# Cyrillic and Greek capitals and small letters drawn like Latin ones: "Вusiness" is not "Business".
_LOOKALIKES = frozenset("АВЕЅІЈКМНОРСТХУасеіјорхуѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοναιτ")
_WORDS = re.compile(r"[^\W\d_]+")


def mixed_script(text: str) -> str | None:
    """The first look-alike letter in a word that also has Latin letters (a name spoofed with another script), or None."""
    for word in _WORDS.findall(text):
        if word.isascii():
            continue
        latin = any("LATIN" in unicodedata.name(char, "") for char in word)
        odd = next((char for char in word if char in _LOOKALIKES), None)
        if latin and odd:
            return odd
    return None


def _name(char: str) -> str:
    """A character as people look it up, e.g. U+202E (RIGHT-TO-LEFT OVERRIDE)."""
    return f"U+{ord(char):04X} ({unicodedata.name(char)})"


def _visible(char: str) -> bool:
    """True when the character is drawn: not a space, control, format character, combining mark or blank."""
    return unicodedata.category(char)[0] not in "ZCM" and char not in _BLANK


def _label(value: Any) -> Any:
    """Short values such as `96.2%` or `2026`: a bare number is taken as its text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _line(value)


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
    _finite(value)
    if value < 0:
        raise PydanticCustomError("negative_amount", "cannot be negative; got {got}", {"got": value})
    return Decimal(str(value))


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("number_type", "expected a number; got {got}", {"got": describe(value)})
    _finite(value)
    return value


def _finite(value: int | float | Decimal) -> None:
    try:
        finite = math.isfinite(value)  # YAML reads 1e309 as infinity: no chart, sum or average can hold it
    except OverflowError:  # a whole number beyond any float
        finite = False
    if not finite:
        raise PydanticCustomError("finite_number", "is too large: numbers end at about 1.8e308", {"hint": "write a smaller number"})


def _flag(value: Any) -> Any:
    if not isinstance(value, bool):
        raise PydanticCustomError("flag_type", "expected true or false; got {got}", {"got": describe(value)})
    return value


def _slug(value: Any) -> Any:
    if not isinstance(value, str) or not SLUG.fullmatch(value):  # `$` alone would let "id\n" through
        raise PydanticCustomError(
            "slug_format",
            "expected an id like 'export-all-data' (lowercase letters, digits and dashes); got {got}",
            {"got": describe(value)},
        )
    if len(value) > MAX_ID:
        raise PydanticCustomError(
            "slug_length",
            "an id has at most {max} characters; this one has {length}",
            {"max": MAX_ID, "length": len(value), "hint": "shorten it"},
        )
    return value


def _url(value: Any) -> Any:
    value = _line(value)
    if not value.startswith(("https://", "http://", "mailto:")):
        raise PydanticCustomError("url_format", "expected a web address starting with https://; got {got}", {"got": repr(value)})
    if found := _NOT_IN_URL.search(value):
        raise PydanticCustomError(
            "url_character",
            "holds {char}, which no web address holds as it is",
            {"char": repr(found.group()), "hint": "write it percent-encoded: a space is %20"},
        )
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks it
    except ValueError as exc:  # an unclosed [ in the host, a port that is not a number: every feed and calendar reads it
        raise PydanticCustomError("url_parse", "is not a web address: {why}", {"why": str(exc)}) from None
    if parts.scheme != "mailto" and not parts.hostname:
        raise PydanticCustomError("url_host", "names no host after {scheme}://", {"scheme": parts.scheme})
    return value


Day = Annotated[date, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
Moment = Annotated[
    datetime, BeforeValidator(_moment), WithJsonSchema({"type": "string", "pattern": "^" + _MOMENT.pattern.removesuffix(r"\Z") + "$"})
]
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"})]

# Said instead of a reason: a withdrawal or a correction must explain itself to a reader.
_NOT_REASONS = frozenset(
    {"n/a", "na", "none", "tbd", "todo", "no reason", "see above", "see below", "tidied up", "typo", "fixed", "updated", "changed"}
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_reason(text: str) -> bool:
    """Whether `text` explains something: three words or more (of two letters or more), and not a stock placeholder."""
    return len(_WORD.findall(text)) >= 3 and text.strip().casefold().rstrip(".!") not in _NOT_REASONS


def _reason(value: str) -> str:
    if is_reason(value):
        return value
    raise PydanticCustomError(
        "not_a_reason",
        "says too little to explain it to a reader: {got}",
        {
            "got": describe(value),
            "hint": "write a sentence of three words or more saying why, e.g. We found the outage began an hour earlier.",
        },
    )


# A reason readers are owed (a withdrawal's, a correction's): a real sentence, never "." or "n/a".
Reason = Annotated[Text, AfterValidator(_reason), WithJsonSchema({"type": "string", "minLength": 10, "pattern": r"\S"})]
Line = Annotated[
    str,
    BeforeValidator(_line),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "maxLength": MAX_LINE, "pattern": r"^[^\t\n\r\u2028\u2029]*\S[^\t\n\r\u2028\u2029]*$"}
    ),
]
Label = Annotated[str, BeforeValidator(_label), WithJsonSchema({"type": ["string", "number"]})]
Period = Annotated[
    str,
    BeforeValidator(_period),
    WithJsonSchema({"type": ["string", "integer"], "pattern": "^" + _PERIOD.pattern.removesuffix(r"\Z") + "$"}),
]
Slug = Annotated[str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN, "maxLength": MAX_ID})]
Url = Annotated[str, BeforeValidator(_url), WithJsonSchema({"type": "string", "pattern": r"^(https?://|mailto:)"})]
Amount = Annotated[Decimal, BeforeValidator(_amount), WithJsonSchema({"type": "number", "minimum": 0})]
Number = Annotated[float, BeforeValidator(_number), WithJsonSchema({"type": "number"})]
Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]
Count = Annotated[int, Field(ge=0, strict=True)]
# What was counted (answers, samples), which the numbers shown are computed from, such as a share
# and its interval. No count a company keeps comes near MAX_TALLY, and every one below it is exact
# as a float: a survey count of 400 digits passed check and failed the build converting it.
MAX_TALLY = 10**15


def _tally(value: int) -> int:
    if value > MAX_TALLY:
        raise PydanticCustomError(
            "tally_large",
            "is {digits} digits long; counts end at {max}",
            {"digits": len(str(value)), "max": f"{MAX_TALLY:,}", "hint": "write the count itself; a larger one cannot be right"},
        )
    return value


Tally = Annotated[int, Field(ge=0, strict=True, json_schema_extra={"maximum": MAX_TALLY}), AfterValidator(_tally)]


class LateChoice:
    """`Annotated[str, LateChoice(choices)]`: one of `choices()`, asked when a value is validated or a schema made.

    For names the registry knows (the kinds withdrawn.yml may list, the prose fields): the registry
    imports the records, so they cannot be read when the records are defined, only later.
    """

    def __init__(self, choices: Callable[[], tuple[str, ...]]) -> None:
        self.choices = choices  # read by the field reference too

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return core_schema.no_info_after_validator_function(self._one_of, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.choices())}

    def _one_of(self, value: str) -> str:
        names = self.choices()
        if value not in names:
            expected = ", ".join(repr(name) for name in names[:-1]) + f" or {names[-1]!r}"
            raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": expected})
        return value
