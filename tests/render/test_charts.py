"""render/charts: round ticks, bars stacked up and down from the zero line, and escaped labels (the browser tests see them drawn)."""

from __future__ import annotations

import re

from trustpages.render.charts import bar_chart, ticks


def test_ticks_are_round_steps_that_hold_zero_and_both_ends() -> None:
    assert ticks(0, 80) == [0, 20, 40, 60, 80]
    assert ticks(0, 81) == [0, 25, 50, 75, 100]
    assert ticks(0, 7) == [0, 2, 4, 6, 8]
    assert ticks(0, 0.3) == [0, 0.1, 0.2, 0.3]  # no floating-point dust
    assert ticks(-30, 50) == [-50, -25, 0, 25, 50]  # at most five
    assert ticks(12, 18) == [0, 5, 10, 15, 20]  # the axis starts at zero even when every value is above it
    assert ticks(0, 0) == [0, 0.25, 0.5, 0.75, 1]  # nothing to show still has a scale


def test_counts_step_by_whole_numbers_and_never_by_two_and_a_half() -> None:
    assert ticks(0, 3, whole=True) == [0, 1, 2, 3]
    assert ticks(0, 1, whole=True) == [0, 1]
    assert ticks(0, 9, whole=True) == [0, 5, 10]
    assert ticks(0, 9) == [0, 2.5, 5, 7.5, 10]


def test_no_tick_is_negative_zero() -> None:
    assert all(str(mark) != "-0.0" for mark in ticks(-0.5, 0))


def test_no_rows_is_no_chart() -> None:
    assert bar_chart({}, ["kept"]) == ""


def _rects(svg: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'(\w+)="([^"]*)"', tag)) for tag in re.findall(r"<rect [^>]*>", svg)]


def test_bars_stack_up_from_the_zero_line_and_down_below_it_with_the_note() -> None:
    svg = bar_chart({"Q1": {"up": 40, "down": -40}}, ["up", "down"], "Balance", "Bars below the 0 line are negative.")
    up, down = _rects(svg)
    assert up["class"] == "tp-bar tp-bar--up"
    assert down["class"] == "tp-bar tp-bar--down"
    # ticks -40, -20, 0, 20, 40 across 182 units: the zero line is in the middle, each bar half the height
    assert (up["y"], up["height"]) == ("18.0", "91.0")
    assert (down["y"], down["height"]) == ("109.0", "91.0")
    assert 'aria-label="Balance (Bars below the 0 line are negative.)"' in svg
    assert 'viewBox="0 0 640 260"' in svg  # room for the note under the labels
    assert svg.count('class="tp-chart__note"') == 1


def test_positive_values_stack_one_above_the_other_and_zeros_and_non_numbers_draw_nothing() -> None:
    svg = bar_chart({"Q1": {"a": 20, "b": 60, "c": 0, "d": float("nan"), "e": float("inf")}}, list("abcde"), "Load")
    a, b = _rects(svg)
    assert float(a["y"]) + float(a["height"]) == 200.0  # from the zero line up
    assert abs(float(b["y"]) + float(b["height"]) - float(a["y"])) < 0.11  # b starts where a ends
    assert 'viewBox="0 0 640 236"' in svg  # no note without negative values
    assert "tp-chart__note" not in svg


def test_tooltips_name_the_series_only_when_there_are_several() -> None:
    one = bar_chart({"2026-Q1": {"kept": 3}}, ["kept"])
    assert "<title>2026-Q1: 3</title>" in one
    two = bar_chart({"2026-Q1": {"kept": 3, "broken": 1}}, ["kept", "broken"], names={"kept": "Kept", "broken": "Broken"})
    assert "<title>2026-Q1: 3 Kept</title>" in two
    assert "<title>2026-Q1: 1 Broken</title>" in two


def test_labels_titles_and_series_names_are_escaped() -> None:
    svg = bar_chart({"<b>&Q1": {"x<y": 1, "z": 2}}, ["x<y", "z"], 'A "quoted" <title>', names={"z": "<script>"})
    assert "<b>" not in svg and "<script>" not in svg and "x<y" not in svg
    assert "&lt;b&gt;&amp;Q1" in svg
    assert 'aria-label="A &#34;quoted&#34; &lt;title&gt;"' in svg
    assert "tp-bar--x&lt;y" in svg
    assert ": 2 &lt;script&gt;</title>" in svg


def test_labels_of_many_bars_are_thinned_so_they_never_overlap() -> None:
    table = {f"2026-{month:02d}-01": {"n": month} for month in range(1, 61)}
    svg = bar_chart(table, ["n"])
    labels = re.findall(r'<text class="tp-chart__label" x="([\d.]+)" y="224"', svg)
    assert len(_rects(svg)) == 60
    assert 1 < len(labels) < 60
    # The first label is moved in from the chart's edge; the one after it still has room (it overlapped).
    room = 10 * 0.65 * 18 + 8  # ten characters at the phone's font size, and the gap between two labels
    assert all(b - a >= room for a, b in zip(map(float, labels), map(float, labels[1:]), strict=False))
