"""Record text for plain-text writers: Markdown as plain text (calendar descriptions, chat messages), and
what each line-based format cannot hold (line breaks, formulas) escaped or neutralised; CSV tables."""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any
from urllib.parse import quote

import nh3

from trustpages import prose


def plain(text: str | None) -> str:
    """Rendered and sanitised like on the pages, then stripped of tags: what a reader would see, as text."""
    if not text:
        return ""
    stripped = nh3.clean(str(prose.html(text)), tags=set())
    return re.sub(r"[ \t]+", " ", html.unescape(stripped)).strip()


# Everything str.splitlines() breaks at (so every line-based reader does too), and the other C0/C1 controls.
_BREAKS_AND_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_IN_URI = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029\s]")
# How a spreadsheet cell starts when the spreadsheet would run it as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def one_line(text: str) -> str:
    """`text` on one line: each line break or control character becomes a space, runs of them one."""
    return re.sub(r" {2,}", " ", _BREAKS_AND_CONTROLS.sub(" ", text)).strip() if _BREAKS_AND_CONTROLS.search(text) else text


def uri(text: str) -> str:
    """An address on one line: whitespace and control characters percent-encoded, as a URI spells them."""
    return _NOT_IN_URI.sub(lambda found: quote(found.group(), safe=""), text)


def spreadsheet_cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text: one starting like a formula gets a leading `'` (OWASP's rule)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_table(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> bytes:
    """RFC 4180 CSV (CRLF line ends), UTF-8; empty cells for missing values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8")


def csv_cell(value: Any) -> str:
    """A JSON value as a CSV cell: numbers as numbers, lists joined with spaces, text a spreadsheet cannot take for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number, negative or not, is read as one
    if isinstance(value, list):
        return spreadsheet_cell(" ".join(str(item) for item in value))
    return spreadsheet_cell(str(value))
