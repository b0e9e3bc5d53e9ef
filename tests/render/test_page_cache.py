"""The page cache `mkdocs serve` keeps: only record pages whose inputs changed are rendered again."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from generator.render import PageCache, render_site
from generator.validate import validate
from tests.render.conftest import FIXTURES

AS_OF = date(2026, 11, 23)
RECORD_PAGES = 5  # 3 commitments, 1 incident, 1 mistake in the small-site fixture


def render(content: Path, cache: PageCache) -> dict[str, str]:
    result = validate(content, AS_OF)
    assert result.records is not None and not result.errors
    return render_site(result.records, AS_OF, cache=cache).pages


def test_unchanged_records_are_reused_and_edits_re_render_exactly_their_pages(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    cache = PageCache()

    first = render(content, cache)
    assert cache.rendered == RECORD_PAGES
    assert render(content, cache) == first
    assert cache.rendered == 0

    # The mistake page shows export-all-data's title, so editing that commitment re-renders both.
    path = content / "commitments" / "export-all-data.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("You can export all your data", "Export everything"), encoding="utf-8")
    second = render(content, cache)
    assert cache.rendered == 2
    assert "Export everything" in second["commitments/export-all-data.md"]
    assert "Export everything" in second["mistakes/2026-05-02-double-charged.md"]
    assert second == render_site(validate(content, AS_OF).records, AS_OF).pages  # same as without a cache


def test_a_new_as_of_renders_every_record_page_again(tmp_path: Path) -> None:
    cache = PageCache()
    render(FIXTURES / "small-site", cache)
    result = validate(FIXTURES / "small-site", date(2026, 12, 1))
    render_site(result.records, date(2026, 12, 1), cache=cache)
    assert cache.rendered == RECORD_PAGES


def test_the_plugin_keeps_its_cache_across_serve_rebuilds_only(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    from tests.render.conftest import write_config

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    config = load_config(config_file=str(write_config(tmp_path, content)))
    plugin = config.plugins["trustpages"]

    config.plugins.on_startup(command="serve", dirty=False)
    config.plugins.on_config(config)
    assert plugin.cache.rendered == RECORD_PAGES
    path = content / "incidents" / "2026-03-04-login-failures.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("impact: major", "impact: minor"), encoding="utf-8")
    config.plugins.on_config(config)  # what `mkdocs serve` does after a save
    assert plugin.cache.rendered == 2  # the incident, and the mistake page that shows it

    config.plugins.on_startup(command="build", dirty=False)
    assert plugin.cache is None  # one build reuses nothing: no need to hold every record
