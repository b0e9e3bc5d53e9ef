"""Every page keeps its headings, their ids and its phone cards' labels (tests/fixtures/page-outline.txt), and search lists those sections.

Links from outside, the table of contents and search results point at heading ids, and a phone
shows a table's rows as cards labelled by its columns: a change to any of them is a change to
what readers rely on, so it is made on purpose and shows in the golden file's diff (see
tests/render/outline.py for the command that writes it again).
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from tests.render.conftest import REPO, mkdocs_build, write_config
from tests.render.outline import GOLDEN, expected, synthetic_content

REWRITE = "PYTHONPATH=generator python -m tests.render.outline"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_content(tmp_path_factory.mktemp("synthetic"))


def test_every_page_keeps_its_headings_ids_and_card_labels(synthetic: Path) -> None:
    golden, now = GOLDEN.read_text(encoding="utf-8"), expected(synthetic)
    diff = "\n".join(difflib.unified_diff(golden.splitlines(), now.splitlines(), "page-outline.txt", "now", lineterm=""))
    assert now == golden, f"the pages' outline changed (if on purpose, run `{REWRITE}` and commit the diff):\n{diff}"
    assert now.count("== ") > 50 and "\ncards " in now and "/year/" in now  # record pages, sections and listings alike


def _searched(golden: str) -> dict[str, list[str]]:
    """Page address -> the sections search lists for it, as the golden outline names them: the page, then each searched heading."""
    pages: dict[str, list[str]] = {}
    for chunk in golden.split("== ")[1:]:
        path, *lines = chunk.splitlines()
        if "/year/" in path or "/status/" in path or "/standing/" in path:
            continue  # the synthetic site's listings: not in the example build
        address = re.sub(r"(index)?\.md$", "", path)
        address = address if address.endswith("/") or not address else address + "/"
        if "page not searched" in lines:
            pages[address] = []
            continue
        ids = [line.split()[1][1:] for line in lines if line.startswith("h") and not line.endswith("(not searched)")]
        pages[address] = [address, *(f"{address}#{anchor}" for anchor in ids[1:])] if ids else [address]
    return pages


def test_search_lists_each_pages_sections_at_its_headings(tmp_path: Path) -> None:
    build = mkdocs_build(write_config(tmp_path, REPO / "content"))
    assert build.returncode == 0, build.output
    index = json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    listed: dict[str, list[str]] = {}
    for entry in index["docs"]:
        listed.setdefault(entry["location"].split("#")[0], []).append(entry["location"])
    searched = _searched(GOLDEN.read_text(encoding="utf-8"))
    assert {page: listed.get(page, []) for page in searched} == searched
    assert sum(map(len, searched.values())) > 50
