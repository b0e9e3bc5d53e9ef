"""Writing new files into a person's folder all or nothing: `init` and `new` never leave half a site, nor overwrite a file.

Every place a file goes is checked first (each folder on the way must be a folder, not a file or
a link, and the file must not exist); then the files are written, and if the disk fails midway,
those written so far are removed again, so the folder is as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


class NotWritten(Exception):
    """Nothing was written; the message says why, naming the path."""


def obstacle(root: Path, relative: str) -> str | None:
    """Why `relative` cannot be written under `root` (a file or link where a folder must be, the file already there), or None."""
    path = root
    for part in Path(relative).parts[:-1]:
        path = path / part
        if path.is_symlink():
            return f"{path} is a symbolic link; trustpages writes only into real folders"
        if path.exists() and not path.is_dir():
            return f"{path} is a file where a folder must be; move it away"
    if (root / relative).is_symlink() or (root / relative).exists():
        return f"{root / relative} already exists"
    return None


def write_all(root: Path, files: Iterable[tuple[str, bytes]]) -> list[str]:
    """Write each (relative path, bytes) under `root`, or none of them (NotWritten, or OSError after undoing what was done)."""
    if root.is_symlink():
        raise NotWritten(f"{root} is a symbolic link; pass a real folder")
    if root.exists() and not root.is_dir():
        raise NotWritten(f"{root} is a file; pass a folder")
    planned = list(files)
    for relative, _ in planned:
        if why := obstacle(root, relative):
            raise NotWritten(why)
    made_folders: list[Path] = []
    written: list[str] = []
    try:
        for relative, data in planned:
            for folder in reversed(list((root / relative).parents)):
                if not folder.exists():
                    folder.mkdir()
                    made_folders.append(folder)
            with open(root / relative, "xb") as out:  # "x": never overwrite, even a file made a moment ago
                out.write(data)
            written.append(relative)
    except OSError:
        for relative in written:
            (root / relative).unlink(missing_ok=True)
        for folder in reversed(made_folders):
            try:
                os.rmdir(folder)
            except OSError:
                pass
        raise
    return written
