"""Plain-language checks on every prose field: reading grade, long sentences, jargon, hedged promises, non-apologies,
and blocks too big to be read as Markdown (generator/trustpages/prose/bounded.py shows them as written).

Every finding is a warning placed at the phrase itself (line and column inside the field
where the text can be mapped back exactly), names the phrase and says it more plainly.
The thresholds and extra phrases come from `language:` in site.yml.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import textstat
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trustpages import kinds
from trustpages.checks.findings import Findings
from trustpages.problems import Problem
from trustpages.prose import bounded
from trustpages.records import RecordSet, Source
from trustpages.records.site import LanguageRules

# Below this many words one long word moves the Flesch-Kincaid grade by several points,
# so shorter texts are not graded: the sentence and phrase checks still see them.
MIN_GRADED_WORDS = 20
GRADE_HINT = "use shorter sentences and everyday words"
HEDGE_HINT = 'say what we will do: "we will …"'
INCONVENIENCE_HINT = "say what went wrong and that we are sorry"

# Built-in phrases as (pattern, hint). Patterns match case-insensitively on word boundaries,
# with the forms people write ("utilized", "leveraging").
JARGON: tuple[tuple[str, str], ...] = (
    (r"utili[sz](?:e|es|ed|ing|ation)", 'use "use"'),
    (r"leverag(?:e|es|ed|ing)", 'use "use"'),
    (r"synerg(?:y|ies)", 'use "working together"'),
    (r"best[- ]in[- ]class", "say what makes it better, and by how much"),
    (r"world[- ]class", "say what makes it better, and by how much"),
    (r"going forward", 'use "from now on"'),
    (r"at this point in time", 'use "now"'),
    (r"facilitat(?:e|es|ed|ing)", 'use "help"'),
    (r"commenc(?:e|es|ed|ing)", 'use "start"'),
)
HEDGES: tuple[tuple[str, str], ...] = tuple(
    (pattern, HEDGE_HINT)
    for pattern in (
        r"striv(?:e|es|ing) to",
        r"aim(?:s|ing)? to",
        r"tr(?:y|ies|ying) to",
        r"hop(?:e|es|ing) to",
        r"seek(?:s|ing)? to",
        r"endeavou?r(?:s|ing)? to",
        r"where(?:ver)? (?:possible|feasible|practical)",
        r"(?:if|when|whenever) possible",
        r"as (?:far|much|soon) as possible",
        r"(?:best|reasonable) efforts?",
        r"might",
        # Only a lowercase "may" that is not part of a date: "May 2026" and "1 may 2026" are months.
        r"(?<![0-9]\s)(?-i:may)(?!\s?[0-9])",
    )
)
NON_APOLOGIES: tuple[tuple[str, str], ...] = (
    (r"(?:any|the|this) inconvenience", INCONVENIENCE_HINT),
    (r"any (?:confusion|disruption|trouble)", INCONVENIENCE_HINT),
    (
        r"if (?:anyone|anybody|someone|you|people) (?:was|were|felt|feels?|has been|have been|got) "
        r"(?:offended|upset|hurt|inconvenienced|affected)",
        "be sorry for what we did, not for how people felt",
    ),
    (r"sorry (?:if|that you feel|you feel)", 'say what we did wrong, without "if"'),
    (r"mistakes were made", 'say who made them: "we made a mistake"'),
)
_WE = re.compile(r"\bwe\b", re.IGNORECASE)
_SORRY = re.compile(r"\bsorry\b", re.IGNORECASE)

# What each kind of record says in prose, as field paths ("*" for every item of a list).


@dataclass(frozen=True)
class Phrase:
    """A phrase to look for, and what to say about it."""

    pattern: re.Pattern[str]
    hint: str


@dataclass(frozen=True)
class Prose:
    """One prose field of one record: where it is, and its text."""

    kind: str
    id: str
    loc: tuple[str | int, ...]
    text: str

    @property
    def field(self) -> str:
        """The field's name, e.g. apology (for the graded_fields setting)."""
        return str(self.loc[-1])

    @property
    def where(self) -> str:
        """The field as people write its path, e.g. updates[2].body."""
        text = ""
        for part in self.loc:
            text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text


def check(records: RecordSet, findings: Findings) -> None:
    rules = records.site.language
    jargon = Phrases(JARGON + tuple((_literal(phrase), f'use "{plainer}"') for phrase, plainer in rules.jargon.items()))
    hedges = Phrases(HEDGES + tuple((_literal(hedge), HEDGE_HINT) for hedge in rules.hedges))
    for prose in _prose(records):
        plain = Plain.of(prose.text)
        report = _Reporter(findings, prose, plain)
        if prose.field in rules.graded_fields:
            _grade(plain, rules, report)
        _long_sentences(plain, rules, report)
        for phrase, found in _matches(plain, jargon):
            report.at(found.start(), f'"{_named(found)}" is jargon', phrase.hint)
        if prose.field == "promise":
            for phrase, found in _matches(plain, hedges):
                report.at(found.start(), f'"{_named(found)}" makes this a hope, not a promise', phrase.hint)
        if prose.field == "apology":
            for phrase, found in _matches(plain, _NON_APOLOGIES):
                report.at(found.start(), f'"{_named(found)}" is a non-apology', phrase.hint)
            if not _WE.search(plain.text):
                report.at(None, 'no "we"', 'say who is sorry: "we"')
            if not _SORRY.search(plain.text):
                report.at(None, 'no "sorry"', 'a real apology says "we are sorry"')
        for offset, why, hint in bounded.unread(prose.text):
            report.at(offset, f"{why} is shown as written, its Markdown not read", hint, raw=True)


def _prose(records: RecordSet) -> Iterator[Prose]:
    """Every prose field of every record."""
    for kind in kinds.kinds():
        paths = [tuple(path.split(".")) for path in kind.prose]
        for record in kind.of(records) if paths else ():
            record_id = getattr(record, "id", "")
            for path in paths:
                for loc, text in kinds.values_at(record, path):
                    yield Prose(kind.name, record_id, loc, text)


def _grade(plain: Plain, rules: LanguageRules, report: _Reporter) -> None:
    sentences = [plain.text[start:end] for start, end in plain.sentences()]
    if sum(len(_WORD.findall(sentence)) for sentence in sentences) < MIN_GRADED_WORDS:
        return
    # textstat counts sentences by their end marks: give list items and headings one, and read
    # an address as one short word rather than a string of syllables.
    graded = " ".join(_ADDRESS.sub("link", s) + ("" if s[-1] in ".!?" else ".") for s in sentences)
    grade = round(textstat.flesch_kincaid_grade(graded), 1)
    if grade > rules.max_grade:
        report.at(None, f"reads at school grade {grade:.1f}; the limit is {rules.max_grade:g}", GRADE_HINT)


def _long_sentences(plain: Plain, rules: LanguageRules, report: _Reporter) -> None:
    for start, end in plain.sentences():
        words = list(_WORD.finditer(plain.text, start, end))
        if len(words) > rules.max_sentence_words:
            opening = " ".join(word.group() for word in words[:5])
            report.at(
                start,
                f'the sentence "{opening} …" has {len(words)} words; the limit is {rules.max_sentence_words}',
                "split it into shorter sentences",
            )


class Phrases:
    """Phrases to look for, and one pattern that finds whether any of them occurs."""

    def __init__(self, table: Iterable[tuple[str, str]]) -> None:
        table = tuple(table)
        self.phrases = tuple(Phrase(_pattern(body), hint) for body, hint in table)
        # Every phrase's pattern starts and ends at a word edge: checking the edges once, around
        # all of them, makes this scan far cheaper than one alternative per phrase.
        self.any = _pattern("|".join(f"(?:{body})" for body, _ in table))


def _matches(plain: Plain, phrases: Phrases) -> Iterator[tuple[Phrase, re.Match[str]]]:
    """Each place a phrase occurs, in text order; a phrase inside one already found is not found again."""
    if not phrases.any.search(plain.text):
        return  # the usual case: one scan instead of one per phrase
    found = sorted(
        ((match, phrase) for phrase in phrases.phrases for match in phrase.pattern.finditer(plain.text)),
        key=lambda pair: (pair[0].start(), -pair[0].end()),
    )
    covered = 0
    for match, phrase in found:
        if match.end() > covered:
            covered = match.end()
            yield phrase, match


def _named(found: re.Match[str]) -> str:
    """A phrase as found, on one line even when it wraps in the file."""
    return " ".join(found.group().split())


def _pattern(body: str) -> re.Pattern[str]:
    # Words may wrap onto the next line of a block scalar: any run of spaces matches one.
    return re.compile(r"(?<![\w-])(?:" + body.replace(" ", r"\s+") + r")(?![\w-])", re.IGNORECASE)


def _literal(phrase: str) -> str:
    """A phrase from site.yml as a pattern matching just those words."""
    return " ".join(re.escape(word) for word in phrase.split())


_NON_APOLOGIES = Phrases(NON_APOLOGIES)


# Markdown --------------------------------------------------------------------------------

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
_WORD = re.compile(r"(?<!\S)\S*(?:://|@)\S*|[^\W_]+(?:['’.,-][^\W_]+)*")
_ADDRESS = re.compile(r"(?<!\S)\S*(?:://|@)\S*")


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
            if _WORD.search(sentence):
                lead = len(sentence) - len(sentence.lstrip())
                trimmed.append((start + lead, start + len(sentence.rstrip())))
        return trimmed


# Positions -------------------------------------------------------------------------------


class _Reporter:
    """Warnings about one prose field, each at the phrase it names (or at the field)."""

    def __init__(self, findings: Findings, prose: Prose, plain: Plain) -> None:
        self.findings, self.prose, self.plain = findings, prose, plain
        self.source = findings.records.source(prose.kind, prose.id)

    def at(self, index: int | None, message: str, hint: str, *, raw: bool = False) -> None:
        """A warning at character `index` of the plain text (of the field's own text, when `raw`), or at the field."""
        message = f"{self.prose.where}: {message}"
        if self.source is None:  # records built in code: place it at the file
            self.findings.warning(self.prose.kind, self.prose.id, self.prose.loc, message, hint)
            return
        if index is None:
            line, col = self.source.position(self.prose.loc)
        else:
            line, col = phrase_position(self.source, self.prose.loc, index if raw else self.plain.raw(index))
        self.findings.problems.append(Problem(self.source.file, line, col, "warning", message, hint))


def phrase_position(source: Source, loc: tuple[str | int, ...], offset: int) -> tuple[int, int]:
    """1-based (line, col) of character `offset` of the text at `loc`.

    Exact for one-line plain and quoted scalars without escapes, and for literal blocks (`|`)
    laid out the usual way; otherwise (folded text, escapes, odd indentation) the field's own
    position, which is never wrong, only less precise.
    """
    found = _scalar_at(source.document.root, loc)
    if found is None:
        return source.position(loc)
    key, node = found
    value, start, end = node.value, node.start_mark, node.end_mark
    style = node.style or ""  # libyaml marks a plain scalar "", PyYAML None
    if style in {"", "'", '"'} and start.line == end.line:
        doubled = value.count("'") if style == "'" else 0  # '' stands for one quote inside single quotes
        written = len(value) + (2 if style else 0) + doubled
        if end.index - start.index == written:  # no escapes or folding: each character is where it was typed
            before = value[:offset].count("'") if style == "'" else 0
            return start.line + 1, start.column + 1 + (1 if style else 0) + offset + before
    elif style == "|":
        indent = _literal_indent(key, node)
        if indent is not None:
            breaks = _line_breaks(value)
            line = bisect.bisect_left(breaks, offset)  # how many line breaks come before the character
            line_start = breaks[line - 1] + 1 if line else 0
            return start.line + 2 + line, indent + 1 + offset - line_start
    return source.position(loc)


# Cached per field: a long text can have a warning for each of its sentences, and working either
# out again for each warning made a megabyte of them take minutes.
@functools.lru_cache(maxsize=64)
def _line_breaks(value: str) -> list[int]:
    """Where each line break of `value` is."""
    return [found.start() for found in re.finditer("\n", value)]


def _scalar_at(root: Node, loc: tuple[str | int, ...]) -> tuple[ScalarNode, ScalarNode] | None:
    """The key and value nodes of the text at `loc`, or None unless the path leads exactly there."""
    node, key = root, None
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                return None
            key, node = pair
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
    if isinstance(key, ScalarNode) and isinstance(node, ScalarNode):
        return key, node
    return None


@functools.lru_cache(maxsize=64)
def _literal_indent(key: ScalarNode, node: ScalarNode) -> int | None:
    """The indentation of a literal block's lines, worked out from how many characters it spans.

    The nodes do not keep the file's text, so: the block spans its header line ("|", "|-" or
    "|+" and a line break), each line indented, and any blank lines after it. Solved for the
    indentation, the answer is trusted only when it is the usual two or four spaces past the
    key: anything else means a comment after the "|", spaces on blank lines or an indentation
    indicator, which this arithmetic cannot see.
    """
    value, start, end = node.value, node.start_mark, node.end_mark
    at_end_of_file = end.column != 0  # the last line has no line break
    lines = value.split("\n")
    if value.endswith("\n"):
        lines.pop()
    written_lines = end.line - start.line - (0 if at_end_of_file else 1)
    trailing_blank = written_lines - len(lines)
    filled = sum(1 for line in lines if line)
    if trailing_blank < 0 or not filled:
        return None
    kept = value.endswith("\n\n") or (not value.endswith("\n") and not at_end_of_file)  # "|+" or "|-"
    header = 2 + (1 if kept else 0)
    characters = sum(len(line) + 1 for line in lines) - (1 if at_end_of_file else 0) + trailing_blank
    indent, rest = divmod(end.index - start.index - header - characters, filled)
    if rest == 0 and indent in {key.start_mark.column + 2, key.start_mark.column + 4}:
        return indent
    return None
