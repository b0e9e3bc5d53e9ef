"""End to end: the real `mkdocs build --strict` publishes the open data beside the pages."""

from __future__ import annotations

import json
import re

import feedparser

from tests.render.conftest import Build
from trustpages.opendata.feeds import FEED_ENTRIES
from trustpages.opendata.statuspage import RECENT_INCIDENTS

OUTPUTS = [
    "api/v1/summary.json",
    "feeds/all.xml",
    "feeds/all.json",
    "calendar.ics",
    ".well-known/security.txt",
    "api/v2/summary.json",
    "badges/status.svg",
    "api/v1/schema/summary.schema.json",
    "feeds/components/login.xml",
]


def test_open_data_is_in_the_built_site(small_site: Build) -> None:
    # .well-known/ starts with a dot, which MkDocs leaves out unless the plugin says otherwise.
    for path in OUTPUTS:
        assert (small_site.site / path).is_file(), path
    assert not feedparser.parse((small_site.site / "feeds/all.xml").read_bytes()).bozo


def test_every_page_announces_the_feeds_in_its_head(small_site: Build) -> None:
    for page, prefix in (("index.html", ""), ("incidents/2026-03-04-login-failures/index.html", "../../"), ("open-data/index.html", "../")):
        head = small_site.html(page).split("</head>", 1)[0]
        assert f'<link rel="alternate" type="application/atom+xml" title="Example Co: all updates" href="{prefix}feeds/all.xml">' in head, (
            page
        )
        assert (
            f'<link rel="alternate" type="application/feed+json" title="Example Co: all updates" href="{prefix}feeds/all.json">' in head
        ), page


def test_summary_json_says_what_the_home_page_says(small_site: Build) -> None:
    summary = json.loads((small_site.site / "api/v1/summary.json").read_text(encoding="utf-8"))
    home = " ".join(re.sub(r"<[^>]+>", " ", small_site.html("index.html")).split())
    m = summary["milestones"]
    assert f"Promise-kept rate {round(summary['promise_kept_rate'] * 100)}%" in home
    assert f"{m['kept']} kept, {m['partly_kept']} partly kept, {m['broken']} broken, {m['overdue']} overdue" in home
    assert f"{summary['standing']['periods_met']} of {summary['standing']['periods_measured']} periods met" in home
    serious = re.search(r"Our last major incident: .*?, (\d+ \w+ \d{4}) \((\d+) days ago\)", home)
    assert serious is not None and serious.groups() == ("4 March 2026", str(summary["incidents"]["days_since_serious"]))


def test_open_data_page_links_every_output(small_site: Build) -> None:
    html = small_site.html("open-data/index.html")
    hrefs = set(re.findall(r'<a href="\.\./([^"]+)"><code>/', html))
    published = {
        p.relative_to(small_site.site).as_posix()
        for folder in ("api", "feeds", "badges", ".well-known")
        for p in (small_site.site / folder).rglob("*")
        if p.is_file()
    } | {"calendar.ics"}
    assert hrefs == published
    assert "format version 1" in html
    assert f"Each feed holds its newest {FEED_ENTRIES} entries; the open data above holds every record." in html
    assert f"The {RECENT_INCIDENTS} most recent incidents with their updates" in html
