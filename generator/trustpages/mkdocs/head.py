"""What every built page announces in its <head> (feeds, link previews), and the preview's problems at the top of its body."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from trustpages.opendata import Alternate
from trustpages.problems import Problem


def announced(output: str, page: Page, config: MkDocsConfig, alternates: Iterable[Alternate]) -> str:
    """The page with its feeds and link-preview tags at the end of its <head>, so feed readers and shared links find them."""
    # Relative hrefs, like MkDocs' own links: they work under any subfolder and in `mkdocs serve`,
    # where site_url may be unset or point elsewhere.
    links = "".join(
        f'<link rel="alternate" type="{link.type}" title="{escape(link.title)}" href="{get_relative_url(link.path, page.url)}">'
        for link in alternates
    ) + preview_tags(page, config)
    head, found, rest = output.partition("</head>")
    return f"{head}{links}{found}{rest}" if found else output


def preview_tags(page: Page, config: MkDocsConfig) -> str:
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


def with_problems(html: str, problems: tuple[Problem, ...]) -> str:
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
