"""init and new write every file or none: a link, a file in the way or a full disk leaves the folder as it was."""

from __future__ import annotations

import builtins
import errno
from pathlib import Path
from typing import Any

import pytest

from trustpages.cli import main
from trustpages.newfiles import NotWritten, write_all


def test_init_onto_a_dangling_link_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site").symlink_to(tmp_path / "nowhere")
    assert main(["init", str(tmp_path / "site"), "--no-git"]) == 2
    assert "is a symbolic link; pass a folder" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists() and [p.name for p in tmp_path.iterdir()] == ["site"]


def test_init_with_a_file_where_a_folder_goes_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "content").write_text("not a folder")
    assert main(["init", str(tmp_path / "site"), "--no-git"]) == 2
    assert "content is a file where a folder must be; move it away; nothing was written" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["content"]


def test_new_when_the_kinds_folder_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["init", str(tmp_path / "site"), "--no-git"]) == 0
    monkeypatch.chdir(tmp_path / "site")
    for path in (tmp_path / "site" / "content" / "incidents").iterdir():
        path.unlink()
    (tmp_path / "site" / "content" / "incidents").rmdir()
    (tmp_path / "site" / "content" / "incidents").write_text("")
    capsys.readouterr()
    assert main(["new", "incident", "Login broke"]) == 2
    assert "content/incidents is a file where a folder must be" in capsys.readouterr().err


def test_a_full_disk_midway_undoes_what_was_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = builtins.open
    opened = []

    def failing_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "x" in mode:
            opened.append(file)
            if len(opened) == 3:
                raise OSError(errno.ENOSPC, "No space left on device", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", failing_open)
    files = [("a/one.yml", b"1"), ("a/b/two.yml", b"2"), ("c/three.yml", b"3")]
    with pytest.raises(OSError):
        write_all(tmp_path / "site", files)
    assert list((tmp_path / "site").rglob("*")) == []  # the files and the folders it made are gone again
    with pytest.raises(NotWritten, match="already exists"):
        (tmp_path / "site" / "a").mkdir(parents=True)
        (tmp_path / "site" / "a" / "one.yml").write_bytes(b"mine")
        write_all(tmp_path / "site", files)
    assert (tmp_path / "site" / "a" / "one.yml").read_bytes() == b"mine"
