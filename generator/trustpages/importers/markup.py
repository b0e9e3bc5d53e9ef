"""Other tools' HTML update bodies as clean Markdown: paragraphs, line breaks, links and lists, nothing else.

Statuspage bodies are text in which newlines count (a blank line starts a paragraph)
mixed with a little HTML (`<br />`, `<a>`, sometimes lists). A bare `<` that opens no tag
(`< 2% of runs`) is text. Everything else - emphasis, images, scripts, styles - is dropped,
keeping the words of formatting tags and nothing of scripts and styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

# Elements whose content is never text a customer should read.
_DROPPED = {
    "script",
    "style",
    "head",
    "title",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "select",
    "textarea",
    "button",
}
# Elements that separate paragraphs.
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "hr",
    "address",
    "figure",
    "dl",
    "form",
    "fieldset",
    "details",
}
_LINES = {"tr", "dt", "dd", "figcaption", "summary"}
_LINK_SCHEMES = ("https://", "http://", "mailto:")
_INDENT = "    "  # Python-Markdown nests lists by four spaces


@dataclass(frozen=True)
class _Token:
    kind: str  # text, break, paragraph, list, item, end_list, link, end_link
    value: str = ""


class _Reader(HTMLParser):
    """Turns a body into tokens. Runs of spaces collapse; a newline in the text is a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[_Token] = []
        self.dropping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.append(tag)
        elif tag in _DROPPED:
            self.dropping.append(tag)
        elif tag == "br":
            self.tokens.append(_Token("break", "br"))
        elif tag in {"ul", "ol"}:
            self.tokens.append(_Token("list", tag))
        elif tag == "li":
            self.tokens.append(_Token("item"))
        elif tag in _BLOCKS:
            self.tokens.append(_Token("paragraph"))
        elif tag in _LINES:
            self.tokens.append(_Token("break"))
        elif tag in {"td", "th"}:
            self.tokens.append(_Token("text", " "))
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            self.tokens.append(_Token("link", href if href.lower().startswith(_LINK_SCHEMES) else ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED or tag == "a":  # <iframe/>, <a/>: nothing inside to keep
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
        elif tag in {"ul", "ol"}:
            self.tokens.append(_Token("end_list"))
        elif tag in _BLOCKS:
            self.tokens.append(_Token("paragraph"))
        elif tag == "a":
            self.tokens.append(_Token("end_link"))

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        for part in re.split(r"(\n)", data.replace("\r\n", "\n").replace("\r", "\n")):
            if part == "\n":
                self.tokens.append(_Token("break", "newline"))
            elif part:
                self.tokens.append(_Token("text", part))


@dataclass
class _Block:
    """A paragraph, or one list item (with its marker and nesting depth)."""

    lines: list[str] = field(default_factory=list)
    marker: str = ""
    depth: int = 0


class _Writer:
    """Lays tokens out as blocks of lines; Markdown or plain words."""

    def __init__(self, as_markdown: bool) -> None:
        self.as_markdown = as_markdown
        self.blocks: list[_Block] = []
        self.block: _Block | None = None
        self.line = ""
        self.pending = ""  # "", "break" or "paragraph": what comes before the next text
        self.lists: list[int] = []  # per open list: next number, or 0 when unordered
        self.next_item = False
        self.link: tuple[str, list[str]] | None = None
        self.after_br = False  # the last token was <br>, give or take spaces

    def write(self, tokens: list[_Token]) -> str:
        for token in tokens:
            if token.kind != "break" and not (token.kind == "text" and not token.value.strip()):
                self.after_br = False
            getattr(self, f"_{token.kind}")(token.value)
        self._end_link("")
        self._close()
        if not self.as_markdown:
            return " ".join(word for block in self.blocks for line in block.lines for word in line.split())
        return "\n".join(self._layout())

    # Tokens.

    def _text(self, text: str) -> None:
        text = re.sub(r"\s+", " ", text)
        if self.link is not None:
            self.link[1].append(text)
            return
        if not text.strip() and (self.pending or self.next_item or not self.line):
            return
        self._begin()
        if not self.line:
            self.line = self._escape(text.lstrip(), line_start=True)
        else:
            self.line += self._escape(text[1:] if text.startswith(" ") and self.line.endswith(" ") else text, line_start=False)

    def _break(self, source: str) -> None:
        after_br, self.after_br = self.after_br, source == "br"
        if self.link is not None:
            self.link[1].append(" ")
        elif source == "newline" and after_br:
            pass  # "<br />" at the end of a source line is one line break, not two
        elif self.pending == "break":
            self.pending = "paragraph"  # two line breaks in a row show as a blank line
        elif not self.pending:
            self.pending = "break"

    def _paragraph(self, _: str) -> None:
        if self.link is None:
            self.pending = "paragraph"

    def _list(self, tag: str) -> None:
        self._end_link("")
        self.lists.append(1 if tag == "ol" else 0)
        self.pending = "paragraph"

    def _item(self, _: str) -> None:
        self._end_link("")
        if not self.lists:  # <li> outside a list
            self.lists.append(0)
        self.next_item = True

    def _end_list(self, _: str) -> None:
        self._end_link("")
        if self.lists:
            self.lists.pop()
        self.next_item = False
        self.pending = "paragraph"
        if not self.lists:
            self._close()

    def _link(self, href: str) -> None:
        self._end_link("")
        self.link = (href, [])

    def _end_link(self, _: str) -> None:
        if self.link is None:
            return
        href, parts = self.link
        self.link = None
        text = " ".join("".join(parts).split())
        if not text:
            return
        self._begin()
        if not self.as_markdown or not href:
            self.line += self._escape(text, line_start=not self.line)
        elif text == href:
            self.line += f"<{_url(href)}>"
        else:
            self.line += f"[{_escape_inline(text)}]({_url(href)})"

    # Layout.

    def _begin(self) -> None:
        """Apply what came before this text: a new list item, paragraph or line break."""
        pending, self.pending = self.pending, ""
        if self.next_item:
            self.next_item = False
            self._close()
            number = self.lists[-1]
            if number:
                self.lists[-1] += 1
            self.block = _Block(marker=f"{number}." if number else "-", depth=len(self.lists))
        elif pending == "paragraph" and not (self.block and self.block.marker):
            self._close()
        elif pending and self.line:
            # A line break; inside a list item a paragraph is one too, so the item stays whole.
            self._current().lines.append(self.line.rstrip() + ("  " if self.as_markdown else ""))
            self.line = ""
        self._current()

    def _current(self) -> _Block:
        if self.block is None:
            self.block = _Block()
        return self.block

    def _close(self) -> None:
        if self.block is not None:
            if self.line.strip():
                self.block.lines.append(self.line.rstrip())
            if self.block.lines:
                self.blocks.append(self.block)
        self.block, self.line = None, ""

    def _layout(self) -> list[str]:
        lines: list[str] = []
        previous: _Block | None = None
        for block in self.blocks:
            if previous is not None and not (block.marker and previous.marker):
                lines.append("")  # paragraphs, and a list and its surroundings, are apart; items are not
            if block.marker:
                indent = _INDENT * block.depth
                lines.append(f"{_INDENT * (block.depth - 1)}{block.marker} {block.lines[0]}")
                lines.extend(indent + line for line in block.lines[1:])
            else:
                lines.extend(block.lines)
            previous = block
        return lines

    def _escape(self, text: str, line_start: bool) -> str:
        if not self.as_markdown:
            return text
        text = _escape_inline(text)
        return _escape_line_start(text) if line_start else text


def to_markdown(html: str) -> str:
    """The body as Markdown that shows what the source showed (no trailing newline)."""
    return _Writer(as_markdown=True).write(_tokens(html))


def to_plain(html: str) -> str:
    """The words of the body on one line: links as their text, breaks as spaces."""
    return _Writer(as_markdown=False).write(_tokens(html))


def markdown_to_plain(text: str) -> str:
    """The words of a Markdown text on one line."""
    return to_plain(markdown.markdown(text))


def _tokens(html: str) -> list[_Token]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.tokens


def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly that text."""
    return _escape_line_start(_escape_inline(text))


def _escape_inline(text: str) -> str:
    """Make characters Python-Markdown would read as syntax show as themselves."""
    text = re.sub(r"([\\`*\[\]])", r"\\\1", text)
    text = re.sub(r"(?<!\w)_|_(?!\w)", r"\\_", text)  # intraword underscores are plain in Python-Markdown
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)


def _escape_line_start(text: str) -> str:
    """Escape what would start a heading, quote, list or rule at the start of a line."""
    if re.match(r"(#|>|[-+](\s|$))", text):
        return "\\" + text
    number = re.match(r"\d+(?=[.)](\s|$))", text)
    if number:
        return f"{number.group()}\\{text[number.end() :]}"
    if re.fullmatch(r"=+\s*", text):
        return "&#61;" + text[1:]
    return text


def _url(href: str) -> str:
    return re.sub(r"[\s()<>]", lambda m: f"%{ord(m.group()):02X}", href)


def shorten(plain: str, limit: int = 200, words: int = 25) -> str:
    """Whole sentences of `plain` up to `limit` characters; a long first sentence is cut at a word.

    No sentence kept is longer than `words` words, so a summary stays one easy read.
    """
    plain = " ".join(plain.split())
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+", plain):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit or len(sentence.split()) > words:
            break
        kept = candidate
    if kept:
        return kept
    first = " ".join(plain.split()[:words])
    if len(first) > limit - 1:
        first = first[: limit - 1].rsplit(" ", 1)[0]
    return f"{first.rstrip(',;:-–— ')}…"
