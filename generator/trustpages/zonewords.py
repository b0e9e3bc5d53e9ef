"""The one way the site names its time zone, wherever it says one: "Berlin time", never Europe/Berlin on one page and CET on the next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from trustpages.strings import Strings

# A fixed moment to ask a zone without a place for its offset (the Etc/ zones never change theirs).
_PROBE = datetime(2000, 1, 1, tzinfo=UTC)


def zone_name(zone: ZoneInfo, t: Strings) -> str:
    """`zone` in the site's words: its place ("Berlin time", "Ortszeit Buenos Aires"), or UTC and an offset for a zone without one.

    A place is the IANA name's last part: readers know the city, whereas abbreviations are
    ambiguous (CST is three zones) or missing (Istanbul's is "+03"), and change twice a year.
    """
    key = zone.key
    place = key.rsplit("/", 1)[-1].replace("_", " ")
    if "/" in key and not key.startswith("Etc/"):
        return str(t("zone_name", place=place))
    offset = zone.utcoffset(_PROBE) or timedelta()
    if not offset:
        return "UTC"
    if place.isalpha() and not place.isupper():  # an old one-word place name: Japan, Singapore, Iceland
        return str(t("zone_name", place=place))
    hours, minutes = divmod(abs(int(offset.total_seconds())) // 60, 60)
    return f"UTC{'+' if offset > timedelta() else '−'}{hours:02}:{minutes:02}"
