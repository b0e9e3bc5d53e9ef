"""Numbers, percentages, money, measurements and opening hours in the conventions of the site's language.

One function per kind of value, used by every page, feed and open-data sentence meant for people
(machine-readable files keep the records' own values). How a language writes them — separators,
the percent and money patterns, weekday names — lives in its strings file, after CLDR: German
writes 93,1 % and 12 EUR with a no-break space, so a number never wraps away from its unit.
"""

from __future__ import annotations

import re
from decimal import Decimal

from trustpages.status import Measured
from trustpages.strings import Strings

# The weekdays as records write them in English, Monday first; the site's language's names (strings: weekdays) are read too.
_ENGLISH_DAYS = (
    ("mon", "monday"),
    ("tue", "tues", "tuesday"),
    ("wed", "wednesday"),
    ("thu", "thur", "thurs", "thursday"),
    ("fri", "friday"),
    ("sat", "saturday"),
    ("sun", "sunday"),
)
_TIME = r"\d{1,2}(?::\d\d)?"
_DASH = r"\s*[–-]\s*"
_ZONE_ABBREVIATION = re.compile(r"[A-Z]{2,5}(?:[+-]\d{1,2})?")
_LOCAL_TIME = re.compile(r"(?P<place>[A-Z][\w .'-]*?) time")
_PERCENT = re.compile(r"(\d+)(?:[.,](\d+))?\s*%")
_SHARE = re.compile(r"(\d+) of (\d+)")
_PER_JOINS = re.compile(r"\s*(?:/|-|\band\b|\bper\b|\ba\b)\s*")


def number(value: float | Decimal | None, t: Strings, decimals: int | None = None) -> str:
    """74, 7.5 or 7,5 and 1,234 or 1.234: at most two decimals, or exactly `decimals`; None as —."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}" if decimals is not None else f"{value:,.2f}".rstrip("0").rstrip(".")
    return _localised(text, t)


def percent(share: float | None, t: Strings, decimals: int = 0) -> str:
    """A share from 0 to 1 as a percentage: 57% or 57 %, 93.1% or 93,1 % with `decimals`; None as —."""
    if share is None:
        return "—"
    value = round(share * 100, decimals) if decimals else round(share * 100)
    return t("percent_format", value=number(value, t, decimals))


def uptime(measured: Measured, t: Strings) -> str:
    """A component's or group's uptime with two decimals (99.94% or 99,94 %), rounded down, never up to 100.00.

    A part that was only slow (counted as no downtime) reads "under 100%": a known fault never shows as a clean 100.00 %.
    """
    hundredths = int(measured.uptime * 10000) if measured.uptime < 1 else 10000
    if hundredths == 10000 and measured.faulted:
        return t("service.uptime_under", percent=t("percent_format", value="100"))
    return t("percent_format", value=_localised(f"{hundredths // 100}.{hundredths % 100:02}", t))


def amount(value: float | Decimal, t: Strings) -> str:
    """A price without its currency: 1,234.50 or 1.234,50; whole amounts without decimals."""
    return _localised(f"{value:,.2f}".removesuffix(".00"), t)


def money(value: float | Decimal, currency: str, t: Strings) -> str:
    """A price with its currency, as the language writes them: 12 EUR, 1,50 EUR."""
    return t("money_format", amount=amount(value, t), currency=currency)


def per(unit: str, t: Strings) -> str:
    """What a price is per, in words: `user-month`, `user/month` and `user and month` are one unit (pro Person und Monat).

    A unit the language has no words for is the record's own: `per bus ticket`.
    """
    units = t.table("pricing.per_unit")
    key = _PER_JOINS.sub("-", unit.strip().lower())
    return str(units.get(unit) or units.get(key) or t("pricing.per", per=unit))


def measurement(actual: str, t: Strings) -> str:
    """A standing promise's measured value: a percentage (96.2%) or a share (2 of 2) in the language's numbers; other
    text (45 min, a sentence) as the record wrote it."""
    text = actual.strip()
    found = _PERCENT.fullmatch(text)
    if found:
        decimals = len(found[2] or "")
        return percent(float(f"{found[1]}.{found[2] or 0}") / 100, t, decimals)
    share = _SHARE.fullmatch(text)
    if share:
        return t("commitments.share", done=number(int(share[1]), t), total=number(int(share[2]), t))
    return actual


def opening_hours(hours: str, t: Strings) -> str:
    """When someone answers, in the language's words: `Mon–Fri 9:00–17:00 Berlin time` is `Mo–Fr 9:00–17:00 Uhr
    (Ortszeit Berlin)` in German. Weekdays (a range or a list), a time range and a zone are read; anything else is the
    record's own words, shown as written rather than half translated."""
    names = [str(name) for name in t.table("weekdays")]
    known = {name: i for i, day in enumerate(_ENGLISH_DAYS) for name in day}
    known |= {name.lower(): i for i, name in enumerate(names)}
    day = "(?:" + "|".join(re.escape(name) for name in sorted(known, key=len, reverse=True)) + ")"
    pattern = rf"(?P<days>{day}(?:{_DASH}{day})?(?:\s*,\s*{day}(?:{_DASH}{day})?)*)\s+(?P<start>{_TIME}){_DASH}(?P<end>{_TIME})(?:\s+(?P<zone>.+))?"
    found = re.fullmatch(pattern, hours.strip(), re.IGNORECASE)
    if found is None:
        return hours
    said = t("opening_hours.hours", days=_weekdays(found["days"], known, names), start=found["start"], end=found["end"])
    zone = found["zone"]
    if zone is None:
        return said
    if _ZONE_ABBREVIATION.fullmatch(zone):
        return t("opening_hours.zone", hours=said, zone=zone)
    local = _LOCAL_TIME.fullmatch(zone)
    return t("opening_hours.local_time", hours=said, place=local["place"]) if local else hours


def _weekdays(text: str, known: dict[str, int], names: list[str]) -> str:
    """`Mon–Fri, Sun` in the language's weekday names (the pattern matched only known names)."""
    return ", ".join("–".join(names[known[word.lower()]] for word in re.split(_DASH, group)) for group in re.split(r"\s*,\s*", text))


def _localised(text: str, t: Strings) -> str:
    """`text` as Python writes numbers (1,234.5) with the language's separators."""
    separators: dict[str, str | int | None] = {",": t("thousands_separator"), ".": t("decimal_separator")}
    return text.translate(str.maketrans(separators))
