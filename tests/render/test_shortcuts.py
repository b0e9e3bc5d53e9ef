"""Shortcuts give exactly what the general code gives: prose without Markdown, relative links, event order."""

from __future__ import annotations

import posixpath
from datetime import UTC, datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from trustpages import prose
from trustpages.render.environment import relative_path
from trustpages.timeline.event import Event
from trustpages.timeline.events import newest_first

# Letters, digits, spaces and punctuation, with every character Markdown or HTML treats as syntax.
PIECES = st.sampled_from(["a", "Z", "é", "ß", "7", "12", " ", "  ", ".", ",", ":", ";", "?", "'", '"', "/", "%", "@",
                          "€", "→", "—", "🎉", "\t", "\n", "\u00a0", "\u2028", "<", ">", "&", "*", "_", "`", "[", "]",
                          "(", ")", "!", "#", "\\", "|", "~", "=", "+", "-", "1. ", "3) ", "&amp;", "<b>", "http://x.y"])  # fmt: skip


@settings(max_examples=2000)
@given(st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=20))
@example("We are looking into failed logins.")
@example("1. first")
@example("99.9% of the time")
@example("1.")
@example("2)")
@example("2026 was a good year.")
@example('She said "hello" at 09:00 — 100% sure.')
def test_the_shortcut_agrees_with_the_parser(text: str) -> None:
    if prose._PLAIN_LINE.fullmatch(text):
        assert prose.html(text) == prose._html(text)


# Lines of a text: plain ones, headings, blank ones, and ones with syntax local to their block or not.
LINES = st.sampled_from(["We fixed it.", "Second line, 100% sure.", "", " ", "  ", "\t", "# Title", "## What happened",
                         "###### Deep", "####### Seven", "#No space", "## Title ##", "## 1. Numbered", "1. first",
                         "2) second", "- item", "* star", "  - nested", "> quote", "    indented", "===", "---", "a  ",
                         " b", "**bold**", "x & y", "é ß 🎉", "[link][a]", "[a]: http://x.y", "<div>", "</div>",
                         "| a | b |", "|---|---|", "Title", "\r", "see [this](http://x.y)"])  # fmt: skip


@settings(max_examples=3000)
@given(st.lists(LINES | PIECES, max_size=12).map("\n".join))
@example("## What happened\n\nFor 43 minutes, logins failed.\nAbout 1,529 customers.\n\n## Why it happened\n\nA certificate expired.\n")
@example("#### Late\n\n###### Later")
@example("\n\nA.\n  \nB.")
@example("## Timeline\n\n- **First errors**\n- **Fix live**; see [history](https://x.y)\n\n## Why\n\nA cause.\n")
@example("A.\n\n- a\n\n\n- b\n\nB.\n\n    code\n\n    more")
def test_the_block_shortcut_agrees_with_the_parser(text: str) -> None:
    by_blocks = prose._by_blocks(text)
    if by_blocks is not None:
        assert by_blocks == prose._html(text)


def test_plain_blocks_skip_the_parser_and_only_blocks_that_need_it_are_parsed() -> None:
    assert prose._by_blocks("## What happened\n\nLogins failed.\nFor 43 minutes.\n\n## Why\n\nA certificate expired.\n") == (
        "<h3>What happened</h3>\n<p>Logins failed.\nFor 43 minutes.</p>\n<h3>Why</h3>\n<p>A certificate expired.</p>"
    )
    parsed: list[str] = []
    original = prose._html
    try:
        prose._html = lambda run: parsed.append(run) or original(run)  # type: ignore[assignment]
        prose._by_blocks("## What happened\n\nLogins failed.\n\n- at 09:00 alerts\n- at 09:05 a fix\n\n## Why\n\nA cause.")
    finally:
        prose._html = original  # type: ignore[method-assign]
    assert parsed == ["- at 09:00 alerts\n- at 09:05 a fix"]


def test_texts_whose_blocks_depend_on_each_other_are_parsed_whole() -> None:
    for text in ("A.\n\n[x][1]\n\n[1]: https://example.com", "A.\n\n<div>\n\nB.\n\n</div>", "A.\n\n- x\n\n## Big\nand text"):
        assert prose._by_blocks(text) is None, text


def test_a_texts_headings_start_below_the_pages_own() -> None:
    # A postmortem's `#` and `##` used to be stripped to bare text: <h1>/<h2> are not allowed in record text.
    assert prose.html("# Timeline\n\n## Morning\n\n- 09:00 alerts\n\n## Afternoon") == (
        "<h3>Timeline</h3>\n<h4>Morning</h4>\n<ul>\n<li>09:00 alerts</li>\n</ul>\n<h4>Afternoon</h4>"
    )
    assert prose.html("#### Only one\n\n- x") == "<h3>Only one</h3>\n<ul>\n<li>x</li>\n</ul>"
    assert prose.html("# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F\n\n- x").count("<h6>") == 3


def test_plain_sentences_take_the_shortcut_and_syntax_does_not() -> None:
    for plain in (
        "We are looking into failed logins.",
        "2026 was a good year.",
        "Wir prüfen das — 100 % sicher.",
        "The on-call engineer (again) was paged!",
        "1 + 1 = 2",
        "99.9% availability",
    ):
        assert prose._PLAIN_LINE.fullmatch(plain), plain
    for syntax in (
        "**bold**",
        "1. first",
        "- item",
        "+ item",
        "(aside) first",
        "issue #4",
        "a\nb",
        "a & b",
        "<b>x</b>",
        "[x](y)",
        " leading space",
        "x\u00a0",
    ):
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
    assert list(newest_first(found)) == sorted(found, key=lambda e: (e.at, e.id), reverse=True)
