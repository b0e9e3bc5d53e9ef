"""Inline SVG bar charts: no JavaScript, no third-party requests; the page shows a table beside each."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

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
    rows = {label: [(name, _finite(row.get(name, 0))) for name in series] for label, row in table.items()}
    axis = _Axis.of(rows, lambda value: _said(value, number))
    note = xml_safe(below_zero) if axis.bottom < 0 and below_zero else ""
    said = xml_safe(title) + (f" ({note})" if note else "")
    height = _HEIGHT + _PAD + (_NOTE if note else 0)
    parts = [
        f'<svg class="tp-chart" viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{escape(said)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(said)}</title>",
        *axis.lines(),
        *_bars(rows, axis, {name: _series_name(name, series, names) for name in series}),
    ]
    if note:
        parts.append(f'<text class="tp-chart__note" x="0" y="{height - 6}">{escape(note)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class _Axis:
    """The value axis: its round ticks, where the plot starts after their labels, and the y of a value."""

    marks: list[float]
    bottom: float  # the lowest stack's sum below zero (0 when nothing is negative)
    left: float  # the plot's left edge: after the widest tick label
    said: Callable[[float], str]  # a tick's or a tooltip's number, in the site's language

    @classmethod
    def of(cls, rows: Mapping[str, list[tuple[str, float]]], said: Callable[[float], str]) -> _Axis:
        """The axis that holds every stack of `rows`, up and down."""
        # Bounded, so a stack of huge values cannot add up to infinity and leave no scale at all.
        top = min(max(sum(v for _, v in row if v > 0) for row in rows.values()), _LARGEST)
        bottom = max(min(sum(v for _, v in row if v < 0) for row in rows.values()), -_LARGEST)
        whole = all(float(v).is_integer() for row in rows.values() for _, v in row)
        marks = ticks(bottom, top, whole=whole)
        return cls(marks, bottom, max(len(said(mark)) for mark in marks) * _CHAR + _GAP, said)

    @property
    def scale(self) -> float:
        """Units of height per unit of value."""
        return (_HEIGHT - _TOP) / (self.marks[-1] - self.marks[0])

    @property
    def zero(self) -> float:
        """The y of the zero line."""
        return _TOP + self.marks[-1] * self.scale

    def y_of(self, value: float) -> float:
        return _TOP + (self.marks[-1] - value) * self.scale

    def lines(self) -> list[str]:
        """The zero line, a faint line across at every other tick, and every tick's label."""
        parts = [f'<line class="tp-chart__axis" x1="{self.left:g}" y1="{self.zero:g}" x2="{_WIDTH}" y2="{self.zero:g}"/>']
        for mark in self.marks:
            y = self.y_of(mark)
            if mark:
                parts.append(f'<line class="tp-chart__grid" x1="{self.left:g}" y1="{y:.1f}" x2="{_WIDTH}" y2="{y:.1f}"/>')
            parts.append(
                f'<text class="tp-chart__label" x="{self.left - _GAP:g}" y="{y:.1f}" dy="0.35em" text-anchor="end">{self.said(mark)}</text>'
            )
        return parts


def _bars(rows: Mapping[str, list[tuple[str, float]]], axis: _Axis, said_names: Mapping[str, str]) -> list[str]:
    """Every row's stack of bars, with a label under as many as have room (so labels never overlap, however many bars)."""
    slot = (_WIDTH - axis.left) / len(rows)
    bar = max(min(slot * 0.7, 48), 2)
    widest = max(len(xml_safe(label)) for label in rows) * _CHAR
    label_every = max(1, math.ceil((widest + _GAP) / slot))
    parts: list[str] = []
    drawn_to = -math.inf  # the right end of the last label drawn
    for i, (label, row) in enumerate(rows.items()):
        x = axis.left + i * slot + (slot - bar) / 2
        parts += _stack(label, row, axis, x, bar, said_names)
        # Centred under its bar, but moved in where the first or last label would cross the chart's edge;
        # a label moved in can reach its neighbour's room, and then the neighbour goes without.
        width = len(xml_safe(label)) * _CHAR
        middle = min(max(x + bar / 2, axis.left + width / 2), _WIDTH - width / 2)
        if i % label_every == 0 and middle - width / 2 >= drawn_to + _GAP:
            drawn_to = middle + width / 2
            parts.append(
                f'<text class="tp-chart__label" x="{middle:.1f}" y="{_HEIGHT + _PAD - 12}" text-anchor="middle">{escape(xml_safe(label))}</text>'
            )
    return parts


def _stack(label: str, row: list[tuple[str, float]], axis: _Axis, x: float, bar: float, said_names: Mapping[str, str]) -> list[str]:
    """One row's bars at `x`: positive values stacked up from the zero line, negative ones down; zeros draw nothing."""
    parts = []
    above, below = axis.zero, axis.zero  # where the next bar up, and the next bar down, starts
    for name, value in row:
        if not value:
            continue
        size = abs(value) * axis.scale
        if value > 0:
            above -= size
            y = above
        else:
            y = below
            below += size
        parts.append(
            f'<rect class="tp-bar tp-bar--{escape(xml_safe(name))}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{size:.1f}">'
            f"<title>{escape(xml_safe(label))}: {axis.said(value)}{said_names[name]}</title></rect>"
        )
    return parts


def _series_name(name: str, series: Sequence[str], names: Mapping[str, str] | None) -> str:
    """A series' name for a bar's tooltip (after a space), in the site's words; none when the chart has one series."""
    return f" {escape(xml_safe((names or {}).get(name, name)))}" if len(series) > 1 else ""


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
