"""Temporary git repositories for tests, made with plain git and fixed dates so every run is the same."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from trustpages import yamlsource

REPO = Path(__file__).resolve().parents[1]
# The repository's example content when it has one, else the small fixture site.
EXAMPLE = REPO / "content" if (REPO / "content" / "site.yml").is_file() else REPO / "tests" / "fixtures" / "small-site"
_ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # no user hooks, signing or aliases


class Repo:
    """A git repository whose content folder is `root / 'content'`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"

    def git(self, *args: str, day: str = "2026-01-05") -> str:
        moment = f"{day}T12:00:00+00:00"
        env = {**os.environ, **_ISOLATED, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
        proc = subprocess.run(
            ["git", "-C", str(self.root), "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return proc.stdout

    def commit(self, message: str, day: str) -> str:
        """Commit everything in the work tree on `day` (YYYY-MM-DD); return the new sha."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, day=day)
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, relative: str, change: Callable[[dict[str, Any]], None]) -> None:
        """Parse the record at content/`relative`, let `change` modify it, and write it back."""
        path = self.content / relative
        value = yamlsource.read(path).value
        change(value)
        path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def make_repo(root: Path, content: Path = EXAMPLE, day: str = "2026-01-05") -> Repo:
    """A new repository at `root` holding a copy of `content`, committed once on `day`."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, root / "content")
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("Publish the records", day)
    return repo


def a_milestone(content: Path) -> str:
    """The id of the first commitment with a due date in `content`."""
    for path in sorted((content / "commitments").glob("*.yml")):
        if "due" in yamlsource.read(path).value:
            return path.stem
    raise AssertionError(f"no milestone commitment in {content}")
