"""Search finds a promise by its words, and the light/dark toggle switches and remembers the scheme."""

from __future__ import annotations

import json
import re

from playwright.sync_api import BrowserContext, expect

from tests.browser.browsing import Site, visit
from tests.browser.sweep import SCHEMES


def rarest_word(site: Site, text: str) -> str:
    """The word of `text` that the fewest pages contain, so the search result cannot be crowded out."""
    docs = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = [(doc["title"] + " " + doc["text"]).lower() for doc in docs]
    words = {word for word in re.findall(r"[^\W\d_]{5,}", text)}
    assert words, f"no word to search for in {text!r}"
    return min(sorted(words), key=lambda word: (sum(word.lower() in page for page in pages), -len(word)))


def test_search_finds_a_commitment_by_a_word_from_its_promise(site: Site, key_pages: dict[str, str], desktop: BrowserContext) -> None:
    commitment = key_pages["commitment"]
    page = desktop.new_page()
    visit(page, site.url(commitment))
    word = rarest_word(site, page.locator(".tp-promise").inner_text())

    seen = visit(page, site.url(""))
    # The index is the heaviest file at thousands of records: not fetched before anyone searches.
    assert not [url for url in seen.requests if "search_index" in url], seen.requests
    with page.expect_request("**/search/search_index.json"):
        page.locator("label.md-search__icon, input.md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(word)
    result = page.locator(f'.md-search-result__item a[href$="/{commitment}"]')
    expect(result.first).to_be_visible()
    assert not seen.offsite() and not seen.errors, (seen.offsite(), seen.errors)


def test_a_query_typed_before_the_index_arrives_still_finds_results(site: Site, key_pages: dict[str, str], phone: BrowserContext) -> None:
    incident = key_pages["incident"]
    page = phone.new_page()
    visit(page, site.url(incident))
    word = rarest_word(site, page.locator("h1").inner_text())
    page.route("**/search/search_index.json", lambda route: (page.wait_for_timeout(300), route.continue_()))
    visit(page, site.url(""))
    page.keyboard.press("/")  # Material's shortcut opens the search box; the index is fetched from now on
    page.locator("input.md-search__input").press_sequentially(word)
    expect(page.locator(f'.md-search-result__item a[href$="/{incident}"]').first).to_be_visible()


def test_every_record_is_findable_by_its_title_and_summary(site: Site) -> None:
    docs = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {doc["location"]: doc["title"] + " " + re.sub(r"<[^>]+>", " ", doc["text"]) for doc in docs}
    for kind in ("commitments", "incidents", "mistakes"):
        for record in site.records(kind):
            if "/status/" in record or "/year/" in record or "/standing/" in record:
                continue
            html = (site.root / record / "index.html").read_text(encoding="utf-8")
            title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
            assert title and record in text, record
            found = " ".join(value for location, value in text.items() if location.startswith(record))
            assert re.sub(r"<[^>]+>", "", title[1]).strip() in found, record
            if kind == "incidents":
                # The summary: what happened, or for maintenance still ahead, what is planned.
                assert f"{record}#what-happened" in text or f"{record}#what-we-plan" in text, record
    # Long sections (timelines, postmortems, history) are left out, so the index stays small.
    assert not any("#timeline" in location or "#history" in location for location in text)


def test_the_toggle_switches_to_dark_and_back_and_is_remembered(site: Site, desktop: BrowserContext) -> None:
    page = desktop.new_page()
    visit(page, site.url(""))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", SCHEMES["light"])
    light = page.evaluate("() => getComputedStyle(document.body).backgroundColor")

    page.locator("form[data-md-component=palette] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", SCHEMES["dark"])
    dark = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert dark != light

    visit(page, site.url("contact/"))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES["dark"])
    page.locator("form[data-md-component=palette] label:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES["light"])
