"""Which hand-written page (site_src/) the site publishes at each address, in the site's language.

A page may come in several languages: `about.md` is the default, `about.de.md` its German text. A
German site publishes about.de.md at about.md's address (/about/) and leaves about.md out; an
English one publishes about.md and leaves about.de.md out. Only languages trustpages has strings
for count as such suffixes, so `notes.v2.md` stays a page of its own. Every front end (the MkDocs
plugin, `generate --out`, Zensical) asks this module, so they publish the same pages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from trustpages.strings import builtin_templates


@functools.cache
def languages() -> frozenset[str]:
    """The languages trustpages has strings for: the suffixes a hand-written page may carry."""
    return frozenset(path.stem for path in (builtin_templates() / "strings").glob("*.yml"))


def _variant(uri: str) -> tuple[str, str] | None:
    """(`about.md`, `de`) for `about.de.md`; None for a page in no particular language."""
    found = re.fullmatch(r"(?P<stem>.+)\.(?P<language>[a-z]{2,3})\.md", uri)
    if found is None or found["language"] not in languages():
        return None
    return f"{found['stem']}.md", found["language"]


def published(uris: Iterable[str], locale: str) -> dict[str, str]:
    """{source path: address path} of the hand-written files a site in `locale` publishes (paths with `/`).

    A page in the site's language takes its default's address; pages in other languages are left out,
    and so is a default that has a page in the site's language. Files that are not pages pass as they are.
    """
    sources = list(uris)
    translated = {variant[0] for uri in sources if (variant := _variant(uri)) is not None and variant[1] == locale}
    chosen: dict[str, str] = {}
    for uri in sources:
        variant = _variant(uri)
        if variant is not None:
            if variant[1] == locale:
                chosen[uri] = variant[0]
        elif uri not in translated:
            chosen[uri] = uri
    return chosen
