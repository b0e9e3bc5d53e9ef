"""Read one YAML file safely into plain Python values, keeping every node's position.

Only plain YAML is accepted: no tags, one document, bounded size, depth and alias
expansion, no escape for half a character (a lone surrogate, which no file or page can
hold). Plain scalars follow the YAML 1.2 core schema, so `on`, `yes` and `no` stay
text and `1:30` is not a number; dates stay text for the models to parse strictly.
`load_text` reads YAML another tool wrote (a Hugo site's front matter) under the same
budgets, every value as text.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError
from yaml.resolver import BaseResolver

try:  # libyaml composes in C: an order of magnitude faster than pure Python
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NODES = 100_000
# libyaml's composer recurses in C; far below the depth at which it would crash.
_SAFE_COMPOSE_DEPTH = 2_000
_MAX_DIGITS = 4_000

_PLAIN_TAGS = {BaseResolver.DEFAULT_SCALAR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG, BaseResolver.DEFAULT_MAPPING_TAG}
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INDENT_TAB = re.compile(r"^ *\t", re.MULTILINE)
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SURROGATE = re.compile("[\ud800-\udfff]")  # only a double-quoted scalar's \u escape makes one: UTF-8 text cannot hold it


_DEFAULT_TAGS = {ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG, SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
                 MappingNode: BaseResolver.DEFAULT_MAPPING_TAG}  # fmt: skip


class _NodeLoader(_Parser, BaseResolver):
    """Composes nodes without resolving any plain scalar: typing is ours to do."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        # No implicit or path resolvers are registered: every untagged node gets its kind's default
        # tag, which BaseResolver.resolve would find after a few lookups, once per node.
        return _DEFAULT_TAGS[kind]


class YamlError(Exception):
    """A file that is not plain, well-formed YAML; carries a 1-based position."""

    def __init__(self, message: str, line: int = 1, col: int = 1, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


class Document:
    """A parsed file: its plain value, and (composed again only when asked) the node tree with positions.

    Keeping every file's node tree alive costs more memory and garbage-collection time than
    reading the files did; positions are only needed for the few files that have problems.
    """

    def __init__(self, value: Any, text: str, root: Node | None = None) -> None:
        self.value, self.text = value, text
        if root is not None:
            self.__dict__["root"] = root

    @functools.cached_property
    def root(self) -> Node:
        return yaml.compose(self.text, Loader=_NodeLoader)

    def position(self, loc: Sequence[str | int], key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the node at `loc`, or of its nearest existing parent.

        With `key`, point at the last key itself rather than its value (for unknown keys).
        """
        node = self.root
        for depth, part in enumerate(loc):
            last = depth == len(loc) - 1
            if isinstance(node, MappingNode) and isinstance(part, str):
                match = next((pair for pair in node.value if pair[0].value == part), None)
                if match is None:
                    continue  # e.g. a missing field: report its parent
                node = match[0] if key and last else match[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
        return node.start_mark.line + 1, node.start_mark.column + 1


def read(path: Path, parsed: dict[bytes, Document] | None = None) -> Document:
    """Parse `path`; raise YamlError with a position and a plain explanation.

    `parsed` holds documents already parsed, by the bytes they came from: a file that is byte for
    byte the same is not parsed again, and what this call parses is added.
    """
    raw = _read_bytes(path)
    if parsed is None:
        return parse(raw)
    document = parsed.get(raw)
    if document is None:
        document = parsed[raw] = parse(raw)
    return document


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file that is no larger than MAX_BYTES, checked before reading.

    The file is opened without following a link and without waiting for a pipe's writer, and
    what it is and its size come from the open file itself, so nothing can be swapped in between.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise YamlError(
                "is a symbolic link; trustpages does not follow links", hint="put the file itself in the content folder"
            ) from None
        raise YamlError(f"cannot read the file: {exc.strerror or exc}", hint="check that you may read it") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise YamlError(f"cannot read the file: {os.strerror(errno.EISDIR)}", hint="check that you may read it")
        if not stat.S_ISREG(info.st_mode):
            raise YamlError("is not a regular file (a pipe, socket or device)", hint="replace it with a plain file, or remove it")
        if info.st_size > MAX_BYTES:
            raise _too_large(info.st_size)
        chunks, left = [], MAX_BYTES + 1  # + 1: a file that grew since it was measured is still refused by `parse`
        while left and (chunk := os.read(fd, left)):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise YamlError(f"cannot read the file: {exc.strerror or exc}", hint="check that you may read it") from None
    finally:
        os.close(fd)


def _too_large(size: int) -> YamlError:
    return YamlError(
        f"file is {size:,} bytes; records are limited to {MAX_BYTES:,}", hint="split it, or link to a long write-up instead of pasting it"
    )


def parse(raw: bytes) -> Document:
    """Parse a file's bytes (e.g. a past version read from git) exactly as `read` parses a file."""
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    text = _decode(raw)
    root = _compose(text)
    if root is None:
        raise YamlError("file is empty", hint="write the record's fields, or delete the file")
    return Document(_Converter().value(root, 0), text)


def load_text(text: str) -> Any:
    """YAML another tool wrote (a Hugo site's front matter or config.yml): every value as text, as Hugo reads it, unguessed.

    The same budgets as a record's: size, depth, values (aliases cannot expand without end), no
    tags, no duplicate keys. Raises YamlError with a position in `text`; an empty text is None.
    """
    if len(text) > MAX_BYTES:  # characters: at least as many bytes
        raise _too_large(len(text))
    root = _compose(text)
    return None if root is None else _Converter(typed=False).value(root, 0)


def _compose(text: str) -> Node | None:
    """The node tree of `text`, refused with a located YamlError when it is not plain, reasonably nested YAML."""
    indent_tab = _INDENT_TAB.search(text)
    if indent_tab:  # a tab inside a value is fine; libyaml's own message for this one is cryptic
        line, col = _line_col(text, indent_tab.end() - 1)
        raise YamlError("tab character; YAML needs spaces for indentation", line, col, "replace the tab with spaces")
    _check_depth(text)
    try:
        root = yaml.compose(text, Loader=_NodeLoader)
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, text) from None
    except ReaderError as exc:
        raise _unprintable(text, exc) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise YamlError(str(exc)) from None
    return root


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(before, len(before))  # count characters, not bytes
        raise YamlError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            line,
            col,
            "save the file as UTF-8 in your editor",
        ) from None
    return text.removeprefix("\ufeff")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _check_depth(text: str) -> None:
    """Refuse absurd nesting before libyaml's recursive composer sees it."""
    longest = max((len(line) for line in text.splitlines()), default=0)
    if text.count("[") + text.count("{") + 2 * longest + 4 < _SAFE_COMPOSE_DEPTH:
        return  # cheap upper bound: this file cannot nest deeply
    try:
        _walk_depth(text)
    except yaml.MarkedYAMLError as exc:
        if exc.problem_mark is not None and "maximum nesting depth" in (exc.problem or ""):
            # libyaml (from PyYAML 6.0.4) has a nesting limit of its own, met while its scanner reads
            # ahead, before the parser reaches our limit. The text before that point holds the place
            # where ours is crossed: walk it alone to name the same line and column on any version.
            _walk_depth(_up_to(text, exc.problem_mark), stop_at_error=True)
        raise _explain(exc, text) from None
    except ReaderError as exc:
        raise _unprintable(text, exc) from None


def _walk_depth(text: str, *, stop_at_error: bool = False) -> None:
    """Raise YamlError at the first collection nested deeper than MAX_DEPTH."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_NodeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise YamlError(f"nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        if not stop_at_error:
            raise


def _up_to(text: str, mark: yaml.Mark) -> str:
    """The text before `mark`, found by line and column (libyaml's index may count bytes)."""
    lines = text.split("\n")
    return "\n".join([*lines[: mark.line], lines[mark.line][: mark.column]]) if mark.line < len(lines) else text


def _unprintable(text: str, exc: ReaderError) -> YamlError:
    """A control character; libyaml's offset counts bytes, so find the character itself."""
    line, col = _line_col(text, max(text.find(chr(exc.character)), 0))
    return YamlError(f"character U+{exc.character:04X} is not allowed in YAML", line, col, "delete it: most editors do not show it")


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and (mark is None or mark.line >= len(text.splitlines())):
        mark = exc.context_mark  # past the last line: point where the unclosed quote or bracket opened
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "not valid YAML"
    if "expected a single document" in str(exc.context) or "but found another document" in problem:
        return YamlError("more than one YAML document (---) in one file", line, col, "one record per file")
    if "mapping values are not allowed" in problem:
        return YamlError(
            "a colon followed by a space inside a value",
            line,
            col,
            "put the whole value in quotes",
        )
    if exc.context:
        problem = f"{problem} ({exc.context})"
    return YamlError(f"YAML syntax: {problem}", line, col, "check indentation, quotes and colons on this line")


class _Converter:
    """Turns nodes into plain values, with a budget so aliases cannot blow up; `typed`: plain scalars by the core schema, else text."""

    def __init__(self, typed: bool = True) -> None:
        self.visited = 0
        self.typed = typed

    def value(self, node: Node, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _error_at(node, f"more than {MAX_NODES:,} values (are aliases (*) expanding?)")
        if depth >= MAX_DEPTH and not isinstance(node, ScalarNode):  # depth 0 is the first level
            raise _error_at(node, f"nested more than {MAX_DEPTH} levels deep")
        if node.tag not in _PLAIN_TAGS:
            raise _error_at(node, f"YAML tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed", "remove the tag")
        if isinstance(node, ScalarNode):
            if node.style == '"':
                _whole_characters(node)
            return _scalar(node) if self.typed and not node.style else node.value  # libyaml marks plain as "", PyYAML as None
        if isinstance(node, SequenceNode):
            return [self.value(item, depth + 1) for item in node.value]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _error_at(key_node, "a key must be a plain word, not a list or mapping")
            if key_node.style == '"':
                _whole_characters(key_node)
            key = key_node.value
            if key in mapping:
                raise _error_at(key_node, f"duplicate key '{key}'", "keep one of them: YAML would silently drop the other")
            mapping[key] = self.value(value_node, depth + 1)
        return mapping


def _whole_characters(node: ScalarNode) -> None:
    """Refuse a double-quoted scalar whose escape (\\ud800) made half a character: no file or page can hold it."""
    if found := _SURROGATE.search(node.value):
        raise _error_at(
            node,
            f"the escape \\u{ord(found.group()):04x} is half of a character pair (a surrogate), not a character",
            "write the character itself, or its \\U escape with eight digits",
        )


def _scalar(node: ScalarNode) -> Any:
    text = node.value
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        if len(text) > _MAX_DIGITS:  # Python refuses to read longer ones (sys.get_int_max_str_digits)
            raise _error_at(
                node, f"a number with more than {_MAX_DIGITS:,} digits", "write a smaller number, or put it in quotes if it is text"
            )
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _error_at(node: Node, message: str, hint: str | None = None) -> YamlError:
    return YamlError(message, node.start_mark.line + 1, node.start_mark.column + 1, hint)
