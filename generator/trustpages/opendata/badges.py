"""SVG badges in the shields.io "flat" style: badges/promises-kept.svg and badges/status.svg.

Each carries a <title> and aria-label, so a screen reader reads "promises kept: 50%".
Colours are darker than shields' defaults so white text keeps a 4.5:1 contrast.
"""

from __future__ import annotations

from markupsafe import escape

from trustpages import prose
from trustpages.numbers import Numbers
from trustpages.strings import Strings

FOLDER = "badges"
GREEN, AMBER, RED, BLUE, GREY = "#2e7d32", "#8a5300", "#c62828", "#1565c0", "#595959"
STATE_COLOURS = {
    "operational": GREEN,
    "under_maintenance": BLUE,
    "degraded_performance": AMBER,
    "partial_outage": RED,
    "major_outage": RED,
}
# Approximate advance widths of Verdana at 11 px, the font shields badges are drawn in.
_NARROW, _WIDE = set("fijlrtI.,:;'!|()[] "), set("mwMWOQGD%@")


def files(numbers: Numbers, t: Strings) -> dict[str, bytes]:
    """The promises-kept and status badges, from the build's numbers."""
    rate = numbers.summary.promise_kept_rate
    if rate is None:
        kept = badge(t("badges.promises_kept"), t("none_yet"), GREY)
    else:
        colour = GREEN if rate >= 0.9 else AMBER if rate >= 0.7 else RED
        kept = badge(t("badges.promises_kept"), t("percent_format", value=round(rate * 100)), colour)
    state = numbers.service.state
    status = badge(t("badges.status"), t.table("state")[state], STATE_COLOURS[state])
    return {f"{FOLDER}/promises-kept.svg": kept, f"{FOLDER}/status.svg": status}


def text_width(text: str) -> int:
    return round(sum(3.5 if ch in _NARROW else 9.5 if ch in _WIDE else 7.2 if ch.isupper() else 6.6 for ch in text))


def badge(label: str, value: str, colour: str) -> bytes:
    """A two-part badge: grey label, coloured value."""
    label, value = prose.xml_safe(label), prose.xml_safe(value)  # a standalone SVG is XML
    left, right = text_width(label) + 10, text_width(value) + 10
    width = left + right
    said = escape(f"{label}: {value}")
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{said}">
<title>{said}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="{left}" height="20" fill="{GREY}"/><rect x="{left}" width="{right}" height="20" fill="{colour}"/><rect width="{width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="{left / 2:g}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">{escape(label)}</text><text x="{left / 2:g}" y="14">{escape(label)}</text>
<text x="{left + right / 2:g}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">{escape(value)}</text><text x="{left + right / 2:g}" y="14">{escape(value)}</text>
</g>
</svg>
"""
    return svg.encode("utf-8")
