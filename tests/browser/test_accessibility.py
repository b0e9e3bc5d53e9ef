"""axe-core finds no WCAG 2.2 AA violation on any page, light and dark, desktop and phone; no status is colour alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.browser.browsing import Site, inject, new_context, visit
from tests.browser.checks import axe_violations, colour_only_statuses
from tests.browser.sweep import SCHEMES, Findings

WIDTHS = ["desktop", "phone"]


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("width", WIDTHS)
def test_no_wcag_violations_on_any_page(width: str, scheme: str, sweep: dict[str, Findings]) -> None:
    problems = [f"/{path} ({width}, {scheme}): {line}" for path, found in sweep.items() for line in found.axe[f"{width}-{scheme}"]]
    assert not problems, "\n".join(problems)


def test_axe_ran_on_every_page_in_every_mode(site: Site, sweep: dict[str, Findings]) -> None:
    # Guards the test above against passing because the sweep skipped pages or modes.
    assert sorted(sweep) == sorted(site.pages()) and len(sweep) > 30
    modes = {f"{width}-{scheme}" for width in WIDTHS for scheme in SCHEMES}
    assert all(set(found.axe) == modes for found in sweep.values())


def test_dark_mode_really_is_dark(site: Site, browser: Browser, axe_source: str) -> None:
    # The sweep switches schemes the way the palette toggle does; a reader whose system is set
    # to dark gets the dark scheme on first load, and it passes axe too.
    context = new_context(browser, color_scheme="dark")
    page = context.new_page()
    visit(page, site.url(""))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES["dark"])
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    assert axe_violations(page, axe_source) == []
    context.close()


def test_no_status_relies_on_colour_alone(sweep: dict[str, Findings]) -> None:
    problems = [f"/{path}: {line}" for path, found in sweep.items() for line in found.colour_only]
    assert not problems, "\n".join(problems)


def test_the_status_check_sees_statuses(sweep: dict[str, Findings], key_pages: dict[str, str]) -> None:
    # Guards the check above against passing because its selectors no longer match anything.
    for name in ("home", "commitments", "commitment", "incident"):
        assert sweep[key_pages[name]].statuses > 0, f"no status found on /{key_pages[name]}"


COLOUR_ONLY = [
    '<span class="tp-status tp-status--broken"></span>',
    '<span class="tp-impact tp-impact--critical"><span aria-hidden="true">⚠</span></span>',
    '<span class="tp-state tp-state--major_outage">   </span>',
    '<p class="tp-overall tp-overall--major_outage"><a href="#status"><span aria-hidden="true">✗</span></a></p>',
    '<div class="tp-uptime"><span class="tp-uptime__day tp-uptime__day--major_outage"></span></div>',
]


def test_a_colour_only_status_is_caught(site: Site, desktop: BrowserContext) -> None:
    page = desktop.new_page()
    visit(page, site.url(""))
    assert colour_only_statuses(page) == []
    for status in COLOUR_ONLY:
        page.evaluate("(html) => document.querySelector('article').insertAdjacentHTML('beforeend', `<div id=canary>${html}</div>`)", status)
        problems = colour_only_statuses(page)
        assert problems and all("tp-" in problem for problem in problems), (status, problems)
        page.evaluate("() => document.getElementById('canary').remove()")


def test_axe_catches_an_image_without_alt_text(site: Site, desktop: BrowserContext, axe_source: str) -> None:
    inject(desktop, site.url(""), "</article>", '<img src="assets/images/favicon.png">')
    page = desktop.new_page()
    visit(page, site.url(""))
    assert any(line.startswith("image-alt ") for line in axe_violations(page, axe_source))
