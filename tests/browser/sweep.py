"""One pass over every page of the built site, gathering what each browser test asserts on.

Loading pages is the slow part of the browser tests, so each page is loaded once at desktop
width: the privacy and colour checks run, axe-core runs in light and dark, key pages get a
screenshot, then the window narrows to a phone's 375 px, which re-runs the layout and media
queries as a phone would, for axe in light and dark again, the sideways-scroll and table
checks and the phone screenshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.browser import checks
from tests.browser.browsing import DESKTOP, PHONE, Site, new_context, visit

# Material's light and dark schemes, as it writes them on <body data-md-color-scheme>.
SCHEMES = {"light": "default", "dark": "slate"}
# Pages whose cards and tables of figures are also shot on a phone in dark mode (issue 32's trust figures).
DARK_PHONE_SHOTS = ("home", "surveys", "survey")


@dataclass
class Findings:
    """What the checks found on one page."""

    privacy: list[str]
    colour_only: list[str]
    statuses: int
    sideways: dict[str, object] | None = None
    sideways_desktop: dict[str, object] | None = None
    tables: list[str] = field(default_factory=list)
    hidden_cells: list[str] = field(default_factory=list)
    squeezed: list[str] = field(default_factory=list)  # card labels breaking a word on a phone
    table_count: int = 0
    axe: dict[str, list[str]] = field(default_factory=dict)  # "desktop-light", "phone-dark"… -> violations


def sweep_site(site: Site, browser: Browser, key_pages: dict[str, str], axe_source: str, screenshots: Path) -> dict[str, Findings]:
    """Findings for every page, by URL path; writes <name>-desktop.png and <name>-phone.png for key pages."""
    names = {path: name for name, path in key_pages.items()}
    context = new_context(browser, color_scheme="light")
    page = context.new_page()
    findings = {}
    for path in site.pages():
        page.set_viewport_size(DESKTOP)
        seen = visit(page, site.url(path))
        found = Findings(
            privacy=checks.privacy_problems(page, seen),
            colour_only=checks.colour_only_statuses(page),
            statuses=page.locator(", ".join(checks.STATUS_SELECTORS)).count(),
        )
        name = names.get(path)
        found.sideways_desktop = checks.sideways_scroll(page)
        for scheme in SCHEMES:
            show_scheme(page, scheme)
            found.axe[f"desktop-{scheme}"] = checks.axe_violations(page, axe_source)
            if name == "home" and scheme == "dark":
                shoot(page, screenshots / "home-desktop-dark.png")
        show_scheme(page, "light")
        if name:
            shoot(page, screenshots / f"{name}-desktop.png")
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(30)  # let the phone layout settle before axe measures colours and sizes
        for scheme in SCHEMES:
            show_scheme(page, scheme)
            found.axe[f"phone-{scheme}"] = checks.axe_violations(page, axe_source)
            if name in DARK_PHONE_SHOTS and scheme == "dark":
                shoot(page, screenshots / f"{name}-phone-dark.png")
        show_scheme(page, "light")
        found.sideways = checks.sideways_scroll(page)
        found.tables = checks.unreadable_tables(page)
        found.hidden_cells = checks.cells_off_screen(page)
        found.squeezed = checks.squeezed_labels(page)
        found.table_count = page.locator(".md-typeset table").count()
        if name:
            shoot(page, screenshots / f"{name}-phone.png")
        findings[path] = found
    context.close()
    return findings


def show_scheme(page: Page, scheme: str) -> None:
    """Switch the page to Material's light or dark scheme, as its palette toggle does, without transitions."""
    page.evaluate(
        """(scheme) => {
          document.body.setAttribute("data-md-color-switching", "");
          document.body.setAttribute("data-md-color-scheme", scheme);
          getComputedStyle(document.body).backgroundColor;  // apply the new colours before
          document.body.removeAttribute("data-md-color-switching");  // transitions come back
        }""",
        SCHEMES[scheme],
    )


def shoot(page: Page, target: Path) -> None:
    # From the top, where Material shows its tabs (it hides them once the page is scrolled).
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(50)
    page.screenshot(path=str(target), full_page=True, animations="disabled")
