"""The folders of the site that hold record pages, and the names in them the site uses itself.

A record's page is `<section>/<id>.md`; the section's own page and the full listings of
long groups live in the same folder, so their names are not free for ids. Both the
renderer (which writes these paths) and the loader (which refuses ids that take them)
read them from here, and both from the registry (trustpages.kinds: each kind's groupings).
"""

from __future__ import annotations

from trustpages import kinds

SECTION_PAGE = "index"  # <section>/index.md: the section's own page


def listing_folders() -> dict[str, tuple[str, str]]:
    """Which rows a listing shows -> (its kind's section folder, the folder under it holding the listing's pages)."""
    return {grouping.rows: (k.folder, grouping.folder) for k in kinds.kinds() if k.folder is not None for grouping in k.lists}


def listing_path(rows: str, key: object, page_no: int = 1) -> str:
    """Where the full list of a group lives: a folder of its own, which `reserved_ids` keeps free."""
    section, folder = listing_folders()[rows]
    return f"{section}/{folder}/{key}/{SECTION_PAGE if page_no == 1 else page_no}.md"


def reserved_ids(section: str) -> frozenset[str]:
    """Names in `section`'s folder that the site generates itself, so no record there may use them as its id."""
    if section not in record_sections():
        return frozenset()  # e.g. metrics: its records share one page
    return frozenset({SECTION_PAGE} | {folder for owner, folder in listing_folders().values() if owner == section})


def record_sections() -> tuple[str, ...]:
    """The folders with a page per record (trustpages.kinds)."""
    return tuple(k.folder for k in kinds.kinds() if k.page is not None and k.folder is not None)
