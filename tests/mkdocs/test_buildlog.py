"""What a build says about the record's history, and reading the public log `trustpages publish` hands it."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from trustpages.history import History, SkippedCommit
from trustpages.mkdocs import buildlog
from trustpages.publiclog import served

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def said(caplog: pytest.LogCaptureFixture, history: History) -> list[tuple[int, str]]:
    """What say_history logs, as (level, message); MkDocs' plugin logger starts each message with the plugin's name."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger=buildlog.log.name):
        buildlog.say_history(history)
    return [(record.levelno, record.getMessage()) for record in caplog.records]


def test_a_shallow_clone_is_told_how_to_get_the_full_history(caplog: pytest.LogCaptureFixture) -> None:
    assert said(caplog, History(is_shallow=True)) == [
        (logging.INFO, "trustpages: record history is incomplete: this is a shallow clone; build with full history (fetch-depth: 0)")
    ]


def test_git_failing_in_a_repository_warns_but_building_outside_one_only_informs(caplog: pytest.LogCaptureFixture) -> None:
    # A warning fails `mkdocs build --strict`: right for a broken repository, wrong for a folder that is none.
    broken = History(available=False, reason="git_error", detail="fatal: detected dubious ownership")
    outside = History(available=False, reason="outside_repository", detail="not a git repository")
    assert said(caplog, broken) == [(logging.WARNING, "trustpages: record history not available: fatal: detected dubious ownership")]
    assert said(caplog, outside) == [(logging.INFO, "trustpages: record history not available: not a git repository")]


def test_a_full_history_says_nothing_but_each_commit_left_out(caplog: pytest.LogCaptureFixture) -> None:
    assert said(caplog, History()) == []
    odd = SkippedCommit("a" * 40, "10000-01-01T00:00:00+00:00")
    [(level, message)] = said(caplog, History(skipped=(odd,)))
    assert level == logging.INFO and message.startswith("trustpages: record history leaves out commit aaaaaaaaaaaa: its date '10000-01-01")


def test_no_public_log_unless_publish_hands_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(served.LOG_FOLDER, raising=False)
    assert buildlog.published_log() is None


def test_a_damaged_public_log_stops_the_build_with_a_plain_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(served.LOG_FOLDER, str(tmp_path))  # a folder without the log's files
    with pytest.raises(PluginError, match=r"^trustpages: the public log to publish cannot be read: "):
        buildlog.published_log()
