"""Labels as customers read them, in each language: quarters, categories, prices, uptime, windows, addresses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from trustpages.render.environment import make_environment


def env(locale: str):  # type: ignore[no-untyped-def]
    return make_environment(None, locale, "Europe/Berlin")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", ["2025 Q3", "Reliability", "On call", "per month", "per bus ticket", "1,234.50", "99.99%", "100.00%", "under 100%"]),
        (
            "de",
            [
                "Q3 2025",
                "Zuverlässigkeit",
                "On call",
                "pro Monat",
                "pro bus ticket",
                "1.234,50",
                "99,99\u00a0%",
                "100,00\u00a0%",
                "unter 100\u00a0%",
            ],
        ),
    ],
)
def test_labels_in_the_language_of_the_site(locale: str, expected: list[str]) -> None:
    f = env(locale).filters
    got = [
        f["period"]("2025-Q3"),
        f["category"]("reliability"),
        f["category"]("on-call"),
        f["per"]("month"),
        f["per"]("bus ticket"),
        f["amount"](Decimal("1234.50")),
        f["uptime"](Uptime(0.99999, faulted=True)),
        f["uptime"](Uptime(1.0, faulted=False)),
        f["uptime"](Uptime(1.0, faulted=True)),
    ]
    assert got == expected


@dataclass(frozen=True)
class Uptime:
    uptime: float
    faulted: bool


def test_uptime_is_never_rounded_up_to_a_full_hundred() -> None:
    assert env("en").filters["uptime"](Uptime(0.999999, faulted=True)) == "99.99%"


def test_a_part_that_was_only_slow_never_reads_a_clean_hundred() -> None:
    # A minor incident counts as no downtime, so the share is exactly 1; the fault behind it still shows.
    uptime = env("en").filters["uptime"]
    assert uptime(Uptime(1.0, faulted=True)) == "under 100%"
    assert uptime(Uptime(1.0, faulted=False)) == "100.00%"


def test_a_window_on_one_day_names_the_day_once() -> None:
    window = env("en").filters["window"]
    one_day = str(window(datetime(2026, 12, 12, 23, tzinfo=UTC), datetime(2026, 12, 13, 1, tzinfo=UTC)))
    assert ">13 December 2026, 00:00</time>–<time" in one_day and ">02:00 Berlin time</time>" in one_day
    two_days = str(window(datetime(2026, 12, 12, 20, tzinfo=UTC), datetime(2026, 12, 13, 1, tzinfo=UTC)))
    assert "12 December 2026, 21:00 Berlin time" in two_days and "13 December 2026, 02:00 Berlin time" in two_days


def test_addresses_break_only_at_at_signs_dots_and_slashes() -> None:
    wrappable = env("en").filters["wrappable"]
    assert str(wrappable("help@tallyhouse.example")) == "help@<wbr>tallyhouse<wbr>.example"
    assert str(wrappable("<b>@x")) == "&lt;b&gt;@<wbr>x"
