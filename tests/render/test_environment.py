"""The page being rendered is explicit: each page's `here` makes its links, and no global that the shared macros read depends on the page."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.render.conftest import REPO
from trustpages.pipeline import make_site
from trustpages.render.environment import Here
from trustpages.validate import validate


@pytest.mark.parametrize(
    ("path", "root", "to_commitment", "to_feed", "markdown_link"),
    [
        ("index.md", "", "commitments/kept/", "feeds/all.xml", "commitments/kept.md"),
        ("contact.md", "../", "../commitments/kept/", "../feeds/all.xml", "commitments/kept.md"),
        ("commitments/index.md", "../", "kept/", "../feeds/all.xml", "kept.md"),
        ("incidents/2026-03-04-login.md", "../../", "../../commitments/kept/", "../../feeds/all.xml", "../commitments/kept.md"),
        ("record/promises/index.md", "../../", "../../commitments/kept/", "../../feeds/all.xml", "../../commitments/kept.md"),
    ],
)
def test_here_links_from_its_own_page(path: str, root: str, to_commitment: str, to_feed: str, markdown_link: str) -> None:
    here = Here(path)
    assert here.root == root
    assert here.url("commitments/kept.md") == to_commitment
    assert here.url("feeds/all.xml") == to_feed
    assert here.link("commitments/kept.md") == markdown_link


def test_each_page_links_from_where_it_is_through_the_shared_macros() -> None:
    result = validate(REPO / "content", date(2026, 12, 1), advice=False)
    assert result.records is not None
    output = make_site(result.records, date(2026, 12, 1))
    feeds = {path: re.findall(r'href="([^"]*feeds/all\.xml)"', page) for path, page in output.pages.items()}
    # get_updates is one macro made once for the whole render; each page's link to the feed is its own.
    assert feeds["index.md"] == ["feeds/all.xml"]
    commitment = next(path for path in output.pages if path.startswith("commitments/") and path != "commitments/index.md")
    assert feeds[commitment] == ["../../feeds/all.xml"]
    # The timeline's entries, made once per event, link from the page that lists them.
    home_entry = re.search(r'class="tp-event__title" href="([^"]*)"', output.pages["index.md"])
    record_entry = re.search(r'class="tp-event__title" href="([^"]*)"', output.pages["record/index.md"])
    assert home_entry is not None and record_entry is not None
    assert not home_entry[1].startswith("../") and record_entry[1].startswith("../")
