"""The trustpages Action (action.yml), its shell steps run here on a site `init` made: check on pull requests,
publish on pushes, and every way it stops says where and what to do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from tests import actionrun
from tests.conftest import REPO
from trustpages import installed
from trustpages.cli import main
from trustpages.sitefolder import MARKER

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
INSTALL = frozenset({"Install trustpages"})  # the test runs this checkout's trustpages instead (see `shims`)
IDENTITY = {"GIT_AUTHOR_NAME": "Comms", "GIT_AUTHOR_EMAIL": "c@x.eu", "GIT_COMMITTER_NAME": "Comms", "GIT_COMMITTER_EMAIL": "c@x.eu"}


class Pages:
    """A stand-in for GitHub's REST API answering GET /repos/OWNER/REPO/pages with `status` and `body`."""

    status = 404
    body: dict[str, str] = {"message": "Not Found"}
    asked: list[str] = []


class _PagesHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        Pages.asked.append(f"{self.path} {self.headers.get('Authorization')}")
        body = json.dumps(Pages.body, indent=2).encode()  # GitHub's API answers pretty-printed JSON
        self.send_response(Pages.status if self.path == "/repos/comms/trust/pages" else 500)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PagesHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Pages.status, Pages.body, Pages.asked = 404, {"message": "Not Found"}, []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A site from `trustpages init`, committed, with origin/main at its first commit (as a checkout with fetch-depth: 0)."""
    monkeypatch.setattr(installed, "installed_direct_url", lambda: None)
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    assert main(["-q", "init", str(tmp_path / "site"), "--name", "Comms Co", "--git"]) == 0
    capsys.readouterr()
    git(tmp_path / "site", "update-ref", "refs/remotes/origin/main", "HEAD")
    return tmp_path / "site"


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], check=True, capture_output=True, text=True, env={**os.environ, **IDENTITY}
    ).stdout


@pytest.fixture
def shims(tmp_path: Path) -> Path:
    """`trustpages` and `python` as the Action's venv provides them, running this checkout."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "trustpages").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m trustpages "$@"\n', encoding="utf-8")
    (folder / "trustpages").chmod(0o755)
    (folder / "python").symlink_to(sys.executable)
    return folder


def act(site: Path, shims: Path, api: str, event: str, **inputs: str) -> actionrun.Ran:
    temp = site.parent / "runner-temp"
    temp.mkdir(exist_ok=True)
    env = {
        **{key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"},
        "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO / "generator"),
        "GITHUB_API_URL": api,
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "comms/trust",
    }
    github = {"event_name": event, "base_ref": "main" if event == "pull_request" else "", "token": "t0ken", "run_id": "7"}
    return actionrun.run(ACTION, inputs, github, site, env, temp, skip=INSTALL)


def test_on_a_pull_request_it_checks_against_the_base_branch_and_annotates_the_line(site: Path, shims: Path, api: str) -> None:
    [incident] = (site / "content" / "incidents").glob("*.yml")
    text = incident.read_text(encoding="utf-8")
    incident.write_text(text.replace("impact: minor", "impact: major"), encoding="utf-8")  # a published fact, rewritten
    git(site, "commit", "-qam", "Worse than we said")

    ran = act(site, shims, api, "pull_request")

    assert ran.failed_at == "Check the records", ran.output
    relative = incident.relative_to(site).as_posix()
    assert f"::error file={relative},line=" in ran.output
    assert "impact" in ran.output
    assert [uses for uses, _ in ran.used] == ["actions/setup-python@v7"]  # nothing published, nothing uploaded
    assert Pages.asked == []


def test_a_pull_request_that_touches_no_record_passes_and_still_shows_the_warnings(site: Path, shims: Path, api: str) -> None:
    (site / "site_src" / "about.md").write_text("# About us\n\nWe write down what we promise.\n", encoding="utf-8")
    git(site, "commit", "-qam", "About us")
    ran = act(site, shims, api, "pull_request", against="origin/main")
    # The starter's placeholders are in files the pull request did not touch: annotated, but they do not fail it.
    assert ran.failed_at is None, ran.output
    assert "::error" not in ran.output and "::warning file=content/site.yml" in ran.output


@pytest.mark.parametrize(
    ("status", "body", "said"),
    [
        (404, {"message": "Not Found"}, "GitHub Pages is not turned on::at https://github.com/comms/trust/settings/pages, set Build"),
        (200, {"build_type": "legacy"}, "GitHub Pages publishes from a branch::at https://github.com/comms/trust/settings/pages"),
        (403, {"message": "Resource not accessible by integration"}, "give this job 'permissions: pages: read'"),
    ],
)
def test_publishing_stops_before_building_when_github_pages_cannot_take_it(
    site: Path, shims: Path, api: str, status: int, body: dict[str, str], said: str
) -> None:
    Pages.status, Pages.body = status, body
    ran = act(site, shims, api, "push", **{"first-publication": "true"})
    assert ran.failed_at == "GitHub Pages is turned on"
    assert said in ran.output
    assert Pages.asked == ["/repos/comms/trust/pages Bearer t0ken"]
    assert not (site.parent / "runner-temp" / "trustpages-site").exists()


def test_on_a_push_it_publishes_through_the_log_and_uploads_the_site_without_its_marker(site: Path, shims: Path, api: str) -> None:
    Pages.status, Pages.body = 200, {"build_type": "workflow", "html_url": "https://comms.github.io/trust/"}
    ran = act(site, shims, api, "push", **{"first-publication": "true"})

    assert ran.failed_at is None, ran.output
    assert "public log: " in ran.output
    published = site.parent / "runner-temp" / "trustpages-site"
    assert (published / "index.html").is_file() and (published / ".well-known" / "security.txt").is_file()
    assert (published / "log" / "checkpoint.json").is_file()
    assert not (published / MARKER).exists()  # the marker of a trustpages-built folder is not published
    uses = dict(ran.used)
    assert uses["actions/cache@v5"]["path"] == "./.trustpages"
    assert uses["actions/upload-pages-artifact@v5"] == {"path": str(published), "include-hidden-files": "true"}


def test_publishing_again_without_a_live_log_is_refused_and_says_what_to_do(site: Path, shims: Path, api: str) -> None:
    Pages.status, Pages.body = 200, {"build_type": "workflow"}
    ran = act(site, shims, api, "push")  # not the first publication, and site.yml's url serves nothing
    assert ran.failed_at == "Publish through the public log"
    assert "first_publication" in ran.output
    assert "actions/upload-pages-artifact@v5" not in dict(ran.used)


def test_a_shallow_checkout_is_refused_with_what_to_do(site: Path, shims: Path, api: str, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", site.as_uri(), str(shallow)], check=True)
    ran = act(shallow, shims, api, "pull_request")
    assert ran.failed_at == "Plan"
    assert "give actions/checkout 'with: fetch-depth: 0'" in ran.output


@pytest.mark.parametrize(
    ("inputs", "said"),
    [
        ({"builder": "hugo"}, "builder: expected mkdocs or zensical; got 'hugo'"),
        ({"mode": "deploy"}, "mode: expected auto, check or publish; got 'deploy'"),
        ({"first-publication": "yes"}, "first-publication: expected true or false; got 'yes'"),
        ({"config-file": "site.yml"}, "no site.yml in"),
    ],
)
def test_a_wrong_input_is_named_with_what_it_expects(site: Path, shims: Path, api: str, inputs: dict[str, str], said: str) -> None:
    ran = act(site, shims, api, "push", **inputs)
    assert ran.failed_at == "Plan"
    assert f"::error title=trustpages::{said}" in ran.output
