"""What MkDocs and Material show around the generated pages, named and worded from content/site.yml.

The header, the browser tab, the theme toggle and the footer come from mkdocs.yml and the theme,
not from our templates: this gives them the site's one name (site.yml) and its language, so a
German site never has an English toggle and the header never names another company.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import escape

from trustpages.buildcache.keys import shared_part_key
from trustpages.records import Site
from trustpages.render.environment import Strings, builtin_templates, template_cache

# Theme partials trustpages overrides (Material's footer); a site's own custom_dir still wins.
OVERRIDES = "theme"


def strings(site: Site, templates: Path | None) -> Strings:
    return Strings.load(site.locale, [folder for folder in (templates, builtin_templates()) if folder is not None and folder.is_dir()])


def name_conflict(configured: str | None, site: Site, title: str) -> str | None:
    """A message when mkdocs.yml's site_name names the site differently from site.yml, else None."""
    if configured in (None, "", site.name, title):
        return None
    return (
        f"mkdocs.yml site_name {configured!r} differs from content/site.yml name {site.name!r}; the site is "
        f"named from site.yml ({title!r}) everywhere. Set site_name: {site.name} in mkdocs.yml to match."
    )


def dress(config: Any, site: Site, templates: Path | None) -> str | None:
    """Name and word the theme's own parts from site.yml; returns the site_name conflict message, if any.

    The theme's templates print these values as they are (MkDocs' Jinja does not autoescape), so
    each is handed over escaped: a site name holding markup is shown as the words typed. A plain
    string, not Markup: where the theme escapes it again for an attribute (`title="{{ config.site_name
    | e }}"`), its tooltips read that attribute back as HTML, which must then still be escaped.
    """
    t = strings(site, templates)
    title = t("home.title", name=site.name)
    conflict = name_conflict(config.site_name, site, title)
    config.site_name = _escaped(title)
    if not config.site_url and site.url:
        # One place for the site's address: canonical links, the site map and link previews follow site.yml.
        config.site_url = site.url.rstrip("/") + "/"
    if not config.repo_url and site.repo_url:
        # The repository the About page promises, linked from every page's header (templates/theme/partials/source.html).
        config.repo_url = str(site.repo_url)
        config.repo_name = config.repo_name or _escaped(urlsplit(str(site.repo_url)).path.strip("/") or str(site.repo_url))
    palette = config.theme.get("palette")
    for option in palette if isinstance(palette, list) else [palette] if palette else []:
        if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
            # Each option's toggle switches to the next scheme: the light one's leads to dark.
            option["toggle"]["name"] = _escaped(t("theme.to_light" if option.get("scheme") == "slate" else "theme.to_dark"))
    config.extra["trustpages_made_with"] = _escaped(t("theme.made_with"))
    config.extra["trustpages_not_found"] = {part: _escaped(t(f"theme.not_found_{part}")) for part in ("title", "text", "home")}
    overrides = str(builtin_templates() / OVERRIDES)
    if overrides not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
    quicken(config.theme)
    return conflict


def _escaped(text: str) -> str:
    """Text as the theme prints it into a page (words, escaped once), as a plain string (see dress)."""
    return str(escape(text))


def quicken(theme: Any) -> None:
    """Make the theme's Jinja environments cheaper for everything that asks it for one this build.

    MkDocs asks once to list the theme's files to copy, and to render pages; Material's search asks
    three times for its language settings. Each gets compiled templates kept between builds (like
    .pyc files) and a loader that lists the theme's files without walking its hidden folders (which
    MkDocs never copies; Material keeps 14,000 icons in one). Templates are found as before.
    """
    if getattr(theme, "trustpages_quickened", False):
        return
    make = type(theme).get_env

    def get_env() -> jinja2.Environment:
        env = make(theme)
        env.loader = _ThemeLoader(theme.dirs)
        if env.bytecode_cache is None:
            env.bytecode_cache = template_cache("trustpages-theme-%s.cache")
        return env

    theme.get_env = get_env
    theme.trustpages_quickened = True


class _ThemeLoader(jinja2.FileSystemLoader):
    """A theme's folders; listing them leaves out hidden folders, as MkDocs leaves out every file in one."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for root in self.searchpath:
            for folder, subfolders, names in os.walk(root, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                where = os.path.relpath(folder, root)
                found.update(name if where == "." else f"{where}/{name}".replace(os.sep, "/") for name in names)
        return sorted(found)


def section_of(page: Any, nav: Any) -> Any | None:
    """The page of the navigation a page outside it belongs under (a record's section: commitments/x/ under commitments/), or None."""
    if page is None or page in nav.pages or getattr(page, "parent", None) is not None:
        return None
    address = str(page.url)
    under = [listed for listed in nav.pages if listed.url and address.startswith(listed.url)]
    return max(under, key=lambda listed: len(listed.url), default=None)


class SectionTab:
    """The section marked active while one of its records renders, as MkDocs marks a listed page (a record page is in no navigation)."""

    def __init__(self) -> None:
        self.page: Any | None = None

    def mark(self, page: Any, nav: Any) -> None:
        self.page = section_of(page, nav)
        if self.page is not None:
            self.page.active = True

    def unmark(self) -> None:
        """After the page is rendered: unmarked, as MkDocs unmarks a page."""
        if self.page is not None:
            self.page.active = False
            self.page = None


class SharedParts:
    """The theme's navigation parts of pages outside the navigation (record pages), rendered once per place.

    Material renders the tabs and the sidebars on every page; for a page the navigation does not
    list, nothing in them depends on the page but its folder (their links are relative to it), what it
    hides and its table of contents, so each part is rendered once per such key and reused by
    templates/theme/main.html. Pages the navigation lists (their tab is active) are rendered as usual.
    """

    def __init__(self, listed: Iterable[Any]) -> None:
        self.listed = {id(page) for page in listed}
        self.parts: dict[str, Any] = {}

    def key(self, part: str, page: Any, base_url: str) -> str | None:
        """What `part` of `page` depends on, or None when the page is in the navigation (not shared)."""
        if page is None or id(page) in self.listed or getattr(page, "parent", None) is not None:
            return None
        hide = (page.meta or {}).get("hide")
        toc = _toc_signature(page.toc) if part == "site_nav" else None
        # Links are made relative to the page's address: pages in the same folder share them.
        folder = posixpath.dirname(str(page.url).rstrip("/"))
        return shared_part_key(part, base_url, folder, hide, toc)

    def get(self, key: str | None) -> Any:
        return self.parts.get(key) if key is not None else None

    def put(self, key: str | None, rendered: Any) -> Any:
        if key is not None:
            self.parts[key] = rendered
        return rendered


def _toc_signature(toc: Iterable[Any]) -> list[Any]:
    """A table of contents as the sidebar shows it (Material drops a first level-1 heading and shows its children)."""
    items = list(toc)
    if items and getattr(items[0], "level", None) == 1:
        items = list(items[0].children)
    return [[item.title, item.url, getattr(item, "typeset", None), _toc_signature(item.children)] for item in items]
