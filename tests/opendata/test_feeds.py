"""Feeds: real parsers (feedparser for Atom, jsonfeed-util for JSON Feed) read every feed with the expected entries."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import feedparser
import jsonfeed
import pytest
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, HttpUrl

from tests.conftest import VALID, write_content
from tests.opendata.conftest import FULL_AS_OF, Published, publish
from trustpages.numbers import Numbers
from trustpages.opendata.feeds import FEED_ENTRIES, JSON_FEED


def expected_counts(published: Published) -> dict[str, int]:
    """By hand from the records: an entry per incident update; per promise made, status change (a promise's first
    not_started, on the day it was made, is its making), day it went overdue and missed period; per mistake; per price
    and data change (announced, and in effect by as_of)."""
    records, as_of = published.records, published.as_of
    incidents = sum(len(i.updates) or 1 for i in records.incidents)
    promises = 0
    for c in records.commitments:
        promises += 1  # made
        updates = getattr(c, "updates", ())
        statuses = [u.status for u in updates]
        promises += sum(
            1
            for i, s in enumerate(statuses)
            if (i == 0 and not (s == "not_started" and updates[0].on == c.made_on)) or (i and s != statuses[i - 1])
        )
        due = getattr(c, "due", None)
        finished_by_due = [u.status for u in updates if due and u.on <= due][-1:] in (["kept"], ["partly_kept"], ["broken"], ["withdrawn"])
        promises += bool(due and due + timedelta(days=1) <= as_of and not finished_by_due)
        promises += sum(1 for m in getattr(c, "measurements", ()) if m.met is False)
    pricing = sum((ch.announced <= as_of) + (ch.effective <= as_of) for ch in records.pricing.history) if records.pricing else 0
    counts = {"incidents": incidents, "commitments": promises, "mistakes": len(records.mistakes)}
    counts["all"] = sum(counts.values()) + pricing
    for component in records.site.components:
        counts[f"components/{component.id}"] = sum(len(i.updates) or 1 for i in records.incidents if component.id in i.affected)
    return {name: min(count, FEED_ENTRIES) for name, count in counts.items()}


def test_small_site_counts_by_hand(small: Published) -> None:
    # 3 incident updates; export-all-data: made, in_progress, kept; certificate renewal: made, in_progress, then
    # overdue since 2026-05-02; a standing promise made, and its missed period; one mistake; a price change, announced
    # and in effect.
    assert expected_counts(small) == {
        "incidents": 3,
        "commitments": 8,
        "mistakes": 1,
        "all": 14,
        "components/login": 3,
        "components/api": 3,
    }


def test_feedparser_reads_every_atom_feed(published: Published) -> None:
    for name, count in expected_counts(published).items():
        feed = feedparser.parse(published.files[f"feeds/{name}.xml"])
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.version == "atom10", name
        assert len(feed.entries) == count, name
        assert feed.feed.link.startswith("https://trust.example.com/")
        ids = [e.id for e in feed.entries]
        assert len(set(ids)) == len(ids), name
        times = [e.updated_parsed for e in feed.entries]
        assert times == sorted(times, reverse=True), name
        if feed.entries:  # the feed was last updated when its newest entry was
            assert feed.feed.updated_parsed == feed.entries[0].updated_parsed


class JsonFeedItem(BaseModel):
    """An item as JSON Feed 1.1 (https://jsonfeed.org/version/1.1) defines it: id, and content_html or content_text."""

    model_config = ConfigDict(extra="forbid")
    id: str
    url: HttpUrl
    title: str
    content_html: str
    date_published: AwareDatetime
    date_modified: AwareDatetime
    tags: list[str]
    trustpages: dict[str, str | None] = Field(alias="_trustpages")  # extensions start with _


class JsonFeedDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: Literal["https://jsonfeed.org/version/1.1"]
    title: str
    home_page_url: HttpUrl
    feed_url: HttpUrl
    description: str | None = None
    language: str
    authors: list[dict[str, str]]
    items: list[JsonFeedItem]


def test_a_json_feed_parser_reads_every_json_feed(published: Published) -> None:
    # feedparser 6 reads no JSON Feed; jsonfeed-util does, and the model above holds it to the spec.
    for name, count in expected_counts(published).items():
        raw = published.text(f"feeds/{name}.json")
        feed = jsonfeed.Feed.parse_string(raw)
        assert len(feed.items) == count, name
        assert feed.feed_url == f"https://trust.example.com/feeds/{name}.json"
        strict = JsonFeedDocument.model_validate_json(raw)
        assert strict.version == JSON_FEED
        # The same entries as the Atom feed, in the same order and with the same times.
        atom = feedparser.parse(published.files[f"feeds/{name}.xml"])
        assert [(i.id, i.date_published.strftime("%Y-%m-%dT%H:%M:%SZ")) for i in strict.items] == [
            (e.id, e.published) for e in atom.entries
        ]


def test_incident_entries_are_updates_with_sanitised_html(full: Published) -> None:
    feed = feedparser.parse(full.files["feeds/incidents.xml"])
    newest = feed.entries[0]
    assert newest.title == "The API is slow — Update"
    assert newest.link == "https://trust.example.com/incidents/2026-06-30-slow-api/"
    assert newest.content[0].type == "text/html"
    raw = full.text("feeds/incidents.xml")
    assert "<script" not in raw and "&lt;script" not in raw
    assert "&lt;strong&gt;slow&lt;/strong&gt;" in raw  # Markdown rendered, then escaped as Atom type="html"
    login = [e for e in feed.entries if "log in" in e.title]
    assert [e.title.rsplit(" — ", 1)[1] for e in login] == ["Resolved", "Identified", "Investigating"]
    assert login[-1].published == "2026-03-04T09:20:00Z"


def test_component_feeds_hold_only_their_incidents(full: Published) -> None:
    billing = feedparser.parse(full.files["feeds/components/billing.xml"])
    assert [e.title for e in billing.entries] == ["Database upgrade — Scheduled"]
    login = feedparser.parse(full.files["feeds/components/login.xml"])
    assert {e.link for e in login.entries} == {"https://trust.example.com/incidents/2026-03-04-login-failures/"}


def test_commitment_feed_has_status_changes_and_overdue(full: Published) -> None:
    feed = feedparser.parse(full.files["feeds/commitments.xml"])
    sms = [(e.title, e.updated) for e in feed.entries if e.title.startswith("Status alerts by SMS")]
    # The repeated in_progress of 2026-03-15 is not a change; overdue starts the day after it was due.
    assert sms == [
        ("Status alerts by SMS — Overdue: not kept by 31 May 2026", "2026-06-01T00:00:00Z"),
        ("Status alerts by SMS — Work in progress", "2026-03-01T00:00:00Z"),
        ("Status alerts by SMS — Promise made, due 31 May 2026", "2026-01-10T00:00:00Z"),
    ]


def test_mistake_entry_carries_the_apology(small: Published) -> None:
    [entry] = feedparser.parse(small.files["feeds/mistakes.xml"]).entries
    assert entry.title == "We charged some customers twice in May — We owned up to it; no remedy was offered"
    assert "We are sorry." in entry.content[0].value
    assert entry.published == "2026-05-02T00:00:00Z"


def test_a_long_history_keeps_the_newest_entries_in_the_feeds(tmp_path: Path) -> None:
    mistake = VALID["mistakes/2026-05-02-double-charged.yml"].replace("related: [2026-03-04-login-failures]\n", "")
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(FEED_ENTRIES + 10)]
    files = {"site.yml": VALID["site.yml"]}
    files |= {f"mistakes/{day}-m.yml": mistake.replace("on: 2026-05-02", f"on: {day}") for day in days}
    published = publish(write_content(tmp_path / "content", files), FULL_AS_OF)
    for name in ("all", "mistakes"):
        entries = feedparser.parse(published.files[f"feeds/{name}.xml"]).entries
        assert [e.published[:10] for e in entries] == [str(day) for day in reversed(days[-FEED_ENTRIES:])], name
        items = json.loads(published.files[f"feeds/{name}.json"])["items"]
        assert [item["date_published"][:10] for item in items] == [e.published[:10] for e in entries], name
    # Only the feeds are cut: the open data still holds every record.
    assert len(json.loads(published.files["api/v1/mistakes.json"])["mistakes"]) == len(days)


def test_empty_feeds_are_valid_and_dated_by_as_of(tmp_path: Path) -> None:
    (tmp_path / "site.yml").write_text("name: Solo\nurl: https://solo.example\n", encoding="utf-8")
    published = publish(tmp_path, FULL_AS_OF)
    feed = feedparser.parse(published.files["feeds/all.xml"])
    assert not feed.bozo and feed.entries == []
    assert feed.feed.updated == "2026-07-01T00:00:00Z"


@pytest.mark.parametrize("name", ["all", "incidents"])
def test_feeds_are_reproducible(published: Published, name: str) -> None:
    from trustpages import opendata

    again = opendata.publish(Numbers.of(published.records, published.as_of), published.t)
    assert again[f"feeds/{name}.xml"] == published.files[f"feeds/{name}.xml"]


def test_feed_index_lists_every_feed(published: Published) -> None:
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(published.files["feeds/sitemap.xml"])
    listed = {loc.text for loc in root.findall("s:url/s:loc", ns)}
    feeds = {f"https://trust.example.com/{path}" for path in published.files if path.startswith("feeds/") and path != "feeds/sitemap.xml"}
    assert listed == feeds
