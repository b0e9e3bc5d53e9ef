"""Pages rendered as HTML show what the Markdown pages showed, word for word, and search finds the same pages.

The old path is the Markdown templates kept in tests/fixtures/markdown-templates/ (see sametext.py),
given to the very same build as a site's own templates.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.render.conftest import AS_OF, REPO, mkdocs_build
from tests.render.sametext import MARKDOWN_TEMPLATES, REPLACED_NOTE, both, differences
from trustpages.render.htmlpage import text_of
from trustpages.validate import validate

SYNTHETIC = 1000


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from synth import synthesise  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / "bench"))
    content = tmp_path_factory.mktemp("synthetic") / "content"
    synthesise(content, SYNTHETIC, 0)
    return content


@pytest.mark.parametrize("which", ["example", "synthetic"])
def test_every_page_says_the_same_words_as_its_markdown_page(which: str, synthetic: Path) -> None:
    content = REPO / "content" if which == "example" else synthetic
    result = validate(content, date.fromisoformat(AS_OF), advice=False)
    assert result.records is not None
    new, old = both(result.records, date.fromisoformat(AS_OF))
    assert set(new.pages) == set(old.pages) and len(new.pages) > (SYNTHETIC * 0.9 if which == "synthetic" else 30)
    assert new.html == set(new.pages) and not old.html  # every page took the HTML path, and every one the Markdown path
    assert differences(new, old) == {}


def _site(folder: Path, content: Path, templates: Path | None) -> Path:
    own = f"      templates_dir: {templates}\n" if templates else ""
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Test\ndocs_dir: {REPO / 'site_src'}\nsite_dir: {folder / 'site'}\nstrict: true\n"
        "theme:\n  name: material\n  font: false\nmarkdown_extensions:\n  - attr_list\n  - tables\n  - toc\n"
        f"plugins:\n  - search\n  - trustpages:\n      content_dir: {content}\n      as_of: '{AS_OF}'\n{own}",
        encoding="utf-8",
    )
    build = mkdocs_build(config)
    assert build.returncode == 0, build.output
    return build.site


def _articles(site: Path) -> dict[str, str]:
    article = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
    pages = {}
    for page in site.rglob("index.html"):
        found = article.search(page.read_text(encoding="utf-8"))
        if found:
            pages[page.relative_to(site).as_posix()] = text_of(REPLACED_NOTE.sub("", found.group(1)))  # see sametext.page_texts
    return pages


def _found(site: Path, query: str) -> set[str]:
    """The pages the theme's search lists for `query`: every word in an entry's title or text (as lunr's AND)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words = [word.lower() for word in separator.split(query) if word]
    pages = set()
    for entry in index["docs"]:
        tokens = {token.lower().strip(".,:;!?()“”\"'") for token in separator.split(text_of(f"{entry['title']} {entry['text']}"))}
        if all(word in tokens for word in words):
            pages.add(entry["location"].split("#")[0])
    return pages


@pytest.mark.parametrize("which", ["example", "synthetic"])
def test_the_built_sites_read_alike_and_search_finds_the_same_pages(which: str, synthetic: Path, tmp_path: Path) -> None:
    content = REPO / "content" if which == "example" else synthetic
    (tmp_path / "html").mkdir(), (tmp_path / "markdown").mkdir()
    html, markdown = _site(tmp_path / "html", content, None), _site(tmp_path / "markdown", content, MARKDOWN_TEMPLATES)
    new, old = _articles(html), _articles(markdown)
    assert set(new) == set(old) and len(new) > 30
    assert {page: text for page, text in new.items() if text != old[page]} == {}
    # Words of record titles and summaries: the record pages a reader finds are the same.
    result = validate(content, date.fromisoformat(AS_OF), advice=False)
    assert result.records is not None
    titles = [record.title for record in (*result.records.incidents[:3], *result.records.mistakes[:3], *result.records.commitments[:3])]
    queries = [" ".join(title.split()[-2:]) for title in titles] + ["refund", "invoices", "bank"]
    for query in queries:
        assert _found(html, query) == _found(markdown, query), query
    assert any(_found(html, query) for query in queries)
    # The same sections, each at the same address (the theme's parser no longer reads generated pages).
    assert _locations(html) == _locations(markdown)


def _locations(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted(entry["location"] for entry in index["docs"])
