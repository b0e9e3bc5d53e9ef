"""The pipeline's steps: validate, history, numbers, the record's events, render, open data, feed links, each once."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import AS_OF, Content
from trustpages import metrics, strings, timeline
from trustpages.numbers import Numbers
from trustpages.pipeline import build_site, make_site
from trustpages.render import STYLESHEET
from trustpages.strings import Strings
from trustpages.timeline import events


class Calls:
    """How many times each patched function ran."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.count: dict[str, int] = {}

    def watch(self, owner: object, name: str, original: Callable[..., Any] | None = None, *, as_name: str | None = None) -> None:
        function = original or getattr(owner, name)
        label = as_name or name

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count[label] = self.count.get(label, 0) + 1
            return function(*args, **kwargs)

        self.monkeypatch.setattr(owner, name, counted)


def _example_project(project: Path) -> Path:
    """The example site with an mkdocs.yml as `mkdocs build` reads it, pinned to AS_OF."""
    (project / "mkdocs.yml").write_text(
        "site_name: Tallyhouse\ndocs_dir: site_src\nsite_dir: site\ntheme:\n  name: material\n  font: false\n"
        f"plugins:\n  - search\n  - trustpages:\n      content_dir: content\n      as_of: '{AS_OF}'\n",
        encoding="utf-8",
    )
    return project / "mkdocs.yml"


def test_a_whole_mkdocs_build_works_out_each_step_once(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Calls(monkeypatch)
    calls.watch(metrics, "summarise")
    monkeypatch.setattr(strings, "_MERGED", {})  # strings another test loaded count as loaded before this build
    calls.watch(strings, "_merged")
    record = events.record
    calls.watch(events, "record", record)  # the feeds' way to it
    calls.watch(timeline, "record", record)  # the pipeline's
    build(load_config(str(_example_project(project))))
    assert (project / "site" / "index.html").is_file() and (project / "site" / "api" / "v1" / "summary.json").is_file()
    assert calls.count == {"summarise": 1, "_merged": 1, "record": 1}


def test_pages_open_data_and_badges_read_the_one_set_of_numbers(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    # The headline numbers, made up: every output that shows the kept rate must show this one.
    summarise = metrics.summarise

    def made_up(records: Any, as_of: Any) -> metrics.Summary:
        real = summarise(records, as_of)
        return dataclasses.replace(real, milestones=metrics.PromiseTally({**real.milestones.counts, "kept": 1, "broken": 7, "overdue": 0}))

    monkeypatch.setattr(metrics, "summarise", made_up)
    built = build_site(content(), AS_OF, history=False)
    assert built.output is not None
    summary = json.loads(built.output.assets["api/v1/summary.json"])
    assert summary["promise_kept_rate"] == pytest.approx(1 / (1 + 7 + summary["milestones"]["partly_kept"]))
    shown = f"{round(summary['promise_kept_rate'] * 100)}%"
    assert json.loads(built.output.assets["api/v1/metrics.json"])["promise_kept_rate"] == summary["promise_kept_rate"]
    assert f"promises kept: {shown}" in built.output.assets["badges/promises-kept.svg"].decode()
    assert shown in built.output.pages["index.md"]


def test_bad_records_stop_at_validation_with_nothing_made(content: Content) -> None:
    built = build_site(content({"commitments/export-all-data.yml": "title: [unclosed\n"}), AS_OF, history=False)
    assert built.errors and built.output is None and built.records is None and built.alternates == ()


def test_the_site_is_its_pages_the_stylesheet_and_the_open_data(content: Content) -> None:
    folder = content()
    built = build_site(folder, AS_OF, history=False)
    assert built.output is not None and built.records is not None
    assert built.history is None  # history=False: git is not read
    numbers = Numbers.of(built.records, AS_OF)
    from trustpages import opendata

    published = opendata.publish(numbers, Strings.for_site("en"))
    assert {path: data for path, data in built.output.assets.items() if path != STYLESHEET} == published
    assert "index.md" in built.output.pages and "api/v1/summary.json" not in built.output.pages
    assert [link.path for link in built.alternates] == ["feeds/all.xml", "feeds/all.json"]
    assert make_site(built.records, AS_OF) == built.output  # the steps after validation, as a library call


def test_the_strings_given_are_the_ones_every_output_says(content: Content) -> None:
    folder = content()
    built = build_site(folder, AS_OF, history=False)
    assert built.records is not None
    english = Strings.for_site("en")
    own = Strings({**english.as_mapping(), "none_yet": "nothing yet", "badges": {**english.table("badges"), "status": "how we are"}})
    output = make_site(built.records, AS_OF, strings=own)
    assert "how we are" in output.assets["badges/status.svg"].decode()
