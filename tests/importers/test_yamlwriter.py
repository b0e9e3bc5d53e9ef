"""The YAML writer: stable field order, block style, quotes only where needed, and exact round trips."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from trustpages.importers.yamlwriter import incident_yaml, scalar
from trustpages.records import Incident, IncidentUpdate
from trustpages.records.common import Line, Text
from trustpages.yamlsource import read

START = datetime(2026, 3, 4, 9, 12, tzinfo=UTC)


def read_back(tmp_path: Path, text: str) -> Incident:
    path = tmp_path / "2026-03-04-x.yml"
    path.write_text(text, encoding="utf-8")
    return Incident.model_validate({**read(path).value, "id": "2026-03-04-x"})


def test_fields_in_design_order_with_comments() -> None:
    incident = Incident(
        title="Some customers could not log in",
        impact="major",
        started=START,
        resolved=datetime(2026, 3, 4, 10, 5, tzinfo=UTC),
        affected=("login", "api"),
        summary="About 1 in 5 login attempts failed.",
        updates=(IncidentUpdate(at=datetime(2026, 3, 4, 9, 20, tzinfo=UTC), status="investigating", body="Looking.\n\nMore soon.\n"),),
        cause="An expired certificate.",
        remedy="One day of credit.",
    )
    text = incident_yaml(incident, ["Imported from X"], {"started": "Why this start.", "updates[0]": "About this update."})
    assert text == (
        "# Imported from X\n"
        "title: Some customers could not log in\n"
        "impact: major\n"
        "# Why this start.\n"
        "started: 2026-03-04T09:12:00Z\n"
        "resolved: 2026-03-04T10:05:00Z\n"
        "affected: [login, api]\n"
        "summary: About 1 in 5 login attempts failed.\n"
        "updates:\n"
        "  # About this update.\n"
        "  - at: 2026-03-04T09:20:00Z\n"
        "    status: investigating\n"
        "    body: |\n"
        "      Looking.\n"
        "\n"
        "      More soon.\n"
        "cause: An expired certificate.\n"
        "remedy: One day of credit.\n"
    )


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain words", "plain words"),
        ("Incident on 2020-11-18 23:02 UTC", "Incident on 2020-11-18 23:02 UTC"),
        ("yes", "'yes'"),  # a boolean to YAML 1.1
        ("on", "'on'"),
        ("2026-03-04", "'2026-03-04'"),  # a date to YAML 1.1
        ("12", "'12'"),
        ("1e5", '"1e5"'),  # a number to YAML 1.2 only
        ("null", "'null'"),
        ("a: b", "'a: b'"),
        ("#hashtag", "'#hashtag'"),
        ("it's", "it's"),
        ("", "''"),
    ],
)
def test_scalars_are_quoted_only_when_needed(text: str, written: str) -> None:
    assert scalar(text) == written
    assert yaml.safe_load(f"k: {written}") == {"k": text}  # YAML 1.1 reads it back as the same text


# Any text a record may hold: control characters (but tabs and line breaks) and bidi controls are refused by the models.
_REFUSED = "".join(map(chr, (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))))


def _accepted(kind: object) -> st.SearchStrategy[str]:
    adapter = TypeAdapter(kind)

    def valid(text: str) -> bool:
        try:
            adapter.validate_python(text)
        except ValidationError:
            return False
        return True

    return st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=_REFUSED), min_size=1, max_size=60).filter(valid)


_TEXT = _accepted(Text)
_LINE = _accepted(Line)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_LINE, summary=_TEXT, body=_TEXT)
def test_any_text_reads_back_exactly(tmp_path: Path, title: str, summary: str, body: str) -> None:
    incident = Incident(
        id="2026-03-04-x",
        title=title,
        impact="minor",
        started=START,
        summary=summary,
        updates=(IncidentUpdate(at=START, status="update", body=body),),
    )
    text = incident_yaml(incident)
    assert read_back(tmp_path, text) == incident
    assert yaml.safe_load(text)["title"] == title  # and other YAML tools agree
