"""Open data's addresses are absolute and its times UTC, spelled one way, and its JSON compact UTF-8."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from trustpages.opendata.links import absolute, dumps, midnight, record_url, stamp, utc
from trustpages.records import Site

BERLIN_SUMMER = timezone(timedelta(hours=2))


def site(url: str) -> Site:
    return Site.model_validate({"name": "Example", "url": url})


@pytest.mark.parametrize("url", ["https://trust.example.com", "https://trust.example.com/"])
def test_an_address_is_under_the_site_url_with_one_slash(url: str) -> None:
    assert absolute(site(url)) == "https://trust.example.com/"
    assert absolute(site(url), "feeds/all.xml") == "https://trust.example.com/feeds/all.xml"
    assert absolute(site(url), "/api/v1/summary.json") == "https://trust.example.com/api/v1/summary.json"
    assert absolute(site("https://example.com/trust/"), "feeds/all.xml") == "https://example.com/trust/feeds/all.xml"


def test_a_record_is_at_its_permanent_page() -> None:
    here = site("https://trust.example.com")
    assert record_url(here, "commitment", "reply-within-one-day") == "https://trust.example.com/commitments/reply-within-one-day/"
    assert record_url(here, "incident", "2026-03-04-login") == "https://trust.example.com/incidents/2026-03-04-login/"
    assert record_url(here, "mistake", "double-charged") == "https://trust.example.com/mistakes/double-charged/"
    assert record_url(here, "survey", "trust") == "https://trust.example.com/surveys/trust/"
    # A kind with one file has one page, whatever the id.
    assert record_url(here, "data", "") == "https://trust.example.com/data/"
    assert record_url(here, "pricing", "") == "https://trust.example.com/pricing/"
    # Metrics are shown together on one page: a link to one goes there, never to a page that is not built.
    assert record_url(here, "metric", "nps") == "https://trust.example.com/metrics/"


def test_times_are_utc_and_spelled_with_a_z() -> None:
    moment = datetime(2026, 3, 4, 1, 12, tzinfo=BERLIN_SUMMER)
    assert utc(moment) == datetime(2026, 3, 3, 23, 12, tzinfo=UTC)
    assert utc(moment).tzinfo == UTC
    assert stamp(moment) == "2026-03-03T23:12:00Z"
    assert midnight(date(2026, 3, 4)) == datetime(2026, 3, 4, tzinfo=UTC)
    assert stamp(midnight(date(2026, 3, 4))) == "2026-03-04T00:00:00Z"


def test_json_is_compact_utf8_in_the_order_given_with_one_newline() -> None:
    assert dumps({"z": 1, "a": ["Straße", "😀"], "n": None}) == '{"z":1,"a":["Straße","😀"],"n":null}\n'.encode()
