"""A Markdown extension that lets tables turn into one card per row on narrow screens.

Each body cell gets its column's heading as `data-label`, and the table `data-tp-cards`, so the
stylesheet can stack a row's cells under their headings on a phone instead of hiding columns
off screen. Tables of two columns fit a phone as they are, and fact tables (an empty heading
row) have no headings to repeat, so both stay tables.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

MIN_COLUMNS = 3


class _LabelCells(Treeprocessor):
    def run(self, root: Element) -> None:
        for table in root.iter("table"):
            headings = [_text(th) for th in table.iterfind("thead/tr/th")]
            if len(headings) < MIN_COLUMNS or not any(headings):
                continue
            table.set("data-tp-cards", "")
            for row in table.iterfind("tbody/tr"):
                for heading, cell in zip(headings, row.iterfind("td"), strict=False):
                    if heading:
                        cell.set("data-label", heading)


def _text(element: Element) -> str:
    """The heading as plain words (it may hold inline markup, but labels are text)."""
    return " ".join("".join(element.itertext()).split())


class TableCards(Extension):
    """Adds `data-label` to table cells; registered by the trustpages plugin."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After "inline" (priority 20), so headings are text, not placeholders; before
        # "prettify" (10), which only adds whitespace.
        md.treeprocessors.register(_LabelCells(md), "tp_table_cards", 15)


def makeExtension(**kwargs: object) -> TableCards:
    """Lets a site built without the plugin list `trustpages.render.cards` in markdown_extensions."""
    return TableCards(**kwargs)
