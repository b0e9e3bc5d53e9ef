"""Where a character of a field's text is in its YAML file (line and column), so a warning can point at the phrase itself."""

from __future__ import annotations

import bisect
import functools
import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trustpages.records import Source


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
