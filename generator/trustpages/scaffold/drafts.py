"""What `trustpages new` writes: a record with every field present, each with its description as a comment.

The fields, their order and their comments come from the models in generator/trustpages/records/, so a
draft can never miss a field or explain it differently from the editor's hover text and the
field reference. A field a person must write is left as `""`: `trustpages check` reports it
("is empty", "expected a date …") until it is filled in.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from trustpages import kinds
from trustpages.importers.yamlwriter import scalar
from trustpages.problems import UsageError
from trustpages.records import Incident, IncidentUpdate, Milestone, Mistake, Standing, StatusUpdate
from trustpages.sections import reserved_ids

KINDS = tuple(k.name for k in kinds.kinds() if k.drafted)  # what `trustpages new` starts (trustpages.kinds)
EMPTY = '""'
MAX_SLUG = 60
WIDTH = 100
# Letters that Unicode does not decompose into an ASCII letter and a mark.
_SPELLED = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th"})


@dataclass(frozen=True)
class Draft:
    """A new record: where it goes inside the content folder, and its text."""

    path: str
    text: str

    @property
    def to_fill(self) -> int:
        """How many fields are left for a person to write."""
        return sum(1 for line in self.text.splitlines() if line.rstrip().endswith(f": {EMPTY}"))


def slug(title: str) -> str:
    """A file-name id from a title: lowercase ASCII words joined by dashes, at most MAX_SLUG characters."""
    ascii_title = unicodedata.normalize("NFKD", title.lower().translate(_SPELLED)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    text = ""
    for word in words:
        longer = f"{text}-{word}" if text else word
        if len(longer) > MAX_SLUG:
            break
        text = longer
    return text or "-".join(words)[:MAX_SLUG].strip("-")


def draft(kind: str, title: str, on: date, standing: bool = False) -> Draft:
    """The new record of `kind` titled `title`, dated `on`."""
    record_id = slug(title)
    if not record_id:
        raise UsageError(f"the title {title!r} has no letters or digits to make a file name from")
    day = on.isoformat()
    if kind == "commitment":
        model: type[BaseModel] = Standing if standing else Milestone
        if record_id in reserved_ids("commitments"):
            raise UsageError(f"commitments/{record_id}.yml would take the name of a page the site makes itself; choose a longer title")
        path = f"commitments/{record_id}.yml"
        what = "a standing promise (kept every period)" if standing else "a promise with a deadline"
    elif kind == "incident":
        model, path, what = Incident, f"incidents/{day}-{record_id}.yml", "an incident or planned maintenance"
    elif kind == "mistake":
        model, path, what = Mistake, f"mistakes/{day}-{record_id}.yml", "a mistake we own up to"
    elif kind in KINDS:  # a kind registered beyond the built-in ones: its folder, dated if its files are
        registered = kinds.kind(kind)
        model = registered.models[0]
        path = f"{registered.folder}/{day}-{record_id}.yml" if "<date>" in registered.pattern else f"{registered.folder}/{record_id}.yml"
        what = registered.about.rstrip(".").lower() or kind
    else:
        raise UsageError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    values: dict[str, str] = {"title": scalar(title), "made_on": day, "on": day}
    if kind == "incident":
        values["started"] = EMPTY  # optional only for maintenance that has not begun: ask for it
    lines = [
        f"# New {kind}: {what}. Write every field left as {EMPTY}, then run `trustpages check`.",
        "# Fields left empty (nothing after the colon) are optional: fill them in or leave them.",
    ]
    lines += _fields(model, values, "", _items(model, day))
    return Draft(path, "\n".join(lines) + "\n")


def _items(model: type[BaseModel], day: str) -> dict[str, tuple[type[BaseModel], dict[str, str]]]:
    """Lists that start with one item to fill in, rather than empty: the first update of a record."""
    if model is Milestone:
        return {"updates": (StatusUpdate, {"on": day, "status": "not_started"})}
    if model is Incident:
        return {"updates": (IncidentUpdate, {"status": "investigating"})}
    return {}


def _fields(
    model: type[BaseModel], values: dict[str, str], indent: str, items: dict[str, tuple[type[BaseModel], dict[str, str]]]
) -> list[str]:
    lines: list[str] = []
    for name, field in model.model_fields.items():
        if name == "id":  # a record's id is its file name
            continue
        key = field.alias or name
        lines += _comment(field.description or "", indent)
        if name in items:
            item_model, item_values = items[name]
            body = _fields(item_model, item_values, indent + "    ", {})
            lines.append(f"{indent}{key}:")
            lines += _as_item(body, indent)
        else:
            lines.append(f"{indent}{key}: {values.get(name, _placeholder(field))}".rstrip())
    return lines


def _as_item(body: list[str], indent: str) -> list[str]:
    """Lines of one mapping, as a list item: the first key line gets the dash."""
    out: list[str] = []
    dashed = False
    for line in body:
        if not dashed and not line.lstrip().startswith("#"):
            line = f"{indent}  - {line.lstrip()}"
            dashed = True
        out.append(line)
    return out


def _placeholder(field: FieldInfo) -> str:
    """`""` for what must be written, nothing for what may be left out, the default where there is one."""
    if field.is_required():
        return EMPTY
    default: Any = field.default
    if default is None:
        return ""
    if default == ():
        return "[]"
    if isinstance(default, str):
        return scalar(default)
    return str(default)


def _comment(text: str, indent: str) -> list[str]:
    # "e.g." stays on the line of its example.
    lines = textwrap.wrap(text.replace("e.g. ", "e.g.\0"), WIDTH - len(indent) - 2, break_on_hyphens=False)
    return [f"{indent}# {line}".replace("\0", " ") for line in lines]
