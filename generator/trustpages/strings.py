"""The UI strings of one language: what pages, feeds, calendars and messages say, looked up by key.

Built-in strings live in templates/strings/<locale>.yml; a site's own templates/strings/<locale>.yml
overrides them key by key. Adding a language is one such file.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from trustpages import yamlsource
from trustpages.problems import Problem, display_path

# Strings files as parsed, by their bytes, and the strings merged from them, by the files' text: a build asks for
# its strings from the pages, the open data, the navigation and the theme, and reads them once (a file edited
# during a preview is new text, so new strings).
_PARSED: dict[bytes, yamlsource.Document] = {}
_MERGED: dict[tuple[tuple[str, ...], str], Strings] = {}
# A string that depends on a number is a mapping of CLDR plural forms ({one: "{days} day ago", other: "{days} days
# ago"}); "other" is the one every language has. It is chosen by the first number the sentence says, or by the
# placeholder its `by` names ("from {old} to {new} ({notice} days' notice)": by notice).
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other", "by"})


def builtin_templates() -> Path:
    """Templates (and their strings) shipped with trustpages: inside the wheel, or the repository's templates/."""
    packaged = Path(__file__).resolve().parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "templates"


class Strings:
    """UI strings for one language: `strings('home.title', name=...)` a sentence, `strings.table('status')` a mapping of labels."""

    def __init__(self, table: dict[str, Any], locale: str = "en") -> None:
        self._table = table
        self.locale = locale
        self._found: dict[str, Any] = {}  # each key is looked up once: pages ask for the same ones thousands of times

    @classmethod
    def load(cls, locale: str, folders: Sequence[Path]) -> Strings:
        """The strings of `locale` from each folder's strings/<locale>.yml, the first folder overriding the later ones."""
        if len(_PARSED) > 16:  # a preview whose strings are being edited
            _PARSED.clear()
            _MERGED.clear()
        paths = (folder / "strings" / f"{locale}.yml" for folder in reversed(folders))  # built-in first, then the site's own
        documents = tuple(yamlsource.read(path, _PARSED) for path in paths if path.is_file())
        key = (tuple(document.text for document in documents), locale)
        found = _MERGED.get(key)
        if found is None:
            found = _MERGED[key] = cls(_merged(documents), locale)
        return found

    @classmethod
    def for_site(cls, locale: str, templates: Path | None = None) -> Strings:
        """The strings a site's pages use: its own templates/strings over the built-in ones."""
        return cls.load(locale, [folder for folder in (templates, builtin_templates()) if folder is not None and folder.is_dir()])

    def lookup(self, key: str, **values: Any) -> Any:
        """What `key` holds: a sentence (formatted with `values`), or a table; for templates, which use both."""
        node = self._found.get(key)
        if node is None:
            node = self._table
            for part in key.split("."):
                node = node[part]
            self._found[key] = node
        if values and is_plural(node):
            counted = values.get(node["by"]) if "by" in node else _counted(node["other"], values)
            node = node.get(plural_form(self.locale, counted), node["other"])
        return str(node).format(**values) if values else node

    def __call__(self, key: str, **values: Any) -> str:
        """The sentence at `key`, formatted with `values`; TypeError when `key` names a table (see `table`)."""
        node = self.lookup(key, **values)
        if isinstance(node, Mapping | list):
            raise TypeError(f"UI string {key!r} is a table, not a sentence: use Strings.table")
        return str(node)

    @functools.cached_property
    def key(self) -> str:
        """A hash of every string: what a build cache keys what these strings word by (feeds)."""
        return hashlib.sha256(json.dumps(self._table, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()

    def as_mapping(self) -> Mapping[str, Any]:
        """Every string, as nested mappings (to compare languages)."""
        return self._table

    def table(self, key: str) -> Any:
        """The labels at `key` (a mapping, or a list such as the months); TypeError when it is a sentence."""
        node = self.lookup(key)
        if not isinstance(node, Mapping | list):
            raise TypeError(f"UI string {key!r} is a sentence, not a table: call Strings")
        return node


def is_plural(node: Any) -> bool:
    """Whether a string is a mapping of plural forms, chosen by the number it says."""
    return isinstance(node, Mapping) and "other" in node and set(node) <= PLURAL_FORMS


def plural_form(locale: str, number: object) -> str:
    """The CLDR plural form of a number as the page writes it: in English and German (and, until a language says
    otherwise, every other) "one" is a whole 1 written without decimals, so "1 day" but "1.0 days" and "0 days"."""
    return "one" if str(number).strip() == "1" else "other"


def _counted(text: str, values: Mapping[str, Any]) -> object:
    """The number a plural string is chosen by: the first value it says that is a number (a date or a name is not)."""
    for _, name, _, _ in string.Formatter().parse(text):
        value = values.get(name.split(".")[0]) if name else None
        if isinstance(value, int | float) or (isinstance(value, str) and _is_number(value)):
            return value
    return None


def _is_number(text: str) -> bool:
    return text.replace(".", "").replace(",", "").replace("\u00a0", "").strip().isdigit()


def _merged(documents: Sequence[yamlsource.Document]) -> dict[str, Any]:
    """One table of strings from parsed strings files, each later one overriding the earlier ones key by key."""
    table: dict[str, Any] = {}
    for document in documents:
        # YAML 1.2: `on:` stays a key. A copy: merging the site's own strings must not change the parsed file.
        _merge(table, copy.deepcopy(document.value))
    return table


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def override_problems(templates: Path | None) -> list[Problem]:
    """What is wrong with a site's own strings (templates/strings/<locale>.yml): a key trustpages has no string for, or
    a placeholder the built-in string does not fill (a page would fail to render). Each at its line and column."""
    folder = templates / "strings" if templates is not None else None
    if folder is None or not folder.is_dir() or folder.resolve() == (builtin_templates() / "strings").resolve():
        return []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")):
        builtin = builtin_templates() / "strings" / path.name
        file = display_path(path)
        if not builtin.is_file():
            problems.append(Problem(file, 1, 1, "error", f"trustpages has no strings for the language {path.stem!r}", None))
            continue
        try:
            document = yamlsource.read(path)
        except yamlsource.YamlError as exc:
            problems.append(Problem(file, exc.line, exc.col, "error", exc.message, exc.hint))
            continue
        known = yamlsource.read(builtin).value
        problems.extend(_compare(document, document.value, known, (), file))
    return problems


def _compare(document: yamlsource.Document, own: Any, known: Any, loc: tuple[str, ...], file: str) -> list[Problem]:
    if not isinstance(own, dict):
        if isinstance(own, str) and isinstance(known, str):
            extra = _placeholders(own) - _placeholders(known)
            if extra:
                line, col = document.position(loc)
                named = ", ".join("{" + name + "}" for name in sorted(extra))
                given = ", ".join("{" + name + "}" for name in sorted(_placeholders(known))) or "none"
                return [Problem(file, line, col, "error", f"{'.'.join(loc)}: {named} is not filled in here (it can use: {given})", None)]
        return []
    found: list[Problem] = []
    for key, value in own.items():
        if not isinstance(known, dict) or key not in known:
            line, col = document.position((*loc, key), key=True)
            found.append(Problem(file, line, col, "error", f"{'.'.join((*loc, str(key)))}: trustpages has no such string", None))
            continue
        found.extend(_compare(document, value, known[key], (*loc, str(key)), file))
    return found


def _placeholders(text: str) -> set[str]:
    try:
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:  # an unmatched brace: no placeholder the page can fill
        return {"{"}
