"""The site map lists every page, the ones the build cache reused too, in the order of the site's files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from trustpages.buildcache.themed import ThemedPage
from trustpages.mkdocs.pages import GeneratedPage, ReusedPage
from trustpages.mkdocs.sitemap import with_reused_pages

SOURCE = "<h1>Page</h1>"


def test_reused_pages_are_listed_where_their_files_are(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config()
    first = GeneratedPage.make(config, "a.md", SOURCE, html=True, same_as_before=False, themed_key=None)
    kept = ReusedPage.reuse(config, "b.md", SOURCE, ThemedPage("digest", [], {}), "key")
    last = GeneratedPage.make(config, "c.md", SOURCE, html=True, same_as_before=False, themed_key=None)
    built = [Page(None, first, config), Page(None, last, config)]
    context: dict[str, Any] = {"pages": [page.file for page in built]}
    listed = with_reused_pages(context, [first, kept, last], Files([first, kept, last]), config)
    assert [file.src_uri for file in listed["pages"]] == ["a.md", "b.md", "c.md"]
    assert kept.page is not None and kept.page.url == "b/"  # the address MkDocs would give it, for the map's <loc>


def test_without_reused_pages_the_context_is_mkdocs_own(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config()
    page = GeneratedPage.make(config, "a.md", SOURCE, html=True, same_as_before=False, themed_key=None)
    other = GeneratedPage.make(config, "left-out.md", SOURCE, html=True, same_as_before=False, themed_key=None)
    context: dict[str, Any] = {"pages": [page]}
    assert with_reused_pages(context, [page, other], Files([page, other]), config)["pages"] == [page]
