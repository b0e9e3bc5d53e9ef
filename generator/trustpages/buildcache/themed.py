"""Pages as the theme rendered them, kept between builds by their key (keys.themed_page_key) and checked before reuse.

MkDocs does no work on a reused page: the plugin gives it to MkDocs as a file to copy, and this
store writes its bytes into the site after the build. The cache is private: a site never shares a
file with it (a hard link would let an edit of one site's file rewrite the cache and every other
site), and every entry is checked against the digest it was kept with when it is looked up and
again as it is copied, so an entry changed, emptied or cut short since is rendered again, never
published. The entries are listed in `pages.index` beside the outputs (`<key>.html`); after a good
build, the ones it did not use are deleted.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from trustpages.buildcache.files import ChangedEntry, as_json, digest, prune, read_index, write, write_index

INDEX = "pages.index"
_HEADER = "trustpages kept pages, checked"


@dataclass(frozen=True)
class ThemedPage:
    """A page the theme rendered in an earlier build: the digest of its output, its search entries, and its front matter (the navigation shows some)."""

    digest: str
    search: list[dict[str, str]]
    meta: dict[str, Any]


class ThemedPageStore:
    """Outputs of earlier builds in `folder`, by their key; `save` keeps those this build used or made."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.before = read_index(folder / INDEX, _HEADER)  # the last build's entries (JSON), by key
        self.after: dict[str, str] = {}  # the entries this build used or made: the next index
        self.checked: dict[str, str] = {}  # the digest of each entry this build reuses, as `get` found it
        self.reused = 0
        self.rendered = 0

    def get(self, key: str) -> ThemedPage | None:
        """The page kept under `key`, if its output is there with the bytes it was kept with (read and checked: no size or time stands in for them)."""
        entry = self.before.get(key)
        if entry is None:
            return None
        try:
            page = ThemedPage(**json.loads(entry))
            if digest((self.folder / f"{key}.html").read_bytes()) != page.digest:
                return None  # changed, emptied or cut short since: render it again
        except (OSError, TypeError, ValueError):
            return None
        self.after[key] = entry
        self.checked[key] = page.digest
        return page

    def copy(self, key: str, destination: str) -> None:
        """Write a copy of the output `get` found at `destination`, checked against its digest again as it is copied.

        The bytes are read to be checked in any case, so they are written from memory: a reflink
        would save that write but publish bytes nobody checked. A file already at `destination`
        (a --dirty build) is replaced, never written through: it may be a hard link an older
        trustpages made. Raises ChangedEntry when the entry changed since `get` (OSError when
        another build pruned it).
        """
        data = (self.folder / f"{key}.html").read_bytes()
        if digest(data) != self.checked[key]:
            raise ChangedEntry(f"its kept output changed during the build ({self.folder / key}.html)")
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        try:
            os.unlink(destination)
        except FileNotFoundError:
            pass
        descriptor = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # less the umask, as MkDocs writes
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        self.reused += 1

    def put(self, key: str, output: str, search: list[dict[str, str]], meta: dict[str, Any]) -> None:
        """Keep `output`, its search entries and front matter for the next build.

        A page whose front matter is not plain JSON (a date in it would come back as text) is not kept.
        """
        data = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        if as_json(meta) is None:
            return
        write(self.folder / f"{key}.html", data)
        self.after[key] = json.dumps(asdict(ThemedPage(digest(data), search, meta)), ensure_ascii=False)
        self.rendered += 1

    def save(self) -> int:
        """Write the index of what this build used or made, delete the rest; return how many were deleted."""
        write_index(self.folder / INDEX, _HEADER, self.after)
        return prune(self.folder, set(self.after), (".html", ".tmp"))
