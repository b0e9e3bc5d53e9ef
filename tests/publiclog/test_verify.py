"""`trustpages verify`: a reader's saved checkpoint against what the site serves later: forks, cuts and edits are caught."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.webserver import serving_folder
from trustpages.cli import main
from trustpages.publiclog.log import Entry, Log


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "served"
    folder.mkdir()
    with serving_folder(folder) as url:
        yield url, folder


def policy(name: str, value: int, time: str, replaces: int | None = None) -> Entry:
    return Entry("site", "", f"policies.{name}", f"policies.{name}", value, time, "c" * 40, replaces)


def serve(log: Log, folder: Path) -> None:
    for name, data in log.files().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def first_log() -> Log:
    log = Log()
    for n, name in enumerate(["price_change_notice_days", "postmortem_within_days", "first_update_within_minutes"]):
        log.append(policy(name, 30 + n, "2026-01-01T10:00:00Z"))
    log.checkpoint("2026-01-01T10:00:00Z", first_publication=True)
    return log


def verify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["verify", *args])
    return code, capsys.readouterr().out


@pytest.fixture
def saved(served: tuple[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    url, folder = served
    serve(first_log(), folder)
    checkpoint = tmp_path / "checkpoint.json"
    code, out = verify(capsys, url, "--save", str(checkpoint))
    assert code == 0, out
    return checkpoint


def test_an_honest_extension_verifies_and_says_what_changed(
    served: tuple[str, Path], saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, folder = served
    log = first_log()
    log.append(policy("price_change_notice_days", 7, "2026-02-01T10:00:00Z", replaces=0))
    log.append(
        Entry(
            "site", "", "corrections#x", "corrections.1", {"field": "policies.price_change_notice_days"}, "2026-02-01T10:00:00Z", "d" * 40
        )
    )
    log.checkpoint("2026-02-01T10:00:00Z")
    serve(log, folder)
    assert (folder / "log" / "proofs" / "3.json").is_file()
    code, out = verify(capsys, url, "--since", str(saved))
    assert code == 0, out
    assert "corrected site '' policies.price_change_notice_days: was '30', now '7'" in out
    assert "published 1 new fact(s) of site" in out


def test_a_forked_log_of_the_same_size_fails(served: tuple[str, Path], saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, folder = served
    log = Log()
    for n, name in enumerate(["price_change_notice_days", "postmortem_within_days", "first_update_within_minutes"]):
        log.append(policy(name, 7 if n == 0 else 30 + n, "2026-01-01T10:00:00Z"))
    log.checkpoint("2026-01-01T10:00:00Z", first_publication=True)
    serve(log, folder)
    code, out = verify(capsys, url, "--since", str(saved))
    assert code == 1 and "the log was rewritten or forked since" in out


def test_a_shorter_log_fails(served: tuple[str, Path], saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, folder = served
    log = first_log()
    log.entries, log.leaves, log.checkpoints = log.entries[:2], log.leaves[:2], []
    log.checkpoint("2026-03-01T10:00:00Z", first_publication=True)
    serve(log, folder)
    code, out = verify(capsys, url, "--since", str(saved))
    assert code == 1 and "fewer than the 3 of your checkpoint" in out


def test_an_edited_entry_fails_even_without_a_saved_checkpoint(served: tuple[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    url, folder = served
    serve(first_log(), folder)
    entries = folder / "log" / "entries.jsonl"
    entries.write_text(entries.read_text().replace('"value":30', '"value":7'))
    code, out = verify(capsys, url)
    assert code == 1 and "does not match the entries: the log was rewritten" in out


def test_a_bad_proof_served_by_the_site_fails(served: tuple[str, Path], saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, folder = served
    log = first_log()
    log.append(policy("postmortem_within_days", 14, "2026-02-01T10:00:00Z", replaces=1))
    log.checkpoint("2026-02-01T10:00:00Z")
    serve(log, folder)
    proof = folder / "log" / "proofs" / "3.json"
    data = json.loads(proof.read_text())
    data["proof"] = ["00" * 32 for _ in data["proof"]]
    proof.write_text(json.dumps(data))
    code, out = verify(capsys, url, "--since", str(saved))
    assert code == 1 and "consistency proof from 3 facts does not verify" in out


def test_an_unreachable_site_is_not_verified(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = verify(capsys, "http://127.0.0.1:9/")
    assert code == 1 and out.startswith("NOT VERIFIED:")
