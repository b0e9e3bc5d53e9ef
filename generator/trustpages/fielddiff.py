"""What changed between two parsed versions of a record, field by field, and a value as one line: history's diffs and the published-fact checks' values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any


@dataclass(frozen=True)
class FieldChange:
    """One value that changed: `path` like `due` or `updates[3].status` (1-based, as problems count)."""

    path: str  # '' when the whole record changed shape
    old: str | None  # None: the field was added
    new: str | None  # None: the field was removed


def diff(old: Any, new: Any, path: str = "") -> list[FieldChange]:
    """The changed values between two parsed versions, in the order of the newer file.

    Mappings compare key by key; lists are aligned with difflib, so an appended update is
    one added item, not every later item changed. Values compare as values: `12` and
    `12.0` are the same, `12` and `"12"` are not.
    """
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[FieldChange] = []
        for key in [*new, *(key for key in old if key not in new)]:
            where = f"{path}.{key}" if path else str(key)
            if key not in old:
                found.append(FieldChange(where, None, show(new[key])))
            elif key not in new:
                found.append(FieldChange(where, show(old[key]), None))
            else:
                found += diff(old[key], new[key], where)
        return found
    if isinstance(old, list) and isinstance(new, list):
        return _diff_lists(old, new, path)
    return [FieldChange(path, show(old), show(new))]


def _diff_lists(old: list[Any], new: list[Any], path: str) -> list[FieldChange]:
    shared = min(len(old), len(new))
    edited = [i for i in range(shared) if old[i] != new[i]]
    opcodes: list[tuple[str, int, int, int, int]]
    if len(edited) <= 1:  # the common edits, appending or changing one item, need no alignment
        opcodes = [
            ("replace", 0, shared, 0, shared),
            ("delete", shared, len(old), shared, shared),
            ("insert", shared, shared, shared, len(new)),
        ]
    else:
        opcodes = list(SequenceMatcher(a=[_canonical(v) for v in old], b=[_canonical(v) for v in new], autojunk=False).get_opcodes())
    found: list[FieldChange] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)  # an edited item is compared field by field
        for k in range(paired):
            found += diff(old[i1 + k], new[j1 + k], f"{path}[{j1 + k + 1}]")
        found += [FieldChange(f"{path}[{i + 1}]", show(old[i]), None) for i in range(i1 + paired, i2)]
        found += [FieldChange(f"{path}[{j + 1}]", None, show(new[j])) for j in range(j1 + paired, j2)]
    return found


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def show(value: Any) -> str:
    """A parsed value on one line, in YAML's flow style; pages shorten long ones."""
    return _flow(value)


def _flow(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return " ".join(str(value).split())  # multi-line text on one line
