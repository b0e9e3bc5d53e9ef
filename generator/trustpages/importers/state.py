"""What an import wrote, kept in content/.import/<tool>.json, so a re-run can tell its own files from edited ones.

For each source incident: the file it went to and the SHA-256 of the bytes written. A file
whose bytes no longer match was edited by a person. Component ids are remembered too, so
a component renamed in the source keeps its id here. The loader skips dot-folders, so
this file is never mistaken for a record.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from trustpages.importers.export import SourceError
from trustpages.problems import display_path
from trustpages.records.common import MAX_ID, SLUG

INCIDENTS = "incidents"  # the one folder an import writes records into
# A state file holds about 150 bytes an incident: this is hundreds of thousands, and reading it stays cheap.
MAX_BYTES = 64_000_000
_SHA256 = re.compile(r"[0-9a-f]{64}")
ABOUT = "Written by trustpages import: what it imported, to tell its own files from files edited since. Do not edit."


@dataclass(frozen=True)
class Written:
    """One imported incident: its file (relative to the content folder) and the hash of what was written."""

    file: str
    sha256: str


@dataclass
class ImportState:
    """Everything earlier imports from one tool wrote into one content folder."""

    incidents: dict[str, Written] = field(default_factory=dict)
    components: dict[str, str] = field(default_factory=dict)  # source key -> component id

    def dumps(self, tool: str) -> str:
        data = {
            "about": ABOUT,
            "tool": tool,
            "components": dict(sorted(self.components.items())),
            "incidents": {key: {"file": w.file, "sha256": w.sha256} for key, w in sorted(self.incidents.items())},
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def path(content: Path, tool: str) -> Path:
    return content / ".import" / f"{tool}.json"


def load(content: Path, tool: str) -> ImportState:
    """The state of earlier imports, or an empty one; a damaged or unconfined state file is a SourceError.

    The file is committed with the content, so it is input like any other: every file it names
    must be an incident file of this content folder (`incidents/<id>.yml`) and every component
    an id, or a re-import would write where the file says (`../../elsewhere`, `/etc/...`, `mkdocs.yml`).
    """
    for folder in (content / INCIDENTS, content / ".import"):
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            # What the import writes there would land wherever the link points.
            raise SourceError(f"{display_path(folder)}: is not a folder of the content folder (a link or a file); make it a plain folder")
    file = path(content, tool)
    if not file.exists() and not file.is_symlink():
        return ImportState()
    try:
        return _parse(_read(file))
    except _Unreadable as exc:
        raise SourceError(
            f"{display_path(file)}: not a state file trustpages can read: {exc}; restore it from git, or delete it "
            "(the import then treats files it cannot match byte for byte as edited)"
        ) from None


class _Unreadable(Exception):
    """What is wrong with a state file, in a few words."""


def _read(file: Path) -> object:
    if file.is_symlink() or not file.is_file():
        raise _Unreadable("it is not a plain file")
    with file.open("rb") as opened:
        data = opened.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _Unreadable(f"it is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Unreadable("it is not UTF-8 text") from None
    except ValueError as exc:
        raise _Unreadable(f"it is not JSON ({exc})") from None
    except RecursionError:  # nested deeper than Python's parser goes; a state file is three levels deep
        raise _Unreadable("it is nested too deeply") from None


def _parse(data: object) -> ImportState:
    if not isinstance(data, dict) or not isinstance(data.get("incidents"), dict) or not isinstance(data.get("components", {}), dict):
        raise _Unreadable("it has no mapping of incidents (and of components)")
    incidents: dict[str, Written] = {}
    files: dict[str, str] = {}
    for key, value in data["incidents"].items():
        if not isinstance(value, dict) or not isinstance(value.get("file"), str) or not isinstance(value.get("sha256"), str):
            raise _Unreadable(f"incident {key!r} has no file and sha256")
        written = Written(value["file"], value["sha256"])
        if not _incident_file(written.file):
            raise _Unreadable(f"incident {key!r} names the file {written.file!r}, not incidents/<id>.yml")
        if not _SHA256.fullmatch(written.sha256):
            raise _Unreadable(f"incident {key!r} has a sha256 that is not 64 hexadecimal digits")
        if written.file in files:
            raise _Unreadable(f"incidents {files[written.file]!r} and {key!r} both name {written.file}")
        incidents[key], files[written.file] = written, key
    components = {}
    for key, value in data.get("components", {}).items():
        if not isinstance(value, str) or not _is_id(value):
            raise _Unreadable(f"component {key!r} has the id {value!r}, which is not an id")
        components[key] = value
    return ImportState(incidents, components)


def _incident_file(file: str) -> bool:
    folder, slash, name = file.partition("/")
    return folder == INCIDENTS and bool(slash) and name.endswith(".yml") and _is_id(name.removesuffix(".yml"))


def _is_id(value: str) -> bool:
    return bool(SLUG.fullmatch(value)) and len(value) <= MAX_ID


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
