"""Inline SVG bar charts: no JavaScript, no third-party requests; the page shows a table beside each."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup, escape

from trustpages.prose import xml_safe

_WIDTH, _HEIGHT = 640, 200  # the plot's right edge and its bottom, in the viewBox's units
_FONT = 18  # the largest label size the stylesheet sets (phones, where the chart shrinks): every label's room is sized for it
_CHAR = 0.65 * _FONT  # room per character: digits and most letters of a sans font (DejaVu's too) are narrower
_TOP = _FONT  # room above the highest tick for its label, centred on it
_PAD = 36  # room under the plot for the bar labels
_NOTE = 24  # room under the bar labels for the note on negative values
_GAP = 8  # between a tick label and the plot, and between two bar labels
_TICKS = 5  # at most this many ticks on the value axis
_LARGEST = 1e300
_WRITTEN_OUT = 1e12  # from here on, a number is written with an exponent


def bar_chart(
    table: dict[str, dict[str, float]],
    series: Sequence[str],
    title: str = "",
    below_zero: str = "",
    names: Mapping[str, str] | None = None,
    number: Callable[[float], str] | None = None,
) -> Markup:
    """Stacked bars, one per row of `table` (label -> {series: value}); empty when there is no data.

    Bars grow up from a zero line and negative values down from it; when there are any, `below_zero`
    (e.g. "Bars below the 0 line are negative.") is written under the chart and added to its name.
    A value that is not a finite number draws nothing (the table beside the chart still shows it).
    Each bar's tooltip names its series by `names` (in the site's language); a chart of one series needs no name.
    Ticks and tooltips write numbers with `number` (the site's language: 76,4 in German), else as Python does.
    The value axis has round ticks (0, 20, 40, …) with faint lines across; every label fits the
    viewBox at the phone's font size, so none is clipped on a 375 px screen.
    """
    if not table:
        return Markup("")
    num = functools.partial(_said, number=number)
    rows = {label: [(name, _finite(row.get(name, 0))) for name in series] for label, row in table.items()}
    # Bounded, so a stack of huge values cannot add up to infinity and leave no scale at all.
    top = min(max(sum(v for _, v in row if v > 0) for row in rows.values()), _LARGEST)
    bottom = max(min(sum(v for _, v in row if v < 0) for row in rows.values()), -_LARGEST)
    whole = all(float(v).is_integer() for row in rows.values() for _, v in row)
    marks = ticks(bottom, top, whole=whole)
    low, high = marks[0], marks[-1]
    scale = (_HEIGHT - _TOP) / (high - low)
    zero = _TOP + high * scale  # the y of the zero line

    def y_of(value: float) -> float:
        return _TOP + (high - value) * scale

    left = max(len(num(mark)) for mark in marks) * _CHAR + _GAP  # the plot starts after the widest tick label
    note = xml_safe(below_zero) if bottom < 0 and below_zero else ""
    said = xml_safe(title) + (f" ({note})" if note else "")
    slot = (_WIDTH - left) / len(rows)
    bar = max(min(slot * 0.7, 48), 2)
    height = _HEIGHT + _PAD + (_NOTE if note else 0)
    parts = [
        f'<svg class="tp-chart" viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{escape(said)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(said)}</title>",
        f'<line class="tp-chart__axis" x1="{left:g}" y1="{zero:g}" x2="{_WIDTH}" y2="{zero:g}"/>',
    ]
    for mark in marks:
        y = y_of(mark)
        if mark:
            parts.append(f'<line class="tp-chart__grid" x1="{left:g}" y1="{y:.1f}" x2="{_WIDTH}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tp-chart__label" x="{left - _GAP:g}" y="{y:.1f}" dy="0.35em" text-anchor="end">{num(mark)}</text>')
    widest = max(len(xml_safe(label)) for label in rows) * _CHAR
    label_every = max(1, math.ceil((widest + _GAP) / slot))  # bar labels never overlap, however many bars

    def said_name(name: str) -> str:
        return f" {escape(xml_safe((names or {}).get(name, name)))}" if len(series) > 1 else ""

    for i, (label, row) in enumerate(rows.items()):
        x = left + i * slot + (slot - bar) / 2
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
                f"<title>{escape(xml_safe(label))}: {num(value)}{said_name(name)}</title></rect>"
            )
        if i % label_every == 0:
            # Centred under its bar, but moved in where the first or last label would cross the chart's edge.
            width = len(xml_safe(label)) * _CHAR
            middle = min(max(x + bar / 2, left + width / 2), _WIDTH - width / 2)
            parts.append(
                f'<text class="tp-chart__label" x="{middle:.1f}" y="{_HEIGHT + _PAD - 12}" text-anchor="middle">{escape(xml_safe(label))}</text>'
            )
    if note:
        parts.append(f'<text class="tp-chart__note" x="0" y="{height - 6}">{escape(note)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def ticks(low: float, high: float, *, whole: bool = False) -> list[float]:
    """Round values from at or below `low` (and 0) to at or above `high` (and 0), at most _TICKS of them: 0, 20, …, 80.

    The step is 1, 2, 2.5 or 5 times a power of ten; with `whole` (every value a count) never below 1 nor 2.5.
    """
    low, high = min(low, 0.0), max(high, 0.0)
    if low == high:
        high = 1.0
    for step in _steps((high - low) / (_TICKS - 1), whole):
        first, last = math.floor(low / step), math.ceil(high / step)
        if last - first < _TICKS:
            return [_tidy(n * step) for n in range(first, last + 1)]
    raise AssertionError("unreachable: a step of the whole span gives two ticks")  # pragma: no cover


def _steps(least: float, whole: bool) -> list[float]:
    """Candidate steps from the smallest round one at least `least`, growing."""
    power = 10.0 ** math.floor(math.log10(least))
    factors = (1, 2, 5, 10, 20) if whole else (1, 2, 2.5, 5, 10, 20)
    steps = [factor * power for factor in factors if factor * power >= least]
    return [max(step, 1.0) for step in steps] if whole else steps


def _tidy(value: float) -> float:
    """A tick without floating-point dust (0.30000000000000004 → 0.3), and never -0."""
    return round(value, 10) + 0.0


def _finite(value: float) -> float:
    """The value, or 0 (nothing drawn) when it is not a finite number: inf would flatten every other bar, nan draw anywhere."""
    return float(value) if math.isfinite(value) else 0.0


def _said(value: float, number: Callable[[float], str] | None) -> str:
    """A tick or tooltip's number, by `number` (the site's language), else as Python writes it; escaped for the SVG.

    Huge values keep Python's exponent (1e+300): written out in full, the axis would be 400 digits wide.
    """
    return str(escape(number(value) if number is not None and abs(value) < _WRITTEN_OUT else _number(value)))


def _number(value: float) -> str:
    return f"{value:g}"
