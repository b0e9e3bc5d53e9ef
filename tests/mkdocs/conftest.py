"""A real MkDocs configuration in a temporary folder, as mkdocs.yml loads it, for the trustpages.mkdocs modules' tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def mkdocs_config(tmp_path: Path) -> Callable[..., MkDocsConfig]:
    """Load a mkdocs.yml of `lines` (site_name and docs_dir given) with `pages` written into its docs folder."""

    def load(*lines: str, pages: tuple[str, ...] = ()) -> MkDocsConfig:
        docs = tmp_path / "docs"
        docs.mkdir(exist_ok=True)
        for page in pages:
            (docs / page).parent.mkdir(parents=True, exist_ok=True)
            (docs / page).write_text(f"# {page}\n", encoding="utf-8")
        (tmp_path / "mkdocs.yml").write_text("\n".join(["site_name: Test", "docs_dir: docs", *lines]) + "\n", encoding="utf-8")
        config = load_config(str(tmp_path / "mkdocs.yml"))
        config.plugins._current_plugin = "trustpages"  # as MkDocs sets it while an event of this plugin runs
        return config

    return load
