"""Markup typed into any record runs nowhere: not on a page, not in a feed or badge, not in search results (issue 27).

The example content gets hostile markup in every field `check` accepts it in (tests/browser/hostile.py);
the site is built twice with the build cache (the second build reuses kept pages and their search
entries), every page and file a browser shows is visited, and Material's search is run for the
words of those fields. Every piece of the payload counts itself in `window.__xss` if it runs.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.browsing import Site, visit
from tests.browser.conftest import CONTENT, REPO, served
from tests.browser.hostile import MARKER, Hostile, make_hostile
from tests.test_build_command import trustpages
from trustpages.asof import default_as_of

SHOWN = ("html", "svg", "xml")  # what a browser runs or draws when a reader opens it (feeds, badges, pages)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    return make_hostile(CONTENT, tmp_path_factory.mktemp("hostile") / "content", default_as_of())


@pytest.fixture(scope="module")
def hostile_site(hostile: Hostile) -> Iterator[Site]:
    project = hostile.folder.parent
    shutil.copytree(REPO / "site_src", project / "site_src")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")  # with a build cache: the second build reuses its pages
    for _ in range(2):
        built = trustpages("build", cwd=project)
        assert built.returncode == 0, built.stdout + built.stderr
    with served(project / "site") as site:
        yield site


def test_check_accepts_markup_in_every_kind_of_text(hostile: Hostile) -> None:
    checked = trustpages("check", str(hostile.folder), cwd=hostile.folder.parent)
    assert checked.returncode == 0, checked.stdout
    assert hostile.files() == {path.relative_to(CONTENT).as_posix() for path in CONTENT.rglob("*.yml")}

    def read(name: str) -> dict:
        return yaml.safe_load((hostile.folder / name).read_text(encoding="utf-8"))

    site, pricing, contact = read("site.yml"), read("pricing.yml"), read("contact.yml")
    survey = read("surveys/how-much-do-customers-trust-us.yml")
    texts = [
        site["name"],
        site["components"][0]["name"],
        pricing["plans"][0]["name"],
        contact["channels"][0]["label"],
        survey["title"],
        survey["questions"][0]["text"],
        read("metrics/renewal-rate.yml")["title"],
        read("incidents/2026-02-17-login-failures.yml")["title"],
        read("commitments/export-all-your-data.yml")["title"],
        read("mistakes/2026-05-04-double-charged.yml")["title"],
    ]
    assert all(MARKER in text and "<img src=x onerror=" in text for text in texts), texts


def watch(page: Page) -> list[str]:
    """Dialogs a page opens (alert, confirm, prompt): each one is a script that ran."""
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def ran(page: Page) -> object:
    return page.evaluate("() => window.__xss")


def test_no_page_feed_or_badge_runs_markup_from_a_record(hostile_site: Site, desktop: BrowserContext) -> None:
    files = sorted(path for kind in SHOWN for path in hostile_site.root.rglob(f"*.{kind}"))
    records = [path.relative_to(CONTENT).with_suffix("") for path in CONTENT.glob("*/*.yml") if path.parent.name != "metrics"]
    assert records and all((hostile_site.root / record / "index.html") in files for record in records)
    assert any(path.suffix == ".svg" for path in files) and any(path.suffix == ".xml" for path in files)
    page = desktop.new_page()
    dialogs = watch(page)
    runs = {}
    for path in files:
        relative = path.relative_to(hostile_site.root).as_posix()
        visit(page, hostile_site.url(relative.removesuffix("index.html")))
        runs[relative] = ran(page)
    assert {name: count for name, count in runs.items() if count is not None} == {}
    assert dialogs == []

    # Shown as the words typed, escaped exactly once: neither run nor refused nor mangled.
    visit(page, hostile_site.url(""))
    expect(page.locator("h1").first).to_contain_text(f"{MARKER} <img src=x onerror=")
    expect(page.locator(".md-header__topic").first).to_contain_text(f"{MARKER} <img src=x onerror=")
    assert f"{MARKER} <img src=x onerror=" in page.title()


def test_search_results_show_record_titles_as_text_and_run_nothing(hostile_site: Site, desktop: BrowserContext) -> None:
    docs = json.loads((hostile_site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    hostile_docs = [doc for doc in docs if MARKER in doc["title"] + doc["text"]]
    assert len(hostile_docs) > 50
    page = desktop.new_page()
    dialogs = watch(page)
    visit(page, hostile_site.url(""))
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    queries = [MARKER, *sorted({word for doc in hostile_docs for word in _longest_word(doc["title"].partition(MARKER)[0])})]
    drawn = {}
    for query in queries:
        search = page.locator("input.md-search__input")
        search.fill("")
        search.press_sequentially(query)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        drawn[query] = _all_results(page)
        assert drawn[query] == int(page.locator(".md-search-result__meta").inner_text().split()[0]), query  # every result drawn
        assert ran(page) is None, query
    assert drawn[MARKER] == len({doc["location"].partition("#")[0] for doc in hostile_docs})  # every page with hostile text
    titles = page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    assert any("<img src=x onerror=" in title for title in titles), titles[:5]
    assert not any("&lt;" in title or "&amp;" in title for title in titles), titles[:5]  # escaped once, not twice
    assert dialogs == []


def _longest_word(title: str) -> list[str]:
    """The longest word of a title (searches for short ones find stop words or too much), if it has one."""
    words = re.findall(r"[^\W\d_]{5,}", title)
    return [max(words, key=len)] if words else []


def _all_results(page: Page) -> int:
    """Scroll Material's result list to its end (it draws results as they come into view); how many it drew."""
    count = -1
    while count != (now := page.locator(".md-search-result__item").count()):
        count = now
        # Material draws four more each time the list reaches its end, having left it: up, then down.
        for to in ("0", "list.scrollHeight"):
            page.locator(".md-search__scrollwrap").evaluate(f"(list) => {{ list.scrollTop = {to}; }}")
            page.wait_for_timeout(50)
    return count
