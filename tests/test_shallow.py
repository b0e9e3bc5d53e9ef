"""History lost without a word, no more: a shallow clone's pages say so, and publishing refuses it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.gitrepo import REPO, make_repo
from tests.render.conftest import AS_OF
from trustpages.history import record_history
from trustpages.pipeline import make_site
from trustpages.validate import validate


def shallow_clone(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "origin")
    shutil.copytree(REPO / "site_src", repo.root / "site_src")
    shutil.copy(REPO / "mkdocs.yml", repo.root / "mkdocs.yml")
    repo.commit("The site", "2026-01-06")
    (repo.content / "site.yml").write_text((repo.content / "site.yml").read_text() + "\n")
    repo.commit("A second commit", "2026-01-07")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True, capture_output=True)
    return clone


def test_the_pages_whose_numbers_need_history_say_it_is_missing(tmp_path: Path) -> None:
    clone = shallow_clone(tmp_path)
    history = record_history(clone / "content")
    assert history.is_shallow
    from datetime import date

    records = validate(clone / "content", date.fromisoformat(AS_OF)).records
    assert records is not None
    pages = make_site(records, date.fromisoformat(AS_OF), history=history).pages
    for page in ("index.md", "metrics.md", "commitments/index.md"):
        assert "built without the full history of our records" in pages[page], page
    full = make_site(records, date.fromisoformat(AS_OF), history=record_history(tmp_path / "origin" / "content")).pages
    assert "built without the full history" not in full["index.md"]


def test_publishing_refuses_a_shallow_clone(tmp_path: Path) -> None:
    clone = shallow_clone(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    done = subprocess.run(
        [sys.executable, "-m", "trustpages", "publish", "--first-publication", "-d", str(tmp_path / "site")],
        cwd=clone,
        capture_output=True,
        text=True,
        env={**env, "TRUSTPAGES_LIVE_URL": "http://127.0.0.1:9/"},
        timeout=300,
    )
    assert done.returncode == 1 and "shallow clone" in done.stderr and "fetch-depth: 0" in done.stderr
    assert not (tmp_path / "site").exists()
