"""The site's default navigation: its sections from the record-kind registry, labelled in the site's language."""

from __future__ import annotations

from pathlib import Path

from trustpages import handwritten, kinds
from trustpages.strings import Strings


def default_nav(docs: Path, locale: str = "en", templates: Path | None = None) -> list[dict[str, str]]:
    """Sections only, never records: every page renders the nav, so it must stay small.

    Labels come from the strings of `locale` (a site's own templates/strings override them);
    a hand-written about.md (or its page in the site's language, about.de.md: trustpages.handwritten) is listed last.
    """
    t = Strings.for_site(locale, templates)
    nav = [{t(section.nav): section.path} for section in kinds.sections()]
    pages = [path.name for path in docs.glob("about*.md")] if docs.is_dir() else []
    if "about.md" in handwritten.published(pages, locale).values():
        nav.append({t("nav.about"): "about.md"})
    return nav
