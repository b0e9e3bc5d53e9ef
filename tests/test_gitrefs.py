"""trustpages.gitrefs: records as they were at a git ref, read without touching the work tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gitrepo import EXAMPLE, a_milestone, make_repo
from trustpages import gitrefs


@pytest.fixture
def repo(tmp_path: Path):
    return make_repo(tmp_path / "repo")


def test_load_at_reads_the_records_of_an_older_commit(repo) -> None:
    cid = a_milestone(repo.content)
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update(due="2099-12-31"))
    repo.commit("Move the due date", "2026-02-01")

    before = gitrefs.load_at("HEAD~1", repo.content)
    now = gitrefs.load_at("HEAD", repo.content)

    assert before.records is not None and now.records is not None
    old = {c.id: c for c in before.records.commitments}[cid]
    new = {c.id: c for c in now.records.commitments}[cid]
    assert str(new.due) == "2099-12-31"
    assert str(old.due) != "2099-12-31"
    assert before.seen == now.seen
    assert before.problems == []


def test_load_at_never_touches_the_work_tree(repo) -> None:
    cid = a_milestone(repo.content)
    path = repo.content / "commitments" / f"{cid}.yml"
    path.write_text("not: [committed", encoding="utf-8")  # an edit in progress
    (repo.content / "commitments" / "draft.yml").write_text("title: Draft\n", encoding="utf-8")
    status = repo.git("status", "--porcelain")

    loaded = gitrefs.load_at("HEAD", repo.content)

    assert loaded.problems == []
    assert ("commitment", "draft") not in loaded.seen
    assert path.read_text(encoding="utf-8") == "not: [committed"
    assert repo.git("status", "--porcelain") == status


def test_load_at_works_when_the_content_folder_is_the_repository_itself(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    for item in repo.content.iterdir():  # site.yml and the record folders at the repository's top
        item.rename(repo.root / item.name)
    repo.content.rmdir()
    repo.commit("Keep the records at the top", "2026-01-06")

    assert str(gitrefs.locate(repo.root).prefix) == "."
    loaded = gitrefs.load_at("HEAD", repo.root)
    assert loaded.records is not None
    assert loaded.problems == []
    assert ("site", "") in loaded.seen


def test_a_folder_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "content")
    with pytest.raises(gitrefs.NotARepository, match=r"content is not inside a git repository$"):
        gitrefs.load_at("HEAD", tmp_path / "content")


def test_an_unknown_ref_is_a_clear_error(repo) -> None:
    with pytest.raises(gitrefs.GitError, match=r"^unknown git ref 'no-such-branch' \(is it fetched\?\)$"):
        gitrefs.load_at("no-such-branch", repo.content)


def test_a_ref_that_looks_like_an_option_is_refused(repo) -> None:
    with pytest.raises(gitrefs.GitError, match=r"^'--output=x' is not a git ref$"):
        gitrefs.load_at("--output=x", repo.content)


def test_a_content_folder_absent_at_the_ref_is_a_clear_error(repo) -> None:
    (repo.root / "README.md").write_text("Before the records.\n", encoding="utf-8")
    shutil.move(repo.content, repo.root / "later")
    repo.commit("Move the records away", "2026-01-06")
    shutil.move(repo.root / "later", repo.content)
    repo.commit("Bring them back", "2026-01-07")
    with pytest.raises(gitrefs.GitError, match=r"^there was no content folder content/ at HEAD~1$"):
        gitrefs.load_at("HEAD~1", repo.content)


def test_blobs_reads_many_objects_in_one_process_and_reports_missing_ones(repo) -> None:
    found = gitrefs.blobs(repo.root, ["HEAD:content/site.yml", "HEAD:content/nothing.yml", "0" * 40])
    assert found["HEAD:content/site.yml"] == (repo.content / "site.yml").read_bytes()
    assert found["HEAD:content/nothing.yml"] is None
    assert found["0" * 40] is None
    assert gitrefs.blobs(repo.root, []) == {}


def test_is_shallow(repo, tmp_path: Path) -> None:
    assert gitrefs.is_shallow(repo.root) is False
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    assert gitrefs.is_shallow(clone) is True
