"""What MkDocs and Material show around the generated pages, named and worded from content/site.yml.

The header, the browser tab, the theme toggle and the footer come from mkdocs.yml and the theme,
not from our templates: this gives them the site's one name (site.yml) and its language, so a
German site never has an English toggle and the header never names another company.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.records import Site
from generator.render.environment import Strings, builtin_templates

# Theme partials trustpages overrides (Material's footer); a site's own custom_dir still wins.
OVERRIDES = "theme"


def site_title(site: Site, templates: Path | None) -> str:
    """The site's name as its home page heading says it: "Tallyhouse in the open"."""
    return strings(site, templates)("home.title", name=site.name)


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
    """Name and word the theme's own parts from site.yml; returns the site_name conflict message, if any."""
    t = strings(site, templates)
    title = t("home.title", name=site.name)
    conflict = name_conflict(config.site_name, site, title)
    config.site_name = title
    palette = config.theme.get("palette")
    for option in palette if isinstance(palette, list) else [palette] if palette else []:
        if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
            # Each option's toggle switches to the next scheme: the light one's leads to dark.
            option["toggle"]["name"] = t("theme.to_light" if option.get("scheme") == "slate" else "theme.to_dark")
    config.extra["trustpages_made_with"] = t("theme.made_with")
    overrides = str(builtin_templates() / OVERRIDES)
    if overrides not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
    return conflict
