"""`trustpages publish` and `verify` against a site served from a local HTTP server, as a sceptic would check it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gitrepo import REPO, Repo, make_repo
from tests.webserver import serving_folder


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTP server serving tmp/served (a published site goes there)."""
    folder = tmp_path / "served"
    folder.mkdir()
    with serving_folder(folder) as url:
        yield url, folder


@pytest.fixture
def site(tmp_path: Path) -> Repo:
    """The example site as a git repository: content/, site_src/ and mkdocs.yml."""
    repo = make_repo(tmp_path / "site")
    shutil.copytree(REPO / "site_src", repo.root / "site_src")
    shutil.copy(REPO / "mkdocs.yml", repo.root / "mkdocs.yml")
    repo.commit("The site", "2026-01-06")
    return repo


def trustpages(repo: Repo, *args: str, live: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "TRUSTPAGES_LIVE_URL")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if live is not None:
        env["TRUSTPAGES_LIVE_URL"] = live
    return subprocess.run([sys.executable, "-m", "trustpages", *args], cwd=repo.root, capture_output=True, text=True, env=env, timeout=600)


def publish(repo: Repo, served: Path, *args: str, live: str | None = None) -> subprocess.CompletedProcess[str]:
    done = trustpages(repo, "publish", "-d", str(served), *args, live=live)
    return done


def test_publish_refuses_a_rewrite_and_verify_sees_a_correction(site: Repo, served: tuple[str, Path], tmp_path: Path) -> None:
    url, folder = served
    first = publish(site, folder, "--first-publication", live=url)
    assert first.returncode == 0, first.stderr + first.stdout
    checkpoint = json.loads((folder / "log" / "checkpoint.json").read_text())
    assert json.loads((folder / "log" / "checkpoints.json").read_text())[0]["first_publication"] is True
    assert "Check this record" in (folder / "log" / "index.html").read_text()
    saved = tmp_path / "checkpoint.json"
    verified = trustpages(site, "verify", url, "--save", str(saved))
    assert verified.returncode == 0, verified.stdout
    assert json.loads(saved.read_text())["root"] == checkpoint["root"]

    # A rewrite of a published due date, in a commit of its own: refused, nothing published.
    milestone = next(p for p in sorted((site.content / "commitments").glob("*.yml")) if "\ndue:" in p.read_text())
    text = milestone.read_text()
    due = next(line for line in text.splitlines() if line.startswith("due:"))
    milestone.write_text(text.replace(due, "due: 2030-12-31"))
    site.commit("Move a date", "2026-02-01")
    refused = publish(site, folder, live=url)
    assert refused.returncode == 1
    assert f"content/commitments/{milestone.name}:" in refused.stdout and "(public log), now '2030-12-31'" in refused.stdout
    assert json.loads((folder / "log" / "checkpoint.json").read_text()) == checkpoint  # the live site is as it was

    # With a correction it publishes, the log grows, and a reader's checkpoint still verifies, naming the correction.
    milestone.write_text(
        milestone.read_text() + "corrections:\n  - {on: 2026-12-01, field: due, why: We promised a date we could never meet and say so.}\n"
    )
    site.commit("Correct the date", "2026-02-02")
    corrected = publish(site, folder, live=url)
    assert corrected.returncode == 0, corrected.stderr + corrected.stdout
    again = trustpages(site, "verify", url, "--since", str(saved))
    assert again.returncode == 0, again.stdout
    assert f"corrected commitment '{milestone.stem}' due: was '{due[5:]}', now '2030-12-31'" in again.stdout
    assert "2030-12-31" in (folder / "log" / "index.html").read_text()


def test_an_unreadable_live_log_stops_publishing(site: Repo, served: tuple[str, Path]) -> None:
    url, folder = served
    (folder / "index.html").write_text("an old site without a log")
    missing = publish(site, folder, live=url)
    assert missing.returncode == 1 and "has no public log" in missing.stderr and "--first-publication" in missing.stderr
    down = publish(site, folder, live="http://127.0.0.1:9/")
    assert down.returncode == 1 and "cannot read the live public log" in down.stderr and "no fallback" in down.stderr
    assert (folder / "index.html").read_text() == "an old site without a log"  # nothing built over it


def test_the_live_address_is_the_parent_commits(site: Repo, served: tuple[str, Path]) -> None:
    url, folder = served
    # Without TRUSTPAGES_LIVE_URL the address is site.yml's url as it was before this change: pointing it
    # elsewhere in the change being published does not move the baseline.
    site_yml = site.content / "site.yml"
    site_yml.write_text("\n".join(f"url: {url}" if line.startswith("url:") else line for line in site_yml.read_text().splitlines()) + "\n")
    site.commit("Serve from here", "2026-02-01")
    site_yml.write_text(site_yml.read_text().replace(url, "http://127.0.0.1:9/"))
    site.commit("Point elsewhere", "2026-02-02")
    refused = publish(site, folder)
    assert refused.returncode == 1 and url in refused.stderr


def test_a_pinned_date_is_refused(site: Repo, served: tuple[str, Path]) -> None:
    url, folder = served
    env_pinned = subprocess.run(
        [sys.executable, "-m", "trustpages", "publish", "--first-publication"],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "TRUSTPAGES_LIVE_URL": url},
        timeout=120,
    )
    assert env_pinned.returncode == 2 and "SOURCE_DATE_EPOCH" in env_pinned.stderr
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("content_dir: content", 'content_dir: content\n      as_of: "2026-01-01"'))
    pinned = publish(site, folder, "--first-publication", live=url)
    assert pinned.returncode == 2 and "pins as_of" in pinned.stderr
