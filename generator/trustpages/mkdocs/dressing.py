"""What MkDocs' configuration needs from the records: the name, stylesheet, extensions, navigation and language."""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig

from trustpages import theme
from trustpages.nav import default_nav
from trustpages.records import Site
from trustpages.render import STYLESHEET
from trustpages.render.cards import TableCards


def dress(config: MkDocsConfig, site: Site, templates: Path | None) -> str | None:
    """Dress `config` for the site in place; returns the message when mkdocs.yml names the site otherwise (theme.dress)."""
    conflict = theme.dress(config, site, templates)  # one name, from site.yml
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if "attr_list" not in config.markdown_extensions:
        config.markdown_extensions.append("attr_list")
    config.markdown_extensions.append(TableCards())  # phones: each table row becomes a card
    # Record pages are reached from their index pages, never from the nav (see default_nav).
    config.validation.nav.omitted_files = logging.DEBUG
    if config.nav is None:  # the registry's sections, in the site's language
        # The theme prints a section's label unescaped, and a site's own strings may word it with `&` or `<`.
        nav = default_nav(Path(config.docs_dir), site.locale, templates)
        config.nav = [{str(escape(label)): path for label, path in entry.items()} for entry in nav]
    if site.locale != "en" and config.theme.get("language") in (None, "en"):
        config.theme["language"] = site.locale
    return conflict
