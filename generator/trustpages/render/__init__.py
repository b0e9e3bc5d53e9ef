"""The build's numbers -> {page path: page source (HTML, or Markdown from a site's own .md.j2)} and the stylesheet: the site's
pages, before any builder sees them (open data is the pipeline's next step: trustpages.pipeline)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape

from trustpages import kinds, opendata, timeline
from trustpages.buildcache.keys import PageInputs
from trustpages.history import History
from trustpages.numbers import Numbers
from trustpages.opendata.keeper import Keeper
from trustpages.publiclog.log import Log
from trustpages.render import htmlpage, listings
from trustpages.render.context import HOME_LIMIT, page_context
from trustpages.render.environment import builtin_templates, make_environment, relative_url, render_page, share, template_for
from trustpages.render.htmlpage import HTML_SUFFIX
from trustpages.render.listings import INDEX_LIMIT, LISTING_SIZE
from trustpages.render.replaced import replaced
from trustpages.strings import Strings
from trustpages.timeline.events import Event

__all__ = ["HOME_LIMIT", "INDEX_LIMIT", "LISTING_SIZE", "STYLESHEET", "Output", "PageCache", "render_site"]

STYLESHEET = "assets/trustpages.css"


@dataclass(frozen=True)
class Output:
    """Everything the site needs from trustpages; paths are relative to the docs folder.

    Each page is its source with YAML front matter: HTML for the pages of `html` (from `*.html.j2`
    templates: headings carry their ids, the builder need not convert them), else Markdown.
    """

    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, bytes] = field(default_factory=dict)
    html: frozenset[str] = frozenset()


class PageCache(Keeper):
    """Record pages of the previous render with the inputs each was made from.

    `mkdocs serve` keeps one across rebuilds, so saving one YAML file re-renders only the record
    pages whose inputs changed (the record, the records its page shows, its history, the
    templates, the site settings, as_of), and the pages of a long list whose records changed;
    section pages are always rendered again. The open data it makes afresh (Keeper).
    """

    def __init__(self) -> None:
        self.pages: dict[str, tuple[PageInputs, tuple[str, bool]]] = {}  # path -> (inputs, (source, is HTML))
        self.rendered = 0  # record pages rendered (not reused) by the last render_site

    def get(self, path: str, inputs: PageInputs) -> tuple[str, bool] | None:
        cached = self.pages.get(path)
        return cached[1] if cached is not None and cached[0] == inputs else None

    def put(self, path: str, inputs: PageInputs, page: tuple[str, bool]) -> None:
        self.pages[path] = (inputs, page)


def render_site(
    numbers: Numbers,
    strings: Strings,
    events: Sequence[Event],
    templates: Path | None = None,
    *,
    history: History | None = None,
    cache: PageCache | None = None,
    log: Log | None = None,
) -> Output:
    """Render every page from the records as `numbers` counted them; `templates` is the site's own override folder.

    The pages word by `strings` and show the record's `events` (trustpages.timeline.record); the
    numbers and events are the build's (trustpages.pipeline), so the open data says the same.
    `history` (trustpages.history.record_history) fills each record page's history; without it the
    pages say that history is not available. `cache` reuses record pages whose inputs did not change
    since the last call with the same cache. The assets are the stylesheet and the public log's files.
    """
    site = numbers.records.site
    env = make_environment(templates, site.locale, site.timezone, strings)
    context = page_context(numbers, env, strings, events, history, log)
    share(env, context, template_for(env, "_macros"))
    made = _Pages(env, strings, templates, cache, _shared_inputs(numbers, templates, history) if cache is not None else ())
    _make_every_page(made, numbers, context, history, log)
    assets = {**(log.files() if log is not None else {}), STYLESHEET: _stylesheet(templates)}
    return Output(made.pages, assets, frozenset(made.html))


class _Pages:
    """The pages of one render so far (and which are HTML), each rendered from its template or reused from the cache."""

    def __init__(
        self, env: Environment, strings: Strings, templates: Path | None, cache: PageCache | None, shared: tuple[Any, ...]
    ) -> None:
        self.env, self.strings, self.cache = env, strings, cache
        self.shared = shared  # what every record page shows; read only when there is a cache
        self.own = replaced(templates)  # number pages the site's own templates replace: each says so
        self.templates_of: dict[str, str] = {}  # page name (the registry's) -> its template, .html.j2 or .md.j2
        self.pages: dict[str, str] = {}
        self.html: set[str] = set()
        if cache is not None:
            cache.rendered = 0

    def page(self, path: str, name: str, **extra: Any) -> None:
        """Render the page `name` (the registry's page name) at `path`, with `extra` over the shared context."""
        template = self.templates_of.get(name) or self.templates_of.setdefault(name, template_for(self.env, name))
        self.pages[path] = _render(self.env, template, path, extra)
        if name in self.own:
            said = self.strings("replaced.note", file=f"templates/{self.own[name].name}")
            link = relative_url(path, "api/v1/summary.json")
            self.pages[path] += (
                f'\n\n<p class="tp-replaced" role="note" data-search-exclude>{escape(said)} <a href="{link}">{escape(self.strings("replaced.link"))}</a></p>\n'
            )
        if template.endswith(HTML_SUFFIX):
            self.html.add(path)

    def reused_page(self, path: str, name: str, inputs: tuple[Any, ...], **extra: Any) -> None:
        """A page that shows only `inputs` (besides what every page shares), reused from the cache while they are unchanged."""
        if self.cache is None:
            self.page(path, name, **extra)
            return
        made_from = PageInputs(self.shared, inputs)
        reused = self.cache.get(path, made_from)
        if reused is None:
            self.page(path, name, **extra)
            self.cache.put(path, made_from, (self.pages[path], path in self.html))
            self.cache.rendered += 1
        else:
            self.pages[path], is_html = reused
            if is_html:
                self.html.add(path)


def _make_every_page(made: _Pages, numbers: Numbers, context: dict[str, Any], history: History | None, log: Log | None) -> None:
    """Every section and record page the registry names (trustpages.kinds) in the navigation's order, then the long lists,
    the record over time, open data and the public log."""
    made.page(kinds.HOME.path, kinds.HOME.template)
    for kind in kinds.kinds():
        if kind.section is not None:
            made.page(kind.section.path, kind.section.template)
        for record in kind.of(numbers.records) if kind.page is not None else ():
            # A record page shows its record, the records it names or that name it, and its history.
            inputs = (record, kind.related(context, record), history.of(kind.name, record.id) if history is not None else ())
            made.reused_page(f"{kind.folder}/{record.id}.md", kind.page, inputs, **{kind.name: record})  # type: ignore[arg-type]
    for listing in listings.listings(listings.groups(context)):
        made.reused_page(
            listing.path, "listing", ("listing", listing), **listing.context()
        )  # its rows' records, and where it is in the list
    for record_page in timeline.every_page(context["timeline"]):
        made.page(record_page.path, kinds.RECORD.template, timeline_page=record_page)
    made.page(
        kinds.OPEN_DATA.path,
        kinds.OPEN_DATA.template,
        outputs=opendata.catalogue(numbers.records),
        version=opendata.VERSION,
        feed_entries=opendata.feeds.FEED_ENTRIES,
    )
    made.page(kinds.PUBLIC_LOG.path, kinds.PUBLIC_LOG.template, public_log=log, backdated_all=numbers.published.backdated)


def _shared_inputs(numbers: Numbers, templates: Path | None, history: History | None) -> tuple[Any, ...]:
    """What every record page shows besides its own inputs: a change to any of these renders them all again."""
    return (
        _templates_fingerprint(templates),
        numbers.as_of,
        numbers.records.site,
        history is not None and history.available,
        history is not None and history.is_shallow,
    )


def _render(env: Environment, template: str, path: str, extra: dict[str, Any]) -> str:
    source = render_page(env, template, path, **extra)
    return htmlpage.finish(source) if template.endswith(HTML_SUFFIX) else source


def _templates_fingerprint(templates: Path | None) -> tuple[tuple[str, str], ...]:
    """A hash of every template and string file in use: any edit invalidates cached pages."""
    return tuple(
        (str(path), hashlib.sha256(path.read_bytes()).hexdigest())
        for folder in (templates, builtin_templates())
        if folder is not None and folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )


def _stylesheet(templates: Path | None) -> bytes:
    for folder in (templates, builtin_templates()):
        if folder is not None and (folder / STYLESHEET).is_file():
            return (folder / STYLESHEET).read_bytes()
    raise FileNotFoundError(STYLESHEET)  # pragma: no cover - shipped with the package
