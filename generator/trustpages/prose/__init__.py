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

from trustpages.prose import bounded

_ALLOWED_TAGS = {
    "p",
    "br",
    "a",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "del",
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
    def extendMarkdown(self, md: markdown.Markdown) -> None:
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
_BLANK_LINE = re.compile(r"[ \t]*")


def html(text: str | None) -> Markup:
    """Markdown from a record as sanitised HTML on one block (no blank lines), safe to embed in a page."""
    if not text:
        return Markup("")
    if _PLAIN_LINE.fullmatch(text):
        out = f"<p>{text}</p>"  # what the parser and the cleaner would make of it
    else:
        out = _bounded_html(text)
    return Markup(_link_emails(out) if "@" in out else out)


@functools.lru_cache(maxsize=65536)
def _bounded_html(text: str) -> Markup:
    # Cached: the same update body appears on its page and in several feeds.
    defused = bounded.defuse(text)
    by_blocks = _by_blocks(defused)
    return Markup(bounded.restore(by_blocks if by_blocks is not None else _html(defused)))


_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})(?![\w@-])")
_TAG = re.compile(r"(<[^>]*>)")


def _link_emails(rendered: str) -> str:
    """Bare email addresses in rendered text become mailto links, so a reader can tap them."""
    parts = _TAG.split(rendered)
    inside_link = False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            inside_link = part.startswith("<a ") or part == "<a>" or (inside_link and part != "</a>")
            continue
        if not inside_link and "@" in part:
            parts[index] = _EMAIL.sub(lambda m: f'<a href="mailto:{m[1]}">{m[1].replace("@", "@<wbr>")}</a>', part)
    return "".join(parts)


# What makes a block's HTML depend on more than its own run of blocks: raw HTML (a block of it may
# span blank lines), link reference definitions (used anywhere) and headings (the text's highest
# one sets the level of all). Plain headings are handled here; any other sends the text to the
# parser whole.
_NOT_LOCAL = re.compile(r"<|^ {0,3}(?:\[[^\]\n]*\]:|#|=+ *$|-+ *$)", re.MULTILINE)


def _by_blocks(text: str) -> str | None:
    """The HTML of `text` made block by block, or None when only the whole text may be parsed.

    Plain paragraphs and one-line plain headings (most of a postmortem) are written directly; each
    run of other blocks (a list, a paragraph with a link) goes to the parser on its own, which gives
    what parsing the whole text would.
    """
    lines = text.split("\n")
    if lines[0] and _BLANK_LINE.fullmatch(lines[0]):
        return None  # Python-Markdown blanks a line of spaces only after a line break: not the first
    blocks: list[tuple[int, int]] = []  # [first, last + 1) line numbers of each block
    first: int | None = None
    for number, line in enumerate([*lines, ""]):
        if _BLANK_LINE.fullmatch(line):
            if first is not None:
                blocks.append((first, number))
                first = None
        elif first is None:
            first = number
    parts: list[str] = []
    headings: list[tuple[int, int]] = []  # (index in parts, level)
    pending: tuple[int, int] | None = None  # a run of blocks waiting for the parser

    def parse_pending() -> bool:
        if pending is not None:
            run = "\n".join(lines[pending[0] : pending[1]])
            if _NOT_LOCAL.search(run):
                return False
            parsed = _html(run)
            if parsed:
                parts.append(parsed)
        return True

    for start, stop in blocks:
        block = lines[start:stop]
        heading = _PLAIN_HEADING.fullmatch(block[0]) if stop - start == 1 else None
        if heading is None and not all(_PLAIN_LINE.fullmatch(line) for line in block):
            pending = (pending[0] if pending else start, stop)
            continue
        if not parse_pending():
            return None
        pending = None
        if heading is not None:
            headings.append((len(parts), len(heading[1])))
            parts.append(heading[2])
        else:
            parts.append("<p>" + "\n".join(block) + "</p>")
    if not parse_pending():
        return None
    if headings:
        shift = TOP_HEADING - min(level for _, level in headings)
        for index, level in headings:
            tag = f"h{min(6, level + shift)}"
            parts[index] = f"<{tag}>{parts[index]}</{tag}>"
    return "\n".join(parts)


def _html(text: str) -> str:
    rendered = _converter.reset().convert(text)
    cleaned = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="nofollow noopener",
    )
    # A blank line would end the raw HTML block in the page's Markdown.
    return re.sub(r"\n\s*\n+", "\n", cleaned).strip()


# What XML 1.0 cannot hold (its Char production): most C0 controls, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold, for feeds and SVG: one would make the file unreadable."""
    return _NOT_XML.sub("", text)


def inline(text: object) -> Markup:
    """Plain text for a heading, table cell or list item: HTML-escaped, Markdown syntax neutralised."""
    return _inline(str(text))


@functools.lru_cache(maxsize=65536)
def _inline(text: str) -> Markup:
    # Cached: titles, names and headings appear on many pages.
    escaped = str(escape(" ".join(text.split())))
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", escaped))
