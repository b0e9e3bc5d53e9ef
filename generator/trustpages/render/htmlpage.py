"""Pages trustpages renders as HTML: what Markdown's toc and the card extension would add, done once, cheaply.

Generated pages come from `*.html.j2` templates, so MkDocs need not convert them (Python-Markdown
was over a third of a build). Two things the Markdown path gave every page are done here, on
HTML trustpages wrote itself (tags never span a `>` in an attribute, prose is sanitised):

* every heading without an `id` gets the one Markdown's toc extension would give it (the same
  slug, `_1` for a repeat), and the page's table of contents is read from its headings;
* tables become phone cards as `trustpages.render.cards` makes them (`data-label` per cell).

A site's own `*.md.j2` template still makes a Markdown page, converted by the builder as before.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from markdown.extensions.toc import slugify, unique

from trustpages.render.cards import MIN_COLUMNS

HTML_SUFFIX = ".html.j2"
MARKDOWN_SUFFIX = ".md.j2"

_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_TABLE = re.compile(r"<table((?:\s[^>]*)?)>(.*?)</table>", re.S)
_HEAD_CELL = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr(?:\s[^>]*)?>(.*?)</tr>", re.S)
_BODY_CELL = re.compile(r"<td((?:\s[^>]*)?)>")
_OPENING = re.compile(r"<[a-zA-Z]")
_NOT_OPENED = re.compile(
    r"<(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b|<[a-zA-Z][^>]*/>", re.I
)  # void, self-closing
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: a page's front matter, a thousand times
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str  # plain, unescaped


def text_of(fragment: str) -> str:
    """The words of an HTML fragment: tags dropped, entities read, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def finish(source: str) -> str:
    """The page (front matter kept) with an id on every heading and tables ready to become cards on phones."""
    found = _FRONT_MATTER.match(source)
    start = found.end() if found else 0
    return source[:start] + _cards(_heading_ids(source[start:]))


def _heading_ids(body: str) -> str:
    used = set(_ID.findall(body))
    top = {heading.start() for heading in _top_level(body)}

    def add(match: re.Match[str]) -> str:
        level, attributes, inner = match.groups()
        if match.start() not in top or _ID.search(attributes):
            return match.group(0)
        anchor = unique(slugify(text_of(inner), "-"), used)  # adds it to `used`
        return f'<h{level}{attributes} id="{anchor}">{inner}</h{level}>'

    return _HEADING.sub(add, body)


def _top_level(body: str) -> Iterator[re.Match[str]]:
    """Each heading that stands at the top of the page (inside no other element), in order, found as they are asked for.

    Only those headings were Markdown's, with an id and a place in the table of contents; one
    inside a card, a section or a record's text was raw HTML to it, and stays out of both. The
    depth before a heading is the opening tags before it (not void or self-closing) less the
    closing ones, counted between headings.
    """
    depth, counted = 0, 0
    for heading in _HEADING.finditer(body):
        between = body[counted : heading.start()]
        depth += len(_OPENING.findall(between)) - len(_NOT_OPENED.findall(between)) - between.count("</")
        counted = heading.start()
        if depth <= 0:
            yield heading


def _cards(body: str) -> str:
    def label(match: re.Match[str]) -> str:
        attributes, inner = match.groups()
        head, sep, rest = inner.partition("</thead>")
        headings = [text_of(cell) for cell in _HEAD_CELL.findall(head)] if sep else []
        if len(headings) < MIN_COLUMNS or not any(headings) or "data-tp-cards" in attributes:
            return match.group(0)

        def row(found: re.Match[str]) -> str:
            cells = iter(headings)

            def cell(td: re.Match[str]) -> str:
                heading = next(cells, "")
                return f'<td{td.group(1)} data-label="{html.escape(heading)}">' if heading else td.group(0)

            return _BODY_CELL.sub(cell, found.group(0))

        return f"<table{attributes} data-tp-cards>{head}{sep}{_ROW.sub(row, rest)}</table>"

    return _TABLE.sub(label, body)


def headings(body: str) -> Iterator[Heading]:
    """The page's top-level headings (those of its table of contents), each with its id."""
    for match in _top_level(body):
        found = _ID.search(match.group(2))
        if found:
            yield Heading(int(match.group(1)), found.group(1), text_of(match.group(3)))


def anchors(body: str) -> set[str]:
    """Every id on the page, a link may point at."""
    return set(_ID.findall(body))


def toc_tokens(found: Iterable[Heading]) -> list[dict[str, Any]]:
    """Headings (of `headings`) nested as Markdown's toc extension reports them (for MkDocs' get_toc)."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in found:
        token = {"level": heading.level, "id": heading.id, "name": html.escape(heading.text), "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


@dataclass(frozen=True)
class SearchSection:
    """A part of a page the site search lists: under a heading with an id (the first one: the page itself)."""

    title: str | None  # HTML-escaped words; None: before any heading, shown under the page's title
    id: str | None  # None: the page's top, no anchor
    text: str  # HTML-escaped words


# A paragraph marked `data-search-exclude` (a record page's way back to its list): left out of search, as Material
# leaves out a block so marked; a paragraph holds no other paragraph, so the first </p> ends it.
_EXCLUDED_BLOCK = re.compile(r"<p\b[^>]*\bdata-search-exclude\b[^>]*>.*?</p>", re.DOTALL)


def search_sections(body: str) -> list[SearchSection]:
    """The page's sections as the theme's search would read them, without its HTML parser.

    As Material does: a heading with an id starts a section (the page's first has no anchor),
    a heading marked `data-search-exclude` leaves its section out (a paragraph so marked, itself),
    and the words are the text.
    trustpages wrote this HTML, so its headings are found by pattern, not by parsing. Titles and
    text are escaped, as Material's parser leaves them: its search results show both as HTML.
    """
    body = _EXCLUDED_BLOCK.sub("", body)
    marked = [match for match in _HEADING.finditer(body) if _ID.search(match.group(2))]
    preface = text_of(body[: marked[0].start()] if marked else body)
    sections = [SearchSection(None, None, html.escape(preface, quote=False))] if preface or not marked else []
    for number, heading in enumerate(marked):
        if "data-search-exclude" in heading.group(2):
            continue
        end = marked[number + 1].start() if number + 1 < len(marked) else len(body)
        found = _ID.search(heading.group(2))
        top = number == 0 and not sections and heading.group(1) == "1"
        anchor = None if top or found is None else found.group(1)
        title, text = text_of(heading.group(3)), text_of(body[heading.end() : end])
        sections.append(SearchSection(html.escape(title, quote=False), anchor, html.escape(text, quote=False)))
    return sections


def escaped_title(title: str) -> str:
    """A page title as MkDocs and Material print it, unescaped, into the page and search results: words, escaped once.

    Escaped titles come back as they were (so escaping twice changes nothing); markup is left out.
    """
    return html.escape(text_of(title), quote=False)


def split(source: str) -> tuple[dict[str, Any], str]:
    """A page's YAML front matter (title, hide, ...) and its body."""
    found = _FRONT_MATTER.match(source)
    if not found:
        return {}, source
    meta = yaml.load(found.group(1), Loader=_LOADER)
    return (meta if isinstance(meta, dict) else {}), source[found.end() :]


def as_markdown_file(source: str) -> str:
    """An HTML page as a Markdown file any builder reads alike (`trustpages generate`, Zensical).

    Its HTML passes through Markdown as raw blocks, except headings of plain words on a line of
    their own, which become Markdown headings with their id and attributes (attr_list): so the
    builder's table of contents lists them, as it does for a Markdown page.
    """
    found = _FRONT_MATTER.match(source)
    start = found.end() if found else 0
    top = {start + heading.start() for heading in _top_level(source[start:])}
    return _LINE_HEADING.sub(lambda match: _markdown_heading(match) if match.start() in top else match.group(0), source)


_LINE_HEADING = re.compile(r"^<h([1-6])((?:\s[^>]*)?)>([^<\n]*)</h\1>$", re.M)
_ATTRIBUTES = re.compile(r'\s([\w-]+)(?:="([^"]*)")?')
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def _markdown_heading(match: re.Match[str]) -> str:
    level, attributes, inner = match.groups()
    words = _MARKDOWN_SPECIALS.sub(r"\\\1", inner.strip())  # entities stay entities: Markdown passes them through
    listed = " ".join(
        f"#{found[2]}" if found[1] == "id" else found[1] if found[2] is None else f'{found[1]}="{found[2]}"'
        for found in _ATTRIBUTES.finditer(attributes)
    )
    return f"\n{'#' * int(level)} {words} {{ {listed} }}\n" if listed else f"\n{'#' * int(level)} {words}\n"
