"""The site names its time zone one way (zonewords.zone_name): by its place, in the site's language, never by IANA key or abbreviation."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from trustpages.render.environment import make_environment
from trustpages.strings import Strings
from trustpages.zonewords import zone_name


@pytest.mark.parametrize(
    ("zone", "locale", "named"),
    [
        ("Europe/Berlin", "en", "Berlin time"),
        ("Europe/Berlin", "de", "Ortszeit Berlin"),
        ("America/Argentina/Buenos_Aires", "en", "Buenos Aires time"),
        ("Europe/Istanbul", "en", "Istanbul time"),  # its abbreviation would be "+03"
        ("Japan", "en", "Japan time"),  # an old one-word name is a place too
        ("UTC", "en", "UTC"),
        ("Etc/UTC", "de", "UTC"),
        ("GMT", "en", "UTC"),
        ("Etc/GMT-3", "en", "UTC+03:00"),  # POSIX signs are the wrong way round: say the offset as people read it
        ("Etc/GMT+5", "en", "UTC−05:00"),
    ],
)
def test_a_zone_is_named_by_its_place_or_its_offset(zone: str, locale: str, named: str) -> None:
    assert zone_name(ZoneInfo(zone), Strings.for_site(locale)) == named


def test_moments_windows_and_the_incidents_page_name_the_zone_the_same_way() -> None:
    env = make_environment(None, "en", "Europe/Berlin")
    winter, summer = datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 7, 5, 9, tzinfo=UTC)
    # The same words in winter and summer: never CET in one and CEST in the other.
    assert ">5 January 2026, 10:00 Berlin time</time>" in env.filters["moment"](winter)
    assert ">5 July 2026, 11:00 Berlin time</time>" in env.filters["moment"](summer)
    assert "CET" not in env.filters["window"](winter, datetime(2026, 1, 5, 11, tzinfo=UTC))
