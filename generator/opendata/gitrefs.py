"""Records as they were at a git ref, read with `git show` into a temporary folder: the work tree is never touched."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from generator.loader import load
from generator.records import RecordSet


class GitError(Exception):
    """git failed or the ref does not exist; the message says which, in git's words."""


def git(repo: Path, *args: str) -> bytes:
    """Run git in `repo` and return its output; raise GitError with git's message on failure."""
    try:
        proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed"
        raise GitError(message)
    return proc.stdout


def resolve(ref: str, repo: Path) -> str:
    """The commit sha a ref names (branch, tag, sha, HEAD~2, …)."""
    if ref.startswith("-"):
        raise GitError(f"{ref!r} is not a git ref")  # never let a ref be read as an option
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"unknown git ref {ref!r} (is it fetched? CI checkouts are often shallow)") from None


def load_at(ref: str, content_dir: Path) -> RecordSet | None:
    """The records of `content_dir` as they were at `ref`; None when it held no usable site.yml then.

    Files are listed with `git ls-tree` and read with `git show REF:path` into a temporary
    folder that is removed afterwards, so the records' source paths point nowhere.
    Problems in the old files are ignored: they were published as they were.
    """
    content_dir = content_dir.resolve()
    top = Path(git(content_dir if content_dir.is_dir() else content_dir.parent, "rev-parse", "--show-toplevel").decode().strip())
    prefix = content_dir.relative_to(top.resolve())
    sha = resolve(ref, top)
    listed = git(top, "ls-tree", "-r", "-z", "--name-only", sha, "--", prefix.as_posix()).decode("utf-8")
    with tempfile.TemporaryDirectory(prefix="trustpages-at-") as folder:
        root = Path(folder) / "content"
        root.mkdir()
        for name in filter(None, listed.split("\0")):
            target = root / Path(name).relative_to(prefix)  # git never lists `..` in a tree
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(git(top, "show", f"{sha}:{name}"))
        return load(root).records
