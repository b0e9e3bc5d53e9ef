"""The examples `trustpages init` writes: `check --strict` fails while any is left; deleting one is never a vanished record."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.test_placeholders import own_values
from tests.gitrepo import Repo
from trustpages.checks.examples import is_example
from trustpages.cli import main
from trustpages.scaffold import default_name

TODAY = "2026-11-23"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Repo:
    """A site from `trustpages init`, committed as its first publish, as the working folder."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "site", "--date", TODAY, "--no-git"]) == 0
    monkeypatch.chdir(tmp_path / "site")
    capsys.readouterr()
    repo = Repo(tmp_path / "site")
    repo.git("init", "-q", "-b", "main")
    repo.commit("The site as init wrote it", day=TODAY)
    return repo


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--as-of", TODAY, *args])
    return code, capsys.readouterr().out


def test_examples_pass_check_but_not_check_strict(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    message = (
        "content/commitments/example-export-all-your-data.yml:5:1: warning: 6 example records are still in content/: replace or delete them"
    )
    code, out = check(capsys)
    assert code == 0 and out.startswith(message + " (")
    code, out = check(capsys, "--strict")
    assert code == 1 and out.startswith(message + " (")


def test_deleting_the_examples_is_never_a_vanished_record(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    own_values(site.content, default_name())  # the placeholders, replaced and published first
    site.commit("Our own contact details and prices", day=TODAY)
    examples = [path for path in (site.content).rglob("*.yml") if is_example(path.stem)]
    assert len(examples) == 6
    for path in examples:
        path.unlink()
    contact = site.content / "contact.yml"
    contact.write_text(
        "".join(line for line in contact.read_text(encoding="utf-8").splitlines(keepends=True) if "response_promise" not in line),
        encoding="utf-8",
    )
    assert check(capsys, "--strict", "--against", "HEAD") == (0, "content: no problems found\n")


def test_a_deleted_record_that_is_not_an_example_still_vanishes(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    (site.content / "commitments" / "example-export-all-your-data.yml").rename(site.content / "commitments" / "export-all-your-data.yml")
    incident = next((site.content / "incidents").glob("*.yml"))
    incident.write_text(incident.read_text(encoding="utf-8").replace("example-export", "export"), encoding="utf-8")
    site.commit("A real promise", day=TODAY)
    (site.content / "commitments" / "export-all-your-data.yml").unlink()
    incident.write_text(incident.read_text(encoding="utf-8").replace("follow_ups: [export-all-your-data]", ""), encoding="utf-8")
    code, out = check(capsys, "--against", "HEAD")
    assert code == 1
    assert "commitment 'export-all-your-data' was published at HEAD and is missing now" in out


@pytest.mark.parametrize(
    ("id", "example"),
    [
        ("example-export-all-your-data", True),
        ("2026-11-22-example-some-logins-failed", True),
        ("export-all-your-data", False),
        ("2026-11-22-an-example-of-a-mistake", False),
        ("examples-of-good-service", False),
    ],
)
def test_an_example_is_named_so(id: str, example: bool) -> None:
    assert is_example(id) is example
