"""The theme's search index: the plugin that keeps it, and the entries of trustpages' own pages, reused ones as kept."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from trustpages.buildcache.themed import ThemedPage
from trustpages.mkdocs.pages import GeneratedPage, HtmlPage, ReusedPage
from trustpages.mkdocs.search import add_entries, search_plugin

SOURCE = '<h1 id="a">Alpha</h1><p>Text.</p><h2 id="more">More</h2><p>Else.</p>'
KEPT = [{"location": "kept/", "title": "Kept", "text": "As the last build indexed it."}]


def test_materials_search_keeps_the_index(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config("theme: material", "plugins: [search]")  # under Material, `search` is material/search
    material = config.plugins["material/search"]
    material.on_config(config)  # where it makes its index
    assert search_plugin(config) is material


def test_no_index_is_added_to_without_a_search_plugin_that_keeps_a_list_of_entries(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    assert search_plugin(mkdocs_config("plugins: []")) is None
    config = mkdocs_config("plugins: [search]")
    config.plugins["search"].on_pre_build(config=config)
    assert search_plugin(config) is None  # MkDocs' own index keeps its entries privately (_entries)


def test_each_generated_page_adds_its_entries_in_order_and_a_page_that_opts_out_none(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config()

    def html_page(path: str, source: str) -> GeneratedPage:
        file = GeneratedPage.make(config, path, source, html=True, same_as_before=False, themed_key=None)
        page = HtmlPage(None, file, config)
        page.read_source(config)
        page.render(config, Files([file]))
        return file

    built = html_page("a.md", SOURCE)
    reused = ReusedPage.reuse(config, "kept.md", SOURCE, ThemedPage("digest", KEPT, {}), "key")
    opted_out = html_page("b.md", f"---\nsearch:\n  exclude: true\n---\n{SOURCE}")
    markdown = GeneratedPage.make(config, "c.md", "# Markdown\n", html=False, same_as_before=False, themed_key=None)
    Page(None, markdown, config)  # the theme indexes a Markdown page itself
    index = SimpleNamespace(entries=[{"location": "", "title": "Home", "text": ""}])
    add_entries(index, [built, reused, opted_out, markdown])
    assert [entry["location"] for entry in index.entries] == ["", "a/", "a/#more", "kept/"]
