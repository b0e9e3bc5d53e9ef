"""What the browser tests look for in a loaded page, as small functions that return the problems found."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.browser.browsing import Visit

# Elements whose meaning is a state (kept, broken, major, outage…), shown with a colour.
STATUS_SELECTORS = (
    ".tp-status",
    ".tp-impact",
    ".tp-state",
    ".tp-met",
    ".tp-overall",
    ".tp-update-status",
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_COLOUR_ONLY = """
(selectors) => {
  const visible = (el) => {
    const style = getComputedStyle(el);
    return style.display !== "none" && style.visibility !== "hidden" && style.opacity !== "0";
  };
  // Text a sighted reader sees: skips aria-hidden icons and hidden or clipped-away text.
  const words = (root, withIcons) => {
    let text = "";
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) { text += node.textContent; return; }
      if (node.nodeType !== Node.ELEMENT_NODE || !visible(node)) return;
      if (!withIcons && node.getAttribute("aria-hidden") === "true") return;
      const box = node.getBoundingClientRect();
      if (node !== root && box.width <= 1 && box.height <= 1) return;
      node.childNodes.forEach(walk);
    };
    walk(root);
    return text.replace(/\\s+/g, " ").trim();
  };
  const hasWords = (text) => /[\\p{L}\\p{N}]/u.test(text);
  const describe = (el) => el.outerHTML.slice(0, 160);
  const problems = [];
  for (const el of document.querySelectorAll(selectors.join(","))) {
    if (!visible(el)) continue;
    const named = (el.getAttribute("aria-label") || "").trim() !== "";
    if (hasWords(words(el, false))) continue;
    if (named && words(el, true) !== "") continue;  // an icon shape plus a name: not colour alone
    problems.push(`status with no words: ${describe(el)}`);
  }
  // A day-by-day uptime bar is coloured cells: it needs a name and visible words beside it.
  for (const bar of document.querySelectorAll(".tp-uptime")) {
    if (bar.getAttribute("role") !== "img" || !(bar.getAttribute("aria-label") || "").trim())
      problems.push(`uptime bar without role=img and aria-label: ${describe(bar)}`);
    const next = bar.nextElementSibling;
    if (!next || !hasWords(words(next, false)))
      problems.push(`uptime bar without a text summary after it: ${describe(bar)}`);
  }
  // A colour-coded chart needs a name and the same numbers as a table right after it.
  for (const chart of document.querySelectorAll("svg.tp-chart")) {
    if (chart.getAttribute("role") !== "img" || !(chart.getAttribute("aria-label") || "").trim())
      problems.push(`chart without role=img and aria-label: ${describe(chart)}`);
    const figure = chart.closest("figure") || chart;
    const next = figure.nextElementSibling;
    if (!next || !(next.matches("table") || next.querySelector("table")))
      problems.push(`chart without a table after it: ${describe(chart)}`);
  }
  return problems;
}
"""

_OFFSITE_RESOURCES = """
() => {
  // Resources the page would load when scrolled to or used, not only what it fetched already.
  const attributes = [
    ["img", "src"], ["img", "srcset"], ["source", "src"], ["source", "srcset"], ["script", "src"],
    ["iframe", "src"], ["frame", "src"], ["embed", "src"], ["object", "data"], ["video", "src"],
    ["video", "poster"], ["audio", "src"], ["track", "src"], ["input", "src"], ["image", "href"],
    ["use", "href"], ["link[rel~=stylesheet]", "href"], ["link[rel~=icon]", "href"],
    ["link[rel~=preload]", "href"], ["link[rel~=prefetch]", "href"], ["link[rel~=modulepreload]", "href"],
    ["link[rel~=preconnect]", "href"], ["link[rel~=dns-prefetch]", "href"],
  ];
  const found = [];
  for (const [selector, attribute] of attributes) {
    for (const el of document.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute) || el.getAttribute("xlink:" + attribute);
      if (!value) continue;
      for (const candidate of value.split(",").map((part) => part.trim().split(/\\s+/)[0])) {
        const url = new URL(candidate, document.baseURI);
        if (url.hostname && url.hostname !== location.hostname) found.push(`<${el.localName} ${attribute}="${candidate}">`);
      }
    }
  }
  for (const el of document.querySelectorAll("[style]"))
    for (const match of el.getAttribute("style").matchAll(/url\\(\\s*['"]?([^'")]+)/g)) {
      const url = new URL(match[1], document.baseURI);
      if (url.hostname && url.hostname !== location.hostname) found.push(`style url(${match[1]})`);
    }
  return found;
}
"""

_OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;
  const culprits = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    // Inside a scroll box (Material wraps wide tables in one) is fine: the page itself stays put.
    let scroller = el.parentElement, contained = false;
    while (scroller && scroller !== document.body) {
      const overflow = getComputedStyle(scroller).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") { contained = true; break; }
      scroller = scroller.parentElement;
    }
    if (!contained) culprits.push(`${el.localName}.${[...el.classList].join(".")} right=${Math.round(box.right)}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5)};
}
"""

_TABLES = """
(minimum) => {
  const problems = [];
  document.querySelectorAll(".md-typeset table").forEach((table, index) => {
    const size = parseFloat(getComputedStyle(table).fontSize);
    if (size < minimum.font) problems.push(`table ${index + 1}: text is ${size}px`);
    for (const cell of table.querySelectorAll("th, td")) {
      const text = cell.innerText.trim();
      const box = cell.getBoundingClientRect();
      // A column squeezed so narrow that a word breaks letter by letter is unreadable.
      if (text.length > 3 && box.width < minimum.cell)
        problems.push(`table ${index + 1}: cell "${text.slice(0, 30)}" is ${Math.round(box.width)}px wide`);
    }
    // A caption shrunk to a sliver beside a table of cards (a caption is a table's part, not a block).
    const caption = table.querySelector(":scope > caption");
    if (caption && caption.innerText.trim().length > 20 && caption.getBoundingClientRect().width < table.getBoundingClientRect().width / 2)
      problems.push(`table ${index + 1}: caption is ${Math.round(caption.getBoundingClientRect().width)}px wide`);
    const wrap = table.closest(".md-typeset__scrollwrap");
    const fits = table.getBoundingClientRect().right <= document.documentElement.clientWidth + 1;
    if (!fits && !wrap) problems.push(`table ${index + 1} is wider than the screen and does not scroll on its own`);
  });
  return problems;
}
"""


def privacy_problems(page: Page, seen: Visit) -> list[str]:
    """Requests to other hosts, elements that would make one later, and errors, for a page just visited."""
    problems = [f"request to another host: {request}" for request in seen.offsite()]
    problems += [f"would load from another host: {element}" for element in offsite_resources(page)]
    return problems + seen.errors


def colour_only_statuses(page: Page) -> list[str]:
    """Statuses, uptime bars and charts that would tell a colour-blind reader nothing."""
    return page.evaluate(_COLOUR_ONLY, list(STATUS_SELECTORS))


def offsite_resources(page: Page) -> list[str]:
    """Elements in the page that would load something from another host (even lazily)."""
    return page.evaluate(_OFFSITE_RESOURCES)


def sideways_scroll(page: Page) -> dict[str, Any] | None:
    """None when the page fits its viewport; else its scroll width and the elements sticking out."""
    found = page.evaluate(_OVERFLOW)
    return None if found["scrollWidth"] <= found["width"] + 1 else found


_CELLS_OFF_SCREEN = """
() => {
  // A value a reader cannot see without finding a sideways scroll: any table cell with words
  // outside the window (a card table's heading row is hidden on purpose; its cells carry the headings).
  const width = document.documentElement.clientWidth;
  const problems = [];
  document.querySelectorAll(".md-typeset table").forEach((table, index) => {
    for (const cell of table.querySelectorAll("th, td")) {
      if (cell.closest("table[data-tp-cards] thead")) continue;
      const text = cell.innerText.trim();
      const box = cell.getBoundingClientRect();
      if (text && (box.right > width + 1 || box.left < -1))
        problems.push(`table ${index + 1}: "${text.slice(0, 30)}" is off screen (right=${Math.round(box.right)})`);
    }
  });
  return problems.slice(0, 5);
}
"""


def cells_off_screen(page: Page) -> list[str]:
    """Table cells a reader would have to scroll sideways to see: none may be hidden on a phone."""
    return page.evaluate(_CELLS_OFF_SCREEN)


_SQUEEZED = """
() => {
  // A card's label narrower than its longest word breaks that word letter by letter ("Standi ng promi ses"),
  // unless the word offers a break of its own (a soft hyphen).
  const measure = document.createElement("canvas").getContext("2d");
  const problems = [];
  for (const label of document.querySelectorAll(".tp-card__label")) {
    const style = getComputedStyle(label);
    measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const words = label.innerText.split(/[\\s\\u00ad]+/).filter(Boolean);  // a soft hyphen is a break the text chose
    const longest = Math.max(0, ...words.map((word) => measure.measureText(word).width));
    const width = label.getBoundingClientRect().width;
    if (width + 1 < longest) problems.push(`card label "${label.innerText.trim().slice(0, 40)}" is ${Math.round(width)}px wide, its longest word ${Math.round(longest)}px`);
  }
  return problems;
}
"""


def squeezed_labels(page: Page) -> list[str]:
    """Card labels squeezed narrower than a word, so the word breaks inside."""
    return page.evaluate(_SQUEEZED)


def unreadable_tables(page: Page, font: float = 11.0, cell: float = 40.0) -> list[str]:
    return page.evaluate(_TABLES, {"font": font, "cell": cell})


def axe_violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.2 AA violations, one line per rule with the first few offending elements."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    lines = []
    for violation in result["violations"]:
        targets = "; ".join(
            f"{' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}" for node in violation["nodes"][:4]
        )
        lines.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}x): {violation['help']} -> {targets}")
    return lines
