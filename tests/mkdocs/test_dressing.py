"""MkDocs' configuration dressed from the records: the stylesheet, the extensions, the navigation and the language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from trustpages.mkdocs.dressing import dress
from trustpages.records import Site
from trustpages.render import STYLESHEET
from trustpages.render.cards import TableCards

ENGLISH = Site.model_validate({"name": "Example Co", "url": "https://trust.example.com"})
GERMAN = Site.model_validate({"name": "Beispiel GmbH", "url": "https://trust.example.com", "locale": "de"})


def test_the_stylesheet_and_extensions_are_added_once(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config("theme: material", f"extra_css: [{STYLESHEET}]", "markdown_extensions: [attr_list]")
    dress(config, ENGLISH, None)
    assert config.extra_css.count(STYLESHEET) == 1
    assert config.markdown_extensions.count("attr_list") == 1
    assert any(isinstance(extension, TableCards) for extension in config.markdown_extensions)  # phones: a table's rows as cards


def test_without_a_nav_the_sections_come_from_the_registry_with_their_labels_escaped(
    mkdocs_config: Callable[..., MkDocsConfig], tmp_path: Path
) -> None:
    strings = tmp_path / "templates" / "strings"
    strings.mkdir(parents=True)
    (strings / "en.yml").write_text('nav:\n  pricing: "Prices & <fees>"\n', encoding="utf-8")
    config = mkdocs_config("theme: material", pages=("about.md",))
    dress(config, ENGLISH, tmp_path / "templates")
    nav = {label: path for entry in config.nav for label, path in entry.items()}
    assert nav["Prices &amp; &lt;fees&gt;"] == "pricing.md"  # the theme prints a label unescaped
    assert list(nav)[0] == "Home" and list(nav)[-1] == "About"  # the registry's order, a hand-written about.md last


def test_a_nav_written_in_mkdocs_yml_is_kept(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config("theme: material", "nav: [{Start: index.md}]")
    dress(config, ENGLISH, None)
    assert config.nav == [{"Start": "index.md"}]


def test_the_theme_speaks_the_sites_language_unless_mkdocs_yml_chose_another(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config("theme: {name: material, language: en}")
    dress(config, GERMAN, None)
    assert config.theme["language"] == "de"
    chosen = mkdocs_config("theme: {name: material, language: fr}")
    dress(chosen, GERMAN, None)
    assert chosen.theme["language"] == "fr"


def test_a_different_site_name_in_mkdocs_yml_is_reported_and_site_yml_wins(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config("theme: material")  # site_name: Test
    conflict = dress(config, ENGLISH, None)
    assert conflict is not None and "differs from content/site.yml name 'Example Co'" in conflict
    assert "Example Co" in config.site_name
    same = mkdocs_config("theme: material")
    assert dress(same, Site.model_validate({"name": "Test", "url": "https://trust.example.com"}), None) is None
