"""The site map lists the pages the build cache reused too, where MkDocs would have listed them (it lists the pages it builds)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from trustpages.mkdocs.pages import GeneratedPage, ReusedPage


def with_reused_pages(context: Any, generated: Sequence[GeneratedPage], files: Files, config: MkDocsConfig) -> Any:
    """sitemap.xml's template context, its `pages` holding each reused page in the order of the site's files."""
    if not any(isinstance(file, ReusedPage) for file in generated):
        return context
    built = {id(file) for file in context["pages"]}
    for file in generated:
        if isinstance(file, ReusedPage) and file.page is None:
            Page(None, file, config)  # its address and date, as MkDocs gives a page
    context["pages"] = [file for file in files if id(file) in built or isinstance(file, ReusedPage)]
    return context
