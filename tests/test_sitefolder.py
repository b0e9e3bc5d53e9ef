"""sitefolder.swap_in: the new site replaces the last one in one step, so no moment leaves no site."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustpages import sitefolder


def _sites(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "index.html").write_text("old site", encoding="utf-8")
    (site / sitefolder.MARKER).write_text("header\nindex.html\nold\n", encoding="utf-8")
    (site / "CNAME").write_text("trust.example.com\n", encoding="utf-8")  # the user's, kept across builds
    staging = sitefolder.new_staging(site)
    (staging / "index.html").write_text("new site", encoding="utf-8")
    return site, staging


def test_two_folders_trade_places_in_one_step(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    inodes = a.stat().st_ino, b.stat().st_ino
    assert sitefolder.exchange(a, b)  # Linux: renameat2 with RENAME_EXCHANGE
    assert (b.stat().st_ino, a.stat().st_ino) == inodes


def test_the_new_site_takes_the_old_ones_place_and_the_old_one_is_gone(tmp_path: Path) -> None:
    site, staging = _sites(tmp_path)
    built = staging.stat().st_ino
    sitefolder.swap_in(staging, site)
    assert site.stat().st_ino == built  # the build's own folder, renamed: nothing copied
    assert (site / "index.html").read_text(encoding="utf-8") == "new site" and not (site / "old").exists()
    assert (site / "CNAME").read_text(encoding="utf-8") == "trust.example.com\n"
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["site"]  # neither the last site nor a staging folder left


def test_at_no_step_of_the_swap_is_there_no_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kill -9 between the two renames (old site aside, new one in) left no site: every step now finds one there."""
    site, staging = _sites(tmp_path)
    seen: list[bool] = []
    rename = Path.rename

    def watched(self: Path, target: str | Path) -> Path:
        seen.append(site.is_dir())
        moved = rename(self, target)
        seen.append(site.is_dir())
        return moved

    monkeypatch.setattr(Path, "rename", watched)
    sitefolder.swap_in(staging, site)
    assert seen and all(seen)  # the user's CNAME moved; the site itself was never renamed aside
    assert (site / "index.html").read_text(encoding="utf-8") == "new site"


def test_where_folders_cannot_trade_places_two_renames_still_swap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, staging = _sites(tmp_path)
    monkeypatch.setattr(sitefolder, "_renameat2", lambda: None)  # not Linux, or a C library without renameat2
    assert not sitefolder.exchange(tmp_path, site)
    sitefolder.swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new site" and (site / "CNAME").is_file()
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["site"]


def test_a_first_site_is_renamed_in(tmp_path: Path) -> None:
    site = tmp_path / "site"
    staging = sitefolder.new_staging(site)
    (staging / "index.html").write_text("first", encoding="utf-8")
    sitefolder.swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "first" and (site / sitefolder.MARKER).is_file()
