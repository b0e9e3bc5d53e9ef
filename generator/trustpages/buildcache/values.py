"""Values kept as JSON in one index by key, made again when missing or when JSON cannot give them back unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trustpages.buildcache.files import as_json, read_index, write_index


class JsonValues:
    """One index of values by key (`path`, written with `header`); `save` keeps those this build used or made."""

    def __init__(self, path: Path, header: str) -> None:
        self.path, self.header = path, header
        self.before = read_index(path, header)
        self.used: dict[str, str] = {}

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        """The value kept under `key`, else `make()`'s, kept when JSON gives it back unchanged."""
        text = self.before.get(key)
        if text is not None:
            try:
                value = json.loads(text)
            except ValueError:  # not what was written: made again
                pass
            else:
                self.used[key] = text
                return value
        value = make()
        text = as_json(value)
        if text is not None:
            self.used[key] = text
        return value

    def save(self) -> None:
        """Write the index of the values this build used or made, when it differs from the last build's."""
        if self.used != self.before:
            write_index(self.path, self.header, self.used)
