"""Numbers, percentages, money, measurements and opening hours in each language's conventions (CLDR's)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trustpages import localformat
from trustpages.strings import Strings

EN, DE = Strings.for_site("en"), Strings.for_site("de")
NBSP = "\u00a0"  # German keeps a number and its unit on one line


@pytest.mark.parametrize(
    ("share", "decimals", "en", "de"),
    [(0.931, 1, "93.1%", f"93,1{NBSP}%"), (0.57, 0, "57%", f"57{NBSP}%"), (1.0, 0, "100%", f"100{NBSP}%"), (None, 0, "—", "—")],
)
def test_percentages_use_the_languages_decimal_mark_and_spacing(share: float | None, decimals: int, en: str, de: str) -> None:
    assert localformat.percent(share, EN, decimals) == en
    assert localformat.percent(share, DE, decimals) == de


def test_numbers_and_money_use_the_languages_separators() -> None:
    assert localformat.number(1234.5, EN) == "1,234.5" and localformat.number(1234.5, DE) == "1.234,5"
    assert localformat.money(Decimal("12"), "EUR", EN) == "12 EUR"
    assert localformat.money(Decimal("1.5"), "EUR", DE) == f"1,50{NBSP}EUR"
    assert localformat.money(Decimal("1234.5"), "EUR", DE) == f"1.234,50{NBSP}EUR"


@pytest.mark.parametrize("written", ["user-month", "user and month", "user/month", "User per month"])
def test_a_price_per_user_and_month_is_one_unit_however_the_record_spells_it(written: str) -> None:
    assert localformat.per(written, DE) == "pro Person und Monat"
    assert localformat.per(written, EN) == "per user per month"


def test_a_unit_the_language_has_no_words_for_stays_the_records_own() -> None:
    assert localformat.per("bus ticket", DE) == "pro bus ticket"


@pytest.mark.parametrize(
    ("actual", "en", "de"),
    [
        ("98.6%", "98.6%", f"98,6{NBSP}%"),
        ("91.0 %", "91.0%", f"91,0{NBSP}%"),  # the decimals the company wrote are kept
        ("96%", "96%", f"96{NBSP}%"),
        ("2 of 2", "2 of 2", "2 von 2"),
        ("45 min", "45 min", "45 min"),  # anything else is the record's own words
        ("All but one", "All but one", "All but one"),
    ],
)
def test_a_measurement_is_said_in_the_languages_numbers(actual: str, en: str, de: str) -> None:
    assert localformat.measurement(actual, EN) == en
    assert localformat.measurement(actual, DE) == de


@pytest.mark.parametrize(
    ("hours", "en", "de"),
    [
        ("Mon–Fri 9:00–17:00 Berlin time", "Mon–Fri 9:00–17:00 Berlin time", "Mo–Fr 9:00–17:00 Uhr, Ortszeit Berlin"),
        ("Mon–Fri 9:00–17:00 UTC", "Mon–Fri 9:00–17:00 UTC", "Mo–Fr 9:00–17:00 Uhr UTC"),
        ("Mon-Fri 9–17 CET", "Mon–Fri 9–17 CET", "Mo–Fr 9–17 Uhr CET"),
        ("Monday, Wednesday–Friday 10:00–16:00", "Mon, Wed–Fri 10:00–16:00", "Mo, Mi–Fr 10:00–16:00 Uhr"),
        ("Sat 10-14", "Sat 10–14", "Sa 10–14 Uhr"),
        ("Mo–Fr 9–17", "Mo–Fr 9–17", "Mo–Fr 9–17 Uhr"),  # a German site reads its own weekday names too
    ],
)
def test_opening_hours_are_said_in_the_languages_weekdays(hours: str, en: str, de: str) -> None:
    assert localformat.opening_hours(hours, EN) == en
    assert localformat.opening_hours(hours, DE) == de


@pytest.mark.parametrize("hours", ["Monsoon season 9–17", "weekdays 9 to 5", "Mon–Fri 9–17 when we can", "Around the clock"])
def test_hours_it_cannot_read_are_shown_as_written_never_half_translated(hours: str) -> None:
    assert localformat.opening_hours(hours, DE) == hours
