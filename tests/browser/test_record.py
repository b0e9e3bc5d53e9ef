"""Our record in the browser: axe finds nothing at phone and desktop width, light and dark; no sideways scroll; filters work without script."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import checks
from tests.browser.browsing import PHONE_CONTEXT, Site, new_context, visit
from tests.browser.sweep import SCHEMES, show_scheme

PAGES = ["record/", "record/promises/", "record/maintenance/", "record/corrections/", ""]


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_record_pages_pass_axe_in_light_and_dark_with_no_sideways_scroll(
    site: Site, browser: Browser, axe_source: str, width: str
) -> None:
    context = new_context(browser, **(PHONE_CONTEXT if width == "phone" else {}))
    page = context.new_page()
    problems = []
    for path in PAGES:
        visit(page, site.url(path))
        assert page.locator("li.tp-event").count() > 0, path  # the check below ran on entries, not an empty page
        for scheme in SCHEMES:
            show_scheme(page, scheme)
            problems += [f"/{path} ({width}, {scheme}): {line}" for line in checks.axe_violations(page, axe_source)]
        wide = checks.sideways_scroll(page)
        assert wide is None, (path, wide)
    context.close()
    assert not problems, "\n".join(problems)


def test_a_filter_is_a_link_that_works_without_javascript(site: Site, browser: Browser) -> None:
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    visit(page, site.url("record/"))
    everything = page.locator("li.tp-event").count()
    page.get_by_role("navigation", name="Show only").get_by_role("link", name="Incidents").click()
    assert page.url.endswith("/record/incidents/")
    kinds = page.locator("li.tp-event .tp-event__kind").all_text_contents()
    assert kinds and set(kinds) == {"Incident"} and len(kinds) < everything
    filters = page.get_by_role("navigation", name="Show only")
    assert filters.get_by_role("link", name="Incidents").get_attribute("aria-current") == "page"
    assert filters.get_by_role("link", name="Everything").get_attribute("aria-current") is None
    context.close()
