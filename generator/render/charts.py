"""Inline SVG bar charts: no JavaScript, no third-party requests; the page shows a table beside each."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

_WIDTH, _HEIGHT, _PAD = 640, 200, 28


def bar_chart(table: dict[str, dict[str, float]], series: Sequence[str], title: str = "") -> Markup:
    """Stacked bars, one per row of `table` (label -> {series: value}); empty when there is no data."""
    if not table:
        return Markup("")
    totals = [sum(row.get(name, 0) for name in series) for row in table.values()]
    top = max(totals) or 1
    slot = (_WIDTH - _PAD) / len(table)
    bar = max(min(slot * 0.7, 48), 2)
    parts = [
        f'<svg class="tp-chart" viewBox="0 0 {_WIDTH} {_HEIGHT + _PAD}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
        f'<line class="tp-chart__axis" x1="{_PAD}" y1="{_HEIGHT}" x2="{_WIDTH}" y2="{_HEIGHT}"/>',
        f'<text class="tp-chart__label" x="0" y="12">{_number(top)}</text>',
        f'<text class="tp-chart__label" x="0" y="{_HEIGHT}">0</text>',
    ]
    label_every = max(1, round(len(table) / 8))
    for i, (label, row) in enumerate(table.items()):
        x = _PAD + i * slot + (slot - bar) / 2
        y = float(_HEIGHT)
        for name in series:
            value = row.get(name, 0)
            if not value:
                continue
            height = value / top * (_HEIGHT - 16)
            y -= height
            parts.append(
                f'<rect class="tp-bar tp-bar--{escape(name)}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}">'
                f"<title>{escape(label)}: {_number(value)} {escape(name)}</title></rect>"
            )
        if i % label_every == 0:
            parts.append(
                f'<text class="tp-chart__label" x="{x + bar / 2:.1f}" y="{_HEIGHT + 18}" text-anchor="middle">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value: float) -> str:
    return f"{value:g}"
