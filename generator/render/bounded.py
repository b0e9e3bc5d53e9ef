"""Bounds on what record text costs to render: Markdown that would make the parser superlinear is defused first.

Python-Markdown scans from every unclosed `[`, `(` of a link target, backtick run and `<` to the
end of the text, and rebuilds a paragraph's text once per inline match: 40 KB of `[` took minutes.
Before parsing, each such character that cannot close nearby is swapped for a stand-in (a
private-use character the parser reads as a letter), and swapped back, HTML-escaped, after
sanitising. So normal links, code and tags render as before, a stray `[` shows as `[`, and the
parser's work per character stays bounded. A block (text between blank lines) longer than
MAX_BLOCK_CHARS or with more than MAX_BLOCK_MARKS inline marks is shown as written, its
Markdown inline syntax not interpreted: no person writes a paragraph like that, and it is the
only way to keep the parser's per-match rebuilding linear.
"""

from __future__ import annotations

import re
from html import escape

MAX_BLOCK_CHARS = 10_000
MAX_BLOCK_MARKS = 500  # inline marks (` \ * _ [ < &) in one block
MAX_BRACKET_DEPTH = 3  # [ inside [ inside [
MAX_SPAN = 2_000  # characters from an opening [ ( or backtick run to what closes it
MAX_TAG_CHARS = 1_000  # from < to the > of its tag, with no < between

# Stand-ins live in Supplementary Private Use Area-A: plane 15, code point 0xF0000 + the character.
_DEFUSED = "[]`\\*_<&("
_STAND_IN_MARKS = {ord(c): chr(0xF0000 + ord(c)) for c in _DEFUSED}
_STAND_IN_SPACE = chr(0xF0020)
_RESTORE = str.maketrans({chr(0xF0000 + ord(c)): escape(c, quote=False) for c in _DEFUSED} | {_STAND_IN_SPACE: " "})
# A stand-in typed into a record would be restored as syntax it never was: it becomes U+FFFD.
_FOREIGN = str.maketrans(dict.fromkeys(_RESTORE, "\ufffd"))
_ANY_STAND_IN = re.compile("[\U000f0000-\U000f00ff]")

_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n|$)")
_MARK = re.compile(r"[`\\*_\[<&]| +(?=\n)")
_BRACKETS = re.compile(r"\\.|[\[\]()]|`+", re.DOTALL)
_ANGLES = re.compile(r"<!--|[<>]")


def defuse(text: str) -> str:
    """`text` with every hazardous syntax character swapped for its stand-in (see the module docstring)."""
    if _ANY_STAND_IN.search(text):
        text = text.translate(_FOREIGN)
    chars = list(text)
    start = 0
    for blank in [*_BLANK_LINE.finditer(text), None]:
        end = blank.start() if blank else len(text)
        if end > start:
            _defuse_block(text, chars, start, end)
        start = blank.end() if blank else end
    _defuse_angles(text, chars)
    return "".join(chars)


def restore(html: str) -> str:
    """HTML made from defused text, with each stand-in back as the (escaped) character it stands for."""
    return html.translate(_RESTORE)


def _swap(chars: list[str], index: int) -> None:
    chars[index] = _STAND_IN_MARKS.get(ord(chars[index]), chars[index])


def _defuse_block(text: str, chars: list[str], start: int, end: int) -> None:
    if end - start > MAX_BLOCK_CHARS or len(_MARK.findall(text, start, end)) > MAX_BLOCK_MARKS:
        # Shown as written: every inline mark defused, and no line break made of trailing spaces.
        shown = text[start:end].translate(_STAND_IN_MARKS).replace(" \n", _STAND_IN_SPACE + "\n")
        chars[start:end] = shown
        return
    _defuse_links_and_code(text, chars, start, end)


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
    for index, token in enumerate(visible):
        kind = token.group()
        if kind == "[":
            close = closing.get(index)
            if close is None:
                _swap(chars, token.start())
                continue
            kept = sum(1 for _, k in kept_open if k) < MAX_BRACKET_DEPTH and visible[close].start() - token.start() <= MAX_SPAN
            target = close + 1 if close + 1 < len(visible) and visible[close + 1].group() == "(" else None
            if target is not None and visible[target].start() == visible[close].end():
                paren = closing.get(target)
                if not (kept and paren is not None and visible[paren].start() - visible[target].start() <= MAX_SPAN):
                    _swap(chars, visible[target].start())
                    kept = False
            kept_open.append((close, kept))
            if not kept:
                _swap(chars, token.start())
                _swap(chars, visible[close].start())
        elif kind == "]" and kept_open and kept_open[-1][0] == index:
            kept_open.pop()


def _outside_code(tokens: list[re.Match[str]], chars: list[str]) -> list[re.Match[str]]:
    """The bracket and parenthesis tokens outside code spans; backtick runs that open none are defused."""
    next_same: dict[int, int] = {}  # each backtick run's next run of the same length
    last_run: dict[int, int] = {}
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index].group()
        if token[0] == "`":
            if len(token) in last_run:
                next_same[index] = last_run[len(token)]
            last_run[len(token)] = index
    visible = []
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
