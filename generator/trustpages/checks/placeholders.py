"""Placeholders never to publish: the starter's values (scaffold/placeholders.yml) and addresses at names that are no one's.

`trustpages init` writes a company's name, address, phone number, prices and addresses that
are not its own. Each one left is a warning at its file, line and column (so `check --strict`,
what pull requests run, fails) until it is replaced. Example records are left to the examples
check: they are deleted, not edited.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from trustpages.checks.examples import marked
from trustpages.checks.findings import Findings
from trustpages.records import RecordSet

LIST = Path(__file__).resolve().parents[1] / "scaffold" / "placeholders.yml"

# Top-level names that are no one's and never will be (RFC 2606, RFC 6761): the starter writes every
# address it cannot know under .invalid. (example.com, example.net and example.org are reserved too,
# but for documentation: trustpages' own examples and tests use them, and a site quoting one on purpose is no mistake.)
RESERVED_HOST = re.compile(r"\.(?:invalid|test|localhost)\.?$", re.IGNORECASE)
# Hosts of web addresses (scheme://host) and e-mail addresses (local@host) anywhere in a text.
ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://(?:[^/\s@]*@)?|\b[\w.+-]+@)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE)
# What makes a file worth walking: cheap to search for in its text first.
_MENTIONS_RESERVED = re.compile(r"\.(?:invalid|test|localhost)\b", re.IGNORECASE)

HINT = "write your own; trustpages init wrote it as an example"
ADDRESS_HINT = "write your own address; a name ending in .{tld} is no one's (RFC 2606) and reaches nobody"

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Placeholder:
    """One value the starter writes: where (its kind, and a field path with * for any list item), and what it is."""

    id: str
    kind: str
    at: tuple[str, ...]
    what: str
    value: Any  # text ({name} for the company's name), a number, or a mapping a list item matches when it holds all of it

    def filled(self, name: str) -> Any:
        """The value as the starter writes it for a company called `name`."""
        return self.value.replace("{name}", name) if isinstance(self.value, str) else self.value


@functools.cache
def starter_placeholders() -> tuple[Placeholder, ...]:
    """The starter's placeholder values, read from scaffold/placeholders.yml."""
    entries = yaml.safe_load(LIST.read_text(encoding="utf-8"))
    return tuple(Placeholder(entry["id"], entry["kind"], tuple(entry["at"].split(".")), entry["what"], entry["value"]) for entry in entries)


def check(records: RecordSet, findings: Findings) -> None:
    """A warning at each starter placeholder still in the content, and at each address at a reserved name."""
    by_kind: dict[str, list[Placeholder]] = {}
    for placeholder in starter_placeholders():
        by_kind.setdefault(placeholder.kind, []).append(placeholder)
    examples = marked(records)
    for (kind, id), source in sorted(records.sources.items()):
        if (kind, id) in examples:
            continue
        value = source.document.value
        for placeholder in by_kind.get(kind, ()):
            wanted = placeholder.filled(records.site.name)
            for loc, found in _at(value, placeholder.at, ()):
                if _matches(found, wanted):
                    shown = found if isinstance(found, str) else ", ".join(f"{key}: {found[key]}" for key in wanted)
                    findings.warning(kind, id, loc, f"{_dotted(loc)}: replace the placeholder {placeholder.what} ('{shown}')", HINT)
        if _MENTIONS_RESERVED.search(source.document.text):
            for loc, text in _texts(value, ()):
                for host in _reserved_hosts(text):
                    findings.warning(
                        kind,
                        id,
                        loc,
                        f"{_dotted(loc)}: replace the placeholder address at {host}",
                        ADDRESS_HINT.format(tld=host.rstrip(".").rsplit(".", 1)[-1]),
                    )


def _reserved_hosts(text: str) -> list[str]:
    hosts = [found.group(1).lower() for found in ADDRESS.finditer(text)]
    return list(dict.fromkeys(host for host in hosts if RESERVED_HOST.search(host)))


def _at(value: Any, path: tuple[str, ...], loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """The values at `path` (a `*` part is every item of a list), each with its place."""
    if not path:
        yield loc, value
    elif path[0] == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _at(item, path[1:], (*loc, index))
    elif isinstance(value, dict) and path[0] in value:
        yield from _at(value[path[0]], path[1:], (*loc, path[0]))


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every text in a file's value, with its place."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))


def _matches(found: Any, wanted: Any) -> bool:
    if isinstance(wanted, dict):
        return isinstance(found, dict) and all(key in found and _same(found[key], item) for key, item in wanted.items())
    return _same(found, wanted)


def _same(found: Any, wanted: Any) -> bool:
    if isinstance(found, str) and isinstance(wanted, str):
        return " ".join(found.split()) == wanted
    if isinstance(found, bool) or isinstance(wanted, bool):
        return found is wanted
    return found == wanted


def _dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc) or "file"
