"""What a reader sees of every generated page, for comparing the HTML pages with the Markdown ones they replaced.

`tests/fixtures/markdown-templates/` holds the Markdown templates as they were before pages became
HTML (`*.html.j2`). Given as a site's own templates, they make every page Markdown again: the old
path. `page_texts` reads an Output the way a reader's eyes do (Markdown pages converted as MkDocs
converts them), so the two paths can be compared page by page, word by word.

Run it to see the differences: python -m tests.render.sametext [content folder] [as_of]
"""

from __future__ import annotations

import difflib
import re
import sys
from datetime import date
from pathlib import Path

import markdown

from trustpages.history import History
from trustpages.records import RecordSet
from trustpages.render import Output, render_site
from trustpages.render.cards import TableCards
from trustpages.render.htmlpage import split, text_of
from trustpages.validate import validate

REPO = Path(__file__).resolve().parents[2]
_ID = re.compile(r'\sid="([^"]*)"')
MARKDOWN_TEMPLATES = REPO / "tests" / "fixtures" / "markdown-templates"
REPLACED_NOTE = re.compile(r'<p class="tp-replaced".*?</p>', re.S)


def page_texts(output: Output) -> dict[str, str]:
    """Each page's words, as a reader sees them: tags and front matter gone, whitespace collapsed."""
    texts = {}
    for path, source in output.pages.items():
        _, body = split(source)
        if path not in output.html:
            body = markdown.markdown(body, extensions=["attr_list", "tables", "toc", TableCards()])
        # The Markdown twins are a site's own templates, so their number pages say so (trustpages.render.replaced): not a difference.
        texts[path] = text_of(REPLACED_NOTE.sub("", body))
    return texts


def both(records: RecordSet, as_of: date, history: History | None = None) -> tuple[Output, Output]:
    """The site rendered by the built-in (HTML) templates, and by the old Markdown ones."""
    return render_site(records, as_of, history=history), render_site(records, as_of, MARKDOWN_TEMPLATES, history=history)


def page_ids(output: Output) -> dict[str, list[str]]:
    """Each page's element ids, in order: the anchors links point at, and its table of contents."""
    ids = {}
    for path, source in output.pages.items():
        _, body = split(source)
        if path not in output.html:
            body = markdown.markdown(body, extensions=["attr_list", "tables", "toc", TableCards()])
        ids[path] = _ID.findall(body)
    return ids


def differences(new: Output, old: Output) -> dict[str, str]:
    """Page -> a word diff (or the ids that differ), for every page that reads differently in the two renders."""
    new_texts, old_texts = page_texts(new), page_texts(old)
    new_ids, old_ids = page_ids(new), page_ids(old)
    found = {}
    for path in sorted(set(new_texts) | set(old_texts)):
        a, b = old_texts.get(path, "").split(), new_texts.get(path, "").split()
        if a != b:
            diff = [line for line in difflib.unified_diff(a, b, "markdown", "html", n=4, lineterm="") if not line.startswith("@@")]
            found[path] = " ".join(diff[2:60])
        elif old_ids.get(path) != new_ids.get(path):
            found[path] = f"ids: markdown {old_ids.get(path)} html {new_ids.get(path)}"
    return found


def main() -> None:
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "content"
    as_of = date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else date(2026, 11, 23)
    result = validate(content, as_of, advice=False)
    assert result.records is not None, [problem.human() for problem in result.errors]
    new, old = both(result.records, as_of)
    found = differences(new, old)
    for path, diff in found.items():
        print(f"== {path} ({'html' if path in new.html else 'markdown'})\n{diff}\n")
    print(f"{len(found)} of {len(new.pages)} pages differ; {len(new.html)} are HTML")


if __name__ == "__main__":
    main()
