"""publiclog/served: `trustpages publish` hands its log to the build through a folder named in the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustpages.publiclog import served
from trustpages.publiclog.log import CHECKPOINTS, ENTRIES, Entry, Log, LogError

TIME = "2026-12-06T21:40:00Z"


def _log() -> Log:
    log = Log()
    log.append(Entry("incident", "2026-03-04-login", "impact", "impact", "major", TIME, "abc123"))
    log.checkpoint(TIME, first_publication=True)
    log.append(Entry("incident", "2026-03-04-login", "impact", "impact", "minor", TIME, "def456", replaces=0))
    log.checkpoint(TIME)
    return log


def test_a_build_outside_publish_has_no_log(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(served.LOG_FOLDER, raising=False)
    assert served.read_folder() is None
    monkeypatch.setenv(served.LOG_FOLDER, "")
    assert served.read_folder() is None


def test_the_log_written_is_the_log_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _log()
    served.write_folder(log, tmp_path / "handed")
    assert sorted(p.relative_to(tmp_path / "handed").as_posix() for p in (tmp_path / "handed").rglob("*") if p.is_file()) == sorted(
        [ENTRIES, CHECKPOINTS]
    )  # only what the build needs to extend the served files
    monkeypatch.setenv(served.LOG_FOLDER, str(tmp_path / "handed"))
    read = served.read_folder()
    assert read is not None
    assert read.entries == log.entries
    assert read.checkpoints == log.checkpoints
    assert read.files() == log.files()


def test_a_rewritten_entry_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served.write_folder(_log(), tmp_path)
    entries = tmp_path / ENTRIES
    entries.write_bytes(entries.read_bytes().replace(b'"major"', b'"minor"'))
    monkeypatch.setenv(served.LOG_FOLDER, str(tmp_path))
    with pytest.raises(LogError, match="does not match the entries: the log was rewritten"):
        served.read_folder()
