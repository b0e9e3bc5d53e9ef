"""How the build cache writes to disk: whole files or none, indexes that end with their digest, and pruning.

Every store of the cache (themed, rendered, parsed, values) keeps its entries through these, so a
crash, a full disk or a partial restore of the cache leaves nothing a later build would trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

_END = b"end "  # an index's last line: then the digest of every line before it


class ChangedEntry(OSError):
    """A cache entry whose bytes are no longer those it was kept with."""


def digest(data: bytes) -> str:
    """The SHA-256 of `data`, in hex: what every entry is checked against."""
    return hashlib.sha256(data).hexdigest()


def as_json(value: Any) -> str | None:
    """`value` as JSON, when JSON gives it back unchanged (not a date, a tuple or a number as a key)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
        return text if json.loads(text) == value else None
    except (TypeError, ValueError):
        return None


def write(path: Path, data: bytes) -> None:
    """Write `data` whole or not at all (a build stopped half way leaves no torn entry), readable as a site's files are."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a site is served by another user
        os.replace(temporary, path)
    except OSError:  # a full or read-only disk costs the next build time, never this one
        pass


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def read_index(path: Path, header: str) -> dict[str, str]:
    """An index `write_index` wrote with `header`, whole: each entry's JSON text by its key (parsed only when used)."""
    try:
        data = path.read_bytes()
    except OSError:  # none yet: everything is made afresh
        return {}
    end = data.rfind(b"\n", 0, len(data) - 1) + 1
    if data[end:] != _END + digest(data[:end]).encode() + b"\n":  # cut short or changed since (a crash, a partial restore)
        return {}
    first, _, rest = data[:end].decode("utf-8").partition("\n")
    if first != header:  # written by other code, or not an index
        return {}
    entries = {}
    for line in rest.split("\n"):  # not splitlines(): JSON keeps U+2028 and the like as they are
        key, tab, value = line.partition("\t")
        if tab:
            entries[key] = value
    return entries


def write_index(path: Path, header: str, entries: dict[str, str]) -> None:
    """The header line, one line per entry, key and JSON text (JSON escapes line breaks and tabs), then the digest of those lines."""
    body = (header + "\n" + "".join(f"{key}\t{value}\n" for key, value in entries.items())).encode("utf-8")
    write(path, body + _END + digest(body).encode() + b"\n")


def prune(folder: Path, used: set[str], suffixes: tuple[str, ...]) -> int:
    """Delete the entries in `folder` with one of `suffixes` that this build did not use; return how many."""
    removed = 0
    for entry in folder.iterdir():
        if entry.suffix in suffixes and entry.stem not in used:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed
