"""Builds a site from a content folder with the real `mkdocs build --strict`, in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
AS_OF = "2026-11-23"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")


def write_config(
    folder: Path, content: Path, docs: Path | None = None, plugin: bool = True, as_of: str | None = AS_OF, **extra: str
) -> Path:
    docs = docs or (REPO / "site_src")
    pinned = f"      as_of: '{as_of}'\n" if as_of else ""
    plugin_block = f"  - trustpages:\n      content_dir: {content}\n{pinned}" if plugin else ""
    css = "extra_css:\n  - assets/trustpages.css\n" if not plugin else ""
    cards = "  - trustpages.render.cards\n" if not plugin else ""  # the plugin adds it itself
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Test\ndocs_dir: {docs}\nsite_dir: {folder / 'site'}\nstrict: true\n"
        f"theme:\n  name: material\n  font: false\n"
        f"markdown_extensions:\n  - attr_list\n  - tables\n{cards}{css}"
        f"plugins:\n  - search\n{plugin_block}" + "".join(f"{key}: {value}\n" for key, value in extra.items()),
        encoding="utf-8",
    )
    return config


def mkdocs_build(config: Path) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        timeout=300,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, config.parent / "site")


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("small-site")
    build = mkdocs_build(write_config(folder, FIXTURES / "small-site"))
    assert build.returncode == 0, build.output
    return build
