"""The build cache: generated pages as the theme rendered them, kept on disk between builds (CI keeps the folder).

A page's entry is named by a hash of everything its output is made from: its path and the
source trustpages generated (HTML and front matter), and the site around it (the MkDocs
configuration after the plugin dressed it, the navigation and what it shows of each page it lists,
the theme's templates, the versions of MkDocs and Material, and a hash of trustpages' own code and
of the versions of the libraries its output passes through: `code_key`, which also keys the
parsed and rendered records below, and holds the version of the time-zone database). Nothing else goes in, so a
page whose inputs did not change is the very bytes a cold build would write, and the day only
matters to a page when its own text changed with it (an overdue promise). A build after one
record changed renders again only the pages that show it.

MkDocs does no work on a kept page: the plugin gives it to MkDocs as a file to copy rather than a
page to build, puts its kept search entries in the theme's index and its address in the site
map, and copies its file from the cache. The cache is private: a site never shares a file with it
(a hard link would let an edit of one site's file rewrite the cache and every other site), and
every entry is checked against the digest it was kept with when it is looked up and again as it
is copied, so an entry changed, emptied or cut short since (a crash, a partial restore of the
cache) is rendered again, never published. The entries are listed in `pages.index` beside the
outputs (`<hash>.html`); after a good build, the ones it did not use are deleted. Every index
ends with the digest of what it holds: one cut short or changed is not used.

`ParsedStore` keeps each record file's parsed value by the hash of its bytes (`parsed.index`), so
an unchanged file is not parsed again; it is validated again all the same.

`RenderStore` keeps, the same way (checked against their digests), each record page as trustpages
rendered it (before the theme), keyed by the inputs the preview's page cache compares (the record, what its page shows, its
history, the templates, site.yml and the day): a build on the same day renders again only the
record pages whose inputs changed; and the pages of long lists, by their rows' records. For the
open data it keeps text by what it was made from (`fragment`: each record's item in the JSON,
each feed; `fragments.index`) and values made from the code alone (`remember`: the JSON Schemas;
`derived.index`), both in indexes written by this code (`code_key`), or not used.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import zoneinfo
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from trustpages.render import PageCache
from trustpages.yamlsource import Document

_PACKAGES = ("mkdocs", "mkdocs-material", "jinja2", "markupsafe")
MANIFEST = "pages.index"
DERIVED = "derived.index"
FRAGMENTS = "fragments.index"


@dataclass(frozen=True)
class Kept:
    """A kept page: the digest of its output, its entries in the theme's search index, and its front matter (the navigation shows some)."""

    digest: str
    search: list[dict[str, str]]
    meta: dict[str, Any]


class ChangedEntry(OSError):
    """A cache entry whose bytes are no longer those it was kept with."""


class PageStore:
    """Outputs of earlier builds in `folder`, by the hash of what each was made from."""

    def __init__(self, folder: Path, site: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.site = site  # the hash of everything every page shares (site_key)
        self.entries = _read_index(folder / MANIFEST, _PAGES_INDEX)
        self.kept: dict[str, str] = {}  # the entries this build used or made (as JSON): the next manifest
        self.digests: dict[str, str] = {}  # the digest of each entry this build uses, as `get` found it
        self.reused = 0
        self.rendered = 0

    def key(self, src_uri: str, source: str, made_from: str | None = None) -> str:
        """The hash of a page's inputs: its path, its source and the site's.

        Its address, canonical address and edit link follow from the path and the configuration,
        and its title in the navigation and its neighbours there from the navigation (in the
        site's key). `made_from`: a hash of what the source was rendered from
        (RenderStore.made_from), which spares hashing the source.
        """
        made = f"rendered from {made_from}" if made_from else _hash(source)
        return _hash(json.dumps([self.site, src_uri, made], ensure_ascii=False))

    def get(self, key: str) -> Kept | None:
        """The kept page, if its output is there with the bytes it was kept with (read and checked: no size or time stands in for them)."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        try:
            kept = Kept(**json.loads(entry))
            if digest((self.folder / f"{key}.html").read_bytes()) != kept.digest:
                return None  # changed, emptied or cut short since: render it again
        except (OSError, TypeError, ValueError):
            return None
        self.kept[key] = entry
        self.digests[key] = kept.digest
        return kept

    def copy(self, key: str, destination: str) -> None:
        """Write a copy of the output `get` found at `destination`, checked against its digest again as it is copied.

        The bytes are read to be checked in any case, so they are written from memory: a reflink
        would save that write but publish bytes nobody checked. A file already at `destination`
        (a --dirty build) is replaced, never written through: it may be a hard link an older
        trustpages made. Raises ChangedEntry when the entry changed since `get` (OSError when
        another build pruned it).
        """
        data = (self.folder / f"{key}.html").read_bytes()
        if digest(data) != self.digests[key]:
            raise ChangedEntry(f"its kept output changed during the build ({self.folder / key}.html)")
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        try:
            os.unlink(destination)
        except FileNotFoundError:
            pass
        descriptor = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # less the umask, as MkDocs writes
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        self.reused += 1

    def put(self, key: str, output: str, search: list[dict[str, str]], meta: dict[str, Any]) -> None:
        """Keep `output`, its search entries and front matter for the next build.

        A page whose front matter is not plain JSON (a date in it would come back as text) is not kept.
        """
        data = output_bytes(output)
        if _as_json(meta) is None:
            return
        _write(self.folder / f"{key}.html", data)
        self.kept[key] = json.dumps(asdict(Kept(digest(data), search, meta)), ensure_ascii=False)
        self.rendered += 1

    def save(self) -> int:
        """Write the manifest of what this build used or made, delete the rest; return how many were deleted."""
        _write_index(self.folder / MANIFEST, _PAGES_INDEX, self.kept)
        return _prune(self.folder, set(self.kept), (".html", ".tmp"))


def output_bytes(output: str) -> bytes:
    """A page's output as MkDocs writes it."""
    return output.encode("utf-8", errors="xmlcharrefreplace")


class ParsedStore(dict[bytes, Document]):
    """Record files as parsed by earlier builds, by the hash of their bytes: what `yamlsource.read` takes as `parsed`.

    Values are kept as JSON, and only those JSON gives back unchanged (every value yamlsource makes
    does today: text keys, no tuples); anything else is parsed again next time. What was parsed by
    other code (another version of trustpages) is not used.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "parsed.index"
        self.before = _read_index(self.path, self._header())
        self.texts: dict[bytes, tuple[str, str]] = {}  # this build's documents' values as JSON, and their bytes' digest, by their bytes

    @staticmethod
    def _header() -> str:
        return f"trustpages parsed records, code {code_key()}"

    def get(self, raw: bytes, default: Any = None) -> Any:
        document = super().get(raw)
        if document is None:
            key = digest(raw)
            text = self.before.get(key)
            if text is None:
                return default
            try:
                value = json.loads(text)
            except ValueError:
                return default
            self.texts[raw] = key, text
            document = Document(value, raw.decode("utf-8"))
            super().__setitem__(raw, document)
        return document

    def __setitem__(self, raw: bytes, document: Document) -> None:
        super().__setitem__(raw, document)
        text = _as_json(document.value)
        if text is not None:
            self.texts[raw] = digest(raw), text

    def save(self) -> None:
        """Keep the files this build read (load() forgets the others) for the next build."""
        _write_index(self.path, self._header(), dict(self.texts[raw] for raw in self if raw in self.texts))


class _KeptValues:
    """Values kept as JSON in one index, by key, read when first asked for; `save` keeps those this build used or made."""

    def __init__(self, path: Path, header: str) -> None:
        self.path, self.header = path, header
        self.before: dict[str, str] | None = None  # the last build's, once asked
        self.used: dict[str, str] = {}

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        """The value kept under `key`, else `make()`'s, kept when JSON gives it back unchanged."""
        if self.before is None:
            self.before = _read_index(self.path, self.header)
        text = self.before.get(key)
        if text is not None:
            try:
                value = json.loads(text)
            except ValueError:  # not what was written: made again
                pass
            else:
                self.used[key] = text
                return value
        value = make()
        text = _as_json(value)
        if text is not None:
            self.used[key] = text
        return value

    def save(self) -> None:
        if self.before is not None and self.used != self.before:
            _write_index(self.path, self.header, self.used)


class Unread(str):
    """A record page's source that `RenderStore` has not decoded yet (it reads as empty): `RenderStore.read` gives it.

    A page whose themed output the build cache kept is never decoded; the plugin reads the others.
    """

    digest: str  # the hash of its inputs: the entry's name
    checksum: str  # the digest of its bytes, as `RenderStore.get` checked them


class RenderStore(PageCache):
    """Record pages as trustpages rendered them in earlier builds, on disk, by a hash of their inputs.

    `get` gives an `Unread` source: reading it is left until it is needed.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.kinds = _read_index(folder / MANIFEST, _RENDERED_INDEX)  # each entry's kind of page (html or markdown) and its bytes' digest
        self.used: dict[str, str] = {}
        self.made_from: dict[str, str] = {}  # each record page's path: the hash of its inputs
        self._shared: tuple[Any, str] | None = None
        self._seen: dict[int, tuple[Any, str]] = {}  # each record's fingerprint, once per build (_fingerprint)
        header = f"trustpages values made by code {code_key()}"
        self._derived = _KeptValues(folder / DERIVED, header)
        self._fragments = _KeptValues(folder / FRAGMENTS, header)

    def get(self, path: str, key: tuple[Any, ...]) -> tuple[str, bool] | None:
        """The page kept for these inputs, when its bytes are those it was kept with (emptied or cut short: rendered again)."""
        inputs = self.made_from[path] = self._inputs(path, key)
        entry = self.kinds.get(inputs, "")
        kind, _, checksum = entry.partition(" ")
        if kind not in ("html", "markdown"):
            return None
        try:
            if digest((self.folder / f"{inputs}.page").read_bytes()) != checksum:
                return None
        except OSError:  # gone (a build sharing the cache pruned it)
            return None
        self.used[inputs] = entry
        source = Unread()
        source.digest, source.checksum = inputs, checksum
        return source, kind == "html"

    def read(self, source: Unread) -> str:
        """The source `get` checked and did not decode (OSError when it is gone or changed since: a build sharing the cache pruned it)."""
        data = (self.folder / f"{source.digest}.page").read_bytes()
        if digest(data) != source.checksum:
            raise ChangedEntry(f"its rendered page changed during the build ({self.folder / source.digest}.page)")
        return data.decode("utf-8")

    def put(self, path: str, key: tuple[Any, ...], page: tuple[str, bool]) -> None:
        inputs = self.made_from[path] = self._inputs(path, key)
        data = page[0].encode()
        self.used[inputs] = f"{'html' if page[1] else 'markdown'} {digest(data)}"
        _write(self.folder / f"{inputs}.page", data)

    def prune(self) -> int:
        _write_index(self.folder / MANIFEST, _RENDERED_INDEX, self.used)
        self._derived.save()
        self._fragments.save()
        return _prune(self.folder, set(self.used), (".page", ".tmp"))

    def remember(self, name: str, make: Callable[[], Any]) -> Any:
        """A value made from trustpages' code alone (and the libraries in `code_key`), kept as JSON while they are the same.

        One the JSON cannot give back unchanged is made every time.
        """
        return self._derived.get(name, make)

    def fragment(self, inputs: tuple[Any, ...], make: Callable[[], str]) -> str:
        """Text made from `inputs` alone (and trustpages' code), such as a record's item in the open data: kept while they are the same."""
        made = self._fragments.get(_hash(_fingerprint(inputs, self._seen)), make)  # the index is of this code (its header)
        return made if isinstance(made, str) else make()

    def _inputs(self, path: str, key: tuple[Any, ...]) -> str:
        """A hash of the page's inputs; what every page shares (key[0]: templates, site, day; and the code) is written out once."""
        shared, own = key[0], key[1:]
        if self._shared is None or self._shared[0] is not shared:
            self._shared = (shared, _hash(f"{_fingerprint(shared)}\0{code_key()}"))
        return _hash(f"{path}\0{self._shared[1]}\0{_fingerprint(own, self._seen)}")


_PLAIN = (str, int, float, type(None), date)  # bool is an int, datetime a date: each is its repr


def _fingerprint(value: Any, seen: dict[int, tuple[Any, str]] | None = None) -> str:
    """Everything `value` holds, as text that is the same in every process.

    A record is its JSON (pydantic writes it in Rust, where `repr` would take twice as long) with
    its kind and id, which the JSON leaves out, and what it holds beside its fields (a promise's
    due date as first published, from its history). Sets are sorted: their order, and so their `repr`,
    changes from one process to the next (a commit's changed fields in the history are one).
    `seen` keeps the fingerprint of each record and frozen dataclass (by identity: neither changes)
    for the rest of a build, as a hash: a record is in its page's key, in those of the pages that
    show it, in a long list's, and in its items in the open data; an event in several feeds.
    """
    if isinstance(value, _PLAIN):
        return repr(value)
    if isinstance(value, tuple | list):
        return f"({','.join(_fingerprint(item, seen) for item in value)})"
    if isinstance(value, set | frozenset):
        return f"{{{','.join(sorted(_fingerprint(item, seen) for item in value))}}}"
    if isinstance(value, dict):
        return f"{{{','.join(sorted(f'{_fingerprint(key, seen)}:{_fingerprint(item, seen)}' for key, item in value.items()))}}}"
    model = isinstance(value, BaseModel)
    frozen = not model and is_dataclass(value) and not isinstance(value, type) and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
    if seen is not None and (model or frozen) and (known := seen.get(id(value))) is not None:
        return known[1]
    if model:
        # What a record holds beside its fields: a promise's due date as first published.
        private = f"+{_fingerprint(value.__pydantic_private__, seen)}" if value.__pydantic_private__ else ""
        try:
            text = f"{type(value).__qualname__}[{getattr(value, 'id', '')}]{value.model_dump_json()}{private}"
        except PydanticSerializationError:  # a field JSON cannot hold: field by field
            named = ",".join(f"{name}={_fingerprint(getattr(value, name), seen)}" for name in type(value).model_fields)
            text = f"{type(value).__qualname__}({named}){private}"
    elif is_dataclass(value) and not isinstance(value, type):
        named = ",".join(f"{field.name}={_fingerprint(getattr(value, field.name), seen)}" for field in fields(value))
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


def site_key(config: Any, listed: dict[str, Any]) -> str:
    """The hash of what every page shares: configuration, navigation, theme templates, code.

    `listed`: what the navigation shows of each page it lists, by path (a hand-written page's
    source; a generated one's front matter and first heading: the whole of it changes with the
    records, but not what the navigation shows of it).
    """
    theme = config.theme
    parts = {
        # Every option a theme template may read (the configuration as the plugin dressed it), but
        # where files are read from and written to, and what only steers the build.
        "config": {name: value for name, value in config.items() if name not in _NOT_SHOWN},
        "plugins": list(config.plugins),
        "theme": {"name": theme.name, "options": dict(theme.items()), "dirs": [_folder_key(Path(folder)) for folder in theme.dirs]},
        "nav": config.nav,
        "listed": listed,
        "versions": {name: _version(name) for name in _PACKAGES},
        "code": code_key(),
    }
    return _hash(json.dumps(parts, sort_keys=True, default=_stable, ensure_ascii=False))


# What trustpages' own output passes through besides its code: templates, Markdown, the HTML
# cleaner, the models, YAML. An upgrade of any of them can change a kept page's bytes.
_OWN_TOOLS = ("jinja2", "markupsafe", "markdown", "nh3", "pydantic", "pyyaml")


@functools.cache
def code_key() -> str:
    """A hash of trustpages' own code and of the versions of the libraries its output passes through (_OWN_TOOLS).

    Every kept output was made by them; a version number of trustpages would miss a checkout's edits.
    """
    tools = " ".join(f"{name} {_version(name)}" for name in _OWN_TOOLS)
    return _hash(f"{_tree_digest(Path(__file__).parent, '*.py')} {tools} {time_zones_key()}")


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
    digest = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)) if folder.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _as_json(value: Any) -> str | None:
    """`value` as JSON, when JSON gives it back unchanged (not a date, a tuple or a number as a key)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
        return text if json.loads(text) == value else None
    except (TypeError, ValueError):
        return None


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:  # trustpages run from a checkout that was never installed
        return "unknown"


def _write(path: Path, data: bytes) -> None:
    """Write `data` whole or not at all (a build stopped half way leaves no torn entry), readable as a site's files are."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a site is served by another user
        os.replace(temporary, path)
    except OSError:  # a full or read-only disk costs the next build time, never this one
        pass


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_PAGES_INDEX = "trustpages kept pages, checked"
_RENDERED_INDEX = "trustpages rendered record pages, checked"
_END = b"end "  # the index's last line: then the digest of every line before it


def _read_index(path: Path, header: str) -> dict[str, str]:
    """An index `_write_index` wrote with `header`, whole: each entry's JSON text by its key (parsed only when used)."""
    try:
        data = path.read_bytes()
    except OSError:  # none yet: everything is made afresh
        return {}
    end = data.rfind(b"\n", 0, len(data) - 1) + 1
    if data[end:] != _END + digest(data[:end]).encode() + b"\n":  # cut short or changed since (a crash, a partial restore)
        return {}
    first, _, rest = data[:end].decode("utf-8").partition("\n")
    if first != header:  # written by other code, or not an index
        return {}
    entries = {}
    for line in rest.split("\n"):  # not splitlines(): JSON keeps U+2028 and the like as they are
        key, tab, value = line.partition("\t")
        if tab:
            entries[key] = value
    return entries


def _write_index(path: Path, header: str, entries: dict[str, str]) -> None:
    """The header line, one line per entry, key and JSON text (JSON escapes line breaks and tabs), then the digest of those lines."""
    body = (header + "\n" + "".join(f"{key}\t{value}\n" for key, value in entries.items())).encode("utf-8")
    _write(path, body + _END + digest(body).encode() + b"\n")


def _prune(folder: Path, used: set[str], suffixes: tuple[str, ...]) -> int:
    removed = 0
    for entry in folder.iterdir():
        if entry.suffix in suffixes and entry.stem not in used:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def _hash(text: str) -> str:
    return digest(text.encode("utf-8"))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
