"""The MkDocs plugin: runs the trustpages pipeline and hands its pages to MkDocs in memory (a thin adapter over trustpages.mkdocs)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from trustpages import opendata, theme
from trustpages.asof import default_as_of, parse_day
from trustpages.buildcache.parsed import ParsedRecordFiles
from trustpages.buildcache.rendered import RenderedPageStore
from trustpages.collector import fewer_collections
from trustpages.mkdocs import buildlog, cache, dressing, head, languages, search, sitemap
from trustpages.mkdocs.options import TrustConfig
from trustpages.mkdocs.pages import GeneratedPage, HtmlPage, ReusedPage, add
from trustpages.nav import default_nav
from trustpages.pipeline import build_site, default_templates
from trustpages.problems import Problem, UsageError
from trustpages.records import RecordSet
from trustpages.render import Output, PageCache
from trustpages.strings import override_problems
from trustpages.yamlsource import Document

__all__ = ["TrustConfig", "TrustPlugin", "default_nav"]
log = get_plugin_logger(__name__)


class TrustPlugin(BasePlugin[TrustConfig]):
    """Validates content/ before anything is written, then adds every generated page."""

    output: Output | None = None
    memory: PageCache | None = None  # while serving: record pages as last rendered, kept in memory across rebuilds
    previous: dict[str, str] | None = None  # while serving: each page's source in the last build
    records: RecordSet | None = None  # the records of the last good build
    showing: tuple[Problem, ...] = ()  # while serving: the errors the preview shows on every page until they are fixed
    parsed: dict[bytes, Document] | None = None  # the record files as last parsed: kept in memory while serving, else the build cache's
    alternates: tuple[opendata.Alternate, ...] = ()  # the feeds every page's <head> announces
    serving = False
    nav: Navigation | None = None
    rendered: RenderedPageStore | None = None  # the build cache's record pages as trustpages rendered them, when cache_dir is set
    themed: cache.ThemedPages | None = None  # and its pages as the theme rendered them, when this build can reuse them
    generated: tuple[GeneratedPage, ...] = ()  # this build's generated pages, in the order MkDocs has them
    files: Files | None = None  # this build's files
    tab: theme.SectionTab  # the section marked active while one of its record pages renders

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds: saving one record
        # re-renders only the pages that show it. A single build has nothing to reuse (and would keep every record).
        serving = self.serving = command == "serve"
        self.memory = PageCache() if serving else None
        self.previous = {} if serving else None
        self.parsed = {} if serving else None

    @event_priority(50)  # before other plugins' on_config: Material's search reads the language set here
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Runs before MkDocs cleans site_dir: bad records fail here and the last good site stays.
        as_of, content, templates = self._as_of(), Path(self.config.content_dir), self._templates(config)
        self.tab = theme.SectionTab()
        if wrong := override_problems(templates):  # a string a page cannot fill would fail mid-build, as a traceback
            raise PluginError(f"trustpages found {len(wrong)} error(s) in the site's strings:\n" + "\n".join(p.human() for p in wrong))
        folder = self._cache_folder(config) if self.config.cache_dir and not self.serving else None
        self.rendered = cache.opened(lambda: RenderedPageStore(folder / "render"), "record pages") if folder else None
        if not self.serving:
            self.parsed = cache.opened(lambda: ParsedRecordFiles(folder), "record files") if folder else None
        with fewer_collections():  # thousands of records make millions of objects, few of them cyclic
            built = build_site(
                content, as_of, templates, cache=self.memory or self.rendered, parsed=self.parsed, log=buildlog.published_log()
            )
        if built.errors:
            report = "\n".join(problem.human() for problem in built.problems)
            if self.memory is None or self.records is None:  # a build, or a preview with no good version yet
                raise PluginError(f"trustpages found {len(built.errors)} error(s) in {content}:\n{report}")
            # A preview keeps the last good pages and shows the problems on each of them, as well as
            # here, until they are fixed: a comms person looks at the browser, not the terminal.
            log.error(f"trustpages found {len(built.errors)} error(s) in {content}; the preview shows the last good version:\n{report}")
            self.showing, self.previous = tuple(built.errors), {}  # every page is built again, so each one shows the problems
            return self._dress(config, self.records, templates)
        if self.showing:
            self.showing, self.previous = (), {} if self.previous is not None else None  # fixed: every page again, without them
        # Warnings are about what the company did (a late postmortem), not a broken site: they fail `check --strict`
        # on pull requests but never stop the site from publishing, or it would go stale and quietly flatter the company.
        for problem in built.warnings:
            log.info(problem.human())
        log.info(f"{len(built.warnings)} warning(s) in {content}; `trustpages check {content}` also gives plain-language advice")
        assert built.records is not None and built.history is not None  # no errors: the records loaded and were rendered
        buildlog.say_history(built.history)
        self.output, self.alternates, self.records = built.output, built.alternates, built.records
        return self._dress(config, built.records, templates)

    def _dress(self, config: MkDocsConfig, records: RecordSet, templates: Path | None) -> MkDocsConfig:
        if conflict := dressing.dress(config, records.site, templates):
            log.info(conflict)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.output is not None
        languages.publish_in_language(files, config, self.records.site.locale if self.records is not None else "en")
        entries = list(cache.nav_entries(config.nav))
        titles, untitled = {path: title for title, path in entries}, {path for title, path in entries if title is None}
        themed = self.themed = self._themed_pages(config, files, {path for _, path in entries})
        generated = []
        for path, source in self.output.pages.items():
            html = path in self.output.html
            key = themed.key(path, source) if themed is not None and html and path not in untitled else None  # untitled: named from it
            kept = themed.reused(key) if themed is not None and key is not None else None
            if kept is not None and key is not None:
                file: GeneratedPage = ReusedPage.reuse(config, path, source, kept, key)
            else:
                same = self.previous is not None and self.previous.get(path) == source
                file = GeneratedPage.make(config, path, source, html=html, same_as_before=same, themed_key=key)
                if html:  # MkDocs uses this page rather than making a Markdown one (the navigation's title with it)
                    HtmlPage(titles.get(path), file, config)
            add(files, file)
            generated.append(file)
        self.generated, self.files = tuple(generated), files
        if self.previous is not None:
            self.previous = self.output.pages
        for path, data in self.output.assets.items():
            # Explicitly included: MkDocs leaves out paths starting with '.', which would drop .well-known/security.txt.
            add(files, File.generated(config, path, content=data, inclusion=InclusionLevel.INCLUDED))
        return files

    def _themed_pages(self, config: MkDocsConfig, files: Files, listed: set[str]) -> cache.ThemedPages | None:
        """The build cache's themed pages, when there is one (a preview builds only what changed already)."""
        if not self.config.cache_dir or self.serving or self.output is None:
            return None
        output = self.output
        return cache.themed_pages(
            config, self, self._cache_folder(config) / "pages", lambda: cache.shown_in_nav(listed, output, files), self.rendered
        )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        for page in nav.pages:
            if isinstance(page.file, ReusedPage):  # listed, not built: the navigation shows some of its front matter (icon, status)
                page.meta = dict(page.file.themed.meta)
        return nav

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        """A record page, in no navigation, keeps its section's tab highlighted while it renders (as MkDocs marks a page)."""
        self.tab.mark(page, nav)
        return context

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Every page is read by now (titles, contents, the navigation), and none is rendered yet."""
        if self.nav is not None:
            env.globals["trustpages_shared"] = theme.SharedParts(self.nav.pages)
        if (found := search.search_plugin(config)) is not None:
            search.add_entries(found.search_index, self.generated)  # type: ignore[attr-defined]  # search_plugin checked it has one
        return env

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == "sitemap.xml" and self.files is not None:
            return sitemap.with_reused_pages(context, self.generated, self.files, config)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.tab.unmark()
        output = head.announced(output, page, config, self.alternates)
        if self.showing:
            output = head.with_problems(output, self.showing)
        if self.themed is not None and isinstance(page, HtmlPage) and page.indexed_here and page.file.themed_key:
            entries = page.search_entries if search.search_plugin(config) is not None else []
            self.themed.store.put(page.file.themed_key, output, entries, page.read_meta)
        return output

    @event_priority(100)  # before other plugins' on_post_build, which may read the built site
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        cache.finish(self.themed, self.generated, self.parsed, self.rendered)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        if (templates := self._templates(config)) is not None:
            server.watch(str(templates))
        return server

    def _as_of(self) -> date:
        try:
            return default_as_of() if self.config.as_of is None else parse_day(self.config.as_of, "as_of")
        except UsageError as exc:  # one plain message, not a traceback
            raise PluginError(f"trustpages: {exc}") from None

    def _templates(self, config: MkDocsConfig) -> Path | None:
        if self.config.templates_dir:
            return Path(self.config.templates_dir)
        return default_templates(Path(config.config_file_path or ".").parent)

    def _cache_folder(self, config: MkDocsConfig) -> Path:
        return cache.folder(config, str(self.config.cache_dir), self.config.content_dir, self._templates(config))
