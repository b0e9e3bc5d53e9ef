"""Where the build cache may live: a plain folder of its own, clear of every folder people write or publish.

The cache removes the files it no longer keeps. In the docs, content or templates folder that
would delete a person's pages; inside the site folder the cache would be published; through a
symbolic link it would remove files wherever the link points. Each is refused before the cache
is opened, so nothing is read, written or removed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from trustpages.outfolder import Protected, UnsafeOutput, overlap

ADVICE = "set cache_dir in mkdocs.yml to a folder of its own, like .trustpages/cache"


def check(cache: Path, project: Path, protected: Iterable[Protected]) -> Path:
    """`cache` when it is safe to keep the build cache in (see the module); else UnsafeOutput saying why.

    `project` is mkdocs.yml's folder: the cache may lie inside it, never be it or hold it.
    """
    links = _links(cache, project)
    if links:
        raise UnsafeOutput(
            f"refusing to use the build cache in {cache}: {links[0]} is a symbolic link, and the cache removes old files "
            f"where it points; {ADVICE}"
        )
    target = cache.resolve()
    found = overlap(target, (Protected("the project folder (where mkdocs.yml is)", project, may_hold_output=True), *protected))
    if found is not None:
        raise UnsafeOutput(
            f"refusing to use the build cache in {target}: {found[0]}, and the cache removes files it did not keep; {ADVICE}"
        )
    return cache


def _links(cache: Path, project: Path) -> list[Path]:
    """Symbolic links the cache would be reached through or hold: the folder, its parents inside the project, its entries."""
    root = Path(os.path.normpath(project.absolute()))
    absolute = Path(os.path.normpath(Path(root, cache)))  # as written: resolving would follow the links looked for
    inside = [path for path in (absolute, *absolute.parents) if path.is_relative_to(root) and path != root] or [absolute]
    found = [path for path in reversed(inside) if path.is_symlink()]
    if not found and absolute.is_dir():
        found = sorted(entry for entry in absolute.iterdir() if entry.is_symlink())
    return found
