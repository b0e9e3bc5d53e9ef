"""The generated pages as MkDocs sees them: files held in memory, HTML pages it converts nothing in, and pages the build cache reuses."""

from __future__ import annotations

import html
import os
from functools import cached_property
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from trustpages.buildcache.themed import ThemedPage
from trustpages.render import htmlpage


def add(files: Files, file: File) -> None:
    """Add a generated file to the site's files; a PluginError when a hand-written file has its path."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        raise PluginError(f"{existing.abs_src_path} has the same path as a page trustpages generates ({file.src_uri}); rename or remove it")
    files.append(file)


class GeneratedPage(File):
    """A page trustpages generated; under `mkdocs serve --dirty`, built again only when its source changed.

    MkDocs counts a file held in memory as modified on every build, which would turn each save
    into a build of every page.
    """

    html: bool  # rendered from an .html.j2 template: MkDocs has nothing to convert
    same_as_before: bool  # the same source as this page had in the last build (serve)
    themed_key: str | None  # its key in the build cache's themed pages, when the cache keeps pages like it

    @classmethod
    def make(
        cls, config: MkDocsConfig, path: str, source: str, *, html: bool, same_as_before: bool, themed_key: str | None
    ) -> GeneratedPage:
        file = cls.generated(config, path, content=source)
        assert isinstance(file, GeneratedPage)  # MkDocs types it as File
        file.html, file.same_as_before, file.themed_key = html, same_as_before, themed_key
        return file

    def is_modified(self) -> bool:
        return not (self.same_as_before and os.path.isfile(self.abs_dest_path))


class ReusedPage(GeneratedPage):
    """A page whose output the build cache kept: MkDocs counts it as a file to copy, not a page to build.

    It has a page's address, so links to it from other pages and the site map still find it; the
    plugin adds its search entries and copies its file from the cache after the build, as MkDocs
    would write the page last.
    """

    themed: ThemedPage
    key: str  # its key in the build cache's themed pages

    @classmethod
    def reuse(cls, config: MkDocsConfig, path: str, source: str, themed: ThemedPage, key: str) -> ReusedPage:
        file = cls.make(config, path, source, html=True, same_as_before=False, themed_key=key)
        assert isinstance(file, ReusedPage)
        file.themed, file.key = themed, key
        # Where MkDocs would write it as a page (as a file to copy it would keep its .md name).
        file.dest_uri = File(path, None, config.site_dir, config.use_directory_urls).dest_uri
        return file

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass  # the build cache writes it (trustpages.mkdocs.cache.finish)


class HtmlPage(Page):
    """A page trustpages rendered as HTML: MkDocs reads its front matter, headings and anchors, and converts nothing.

    The plugin makes it when it adds the page's file, with the title the navigation gives it, so
    MkDocs uses it rather than making a Markdown page of it.
    """

    file: GeneratedPage
    # Its search entries come from the plugin (the theme's parsing is off for it); set as it is read, and a page
    # MkDocs does not read (unchanged under `serve --dirty`) adds none.
    indexed_here = False
    read_meta: dict[str, Any]  # its front matter as read (the build cache keeps it)
    _body: str

    def read_source(self, config: MkDocsConfig) -> None:
        self.meta, self._body = htmlpage.split(self.file.content_string)
        self.markdown = ""  # nothing to convert; MkDocs counts a page as read once this is set
        # The theme prints the title unescaped in the header, the tab and the navigation, and reads
        # it as HTML in <title>: escaped words only, from front matter or else the first heading.
        if "title" in self.meta:
            self.meta["title"] = htmlpage.escaped_title(str(self.meta["title"]))
        elif (heading := next((heading.text for heading in htmlpage.headings(self._body) if heading.level == 1), None)) is not None:
            self.meta["title"] = html.escape(heading, quote=False)
        self.indexed_here = "search" not in self.meta
        if self.indexed_here:
            self.meta["search"] = {"exclude": True}  # the theme's search would parse the HTML; the plugin adds its entries
        self.read_meta = dict(self.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self._body
        headings = list(htmlpage.headings(self._body))
        self.toc = get_toc(htmlpage.toc_tokens(headings))  # type: ignore[arg-type]  # the same keys as Markdown's tokens
        self._title_from_render = next((html.escape(heading.text, quote=False) for heading in headings if heading.level == 1), None)
        self.present_anchor_ids = htmlpage.anchors(self._body)

    @cached_property
    def search_entries(self) -> list[dict[str, str]]:
        """Its entries for the theme's search index, as the theme would make them (htmlpage.search_sections), from its content as built."""
        if self.content is None:
            raise RuntimeError(f"{self.file.src_uri}: its search entries are asked for before MkDocs rendered it")
        # Material shows a result's title and text as HTML: each is escaped words (the page's title too, see read_source).
        return [
            {"location": f"{self.url}#{section.id}" if section.id else self.url, "title": section.title or self.title or "", "text": section.text}
            for section in htmlpage.search_sections(self.content)
        ]  # fmt: skip
