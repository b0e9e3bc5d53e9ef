"""Generated pages as MkDocs sees them: a reused page keeps a page's address but is a file to copy; an HTML page reads its own source."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from trustpages.buildcache.themed import ThemedPage
from trustpages.mkdocs.pages import GeneratedPage, HtmlPage, ReusedPage, add

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
SOURCE = '---\ntitle: "A & B"\n---\n<h1 id="a">Alpha</h1><p>Text.</p><h2 id="more">More</h2><p>Else.</p>'


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: docs\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "trustpages"  # what MkDocs sets while the plugin's on_files runs
    return config


def test_a_reused_page_has_a_pages_address_and_is_copied_not_built(config: MkDocsConfig) -> None:
    themed = ThemedPage("digest", [], {})
    reused = ReusedPage.reuse(config, "mistakes/late.md", SOURCE, themed, "key")
    built = GeneratedPage.make(config, "mistakes/late.md", SOURCE, html=True, same_as_before=False, themed_key=None)
    assert (reused.dest_uri, reused.url) == (built.dest_uri, built.url) == ("mistakes/late/index.html", "mistakes/late/")
    assert not reused.is_documentation_page() and built.is_documentation_page()
    assert reused.key == "key" and reused.themed is themed


def test_a_generated_page_is_built_again_unless_its_source_and_output_are_as_before(config: MkDocsConfig, tmp_path: Path) -> None:
    same = GeneratedPage.make(config, "a.md", SOURCE, html=True, same_as_before=True, themed_key=None)
    assert same.is_modified()  # its output is not there yet
    Path(same.abs_dest_path).parent.mkdir(parents=True)
    Path(same.abs_dest_path).write_text("built", encoding="utf-8")
    assert not same.is_modified()
    assert GeneratedPage.make(config, "a.md", SOURCE, html=True, same_as_before=False, themed_key=None).is_modified()


def test_an_html_page_reads_its_title_and_search_entries_from_its_own_html(config: MkDocsConfig) -> None:
    file = GeneratedPage.make(config, "a.md", SOURCE, html=True, same_as_before=False, themed_key=None)
    page = HtmlPage(None, file, config)
    assert file.page is page  # MkDocs uses it rather than making a Markdown page of it
    with pytest.raises(RuntimeError, match="before MkDocs rendered it"):
        _ = page.search_entries  # never an empty list standing in for entries not made yet
    page.read_source(config)
    page.render(config, Files([file]))
    assert page.meta["title"] == "A &amp; B" and page.indexed_here and page.meta["search"] == {"exclude": True}
    assert [entry["location"] for entry in page.search_entries] == ["a/", "a/#more"]  # the first heading is the page
    assert page.present_anchor_ids == {"a", "more"}


def test_a_generated_page_never_replaces_a_hand_written_one(config: MkDocsConfig, tmp_path: Path) -> None:
    (tmp_path / "docs" / "a.md").write_text("# Mine\n", encoding="utf-8")
    files = Files([File("a.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)])
    with pytest.raises(PluginError, match="has the same path as a page trustpages generates"):
        add(files, GeneratedPage.make(config, "a.md", SOURCE, html=True, same_as_before=False, themed_key=None))
