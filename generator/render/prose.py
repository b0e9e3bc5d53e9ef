"""Record text made safe for pages: Markdown rendered and sanitised, plain text escaped."""

from __future__ import annotations

import functools
import re
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

_ALLOWED_TAGS = {
    "p", "br", "a", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "del",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_URL_SCHEMES = {"http", "https", "mailto"}
# Characters Python-Markdown would treat as syntax inside a line of plain text.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
# Record text sits under a page's own section heading (an <h2>), so its headings start at <h3>.
TOP_HEADING = 3
_LEVELS = {f"h{level}": level for level in range(1, 7)}


class _Headings(Treeprocessor):
    """Moves a text's headings so its highest becomes <h3>, keeping their order of rank (at most <h6>)."""

    def run(self, root: Element) -> None:
        headings = [element for element in root.iter() if element.tag in _LEVELS]
        if headings:
            shift = TOP_HEADING - min(_LEVELS[element.tag] for element in headings)
            for element in headings:
                element.tag = f"h{min(6, _LEVELS[element.tag] + shift)}"


class _HeadingsExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_Headings(md), "trustpages_headings", 5)


_converter = markdown.Markdown(extensions=["tables", "sane_lists", _HeadingsExtension()], output_format="html")


# One line with nothing Markdown or HTML would read as syntax: no emphasis, code, link or tag
# anywhere, and no list, heading or quote marker where it starts (a hyphen inside a line, as in
# "on-call", is only a hyphen). Its HTML is the paragraph itself, so most update bodies and notes
# skip the Markdown parser.
_SYNTAX = r"\x00-\x1f\x7f<>&*_`\[\]#\\|\u00a0\u2028\u2029\u0085"
_MARKER = r"()!~=+\-"
_PLAIN_LINE = re.compile(rf"(?!\d+[.)](?:\s|$))[^\s{_SYNTAX}{_MARKER}](?:[^{_SYNTAX}]*[^\s{_SYNTAX}])?")
# A heading line such as `## What happened`, with plain words only.
_PLAIN_HEADING = re.compile(rf"(#{{1,6}}) ({_PLAIN_LINE.pattern})")
_BLANK_LINE = re.compile(r" *")


def html(text: str | None) -> Markup:
    """Markdown from a record as sanitised HTML on one block (no blank lines), safe to embed in a page."""
    if not text:
        return Markup("")
    if _PLAIN_LINE.fullmatch(text):
        return Markup(f"<p>{text}</p>")  # what the parser and the cleaner would make of it
    plain = _plain_blocks(text)
    return Markup(plain) if plain is not None else _html(text)


def _plain_blocks(text: str) -> str | None:
    """The HTML of a text made only of plain paragraphs and one-line headings, or None for any other text.

    Most postmortems and explanations are written like that; the parser would give the same.
    """
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if _BLANK_LINE.fullmatch(line):
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    headings: list[tuple[int, str]] = []  # (index in parts, level)
    parts: list[str] = []
    for block in blocks:
        if not block:
            continue
        heading = _PLAIN_HEADING.fullmatch(block[0])
        if heading is not None and len(block) == 1:
            headings.append((len(parts), len(heading[1])))
            parts.append(heading[2])
        elif all(_PLAIN_LINE.fullmatch(line) for line in block):
            parts.append("<p>" + "\n".join(block) + "</p>")
        else:
            return None
    if headings:
        shift = TOP_HEADING - min(level for _, level in headings)
        for index, level in headings:
            tag = f"h{min(6, level + shift)}"
            parts[index] = f"<{tag}>{parts[index]}</{tag}>"
    return "\n".join(parts)


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
    return _inline(str(text))


@functools.lru_cache(maxsize=65536)
def _inline(text: str) -> Markup:
    # Cached: titles, names and headings appear on many pages.
    escaped = str(escape(" ".join(text.split())))
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", escaped))
