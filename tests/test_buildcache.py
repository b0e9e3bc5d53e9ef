"""The build cache: a build that reuses pages writes the very bytes a cold build writes, and reuses only what is unchanged."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.gitrepo import REPO

AS_OF = "2026-11-23"
EPOCH = "1795651200"  # MkDocs dates the sitemap from it: two builds of the same pages are byte-identical


def _build(project: Path, site: str, cache: bool = True, custom_dir: str | None = None, **extra: str) -> str:
    """`mkdocs build` of `project` into `site`; returns its log."""
    cached = "      cache_dir: .trustpages/cache\n" if cache else ""
    own = f"  custom_dir: {custom_dir}\n" if custom_dir else ""
    (project / "mkdocs.yml").write_text(
        f"site_name: Test\nsite_dir: {site}\ndocs_dir: site_src\nstrict: true\n"
        f"theme:\n  name: material\n  font: false\n{own}markdown_extensions:\n  - attr_list\n  - tables\n"
        f"plugins:\n  - search\n  - trustpages:\n      content_dir: content\n      as_of: '{AS_OF}'\n{cached}"
        + "".join(f"{key}: {value}\n" for key, value in extra.items()),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _differences(a: Path, b: Path) -> list[str]:
    """Files that are not byte for byte the same in the two folders (or in one only)."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only + compared.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return found


def _counts(log: str) -> tuple[int, int, int]:
    """Pages the theme's output was reused for, rendered, and old entries removed."""
    return _numbers(log)[:3]  # type: ignore[return-value]


def _numbers(log: str) -> tuple[int, ...]:
    line = next(line for line in log.splitlines() if "build cache:" in line)
    return tuple(int(word) for word in line.split() if word.isdigit())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "site_src", tmp_path / "site_src")
    return tmp_path


def test_a_cached_build_after_one_change_is_byte_identical_to_a_cold_build(project: Path) -> None:
    cold_log = _build(project, "first")
    reused, rendered, _ = _counts(cold_log)
    assert reused == 0 and rendered > 30
    record = next((project / "content" / "mistakes").glob("*.yml"))
    record.write_text(record.read_text(encoding="utf-8").replace("title: ", "title: Changed — ", 1), encoding="utf-8")

    warm_log = _build(project, "warm")
    reused, rendered, removed = _counts(warm_log)
    # The mistake's page, the index and home pages that list it, and the pages that link it: nothing else.
    assert 0 < rendered <= 6 and reused >= 30 and removed == rendered
    # trustpages rendered again only the changed record's page and those of the records it names
    # (they list it under "mentioned in"); every other record page came from the cache.
    named = yaml.safe_load(record.read_text(encoding="utf-8")).get("related", [])
    assert _numbers(warm_log)[3] == 1 + len(named)
    _build(project, "cold", cache=False)
    assert _differences(project / "warm", project / "cold") == []
    assert "Changed — " in (project / "warm" / "mistakes" / record.stem / "index.html").read_text(encoding="utf-8")


def test_what_every_page_shares_renders_them_all_again(project: Path) -> None:
    _build(project, "first")
    log = _build(project, "second", site_description="Another description")  # in every page's <head>
    reused, rendered, removed = _counts(log)
    assert reused == 0 and rendered == removed > 30
    _build(project, "cold", cache=False, site_description="Another description")
    assert _differences(project / "second", project / "cold") == []


def test_a_site_theme_template_is_part_of_every_page(project: Path) -> None:
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    _build(project, "first", custom_dir="overrides")
    (project / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% block footer %}Ours{% endblock %}\n', encoding="utf-8")
    reused, rendered, _ = _counts(_build(project, "second", custom_dir="overrides"))
    assert reused == 0 and rendered > 30
    assert "Ours" in (project / "second" / "mistakes" / "index.html").read_text(encoding="utf-8")


def test_shared_navigation_parts_are_the_bytes_each_page_would_render(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record pages share their tabs and sidebars (theme.SharedParts); rendering each page's own gives the same site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import theme

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(project)
    _build(project, "unused", cache=False)  # writes mkdocs.yml

    def built(site: str) -> None:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / site))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    built("shared")
    reused: list[object] = []
    original = theme.SharedParts.get

    def counted(self: theme.SharedParts, key: str | None) -> object:
        found = original(self, key)
        if found is not None:
            reused.append(found)
        return found

    monkeypatch.setattr(theme.SharedParts, "get", counted)
    built("counted")
    assert len(reused) > 40  # record pages did share their tabs and sidebars
    monkeypatch.setattr(theme.SharedParts, "key", lambda self, part, page, base_url: None)
    built("own")
    assert _differences(project / "shared", project / "own") == []
