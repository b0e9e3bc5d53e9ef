"""The page cache `mkdocs serve` keeps: only record pages whose inputs changed are rendered again."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.render.conftest import FIXTURES
from trustpages import yamlsource
from trustpages.pipeline import make_site
from trustpages.render import PageCache
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)
RECORD_PAGES = 5  # 3 commitments, 1 incident, 1 mistake in the small-site fixture


def render(content: Path, cache: PageCache) -> dict[str, str]:
    result = validate(content, AS_OF)
    assert result.records is not None and not result.errors
    return make_site(result.records, AS_OF, cache=cache).pages


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
    assert second == make_site(validate(content, AS_OF).records, AS_OF).pages  # same as without a cache


def test_a_new_as_of_renders_every_record_page_again(tmp_path: Path) -> None:
    cache = PageCache()
    render(FIXTURES / "small-site", cache)
    result = validate(FIXTURES / "small-site", date(2026, 12, 1))
    make_site(result.records, date(2026, 12, 1), cache=cache)
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
    assert plugin.memory.rendered == RECORD_PAGES
    path = content / "incidents" / "2026-03-04-login-failures.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("impact: major", "impact: minor"), encoding="utf-8")
    parses: list[bytes] = []
    real_parse = yamlsource.parse
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlsource, "parse", lambda raw: parses.append(raw) or real_parse(raw))
        config.plugins.on_config(config)  # what `mkdocs serve` does after a save
    assert plugin.memory.rendered == 2  # the incident, and the mistake page that shows it
    records = {file.read_bytes() for file in content.rglob("*.yml")}
    assert [raw for raw in parses if raw in records] == [path.read_bytes()]  # the others were parsed before
    assert len(plugin.parsed) == sum(1 for _ in content.rglob("*.yml"))  # the old version is forgotten

    config.plugins.on_startup(command="build", dirty=False)
    assert plugin.memory is None  # one build reuses nothing: no need to hold every record


def test_a_dirty_serve_rebuild_writes_only_pages_whose_markdown_changed(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.render.conftest import write_config

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    config_file = str(write_config(tmp_path, content))
    config = load_config(config_file=config_file, strict=False)  # as `trustpages serve` runs it
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)  # the first build of `mkdocs serve --dirty`: every page
    site = tmp_path / "site"
    written = {page: page.stat().st_mtime_ns for page in site.rglob("index.html")}

    path = content / "mistakes" / "2026-05-02-double-charged.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("twice in May", "twice in May 2026"), encoding="utf-8")
    build(load_config(config_file=config_file, strict=False), dirty=True)  # after the save, as `mkdocs serve` does it

    rewritten = {page.relative_to(site).as_posix() for page, before in written.items() if page.stat().st_mtime_ns != before}
    # The mistake, and the pages that show it: its index, the home page (the latest mistake), the
    # commitment it names and the record (all of it, and its mistakes). Every other page is left as it was.
    assert rewritten == {
        "mistakes/2026-05-02-double-charged/index.html",
        "mistakes/index.html",
        "index.html",
        "commitments/export-all-data/index.html",
        "record/index.html",
        "record/mistakes/index.html",
    }
    assert "twice in May 2026" in (site / "mistakes" / "2026-05-02-double-charged" / "index.html").read_text(encoding="utf-8")


def test_a_long_list_renders_again_only_the_page_that_shows_a_changed_record(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    for n in range(450):  # three listing pages of the year's incidents: 200, 200 and 50
        day = f"2025-{1 + n // 40:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00Z"
        (content / "incidents" / f"incident-{n:03d}.yml").write_text(
            f"title: Incident {n}\nimpact: minor\nstarted: {day}\nresolved: {day}\naffected: [login]\nsummary: One of many.\n",
            encoding="utf-8",
        )
    cache = PageCache()
    first = render(content, cache)
    listings = sorted(path for path in first if path.startswith("incidents/year/2025/"))
    assert len(listings) == 3

    path = content / "incidents" / "incident-007.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Incident 7\n", "Incident seven\n"), encoding="utf-8")
    second = render(content, cache)
    assert cache.rendered == 2  # the incident's page, and the one listing page its row is on
    assert [path for path in listings if second[path] != first[path]] == [p for p in listings if "Incident seven" in second[p]]
    assert second == make_site(validate(content, AS_OF).records, AS_OF).pages  # same as without a cache
