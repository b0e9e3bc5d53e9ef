"""Every record's history from git: which commits touched its file, and which fields each one changed.

One `git log` pass over the whole content folder lists, per commit, the files it touched
with their blob ids before and after; one `git cat-file --batch` reads every blob needed,
and each version is parsed with trustpages.yamlsource and compared as plain values.
Renames are not followed (`--no-renames`): a record's id is its file name, so a renamed
file is a new record, and the old one is gone (which `check --against` catches).
Nothing is cached on disk: the result is a pure function of the repository.
"""

from __future__ import annotations

import contextlib
import dataclasses
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any, Literal

from trustpages import gitrefs, kinds, yamlsource
from trustpages.fielddiff import FieldChange, diff
from trustpages.records.common import RANGE, in_range

Key = tuple[str, str]  # (kind, id) as the loader names records; singletons have id ''
Action = Literal["created", "changed", "deleted"]

MAX_FIELDS = 12  # field changes listed per commit on a page; the rest are counted, so a big rewrite stays readable
_START = "\x01"  # starts each commit's header; the subject after it is read by position, so it may hold anything
# The committer date: when the change entered this history. An author date survives rebases
# and cherry-picks, so it can make a change look older than the commits around it.
_FORMAT = "%x01%H%x00%cI%x00%s"
_FILE_MODES = frozenset({"000000", "100644", "100755"})  # none (added or deleted), a file, an executable file


@dataclass(frozen=True)
class Change:
    """One commit that touched a record's file."""

    sha: str
    date: datetime  # the commit date, with the committer's offset
    subject: str
    action: Action
    fields: tuple[FieldChange, ...] = ()  # every value the commit changed
    readable: bool = True  # False when a version could not be parsed, so fields are unknown
    keys: frozenset[str] = frozenset()  # created incidents: the fields the first version had (see History.added)

    @property
    def listed(self) -> tuple[FieldChange, ...]:
        """The field changes a page lists."""
        return self.fields[:MAX_FIELDS]

    @property
    def more(self) -> int:
        """Field changes beyond the ones listed."""
        return max(0, len(self.fields) - MAX_FIELDS)


@dataclass(frozen=True)
class SkippedCommit:
    """A commit left out of the history: its date is not one trustpages can work with (e.g. year 10000)."""

    sha: str
    date: str  # as git wrote it

    def explain(self) -> str:
        return f"record history leaves out commit {self.sha[:12]}: its date {self.date!r} is outside the dates trustpages accepts ({RANGE})"


class History(Mapping[Key, tuple[Change, ...]]):
    """Every record's changes, newest first, by (kind, id); empty when git history is not available."""

    def __init__(
        self,
        changes: Mapping[Key, tuple[Change, ...]] | None = None,
        *,
        available: bool = True,
        is_shallow: bool = False,
        reason: str = "",
        detail: str = "",
        commit: str | None = None,
        skipped: tuple[SkippedCommit, ...] = (),
        prefix: str | None = None,
    ) -> None:
        self._changes = dict(changes or {})
        self.available = available  # False outside a git repository or without git
        self.is_shallow = is_shallow  # a `--depth` clone: older commits are missing
        self.reason = reason  # why it is not available: 'no_git', 'outside_repository' or 'git_error'
        self.detail = detail  # the same in git's words, for logs
        self.commit = commit  # the commit the content was read at (HEAD), when there is one
        self.prefix = prefix  # the content folder's path in the repository ('.' at its top), when in one
        self.skipped = skipped  # commits left out because their date cannot be read

    def __getitem__(self, key: Key) -> tuple[Change, ...]:
        return self._changes[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self._changes)

    def __len__(self) -> int:
        return len(self._changes)

    def of(self, kind: str, id: str = "") -> tuple[Change, ...]:
        """The changes of one record, newest first; () when it has none."""
        return self._changes.get((kind, id), ())

    def first_value(self, kind: str, id: str, path: str) -> str | None:
        """The value `path` had when the record was first committed, shown as text; None when it never changed or had none."""
        for change in reversed(self.of(kind, id)):
            for field in change.fields:
                if field.path == path:
                    return field.old
        return None

    def added(self, kind: str, id: str, path: str) -> datetime | None:
        """When a commit last gave the field at `path` a value after it had none; None when none did."""
        for change in self.of(kind, id):  # newest first
            for field in change.fields:
                if field.path == path:
                    return change.date if field.old is None and field.new is not None else None
        return None

    def born_with(self, kind: str, id: str, path: str) -> bool:
        """Whether the record's first commit already had the field (known for incidents, whose first versions are read)."""
        changes = self.of(kind, id)
        return bool(changes) and changes[-1].action == "created" and path in changes[-1].keys


def record_history(content_dir: Path) -> History:
    """The history of every record file under `content_dir`, from one git log and one git cat-file.

    Not available (`available` False) without git, outside a repository, or when git fails
    (`reason` says which, `detail` in git's words); empty in a repository with no commits yet.
    """
    try:
        return _read(content_dir)
    except gitrefs.GitMissing as exc:
        return History(available=False, reason="no_git", detail=str(exc))
    except gitrefs.NotARepository as exc:
        return History(available=False, reason="outside_repository", detail=str(exc))
    except gitrefs.GitError as exc:  # e.g. git refusing a repository owned by another user
        return History(available=False, reason="git_error", detail=str(exc))


def _read(content_dir: Path) -> History:
    place = gitrefs.locate(content_dir)
    shallow = gitrefs.is_shallow(place.top)
    try:
        head = gitrefs.git(place.top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()
    except gitrefs.GitError:
        return History(is_shallow=shallow)  # a repository without commits yet
    prefix = "." if str(place.prefix) == "." else place.prefix.as_posix()
    skipped: list[SkippedCommit] = []
    touches, values = _log_and_blobs(
        place.top,
        place.prefix,
        skipped,
        "-c", "log.showSignature=false", "--literal-pathspecs",
        "log", "--root", "--no-renames", "--no-relative", "--no-color", "--raw", "--no-abbrev", "-z",
        f"--format={_FORMAT}", "--", prefix,
    )  # fmt: skip
    changes: dict[Key, list[Change]] = {}
    for key, header, action, old, new in touches:
        changes.setdefault(key, []).append(_change(header, action, values.get(old), values.get(new, _UNREADABLE)))
    return History(
        {key: tuple(found) for key, found in changes.items()}, is_shallow=shallow, commit=head, skipped=tuple(skipped), prefix=prefix
    )


def _log_and_blobs(top: Path, prefix: PurePosixPath, skipped: list[SkippedCommit], *log_args: str) -> tuple[list[_Touch], dict[str, Any]]:
    """Run `git log` and one `git cat-file --batch` side by side, and parse every version read.

    A thread reads the log as git writes it and asks cat-file for each changed file's blobs
    at once (_Feeder); this thread parses the blobs as they come. So git's tree diffs and the YAML
    parsing overlap instead of adding up.
    """
    with tempfile.TemporaryFile() as log_errors, tempfile.TemporaryFile() as cat_errors:
        log = _start(top, log_args, stdout=subprocess.PIPE, stderr=log_errors)
        cat = _start(top, ("cat-file", "--batch", "--buffer"), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=cat_errors)
        assert log.stdout is not None and cat.stdin is not None and cat.stdout is not None
        first_read = frozenset(kind.name for kind in kinds.kinds() if kind.first_read)  # their first versions too, for History.added
        feeder = _Feeder(log.stdout, cat.stdin, prefix, skipped, first_read)
        thread = threading.Thread(target=feeder.run, name="trustpages-git-log", daemon=True)
        thread.start()
        try:
            values = _read_blobs(cat.stdout)
        except BaseException:
            log.kill()
            cat.kill()
            raise
        finally:
            if feeder.failed:
                log.kill()  # nobody reads the rest of the log
            thread.join()
            log.wait()
            cat.wait()
        if feeder.failed:
            raise feeder.failed[0]
        _check_exits((log, log_errors), (cat, cat_errors))
    return feeder.touches, values


@dataclass
class _Feeder:
    """Reads the log as git writes it and asks cat-file for the blobs each record edit needs, on a thread of its own."""

    log_out: IO[bytes]
    cat_in: IO[bytes]
    prefix: PurePosixPath
    skipped: list[SkippedCommit]
    first_read: frozenset[str]  # kinds whose created versions are read too
    touches: list[_Touch] = dataclasses.field(default_factory=list)
    failed: list[BaseException] = dataclasses.field(default_factory=list)  # what stopped it, for the caller's thread to raise

    def run(self) -> None:
        """Read the whole log, asking for each blob once; always close cat-file's input, so it ends once it has answered."""
        asked: set[str] = set()
        try:
            for touch in _parse_log(_tokens(self.log_out), self.prefix, self.skipped):
                self.touches.append(touch)
                for oid in (oid for oid in self._wanted(touch) if oid not in asked):
                    asked.add(oid)
                    self.cat_in.write(f"{oid}\n".encode("ascii"))
        except BaseException as exc:  # handed to the caller's thread
            self.failed.append(exc)
        finally:
            with contextlib.suppress(OSError):  # cat-file was stopped: the error is the reader's to tell
                self.cat_in.close()

    def _wanted(self, touch: _Touch) -> tuple[str, ...]:
        """The blobs a record edit is compared by: both versions of a change, the first version of a kind read from its creation."""
        key, _, action, old, new = touch
        if action == "changed":
            return old, new
        return (new,) if action == "created" and key[0] in self.first_read else ()


def _read_blobs(stream: IO[bytes]) -> dict[str, Any]:
    """Every version cat-file writes to `stream`, parsed, by blob id; one too large to be a record is skipped, never held whole."""
    values: dict[str, Any] = {}
    while header := stream.readline():
        oid, kind, *size = header.decode("ascii").split()
        length = int(size[0]) if kind != "missing" else 0
        if length > yamlsource.MAX_BYTES:
            _skip(stream, length + 1)
            values[oid] = _UNREADABLE
            continue
        raw = None if kind == "missing" else stream.read(length + 1)[:-1]
        values[oid] = _parse(raw)
    return values


def _check_exits(*runs: tuple[subprocess.Popen[bytes], IO[bytes]]) -> None:
    """Raise GitError with git's own words when a finished git process failed."""
    for proc, errors in runs:
        if proc.returncode != 0:
            errors.seek(0)
            raise gitrefs.GitError(errors.read().decode("utf-8", "replace").strip() or "git failed")


def _skip(stream: IO[bytes], length: int) -> None:
    """Read past `length` bytes of `stream`, a chunk at a time."""
    while length > 0 and (chunk := stream.read(min(length, 1 << 20))):
        length -= len(chunk)


def _start(top: Path, args: tuple[str, ...], **pipes: Any) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(["git", "-C", str(top), *args], **pipes)
    except FileNotFoundError:
        raise gitrefs.GitMissing("git is not installed or not on PATH") from None


def _tokens(stream: IO[bytes]) -> Iterator[str]:
    """The NUL-separated fields of git's `-z` output, as they arrive."""
    rest = b""
    while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
        *done, rest = (rest + chunk).split(b"\0")
        yield from (token.decode("utf-8", "replace") for token in done)
    if rest:
        yield rest.decode("utf-8", "replace")


@dataclass(frozen=True)
class _Header:
    sha: str
    date: datetime
    subject: str


_Touch = tuple[Key, _Header, Action, str, str]  # record, commit, action, old blob, new blob


def _parse_log(tokens: Iterator[str], prefix: PurePosixPath, skipped: list[SkippedCommit]) -> Iterator[_Touch]:
    """Walk `git log -z --raw` output: each commit's header fields, then (meta, path) pairs.

    A commit whose date is not in the range records may hold is added to `skipped`, not read:
    one odd commit must not stop the site from being published.
    """
    header: _Header | None = None
    for token in tokens:
        token = token.lstrip("\n")
        if token.startswith(_START):
            date, subject = next(tokens), next(tokens)
            header = _header(token[1:], date, subject)
            if header is None:
                skipped.append(SkippedCommit(token[1:], date))
        elif token.startswith(":"):
            path = next(tokens)
            if header is None:
                continue
            meta = token[1:].split(" ")  # old mode, new mode, old blob, new blob, status
            key = _record_key(PurePosixPath(path), prefix)
            status = meta[4][:1]
            if key is None or status not in "AMD":  # T (type change) and others: not a record edit
                continue
            if not _FILE_MODES.issuperset(meta[:2]):  # a link (120000) is never a record: its text is a path
                continue
            action: Action = {"A": "created", "M": "changed", "D": "deleted"}[status]  # type: ignore[assignment]
            yield key, header, action, meta[2], meta[3]


def _header(sha: str, date: str, subject: str) -> _Header | None:
    """A commit's header, or None when its date cannot be read or is outside the range of dates."""
    try:
        moment = datetime.fromisoformat(date)
    except ValueError:  # e.g. git's 10000-01-01T00:00:00+00:00
        return None
    return _Header(sha, moment, subject) if in_range(moment.date()) else None


def _record_key(path: PurePosixPath, prefix: PurePosixPath) -> Key | None:
    """The (kind, id) the loader gives the file at `path`, or None for files that are no record."""
    relative = path if str(prefix) == "." else path.relative_to(prefix)
    if relative.suffix != ".yml" or any(part.startswith(".") for part in relative.parts):
        return None
    if len(relative.parts) == 1:
        single = kinds.by_file(relative.name)
        return (single.name, "") if single else None
    many = kinds.by_folder(relative.parts[0])
    return (many.name, relative.stem) if many else None


class _Unreadable:
    """A version that did not parse."""


_UNREADABLE = _Unreadable()


def _parse(raw: bytes | None) -> Any:
    """One version's plain values, or _UNREADABLE."""
    if raw is None:
        return _UNREADABLE
    try:
        return yamlsource.parse(raw).value
    except yamlsource.YamlError:
        return _UNREADABLE


def _change(header: _Header, action: Action, old: Any, new: Any) -> Change:
    made = Change(header.sha, header.date, header.subject, action)
    if action == "created" and isinstance(new, dict):
        return dataclasses.replace(made, keys=frozenset(key for key, value in new.items() if value is not None))
    if action != "changed":
        return made
    if old is _UNREADABLE or new is _UNREADABLE:
        return dataclasses.replace(made, readable=False)
    return dataclasses.replace(made, fields=tuple(diff(old, new)))
