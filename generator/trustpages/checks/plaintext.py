"""A prose field's text as readers see it: without Markdown, split into sentences and words, each character traceable to the field."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_MARKUP = re.compile(
    r"(?P<fence>^(?:```|~~~)(?s:.*?)(?:^(?:```|~~~)[ \t]*$|\Z))"  # code block: no prose to read
    # Each part below stops where its next opening could start, so the scan stays linear on
    # hostile text (thousands of `[`, `[a](`, `<http://` or backticks).
    r"|!?\[(?P<link>[^\[\]\n]*)\]\([^()\n]*\)"  # link or image: keep its words
    r"|<(?P<auto>(?:https?://|mailto:)[^<>\s]+)>"  # autolink: keep the address
    # What readers never see (the page drops comments and tags, keeping the words between tags): read as they read it.
    r"|(?P<hidden><!--(?s:.*?)(?:-->|\Z)|</?[A-Za-z][^<>\n]{0,2000}>)"
    r"|(?<!`)(?P<ticks>`+)(?!`)(?P<code>.{1,2000}?)(?<!`)(?P=ticks)(?!`)"  # inline code: a name, not prose; read as one word
    r"|(?P<block>^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|>[ \t]?))"  # heading, list item, quote
    r"|(?P<emphasis>(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_]))",
    re.MULTILINE,
)
# A blank line is tried only where a run of spaces starts, and an address only where a word does:
# tried at every character, a long run would be scanned once for each of its characters.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|(?<![^\S\n])[^\S\n]*\n\s*\n\s*")
WORD = re.compile(r"(?<!\S)\S*(?:://|@)\S*|[^\W_]+(?:['’.,-][^\W_]+)*")
ADDRESS = re.compile(r"(?<!\S)\S*(?:://|@)\S*")


@dataclass(frozen=True)
class Plain:
    """A field's text without Markdown, and where each of its characters was in the field."""

    text: str
    offsets: tuple[int, ...] | None  # None: the same as the field's text

    @classmethod
    def of(cls, raw: str) -> Plain:
        if not _MARKUP.search(raw):
            return cls(raw, None)  # no Markdown: every character is where it was
        text: list[str] = []
        offsets: list[int] = []

        def keep(start: int, end: int) -> None:
            text.append(raw[start:end])
            offsets.extend(range(start, end))

        done = 0
        for markup in _MARKUP.finditer(raw):
            keep(done, markup.start())
            kept = next((name for name in ("link", "auto") if markup.group(name) is not None), None)
            if kept:
                keep(markup.start(kept), markup.end(kept))
            elif markup.group("code") is not None:
                text.append("code")
                offsets.extend([markup.start()] * 4)
            elif markup.group("fence") is not None or markup.group("block") is not None:
                text.append("\n\n")  # a block of its own: a sentence ends here
                offsets.extend((markup.start(), markup.start()))
            done = markup.end()
        keep(done, len(raw))
        return cls("".join(text), tuple(offsets))

    def raw(self, index: int) -> int:
        """Where character `index` of the plain text is in the field's text."""
        if self.offsets is None:
            return index
        return self.offsets[index] if index < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)

    @functools.cached_property
    def spans(self) -> list[tuple[int, int]]:
        return self._sentences()

    def sentences(self) -> list[tuple[int, int]]:
        return self.spans

    def _sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence that has a word in it."""
        spans, start = [], 0
        for brk in _SENTENCE_BREAK.finditer(self.text):
            spans.append((start, brk.start()))
            start = brk.end()
        spans.append((start, len(self.text)))
        trimmed = []
        for start, end in spans:
            sentence = self.text[start:end]
            if WORD.search(sentence):
                lead = len(sentence) - len(sentence.lstrip())
                trimmed.append((start + lead, start + len(sentence.rstrip())))
        return trimmed
