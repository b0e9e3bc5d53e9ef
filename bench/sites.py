"""The two MkDocs sites the build stages compare, and `mkdocs build` run in this process so its CPU time counts."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # before Material is imported, or every build prints a banner

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from trustpages.plugin import default_nav
from trustpages.render import STYLESHEET

HAND_WRITTEN = Path(__file__).resolve().parents[1] / "site_src"

# INFO and DEBUG lines would flood the terminal at 10,000 pages; warnings still print, and with
# `strict: true` still fail the build, so a broken synthetic site cannot pass for a fast one.
logging.getLogger("mkdocs").setLevel(logging.WARNING)
# Except MkDocs' warning that a --dirty build is one: the serve rebuild is one on purpose.
logging.getLogger("mkdocs.commands.build").addFilter(lambda record: "'dirty' build" not in record.getMessage())


@dataclass(frozen=True)
class Sites:
    """A content folder and the two mkdocs.yml files built from it."""

    content: Path
    with_plugin: Path  # the trustpages plugin reads `content` during the build
    with_cache: Path  # the same, with a build cache (cache_dir) as CI keeps it between builds
    bare: Path  # plain MkDocs on the pages `trustpages generate` wrote: the floor
    plugin_site: Path  # where each config builds to
    bare_site: Path


def prepare(folder: Path, content: Path, as_of: date) -> Sites:
    """Write the generated docs folder and both configs into `folder`.

    Both configs share theme, extensions, stylesheet and nav (the plugin's `default_nav`; without
    it plain MkDocs would put every record page in the nav of every page), as tests/render/conftest.py
    `write_config` does for its plugin and bare builds. `generate` runs with `folder` as its working
    directory and the plugin's mkdocs.yml lives there, so neither finds a site `templates/` folder:
    both use the built-in templates.
    """
    generated = folder / "generated"
    command = [sys.executable, "-m", "trustpages", "generate", str(content), "--out", str(generated),
               "--docs", str(HAND_WRITTEN), "--as-of", as_of.isoformat()]  # fmt: skip
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"trustpages generate failed:\n{done.stdout}{done.stderr}")
    with_plugin, bare = folder / "mkdocs-plugin.yml", folder / "mkdocs-bare.yml"
    site_plugin, site_bare = folder / "site-plugin", folder / "site-bare"
    trustpages = {"trustpages": {"content_dir": str(content), "as_of": as_of.isoformat()}}
    _write(with_plugin, _config(HAND_WRITTEN, site_plugin, [trustpages]))
    with_cache = folder / "mkdocs-cache.yml"
    cached = {"trustpages": {**trustpages["trustpages"], "cache_dir": str(folder / "cache")}}
    _write(with_cache, _config(HAND_WRITTEN, folder / "site-cached", [cached]))
    # What the plugin adds to a build, written out: its stylesheet, the section-only nav, silence
    # about record pages left out of that nav, .well-known/ (MkDocs skips dot-folders by default)
    # and the table cards extension.
    floor = {
        "extra_css": [STYLESHEET],
        "nav": default_nav(generated),
        "validation": {"nav": {"omitted_files": "ignore"}},
        "exclude_docs": "!.well-known/\n",
        "markdown_extensions": ["attr_list", "tables", "trustpages.render.cards"],
    }
    _write(bare, _config(generated, site_bare, [], **floor))
    return Sites(content, with_plugin, with_cache, bare, site_plugin, site_bare)


def set_aside(site: Path) -> None:
    """Move a built site out of the way (the next build starts without one, as a CI build does) without deleting it.

    Deleting thousands of files just before a timed build would slow it for no reason a CI build
    has: on a file system without a journal (this machine's), ext4 avoids reusing an inode for 30
    seconds after it is freed (`recently_deleted`, seen with perf), and every folder the build
    then makes pays for the search. The set-aside sites are deleted with the workspace.
    """
    if site.exists():
        aside = site.parent / "set-aside"
        aside.mkdir(exist_ok=True)
        site.rename(aside / f"{site.name}-{time.time_ns()}")


def fresh(config_file: Path, site: Path) -> Path:
    set_aside(site)
    return config_file


def build(config_file: Path) -> None:
    """`mkdocs build` as the command line runs it, plugins' on_startup and on_shutdown included."""
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


@dataclass(frozen=True)
class Edit:
    """A site built once as `mkdocs serve` builds it, and one record changed since."""

    config_file: Path
    record: Path
    original: str


def serve_then_edit(sites: Sites) -> Edit:
    """Build as `trustpages serve` (`mkdocs serve --dirty --no-strict`) does at start, then change one
    incident's title, as a person saving it would."""
    config = load_config(config_file=str(sites.with_plugin), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    mkdocs_build(config, dirty=True)
    record = min((sites.content / "incidents").glob("*.yml"))
    original = record.read_text(encoding="utf-8")
    record.write_text(original.replace("title: ", "title: Edited — ", 1), encoding="utf-8")
    return Edit(sites.with_plugin, record, original)


def rebuild(edit: Edit) -> str:
    """What `trustpages serve` does after a save: load the config again and build, with the plugin it kept."""
    config = load_config(config_file=str(edit.config_file), strict=False)
    try:
        mkdocs_build(config, dirty=True)
    finally:
        config.plugins.on_shutdown()
        edit.record.write_text(edit.original, encoding="utf-8")
    cache = config.plugins["trustpages"].memory
    return f"after one edit, {cache.rendered} of {len(cache.pages):,} record pages rendered again"


def build_then_edit(sites: Sites) -> Edit:
    """A cache-enabled build of the content as it is (in a child process, as the CI run before), then one
    incident's title changed, as the next pull request would."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(sites.with_cache)]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        raise SystemExit(f"the build that fills the cache failed:\n{done.stdout}{done.stderr}")
    set_aside(sites.plugin_site.parent / "site-cached")
    record = min((sites.content / "incidents").glob("*.yml"))
    original = record.read_text(encoding="utf-8")
    record.write_text(original.replace("title: ", "title: Edited — ", 1), encoding="utf-8")
    return Edit(sites.with_cache, record, original)


def cached_build(edit: Edit) -> str:
    """`mkdocs build` with the cache the last build left: a CI run after one record changed."""
    config = load_config(config_file=str(edit.config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
        edit.record.write_text(edit.original, encoding="utf-8")
    store = config.plugins["trustpages"].themed.store
    return f"after one edit, {store.rendered} page(s) rendered, {store.reused:,} reused from the cache"


def differences(sites: Sites) -> list[str]:
    """Files that only one of the two built sites has; empty when both builds made the same pages."""
    plugin_files, bare_files = ({p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
                                for site in (sites.plugin_site, sites.bare_site))  # fmt: skip
    return sorted(plugin_files ^ bare_files)


def _config(docs: Path, site: Path, plugins: list[Any], **extra: Any) -> dict[str, Any]:
    return {
        "site_name": "Benchmark",
        "docs_dir": str(docs),
        "site_dir": str(site),
        "strict": True,
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["attr_list", "tables"],
        "plugins": ["search", *plugins],
        **extra,
    }


def _write(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
