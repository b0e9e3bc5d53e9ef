"""The content folder as it was at a git ref, read from git's object store: the work tree is never touched."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from trustpages.loader import Loaded, load
from trustpages.yamlsource import MAX_BYTES


class GitError(Exception):
    """git is missing, this is not a repository, or a ref or path does not exist; the message says which."""


class GitMissing(GitError):
    """git is not installed or not on PATH."""


class NotARepository(GitError):
    """The folder is not inside a git repository."""


class NoContentAt(GitError):
    """The ref exists but had no content folder (e.g. a commit from before the site began)."""


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in `repo` and return its output; raise GitError with git's message on failure."""
    try:
        proc = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitMissing("git is not installed or not on PATH") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed"
        raise GitError(message)
    return proc.stdout


@dataclass(frozen=True)
class Place:
    """Where a content folder sits in its repository."""

    top: Path  # the repository's work tree
    prefix: PurePosixPath  # the content folder relative to `top` ('.' when it is the top)


def locate(content_dir: Path) -> Place:
    """The repository holding `content_dir`; GitError when there is none."""
    content_dir = content_dir.resolve()
    start = content_dir if content_dir.is_dir() else content_dir.parent
    try:
        top = Path(git(start, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    except GitError as exc:
        if "not a git repository" in str(exc).lower():
            raise NotARepository(f"{content_dir} is not inside a git repository") from None
        raise
    return Place(top, PurePosixPath(content_dir.relative_to(top).as_posix()))


def resolve(ref: str, repo: Path) -> str:
    """The commit sha a ref names (branch, tag, sha, HEAD~2, …)."""
    if ref.startswith("-"):
        raise GitError(f"{ref!r} is not a git ref")  # never let a ref be read as an option
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        shallow = is_shallow(repo)
        hint = " (this clone is shallow: fetch with fetch-depth: 0)" if shallow else " (is it fetched?)"
        raise GitError(f"unknown git ref {ref!r}{hint}") from None


def changed_since(ref: str, content_dir: Path) -> set[Path]:
    """The files under `content_dir` that differ from `ref` in the work tree, new untracked ones included (resolved paths)."""
    place = locate(content_dir)
    sha = resolve(ref, place.top)
    listed = git(place.top, "diff", "--name-only", "-z", sha, "--", str(place.prefix))
    listed += git(place.top, "ls-files", "--others", "--exclude-standard", "-z", "--", str(place.prefix))
    return {(place.top / name).resolve() for name in listed.decode("utf-8", "surrogateescape").split("\0") if name}


def is_shallow(repo: Path) -> bool:
    """Whether the repository holds only part of its history (a `--depth` clone)."""
    return git(repo, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


def blobs(repo: Path, names: Iterable[str]) -> dict[str, bytes | None]:
    """The contents of many objects (`<sha>`, or `<commit>:<path>`) read by one `git cat-file --batch`.

    A name git does not have maps to None. Names must not contain a newline (git's batch
    input is one name per line), which record paths never do.
    """
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return {}
    if any("\n" in name for name in wanted):
        raise GitError("object names for git cat-file cannot contain a newline")
    out = git(repo, "cat-file", "--batch", stdin="".join(f"{name}\n" for name in wanted).encode("utf-8"))
    found: dict[str, bytes | None] = {}
    at = 0
    for name in wanted:  # answers come in the order asked
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) != 3 or header[1] == b"missing":
            found[name] = None
            continue
        size = int(header[2])
        found[name] = out[at : at + size]
        at += size + 1  # the content is followed by a newline
    return found


def load_at(ref: str, content_dir: Path) -> Loaded:
    """Load `content_dir` as it was at `ref`, with trustpages.loader, from a temporary copy.

    Files are listed with one `git ls-tree` and read with one `git cat-file --batch` into a
    temporary folder with the same layout, removed afterwards: the returned records'
    source paths point there and are only good for their ids and values.
    Raises GitError for: git missing, not a repository, unknown ref, no content folder at `ref`.
    """
    place = locate(content_dir)
    sha = resolve(ref, place.top)
    pathspec = [] if str(place.prefix) == "." else ["--", place.prefix.as_posix()]
    listed = git(place.top, "--literal-pathspecs", "ls-tree", "-r", "-z", "-l", "--full-tree", sha, *pathspec).decode("utf-8")
    entries: list[tuple[str, int, PurePosixPath]] = []  # (blob sha, size, path relative to the content folder)
    for line in filter(None, listed.split("\0")):
        meta, name = line.split("\t", 1)
        _mode, kind, oid, size_text = meta.split()
        if kind == "blob":
            path = PurePosixPath(name)
            entries.append((oid, int(size_text), path if str(place.prefix) == "." else path.relative_to(place.prefix)))
    if not entries:
        raise NoContentAt(f"there was no content folder {place.prefix.as_posix()}/ at {ref}")
    # A blob over the size limit is not read: an empty file of its size (sparse, so free) lets the
    # loader refuse it as it refuses one in the work tree.
    contents = blobs(place.top, (oid for oid, size, _ in entries if size <= MAX_BYTES))
    with tempfile.TemporaryDirectory(prefix="trustpages-at-") as folder:
        root = Path(folder) / "content"
        root.mkdir()
        for oid, size, relative in entries:
            target = root.joinpath(*relative.parts)  # git never stores `..` or absolute paths in a tree
            target.parent.mkdir(parents=True, exist_ok=True)
            if size > MAX_BYTES:
                with target.open("wb") as file:
                    file.truncate(size)
            else:
                target.write_bytes(contents[oid] or b"")
        return load(root)
