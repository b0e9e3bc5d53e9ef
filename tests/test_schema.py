"""The JSON Schemas and the models agree: on the example content, on valid records and on bad ones."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tests.conftest import INCIDENT, MISTAKE, REPO, VALID, Content, human, replaced
from trustpages import kinds, schema
from trustpages.cli import main
from trustpages.loader import load
from trustpages.yamlsource import read

EXAMPLE = REPO / "content"
EXAMPLE_FILES = sorted(EXAMPLE.rglob("*.yml")) if EXAMPLE.is_dir() else []
TYPES = ["commitment", "contact", "data", "incident", "metric", "mistake", "pricing", "site", "survey", "withdrawn"]


def kind_of(relative: Path) -> str:
    """The record type of a file inside a content folder, by where it is."""
    found = kinds.by_file(relative.name) if len(relative.parts) == 1 else kinds.by_folder(relative.parts[0])
    assert found is not None
    return found.name


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema.schema(kind), format_checker=FormatChecker())


def schema_errors(kind: str, value: Any) -> list[str]:
    return sorted(error.message for error in validator(kind).iter_errors(value))


def test_schema_out_writes_one_file_per_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", str(tmp_path / "schemas")]) == 0
    written = sorted(path.name for path in (tmp_path / "schemas").iterdir())
    assert written == [f"{kind}.schema.json" for kind in TYPES]
    assert sorted(Path(line).name for line in capsys.readouterr().out.splitlines()) == written
    for kind in TYPES:
        body = json.loads((tmp_path / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(body)
        assert body["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert body["$id"] == f"{kind}.schema.json"
        assert body == schema.schema(kind)


def test_schema_without_out_prints_every_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)) == TYPES


def test_ids_come_from_file_names_so_records_have_no_id_property() -> None:
    for kind in ["commitment", "incident", "mistake", "metric"]:
        text = json.dumps(schema.schema(kind))
        assert '"id"' not in text.replace('"$id"', ""), kind
    # ...but components and withdrawals do name ids.
    assert "id" in schema.schema("site")["$defs"]["Component"]["required"]
    assert "id" in schema.schema("withdrawn")["$defs"]["Withdrawal"]["required"]


@pytest.mark.parametrize("relative", sorted(VALID))
def test_valid_records_match_their_schema(relative: str, tmp_path: Path) -> None:
    path = tmp_path / "record.yml"
    path.write_text(VALID[relative], encoding="utf-8")
    assert schema_errors(kind_of(Path(relative)), read(path).value) == []


# The example content of the repository: every file matches its schema and loads cleanly.


@pytest.fixture(scope="module")
def example_problems() -> dict[Path, list[str]]:
    loaded = load(EXAMPLE)
    found: dict[Path, list[str]] = {}
    for problem in loaded.problems:
        found.setdefault(Path(problem.file).resolve(), []).append(problem.human())
    return found


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: str(path.relative_to(EXAMPLE)))
def test_example_file_matches_its_schema(path: Path) -> None:
    assert schema_errors(kind_of(path.relative_to(EXAMPLE)), read(path).value) == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: str(path.relative_to(EXAMPLE)))
def test_example_file_is_accepted_by_the_models(path: Path, example_problems: dict[Path, list[str]]) -> None:
    assert example_problems.get(path.resolve(), []) == []


def test_example_content_exists_and_passes_every_check() -> None:
    if not EXAMPLE.is_dir():
        pytest.skip("content/ is not written yet")
    loaded = load(EXAMPLE)
    assert loaded.records is not None
    assert [problem.human() for problem in loaded.problems if problem.severity == "error"] == []


# Bad records: the schema (what an editor shows) and the models (what check says) both refuse them.

MISTAKE_FILE = f"content/{MISTAKE}"
INCIDENT_FILE = f"content/{INCIDENT}"

BAD_RECORDS = {
    "unknown-field": (
        replaced(INCIDENT, "remedy:", "remdy:"),
        "incident",
        ["Additional properties are not allowed ('remdy' was unexpected)"],
        f"{INCIDENT_FILE}:15:1: error: unknown field 'remdy' (did you mean 'remedy'?)",
    ),
    "missing-field": (
        replaced(MISTAKE, "apology: We are sorry. We refunded every extra charge within two days.\n", ""),
        "mistake",
        ["'apology' is a required property"],
        f"{MISTAKE_FILE}:1:1: error: 'apology' is missing (add apology: A real apology: say 'we' and 'sorry'.)",
    ),
    "wrong-enum": (
        replaced(INCIDENT, "impact: major", "impact: severe"),
        "incident",
        ["'severe' is not one of ['none', 'minor', 'partial', 'major', 'critical', 'maintenance']"],
        f"{INCIDENT_FILE}:2:9: error: impact: expected one of none, minor, partial, major, critical, maintenance; got 'severe'",
    ),
    "impossible-date": (
        replaced(MISTAKE, "on: 2026-05-02", "on: 2026-02-30"),
        "mistake",
        ["'2026-02-30' is not a 'date'"],
        f"{MISTAKE_FILE}:2:5: error: on: 2026-02-30 is not a real date",
    ),
    "number-for-text": (
        replaced(MISTAKE, "title: We charged some customers twice in May", "title: 404"),
        "mistake",
        ["404 is not of type 'string'"],
        f"{MISTAKE_FILE}:1:8: error: title: expected text; got the number 404 (put the value in quotes)",
    ),
    "negative-price": (
        replaced("pricing.yml", "price: 2,", "price: -2,"),
        "pricing",
        ["-2 is less than the minimum of 0"],
        "content/pricing.yml:7:34: error: fees[1].price: cannot be negative; got -2",
    ),
    "no-channels": (
        {"contact.yml": "channels: []\n"},
        "contact",
        ["[] should be non-empty"],
        "content/contact.yml:1:11: error: channels: needs at least one item",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_RECORDS))
def test_bad_record_is_refused_by_schema_and_model(name: str, content: Content) -> None:
    changes, kind, schema_says, check_says = BAD_RECORDS[name]
    folder = content(changes)
    [(relative, _)] = changes.items()
    assert schema_errors(kind, read(folder / relative).value) == schema_says
    assert human(folder, date(2026, 7, 1)) == [check_says]


def test_schema_refuses_ids_and_addresses_the_models_refuse() -> None:
    assert schema_errors("mistake", {**_mistake(), "related": ["Not An Id"]}) != []
    assert schema_errors("site", {"name": "X", "url": "ftp://x.example"}) != []


def _mistake() -> dict[str, Any]:
    return {
        "title": "t",
        "on": "2026-05-02",
        "what_happened": "x",
        "who_was_affected": "x",
        "why": "x",
        "what_we_changed": "x",
        "apology": "x",
    }
