"""`check --against-live`: compare with the public log the live site serves; no fallback when it cannot be read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gitrepo import Repo, make_repo
from tests.render.conftest import AS_OF
from tests.webserver import serving_folder
from trustpages.cli import main
from trustpages.publiclog.compare import extend
from trustpages.publiclog.log import Log
from trustpages.validate import validate

INCIDENT = "incidents/2025-08-12-web-app-down.yml"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "repo")


@pytest.fixture
def live(tmp_path: Path, repo: Repo) -> Iterator[str]:
    """A live site serving the public log of the repository's first commit."""
    folder = tmp_path / "live"
    records = validate(repo.content, __import__("datetime").date.fromisoformat(AS_OF)).records
    assert records is not None
    log = Log()
    assert not extend(log, records, "2026-01-05T12:00:00Z", repo.git("rev-parse", "HEAD").strip(), True).problems
    for name, data in log.files().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    with serving_folder(folder) as url:
        yield url


def run(repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.chdir(repo.root)
    monkeypatch.delenv("TRUSTPAGES_LIVE_URL", raising=False)
    code = main(["check", "content", "--as-of", AS_OF, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_rewrite_pushed_straight_to_main_is_caught_against_the_live_log(
    repo: Repo, live: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit(INCIDENT, lambda record: record.update(impact="minor"))
    repo.commit("Soften an incident", "2026-02-01")
    code, out, err = run(repo, capsys, monkeypatch, "--against-live", live)
    assert code == 1, out + err
    assert f"content/{INCIDENT}:" in out and "impact: published as 'critical' on 2026-01-05T12:00:00Z (public log), now 'minor'" in out


def test_the_live_site_down_is_an_error_not_a_fallback(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(repo, capsys, monkeypatch, "--against-live", "http://127.0.0.1:9/")
    assert code == 1 and "cannot read the live public log" in err


def test_the_default_address_comes_from_site_yml_in_the_parent_commit(
    repo: Repo, live: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit("site.yml", lambda record: record.update(url=live))
    repo.commit("Point at the live site", "2026-02-01")
    repo.edit(INCIDENT, lambda record: record.update(impact="minor"))
    repo.edit("site.yml", lambda record: record.update(url="http://127.0.0.1:9/"))  # pointing elsewhere does not dodge it
    repo.commit("Soften an incident and move the site", "2026-02-02")
    code, out, err = run(repo, capsys, monkeypatch, "--against-live")
    assert code == 1 and "impact: published as 'critical'" in out, out + err


def test_every_build_says_which_commit_it_was_built_from(repo: Repo) -> None:
    from datetime import date

    from trustpages.history import record_history
    from trustpages.pipeline import make_site

    records = validate(repo.content, date.fromisoformat(AS_OF)).records
    assert records is not None
    summary = json.loads(make_site(records, date.fromisoformat(AS_OF), history=record_history(repo.content)).assets["api/v1/summary.json"])
    assert summary["source_commit"] == repo.git("rev-parse", "HEAD").strip()
