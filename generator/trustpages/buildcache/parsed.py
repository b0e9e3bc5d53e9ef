"""Record files as parsed by earlier builds, by the hash of their bytes: an unchanged file is not parsed again (it is validated again all the same)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trustpages.buildcache import keys
from trustpages.buildcache.files import as_json, digest, read_index, write_index
from trustpages.yamlsource import Document

INDEX = "parsed.index"


class ParsedRecordFiles(dict[bytes, Document]):
    """What `yamlsource.read` takes as `parsed`: each file's parsed value by its bytes, kept in `parsed.index`.

    Values are kept as JSON, and only those JSON gives back unchanged (every value yamlsource makes
    does today: text keys, no tuples); anything else is parsed again next time. What was parsed by
    other code (another version of trustpages) is not used.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / INDEX
        self.before = read_index(self.path, self._header())
        self.texts: dict[bytes, tuple[str, str]] = {}  # this build's documents' values as JSON, and their bytes' digest, by their bytes

    @staticmethod
    def _header() -> str:
        return f"trustpages parsed records, code {keys.code_key()}"

    def get(self, raw: bytes, default: Any = None) -> Any:
        document = super().get(raw)
        if document is None:
            key = digest(raw)
            text = self.before.get(key)
            if text is None:
                return default
            try:
                value = json.loads(text)
            except ValueError:
                return default
            self.texts[raw] = key, text
            document = Document(value, raw.decode("utf-8"))
            super().__setitem__(raw, document)
        return document

    def __setitem__(self, raw: bytes, document: Document) -> None:
        super().__setitem__(raw, document)
        text = as_json(document.value)
        if text is not None:
            self.texts[raw] = digest(raw), text

    def save(self) -> None:
        """Keep the files this build read (load() forgets the others) for the next build."""
        write_index(self.path, self._header(), dict(self.texts[raw] for raw in self if raw in self.texts))
