"""Plain-language checks on every prose field: reading grade, long sentences, jargon, hedged promises, non-apologies,
and blocks too big to be read as Markdown (generator/trustpages/prose/bounded.py shows them as written).

Every finding is a warning placed at the phrase itself (line and column inside the field
where the text can be mapped back exactly), names the phrase and says it more plainly.
The thresholds and extra phrases come from `language:` in site.yml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import textstat

from trustpages import kinds
from trustpages.checks.findings import Findings
from trustpages.checks.plaintext import ADDRESS, WORD, Plain
from trustpages.checks.textposition import phrase_position
from trustpages.problems import Problem
from trustpages.prose import bounded
from trustpages.records import RecordSet
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
    if sum(len(WORD.findall(sentence)) for sentence in sentences) < MIN_GRADED_WORDS:
        return
    # textstat counts sentences by their end marks: give list items and headings one, and read
    # an address as one short word rather than a string of syllables.
    graded = " ".join(ADDRESS.sub("link", s) + ("" if s[-1] in ".!?" else ".") for s in sentences)
    grade = round(textstat.flesch_kincaid_grade(graded), 1)
    if grade > rules.max_grade:
        report.at(None, f"reads at school grade {grade:.1f}; the limit is {rules.max_grade:g}", GRADE_HINT)


def _long_sentences(plain: Plain, rules: LanguageRules, report: _Reporter) -> None:
    for start, end in plain.sentences():
        words = list(WORD.finditer(plain.text, start, end))
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
