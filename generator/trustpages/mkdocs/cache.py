"""When and how a build uses the build cache (trustpages.buildcache): its folder, its stores, and which pages MkDocs copies rather than builds.

A page the theme rendered in an earlier build is reused only when nothing but trustpages could
have changed it: another plugin (or hook) that handles an event where a page's output is made
turns the cache off for the build. Those events are read from MkDocs itself (`PAGE_EVENTS`), so
an event a later MkDocs adds, or one a plugin uses that nobody listed, is never missed.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import EVENTS, PluginCollection, get_plugin_logger
from mkdocs.structure.files import Files

from trustpages import cachefolder
from trustpages.buildcache import keys
from trustpages.buildcache.files import digest
from trustpages.buildcache.parsed import ParsedRecordFiles
from trustpages.buildcache.rendered import RenderedPageStore
from trustpages.buildcache.themed import ThemedPage, ThemedPageStore
from trustpages.mkdocs.pages import GeneratedPage, ReusedPage
from trustpages.mkdocs.search import search_plugin
from trustpages.outfolder import Protected, UnsafeOutput
from trustpages.render import Output, htmlpage

log = get_plugin_logger(__name__)
Store = TypeVar("Store")

# What a page's output is made from besides its source: the page itself, the navigation, the theme's
# Jinja environment. MkDocs' events whose handlers are given one of them (read from the signatures of
# PluginCollection, which runs every event) are where another plugin could change a page unseen by its key.
_MADE_FROM = frozenset({"page", "nav", "env"})
PAGE_EVENTS = frozenset(
    event for event in EVENTS if _MADE_FROM & set(inspect.signature(getattr(PluginCollection, f"on_{event}")).parameters)
)


def page_changers(config: MkDocsConfig, own: object) -> list[str]:
    """The other plugins and hooks that handle a page event (PAGE_EVENTS), by name; empty when the build cache may reuse pages.

    The search plugin trustpages feeds is not one: it reads each page in `page_context`, and the
    plugin adds a reused page's entries to its index as that plugin would have.
    """
    search = search_plugin(config)
    found = set()
    for event in PAGE_EVENTS:
        for handler in config.plugins.events[event]:
            owner = getattr(handler, "__self__", None)
            if owner is own or (owner is search and event == "page_context"):
                continue
            found.add(type(owner).__name__ if owner is not None else str(getattr(handler, "__module__", handler)))
    return sorted(found)


def folder(config: MkDocsConfig, cache_dir: str, content_dir: str, templates: Path | None) -> Path:
    """cache_dir, beside mkdocs.yml like content_dir; a PluginError when it is unsafe (cachefolder.check), before it is opened."""
    project = Path(config.config_file_path or ".").parent
    protected = [
        Protected("the docs folder (docs_dir)", Path(config.docs_dir)),
        Protected("the content folder", Path(content_dir)),
        *([Protected("the templates folder", templates)] if templates is not None else []),
        Protected("the site folder (site_dir)", Path(config.site_dir)),
    ]
    try:
        return cachefolder.check(project / cache_dir, project, protected)
    except UnsafeOutput as exc:
        raise PluginError(f"trustpages: {exc}") from None


def opened(make: Callable[[], Store], what: str) -> Store | None:
    """The store `make` opens; None, said in the log, when its folder cannot be used (a cache costs time, never the build)."""
    try:
        return make()
    except OSError as exc:
        log.info(f"build cache not used for {what}: {exc.strerror or exc}")
        return None


def nav_entries(nav: Any, title: str | None = None) -> Iterator[tuple[str | None, str]]:
    """The pages a `nav:` configuration lists (not its links elsewhere), each with the title it gives it, if any."""
    if isinstance(nav, str):
        if "://" not in nav and not nav.startswith("/"):
            yield title, nav
    elif isinstance(nav, dict):
        for key, value in nav.items():
            yield from nav_entries(value, str(key))
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_entries(item)


def shown_in_nav(listed: Iterable[str], output: Output, files: Files) -> dict[str, Any]:
    """What the navigation shows of each page it lists, besides what `nav:` says (keys.theme_key).

    A generated HTML page: its front matter and first heading. Markdown (hand-written, or from a
    site's own template): all of it.
    """
    shown: dict[str, Any] = {}
    for path in listed:
        source = output.pages.get(path)
        if source is not None and path in output.html:
            meta, body = htmlpage.split(source)
            shown[path] = [meta, next((heading.text for heading in htmlpage.headings(body) if heading.level == 1), None)]
        elif source is not None:
            shown[path] = digest(source.encode("utf-8"))
        elif (file := files.get_file_from_path(path)) is not None:
            shown[path] = digest(file.content_bytes)
    return shown


@dataclass(frozen=True)
class ThemedPages:
    """The build cache's themed pages for this build, with the key of what every page shares (keys.theme_key)."""

    store: ThemedPageStore
    theme: str
    rendered: RenderedPageStore | None  # the record pages as trustpages rendered them: their keys stand for their sources

    def key(self, path: str, source: str) -> str:
        return keys.themed_page_key(self.theme, path, source, self.rendered.key_of(path) if self.rendered is not None else None)

    def reused(self, key: str) -> ThemedPage | None:
        return self.store.get(key)


def themed_pages(
    config: MkDocsConfig, own: object, folder: Path, shown: Callable[[], dict[str, Any]], rendered: RenderedPageStore | None
) -> ThemedPages | None:
    """The themed pages in `folder`, when this build can trust them to be what it would render (no other plugin changes pages).

    `shown`: what the navigation shows of the pages it lists (shown_in_nav), asked for only when the store opens.
    """
    if changers := page_changers(config, own):
        # A reused page's file is the output this plugin gave MkDocs; another plugin changing pages would be left out.
        log.info(f"build cache not used: another plugin changes pages ({', '.join(changers)})")
        return None
    store = opened(lambda: ThemedPageStore(folder), f"pages ({folder})")
    return ThemedPages(store, keys.theme_key(config, shown()), rendered) if store is not None else None


def finish(themed: ThemedPages | None, generated: Iterable[GeneratedPage], parsed: object, rendered: RenderedPageStore | None) -> None:
    """After a good build: put each reused page's file in the site (last, as MkDocs writes pages), keep what this build used, say what it did."""
    if themed is not None:
        for file in generated:
            if isinstance(file, ReusedPage):
                try:
                    themed.store.copy(file.key, file.abs_dest_path)
                except OSError as exc:
                    raise PluginError(
                        f"build cache: {file.src_uri}: its kept output is gone ({exc.strerror or exc}); build again"
                    ) from None
    if isinstance(parsed, ParsedRecordFiles):
        parsed.save()
    again = ""
    if rendered is not None:
        rendered.prune()
        again = f"; {rendered.rendered} record page(s) rendered again"
    if themed is not None:
        removed = themed.store.save()
        log.info(
            f"build cache: {themed.store.reused} page(s) reused, {themed.store.rendered} rendered, {removed} old one(s) removed{again}"
        )
