"""Shortcuts give exactly what the general code gives: prose without Markdown, relative links, event order."""

from __future__ import annotations

import posixpath
from datetime import UTC, datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.opendata.events import Event, newest_first
from generator.render import prose
from generator.render.environment import relative_path

# Letters, digits, spaces and punctuation, with every character Markdown or HTML treats as syntax.
PIECES = st.sampled_from(["a", "Z", "é", "ß", "7", "12", " ", "  ", ".", ",", ":", ";", "?", "'", '"', "/", "%", "@",
                          "€", "→", "—", "🎉", "\t", "\n", "\u00a0", "\u2028", "<", ">", "&", "*", "_", "`", "[", "]",
                          "(", ")", "!", "#", "\\", "|", "~", "=", "+", "-", "1. ", "3) ", "&amp;", "<b>", "http://x.y"])  # fmt: skip


@settings(max_examples=2000)
@given(st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=20))
@example("We are looking into failed logins.")
@example("1. first")
@example("2026 was a good year.")
@example('She said "hello" at 09:00 — 100% sure.')
def test_the_shortcut_agrees_with_the_parser(text: str) -> None:
    if prose._PLAIN_LINE.fullmatch(text):
        assert prose.html(text) == prose._html(text)


def test_plain_sentences_take_the_shortcut_and_syntax_does_not() -> None:
    for plain in ("We are looking into failed logins.", "2026 was a good year.", "Wir prüfen das — 100 % sicher."):
        assert prose._PLAIN_LINE.fullmatch(plain), plain
    for syntax in ("**bold**", "1. first", "- item", "a\nb", "a & b", "<b>x</b>", "[x](y)", " leading space", "x\u00a0"):
        assert not prose._PLAIN_LINE.fullmatch(syntax), syntax


SEGMENT = st.sampled_from(["a", "b", "incidents", "2026-03-04-x", "index.md", "x.md", "."])
SITE_PATH = st.lists(SEGMENT, max_size=4).map("/".join).map(lambda p: p or ".")


@given(SITE_PATH, SITE_PATH, st.booleans())
def test_relative_path_is_posix_relpath(target: str, start: str, slash: bool) -> None:
    target += "/" if slash and target != "." else ""
    assert relative_path(target, start) == posixpath.relpath(target, start)


MOMENTS = st.sampled_from([datetime(2026, 1, d, h, tzinfo=UTC) for d in (1, 2) for h in (0, 9)])


@given(st.lists(st.tuples(MOMENTS, st.sampled_from(["a", "b", "c", "d"]), st.sampled_from(["investigating", "resolved"]))))
def test_newest_first_is_sorting_by_moment_then_id(specs: list[tuple[datetime, str, str]]) -> None:
    found = [Event("incident.update", record, "Title", at, status) for at, record, status in specs]
    assert newest_first(found) == sorted(found, key=lambda e: (e.at, e.id), reverse=True)
