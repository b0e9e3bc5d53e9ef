"""Mutated valid records never crash the checker, and every problem points at a real place in a real file."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, VALID, write_content
from trustpages.problems import display_path
from trustpages.records import RecordSet
from trustpages.validate import validate
from trustpages.yamlsource import read

FAST = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
YAML_PIECES = [": ", "- ", "\n", "\t", "  ", "{", "}", "[", "]", "&a ", "*a", "!!str ", "---\n", "'", '"', "#", "? "]
FIELD_NAMES = sorted({line.split(":")[0].strip(" -{") for text in VALID.values() for line in text.splitlines() if ":" in line})

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates().map(str),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-03-04T09:12:00Z",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59",
            "on",
            "yes",
            "",
            "  ",
            "1:30",
            "api",
            "export-all-data",
            "maintenance",
            "withdrawn",
            "EUR",
            "2026-Q5",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_content(tmp_path_factory.mktemp("properties") / "content", VALID)


@pytest.fixture(scope="module")
def parsed(folder: Path) -> dict[str, Any]:
    return {relative: read(folder / relative).value for relative in VALID}


@pytest.fixture(scope="module")
def lines(folder: Path) -> dict[str, int]:
    """How many lines each valid file has, by the name problems give it."""
    return {display_path(folder / relative): len(text.splitlines()) for relative, text in VALID.items()}


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a parsed record: () is the record itself."""
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += paths(child, (*prefix, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            found += paths(child, (*prefix, i))
    return found


def mutate(record: Any, data: st.DataObject) -> Any:
    """`record` with one node deleted, replaced or (for a key) renamed."""
    record = copy.deepcopy(record)
    path = data.draw(st.sampled_from(paths(record)), label="path")
    if not path:
        return data.draw(values, label="whole record")
    parent = record
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = data.draw(st.sampled_from(["delete", "replace", "rename"] if isinstance(parent, dict) else ["delete", "replace"]))
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = data.draw(values, label="new value")
    else:
        new_key = data.draw(st.sampled_from(FIELD_NAMES) | st.text(min_size=1, max_size=8), label="new key")
        parent[new_key] = parent.pop(last)
    return record


def present(records: RecordSet | None, relative: str) -> bool:
    """Whether the record of file `relative` made it into the record set."""
    if records is None:
        return False
    kind = relative.split("/")[0]
    if kind == "site.yml":
        return True
    if kind in {"pricing.yml", "contact.yml"}:
        return getattr(records, kind.removesuffix(".yml")) is not None
    record_id = Path(relative).stem
    return any(record.id == record_id for record in getattr(records, kind))


def check_with(folder: Path, lines: dict[str, int], relative: str, raw: bytes) -> None:
    """Validate with `relative` replaced by `raw`: no exception, and every problem placed in a real file."""
    path = folder / relative
    path.write_bytes(raw)
    try:
        result = validate(folder, AS_OF)
    finally:
        path.write_text(VALID[relative], encoding="utf-8")
    lines = {**lines, display_path(path): len(raw.decode("utf-8", "replace").splitlines())}
    for problem in result.problems:
        assert problem.file in lines, problem
        assert problem.severity in {"error", "warning"}
        assert problem.message
        assert 1 <= problem.line <= lines[problem.file] + 1, problem  # +1: the end of a file without a last newline
        assert problem.col >= 1, problem
    if not present(result.records, relative):
        # Content never goes quietly missing: a record that did not load has an error saying why.
        assert any(p.file == display_path(path) and p.severity == "error" for p in result.problems), result.problems


@FAST
@given(data=st.data())
def test_structurally_mutated_records_never_crash(folder: Path, lines: dict[str, int], parsed: dict[str, Any], data: st.DataObject) -> None:
    relative = data.draw(st.sampled_from(sorted(VALID)), label="file")
    record = mutate(parsed[relative], data)
    text = yaml.dump(record, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=60)
    check_with(folder, lines, relative, text.encode("utf-8"))


@FAST
@given(data=st.data())
def test_textually_mutated_records_never_crash(folder: Path, lines: dict[str, int], data: st.DataObject) -> None:
    relative = data.draw(st.sampled_from(sorted(VALID)), label="file")
    raw = VALID[relative].encode("utf-8")
    at = data.draw(st.integers(min_value=0, max_value=len(raw)), label="at")
    action = data.draw(st.sampled_from(["truncate", "insert text", "insert bytes", "insert YAML"]))
    if action == "truncate":
        raw = raw[:at]
    elif action == "insert text":
        raw = raw[:at] + data.draw(st.text(min_size=1, max_size=10), label="text").encode("utf-8") + raw[at:]
    elif action == "insert bytes":
        raw = raw[:at] + data.draw(st.binary(min_size=1, max_size=4), label="bytes") + raw[at:]
    else:
        piece = data.draw(st.sampled_from(YAML_PIECES), label="piece")
        raw = raw[:at] + piece.encode("utf-8") + raw[at:]
    check_with(folder, lines, relative, raw)
