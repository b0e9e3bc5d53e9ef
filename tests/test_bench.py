"""`make bench` keeps working: its synthetic content is valid, and a small run times every stage on equal sites."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO
from trustpages.validate import validate


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "bench"))  # spawned processes get this sys.path too
    return importlib.import_module("run")


def test_synthetic_content_is_valid_and_has_every_kind_of_record(tmp_path: Path, bench: ModuleType) -> None:
    content = tmp_path / "content"
    bench.synthesise(content, 200, 0)
    result = validate(content, bench.AS_OF)
    assert result.problems == []
    records = result.records
    assert records is not None
    assert (len(records.commitments), len(records.incidents), len(records.mistakes)) == (80, 90, 20)
    # Some write-ups carry Markdown beyond paragraphs and headings, so the bench times the parser too.
    assert any(incident.postmortem and "\n- " in incident.postmortem for incident in records.incidents)


def test_a_small_run_times_every_stage_and_both_builds_make_the_same_files(bench: ModuleType) -> None:
    row = bench.measure(20, 1, 0)
    assert row["site_differences"] == []
    assert row["pages"] > 20
    assert set(row["stages"]) == {stage.name for stage in bench.STAGES}
    assert all(times["cpu_seconds"] > 0 for times in row["stages"].values())
    assert "1 of" in row["stages"]["serve rebuild"]["note"]  # one saved record, one page rendered again
    assert set(row["ratios"]) == {ratio.name for ratio in bench.RATIOS}
    assert 0 < row["weight"]["home_html_bytes"] < row["weight"]["home_first_paint_bytes"]
    assert 0 < row["weight"]["search_index_bytes"] < 1_000_000


def test_synthetic_content_can_keep_incidents_open_for_the_home_page_bench(tmp_path: Path, bench: ModuleType) -> None:
    from trustpages.metrics import open_incidents

    bench.synthesise(tmp_path / "content", 200, 0, open_incidents=30)
    result = validate(tmp_path / "content", bench.AS_OF)
    assert result.errors == [] and result.records is not None
    assert len(open_incidents(result.records)) >= 30


def test_the_timeline_bench_reports_the_record_pages_of_its_synthetic_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    line = importlib.import_module("timeline").measure(60, 1)
    found = re.fullmatch(r"60 records: ([\d,]+) events on (\d+) /record/ pages \(first \d+ KiB, .*\); deriving the events .* CPU", line)
    assert found is not None, line
    assert int(found.group(1).replace(",", "")) > 60 and int(found.group(2)) >= 2  # every event of the record; a page per filter at least
