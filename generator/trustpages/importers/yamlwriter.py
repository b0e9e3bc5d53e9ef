"""Incident records as tidy, stable YAML text: a fixed field order, block style, quotes only where needed.

Written by hand rather than by a dumper so the same record always gives the same bytes,
comments can explain imported values, and multi-line text reads as `|` blocks. A string
is left unquoted only when both YAML 1.1 (PyYAML, most tools) and YAML 1.2 (our reader)
read it back as that same string.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import yaml

from trustpages.importers.export import stamp
from trustpages.records import Incident, IncidentUpdate

_INDENT = "  "
# Plain scalars YAML 1.2's core schema reads as something other than text.
_NOT_TEXT_12 = re.compile(
    r"(~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\Z"
)
# What a literal block cannot hold as is: characters YAML only allows escaped, line breaks
# other than \n, and tabs (which a reader may take for indentation).
_NOT_IN_BLOCK = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def incident_yaml(incident: Incident, header: list[str] | None = None, notes: dict[str, str] | None = None) -> str:
    """The record file for `incident`; `notes` (by field name, or `updates[i]`) become comments above."""
    notes = notes or {}
    lines = [comment for line in header or [] for comment in _comment(line, "")]
    values = incident.model_dump(exclude={"id"})
    for name in Incident.model_fields:
        if name == "id":
            continue
        value = values[name]
        if name in notes:
            lines += _comment(notes[name], "")
        if value is None or value == ():
            continue
        if name == "updates":
            lines.append("updates:")
            for i, update in enumerate(incident.updates):
                if f"updates[{i}]" in notes:
                    lines += _comment(notes[f"updates[{i}]"], _INDENT)
                lines += _update(update)
        elif isinstance(value, tuple):
            lines.append(f"{name}: [{', '.join(scalar(item, flow=True) for item in value)}]")
        else:
            lines.append(_field(name, value, ""))
    return "\n".join(lines) + "\n"


def _update(update: IncidentUpdate) -> list[str]:
    item = _INDENT + "- "
    rest = _INDENT * 2
    return [
        f"{item}at: {stamp(update.at)}",
        f"{rest}status: {scalar(update.status)}",
        _field("body", update.body, rest),
    ]


def _field(name: str, value: Any, indent: str) -> str:
    if isinstance(value, datetime):
        return f"{indent}{name}: {stamp(value)}"
    text = str(value)
    if "\n" in text.rstrip("\n") and _blockable(text):
        body_indent = indent + _INDENT
        chomp = "" if text.endswith("\n") and not text.endswith("\n\n") else ("-" if not text.endswith("\n") else "+")
        body = "\n".join(body_indent + line if line else "" for line in text.removesuffix("\n").split("\n"))
        return f"{indent}{name}: |{chomp}\n{body}"
    return f"{indent}{name}: {scalar(text)}"


def _blockable(text: str) -> bool:
    """A literal block keeps the text exactly: no leading space to confuse indentation, no odd characters."""
    return not _NOT_IN_BLOCK.search(text) and not text[:1].isspace() and not re.search(r"^ +$", text, re.M)


def scalar(text: str, flow: bool = False) -> str:
    """`text` as a one-line YAML scalar: plain when every YAML reader agrees it is this text, else quoted."""
    dumped = yaml.dump([text] if flow else text, Dumper=yaml.SafeDumper, default_flow_style=flow, allow_unicode=True, width=10**9)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    if flow:
        dumped = dumped[1:-1]  # "[item]"
    if _NOT_IN_BLOCK.search(dumped) or (dumped[:1] not in {"'", '"'} and _NOT_TEXT_12.match(text)):
        return _double_quoted(text)  # escapes every character that is not plainly printable
    return dumped


def _double_quoted(text: str) -> str:
    dumped = yaml.dump(text, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=10**9)
    return dumped.removesuffix("\n")


def _comment(text: str, indent: str) -> list[str]:
    """`text` (from the source: an id, a file name) as comment lines: none can start a field, and none holds what a file cannot or what reorders the text around it (as escapes)."""
    return [f"{indent}# {_UNSHOWN.sub(_escaped, line)}".rstrip() for line in text.splitlines()]


# Not printable in YAML (it refuses the file), or reordering the text around it when read (bidi controls).
_UNSHOWN = re.compile("[^\t\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u202a-\u202e\u2066-\u2069]")


def _escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"
