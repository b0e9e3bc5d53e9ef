"""Record text made safe for pages: Markdown rendered and sanitised, plain text escaped."""

from __future__ import annotations

import functools
import re

import markdown
import nh3
from markupsafe import Markup, escape

_ALLOWED_TAGS = {
    "p", "br", "a", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "del",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_URL_SCHEMES = {"http", "https", "mailto"}
# Characters Python-Markdown would treat as syntax inside a line of plain text.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_converter = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


# One line with nothing Markdown or HTML would read as syntax (no list or heading marker can start
# it): its HTML is the paragraph itself, so most update bodies and notes skip the Markdown parser.
_SYNTAX = r"\x00-\x1f\x7f<>&*_`\[\]()!#\\|~=+\-\u00a0\u2028\u2029\u0085"
_PLAIN_LINE = re.compile(rf"(?!\d+[.)])[^\s{_SYNTAX}](?:[^{_SYNTAX}]*[^\s{_SYNTAX}])?")


def html(text: str | None) -> Markup:
    """Markdown from a record as sanitised HTML on one block (no blank lines), safe to embed in a page."""
    if not text:
        return Markup("")
    if _PLAIN_LINE.fullmatch(text):
        return Markup(f"<p>{text}</p>")  # what the parser and the cleaner would make of it
    return _html(text)


@functools.lru_cache(maxsize=65536)
def _html(text: str) -> Markup:
    # Cached: the same update body appears on its page and in several feeds.
    rendered = _converter.reset().convert(text)
    cleaned = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="nofollow noopener",
    )
    # A blank line would end the raw HTML block in the page's Markdown.
    return Markup(re.sub(r"\n\s*\n+", "\n", cleaned).strip())


def inline(text: object) -> Markup:
    """Plain text for a heading, table cell or list item: HTML-escaped, Markdown syntax neutralised."""
    escaped = str(escape(" ".join(str(text).split())))
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", escaped))
