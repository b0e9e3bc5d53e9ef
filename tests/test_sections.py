"""sections: the folders with a page per record, where long lists live, and the names no record there may take."""

from __future__ import annotations

from trustpages import sections


def test_the_record_sections_come_from_the_registry() -> None:
    assert sections.record_sections() == ("commitments", "incidents", "mistakes", "surveys")


def test_each_listing_lives_in_a_folder_of_its_kinds_section() -> None:
    assert sections.listing_folders() == {
        "commitments": ("commitments", "status"),
        "standing": ("commitments", "standing"),
        "incidents": ("incidents", "year"),
        "mistakes": ("mistakes", "year"),
    }


def test_a_listing_s_first_page_is_its_index_and_the_next_are_numbered() -> None:
    assert sections.listing_path("incidents", 2024) == "incidents/year/2024/index.md"
    assert sections.listing_path("incidents", 2024, 3) == "incidents/year/2024/3.md"
    assert sections.listing_path("standing", "support", 2) == "commitments/standing/support/2.md"


def test_the_names_a_section_uses_itself_are_reserved_and_only_there() -> None:
    assert sections.reserved_ids("commitments") == {"index", "status", "standing"}
    assert sections.reserved_ids("incidents") == {"index", "year"}
    assert sections.reserved_ids("surveys") == {"index"}
    assert sections.reserved_ids("metrics") == frozenset()  # its records share one page


def test_every_listing_path_is_under_a_reserved_name() -> None:
    for rows, (section, _) in sections.listing_folders().items():
        first = sections.listing_path(rows, "x").split("/")[1]
        assert first in sections.reserved_ids(section), rows
