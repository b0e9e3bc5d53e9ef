"""The build cache's files: an index is used whole or not at all, and only by the code that wrote it."""

from __future__ import annotations

from pathlib import Path

from trustpages.buildcache import files


def test_an_index_gives_back_what_was_written_under_its_header(tmp_path: Path) -> None:
    index = tmp_path / "some.index"
    entries = {"a": '{"x": 1}', "b": '"line\\u2028break"'}  # JSON keeps U+2028 as it is: not a line break here
    files.write_index(index, "header one", entries)
    assert files.read_index(index, "header one") == entries
    assert files.read_index(index, "header two") == {}  # written by other code
    assert files.read_index(tmp_path / "missing.index", "header one") == {}


def test_an_index_changed_or_cut_short_is_not_used(tmp_path: Path) -> None:
    index = tmp_path / "some.index"
    files.write_index(index, "header", {"a": "1", "b": "2"})
    data = index.read_bytes()
    index.write_bytes(data.replace(b"\t1", b"\t3"))
    assert files.read_index(index, "header") == {}
    index.write_bytes(data[:-10])
    assert files.read_index(index, "header") == {}


def test_only_values_json_gives_back_unchanged_are_kept_as_json() -> None:
    assert files.as_json({"a": [1, "b", None]}) == '{"a": [1, "b", null]}'
    assert files.as_json({1: "a"}) is None and files.as_json((1, 2)) is None and files.as_json({"when": object()}) is None


def test_pruning_deletes_only_unused_entries_of_the_given_kinds(tmp_path: Path) -> None:
    for name in ("used.page", "old.page", "torn.tmp", "pages.index", "other.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert files.prune(tmp_path, {"used"}, (".page", ".tmp")) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["other.html", "pages.index", "used.page"]


def test_a_write_that_cannot_happen_leaves_nothing_and_raises_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "entry.page"
    files.write(missing, b"data")  # a full or read-only disk costs the next build time, never this one
    assert not missing.parent.exists()
    files.write(tmp_path / "entry.page", b"data")
    assert (tmp_path / "entry.page").read_bytes() == b"data" and list(tmp_path.glob("*.tmp")) == []
