"""Long histories: index pages show a bounded number of records and link to paginated listings."""

from __future__ import annotations

import re
from pathlib import Path

from tests.render.conftest import Build, mkdocs_build, write_config
from trustpages.render import INDEX_LIMIT, LISTING_SIZE

N = LISTING_SIZE + 30  # two listing pages for one year


def write_incidents(content: Path, count: int) -> None:
    (content / "incidents").mkdir(parents=True)
    (content / "site.yml").write_text(
        "name: Busy\nurl: https://busy.example\ncomponents:\n  - {id: api, name: API}\npolicies: {max_open_incident_days: 100000}\n",
        encoding="utf-8",
    )
    for n in range(count):
        day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        (content / "incidents" / f"{day}-blip-{n:03d}.yml").write_text(
            f"title: Blip number {n}\nimpact: none\nstarted: {day}T10:00:00Z\nresolved: {day}T10:05:00Z\n"
            f"affected: [api]\nsummary: A short blip.\n"
            f"updates:\n  - {{at: {day}T10:05:00Z, status: resolved, body: Fixed.}}\n",
            encoding="utf-8",
        )


def linked_incidents(html: str) -> list[str]:
    return re.findall(r'href="(?:\.\./)*(?:incidents/)?([0-9]{4}-[0-9]{2}-[0-9]{2}-blip-[0-9]{3})/"', html)


def test_a_long_year_is_cut_on_the_index_and_paginated_in_full(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_incidents(content, N)
    build: Build = mkdocs_build(write_config(tmp_path, content))
    assert build.returncode == 0, build.output

    index = build.html("incidents/index.html")
    assert len(linked_incidents(index)) == INDEX_LIMIT
    assert f"All {N} →" in index
    first, second = build.html("incidents/year/2025/index.html"), build.html("incidents/year/2025/2/index.html")
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    on_pages = linked_incidents(first) + linked_incidents(second)
    assert len(on_pages) == N and len(set(on_pages)) == N  # every incident listed exactly once
    assert len(linked_incidents(first)) == LISTING_SIZE
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_short_groups_are_listed_in_full_without_extra_pages(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_incidents(content, INDEX_LIMIT)
    build = mkdocs_build(write_config(tmp_path, content))
    assert build.returncode == 0, build.output
    assert len(linked_incidents(build.html("incidents/index.html"))) == INDEX_LIMIT
    assert not (build.site / "incidents" / "year").exists()
