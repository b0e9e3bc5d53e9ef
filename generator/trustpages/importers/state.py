"""What an import wrote, kept in content/.import/<tool>.json, so a re-run can tell its own files from edited ones.

For each source incident: the file it went to and the SHA-256 of the bytes written. A file
whose bytes no longer match was edited by a person. Component ids are remembered too, so
a component renamed in the source keeps its id here. The loader skips dot-folders, so
this file is never mistaken for a record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from trustpages.importers.export import SourceError
from trustpages.problems import display_path

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
    """The state of earlier imports, or an empty one; a damaged state file is a SourceError."""
    file = path(content, tool)
    if not file.exists():
        return ImportState()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        incidents = {key: Written(str(value["file"]), str(value["sha256"])) for key, value in data["incidents"].items()}
        components = {str(key): str(value) for key, value in data.get("components", {}).items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise SourceError(
            f"{display_path(file)}: not a state file trustpages can read; restore it from git, or delete it "
            "(the import then treats files it cannot match byte for byte as edited)"
        ) from None
    return ImportState(incidents, components)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
