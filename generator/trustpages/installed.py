"""Where the running trustpages came from (PEP 610's direct_url.json), so a new site installs that very version.

`trustpages init` writes requirements.txt (what CI installs) and .pre-commit-config.yaml from this:
a version from the package index is pinned by number; one installed from git, by its commit; a
local wheel is copied into the site (wheels/) so CI installs the same file; a local folder (an
editable checkout) by the release tag of its version in the project's repository.
"""

from __future__ import annotations

import json
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
    # A local folder (an editable checkout) or a file that is gone: the release of the same version.
    return Origin(f"trustpages @ git+{SOURCE_REPOSITORY}@{tag}", f"the project's repository at {tag}", SOURCE_REPOSITORY, tag)


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
