"""What a customer sees first and how they find their way: the bad news by name on a phone's first screen, a record
page's highlighted tab and way back, the repository link, and a 404 page that keeps the site's look under a sub-path."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.browser import checks
from tests.browser.browsing import PHONE_CONTEXT, Site, new_context, visit
from tests.browser.conftest import CONTENT, REPO, served
from tests.browser.sweep import SCHEMES, show_scheme
from tests.render.conftest import mkdocs_build, write_config
from tests.webserver import serving_project_site

FIRST_SCREEN = {"width": 375, "height": 667}  # an iPhone SE: the smallest phone people still read on
REPOSITORY = "https://github.com/tallyhouse/trust"  # content/site.yml's repo_url


def _bad_news_on_the_first_screen(browser: Browser, url: str, statuses: tuple[tuple[str, str], ...]) -> Any:
    """The phone's page, after checking the broken and overdue cards are on its first screen, each promise named with its status."""
    context = new_context(browser, **{**PHONE_CONTEXT, "viewport": FIRST_SCREEN})
    page = context.new_page()
    visit(page, url)
    for name, status in statuses:
        card = page.locator(f".tp-card--{name}")
        box = card.bounding_box()
        assert box is not None and box["y"] + box["height"] <= FIRST_SCREEN["height"], (name, box)
        named = card.locator(".tp-card__names li")
        assert named.count() >= 1, name
        link = named.first.get_by_role("link")
        assert re.fullmatch(r"(\.\./)*commitments/[a-z0-9-]+/", link.get_attribute("href") or ""), name
        assert status in named.first.inner_text(), name  # each named promise says where it stands
    return page


def test_the_home_page_names_the_broken_and_overdue_promises_on_a_phones_first_screen(site: Site, browser: Browser) -> None:
    page = _bad_news_on_the_first_screen(browser, site.url(""), (("broken", "Broken"), ("overdue", "Overdue")))
    serious = page.locator(".tp-dashboard").get_by_role("link", name="Bank sync stopped for four hours")
    assert serious.get_attribute("href") == "incidents/2026-09-08-bank-sync-outage/"
    assert "Our last major incident: Bank sync stopped for four hours, 8 September 2026" in page.locator(".tp-dashboard").inner_text()
    page.context.close()


def test_in_german_too_the_bad_news_is_on_a_phones_first_screen(browser: Browser, tmp_path: Path) -> None:
    # German labels are longer ("Quote gehaltener Versprechen"): they must not push the named promises below the fold.
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site_yml = content / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("\nlocale: en\n", "\nlocale: de\n"), encoding="utf-8")
    build = mkdocs_build(write_config(tmp_path, content, as_of=None))
    assert build.returncode == 0, build.output
    with served(build.site) as german:
        page = _bad_news_on_the_first_screen(browser, german.url(""), (("broken", "Gebrochen"), ("overdue", "Überfällig")))
        assert checks.squeezed_labels(page) == []  # "Dauerversprechen eingehalten" breaks only at its soft hyphen
        visit(page, german.url("surveys/"))
        assert checks.unreadable_tables(page) == []  # the statement over the cards, not a sliver beside them
        page.context.close()


@pytest.mark.parametrize(("record", "tab", "back"), [
    ("commitments/delete-accounts-within-30-days/", "Commitments", "← All commitments"),
    ("incidents/2026-09-08-bank-sync-outage/", "Incidents", "← All incidents"),
    ("mistakes/", None, None),
])  # fmt: skip
def test_a_record_page_keeps_its_tab_and_a_way_back_to_its_list(
    site: Site, desktop: BrowserContext, record: str, tab: str | None, back: str | None
) -> None:
    page = desktop.new_page()
    if tab is None:  # a section page: its own tab, and no way "back" from it
        visit(page, site.url(record))
        assert page.locator(".md-tabs__item--active").inner_text().strip() == "Mistakes"
        assert page.locator(".tp-back").count() == 0
        return
    visit(page, site.url(record))
    assert [text.strip() for text in page.locator(".md-tabs__item--active").all_inner_texts()] == [tab]
    page.get_by_role("link", name=back).click()
    page.wait_for_load_state()
    assert page.url == site.url(record.split("/")[0] + "/")
    # The list has its own tab marked, and only that: a record's section is marked only while the record renders.
    assert [text.strip() for text in page.locator(".md-tabs__item--active").all_inner_texts()] == [tab]


def test_a_record_page_on_a_phone_shows_its_way_back_and_its_section_in_the_menu(site: Site, browser: Browser) -> None:
    context = new_context(browser, **PHONE_CONTEXT)
    page = context.new_page()
    visit(page, site.url("mistakes/" + site.records("mistakes")[0].split("/")[1] + "/"))
    back = page.get_by_role("link", name="← All mistakes")
    assert back.is_visible() and back.bounding_box()["y"] < 200  # type: ignore[index]  # visible: it has a box
    assert page.locator(".md-nav--primary .md-nav__item--active > .md-nav__link").first.inner_text().strip() == "Mistakes"
    context.close()


def test_every_page_links_the_repository_without_asking_github_for_its_stars(site: Site, desktop: BrowserContext) -> None:
    page = desktop.new_page()
    seen = visit(page, site.url("about/"))
    header = page.locator(".md-header a.md-source")
    assert header.get_attribute("href") == REPOSITORY and "tallyhouse/trust" in header.inner_text()
    assert page.get_by_role("article").get_by_role("link", name="public git repository").get_attribute("href") == REPOSITORY
    assert page.locator("[data-md-component=source]").count() == 0 and not seen.offsite()


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site as a GitHub project site: site.yml's url has a path (/trust/), and it is served under it."""
    folder = tmp_path_factory.mktemp("project")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    site_yml = content / "site.yml"
    site_yml.write_text(
        re.sub(r"(?m)^url: .*$", "url: https://example.github.io/trust", site_yml.read_text(encoding="utf-8")), encoding="utf-8"
    )
    config = folder / "mkdocs.yml"
    own = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    own = own.replace("docs_dir: site_src", f"docs_dir: {REPO / 'site_src'}").replace("content_dir: content", f"content_dir: {content}")
    config.write_text(own.replace("      cache_dir: .trustpages/cache", "      cache_dir: ''"), encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(folder / "site")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=folder, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    with serving_project_site(folder / "site", "trust") as address:
        yield address


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_a_missing_page_of_a_project_site_has_the_sites_look_navigation_and_a_way_on(
    project_site: str, browser: Browser, axe_source: str, width: str
) -> None:
    context = new_context(browser, **(PHONE_CONTEXT if width == "phone" else {}))
    page = context.new_page()
    missing = project_site + "commitments/no-such-promise/"
    seen = visit(page, missing)
    assert f"HTTP 404: {missing}" in seen.errors
    assert [error for error in seen.errors if missing not in error] == []  # only the page itself: its styles and scripts load
    assert page.locator("h1").inner_text() == "This page is not here"
    # Styled: Material's header is drawn in the site's colour, not left as an unstyled box.
    assert page.locator(".md-header").evaluate("(el) => getComputedStyle(el).position") == "sticky"
    tabs = page.locator(".md-tabs__link")
    assert tabs.count() >= 10 and tabs.first.evaluate("(a) => a.href") == project_site
    assert page.locator(".md-tabs__link", has_text="Commitments").evaluate("(a) => a.href") == project_site + "commitments/"
    page.get_by_role("link", name="Start again from the home page").click()
    page.wait_for_load_state()
    assert page.url == project_site and page.locator(".tp-dashboard").count() == 1
    page.go_back()
    problems = []
    for scheme in SCHEMES:
        show_scheme(page, scheme)
        problems += [f"404 ({width}, {scheme}): {line}" for line in checks.axe_violations(page, axe_source)]
    assert not problems, "\n".join(problems)
    context.close()
