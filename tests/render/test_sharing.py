"""Sharing and finding: the site map lists every page, and each page has its canonical address and link-preview tags, from site.yml's url."""

from __future__ import annotations

import re

from tests.render.conftest import Build


def test_the_site_map_lists_every_page(small_site: Build) -> None:
    pages = {path.parent.relative_to(small_site.site).as_posix() for path in small_site.site.rglob("index.html")}
    listed = set(re.findall(r"<loc>([^<]+)</loc>", small_site.html("sitemap.xml")))
    assert len(listed) == len(pages) > 10
    assert all(address.startswith("https://trust.example.com/") for address in listed)


def test_every_page_has_its_canonical_address_and_a_link_preview(small_site: Build) -> None:
    page = small_site.html("commitments/index.html")
    assert '<link rel="canonical" href="https://trust.example.com/commitments/">' in page
    assert '<meta property="og:url" content="https://trust.example.com/commitments/">' in page
    assert '<meta property="og:title" content="Commitments">' in page
    assert '<meta property="og:site_name" content="' in page
