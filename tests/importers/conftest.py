"""Shared by the importer tests: the fixtures, a fresh content folder, and the CLI as a person runs it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from trustpages.cli import main
from trustpages.loader import load
from trustpages.records import Incident

REPO = Path(__file__).resolve().parents[2]
STATUSPAGE = REPO / "tests" / "fixtures" / "statuspage" / "github-2020-2021.json"
CSTATE = REPO / "tests" / "fixtures" / "cstate"
SITE = "name: Example Co\nurl: https://trust.example.com\ntimezone: UTC\n"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/content with a minimal site.yml; the working folder is tmp, so output names content/..."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "site.yml").write_text(SITE, encoding="utf-8")
    return folder


def trustpages(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Result:
    """Exit code and output of `trustpages argv`; never a traceback."""
    try:
        code = main([str(arg) for arg in argv])
    except SystemExit as exit:  # argparse's usage errors
        code = exit.code if isinstance(exit.code, int) else 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return Result(code, out, err)


def incidents(folder: Path) -> dict[str, Incident]:
    """The incidents of a content folder as the loader reads them, by id."""
    loaded = load(folder)
    assert loaded.records is not None, loaded.problems
    return {incident.id: incident for incident in loaded.records.incidents}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (dot folders included), for byte-for-byte comparison."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def export(tmp_path: Path, *incidents: dict[str, Any], components: list[dict[str, Any]] | None = None) -> Path:
    """A small Statuspage export file in tmp."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"page": {"id": "p"}, "components": components or [], "incidents": list(incidents)}), encoding="utf-8")
    return path


def statuspage_incident(id: str = "abc123", name: str = "Slow pages", **fields: Any) -> dict[str, Any]:
    """One Statuspage incident as the API shows it; `fields` override."""
    incident: dict[str, Any] = {
        "id": id,
        "name": name,
        "status": "investigating",
        "impact": "minor",
        "created_at": "2021-03-01T10:00:00.123Z",
        "started_at": "2021-03-01T10:00:00.100Z",
        "resolved_at": None,
        "shortlink": f"https://stspg.io/{id}",
        "components": [],
        "incident_updates": [
            {
                "status": "investigating",
                "body": "We are looking into slow pages.",
                "created_at": "2021-03-01T10:00:00.200Z",
                "display_at": "2021-03-01T10:00:00.200Z",
                "affected_components": None,
            }
        ],
    }
    incident.update(fields)
    return incident
