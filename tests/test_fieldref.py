"""The field reference and JSON Schemas: generated from the models, complete, and checked in current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from tests.conftest import REPO
from trustpages import fieldref, schema
from trustpages.cli import main
from trustpages.commands.docs import expected
from trustpages.records import (
    Channel,
    Component,
    Contact,
    Fee,
    Incident,
    IncidentUpdate,
    Measurement,
    MetricSeries,
    Milestone,
    Mistake,
    Plan,
    Point,
    Policies,
    PriceChange,
    Pricing,
    Security,
    Site,
    Standing,
    StatusUpdate,
    Withdrawal,
)
from trustpages.records.site import LanguageRules

MODELS: list[type[BaseModel]] = [
    Site, Component, Policies, LanguageRules, Milestone, Standing, StatusUpdate, Measurement, Incident, IncidentUpdate,
    Mistake, Pricing, Plan, Fee, PriceChange, Contact, Channel, Security, MetricSeries, Point, Withdrawal,
]  # fmt: skip


def written_fields(model: type[BaseModel]) -> list[tuple[str, str]]:
    """(name as written in YAML, description) of every field a person writes."""
    return [
        (field.alias or name, field.description or "") for name, field in model.model_fields.items() if not (name == "id" and field.exclude)
    ]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_checked_in_reference_and_schemas_are_current() -> None:
    stale = [
        str(path.relative_to(REPO))
        for path, text in expected(REPO / "docs" / "records.md", REPO / "schemas").items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run `make docs` (trustpages docs) and commit the result"


def test_the_example_content_points_at_schemas_that_exist() -> None:
    for path in sorted((REPO / "content").rglob("*.yml")):
        found = re.match(r"# yaml-language-server: \$schema=(\S+)\n", path.read_text(encoding="utf-8"))
        assert found, path
        assert (path.parent / found.group(1)).resolve().is_file(), path


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_has_a_description_and_is_in_the_reference(model: type[BaseModel]) -> None:
    text = fieldref.reference()
    for name, description in written_fields(model):
        assert description, f"{model.__name__}.{name} has no description"
        assert description.rstrip()[-1] in ".?}", f"{model.__name__}.{name}: end the description with a full stop"
        assert f"| `{name}` |" in text and description in text, f"{model.__name__}.{name}"


def test_the_reference_follows_the_design_order() -> None:
    headings = re.findall(r"^## (.+)$", fieldref.reference(), re.MULTILINE)
    assert headings == [
        "Once published: add, correct in public, never rewrite",
        "Site",
        "Commitments",
        "Incidents",
        "Mistakes",
        "Pricing",
        "Contact",
        "Metrics",
        "Trust surveys",
        "Your data",
        "Withdrawn records",
    ]
    incident = fieldref.reference().split("## Incidents")[1].split("###")[0]
    assert re.findall(r"^\| `(\w+)` \|", incident, re.MULTILINE) == [name for name, _ in written_fields(Incident)]


def test_the_reference_row_of_a_field() -> None:
    text = fieldref.reference()
    assert (
        "| `impact` | yes | How bad it was for customers: none; minor (slower, but everything works); partial (a feature or platform "
        "does not work, the rest does); major (many customers cannot use a main part); critical (down for everyone); or maintenance "
        "(planned work), e.g. major. | one of: `none`, `minor`, `partial`, `major`, `critical`, `maintenance` |" in text
    )
    assert "| `started` | no | " in text
    assert "| `price_change_notice_days` | no (default: `30`) |" in text
    assert "| `from` | yes | Price before the change, e.g. 10. | amount (0 or more) |" in text  # the alias, not from_


@pytest.mark.parametrize(
    ("model", "field", "words"),
    [
        (Mistake, "on", "date, like 2026-03-04"),
        (Incident, "started", "moment, like 2026-03-04T09:12 (in site.yml's time zone) or 2026-03-04T09:12:00Z"),
        (Incident, "affected", "list of ids (lowercase letters, digits, dashes)"),
        (Incident, "updates", "list; each item as below"),
        (StatusUpdate, "evidence", "list of web addresses (https://…)"),
        (Measurement, "actual", "short text or number"),
        (Measurement, "met", "true or false"),
        (Point, "n", "whole number (0 or more)"),
        (Site, "timezone", "time zone, like Europe/Berlin or UTC"),
        (Site, "policies", "fields, as below"),
        (Pricing, "currency", "three capital letters, like EUR"),
        (LanguageRules, "jargon", "mapping of text to text"),
    ],
)
def test_plain_type(model: type[BaseModel], field: str, words: str) -> None:
    assert fieldref.plain_type(model.model_fields[field]) == words


def test_docs_writes_then_check_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["docs"], capsys)
    assert code == 0
    assert out.splitlines()[0] == "wrote docs/records.md"
    assert len(out.splitlines()) == 1 + len(schema.names())
    assert run(["docs", "--check"], capsys) == (0, "field reference and schemas are up to date\n", "")
    assert run(["docs"], capsys) == (0, "field reference and schemas are up to date\n", "")


def test_docs_check_fails_on_a_stale_file_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    run(["docs"], capsys)
    stale = tmp_path / "docs" / "records.md"
    stale.write_text("old\n", encoding="utf-8")
    (tmp_path / "schemas" / "incident.schema.json").unlink()
    code, out, err = run(["docs", "--check"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "docs/records.md: out of date\nschemas/incident.schema.json: out of date\ntrustpages: run `trustpages docs` and commit the result\n"
    )
    assert stale.read_text(encoding="utf-8") == "old\n"
    assert not (tmp_path / "schemas" / "incident.schema.json").exists()


def test_every_file_names_its_published_facts_from_the_rules_check_applies() -> None:
    from trustpages import kinds

    text = fieldref.reference()
    incident = text.split("## Incidents")[1].split("###")[0]
    assert all(f"`{name}`" in incident.split("Published facts:")[1].split("\n")[0] for name in kinds.kind("incident").facts.all())
    assert text.count("Published facts:") == 10
