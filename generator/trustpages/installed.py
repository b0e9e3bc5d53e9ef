"""Where the running trustpages came from (PEP 610's direct_url.json), so a new site installs that very version.

`trustpages init` writes requirements.txt (what CI installs) and .pre-commit-config.yaml from this:
a version from the package index is pinned by number; one installed from git, by its commit; a
local wheel is copied into the site (wheels/) so CI installs the same file. A local folder (an
editable checkout) is pinned by its commit in the project's repository when that commit is there
(a remote of the checkout is SOURCE_REPOSITORY and one of its branches holds the commit); otherwise
nothing anyone else can install is known, so the folder itself is named, and `init` says how to
make the site installable elsewhere (push the commit, or build a wheel and run init with it).
A release tag is never guessed: it may not exist.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from trustpages import SOURCE_REPOSITORY, __version__

WHEELS = "wheels"  # the site's folder for a trustpages wheel that is on no index


@dataclass(frozen=True)
class Origin:
    """How a new site installs this trustpages: a requirements.txt line, and the pre-commit hook's source."""

    requirement: str
    said: str  # where it came from, for the comment above the requirement
    hook_repo: str | None  # a repository with .pre-commit-hooks.yaml; None: a local hook using the installed trustpages
    hook_rev: str | None = None
    wheel: Path | None = None  # a local wheel the site keeps in wheels/, for CI to install
    only_here: bool = False  # installs only on this machine (a local folder): init says so


def origin(direct_url: dict[str, Any] | None | str = "installed", version: str = __version__) -> Origin:
    """The Origin of the trustpages that runs (or of one described by `direct_url`, None meaning the index)."""
    found = installed_direct_url() if direct_url == "installed" else direct_url
    tag = f"v{version}"
    if not isinstance(found, dict) or not isinstance(found.get("url"), str):
        return Origin(f"trustpages=={version}", "the package index", SOURCE_REPOSITORY, tag)
    url: str = found["url"]
    vcs = found.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and isinstance(vcs.get("commit_id"), str):
        commit = vcs["commit_id"]
        return Origin(f"trustpages @ git+{url}@{commit}", f"git, {url} at commit {commit}", url, commit)
    if "archive_info" in found:
        parsed = urlparse(url)
        if parsed.scheme == "file":
            wheel = Path(unquote(parsed.path))
            if wheel.suffix == ".whl" and wheel.is_file():
                return Origin(f"./{WHEELS}/{wheel.name}", f"the wheel {wheel.name}, kept in {WHEELS}/", None, wheel=wheel)
        else:
            return Origin(f"trustpages @ {url}", url, SOURCE_REPOSITORY, tag)
    parsed = urlparse(url)
    folder = Path(unquote(parsed.path)) if parsed.scheme == "file" else None
    if folder is not None and "dir_info" in found and folder.is_dir():
        commit = published_commit(folder)
        if commit is not None:
            return Origin(
                f"trustpages @ git+{SOURCE_REPOSITORY}@{commit}", f"git, {SOURCE_REPOSITORY} at commit {commit}", SOURCE_REPOSITORY, commit
            )
        return Origin(f"trustpages @ {folder.as_uri()}", f"the folder {folder} on the machine that ran init", None, only_here=True)
    # A wheel that is gone: what the index has of the same version (the wheel was most likely built for it).
    return Origin(f"trustpages=={version}", "the package index", SOURCE_REPOSITORY, tag)


def published_commit(checkout: Path) -> str | None:
    """The checkout's commit when the project's repository has it (a remote is SOURCE_REPOSITORY and one of
    its branches, as last fetched, holds the commit) and no file differs from it; else None."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, text=True, timeout=30)
        except OSError:  # no git
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    remotes = git("remote", "-v") or ""
    names = {line.split()[0] for line in remotes.splitlines() if _same_repository(line.split()[1], SOURCE_REPOSITORY)}
    commit = git("rev-parse", "HEAD")
    if not names or commit is None or git("status", "--porcelain", "--untracked-files=no") != "":
        return None
    holding = git("branch", "-r", "--contains", commit, "--format=%(refname:short)") or ""
    return commit if any(branch.split("/", 1)[0] in names for branch in holding.splitlines()) else None


def _same_repository(remote: str, repository: str) -> bool:
    """True when a git remote's address names `repository` (https or ssh form, with or without .git)."""

    def key(address: str) -> str:
        address = address.removesuffix("/").removesuffix(".git").lower()
        if address.startswith("git@") and ":" in address:  # git@github.com:owner/name
            host, path = address[4:].split(":", 1)
            return f"{host}/{path}"
        return address.split("://", 1)[-1].removeprefix("git@")

    return key(remote) == key(repository)


def installed_direct_url() -> dict[str, Any] | None:
    """PEP 610's record of where the installed trustpages came from; None for the package index (or not installed)."""
    try:
        text = metadata.distribution("trustpages").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    try:
        found = json.loads(text) if text else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None
