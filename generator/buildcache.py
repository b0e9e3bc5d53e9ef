"""The build cache: each generated page as the theme rendered it, kept on disk between builds (CI keeps the folder).

A page's entry is named by a hash of everything its output is made from: the page itself (its
HTML, title, front matter, address, neighbours in the navigation) and the site around it (the
MkDocs configuration after the plugin dressed it, the navigation, the theme's templates, and
the versions of MkDocs, Material and trustpages). Nothing else goes in, so a page whose inputs
did not change is the very bytes a cold build would write, and the day only matters to a page
when its own text changed with it (an overdue promise, the home page's figures). A build after
one record changed renders again only the pages that show it.

Entries are plain files (`<hash>.html`); after a good build, those it did not use are deleted.

`RenderStore` keeps, the same way, each record page as trustpages rendered it (before the theme),
keyed by the inputs the preview's page cache compares (the record, what its page shows, its
history, the templates, site.yml and the day): a build on the same day renders again only the
record pages whose inputs changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.render import PageCache

# What a page's cached output is read from: the theme renders this instead of its own template.
TEMPLATE = "trustpages-cached.html"
TEMPLATE_SOURCE = "{{ page.trustpages_cached }}"
_PACKAGES = ("mkdocs", "mkdocs-material", "trustpages", "jinja2", "markupsafe")


class PageStore:
    """Outputs of earlier builds in `folder`, by the hash of what each was made from."""

    def __init__(self, folder: Path, site: str) -> None:
        self.folder = folder
        self.site = site  # the hash of everything every page shares
        self.used: set[str] = set()
        self.reused = 0
        self.rendered = 0

    @classmethod
    def open(cls, folder: Path, config: Any, nav: Navigation) -> PageStore:
        folder.mkdir(parents=True, exist_ok=True)
        return cls(folder, site_key(config, nav))

    def key(self, page: Page) -> str:
        """The hash of this page's own inputs and the site's."""
        around = [getattr(page.previous_page, "url", None), getattr(page.next_page, "url", None)]
        parts = [self.site, page.file.src_uri, page.url, page.canonical_url, page.edit_url, page.title, around, page.meta, page.content]
        return _hash(json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False))

    def get(self, key: str) -> str | None:
        self.used.add(key)
        try:
            text = (self.folder / f"{key}.html").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # never there, or unreadable: render it
            return None
        self.reused += 1
        return text

    def put(self, key: str, output: str) -> None:
        """Keep `output` for the next build."""
        self.used.add(key)
        self.rendered += 1
        _write(self.folder / f"{key}.html", output)

    def prune(self) -> int:
        """Delete the entries this build did not use (and leftovers of stopped builds); return how many."""
        return _prune(self.folder, self.used, (".html", ".tmp"))


class RenderStore(PageCache):
    """Record pages as trustpages rendered them in earlier builds, on disk, by a hash of their inputs."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.used: set[str] = set()
        self._shared: tuple[Any, str] | None = None

    def get(self, path: str, key: tuple[Any, ...]) -> tuple[str, bool] | None:
        digest = self._digest(path, key)
        self.used.add(digest)
        try:
            text = (self.folder / f"{digest}.page").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        kind, _, source = text.partition("\n")
        return (source, kind == "html") if kind in ("html", "markdown") else None

    def put(self, path: str, key: tuple[Any, ...], page: tuple[str, bool]) -> None:
        digest = self._digest(path, key)
        self.used.add(digest)
        _write(self.folder / f"{digest}.page", f"{'html' if page[1] else 'markdown'}\n{page[0]}")

    def prune(self) -> int:
        return _prune(self.folder, self.used, (".page", ".tmp"))

    def _digest(self, path: str, key: tuple[Any, ...]) -> str:
        """A hash of the page's inputs; what every page shares (key[0]: templates, site, day) is written out once."""
        shared, own = key[0], key[1:]
        if self._shared is None or self._shared[0] is not shared:
            self._shared = (shared, _hash(repr(shared)))
        return _hash(repr((path, self._shared[1], own)))


_NOT_SHOWN = frozenset(
    {"config_file_path", "site_dir", "docs_dir", "watch", "dev_addr", "strict", "validation", "exclude_docs", "not_in_nav",
     "draft_docs", "hooks", "plugins", "theme", "nav"}
)  # fmt: skip


def site_key(config: Any, nav: Navigation) -> str:
    """The hash of what every page's output shares: configuration, navigation, theme templates, versions."""
    theme = config.theme
    parts = {
        # Every option a theme template may read (the configuration as the plugin dressed it), but
        # where files are read from and written to, and what only steers the build.
        "config": {name: value for name, value in config.items() if name not in _NOT_SHOWN},
        "plugins": list(config.plugins),
        "theme": {"name": theme.name, "options": dict(theme.items()), "dirs": [_folder_key(Path(folder)) for folder in theme.dirs]},
        "nav": _nav(nav.items),
        "versions": {name: _version(name) for name in _PACKAGES},
    }
    return _hash(json.dumps(parts, sort_keys=True, default=_stable, ensure_ascii=False))


def _stable(value: Any) -> str:
    """A value JSON cannot hold, the same in every process: a date as written, an object or function by its name (not its address)."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, Path):
        return value.as_posix()
    named = value if callable(value) and hasattr(value, "__qualname__") else type(value)
    return f"{named.__module__}.{named.__qualname__}"


def _nav(items: Iterable[Any]) -> list[Any]:
    return [[item.title, _nav(item.children)] if isinstance(item, Section) else [item.title, getattr(item, "url", None)] for item in items]


def _folder_key(folder: Path) -> str:
    """An installed theme's folder by its package version (thousands of icons); a site's own by its files."""
    for name in ("material", "mkdocs"):
        try:
            package = Path(__import__(name).__file__ or "").parent
        except ImportError:  # pragma: no cover - both are dependencies
            continue
        if folder.resolve().is_relative_to(package.resolve()):
            return f"{name} {folder.resolve().relative_to(package.resolve())}"
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:  # trustpages run from a checkout that was never installed
        return "unknown"


def _write(path: Path, text: str) -> None:
    """Write `text` whole or not at all (a build stopped half way leaves no torn entry)."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except OSError:  # a full or read-only disk costs the next build time, never this one
        pass


def _prune(folder: Path, used: set[str], suffixes: tuple[str, ...]) -> int:
    removed = 0
    for entry in folder.iterdir():
        if entry.suffix in suffixes and entry.stem not in used:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
