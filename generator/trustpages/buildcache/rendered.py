"""Record pages as trustpages rendered them (before the theme), and what the open data is made of, kept between builds.

Each record page, and each page of a long list, is kept under its key (keys.RecordPageKeys.page:
its path and the `PageInputs` render declares: the record, what its page shows, its history, the
templates, site.yml and the day), checked against its digest when it is looked up: a build on the
same day renders again only the pages whose inputs changed. For the open data it keeps text by
what it was made from (`fragment`: each record's item in the JSON, each feed; `fragments.index`)
and values made from the code alone (`remember`: the JSON Schemas; `derived.index`), both in
indexes headed by the code that wrote them (keys.code_key), or not used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from trustpages.buildcache import keys
from trustpages.buildcache.files import digest, prune, read_index, write, write_index
from trustpages.buildcache.keys import PageInputs, RecordPageKeys
from trustpages.buildcache.values import JsonValues
from trustpages.render import PageCache

INDEX = "pages.index"
DERIVED = "derived.index"
FRAGMENTS = "fragments.index"
_HEADER = "trustpages rendered record pages, checked"


class RenderedPageStore(PageCache):
    """Record pages as trustpages rendered them in earlier builds, on disk, by their key; read and checked when looked up."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.before = read_index(folder / INDEX, _HEADER)  # each entry's kind of page (html or markdown) and its bytes' digest
        self.used: dict[str, str] = {}
        self.keys = RecordPageKeys()
        self.page_keys: dict[str, str] = {}  # the key of each page this build looked up or kept, by path
        header = f"trustpages values made by code {keys.code_key()}"
        self._derived = JsonValues(folder / DERIVED, header)
        self._fragments = JsonValues(folder / FRAGMENTS, header)

    def get(self, path: str, inputs: PageInputs) -> tuple[str, bool] | None:
        """The page kept for these inputs, when its bytes are those it was kept with (emptied or cut short: rendered again)."""
        key = self.page_keys[path] = self.keys.page(path, inputs)
        entry = self.before.get(key, "")
        kind, _, checksum = entry.partition(" ")
        if kind not in ("html", "markdown"):
            return None
        try:
            data = (self.folder / f"{key}.page").read_bytes()
        except OSError:  # gone (a build sharing the cache pruned it)
            return None
        if digest(data) != checksum:
            return None
        self.used[key] = entry
        return data.decode("utf-8"), kind == "html"

    def put(self, path: str, inputs: PageInputs, page: tuple[str, bool]) -> None:
        key = self.page_keys[path] = self.keys.page(path, inputs)
        data = page[0].encode()
        self.used[key] = f"{'html' if page[1] else 'markdown'} {digest(data)}"
        write(self.folder / f"{key}.page", data)

    def key_of(self, path: str) -> str | None:
        """The key the page at `path` was looked up or kept under this build; None for a page this store did not see."""
        return self.page_keys.get(path)

    def prune(self) -> int:
        """Write the indexes of what this build used or made, delete the other pages; return how many were deleted."""
        write_index(self.folder / INDEX, _HEADER, self.used)
        self._derived.save()
        self._fragments.save()
        return prune(self.folder, set(self.used), (".page", ".tmp"))

    def remember(self, name: str, make: Callable[[], Any]) -> Any:
        """A value made from trustpages' code alone (and the libraries in `code_key`), kept as JSON while they are the same.

        One the JSON cannot give back unchanged is made every time.
        """
        return self._derived.get(name, make)

    def fragment(self, inputs: tuple[Any, ...], make: Callable[[], str]) -> str:
        """Text made from `inputs` alone (and trustpages' code), such as a record's item in the open data: kept while they are the same."""
        made = self._fragments.get(self.keys.fragment(inputs), make)
        return made if isinstance(made, str) else make()
