"""Which folders trustpages may replace: never one that is, holds or (unless allowed) lies inside a folder of the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustpages.outfolder import Protected, UnsafeOutput, overlap, refuse_overlap, user_may_keep


@pytest.fixture
def project(tmp_path: Path) -> list[Protected]:
    for folder in ("content", "docs"):
        (tmp_path / folder).mkdir()
    return [
        Protected("the project folder", tmp_path, may_hold_output=True),
        Protected("the content folder", tmp_path / "content"),
        Protected("the docs folder", tmp_path / "docs"),
    ]


def test_a_separate_folder_overlaps_none(project: list[Protected], tmp_path: Path) -> None:
    assert overlap((tmp_path / "site").resolve(), project) is None
    assert overlap((tmp_path.parent / "elsewhere").resolve(), project[1:]) is None
    refuse_overlap(tmp_path / "site", project, "--out")  # no exception: the site folder may lie inside the project


def test_each_overlap_is_named(project: list[Protected], tmp_path: Path) -> None:
    root = tmp_path.resolve()
    assert overlap(root, project) == ("it is the project folder", False)
    assert overlap(root / "content", project) == ("it is the content folder", False)
    assert overlap(root.parent, project) == (f"it contains the project folder, {root}", False)
    assert overlap(root / "docs" / "site", project) == (f"it is inside the docs folder, {root / 'docs'}", True)
    assert overlap(root / "docs" / "site", project[:1]) is None  # the project folder may hold output


def test_the_refusal_says_why_and_what_to_do(project: list[Protected], tmp_path: Path) -> None:
    root = tmp_path.resolve()
    with pytest.raises(UnsafeOutput) as raised:
        refuse_overlap(tmp_path / "content" / "out", project, "--out")
    assert str(raised.value) == (
        f"refusing to write into {root / 'content' / 'out'}: it is inside the content folder, {root / 'content'}, "
        "which must not mix with what is built from it; pass --out with a separate folder"
    )
    with pytest.raises(UnsafeOutput) as raised:
        refuse_overlap(tmp_path / "docs" / "..", project, "-d")  # `..` is seen for what it is
    assert str(raised.value) == (
        f"refusing to write into {root}: it is the project folder, and replacing it would delete your files; pass -d with a separate folder"
    )


def test_a_symlink_is_seen_for_the_folder_it_points_to(project: list[Protected], tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(tmp_path / "docs", target_is_directory=True)
    with pytest.raises(UnsafeOutput, match=r"it is the docs folder, and replacing it"):
        refuse_overlap(tmp_path / "link", project, "--out")


@pytest.mark.parametrize(("name", "kept"), [(".git", True), (".nojekyll", True), ("CNAME", True), ("cname", False), ("index.html", False)])
def test_what_people_keep_in_a_published_folder(name: str, kept: bool) -> None:
    assert user_may_keep(name) is kept
