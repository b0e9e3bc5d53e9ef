"""A new kind through exactly the files CONTRIBUTING.md lists: security advisories get pages, a long list, a feed, open data, CSV, a schema and navigation.

The six files are written into a temporary project (the model and its registry entry as a module
on a temporary import path, the templates and strings in the site's own templates folder), never
into the repository, and nothing else is touched: if a seventh file were needed, this test fails.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from trustpages import kinds, schema
from trustpages.nav import default_nav
from trustpages.opendata.v1 import schema_path
from trustpages.pipeline import make_site
from trustpages.render import LISTING_SIZE
from trustpages.strings import Strings
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)
COUNT = LISTING_SIZE + 30  # more than an index shows (25) and more than one listing page (200)

# The files CONTRIBUTING.md's "A new record kind" names, as this project's stand-ins: path -> text.
MODEL = '''"""content/advisories/<id>.yml: a security advisory (the throwaway kind of tests/test_throwaway_kind.py)."""

from pydantic import Field

from trustpages.records.common import Day, Record, Text
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction


class Advisory(Record):
    id: str = Field("", exclude=True)
    title: Text = Field(description="What is affected, e.g. Password reset links could be reused.")
    published: Day = Field(description="When we told customers, e.g. 2026-03-01.")
    severity: Text = Field(description="How bad it is, e.g. high.")
    details: Text = Field(description="What happened and what to do.")
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
'''
ENTRY = '''"""The advisory kind's registry entry: one register(Kind(...)), as in trustpages/kinds.py."""

from datetime import datetime, time, timezone

from advisory import Advisory

from trustpages.kinds import Facts, Kind, Section, register
from trustpages.timeline.events import Event


def published(records, as_of, history):
    for a in ADVISORY.of(records):
        yield Event("advisory.published", a.id, a.title, datetime.combine(a.published, time(), timezone.utc), a.severity, a.details, on=a.published)


ADVISORY = register(
    Kind(
        "advisory",
        Advisory,
        folder="advisories",
        title="Security advisories",
        pattern="content/advisories/<id>.yml",
        about="A security problem we found or were told about, and what to do.",
        page="advisory",
        section=Section("advisories/index.md", "advisories", "nav.advisories"),
        prose=("title", "details"),
        facts=Facts(fields=("published", "severity"), lists=("corrections",)),
        timeline=published,
        feed=True,
    )
)
'''
PAGE = """{% set a = advisory %}
---
title: {{ a.title|e|tojson }}
---
<h1>{{ a.title }}</h1>
<p>{{ t("advisories.severity") }}: {{ a.severity }}</p>
{{ a.details|prose }}
"""
SECTION = """{% from "_rows.html.j2" import cut with context %}
---
title: {{ t("nav.advisories")|e|tojson }}
---
<h1>{{ t("nav.advisories") }}</h1>
{% for rows, key, heading, items in groups_of("advisories") %}
<h2>{{ heading }}</h2>
{{ cut(rows, key, items) }}
{% endfor %}
"""
STRINGS = {
    "en": """nav:
  advisories: Security advisories
advisories:
  severity: Severity
feeds:
  advisories: "{name}: security advisories"
open_data:
  describe:
    advisories: Every security advisory.
    csv_advisories: Security advisories, one row each.
    feed_advisories: An entry for every security advisory.
timeline:
  kinds:
    advisories: Advisory
  filter_names:
    advisories: Security advisories
  outcome:
    advisory:
      published: "Advisory published ({status})"
""",
    "de": """nav:
  advisories: Sicherheitshinweise
advisories:
  severity: Schwere
feeds:
  advisories: "{name}: Sicherheitshinweise"
open_data:
  describe:
    advisories: Jeder Sicherheitshinweis.
    csv_advisories: Sicherheitshinweise, eine Zeile je Hinweis.
    feed_advisories: Ein Eintrag für jeden Sicherheitshinweis.
timeline:
  kinds:
    advisories: Sicherheitshinweis
  filter_names:
    advisories: Sicherheitshinweise
  outcome:
    advisory:
      published: "Hinweis veröffentlicht ({status})"
""",
}


def _contributing_list() -> list[str]:
    """The files CONTRIBUTING.md says a new kind touches: the backticked paths of its "A new record kind" item."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    item = text.split("* **A new record kind**", 1)[1].split("\n* **", 1)[0]
    return re.findall(r"^\s+\d\. `([^`]+)`", item, flags=re.MULTILINE)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path, list[Path]]]:
    """The small example site with COUNT advisories, and the kind's six files; the kind registered for the test only."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    (content / "advisories").mkdir()
    for n in range(COUNT):
        day = date(2026, 1, 1) + timedelta(days=n)
        (content / "advisories" / f"advisory-{n:03}.yml").write_text(
            f"title: Advisory number {n}\npublished: {day}\nseverity: {'high' if n % 2 else 'low'}\ndetails: Update the app to fix it.\n",
            encoding="utf-8",
        )
    plugin, templates = tmp_path / "plugin", tmp_path / "templates"
    written = {
        plugin / "advisory.py": MODEL,
        plugin / "advisory_kind.py": ENTRY,
        templates / "advisory.html.j2": PAGE,
        templates / "advisories.html.j2": SECTION,
        templates / "strings" / "en.yml": STRINGS["en"],
        templates / "strings" / "de.yml": STRINGS["de"],
    }
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(plugin))
    importlib.import_module("advisory_kind")
    try:
        yield content, templates, list(written)
    finally:
        kinds.unregister("advisory")
        for module in ("advisory_kind", "advisory"):
            sys.modules.pop(module, None)


def test_contributing_lists_six_files_one_for_each_written(project: tuple[Path, Path, list[Path]]) -> None:
    listed = _contributing_list()
    _, _, written = project
    assert len(listed) == len(written) == 6
    # model, registry entry, page and section templates, strings per language: the same roles, in the same order
    assert [
        p.endswith(suffix)
        for p, suffix in zip(listed, ("records/<name>.py", "kinds.py", ".html.j2", ".html.j2", "en.yml", "de.yml"), strict=True)
    ] == [True] * 6


def test_a_throwaway_kind_gets_every_output(project: tuple[Path, Path, list[Path]]) -> None:
    content, templates, _ = project
    result = validate(content, AS_OF)
    assert result.records is not None and not result.errors, result.problems
    assert len(kinds.kind("advisory").of(result.records)) == COUNT
    output = make_site(result.records, AS_OF, templates)
    pages, assets = output.pages, output.assets

    # a page each, and the section page: the first 25, then a link to the full list
    assert ">Advisory number 7</h1>" in pages["advisories/advisory-007.md"]
    assert "<p>Severity: high</p>" in pages["advisories/advisory-007.md"]
    index = pages["advisories/index.md"]
    assert index.count('<li><a href="advisory-') == 25 and '<a href="all/all/">All 230 →</a>' in index

    # the long list: two pages of at most LISTING_SIZE, linked to each other and back
    first, second = pages["advisories/all/all/index.md"], pages["advisories/all/all/2.md"]
    assert first.count("<li><a ") == LISTING_SIZE and second.count("<li><a ") == COUNT - LISTING_SIZE
    assert 'rel="next"' in first and 'rel="prev"' in second and "advisory-229" in second

    # open data: JSON, its schema, CSV, all listed on the Open data page
    published = json.loads(assets["api/v1/advisories.json"])["advisories"]
    assert len(published) == COUNT and published[0]["id"] == "advisory-000" and published[0]["severity"] == "low"
    item_schema = json.loads(assets[schema_path("advisories")])["properties"]["advisories"]["items"]
    assert item_schema["properties"]["severity"]["description"] == "How bad it is, e.g. high."
    rows = list(csv.reader(io.StringIO(assets["api/v1/advisories.csv"].decode("utf-8"))))
    assert rows[0] == ["id", "title", "published", "severity", "details", "url"]
    assert rows[1][:4] == ["advisory-000", "Advisory number 0", "2026-01-01", "low"] and len(rows) == COUNT + 1
    for path in ("api/v1/advisories.json", "api/v1/advisories.csv", "feeds/advisories.xml"):
        assert f"/{path}" in pages["open-data.md"], path

    # its feed (the newest 50), and in the feed of everything
    atom = ET.fromstring(assets["feeds/advisories.xml"])
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in atom.iter("{http://www.w3.org/2005/Atom}entry")]
    assert titles[0] == f"Advisory number {COUNT - 1} — Advisory published (high)" and len(titles) == 50
    assert json.loads(assets["feeds/advisories.json"])["title"] == f"{result.records.site.name}: security advisories"
    assert any("Advisory number" in (item["title"]) for item in json.loads(assets["feeds/all.json"])["items"])

    # its own filter on the record's timeline, after the built-in ones, linked from every page of it
    filtered = pages["record/advisories/index.md"]
    assert filtered.count("Advisory published (") == LISTING_SIZE and "Advisory number 229" in filtered
    assert pages["record/advisories/2.md"].count("Advisory published (") == COUNT - LISTING_SIZE
    assert re.search(r"<h1[^>]*>Our record: Security advisories</h1>", filtered)
    links = re.findall(r'<li><a href="([a-z]+)/">', pages["record/index.md"])
    assert links[-1] == "advisories" and links[0] == "promises"  # after the built-in ones, which keep their order
    assert '<a href="advisories/">Security advisories (230)</a>' in pages["record/index.md"]
    assert "Advisory published" not in pages["record/surveys/index.md"]

    # the schema for editors, and the navigation in both languages
    assert schema.schema("advisory")["properties"]["published"]["description"] == "When we told customers, e.g. 2026-03-01."
    assert {"Security advisories": "advisories/index.md"} in default_nav(content.parent, "en", templates)
    assert Strings.for_site("de", templates)("nav.advisories") == "Sicherheitshinweise"
