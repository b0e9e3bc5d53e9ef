"""The theme's search index: which plugin keeps it, and the entries trustpages adds to it for the pages it generated."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from trustpages.mkdocs.pages import GeneratedPage, HtmlPage, ReusedPage

_SEARCH_PLUGINS = ("search", "material/search")  # MkDocs' own, and Material's (what `search` is under Material)


def search_plugin(config: MkDocsConfig) -> BasePlugin[Any] | None:
    """The plugin whose search index trustpages adds its pages' entries to, when the site has one (its entries are a list of dicts)."""
    for name in _SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        if isinstance(getattr(getattr(plugin, "search_index", None), "entries", None), list):
            return plugin
    return None


def add_entries(index: Any, generated: Iterable[GeneratedPage]) -> None:
    """Add each generated page's entries to the index, in the order MkDocs read the pages: a reused page's as kept, a built one's as read."""
    for file in generated:
        if isinstance(file, ReusedPage):
            index.entries.extend(file.themed.search)
        elif isinstance(file.page, HtmlPage) and file.page.indexed_here:
            index.entries.extend(file.page.search_entries)
