"""Inline SVG bar charts: no JavaScript, no third-party requests; the page shows a table beside each."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from trustpages.prose import xml_safe

_WIDTH, _HEIGHT, _PAD = 640, 200, 28
_TOP = 16  # room above the highest bar for its axis label
_NOTE = 20  # room under the bar labels for the note on negative values


def bar_chart(
    table: dict[str, dict[str, float]], series: Sequence[str], title: str = "", below_zero: str = "", names: Mapping[str, str] | None = None
) -> Markup:
    """Stacked bars, one per row of `table` (label -> {series: value}); empty when there is no data.

    Bars grow up from a zero line and negative values down from it; when there are any, `below_zero`
    (e.g. "Bars below the 0 line are negative.") is written under the chart and added to its name.
    A value that is not a finite number draws nothing (the table beside the chart still shows it).
    Each bar's tooltip names its series by `names` (in the site's language); a chart of one series needs no name.
    """
    if not table:
        return Markup("")
    rows = {label: [(name, _finite(row.get(name, 0))) for name in series] for label, row in table.items()}
    top = max(sum(v for _, v in row if v > 0) for row in rows.values())
    bottom = min(sum(v for _, v in row if v < 0) for row in rows.values())
    scale = (_HEIGHT - _TOP) / ((top - bottom) or 1)
    zero = _TOP + top * scale if bottom < 0 else _HEIGHT  # the y of the zero line
    note = xml_safe(below_zero) if bottom < 0 and below_zero else ""
    said = xml_safe(title) + (f" ({note})" if note else "")
    slot = (_WIDTH - _PAD) / len(rows)
    bar = max(min(slot * 0.7, 48), 2)
    height = _HEIGHT + _PAD + (_NOTE if note else 0)
    parts = [
        f'<svg class="tp-chart" viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{escape(said)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(said)}</title>",
        f'<line class="tp-chart__axis" x1="{_PAD}" y1="{zero:g}" x2="{_WIDTH}" y2="{zero:g}"/>',
    ]
    if top > 0 or bottom == 0:
        parts.append(f'<text class="tp-chart__label" x="0" y="12">{_number(top or 1)}</text>')
    parts.append(f'<text class="tp-chart__label" x="0" y="{zero:g}">0</text>')
    if bottom < 0:
        parts.append(f'<text class="tp-chart__label" x="0" y="{_HEIGHT}">{_number(bottom)}</text>')
    label_every = max(1, round(len(rows) / 8))

    def said_name(name: str) -> str:
        return f" {escape(xml_safe((names or {}).get(name, name)))}" if len(series) > 1 else ""

    for i, (label, row) in enumerate(rows.items()):
        x = _PAD + i * slot + (slot - bar) / 2
        above, below = zero, zero  # where the next bar up, and the next bar down, starts
        for name, value in row:
            if not value:
                continue
            size = abs(value) * scale
            if value > 0:
                above -= size
                y = above
            else:
                y = below
                below += size
            parts.append(
                f'<rect class="tp-bar tp-bar--{escape(xml_safe(name))}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{size:.1f}">'
                f"<title>{escape(xml_safe(label))}: {_number(value)}{said_name(name)}</title></rect>"
            )
        if i % label_every == 0:
            parts.append(
                f'<text class="tp-chart__label" x="{x + bar / 2:.1f}" y="{_HEIGHT + 18}" text-anchor="middle">{escape(xml_safe(label))}</text>'
            )
    if note:
        parts.append(f'<text class="tp-chart__note" x="0" y="{height - 4}">{escape(note)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _finite(value: float) -> float:
    """The value, or 0 (nothing drawn) when it is not a finite number: inf would flatten every other bar, nan draw anywhere."""
    return float(value) if math.isfinite(value) else 0.0


def _number(value: float) -> str:
    return f"{value:g}"
