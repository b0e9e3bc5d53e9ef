"""Every key of the build cache, made here and nowhere else: what each kept thing is named by, and so what it is made from.

A key is a hash of everything an output is made from; nothing else goes in, so an output whose
inputs did not change is the very bytes a cold build would make, and one whose inputs changed is
never reused. The keys, from the innermost:

* `code_key`: trustpages' own code, the libraries its output passes through and the time-zone
  database. Every other key holds it, and the indexes of what the code alone makes carry it.
* `RecordPageKeys.page`: a record page (or a long list's page) as trustpages rendered it, from its
  path and the `PageInputs` render declares for it (what every such page shows, and its own records).
* `RecordPageKeys.fragment`: a piece of the open data (a record's JSON item, a feed) by its inputs.
* `theme_key`: what every themed page shares (MkDocs' configuration as the plugin dressed it, the
  navigation and what it shows of each page it lists, the theme's templates, the versions).
* `themed_page_key`: a page as the theme rendered it: the theme key, its path, and its source (or
  the key it was rendered under, which spares hashing the source).
* `shared_part_key`: a part of the theme's navigation that pages outside it share in one build.
"""

from __future__ import annotations

import functools
import hashlib
import json
import zoneinfo
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

_PACKAGE = Path(__file__).resolve().parents[1]  # trustpages/: every module of it is in code_key
_THEME_PACKAGES = ("mkdocs", "mkdocs-material", "jinja2", "markupsafe")
# What trustpages' own output passes through besides its code: templates, Markdown, the HTML
# cleaner, the models, YAML. An upgrade of any of them can change a kept page's bytes.
_OWN_TOOLS = ("jinja2", "markupsafe", "markdown", "nh3", "pydantic", "pyyaml")


@functools.cache
def code_key() -> str:
    """A hash of trustpages' own code and of the versions of the libraries its output passes through (_OWN_TOOLS).

    Every kept output was made by them; a version number of trustpages would miss a checkout's edits.
    """
    tools = " ".join(f"{name} {_version(name)}" for name in _OWN_TOOLS)
    return _hash(f"{_tree_digest(_PACKAGE, '*.py')} {tools} {time_zones_key()}")


@functools.cache
def time_zones_key() -> str:
    """The time-zone database local times are read in: each folder `zoneinfo` looks in, then the tzdata package.

    A folder is its `tzdata.zi`'s version line where it has one (a distribution's packaged
    database), else a hash of its files: a tzdata upgrade changes the local times pages show.
    """
    parts = []
    for folder in map(Path, zoneinfo.TZPATH):
        if not folder.is_dir():
            continue
        try:
            with (folder / "tzdata.zi").open(encoding="utf-8") as file:
                first = file.readline().strip()
        except (OSError, UnicodeDecodeError):
            first = ""
        parts.append(f"{folder} {first if first.startswith('# version ') else _tree_digest(folder, '*')}")
    parts.append(f"tzdata {_version('tzdata')}")
    return "; ".join(parts)


@dataclass(frozen=True)
class PageInputs:
    """What a record page (or a long list's page) is made from, as render declares it: compared while serving, hashed on disk.

    `shared`: what every such page shows (templates, the day, site.yml, whether history is there);
    `own`: what this page alone shows (its record, the records it names, its history).
    """

    shared: tuple[Any, ...]
    own: tuple[Any, ...]


class RecordPageKeys:
    """The keys of what trustpages renders, for one build: record pages by path and inputs, open-data fragments by inputs.

    A record is in its page's key, in those of the pages that show it, in a long list's, and in its
    items in the open data: each record's fingerprint is made once per build (`fingerprint`'s `seen`),
    and what every page shares once per `PageInputs.shared`.
    """

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Any, str]] = {}
        self._shared: tuple[tuple[Any, ...], str] | None = None

    def page(self, path: str, inputs: PageInputs) -> str:
        """The key of the page at `path` made from `inputs`."""
        if self._shared is None or self._shared[0] is not inputs.shared:
            self._shared = (inputs.shared, _hash(f"{fingerprint(inputs.shared)}\0{code_key()}"))
        return _hash(f"{path}\0{self._shared[1]}\0{fingerprint(inputs.own, self._seen)}")

    def fragment(self, inputs: tuple[Any, ...]) -> str:
        """The key of text made from `inputs` alone and the code (the index it is kept in carries `code_key`)."""
        return _hash(fingerprint(inputs, self._seen))


_PLAIN = (str, int, float, type(None), date)  # bool is an int, datetime a date: each is its repr


def fingerprint(value: Any, seen: dict[int, tuple[Any, str]] | None = None) -> str:
    """Everything `value` holds, as text that is the same in every process.

    A record is its JSON (pydantic writes it in Rust, where `repr` would take twice as long) with
    its kind and id, which the JSON leaves out, and what it holds beside its fields (a promise's
    due date as first published, from its history). Sets are sorted: their order, and so their `repr`,
    changes from one process to the next (a commit's changed fields in the history are one).
    `seen` keeps the fingerprint of each record and frozen dataclass (by identity: neither changes)
    for the rest of a build, as a hash.
    """
    if isinstance(value, _PLAIN):
        return repr(value)
    if isinstance(value, tuple | list):
        return f"({','.join(fingerprint(item, seen) for item in value)})"
    if isinstance(value, set | frozenset):
        return f"{{{','.join(sorted(fingerprint(item, seen) for item in value))}}}"
    if isinstance(value, dict):
        return f"{{{','.join(sorted(f'{fingerprint(key, seen)}:{fingerprint(item, seen)}' for key, item in value.items()))}}}"
    model = isinstance(value, BaseModel)
    frozen = not model and is_dataclass(value) and not isinstance(value, type) and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
    if seen is not None and (model or frozen) and (known := seen.get(id(value))) is not None:
        return known[1]
    if model:
        # What a record holds beside its fields: a promise's due date as first published.
        private = f"+{fingerprint(value.__pydantic_private__, seen)}" if value.__pydantic_private__ else ""
        try:
            text = f"{type(value).__qualname__}[{getattr(value, 'id', '')}]{value.model_dump_json()}{private}"
        except PydanticSerializationError:  # a field JSON cannot hold: field by field
            named = ",".join(f"{name}={fingerprint(getattr(value, name), seen)}" for name in type(value).model_fields)
            text = f"{type(value).__qualname__}({named}){private}"
    elif is_dataclass(value) and not isinstance(value, type):
        named = ",".join(f"{field.name}={fingerprint(getattr(value, field.name), seen)}" for field in fields(value))
        text = f"{type(value).__qualname__}({named})"
    else:
        return repr(value)
    if seen is not None and (model or frozen):
        text = seen.setdefault(id(value), (value, f"{type(value).__qualname__}#{_hash(text)}"))[1]  # kept alive: its id stays its own
    return text


_NOT_SHOWN = frozenset(
    {"config_file_path", "site_dir", "docs_dir", "watch", "dev_addr", "strict", "validation", "exclude_docs", "not_in_nav",
     "draft_docs", "hooks", "plugins", "theme", "nav"}
)  # fmt: skip


def theme_key(config: Any, shown_in_nav: dict[str, Any]) -> str:
    """The hash of what every themed page shares: configuration, navigation, theme templates, code.

    `config` is MkDocs' configuration as the plugin dressed it. `shown_in_nav`: what the navigation
    shows of each page it lists, by path (a hand-written page's source; a generated one's front
    matter and first heading: the whole of it changes with the records, but not what the
    navigation shows of it).
    """
    theme = config.theme
    parts = {
        # Every option a theme template may read, but where files are read from and written to, and what only steers the build.
        "config": {name: value for name, value in config.items() if name not in _NOT_SHOWN},
        "plugins": list(config.plugins),
        "theme": {"name": theme.name, "options": dict(theme.items()), "dirs": [_folder_key(Path(folder)) for folder in theme.dirs]},
        "nav": config.nav,
        "listed": shown_in_nav,
        "versions": {name: _version(name) for name in _THEME_PACKAGES},
        "code": code_key(),
    }
    return _hash(json.dumps(parts, sort_keys=True, default=_stable, ensure_ascii=False))


def themed_page_key(theme: str, src_uri: str, source: str, rendered_as: str | None = None) -> str:
    """The key of a page as the theme rendered it: `theme` (theme_key), its path, and its source.

    Its address, canonical address and edit link follow from the path and the configuration, and
    its title in the navigation and its neighbours there from the navigation (in the theme key).
    `rendered_as`: the key trustpages rendered the source under (RecordPageKeys.page), which stands
    for the source and spares hashing it.
    """
    made = f"rendered from {rendered_as}" if rendered_as else _hash(source)
    return _hash(json.dumps([theme, src_uri, made], ensure_ascii=False))


def shared_part_key(part: str, base_url: str, folder: str, hide: Any, toc: Any) -> str:
    """The key of a part of the theme's navigation shared by the pages outside it: what the part shows of a page."""
    return json.dumps([part, base_url, folder, hide, toc], default=str)


def _stable(value: Any) -> str:
    """A value JSON cannot hold, the same in every process: a date as written, an object or function by its name (not its address)."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, set | frozenset):  # in the same order in every process
        return json.dumps(sorted(value, key=str), sort_keys=True, default=_stable)
    named = value if callable(value) and hasattr(value, "__qualname__") else type(value)
    return f"{named.__module__}.{named.__qualname__}"


def _folder_key(folder: Path) -> str:
    """An installed theme's folder by its package version (thousands of icons); a site's own by its files."""
    for name in ("material", "mkdocs"):
        try:
            package = Path(__import__(name).__file__ or "").parent
        except ImportError:  # pragma: no cover - both are dependencies
            continue
        if folder.resolve().is_relative_to(package.resolve()):
            return f"{name} {folder.resolve().relative_to(package.resolve())}"
    return _tree_digest(folder, "*")


def _tree_digest(folder: Path, pattern: str) -> str:
    """A hash of the files under `folder` matching `pattern`: their paths and bytes."""
    found = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)) if folder.is_dir() else ():
        if path.is_file():
            found.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return found.hexdigest()


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:  # trustpages run from a checkout that was never installed
        return "unknown"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
