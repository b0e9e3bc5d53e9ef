"""`trustpages build`: atomic replacement of site/, and byte-identical output for the same inputs."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.render.conftest import FIXTURES, write_config


def trustpages(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trustpages", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def snapshot(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def project(tmp_path: Path, as_of: str | None = "2026-11-23") -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    write_config(tmp_path, content, as_of=as_of)
    return content


def test_failed_build_leaves_the_last_good_site_intact(tmp_path: Path) -> None:
    content = project(tmp_path)
    first = trustpages("build", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "published" in first.stdout
    good = snapshot(tmp_path / "site")
    assert "index.html" in good

    (content / "commitments" / "export-all-data.yml").write_text("title: [unclosed\n", encoding="utf-8")
    failed = trustpages("build", cwd=tmp_path)

    assert failed.returncode == 1
    assert "left as it was" in failed.stderr
    assert "Traceback" not in failed.stderr + failed.stdout
    assert snapshot(tmp_path / "site") == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "mkdocs.yml", "site"]  # no leftovers


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(tmp_path: Path) -> None:
    project(tmp_path, as_of=None)  # as_of comes from SOURCE_DATE_EPOCH
    epoch = {"SOURCE_DATE_EPOCH": "1795000000"}
    assert trustpages("build", "-d", str(tmp_path / "one"), cwd=tmp_path, env=epoch).returncode == 0
    assert trustpages("build", "-d", str(tmp_path / "two"), cwd=tmp_path, env=epoch).returncode == 0
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert "sitemap.xml" in one and "search/search_index.json" in one
    assert one == two


def test_build_without_a_config_is_a_usage_error(tmp_path: Path) -> None:
    result = trustpages("build", cwd=tmp_path)
    assert result.returncode == 2
    assert "no MkDocs configuration at mkdocs.yml" in result.stderr


def test_serve_rebuilds_only_what_changed_and_never_stops_on_a_warning(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trustpages.cli import main
    from trustpages.commands import build

    ran: list[tuple[str, ...]] = []
    monkeypatch.setattr(build, "run_mkdocs", lambda *args, shown: ran.append(args) or 0)
    project(tmp_path)
    config = tmp_path / "mkdocs.yml"

    assert main(["serve", "-f", str(config)]) == 0
    assert main(["serve", "-f", str(config), "--clean"]) == 0
    dirty, clean = ran
    assert dirty == ("serve", "-f", str(config), "-a", "127.0.0.1:8000", "--dirty", "--no-strict")
    assert clean[-2:] == ("--clean", "--no-strict")


def test_a_dirty_build_does_not_warn_about_being_dirty(tmp_path: Path) -> None:
    """`serve` builds --dirty on purpose; MkDocs' warning about it would only alarm a comms person."""
    project(tmp_path)
    command = [
        sys.executable,
        "-m",
        "trustpages.commands.mkdocs_process",
        str(os.getpid()),
        "build",
        "--dirty",
        "-f",
        "mkdocs.yml",
        "-d",
        "out",
    ]
    for _ in range(2):  # the second build is the dirty one MkDocs warns about
        shown = {**os.environ, "TRUSTPAGES_MKDOCS_SHOWN": "INFO"}  # as `serve` runs it: MkDocs' INFO lines too
        proc = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300, env=shown)
        assert proc.returncode == 0, proc.stderr
        assert "'dirty' build" not in proc.stdout + proc.stderr
        assert "Documentation built" in proc.stderr


def test_build_as_of_dates_the_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`trustpages build --as-of DATE` computes every number for DATE, as SOURCE_DATE_EPOCH would."""
    import json
    import shutil

    from tests.gitrepo import REPO
    from trustpages.cli import main

    project = tmp_path / "site"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "site_src", project / "site_src")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # restored after the test: the build sets it
    assert main(["build", "--as-of", "2026-03-01"]) == 0
    assert json.loads((project / "site" / "api" / "v1" / "summary.json").read_text(encoding="utf-8"))["as_of"] == "2026-03-01"


def test_a_broken_link_in_a_hand_written_page_fails_the_build_and_keeps_the_site(tmp_path: Path) -> None:
    # MkDocs' --quiet dropped warnings before --strict counted them: the link was published, exit 0 (issue 27).
    from tests.hostile.test_build_safety import site_project

    trust = site_project(tmp_path)
    first = trustpages("build", cwd=trust)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""  # a good build says what it published, and MkDocs' progress stays quiet
    good = snapshot(trust / "site")
    about = trust / "site_src" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [our old page](old-page.md).\n", encoding="utf-8")

    failed = trustpages("build", cwd=trust)

    assert failed.returncode == 1
    assert "Doc file 'about.md' contains a link 'old-page.md', but the target is not found among documentation files." in failed.stderr
    assert failed.stderr.endswith(f"trustpages: build failed; {trust / 'site'} was left as it was\n")
    assert failed.stdout.strip() == "Aborted with 1 warnings in strict mode!"
    assert snapshot(trust / "site") == good


def test_mkdocs_quiet_option_quiets_the_output_not_strict_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.hostile.test_build_safety import site_project
    from trustpages.commands.mkdocs_process import run_cli

    trust = site_project(tmp_path)
    (trust / "site_src" / "about.md").write_text("# About\n\n[gone](gone.md)\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit:
        run_cli(["build", "--strict", "--quiet", "-f", str(trust / "mkdocs.yml")])
    assert exit.value.code == 1
    err = capsys.readouterr().err
    assert "contains a link 'gone.md', but the target is not found" in err and "INFO" not in err
