"""A property: records with a field at the edge of what it may hold (long or odd text, dates at the ends of the range, big numbers)
either get located errors from check, or build (the pipeline every front end calls) without an exception, and every page's front matter reads."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.checks.test_trust import DATA, SURVEY
from tests.conftest import AS_OF, VALID, write_content
from trustpages.pipeline import build_site
from trustpages.problems import display_path
from trustpages.records.common import MAX_LINE
from trustpages.render import htmlpage
from trustpages.yamlsource import read

FILES = {**VALID, "surveys/trust.yml": SURVEY, "data.yml": DATA}
EDGES = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Text of every kind: astral and right-to-left letters, marks, bidi and control characters, Markdown and HTML syntax.
odd_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from(["\U0001f600", "\u202e", "\u200f", "*", "_", "<", "&", "[", "`", "\\"]),
    min_size=1,
    max_size=40,
)
# Text that could pass: letters of several scripts, an emoji, a right-to-left mark, Markdown and HTML marks.
plain_text = st.lists(
    st.sampled_from([*"aZ09 .,:-", "é", "ß", "ש", "中", "\U0001f600", "\U0001d54f", "\u200f", "*", "_", "<b>", "&amp;", "[x](y)", "\\"]),
    min_size=1,
    max_size=30,
).map("".join)
long_text = st.sampled_from([MAX_LINE - 1, MAX_LINE, MAX_LINE + 1, 5 * MAX_LINE]).flatmap(
    lambda n: st.sampled_from(["x", "é", "\U0001f600", "* ", "<b>"]).map(lambda unit: (unit * n)[:n])
)
days = st.sampled_from(["1970-01-01", "9000-12-31", "1969-12-31", "9001-01-01", "2026-02-29", "2024-02-29", "0001-01-01", "9999-12-31"])
moments = st.sampled_from(
    ["1970-01-01T00:00:00+14:00", "1970-01-01T00:00:00-12:00", "9000-12-31T23:59:59-12:00", "9000-12-31T23:59:59+14:00",
     "1969-12-31T23:59:59Z", "9001-01-01T00:00:00Z", "2026-03-04T09:12", "9000-12-31T23:59:59.999999-23:59"]
)  # fmt: skip
big_numbers = st.sampled_from([0, -1, 1, 10**15, 10**15 + 1, 2**53 + 1, 10**300, -(10**300), int("9" * 400), 1e308, -1e308, 5e-324, 1e-320])
numbers = st.integers(min_value=-(10**20), max_value=10**20) | st.floats(allow_nan=False, allow_infinity=False)
edges = st.one_of(plain_text, odd_text, long_text, days, moments, big_numbers, numbers)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_content(tmp_path_factory.mktemp("edges") / "content", FILES)


@pytest.fixture(scope="module")
def parsed(folder: Path) -> dict[str, Any]:
    return {relative: read(folder / relative).value for relative in FILES}


def leaves(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every scalar's place in a parsed record."""
    if isinstance(node, dict):
        return [path for key, child in node.items() for path in leaves(child, (*prefix, key))]
    if isinstance(node, list):
        return [path for i, child in enumerate(node) for path in leaves(child, (*prefix, i))]
    return [prefix]


@EDGES
@given(data=st.data())
def test_a_field_at_its_edge_is_a_located_error_or_builds(folder: Path, parsed: dict[str, Any], data: st.DataObject) -> None:
    relative = data.draw(st.sampled_from(sorted(FILES)), label="file")
    record = copy.deepcopy(parsed[relative])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="fields changed")):
        path = data.draw(st.sampled_from(leaves(record)), label="field")
        parent = record
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(edges, label="value")
    path = folder / relative
    path.write_text(yaml.dump(record, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
    try:
        built = build_site(folder, AS_OF, history=False)
    finally:
        path.write_text(FILES[relative], encoding="utf-8")
    if built.errors:
        for problem in built.errors:  # located: a file of the folder, a line in it
            assert problem.file.startswith(display_path(folder)) and problem.line >= 1 and problem.col >= 1, problem
        return
    assert built.output is not None and built.output.pages
    for source in built.output.pages.values():
        htmlpage.split(source)  # the front matter MkDocs and the theme read
