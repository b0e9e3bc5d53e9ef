"""nav: the site's sections in the registry's order, labelled in the site's language, with a hand-written about page last."""

from __future__ import annotations

from pathlib import Path

from trustpages.nav import default_nav

SECTIONS = [
    "index.md",
    "record/index.md",
    "commitments/index.md",
    "incidents/index.md",
    "mistakes/index.md",
    "pricing.md",
    "contact.md",
    "metrics.md",
    "surveys/index.md",
    "data.md",
    "open-data.md",
    "log/index.md",
]


def test_sections_only_in_order_with_english_labels(tmp_path: Path) -> None:
    nav = default_nav(tmp_path / "missing")
    assert [path for entry in nav for path in entry.values()] == SECTIONS
    assert nav[:4] == [
        {"Home": "index.md"},
        {"Our record": "record/index.md"},
        {"Commitments": "commitments/index.md"},
        {"Incidents": "incidents/index.md"},
    ]


def test_labels_in_german(tmp_path: Path) -> None:
    nav = default_nav(tmp_path, "de")
    assert nav[2:5] == [{"Versprechen": "commitments/index.md"}, {"Störungen": "incidents/index.md"}, {"Fehler": "mistakes/index.md"}]


def test_a_sites_own_strings_rename_a_section(tmp_path: Path) -> None:
    (tmp_path / "templates/strings").mkdir(parents=True)
    (tmp_path / "templates/strings/en.yml").write_text("nav:\n  incidents: Outages\n", encoding="utf-8")
    nav = default_nav(tmp_path / "docs", "en", tmp_path / "templates")
    assert {"Outages": "incidents/index.md"} in nav
    assert {"Home": "index.md"} in nav


def test_a_hand_written_about_page_is_listed_last(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("# About\n", encoding="utf-8")
    nav = default_nav(tmp_path)
    assert nav[-1] == {"About": "about.md"}
    assert len(nav) == len(SECTIONS) + 1


def test_an_about_page_in_another_language_only_is_not_listed(tmp_path: Path) -> None:
    (tmp_path / "about.de.md").write_text("# Über uns\n", encoding="utf-8")
    assert len(default_nav(tmp_path, "en")) == len(SECTIONS)
    assert default_nav(tmp_path, "de")[-1] == {"Über diese Seite": "about.md"}
