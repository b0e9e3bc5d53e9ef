"""Hand-written pages in the site's language: about.de.md at /about/ on a German site, about.md on an English one."""

from __future__ import annotations

from pathlib import Path

from trustpages import handwritten, ondisk
from trustpages.nav import default_nav
from trustpages.render import Output

FILES = ["about.md", "about.de.md", "team/index.md", "notes.v2.md", "assets/site.css", "privacy.de.md"]


def test_a_page_in_the_sites_language_takes_its_defaults_address() -> None:
    assert handwritten.published(FILES, "de") == {
        "about.de.md": "about.md",
        "team/index.md": "team/index.md",
        "notes.v2.md": "notes.v2.md",  # 'v2' is no language trustpages has strings for
        "assets/site.css": "assets/site.css",
        "privacy.de.md": "privacy.md",  # a German page with no default is published too, at its own address
    }


def test_pages_in_other_languages_are_left_out() -> None:
    assert handwritten.published(FILES, "en") == {
        "about.md": "about.md",
        "team/index.md": "team/index.md",
        "notes.v2.md": "notes.v2.md",
        "assets/site.css": "assets/site.css",
    }


def test_the_navigation_lists_about_when_only_a_page_in_the_sites_language_exists(tmp_path: Path) -> None:
    (tmp_path / "about.de.md").write_text("# Über diese Seite\n", encoding="utf-8")
    assert default_nav(tmp_path, "de")[-1] == {"Über diese Seite": "about.md"}
    assert all("about.md" not in entry.values() for entry in default_nav(tmp_path, "en"))


def test_generate_writes_the_page_in_the_sites_language_at_the_defaults_address(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About this site\n", encoding="utf-8")
    (docs / "about.de.md").write_text("# Über diese Seite\n", encoding="utf-8")
    for locale, heading in (("de", "# Über diese Seite\n"), ("en", "# About this site\n")):
        out = tmp_path / f"out-{locale}"
        ondisk.write(Output(), out, docs, locale)
        assert (out / "about.md").read_text(encoding="utf-8") == heading
        assert not (out / "about.de.md").exists()
