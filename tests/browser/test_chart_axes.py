"""Charts on a phone and a desktop, light and dark: every label inside its chart, none on another, round ticks on the value axis."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.browsing import PHONE_CONTEXT, Site, new_context, visit
from tests.browser.conftest import SCREENSHOTS
from tests.browser.sweep import SCHEMES, show_scheme

CHART_PAGES = ["metrics/", "surveys/how-much-do-customers-trust-us/"]

# Each chart's text boxes in its own units (getBBox), against its viewBox; and any two labels that overlap.
_LABELS = """
() => [...document.querySelectorAll("svg.tp-chart")].map((svg, index) => {
  const view = svg.viewBox.baseVal;
  const boxes = [...svg.querySelectorAll("text")].map((text) => {
    const box = text.getBBox();
    return {text: text.textContent, x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height,
            axis: text.getAttribute("text-anchor") === "end"};
  });
  const clipped = boxes.filter((b) => b.x < view.x - 0.5 || b.y < view.y - 0.5 || b.right > view.x + view.width + 0.5
                                      || b.bottom > view.y + view.height + 0.5).map((b) => b.text);
  const overlapping = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom) overlapping.push(`${a.text} / ${b.text}`);
  }));
  const shown = svg.getBoundingClientRect();
  return {index, label: svg.getAttribute("aria-label"), ticks: boxes.filter((b) => b.axis).map((b) => b.text),
          clipped, overlapping, fontPixels: parseFloat(getComputedStyle(svg.querySelector("text")).fontSize) * shown.width / view.width};
})
"""


def charts_on(page: Page) -> list[dict]:  # type: ignore[type-arg]
    return page.evaluate(_LABELS)  # type: ignore[no-any-return]


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_every_chart_label_fits_its_chart_and_the_value_axis_has_round_ticks(site: Site, browser: Browser, width: str) -> None:
    context = new_context(browser, **(PHONE_CONTEXT if width == "phone" else {}))
    page = context.new_page()
    problems: list[str] = []
    seen = 0
    for path in CHART_PAGES:
        visit(page, site.url(path))
        for scheme in SCHEMES:
            show_scheme(page, scheme)
            for chart in charts_on(page):
                seen += 1
                where = f"/{path} chart {chart['index']} ({chart['label']}, {width}, {scheme})"
                problems += [f"{where}: {text!r} is clipped by the chart's edge" for text in chart["clipped"]]
                problems += [f"{where}: labels overlap: {pair}" for pair in chart["overlapping"]]
                # Round, evenly spaced ticks from 0: more than "0" and the maximum.
                ticks = [float(tick) for tick in chart["ticks"]]
                steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
                if len(ticks) < 3 or 0 not in ticks or len(steps) != 1:
                    problems.append(f"{where}: value axis ticks {chart['ticks']}")
                if chart["fontPixels"] < 9.5:
                    problems.append(f"{where}: labels {chart['fontPixels']:.1f} px high on screen")
        if width == "phone":  # for people to look at, beside the sweep's screenshots
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.locator("svg.tp-chart").first.screenshot(path=str(SCREENSHOTS / f"chart-{path.split('/')[0]}-phone.png"))
    context.close()
    assert seen >= 2 * len(SCHEMES), "no charts were checked"
    assert not problems, "\n".join(problems)


def test_a_clipped_label_is_caught(site: Site, browser: Browser) -> None:
    context = new_context(browser, **PHONE_CONTEXT)
    page = context.new_page()
    visit(page, site.url("metrics/"))
    assert charts_on(page)[0]["clipped"] == []
    page.evaluate("() => document.querySelector('svg.tp-chart text').setAttribute('y', '2')")  # where the old top label sat
    assert charts_on(page)[0]["clipped"] != []
    context.close()
