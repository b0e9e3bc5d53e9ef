"""Record Markdown as plain text, for places that show no HTML (calendar descriptions, chat messages)."""

from __future__ import annotations

import html
import re

import nh3

from generator.render import prose


def plain(text: str | None) -> str:
    """Rendered and sanitised like on the pages, then stripped of tags: what a reader would see, as text."""
    if not text:
        return ""
    stripped = nh3.clean(str(prose.html(text)), tags=set())
    return re.sub(r"[ \t]+", " ", html.unescape(stripped)).strip()
