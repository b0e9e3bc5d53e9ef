"""The full lists of groups too long for their index page: an index shows at most INDEX_LIMIT records of a group and
links to its full list, paginated by LISTING_SIZE, so no page lists more than a few hundred records however long the
history grows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trustpages import kinds
from trustpages.sections import listing_folders, listing_path

INDEX_LIMIT = 25
LISTING_SIZE = 200

Group = tuple[str, object, str, list[Any], str]  # rows (a grouping's), key, heading, items, the section page listing it


@dataclass(frozen=True)
class Listing:
    """One page of the full list of a group too long for its index page."""

    path: str
    kind: str  # which rows to show: a grouping's (trustpages.kinds)
    heading: str
    items: tuple[Any, ...]
    total: int
    page_no: int
    page_count: int
    back: str
    previous: str | None
    next: str | None

    def context(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "path"}


def groups(context: dict[str, Any]) -> list[Group]:
    """Every group an index page lists: each kind's groupings (trustpages.kinds) of the records `context` holds."""
    return [
        (grouping.rows, key, heading, list(items), kind.section.path)
        for kind in kinds.kinds()
        if kind.section is not None
        for grouping in kind.lists
        for key, heading, items in grouping.groups(context)
    ]


def index_context(every: list[Group]) -> dict[str, Any]:
    """What the index templates read: where each long group's full list is, and the groups a section lists."""
    return {
        "listings": {(rows, key): listing_path(rows, key) for rows, key, _, items, _ in every if len(items) > INDEX_LIMIT},
        "groups_of": lambda folder: [group[:4] for group in every if listing_folders()[group[0]][0] == folder],
        "index_limit": INDEX_LIMIT,
    }


def listings(every: list[Group]) -> list[Listing]:
    """The pages of every group's full list, for the groups longer than INDEX_LIMIT."""
    pages = []
    for rows, key, heading, items, back in every:
        if len(items) <= INDEX_LIMIT:
            continue
        count = -(-len(items) // LISTING_SIZE)
        for number in range(1, count + 1):
            pages.append(
                Listing(
                    path=listing_path(rows, key, number),
                    kind=rows,
                    heading=heading,
                    items=tuple(items[(number - 1) * LISTING_SIZE : number * LISTING_SIZE]),
                    total=len(items),
                    page_no=number,
                    page_count=count,
                    back=back,
                    previous=listing_path(rows, key, number - 1) if number > 1 else None,
                    next=listing_path(rows, key, number + 1) if number < count else None,
                )
            )
    return pages
