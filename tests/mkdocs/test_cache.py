"""When a build may reuse themed pages: the page events are MkDocs' own, and any other plugin handling one turns the cache off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from trustpages.mkdocs import cache
from trustpages.render import Output

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _config(tmp_path: Path, hooks: str = "", plugins: str = "[search, trustpages]") -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    if hooks:
        (tmp_path / "hooks.py").write_text(hooks, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ndocs_dir: docs\ntheme:\n  name: material\nplugins: {plugins}\n" + ("hooks: [hooks.py]\n" if hooks else ""),
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins["material/search"].on_config(config)  # as in a build: its index is there by on_files
    return config


def test_the_page_events_are_read_from_mkdocs_and_hold_those_the_old_list_missed() -> None:
    assert {"page_markdown", "page_content", "post_page"} < cache.PAGE_EVENTS  # the old hand-kept list
    # Material's typeset plugin handles pre_page, its tags and projects plugins page_context.
    assert {"pre_page", "page_read_source", "page_context", "nav", "env"} <= cache.PAGE_EVENTS
    assert not {"config", "files", "post_build", "startup", "serve", "template_context"} & cache.PAGE_EVENTS


def test_search_and_trustpages_alone_leave_the_cache_on(tmp_path: Path) -> None:
    config = _config(tmp_path)
    assert cache.page_changers(config, config.plugins["trustpages"]) == []


@pytest.mark.parametrize(
    "hook",
    [
        "def on_page_context(context, page, config, nav):\n    return context\n",
        "def on_pre_page(page, config, files):\n    return page\n",
        "def on_env(env, config, files):\n    return env\n",
    ],
    ids=["page_context", "pre_page", "env"],
)
def test_a_hook_on_any_page_event_turns_the_cache_off(tmp_path: Path, hook: str) -> None:
    config = _config(tmp_path, hooks=hook)
    assert cache.page_changers(config, config.plugins["trustpages"]) == ["hooks.py"]


def test_a_hook_on_build_wide_events_only_leaves_the_cache_on(tmp_path: Path) -> None:
    config = _config(tmp_path, hooks="def on_post_build(config):\n    pass\n\ndef on_config(config):\n    return config\n")
    assert cache.page_changers(config, config.plugins["trustpages"]) == []


def test_another_search_plugin_than_the_one_trustpages_feeds_is_a_page_changer(tmp_path: Path) -> None:
    """Only the search plugin whose index gets the reused pages' entries may read pages unseen; Material's tags may not."""
    config = _config(tmp_path, plugins="[search, tags, trustpages]")
    assert cache.page_changers(config, config.plugins["trustpages"]) == ["TagsPlugin"]


def test_the_navigation_lists_pages_with_their_titles_and_not_its_links() -> None:
    nav = [{"Home": "index.md"}, {"Records": [{"Mistakes": "mistakes/index.md"}, "about.md"]}, {"Blog": "https://example.com/"}]
    assert list(cache.nav_entries(nav)) == [("Home", "index.md"), ("Mistakes", "mistakes/index.md"), (None, "about.md")]


def test_what_the_navigation_shows_of_a_generated_page_is_its_front_matter_and_first_heading(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    pages = {
        "a.md": '---\nicon: x\n---\n<h1 id="alpha">Alpha</h1><p>Everything else, which changes with the records.</p>',
        "b.md": "# Markdown\n",
    }
    output = Output(pages=pages, html=frozenset({"a.md"}))
    (tmp_path / "docs" / "c.md").write_text("# Hand-written\n", encoding="utf-8")
    hand = File("c.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    shown = cache.shown_in_nav(["a.md", "b.md", "c.md", "missing.md"], output, Files([hand]))
    assert shown["a.md"] == [{"icon": "x"}, "Alpha"] and set(shown) == {"a.md", "b.md", "c.md"}
    changed = Output(pages={**pages, "a.md": pages["a.md"].replace("Everything", "Nothing")}, html=frozenset({"a.md"}))
    assert cache.shown_in_nav(["a.md"], changed, Files([])) == {"a.md": shown["a.md"]}  # its body is not what the nav shows
    assert cache.shown_in_nav(["b.md"], Output(pages={"b.md": "# Other\n"}), Files([]))["b.md"] != shown["b.md"]


def test_an_unsafe_cache_folder_is_a_plugin_error(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    config = _config(tmp_path)
    with pytest.raises(PluginError, match="refusing to use the build cache"):
        cache.folder(config, "docs/cache", "content", None)
    assert cache.folder(config, ".trustpages/cache", "content", None) == tmp_path / ".trustpages" / "cache"
