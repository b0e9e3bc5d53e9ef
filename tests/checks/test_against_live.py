"""`check --against-live`: the publish job compares with what the live site was built from, not only with the pull request's base."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gitrepo import Repo, make_repo
from tests.render.conftest import AS_OF
from trustpages.cli import main

INCIDENT = "incidents/2025-08-12-web-app-down.yml"


class Live:
    """A stand-in for the published site: serves api/v1/summary.json with a given body, or a status."""

    def __init__(self) -> None:
        self.body: bytes = b"{}"
        self.status = 200
        live = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(live.status)
                self.end_headers()
                self.wfile.write(live.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/summary.json"

    def serve(self, commit: str) -> None:
        self.body = json.dumps({"version": "1", "source_commit": commit}).encode()


@pytest.fixture
def live() -> Iterator[Live]:
    site = Live()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "repo")


def run(repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.chdir(repo.root)
    code = main(["check", "content", "--as-of", AS_OF, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_rewrite_pushed_straight_to_main_is_caught_against_the_live_commit(
    repo: Repo, live: Live, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    published = repo.git("rev-parse", "HEAD").strip()
    live.serve(published)
    repo.edit(INCIDENT, lambda record: record.update(impact="minor"))
    repo.commit("Soften the impact", "2026-02-01")
    repo.edit("mistakes/2026-08-30-newsletter-to-closed-accounts.yml", lambda record: record.update(title="A newsletter went astray"))
    repo.commit("A harmless second commit", "2026-02-02")  # the previous commit alone would miss the rewrite

    code, out, err = run(repo, capsys, monkeypatch, "--against-live", live.url)

    assert code == 1
    assert f"impact: published as 'critical' at {published}, now 'minor'" in out
    assert f"comparing with {published[:12]}, the commit the live site was built from" in err


def test_the_live_site_down_falls_back_to_the_previous_commit(
    repo: Repo, live: Live, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live.status = 404
    repo.edit(INCIDENT, lambda record: record.update(impact="minor"))
    repo.commit("Soften the impact", "2026-02-01")

    code, out, err = run(repo, capsys, monkeypatch, "--against-live", live.url)

    assert code == 1
    assert "impact: published as 'critical' at " in out
    assert f"the live site: {live.url} answered 404 " in err and "comparing with the previous commit instead" in err


def test_a_first_publish_has_nothing_to_compare_with(
    repo: Repo, live: Live, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live.body = b"<html>not yet</html>"
    code, out, err = run(repo, capsys, monkeypatch, "--against-live", live.url)
    assert code == 0, out + err
    assert "is not a trustpages summary.json" in err
    assert "no earlier commit: nothing was published yet to compare with" in err


def test_a_live_commit_this_clone_lacks_is_a_usage_error(
    repo: Repo, live: Live, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live.serve("0123456789abcdef0123456789abcdef01234567")
    code, _, err = run(repo, capsys, monkeypatch, "--against-live", live.url)
    assert code == 2
    assert "the live site was built from commit 0123456789abcdef0123456789abcdef01234567, which this clone does not have" in err


def test_the_default_address_comes_from_site_yml(
    repo: Repo, live: Live, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live.serve(repo.git("rev-parse", "HEAD").strip())
    base = live.url.removesuffix("api/v1/summary.json")
    repo.edit("site.yml", lambda record: record.update(url=base))
    repo.commit("Point at the test site", "2026-02-01")
    code, out, err = run(repo, capsys, monkeypatch, "--against-live")
    assert code == 0, out + err  # site.yml's url is no published fact
    assert f"comparing with {repo.git('rev-parse', 'HEAD~1').strip()[:12]}, the commit the live site was built from" in err


def test_every_build_says_which_commit_it_was_built_from(repo: Repo) -> None:
    from datetime import date

    from trustpages.history import record_history
    from trustpages.render import render_site
    from trustpages.validate import validate

    records = validate(repo.content, date.fromisoformat(AS_OF)).records
    assert records is not None
    summary = json.loads(
        render_site(records, date.fromisoformat(AS_OF), history=record_history(repo.content)).assets["api/v1/summary.json"]
    )
    assert summary["source_commit"] == repo.git("rev-parse", "HEAD").strip()
    assert json.loads(render_site(records, date.fromisoformat(AS_OF)).assets["api/v1/summary.json"])["source_commit"] is None
