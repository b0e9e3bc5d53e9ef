"""The MkDocs plugin in process, as mkdocs' own plugin tests drive theirs: config in, files and pages out."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from trustpages.plugin import TrustPlugin

AS_OF = "2026-11-23"


def configured(project: Path, **options: object) -> tuple[TrustPlugin, MkDocsConfig]:
    """A plugin and an MkDocs configuration loaded the way `mkdocs build` loads them, for `project`."""
    config = MkDocsConfig(config_file_path=str(project / "mkdocs.yml"))
    config.load_dict({"site_name": "Test", "docs_dir": str(project / "site_src"), "site_dir": str(project / "site")})
    errors, warnings = config.validate()
    assert not errors, errors
    plugin = TrustPlugin()
    plugin.load_config({"content_dir": str(project / "content"), "as_of": AS_OF, **options})
    plugin.on_startup(command="build", dirty=False)
    config.plugins._current_plugin = "trustpages"  # as MkDocs sets it while an event of this plugin runs
    return plugin, config


def test_on_config_renders_the_site_and_sets_the_nav(project: Path) -> None:
    plugin, config = configured(project)
    config = plugin.on_config(config)
    assert plugin.output is not None and "index.md" in plugin.output.pages
    assert [next(iter(item)) for item in config.nav] == [
        "Home",
        "Our record",
        "Commitments",
        "Incidents",
        "Mistakes",
        "Pricing",
        "Contact",
        "Metrics",
        "Trust surveys",
        "Your data",
        "Open data",
        "Check this record",
        "About",
    ]
    assert "assets/trustpages.css" in config.extra_css and "attr_list" in config.markdown_extensions


def test_what_the_theme_prints_unescaped_is_handed_to_it_escaped_once(project: Path) -> None:
    # MkDocs' theme Jinja does not autoescape: the site's name, the tabs and the toggle are escaped here.
    site = project / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("name: Tallyhouse", 'name: "<img src=x onerror=go()> & Co"'), encoding="utf-8")
    (project / "templates" / "strings").mkdir(parents=True)
    (project / "templates" / "strings" / "en.yml").write_text(
        'nav: {home: "<b>Home</b>"}\ntheme: {to_dark: \'"Dark"\'}\n', encoding="utf-8"
    )
    plugin, config = configured(project, templates_dir=str(project / "templates"))
    config.theme["palette"] = [{"scheme": "default", "toggle": {"name": "x"}}]
    config = plugin.on_config(config)
    assert config.site_name == "&lt;img src=x onerror=go()&gt; &amp; Co in the open"
    assert type(config.site_name) is str  # not Markup: the theme's `|e` escapes it again for tooltips, which read it as HTML
    assert next(iter(config.nav[0])) == "&lt;b&gt;Home&lt;/b&gt;"
    assert config.theme["palette"][0]["toggle"]["name"] == "&#34;Dark&#34;"


def test_a_german_site_gets_german_tabs_and_theme_language(project: Path) -> None:
    site = project / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("locale: en", "locale: de"), encoding="utf-8")
    plugin, config = configured(project)
    config = plugin.on_config(config)
    assert [next(iter(item)) for item in config.nav][:4] == ["Start", "Unsere Bilanz", "Versprechen", "Störungen"]
    assert config.theme["language"] == "de"


def test_on_files_adds_every_page_and_asset_in_memory(project: Path) -> None:
    plugin, config = configured(project)
    config = plugin.on_config(config)
    files = plugin.on_files(Files([]), config=config)
    assert plugin.output is not None
    paths = {file.src_uri for file in files}
    assert set(plugin.output.pages) <= paths and set(plugin.output.assets) <= paths
    assert ".well-known/security.txt" in paths  # a dot folder MkDocs would leave out by default


def test_bad_records_raise_one_plugin_error_listing_every_problem(project: Path) -> None:
    incident = next((project / "content" / "incidents").glob("*.yml"))
    incident.write_text(incident.read_text(encoding="utf-8").replace("impact: ", "impact: severe\nx_impact: ", 1), encoding="utf-8")
    plugin, config = configured(project)
    with pytest.raises(PluginError, match=r"trustpages found 2 error\(s\)") as raised:
        plugin.on_config(config)
    assert "expected one of none, minor, partial, major, critical, maintenance; got 'severe'" in str(raised.value)
    assert "unknown field 'x_impact'" in str(raised.value)


def test_a_bad_as_of_is_a_plugin_error() -> None:
    plugin = TrustPlugin()
    plugin.load_config({"as_of": "2026-02-30"})
    with pytest.raises(PluginError, match="as_of must be a date like 2026-03-04; got '2026-02-30'"):
        plugin._as_of()


def test_feeds_are_announced_in_every_head(project: Path) -> None:
    plugin, config = configured(project)
    config = plugin.on_config(config)
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    page = Page("Metrics", File("metrics/index.md", str(project / "site_src"), str(project / "site"), True), config)
    html = plugin.on_post_page("<html><head></head><body></body></html>", page=page, config=config)
    assert 'rel="alternate" type="application/atom+xml"' in html and 'href="../feeds/all.xml"' in html


def test_a_preview_shows_the_problems_on_every_page_until_they_are_fixed(project: Path) -> None:
    plugin, config = configured(project)
    plugin.on_startup(command="serve", dirty=True)
    plugin.on_config(config)
    good = plugin.output
    incident = next((project / "content" / "incidents").glob("*.yml"))
    text = incident.read_text(encoding="utf-8")
    incident.write_text(text.replace("impact: ", "impact: severe\nx_impact: ", 1), encoding="utf-8")

    _, config = configured(project)  # MkDocs loads the configuration again for each rebuild
    plugin.on_config(config)  # no PluginError: the preview goes on with the last good pages

    assert plugin.output is good and len(plugin.showing) == 2
    html = plugin.on_post_page("<html><head></head><body><p>page</p></body></html>", page=_page(project, config), config=config)
    assert '<body><div role="alert"' in html and "2 problem(s) in your records" in html
    assert "expected one of none, minor, partial, major, critical, maintenance; got &#39;severe&#39;" in html

    incident.write_text(text, encoding="utf-8")
    _, config = configured(project)
    plugin.on_config(config)
    assert plugin.showing == ()
    assert 'role="alert"' not in plugin.on_post_page("<html><head></head><body></body></html>", page=_page(project, config), config=config)


def _page(project: Path, config: MkDocsConfig):  # type: ignore[no-untyped-def]
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    return Page("Home", File("index.md", str(project / "site_src"), str(project / "site"), True), config)


def _loaded(project: Path, locale: str = "en") -> MkDocsConfig:
    """The configuration `mkdocs build` would load for `project`, with Material's search and trustpages, its on_config run."""
    site = project / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("locale: en", f"locale: {locale}"), encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        f"site_name: Test\ndocs_dir: site_src\ntheme:\n  name: material\n  font: false\n"
        f"plugins:\n  - search\n  - trustpages:\n      content_dir: content\n      as_of: '{AS_OF}'\n",
        encoding="utf-8",
    )
    config = load_config(str(project / "mkdocs.yml"))
    return config.plugins.on_config(config)


def test_material_search_gets_the_site_language(project: Path) -> None:
    # Listed after search, trustpages still sets the theme's language first, so the search index
    # splits and stems German words as German (Material reads the language in its own on_config).
    config = _loaded(project, "de")
    assert config.plugins["material/search"].config.lang == ["de"]


def test_the_theme_lists_the_files_mkdocs_copies_without_walking_hidden_folders(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _loaded(project)
    plain = Files([])
    plain.add_files_from_theme(jinja2.Environment(loader=jinja2.FileSystemLoader(config.theme.dirs)), config)
    walked: list[str] = []
    walk = os.walk

    def spy(top: str, *args: Any, **kwargs: Any) -> Iterator[tuple[str, list[str], list[str]]]:
        for step in walk(top, *args, **kwargs):
            walked.append(step[0])
            yield step

    monkeypatch.setattr(os, "walk", spy)
    quick = Files([])
    quick.add_files_from_theme(config.theme.get_env(), config)
    assert [file.src_uri for file in quick] == [file.src_uri for file in plain] and len(plain) > 20
    assert any(Path(folder, ".icons").is_dir() for folder in config.theme.dirs)  # Material's 14,000 icons
    assert walked and not [folder for folder in walked if ".icons" in Path(folder).parts]
    assert config.theme.get_env().get_template(".icons/material/check.svg")  # templates still find them
