"""Which folders trustpages may replace with what it writes: never the project, its content or docs, nor someone else's files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class UnsafeOutput(Exception):
    """Writing into the output folder would delete files trustpages did not write; nothing was touched."""


@dataclass(frozen=True)
class Protected:
    """A folder of the user's that an output folder must stay clear of."""

    what: str  # as a person names it: "the project folder (where mkdocs.yml is)"
    path: Path
    # The site folder normally lies inside the project (site/ next to mkdocs.yml), but never
    # inside the content or docs folder: MkDocs would read its own output back as pages.
    may_hold_output: bool = False


def refuse_overlap(out: Path, protected: Iterable[Protected], option: str) -> None:
    """Raise UnsafeOutput when `out` is, contains or (unless allowed) lies inside a protected folder.

    Replacing `out` deletes it whole, so any overlap would delete the user's files. Paths are
    compared resolved, so `.`, `..` and symlinks are seen for what they are.
    """
    target = out.resolve()
    found = overlap(target, protected)
    if found is not None:
        why, inside = found
        why += ", which must not mix with what is built from it" if inside else ", and replacing it would delete your files"
        raise UnsafeOutput(f"refusing to write into {target}: {why}; pass {option} with a separate folder")


def overlap(target: Path, protected: Iterable[Protected]) -> tuple[str, bool] | None:
    """How the resolved folder `target` overlaps the first protected folder it does ("it is …", "it contains …", "it is
    inside …"), and whether it lies inside it; None when it overlaps none (a folder that may hold output may hold it)."""
    for folder in protected:
        path = folder.path.resolve()
        if target == path:
            return f"it is {folder.what}", False
        if target in path.parents:
            return f"it contains {folder.what}, {path}", False
        if path in target.parents and not folder.may_hold_output:
            return f"it is inside {folder.what}, {path}", True
    return None


def user_may_keep(name: str) -> bool:
    """Entries people keep in a published folder that no site build makes: `.git` of a gh-pages
    worktree, `.nojekyll`, GitHub Pages' `CNAME`."""
    return name.startswith(".") or name == "CNAME"
