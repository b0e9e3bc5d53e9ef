"""No page scrolls sideways at 375 or 1280 px; on a phone every table value stays on screen; screenshots for people to look at."""

from __future__ import annotations

import struct
from pathlib import Path

from playwright.sync_api import BrowserContext

from tests.browser.browsing import DESKTOP, PHONE, Site, visit
from tests.browser.checks import cells_off_screen, sideways_scroll
from tests.browser.conftest import Screenshots
from tests.browser.sweep import Findings

SCREENSHOT_PAGES = ["home", "commitments", "commitment", "incident", "mistake", "metrics", "pricing", "contact"]
WIDTHS = {"desktop": DESKTOP["width"], "phone": PHONE["width"]}


def test_no_page_scrolls_sideways_on_a_phone(sweep: dict[str, Findings]) -> None:
    problems = [f"/{path}: {found.sideways}" for path, found in sweep.items() if found.sideways]
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_on_a_desktop(sweep: dict[str, Findings]) -> None:
    problems = [f"/{path}: {found.sideways_desktop}" for path, found in sweep.items() if found.sideways_desktop]
    assert not problems, "\n".join(problems)


def test_no_table_hides_a_value_off_screen_on_a_phone(sweep: dict[str, Findings]) -> None:
    # Wide tables become one card per row on a phone, instead of columns behind a sideways scroll.
    problems = [f"/{path}: {line}" for path, found in sweep.items() for line in found.hidden_cells]
    assert not problems, "\n".join(problems)


WIDE_TABLE = (
    "<table><thead><tr>"
    + "".join(f"<th>Heading {n}</th>" for n in range(8))
    + "</tr></thead><tbody><tr>"
    + "".join(f"<td>A long value {n}</td>" for n in range(8))
    + "</tr></tbody></table>"
)


def test_a_table_hiding_values_off_screen_is_caught(site: Site, phone: BrowserContext) -> None:
    page = phone.new_page()
    visit(page, site.url("pricing/"))
    assert cells_off_screen(page) == []
    page.evaluate(
        "(html) => document.querySelector('article').insertAdjacentHTML('beforeend', `<div style=\"overflow-x:auto\">${html}</div>`)",
        WIDE_TABLE,
    )
    problems = cells_off_screen(page)
    assert problems and "off screen" in problems[0], problems


def test_tables_stay_readable_on_a_phone(sweep: dict[str, Findings]) -> None:
    assert sum(found.table_count for found in sweep.values()) > 0, "no tables were checked"
    problems = [f"/{path}: {line}" for path, found in sweep.items() for line in found.tables]
    assert not problems, "\n".join(problems)


def test_no_card_label_breaks_a_word_on_a_phone(sweep: dict[str, Findings]) -> None:
    # The home page's "Standing promises met" beside its 78 % read "Standi ng promi ses met" at 375 px: issue 32.
    problems = [f"/{path}: {line}" for path, found in sweep.items() for line in found.squeezed]
    assert not problems, "\n".join(problems)


def test_a_wide_element_is_caught(site: Site, phone: BrowserContext) -> None:
    page = phone.new_page()
    visit(page, site.url(""))
    assert sideways_scroll(page) is None
    page.evaluate("() => document.querySelector('article').insertAdjacentHTML('beforeend', '<p style=\"width:600px\">wide</p>')")
    found = sideways_scroll(page)
    assert found is not None and found["scrollWidth"] > 375 and any(c.startswith("p.") for c in found["culprits"]), found


def test_screenshots_of_key_pages_are_written(sweep: dict[str, Findings], screenshots: Screenshots) -> None:
    # The sweep takes them while it has each page open; look at them in tests/screenshots/.
    expected = {f"{name}-{width}.png": pixels for name in SCREENSHOT_PAGES for width, pixels in WIDTHS.items()}
    expected["home-desktop-dark.png"] = WIDTHS["desktop"]
    for file, pixels in expected.items():
        path = screenshots.folder / file
        assert path.stat().st_mtime >= screenshots.since, f"{path} was not written by this run"
        assert png_width(path) == pixels, path


def png_width(path: Path) -> int:
    """The width in pixels from a PNG's header: proves the file is a screenshot at that width."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">I", header[16:20])[0]
