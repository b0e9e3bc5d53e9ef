"""A site publishes its hand-written pages in its own language: about.de.md at /about/ on a German site, other languages left out."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files

from trustpages.mkdocs.languages import publish_in_language

PAGES = ("about.md", "about.de.md", "about.fr.md", "privacy.md", "guide/start.md", "guide/start.de.md")


def published(config: MkDocsConfig, locale: str) -> dict[str, str]:
    """{address the site publishes: the file written} after publish_in_language."""
    files = get_files(config)
    publish_in_language(files, config, locale)
    return {
        file.src_uri: file.abs_src_path.removeprefix(config.docs_dir + "/") for file in files.documentation_pages() if file.abs_src_path
    }


def test_a_german_site_publishes_the_german_page_at_the_default_address(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config(pages=PAGES)
    assert published(config, "de") == {
        "about.md": "about.de.md",
        "privacy.md": "privacy.md",  # no German page: the default is published
        "guide/start.md": "guide/start.de.md",
        "about.fr.md": "about.fr.md",  # trustpages has no French strings: .fr is no language suffix, the page is its own
    }


def test_an_english_site_leaves_out_every_other_language(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config(pages=PAGES)
    assert published(config, "en") == {
        "about.md": "about.md",
        "privacy.md": "privacy.md",
        "guide/start.md": "guide/start.md",
        "about.fr.md": "about.fr.md",
    }


def test_generated_pages_are_not_moved(mkdocs_config: Callable[..., MkDocsConfig]) -> None:
    config = mkdocs_config(pages=("about.md",))
    generated = File.generated(config, "about.de.md", content="# made by a plugin\n")
    files = Files([generated])
    publish_in_language(files, config, "en")
    assert [file.src_uri for file in files] == ["about.de.md"]
