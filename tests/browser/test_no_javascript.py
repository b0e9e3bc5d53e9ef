"""With JavaScript off, the home page still tells a customer how we are doing and how to reach a person."""

from __future__ import annotations

import re

import yaml
from playwright.sync_api import Browser, expect

from tests.browser.browsing import Site, new_context
from tests.browser.conftest import CONTENT, REPO


def strings() -> dict:
    """The site's UI words, so the test follows the wording the templates use."""
    locale = yaml.safe_load((CONTENT / "site.yml").read_text(encoding="utf-8")).get("locale", "en")
    return yaml.safe_load((REPO / "templates" / "strings" / f"{locale}.yml").read_text(encoding="utf-8"))


def test_home_works_without_javascript(site: Site, browser: Browser) -> None:
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url(""))
    expect(page.locator("html")).to_have_class("no-js")  # Material's scripts would have changed it to "js"
    words = strings()["home"]

    rate = page.locator(".tp-card", has_text=words["kept_rate"])
    expect(rate).to_be_visible()
    assert re.fullmatch(r"\d+(\.\d+)?\s?%|—", rate.locator(".tp-card__number").inner_text().strip()), rate.inner_text()

    open_incidents = page.locator(".tp-card", has_text=words["open_incidents"]).locator(".tp-card__number")
    expect(open_incidents).to_have_text(re.compile(r"^\s*\d+\s*$"))
    expect(page.get_by_role("heading", name=words["open_incidents"], exact=True)).to_be_visible()

    expect(page.get_by_role("heading", name=words["reach_human"], exact=True)).to_be_visible()
    contact = yaml.safe_load((CONTENT / "contact.yml").read_text(encoding="utf-8"))
    assert contact["channels"], "the example site lists no contact channel"
    for channel in contact["channels"]:
        expect(page.locator("article").get_by_text(str(channel["value"])).first).to_be_visible()
    context.close()
