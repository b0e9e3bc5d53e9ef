"""Published facts: what of a record is one, and when a change to one is refused — the one rule set of both baselines.

`trustpages check --against REF` compares with what git published at REF (trustpages.checks.published),
`trustpages publish` with the public log (trustpages.publiclog.compare); both read each kind's
`Facts` (trustpages.registry) through this module, so a rule is written once:
* a fact may be filled in when empty, never changed or emptied, unless a correction added since
  names its path (`covered`); a list's published items stay as they were; a set only grows;
* a keyed value (`Keyed`: a plan's price) is known by its item's id, else its name, and may also
  change with a new row announcing it (`announced`);
* a record with a file of its own that vanished must be listed in withdrawn.yml, whose entries stay.
How a change is found differs only by what the baseline holds (whole records in git, facts in the log).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel

from trustpages.fielddiff import show
from trustpages.records.common import SLUG
from trustpages.records.correction import Correction, covers
from trustpages.registry import Keyed, Kind

WITHDRAWN = "withdrawn"  # withdrawn.yml: each entry a fact of its own, kept as it was
HINT_MISSING = "list it in content/withdrawn.yml with id, kind, on and reason, or restore the file"
HINT_CORRECTION_STAYS = "a published correction stays as it was: restore it, and add a new one if it needs correcting"
HINT_WITHDRAWAL_STAYS = "a withdrawal stays listed as it was: restore the entry in content/withdrawn.yml"


def hint(kind: Kind, path: str, day: date | str) -> str:
    """What to do about a refused change of the fact at `path`, as of `day`."""
    example = f"{{on: {day}, field: {path}, why: …}}"
    if kind.name == WITHDRAWN:
        return HINT_WITHDRAWAL_STAYS
    if path.startswith("corrections"):
        return HINT_CORRECTION_STAYS
    for keyed in kind.facts.keyed:
        if path.startswith(f"{keyed.list}."):
            return f"add a {keyed.announced_in} row for the change ({keyed.announcing}), or a correction {example}"
    return f"a published fact changes only with a public correction: add corrections: - {example}, or change it back"


def refusal(path: str, old: Any, new: Any, where: str, removed: bool = False) -> str:
    """The message of a refused change: `where` says when the old value was published (at a ref, on a log time)."""
    now = "removed" if removed else f"now {shown(new)}"
    return f"{path}: published as {shown(old)} {where}, {now}"


def covered(corrections: Iterable[Correction], *paths: str) -> bool:
    """Whether a correction names one of `paths` (or a field holding it)."""
    return any(covers(correction, path) for correction in corrections for path in paths)


def empty(value: Any) -> bool:
    """An empty fact may be filled in: nothing there yet."""
    return value is None or value in ((), [], "", {})


def value_at(data: Any, dotted: str) -> Any:
    """The value at a dotted path of a record (a model) or of its plain JSON (a mapping); None when not there."""
    value = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, Mapping) else getattr(value, part, None)
        if value is None:
            return None
    return value


def item_name(name: str) -> str:
    """An item's name as its key: case and spacing do not make another item."""
    slug = "-".join(name.casefold().split())
    return slug if SLUG.fullmatch(slug) else canonical(name)


def keyed_values(kind: Kind, data: Mapping[str, Any]) -> Iterator[tuple[Keyed, str, int, Any]]:
    """Each keyed fact of a record's plain JSON: (its rule, the item's key, the item's index, the value)."""
    for keyed in kind.facts.keyed:
        for index, item in enumerate(data.get(keyed.list) or ()):
            yield keyed, item.get("id") or item_name(item["name"]), index, item[keyed.field]


def names_of(kind: Kind, data: Mapping[str, Any]) -> dict[str, set[str]]:
    """Each keyed item's key -> every name a row may announce it by: its key, and its name now."""
    return {
        key: {key, item_name(str(item["name"]))}
        for keyed in kind.facts.keyed
        for item in data.get(keyed.list) or ()
        for key in [item.get("id") or item_name(item["name"])]
    }


def keyed_path(keyed: Keyed, key: str) -> str:
    """The path corrections name a keyed fact by: plans.team.price."""
    return f"{keyed.list}.{key}.{keyed.field}"


def announced(keyed: Keyed, names: set[str], old: Any, new: Any, rows: Iterable[Mapping[str, Any]]) -> bool:
    """Whether one of `rows` (new rows of `keyed.announced_in`, plain JSON) announces the change of the item known by `names` from `old` to `new`."""
    return any(row.get("from") == old and row.get("to") == new and item_name(str(row.get(keyed.by, ""))) in names for row in rows)


def canonical(value: Any) -> str:
    """The one JSON text of a value: sorted keys, no spaces, UTF-8 as is (what the public log hashes)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def shown(value: Any) -> str:
    """A value as a refusal quotes it: one line, at most 200 characters."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    elif isinstance(value, date):
        value = value.isoformat().replace("+00:00", "Z")
    text = show(value if isinstance(value, dict | list | str) else str(value))
    return f"'{text}'" if len(text) <= 200 else f"'{text[:199]}…'"
