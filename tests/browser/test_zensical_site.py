"""The site built with Zensical, as customers load it: only our server is asked for anything, and axe finds nothing."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser import checks
from tests.browser.browsing import Site, new_context, visit
from tests.browser.conftest import richest, served
from tests.browser.sweep import SCHEMES, show_scheme
from tests.test_zensical import build, project
from trustpages import zensical

pytestmark = pytest.mark.skipif(
    not zensical.installed(), reason=f"Zensical is not installed (pip install 'trustpages[zensical]', Zensical {zensical.PINNED})"
)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = project(tmp_path_factory.mktemp("zensical-browser") / "project")
    build(folder, "--builder", "zensical", "-d", "site")
    with served(folder / "site") as site:
        yield site


def test_every_page_talks_only_to_our_server(zensical_site: Site, browser: Browser) -> None:
    context = new_context(browser)
    page = context.new_page()
    problems = []
    pages = zensical_site.pages()
    assert len(pages) > 30
    for path in pages:
        problems += [f"/{path}: {line}" for line in checks.privacy_problems(page, visit(page, zensical_site.url(path)))]
    context.close()
    assert not problems, "\n".join(problems)


def test_no_wcag_violations_on_the_key_pages(zensical_site: Site, browser: Browser, axe_source: str) -> None:
    key = ["", "commitments/", "metrics/", "pricing/", "contact/"]
    key += [richest(zensical_site, zensical_site.records(kind)) for kind in ("commitments", "incidents", "mistakes")]
    context = new_context(browser)
    page = context.new_page()
    found = []
    for path in key:
        visit(page, zensical_site.url(path))
        for scheme in SCHEMES:
            show_scheme(page, scheme)
            found += [f"/{path} ({scheme}): {line}" for line in checks.axe_violations(page, axe_source)]
    context.close()
    assert not found, "\n".join(found)


def test_security_txt_is_served(zensical_site: Site) -> None:
    with urllib.request.urlopen(zensical_site.url(".well-known/security.txt"), timeout=30) as response:
        assert "\nContact: mailto:" in response.read().decode()
