"""Each page's outline — its headings with their ids and the column labels its phone cards show — and the golden file of them.

The outline is what links, the table of contents, the site search and the phone layout depend
on, without the words in between: `tests/fixtures/page-outline.txt` holds it for every page of
the example site and for the paginated listings of a synthetic one, and
`tests/render/test_page_outline.py` compares. After changing a heading or a table column on
purpose, write it again and review the difference in the commit:

    PYTHONPATH=generator python -m tests.render.outline
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from trustpages.pipeline import make_site
from trustpages.render import Output
from trustpages.render.htmlpage import split, text_of
from trustpages.validate import validate

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "fixtures" / "page-outline.txt"
AS_OF = date(2026, 11, 23)
SYNTHETIC = 400  # records: enough for lists longer than a section page shows, so listings get pages of their own

_PART = re.compile(
    r'<h([1-6])((?:\s[^>]*)?\sid="([^"]*)"(?:\s[^>]*)?)>(.*?)</h\1>'  # a heading with an id: a link's target
    r"|<table[^>]*\sdata-tp-cards[^>]*>(.*?)</thead>",  # a table that becomes cards on a phone
    re.S,
)
_HEAD_CELL = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)


def page_outline(source: str) -> Iterator[str]:
    """A page's headings (`h2 #id words`, `(not searched)` when search leaves it out) and card labels, in page order."""
    meta, body = split(source)
    if (meta.get("search") or {}).get("exclude"):
        yield "page not searched"
    for part in _PART.finditer(body):
        level, attributes, anchor, inner, head = part.groups()
        if head is not None:
            yield "cards " + " | ".join(text_of(cell) for cell in _HEAD_CELL.findall(head))
        else:
            excluded = " (not searched)" if "data-search-exclude" in attributes else ""
            yield f"h{level} #{anchor} {text_of(inner)}{excluded}"


def outline(output: Output, only: str | None = None) -> str:
    """Every page's outline, pages in path order; `only`: the pages whose path matches it."""
    chosen = sorted(path for path in output.pages if only is None or re.search(only, path))
    return "".join(f"== {path}\n" + "".join(f"{line}\n" for line in page_outline(output.pages[path])) for path in chosen)


def site_outline(content: Path, only: str | None = None) -> str:
    result = validate(content, AS_OF, advice=False)
    if result.records is None:
        raise SystemExit("\n".join(problem.human() for problem in result.errors))
    return outline(make_site(result.records, AS_OF), only)


def synthetic_content(folder: Path) -> Path:
    """bench/synth.py's content folder of SYNTHETIC records (seed 0), written into `folder`."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from synth import synthesise  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / "bench"))
    content = folder / "content"
    synthesise(content, SYNTHETIC, 0)
    return content


LISTINGS = r"^(?!record/)[^/]+/[^/]+/[^/]+/"  # a section's paginated listings: <section>/<grouping>/<key>/…


def expected(synthetic: Path) -> str:
    """The golden file's text: the example site's pages, then the synthetic site's listings."""
    return site_outline(REPO / "content") + site_outline(synthetic, LISTINGS)


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        GOLDEN.write_text(expected(synthetic_content(Path(folder))), encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(REPO)}")


if __name__ == "__main__":
    main()
