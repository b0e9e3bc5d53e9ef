"""Our record (/record/): the timeline's pages in the site's language, its filters, the home page's latest five and the feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from tests.gitrepo import REPO
from trustpages import timeline
from trustpages.pipeline import make_site
from trustpages.render import Output
from trustpages.render.htmlpage import split, text_of
from trustpages.validate import validate

AS_OF = date(2026, 12, 6)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=["en", "de"])
def built(request: pytest.FixtureRequest) -> tuple[str, Output, list[timeline.Event]]:
    records = validate(REPO / "content", AS_OF, advice=False).records
    assert records is not None
    records = records.with_records("site", (records.site.model_copy(update={"locale": request.param}),))
    return request.param, make_site(records, AS_OF), timeline.record(records, AS_OF)


def _entries(html: str) -> list[str]:
    return re.findall(r'<li class="tp-event" id="event-([0-9a-f]+)"', html)


def test_the_record_is_titled_in_the_site_language_and_lists_every_event_newest_first(
    built: tuple[str, Output, list[timeline.Event]],
) -> None:
    locale, output, events = built
    front, body = split(output.pages["record/index.md"])
    title = {"en": "Our record", "de": "Unsere Bilanz"}[locale]
    assert front["title"] == title and f">{title}</h1>" in body
    assert front["search"] == {"exclude": True}
    assert _entries(body) == [e.id for e in events]  # under the PAGE_SIZE: every event on the first page, in order
    months = re.findall(r'<h2 id="(\d{4}-\d\d)"', body)
    assert months == sorted(set(months), reverse=True) and "2026-11" in months
    # The yearly tally, in words.
    tally = text_of(body.split('id="year-by-year"')[1].split("</ul>")[0])
    assert {
        "en": "2026: 2 promises kept, 1 partly kept, 1 broken,",
        "de": "2026: 2 Versprechen gehalten, 1 teilweise gehalten, 1 gebrochen,",
    }[locale] in tally


def test_each_filter_is_a_page_of_its_own_that_needs_no_script(built: tuple[str, Output, list[timeline.Event]]) -> None:
    _, output, events = built
    for name in timeline.filters():
        page = output.pages[f"record/{name}/index.md"]
        assert _entries(page) == [e.id for e in events if e.filter == name], name
        assert re.search(rf'<a href="[^"]*" aria-current="page">[^<]+\({len(_entries(page))}\)</a>', page), name
    home = output.pages["index.md"]
    assert "<script" not in output.pages["record/index.md"]
    # The home page: the latest five, newest first, and the way to the rest.
    assert _entries(home) == [e.id for e in events[:5]]
    assert 'href="record/"' in home


def test_the_all_feed_carries_price_changes_survey_waves_and_missed_periods_with_readable_titles(
    built: tuple[str, Output, list[timeline.Event]],
) -> None:
    locale, output, events = built
    feed = ET.fromstring(output.assets["feeds/all.xml"])
    terms = [c.get("term") for c in feed.iter(f"{ATOM}category")]
    assert {"survey.wave", "commitment.missed", "data.change", "data.effective"} <= set(terms)
    # Every event of the record since the feed's oldest entry is in it (incidents: as their updates).
    ids = {(e.findtext(f"{ATOM}id") or "").rsplit("#event-", 1)[1] for e in feed.iter(f"{ATOM}entry")}
    oldest = min(e.findtext(f"{ATOM}published") or "" for e in feed.iter(f"{ATOM}entry"))
    since = [e for e in events if e.record_kind != "incident" and e.at.isoformat().replace("+00:00", "Z") > oldest]
    assert since and {e.id for e in since} <= ids
    titles = [e.text or "" for e in feed.iter(f"{ATOM}title")]
    assert not [t for t in titles if re.search(r"\d{4}-\d\d-\d\d", t)]
    hetzner = {
        "en": "Who handles your data: Hetzner — Hetzner now handles customer data",
        "de": "Wer Ihre Daten verarbeitet: Hetzner — Hetzner verarbeitet jetzt Kundendaten",
    }
    assert hetzner[locale] in titles


def test_price_changes_are_in_the_all_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    from trustpages.opendata import feeds
    from trustpages.strings import Strings

    records = validate(REPO / "content", AS_OF, advice=False).records
    assert records is not None
    monkeypatch.setattr(feeds, "FEED_ENTRIES", 10_000)  # the whole record, not the newest 50
    [every] = [f for f in feeds.feeds(records, AS_OF, Strings.for_site("en")) if f.name == "all"]
    said = feeds.Entries(records, Strings.for_site("en"))
    prices = [said(e).title for e in every.events if e.record_kind == "pricing"]
    assert prices == [
        "Price of Business — Business now costs 24 EUR (was 20)",
        "Price of Business — Announced: Business goes from 20 to 24 EUR on 1 March 2026 (48 days' notice)",
        "Price of Solo — Solo now costs 9 EUR (was 7)",
        "Price of Solo — Announced: Solo goes from 7 to 9 EUR on 1 March 2025 (54 days' notice)",
    ]
