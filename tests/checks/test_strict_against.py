"""check --strict --against REF fails for what the change did, not for what the date or other files did."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import Repo, make_repo
from trustpages.cli import main

TODAY = "2027-06-01"  # months on: warnings from the date alone (an incident still open, a quarter not measured)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    return repo


def test_a_typo_fix_in_pricing_passes_while_another_record_is_late(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "content", "--strict", "--as-of", TODAY])
    before = capsys.readouterr().out
    assert code == 1 and "warning" in before  # today's date makes warnings of other records (e.g. a late postmortem)
    pricing = repo.content / "pricing.yml"
    pricing.write_text(pricing.read_text().replace("Cancel", "Cancel", 1) + "\n")
    code = main(["check", "content", "--strict", "--as-of", TODAY, "--against", "HEAD"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "warning" in out  # still reported, so the site shows them and the pull request sees them


def test_a_warning_in_a_touched_file_still_fails(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "content", "--strict", "--as-of", TODAY])
    warned = {line.split(":")[0] for line in capsys.readouterr().out.splitlines() if ": warning: " in line}
    assert warned
    touched = repo.root / sorted(warned)[0]
    touched.write_text(touched.read_text() + "\n")
    assert main(["check", "content", "--strict", "--as-of", TODAY, "--against", "HEAD"]) == 1
