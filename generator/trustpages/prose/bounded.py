"""Bounds on what record text costs to render: Markdown that would make the parser superlinear is defused first.

Python-Markdown scans from every unclosed `[`, `(` of a link target, backtick run and `<` to the
end of the text, rebuilds an element's text once per inline match, re-scans the rest of a block
after each heading or rule line in it, and recurses once per level of nesting: 40 KB of `[` took
minutes, 40 KB of `---` lines a minute, and deeply nested lists raised RecursionError. Before
parsing, each such character is swapped for a stand-in (a private-use character the parser reads
as a letter) and swapped back, HTML-escaped, after sanitising: a stray `[` still shows as `[`, and
normal links, code, tags, lists and headings render as before.

What is defused: a `[` whose `]` is missing, far or more than MAX_BRACKET_DEPTH deep; a link's `(`
without a near `)`; a backtick run that no run of its length closes nearby; a `<` without its `>`
close behind; list and quote markers more than MAX_NESTING deep. A block (lines between blank
lines) longer than MAX_BLOCK_CHARS, with more than MAX_BLOCK_MARKS inline marks or more than
MAX_BLOCK_SPLITS heading or rule lines, and every block past a text's MAX_TEXT_MARKS or
MAX_TEXT_STRUCTURE, is shown as written: no inline mark and no line's first character is read as
syntax. No person writes a block like that, and it is the only way to keep the parser's
re-scanning linear. Indentation stays, so an indented code block is still one.
"""

from __future__ import annotations

import re
from html import escape

MAX_BLOCK_CHARS = 20_000
MAX_BLOCK_MARKS = 1_000  # inline marks (` \ * _ [ < & and line-break spaces) in one block
MAX_BLOCK_SPLITS = 16  # lines in one block that the parser splits it at: # headings, rules, === and --- underlines
# The parser's linear cost is still some 20-40 µs an element: past these totals in one text, blocks are
# shown as written too (a long postmortem has a few thousand marks and a few hundred list items).
MAX_TEXT_MARKS = 20_000
MAX_TEXT_STRUCTURE = 5_000  # lines starting a list item, quote, heading or rule, and table rows
MAX_BRACKET_DEPTH = 3  # [ inside [ inside [
MAX_NESTING = 8  # lists and quotes inside each other
MAX_SPAN = 2_000  # characters from an opening [ ( or backtick run to what closes it
MAX_TAG_CHARS = 1_000  # from < to the > of its tag, with no < between

# The stand-in of ASCII character c is U+F0000 + ord(c), in Supplementary Private Use Area-A.
_STAND_IN = {code: chr(0xF0000 + code) for code in range(0x80)}
_RESTORE = str.maketrans({chr(0xF0000 + code): escape(chr(code), quote=False) for code in range(0x80)})
# A stand-in typed into a record would be restored as syntax it never was: it becomes U+FFFD.
_FOREIGN = str.maketrans(dict.fromkeys(_RESTORE, "\ufffd"))
_ANY_STAND_IN = re.compile("[\U000f0000-\U000f007f]")
_WRITTEN = {ord(c): _STAND_IN[ord(c)] for c in "[]`\\*_<&("}  # the inline marks, in a block shown as written

_BLANK = re.compile(r"[ \t]*")
_MARK = re.compile(r"[`\\*_\[<&]|  (?=\n)")
_SPLIT = re.compile(r"^(?:#|[ ]{0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,}|=+|-+)[ \t]*$)", re.MULTILINE)
_STRUCTURE = re.compile(r"^(?:[ \t]*(?:[-*+>#=_]|\d{1,9}[.)])|[^\n|]*\|)", re.MULTILINE)
_LINE_TEXT = re.compile(r"^[ \t]*([^ \t\n])", re.MULTILINE)  # a line's first character after its indentation
_BREAK_SPACES = re.compile(r"(?<= ) (?=\n)")  # the last of two or more trailing spaces, which make a line break
# Where a line starts: its indentation, then the list and quote markers before its text.
_LINE_START = re.compile(r"^(?P<indent>[ \t]*)(?P<markers>(?:(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$|(?<=>)))*)", re.MULTILINE)
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")
_BRACKETS = re.compile(r"\\.|[\[\]()]|`+", re.DOTALL)
_ANGLES = re.compile(r"<!--|[<>]")


# Why a block is shown as written, and what its author can do, for `check` to say.
Unread = tuple[int, str, str]  # (where the block starts in the text, why, hint)
_SPLIT_IT = "split it with blank lines"
_SHORTEN = "link to the full text instead, or shorten it"


def unread(text: str) -> list[Unread]:
    """Each block of `text` that is shown as written rather than read as Markdown, and why."""
    found: list[Unread] = []
    defuse(text, found)
    return found


def defuse(text: str, unread: list[Unread] | None = None) -> str:
    """`text` with every hazardous syntax character swapped for its stand-in (see the module docstring);
    each block shown as written is added to `unread`, when given."""
    if _ANY_STAND_IN.search(text):
        text = text.translate(_FOREIGN)
    chars = list(text)
    budget = _Budget(MAX_TEXT_MARKS, MAX_TEXT_STRUCTURE)
    block: int | None = None  # where the current block starts
    offset = 0
    blocks: list[tuple[int, int]] = []
    for line in text.split("\n"):
        if _BLANK.fullmatch(line):
            if block is not None:
                blocks.append((block, offset - 1))
                block = None
        elif block is None:
            block = offset
        offset += len(line) + 1
    if block is not None:
        blocks.append((block, len(text)))
    for start, end in blocks:
        why = _defuse_block(text, chars, start, end, budget)
        if why is not None and unread is not None:
            unread.append((start, *why))
    _defuse_angles(text, chars)
    return "".join(chars)


class _Budget:
    """What is left of one text's allowance of inline marks and structure lines."""

    def __init__(self, marks: int, structure: int) -> None:
        self.marks, self.structure = marks, structure

    def spend(self, marks: int, structure: int) -> bool:
        """Takes this much from what is left, or nothing (False) when it is not there."""
        if marks > self.marks or structure > self.structure:
            return False
        self.marks -= marks
        self.structure -= structure
        return True


def restore(html: str) -> str:
    """HTML made from defused text, with each stand-in back as the (escaped) character it stands for."""
    return html.translate(_RESTORE)


def _swap(chars: list[str], index: int) -> None:
    chars[index] = _STAND_IN.get(ord(chars[index]), chars[index])


def _defuse_block(text: str, chars: list[str], start: int, end: int, budget: _Budget) -> tuple[str, str] | None:
    """Defuses the block text[start:end] (whole lines, no blank one); why and what to do when it is shown as written."""
    why = _over_limits(text, start, end, budget)
    if why is not None:
        # Shown as written: every inline mark, the first character of every line and the spaces
        # that would make a line break swapped, so no line starts a heading, rule, list or quote.
        # Indentation stays: an indented code block is still one (restored, it reads the same).
        chars[start:end] = text[start:end].translate(_WRITTEN)
        for line in _LINE_TEXT.finditer(text, start, end):
            _swap(chars, line.start(1))
        for spaces in _BREAK_SPACES.finditer(text, start, end):
            _swap(chars, spaces.start())
        return why
    _defuse_nesting(text, chars, start, end)
    _defuse_links_and_code(text, chars, start, end)
    return None


def _over_limits(text: str, start: int, end: int, budget: _Budget) -> tuple[str, str] | None:
    """Why the block text[start:end] is past a limit, and the hint; None when it is within all of them."""
    if end - start > MAX_BLOCK_CHARS:
        return f"a block of {end - start:,} characters without a blank line (the limit is {MAX_BLOCK_CHARS:,})", _SPLIT_IT
    marks = len(_MARK.findall(text, start, end))
    if marks > MAX_BLOCK_MARKS:
        return f"a block with {marks:,} Markdown marks (the limit is {MAX_BLOCK_MARKS:,})", _SPLIT_IT
    splits = len(_SPLIT.findall(text, start, end))
    if splits > MAX_BLOCK_SPLITS:
        return f"a block with {splits} heading or rule lines (the limit is {MAX_BLOCK_SPLITS})", _SPLIT_IT
    if not budget.spend(marks, len(_STRUCTURE.findall(text, start, end))):
        limits = f"{MAX_TEXT_MARKS:,} Markdown marks or {MAX_TEXT_STRUCTURE:,} list items, headings and table rows"
        return f"a block past the text's first {limits}", _SHORTEN
    return None


def _defuse_nesting(text: str, chars: list[str], start: int, end: int) -> None:
    """Swaps list and quote markers that would nest more than MAX_NESTING deep (counting indentation)."""
    for line in _LINE_START.finditer(text, start, end):
        if not line.group("markers"):
            continue
        depth = len(line.group("indent").expandtabs(4)) // 4
        for marker in _MARKER.finditer(text, line.start("markers"), line.end("markers")):
            depth += 1
            if depth > MAX_NESTING:
                _swap(chars, marker.end() - 1)


def _defuse_links_and_code(text: str, chars: list[str], start: int, end: int) -> None:
    """Keeps a backtick run only when a run of the same length closes it nearby, and a `[` only when
    its `]` is near and at most MAX_BRACKET_DEPTH deep (and, for a link, its `(` has a near `)`)."""
    tokens = [m for m in _BRACKETS.finditer(text, start, end) if m.group()[0] != "\\"]
    visible = _outside_code(tokens, chars)
    closing: dict[int, int] = {}  # index in `visible` of each [ and ( that is closed -> of what closes it
    opened: dict[str, list[int]] = {"[": [], "(": []}
    for index, token in enumerate(visible):
        kind = token.group()
        if kind in opened:
            opened[kind].append(index)
        elif opened[pair := "[" if kind == "]" else "("]:
            closing[opened[pair].pop()] = index
    kept_open: list[tuple[int, bool]] = []  # (index of the ]) and kept, of each closed [ around here
    depth = 0  # how many of them are kept
    for index, token in enumerate(visible):
        kind = token.group()
        if kind == "[":
            close = closing.get(index)
            if close is None:
                _swap(chars, token.start())
                continue
            kept = depth < MAX_BRACKET_DEPTH and visible[close].start() - token.start() <= MAX_SPAN
            target = close + 1 if close + 1 < len(visible) and visible[close + 1].group() == "(" else None
            if target is not None and visible[target].start() == visible[close].end():
                paren = closing.get(target)
                if not (kept and paren is not None and visible[paren].start() - visible[target].start() <= MAX_SPAN):
                    _swap(chars, visible[target].start())
                    kept = False
            kept_open.append((close, kept))
            depth += kept
            if not kept:
                _swap(chars, token.start())
                _swap(chars, visible[close].start())
        elif kind == "]" and kept_open and kept_open[-1][0] == index:
            depth -= kept_open.pop()[1]


def _outside_code(tokens: list[re.Match[str]], chars: list[str]) -> list[re.Match[str]]:
    """The bracket and parenthesis tokens outside code spans; backtick runs that open none are defused."""
    next_same: dict[int, int] = {}  # each backtick run's next run of the same length
    last_run: dict[int, int] = {}
    for index in range(len(tokens) - 1, -1, -1):
        run = tokens[index].group()
        if run[0] == "`":
            if len(run) in last_run:
                next_same[index] = last_run[len(run)]
            last_run[len(run)] = index
    visible: list[re.Match[str]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.group()[0] != "`":
            visible.append(token)
        else:
            partner = next_same.get(index)
            if partner is not None and tokens[partner].start() - token.end() <= MAX_SPAN:
                index = partner + 1  # a code span: what is inside is not syntax
                continue
            for position in range(token.start(), token.end()):
                _swap(chars, position)
        index += 1
    return visible


def _defuse_angles(text: str, chars: list[str]) -> None:
    """Keeps a `<` only when its `>` follows within MAX_TAG_CHARS with no `<` between, and `<!--`
    only when a `-->` follows: the HTML parser looks for the end of every tag it starts."""
    comment_end = text.rfind("-->")
    angles = list(_ANGLES.finditer(text))
    for index, angle in enumerate(angles):
        if angle.group() == ">":
            continue
        if angle.group() == "<!--" and comment_end > angle.start():
            continue
        following = angles[index + 1] if index + 1 < len(angles) else None
        if following is None or following.group() != ">" or following.start() - angle.start() > MAX_TAG_CHARS:
            _swap(chars, angle.start())
