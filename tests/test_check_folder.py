"""`trustpages check` reads the folder the build reads: mkdocs.yml's content_dir, never another one that would pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from trustpages.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "records")
    (tmp_path / "site_src").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ndocs_dir: site_src\nplugins:\n  - trustpages:\n      content_dir: records\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_a_folder_check_reads_the_one_mkdocs_builds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "records" / "site.yml").write_text("name: [broken\n")
    assert main(["check", "--as-of", "2026-12-01"]) == 1
    assert "records/site.yml:1:" in capsys.readouterr().out


def test_checking_another_folder_than_the_build_reads_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(project / "records", project / "content")
    assert main(["check", "content", "--as-of", "2026-12-01"]) == 2
    assert "mkdocs.yml builds the site from" in capsys.readouterr().err
    assert main(["check", "records", "--as-of", "2026-12-01"]) == 0
