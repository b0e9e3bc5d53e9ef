"""`trustpages check --against REF`: published records may not vanish, promises may not quietly change."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gitrepo import Repo, a_milestone, make_repo
from tests.render.conftest import AS_OF
from trustpages import yamlsource
from trustpages.cli import main

HINT = "list it in content/withdrawn.yml with id, kind, on and reason, or restore the file"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


Check = Callable[..., Result]


@pytest.fixture
def check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Check:
    """`check(repo, *args)` runs `trustpages check content --as-of AS_OF ARGS` in the repository's folder, as CI does."""

    def run(repo: Repo, *args: str) -> Result:
        capsys.readouterr()
        monkeypatch.chdir(repo.root)
        code = main(["check", "content", "--as-of", AS_OF, *args])
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return run


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "repo")


@pytest.fixture
def cid(repo: Repo) -> str:
    return a_milestone(repo.content)


def lines(proc: Result) -> list[str]:
    return proc.stdout.splitlines()


def test_unchanged_content_passes(repo: Repo, check: Check) -> None:
    proc = check(repo, "--against", "HEAD")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_deleted_commitment_is_an_error_naming_it(repo: Repo, cid: str, check: Check) -> None:
    (repo.content / "commitments" / f"{cid}.yml").unlink()
    repo.commit(f"Delete {cid}", "2026-02-01")

    proc = check(repo, "--against", "HEAD~1")

    assert proc.returncode == 1
    assert f"content/commitments/{cid}.yml:1:1: error: commitment '{cid}' was published at HEAD~1 and is missing now ({HINT})" in lines(
        proc
    )


def test_a_deletion_not_yet_committed_is_caught_against_head(repo: Repo, cid: str, check: Check) -> None:
    (repo.content / "commitments" / f"{cid}.yml").unlink()
    proc = check(repo, "--against", "HEAD")
    assert proc.returncode == 1
    assert f"content/commitments/{cid}.yml:1:1: error: commitment '{cid}' was published at HEAD and is missing now ({HINT})" in lines(proc)


def test_the_github_annotation_of_a_vanished_record_names_its_file(repo: Repo, cid: str, check: Check) -> None:
    (repo.content / "commitments" / f"{cid}.yml").unlink()
    proc = check(repo, "--against", "HEAD", "--format", "github")
    assert proc.returncode == 1
    [annotation] = [line for line in lines(proc) if "missing now" in line]
    assert annotation.startswith(f"::error file=content/commitments/{cid}.yml,line=1,col=1,title=trustpages::commitment '{cid}'")


def test_the_error_points_at_withdrawn_yml_when_there_is_one(repo: Repo, cid: str, check: Check) -> None:
    (repo.content / "withdrawn.yml").write_text("[]\n", encoding="utf-8")
    (repo.content / "commitments" / f"{cid}.yml").unlink()
    proc = check(repo, "--against", "HEAD")
    assert f"content/withdrawn.yml:1:1: error: commitment '{cid}' was published at HEAD and is missing now ({HINT})" in lines(proc)


def test_a_deleted_record_listed_in_withdrawn_yml_passes(repo: Repo, cid: str, check: Check) -> None:
    (repo.content / "commitments" / f"{cid}.yml").unlink()
    (repo.content / "withdrawn.yml").write_text(
        f"- id: {cid}\n  kind: commitment\n  on: 2026-02-01\n  reason: We merged it into a broader promise.\n", encoding="utf-8"
    )
    repo.commit(f"Withdraw {cid}", "2026-02-01")

    proc = check(repo, "--against", "HEAD~1")

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "missing now" not in proc.stdout


def test_a_withdrawn_yml_entry_of_another_kind_does_not_count(repo: Repo, cid: str, check: Check) -> None:
    (repo.content / "commitments" / f"{cid}.yml").unlink()
    (repo.content / "withdrawn.yml").write_text(f"- {{id: {cid}, kind: mistake, on: 2026-02-01, reason: Wrong.}}\n", encoding="utf-8")
    proc = check(repo, "--against", "HEAD")
    assert proc.returncode == 1
    assert f"content/withdrawn.yml:1:1: error: commitment '{cid}' was published at HEAD and is missing now ({HINT})" in lines(proc)


def test_a_commitment_withdrawn_by_an_update_passes(repo: Repo, cid: str, check: Check) -> None:
    withdraw = {"on": AS_OF, "status": "withdrawn", "note": "We chose a different way to let you leave."}
    repo.edit(f"commitments/{cid}.yml", lambda record: record.setdefault("updates", []).append(withdraw))
    repo.commit(f"Withdraw {cid}", AS_OF)

    proc = check(repo, "--against", "HEAD~1")

    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_deleting_a_commitment_withdrawn_by_an_update_is_still_an_error(repo: Repo, cid: str, check: Check) -> None:
    withdraw = {"on": AS_OF, "status": "withdrawn", "note": "We chose a different way to let you leave."}
    repo.edit(f"commitments/{cid}.yml", lambda record: record.setdefault("updates", []).append(withdraw))
    repo.commit(f"Withdraw {cid}", AS_OF)
    (repo.content / "commitments" / f"{cid}.yml").unlink()

    proc = check(repo, "--against", "HEAD")

    assert proc.returncode == 1
    assert (
        f"content/commitments/{cid}.yml:1:1: error: commitment '{cid}' was published at HEAD and is missing now "
        f"(it was withdrawn by an update; keep its file so the site shows why) ({HINT})"
    ) in lines(proc)


def test_every_kind_with_an_id_is_protected(repo: Repo, check: Check) -> None:
    gone = sorted(path for folder in ("incidents", "mistakes", "metrics") for path in (repo.content / folder).glob("*.yml"))[:3]
    for path in gone:
        path.unlink()
    proc = check(repo, "--against", "HEAD")
    kinds = {"incidents": "incident", "mistakes": "mistake", "metrics": "metric"}
    for path in gone:
        assert f"{kinds[path.parent.name]} '{path.stem}' was published at HEAD and is missing now" in proc.stdout


def due_of(repo: Repo, cid: str) -> str:
    return yamlsource.read(repo.content / "commitments" / f"{cid}.yml").value["due"]


def test_a_moved_due_date_is_an_error_at_the_field_naming_both_dates(repo: Repo, cid: str, check: Check) -> None:
    old = due_of(repo, cid)
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update(due="2027-12-31"))
    line = next(
        i for i, text in enumerate((repo.content / "commitments" / f"{cid}.yml").read_text().splitlines(), 1) if text.startswith("due:")
    )

    proc = check(repo, "--against", "HEAD")

    assert proc.returncode == 1
    expected = (
        f"content/commitments/{cid}.yml:{line}:6: error: due: published as '{old}' at HEAD, now '2027-12-31' "
        f"(a published fact changes only with a public correction: add corrections: - {{on: {AS_OF}, field: due, why: …}}, "
        "or change it back)"
    )
    assert expected in lines(proc)


def test_a_changed_promise_is_an_error(repo: Repo, cid: str, check: Check) -> None:
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update(promise="Something smaller."))
    proc = check(repo, "--against", "HEAD")
    assert proc.returncode == 1
    assert ", now 'Something smaller.' (" in proc.stdout


def test_a_move_with_a_correction_naming_the_field_passes(repo: Repo, cid: str, check: Check) -> None:
    def move(record: dict) -> None:
        record["due"] = "2027-12-31"
        record["corrections"] = [{"on": AS_OF, "field": "due", "why": "A supplier is late: a year more."}]

    repo.edit(f"commitments/{cid}.yml", move)
    proc = check(repo, "--against", "HEAD", "--strict")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_new_update_with_a_note_no_longer_explains_a_move(repo: Repo, cid: str, check: Check) -> None:
    def move(record: dict) -> None:
        record["due"] = "2027-12-31"
        record.setdefault("updates", []).append({"on": AS_OF, "status": "in_progress", "note": "A supplier is late."})

    repo.edit(f"commitments/{cid}.yml", move)
    proc = check(repo, "--against", "HEAD")
    assert proc.returncode == 1
    assert "error: due: published as " in proc.stdout


def test_an_unknown_ref_is_a_usage_error(repo: Repo, check: Check) -> None:
    proc = check(repo, "--against", "no-such-branch")
    assert proc.returncode == 2
    assert proc.stderr == "trustpages: error: --against no-such-branch: unknown git ref 'no-such-branch' (is it fetched?)\n"
    assert proc.stdout == ""


def test_outside_git_against_is_a_usage_error(tmp_path: Path, check: Check) -> None:
    repo = make_repo(tmp_path / "repo")
    shutil.rmtree(repo.root / ".git")
    proc = check(repo, "--against", "HEAD")
    assert proc.returncode == 2
    assert proc.stderr == f"trustpages: error: --against HEAD: {repo.content.resolve()} is not inside a git repository\n"


def test_a_ref_without_the_content_folder_is_a_usage_error(tmp_path: Path, check: Check) -> None:
    repo = Repo(tmp_path / "repo")
    repo.root.mkdir()
    repo.git("init", "-q")
    (repo.root / "README.md").write_text("Nothing here yet.\n", encoding="utf-8")
    repo.commit("Start", "2026-01-01")
    make_repo(tmp_path / "other")  # just for a copy of the content
    (tmp_path / "other" / "content").rename(repo.content)
    repo.commit("Add the records", "2026-01-02")

    proc = check(repo, "--against", "HEAD~1")

    assert proc.returncode == 2
    assert proc.stderr == "trustpages: error: --against HEAD~1: there was no content folder content/ at HEAD~1\n"


def test_a_site_yml_that_does_not_load_is_not_compared_but_every_other_record_is(repo: Repo, cid: str, check: Check) -> None:
    site = repo.content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("url: ", "url: [", 1), encoding="utf-8")
    repo.edit(f"commitments/{cid}.yml", lambda value: value.update(promise="A quieter promise."))
    result = check(repo, "--against", "HEAD")
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert any(line.startswith("content/site.yml:") for line in errors)  # its own error says why
    assert not any("site.yml" in line and "published as" in line for line in errors)  # not compared with a stand-in
    assert any(line.startswith(f"content/commitments/{cid}.yml:") and "promise: published as" in line for line in errors)
