"""The MkDocs plugin: runs the trustpages pipeline and hands its pages to MkDocs in memory."""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, cast

import jinja2
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from trustpages import buildcache, cachefolder, handwritten, opendata, theme
from trustpages.asof import default_as_of, parse_day
from trustpages.buildcache import Kept, PageStore, ParsedStore, RenderStore, Unread
from trustpages.collector import fewer_collections
from trustpages.history import History
from trustpages.nav import default_nav
from trustpages.outfolder import Protected, UnsafeOutput
from trustpages.pipeline import build_site, default_templates
from trustpages.problems import Problem, UsageError
from trustpages.publiclog import served
from trustpages.publiclog.log import Log, LogError
from trustpages.records import RecordSet
from trustpages.render import STYLESHEET, Output, PageCache, htmlpage
from trustpages.render.cards import TableCards
from trustpages.strings import override_problems
from trustpages.yamlsource import Document

log = get_plugin_logger(__name__)


class TrustConfig(base.Config):
    content_dir = c.Dir(exists=False, default="content")
    """Folder holding site.yml and the record folders, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Dir(exists=True))
    """Folder of templates overriding built-in ones by name (default: templates/ when it exists)."""
    as_of = c.Optional(c.Type(str))
    """Date the numbers are computed for, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's date, else today)."""
    cache_dir = c.Optional(c.Type(str))
    """Folder for the build cache: each generated page as last rendered, reused while its inputs are the same (see generator/trustpages/buildcache.py)."""
    builder = c.Choice(("mkdocs", "zensical"), default="mkdocs")
    """What `trustpages build` builds the site with: mkdocs (MkDocs + Material) or zensical (see generator/trustpages/zensical.py)."""


class _Generated(File):
    """A generated page; under `mkdocs serve --dirty`, built again only when its source changed.

    MkDocs counts a file held in memory as modified on every build, which would turn each save
    into a build of every page.
    """

    same_as_before = False  # the plugin sets it: the same source as this page had in the last build
    html = False  # rendered from an .html.j2 template: MkDocs has nothing to convert
    cache_key = ""  # its inputs' hash, when the build cache keeps pages like it

    def is_modified(self) -> bool:
        return not (self.same_as_before and os.path.isfile(self.abs_dest_path))


class _KeptFile(_Generated):
    """A page the build cache kept: MkDocs counts it as a file to copy, not a page to build.

    It keeps the page's address (set before it became one), so links to it from other pages and
    the site map still find it; the plugin adds its search entries and links its file from the
    cache after the build (on_post_build), as MkDocs would write the page last.
    """

    kept: Kept

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass


class _HtmlPage(Page):
    """A page trustpages rendered as HTML: MkDocs reads its front matter, headings and anchors, and converts nothing.

    MkDocs makes every page a Page before plugins see it (the navigation's titles come with it),
    so the plugin turns a generated HTML page into this kind in `on_pre_page`.
    """

    file: _Generated
    _body = ""
    indexed_here = False  # its search entries come from the plugin (the theme's parsing is off for it)
    sections: list[dict[str, str]] | None = None  # those entries, added to the theme's index in on_env
    read_meta: dict[str, Any] = {}  # its front matter as read (the build cache keeps it)

    def read_source(self, config: MkDocsConfig) -> None:
        self.meta, self._body = htmlpage.split(self.file.content_string)
        self.markdown = ""  # nothing to convert; MkDocs counts a page as read once this is set
        # The theme prints the title unescaped in the header, the tab and the navigation, and reads
        # it as HTML in <title>: escaped words only, from front matter or else the first heading.
        if "title" in self.meta:
            self.meta["title"] = htmlpage.escaped_title(str(self.meta["title"]))
        elif (heading := next((heading.text for heading in htmlpage.headings(self._body) if heading.level == 1), None)) is not None:
            self.meta["title"] = html.escape(heading, quote=False)
        if "search" not in self.meta:
            self.meta["search"] = {"exclude": True}  # the theme's search would parse the HTML; the plugin adds its entries
            self.indexed_here = True
        self.read_meta = dict(self.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self._body
        headings = list(htmlpage.headings(self._body))
        self.toc = get_toc(htmlpage.toc_tokens(headings))  # type: ignore[arg-type]  # the same keys as Markdown's tokens
        self._title_from_render = next((html.escape(heading.text, quote=False) for heading in headings if heading.level == 1), None)
        self.present_anchor_ids = htmlpage.anchors(self._body)


class TrustPlugin(BasePlugin[TrustConfig]):
    """Validates content/ before anything is written, then adds every generated page."""

    output: Output | None = None
    cache: PageCache | None = None
    previous: dict[str, str] | None = None  # while serving: each page's source in the last build
    records: RecordSet | None = None  # the records of the last good build
    showing: tuple[Problem, ...] = ()  # while serving: the errors the preview shows on every page until they are fixed
    parsed: dict[bytes, Document] | None = None  # the record files as last parsed: kept in memory while serving, else the build cache's
    alternates: tuple[opendata.Alternate, ...] = ()  # the feeds every page's <head> announces
    serving = False
    nav: Navigation | None = None
    store: PageStore | None = None  # the build cache of this build (pages as the theme rendered them), when cache_dir is set
    rendered: RenderStore | None = None  # and of record pages as trustpages rendered them
    generated: list[_Generated]  # this build's generated pages, in the order MkDocs has them
    index: Any = None  # the theme's search index
    _files: Files | None = None  # this build's files, while the build cache is in use

    def __init__(self) -> None:
        super().__init__()
        self.generated = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds, so
        # the page cache survives: saving one record re-renders only the pages that show it.
        # A single build has nothing to reuse, and the cache would keep every record in memory.
        serving = self.serving = command == "serve"
        self.cache = PageCache() if serving else None
        self.previous = {} if serving else None
        self.parsed = {} if serving else None

    @event_priority(50)  # before other plugins' on_config: Material's search reads the language set here
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Runs before MkDocs cleans site_dir: bad records fail here and the last good site stays.
        as_of = self._as_of()
        content = Path(self.config.content_dir)
        # Plain-language advice is for the pull request (`trustpages check`); the site does not
        # depend on it, and at thousands of records it would slow every build and preview.
        templates = self._templates(config)
        if wrong := override_problems(templates):  # a string a page cannot fill would fail mid-build, as a traceback
            raise PluginError(f"trustpages found {len(wrong)} error(s) in the site's strings:\n" + "\n".join(p.human() for p in wrong))
        with fewer_collections():  # thousands of records make millions of objects, few of them cyclic
            cache = self.cache or self._render_store(config)
            built = build_site(
                content,
                as_of,
                templates,
                cache=cache,
                parsed=self.parsed if self.serving else self._parsed_store(config),
                log=_published_log(),
            )
        if built.errors:
            report = "\n".join(problem.human() for problem in built.problems)
            if self.cache is None or self.records is None:  # a build, or a preview with no good version yet
                raise PluginError(f"trustpages found {len(built.errors)} error(s) in {content}:\n{report}")
            # A preview keeps the last good pages and shows the problems on each of them, as well as
            # here, until they are fixed: a comms person looks at the browser, not the terminal.
            log.error(f"trustpages found {len(built.errors)} error(s) in {content}; the preview shows the last good version:\n{report}")
            self.showing = tuple(built.errors)
            self.previous = {}  # every page is built again, so each one shows the problems
            return self._dress(config, self.records, templates)
        if self.showing:
            self.showing, self.previous = (), {} if self.previous is not None else None  # fixed: every page again, without them
        # Warnings are about what the company did (a late postmortem, a missed measurement), not a
        # broken site: they fail `trustpages check --strict` on pull requests, but never stop the
        # site from publishing, or it would go stale and quietly flatter the company.
        for problem in built.warnings:
            log.info(problem.human())
        log.info(f"{len(built.warnings)} warning(s) in {content}; `trustpages check {content}` also gives plain-language advice")
        assert built.records is not None and built.history is not None  # no errors: the records loaded and were rendered
        _log_history(built.history)
        self.output, self.alternates, self.records = built.output, built.alternates, built.records
        return self._dress(config, built.records, templates)

    def _dress(self, config: MkDocsConfig, records: RecordSet, templates: Path | None) -> MkDocsConfig:
        """What MkDocs' configuration needs from the records: the name, stylesheet, extensions, navigation, language."""
        conflict = theme.dress(config, records.site, templates)  # one name, from site.yml
        if conflict:
            log.info(conflict)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        config.markdown_extensions.append(TableCards())  # phones: each table row becomes a card
        # Record pages are reached from their index pages, never from the nav (see default_nav).
        config.validation.nav.omitted_files = logging.DEBUG
        if config.nav is None:  # the registry's sections, in the site's language
            # The theme prints a section's label unescaped, and a site's own strings may word it with `&` or `<`.
            nav = default_nav(Path(config.docs_dir), records.site.locale, templates)
            config.nav = [{str(escape(label)): path for label, path in entry.items()} for entry in nav]
        if records.site.locale != "en" and config.theme.get("language") in (None, "en"):
            config.theme["language"] = records.site.locale
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.output is not None
        self._in_language(files, config)
        self.generated = []
        for path, source in self.output.pages.items():
            page = cast(_Generated, _Generated.generated(config, path, content=source))  # MkDocs types it as File
            page.same_as_before = self.previous is not None and self.previous.get(path) == source
            page.html = path in self.output.html
            self._add(files, page)
            self.generated.append(page)
        if self.previous is not None:
            self.previous = self.output.pages
        self._files = files
        entries = list(_nav_entries(config.nav))
        listed = {path for _, path in entries}
        self._read_sources(lambda file: file.src_uri in listed)  # the navigation shows what they say
        self.store = self._page_store(config, files, entries)
        if self.store is not None:
            self._keep({path for title, path in entries if title is None})
        self._read_sources(lambda file: not isinstance(file, _KeptFile))  # MkDocs builds them
        for path, data in self.output.assets.items():
            # Explicitly included: MkDocs leaves out paths starting with '.' by default, which
            # would silently drop .well-known/security.txt from the built site.
            self._add(files, File.generated(config, path, content=data, inclusion=InclusionLevel.INCLUDED))
        return files

    def _read_sources(self, which: Callable[[_Generated], bool]) -> None:
        """Read the record pages' sources the render cache left unread (buildcache.Unread), of the pages `which` picks."""
        for file in self.generated:
            source = file.content_string
            if isinstance(source, Unread) and which(file):
                assert self.rendered is not None  # only it makes them
                try:
                    file.content_string = self.rendered.read(source)
                except OSError as exc:
                    raise PluginError(
                        f"build cache: {file.src_uri}: its rendered page is gone ({exc.strerror or exc}); build again"
                    ) from None

    def _keep(self, untitled: set[str]) -> None:
        """Turn each generated page whose output the build cache kept into a file MkDocs copies (no-op) and the plugin links.

        A page the navigation lists without a title (`untitled`) is always built: its title there is read from it.
        """
        assert self.store is not None
        made_from = self.rendered.made_from if self.rendered is not None else {}
        for file in self.generated:
            if not file.html or file.src_uri in untitled:
                continue
            file.cache_key = self.store.key(file.src_uri, file.content_string, made_from.get(file.src_uri))
            kept = self.store.get(file.cache_key)
            if kept is not None:
                _ = file.dest_uri, file.url  # worked out now, as a page's: a file to copy would keep its .md name
                file.__class__ = _KeptFile
                cast(_KeptFile, file).kept = kept

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if isinstance(page.file, _Generated) and page.file.html:
            page.__class__ = _HtmlPage  # the same page (the navigation holds it), read and rendered as HTML
        return page

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's entries for the theme's search index, as the theme would make them (htmlpage.search_sections)."""
        if isinstance(page, _HtmlPage) and page.indexed_here and self.index is not None:
            # Material shows a result's title and text as HTML: each is escaped words (the page's title too, see read_source).
            page.sections = [
                {"location": f"{page.url}#{section.id}" if section.id else page.url, "title": section.title or page.title or "", "text": section.text}
                for section in htmlpage.search_sections(html)
            ]  # fmt: skip
        return html

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.index = nav, _search_index(config)
        for page in nav.pages:
            if isinstance(page.file, _KeptFile):  # listed, not built: the navigation shows some of its front matter (icon, status)
                page.meta = dict(page.file.kept.meta)
        return nav

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """The site map lists kept pages too, where MkDocs would have listed them (it lists the pages it builds)."""
        if template_name == "sitemap.xml" and any(isinstance(file, _KeptFile) for file in self.generated):
            pages = context["pages"]
            built = {id(file) for file in pages}
            for file in self.generated:
                if isinstance(file, _KeptFile) and file.page is None:
                    Page(None, file, config)  # its address and date, as MkDocs gives a page
            context["pages"] = [file for file in self._files or () if id(file) in built or isinstance(file, _KeptFile)]
        return context

    def _page_store(self, config: MkDocsConfig, files: Files, entries: list[tuple[str | None, str]]) -> PageStore | None:
        """The build cache of themed pages, when there is one and it can be trusted to give what this build would render."""
        if not self.config.cache_dir or self.serving:
            return None  # a preview builds only what changed already
        events = config.plugins.events
        others = {_name(handler) for event in ("page_markdown", "page_content", "post_page")
                  for handler in events[event] if getattr(handler, "__self__", None) is not self}  # fmt: skip
        if others:
            # A kept page's file is the output this plugin gave MkDocs; another plugin changing pages would be left out.
            log.info(f"build cache not used: another plugin changes pages ({', '.join(sorted(others))})")
            return None
        folder = self._cache_folder(config) / "pages"
        try:
            return PageStore(folder, buildcache.site_key(config, self._listed(entries, files)))
        except OSError as exc:  # a cache that cannot be kept costs time, never the build
            log.info(f"build cache not used: {folder}: {exc.strerror or exc}")
            return None

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Every page is read by now (titles, contents, the navigation), and none is rendered yet."""
        if self.nav is not None:
            env.globals["trustpages_shared"] = theme.SharedParts(self.nav.pages)
        if self.index is not None:  # in the order MkDocs read the pages
            for file in self.generated:
                self.index.entries.extend(file.kept.search if isinstance(file, _KeptFile) else getattr(file.page, "sections", None) or ())
        return env

    @staticmethod
    def _listed(entries: list[tuple[str | None, str]], files: Files) -> dict[str, Any]:
        """What the navigation shows of each page it lists, besides what `nav:` says: its title and front matter (buildcache.site_key)."""
        listed: dict[str, Any] = {}
        for _, path in entries:
            file = files.get_file_from_path(path)
            if isinstance(file, _Generated) and file.html:
                meta, body = htmlpage.split(file.content_string)
                listed[path] = [meta, next((heading.text for heading in htmlpage.headings(body) if heading.level == 1), None)]
            elif file is not None:  # Markdown, hand-written or from a site's own template: all of it
                listed[path] = buildcache.digest(file.content_bytes)
        return listed

    @event_priority(100)  # before other plugins' on_post_build, which may read the built site
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.store is not None:
            self._copy_kept(config)
        again = ""
        if isinstance(self.parsed, ParsedStore):
            self.parsed.save()
        if self.rendered is not None:
            self.rendered.prune()
            again = f"; {self.rendered.rendered} record page(s) rendered again"
        if self.store is not None:
            removed = self.store.save()
            log.info(
                f"build cache: {self.store.reused} page(s) reused, {self.store.rendered} rendered, {removed} old one(s) removed{again}"
            )

    def _copy_kept(self, config: MkDocsConfig) -> None:
        """Put each kept page's file in the site, after everything else is written (as MkDocs writes pages last)."""
        assert self.store is not None
        for file in self.generated:
            if isinstance(file, _KeptFile):
                try:
                    self.store.copy(file.cache_key, file.abs_dest_path)
                except OSError as exc:
                    raise PluginError(
                        f"build cache: {file.src_uri}: its kept output is gone ({exc.strerror or exc}); build again"
                    ) from None

    def _cache_folder(self, config: MkDocsConfig) -> Path:
        """cache_dir, beside mkdocs.yml like content_dir; a PluginError when it is unsafe (cachefolder.check), before it is opened."""
        project = Path(config.config_file_path or ".").parent
        templates = self._templates(config)
        protected = [
            Protected("the docs folder (docs_dir)", Path(config.docs_dir)),
            Protected("the content folder", Path(self.config.content_dir)),
            *([Protected("the templates folder", templates)] if templates is not None else []),
            Protected("the site folder (site_dir)", Path(config.site_dir)),
        ]
        try:
            return cachefolder.check(project / str(self.config.cache_dir), project, protected)
        except UnsafeOutput as exc:
            raise PluginError(f"trustpages: {exc}") from None

    def _parsed_store(self, config: MkDocsConfig) -> ParsedStore | None:
        """With a build cache: record files as last parsed (a preview keeps its own in memory)."""
        self.parsed = None
        if self.config.cache_dir:
            try:
                self.parsed = ParsedStore(self._cache_folder(config))
            except OSError as exc:
                log.info(f"build cache not used for record files: {exc.strerror or exc}")
        return self.parsed

    def _render_store(self, config: MkDocsConfig) -> RenderStore | None:
        """With a build cache: record pages as last rendered, for render_site to reuse (a preview keeps its own in memory)."""
        self.rendered = None
        if self.config.cache_dir and not self.serving:
            try:
                self.rendered = RenderStore(self._cache_folder(config) / "render")
            except OSError as exc:
                log.info(f"build cache not used for record pages: {exc.strerror or exc}")
        return self.rendered

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Announce the feeds in every page's <head>, so feed readers find them from any page."""
        # Relative hrefs, like MkDocs' own links: they work under any subfolder and in `mkdocs serve`,
        # where site_url may be unset or point elsewhere.
        links = "".join(
            f'<link rel="alternate" type="{link.type}" title="{escape(link.title)}" href="{get_relative_url(link.path, page.url)}">'
            for link in self.alternates
        ) + _preview(page, config)
        head, found, rest = output.partition("</head>")
        output = f"{head}{links}{found}{rest}" if found else output
        if self.showing:
            output = _with_problems(output, self.showing)
        if self.store is not None and isinstance(page, _HtmlPage) and page.indexed_here and page.file.cache_key:
            self.store.put(page.file.cache_key, output, page.sections or [], page.read_meta)
        return output

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        templates = self._templates(config)
        if templates is not None:
            server.watch(str(templates))
        return server

    def _in_language(self, files: Files, config: MkDocsConfig) -> None:
        """Publish the hand-written pages in the site's language (about.de.md at /about/ on a German site): handwritten."""
        locale = self.records.site.locale if self.records is not None else "en"
        pages = {file.src_uri: file for file in files.documentation_pages() if file.generated_by is None and file.abs_src_path}
        published = handwritten.published(pages, locale)
        moved = [(uri, file) for uri, file in pages.items() if published.get(uri) != uri]
        for _, file in moved:  # all out first: about.de.md takes about.md's place
            files.remove(file)
        for uri, file in moved:
            if uri in published and file.abs_src_path is not None:
                files.append(File.generated(config, published[uri], abs_src_path=file.abs_src_path))

    @staticmethod
    def _add(files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            raise PluginError(
                f"{existing.abs_src_path} has the same path as a page trustpages generates ({file.src_uri}); rename or remove it"
            )
        files.append(file)

    def _as_of(self) -> date:
        try:
            return default_as_of() if self.config.as_of is None else parse_day(self.config.as_of, "as_of")
        except UsageError as exc:  # one plain message, not a traceback
            raise PluginError(f"trustpages: {exc}") from None

    def _templates(self, config: MkDocsConfig) -> Path | None:
        if self.config.templates_dir:
            return Path(self.config.templates_dir)
        return default_templates(Path(config.config_file_path or ".").parent)


def _name(handler: Any) -> str:
    """A plugin's class name, or a hook file's module name (its events are plain functions)."""
    owner = getattr(handler, "__self__", None)
    return type(owner).__name__ if owner is not None else str(getattr(handler, "__module__", handler))


def _nav_entries(nav: Any, title: str | None = None) -> Iterator[tuple[str | None, str]]:
    """The pages a `nav:` configuration lists (not its links elsewhere), each with the title it gives it, if any."""
    if isinstance(nav, str):
        if "://" not in nav and not nav.startswith("/"):
            yield title, nav
    elif isinstance(nav, dict):
        for key, value in nav.items():
            yield from _nav_entries(value, str(key))
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_entries(item)


def _published_log() -> Log | None:
    """The public log `trustpages publish` hands this build, checked again (it may have crossed a process)."""
    try:
        return served.read_folder()
    except (OSError, LogError) as exc:
        raise PluginError(f"trustpages: the public log to publish cannot be read: {exc}") from None


def _search_index(config: MkDocsConfig) -> Any:
    """Material's search index, when the site uses Material's search (its entries are a list of dicts)."""
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index
    return None


def _preview(page: Page, config: MkDocsConfig) -> str:
    """Link-preview tags (Open Graph) from the page and site.yml: a shared link shows the page's title, not a bare address.

    Titles reach here as escaped words (theme.dress, htmlpage): read back as text, then escaped once for the attribute.
    """
    tags = {
        "og:type": "website",
        "og:site_name": Markup(config.site_name or "").striptags(),
        "og:title": Markup(page.title or "").striptags(),
        "og:description": config.site_description or "",
        "og:url": page.canonical_url or "",
    }
    return "".join(f'<meta property="{name}" content="{escape(value)}">' for name, value in tags.items() if value)


def _with_problems(html: str, problems: tuple[Problem, ...]) -> str:
    """The page with the preview's problems at the top of its body, each as file:line:col: what is wrong."""
    items = "".join(f"<li><code>{escape(problem.human())}</code></li>" for problem in problems)
    box = (
        '<div role="alert" style="margin:0;padding:0.8em 1.2em;background:#fde8e8;color:#7a1010;border-bottom:3px solid #b71c1c">'
        f"<strong>{len(problems)} problem(s) in your records. This preview shows the last good version until they are fixed:</strong>"
        f"<ul>{items}</ul></div>"
    )
    start = html.find("<body")
    end = html.find(">", start) if start != -1 else -1
    return f"{html[: end + 1]}{box}{html[end + 1 :]}" if end != -1 else box + html


def _log_history(history: History) -> None:
    """Say why record pages lack (some) history; each page says it too."""
    if history.is_shallow:
        # CI checkouts are shallow unless asked otherwise (actions/checkout defaults to fetch-depth: 1).
        log.info("record history is incomplete: this is a shallow clone; build with full history (fetch-depth: 0)")
    elif not history.available:
        # Outside a repository is a supported way to build; git failing inside one is not, so it warns.
        (log.warning if history.reason == "git_error" else log.info)(f"record history not available: {history.detail}")
    for commit in history.skipped:
        # Like the warnings about records, an odd commit must not stop the site from publishing,
        # which a warning would under `mkdocs build --strict`.
        log.info(commit.explain())
