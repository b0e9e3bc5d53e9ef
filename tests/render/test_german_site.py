"""The German site is German: the example built with `mkdocs build --strict` in German has no English UI text.

The records are the company's own words (the example's are English), so their text is taken out
before the check; every other visible word — headings, labels, numbers, tooltips, the About page —
is trustpages' or the site's own, and must be German.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.render.conftest import REPO, Build, mkdocs_build, write_config

# Words that are English and never German: any of them outside the records' text is an untranslated string.
ENGLISH = frozenset(
    """the and of per who agree with for our we you your this that from by not were has have been days hours minutes
    month months since until ago than when how what why which there their its it is are be on at or to up out more see
    here about page value values none yes no time new open closed back next previous latest kept broken overdue promise
    promises incident incidents mistake mistakes mon tue wed thu fri sat sun monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
PRODUCT_NAMES = ("Material for MkDocs",)  # names, not words
NOT_OURS: set[str] = set()  # the 404 page is the plugin's own (templates/theme/404.html), German too
_FILE_OR_ADDRESS = re.compile(r"\S*[/@.]\S*[A-Za-z]\S*")  # /api/v1/incidents.json, help@…, incidents.json


class _Text(HTMLParser):
    """Every piece of text a reader sees or hears: text nodes, tooltips, labels (scripts and styles aside)."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.pieces: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        self.pieces += [value for name, value in attrs if name in ("title", "aria-label", "alt", "placeholder") and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)


def _record_texts(content: Path) -> list[str]:
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            texts.append(" ".join(value.split()))

    for path in content.rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts


def english_words(site: Path, content: Path) -> dict[str, set[str]]:
    """{piece of text: the English words in it}, over every page of `site`, the records' own words taken out."""
    records = _record_texts(content)
    everything = "\n".join(records)
    # A record's sentence or name is taken out wherever it stands; a lone lowercase word (`month`) may be a key, not text.
    phrases = sorted({text for text in records if " " in text or text[:1].isupper()}, key=len, reverse=True)
    found: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).as_posix() in NOT_OURS:
            continue
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        for piece in parser.pieces:
            text = " ".join(piece.split())
            if not text or text in everything:  # a record's text, or part of it (Markdown splits it into pieces)
                continue
            rest = text
            for phrase in (*phrases, *PRODUCT_NAMES):
                rest = rest.replace(phrase, " ")
            words = {word for word in re.findall(r"[A-Za-z]+", _FILE_OR_ADDRESS.sub(" ", rest)) if word.lower() in ENGLISH}
            if words:
                found.setdefault(f"{page.relative_to(site)}: {text[:160]}", set()).update(words)
    return found


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path]:
    folder = tmp_path_factory.mktemp("german-site")
    content = folder / "content"
    shutil.copytree(REPO / "content", content)
    site = content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("\nlocale: en\n", "\nlocale: de\n"), encoding="utf-8")
    build = mkdocs_build(write_config(folder, content))
    assert build.returncode == 0, build.output
    return build, content


def test_the_german_example_has_no_english_ui_text(german: tuple[Build, Path]) -> None:
    build, content = german
    assert english_words(build.site, content) == {}


def test_the_check_finds_english_ui_text(german: tuple[Build, Path], tmp_path: Path) -> None:
    build, content = german
    page = tmp_path / "site" / "pricing" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(build.html("pricing/index.html").replace("pro Monat", "per month"), encoding="utf-8")
    assert any("pricing" in where and words == {"per", "month"} for where, words in english_words(tmp_path / "site", content).items())


def test_the_german_pages_say_numbers_hours_and_about_in_german(german: tuple[Build, Path]) -> None:
    build, _ = german
    text = " ".join(_page_text(build, page) for page in ("pricing/index.html", "contact/index.html", "index.html"))
    assert "3\u00a0EUR pro Person und Monat" in text and "1,50\u00a0EUR pro Brief" in text
    assert "Mo–Fr 9:00–17:00 Uhr, Ortszeit Berlin" in text and "Mon–Fri" not in text
    assert re.search(r"\d+,\d\d\u00a0% Verfügbarkeit", text)
    commitment = _page_text(build, "commitments/reply-within-one-working-day/index.html")
    assert "96,2\u00a0%" in commitment and "96.2%" not in commitment
    about = _page_text(build, "about/index.html")
    assert "Über diese Seite" in about and "Warum wir sie veröffentlichen" in about and "Why we publish it" not in about
    assert not (build.site / "about.de").exists()


def test_the_german_pages_read_as_a_native_reader_would_write_them(german: tuple[Build, Path]) -> None:
    # Issue 32's read-through of incidents, metrics, record, log, open data and 404: each phrase as it now reads.
    build, _ = german
    said = {page: _page_text(build, page) for page in ("incidents/index.html", "metrics/index.html", "record/index.html", "log/index.html")}
    assert "Aktuell" in said["incidents/index.html"] and "Gerade jetzt" not in said["incidents/index.html"]
    assert "Verspätung im Median, in Tagen" in said["metrics/index.html"]
    record = said["record/index.html"]
    assert "Ziel in Q3 2026 verfehlt" in record and "Ziel verfehlt in" not in record
    assert "Korrigiert – Fälligkeit:" in record and "Fälligkeit korrigiert" not in record
    assert "Begonnen – Auswirkung:" in record and "1 Tagen" not in record
    assert "an dem Tag veröffentlicht, den sie nennt" in said["log/index.html"]
    assert "Diese Seite gibt es hier nicht" in _page_text(build, "404.html")


def _page_text(build: Build, page: str) -> str:
    parser = _Text()
    parser.feed(build.html(page))
    return re.sub(r"[ \t\r\n]+", " ", " ".join(parser.pieces))  # str.split would take the no-break spaces too
