"""Hostile input against what trustpages writes: bounded rendering cost, line and formula injection, XML-breaking
characters and misdrawn charts (issue 16, findings 3, 6, 7 and 8), each case with its exact outcome."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.checks import language
from generator.render import bounded, prose
from tests.conftest import INCIDENT, Content, human, replaced

# Finding 3: record text has bounded cost. ------------------------------------------------------

MEGABYTE = 1_000_000


def test_a_megabyte_of_brackets_renders_as_the_brackets() -> None:
    # 40 KB of `[` kept Python-Markdown busy for minutes: every unclosed `[` was scanned to the end.
    assert prose.html("[" * MEGABYTE) == "<p>" + "[" * MEGABYTE + "</p>"


@pytest.mark.parametrize(
    ("unit", "shown"),
    [
        ("![", "![" ),
        ("[a](", "[a]("),
        ("<http://", "&lt;http://"),
        ("[a][", "[a]["),
        ("`a", "`a"),
        ("``a`", "``a`"),
    ],
)
def test_repeated_openings_render_as_written(unit: str, shown: str) -> None:
    assert prose.html("x " + unit * 50_000) == "<p>x " + shown * 50_000 + "</p>"


def test_a_block_too_long_or_too_marked_for_markdown_is_shown_as_written() -> None:
    emphasis = "*a* " * (bounded.MAX_BLOCK_MARKS // 2 + 1)
    assert prose.html(emphasis.strip()) == "<p>" + emphasis.strip() + "</p>"
    assert prose.html("*a* b") == "<p><em>a</em> b</p>"  # below the limit: Markdown as before
    long = "Word **strong**" + " word" * (bounded.MAX_BLOCK_CHARS // 5)
    assert prose.html(long) == "<p>" + long + "</p>"
    # Only that block: the paragraph after it keeps its Markdown.
    assert prose.html(long + "\n\nA *short* one.") == "<p>" + long + "</p>\n<p>A <em>short</em> one.</p>"


def test_normal_markdown_renders_as_before() -> None:
    text = (
        "See [the docs](https://example.com/a_(b)) and `code [x` and *em*.\n\n"
        "- one [link][ref] with <b>bold</b>\n- 1 < 2 and 3 > 2 & more\n\n"
        "<!-- a note to ourselves --> Shown.\n\n"
        "``a ` b`` [a [nested] link](https://example.com)\n\n"
        "[ref]: https://example.org"
    )
    assert prose.html(text) == (
        '<p>See <a href="https://example.com/a_(b)" rel="nofollow noopener">the docs</a> and <code>code [x</code> and <em>em</em>.</p>\n'
        '<ul>\n<li>one <a href="https://example.org" rel="nofollow noopener">link</a> with bold</li>\n'
        "<li>1 &lt; 2 and 3 &gt; 2 &amp; more</li>\n</ul>\n"
        "<p>Shown.</p>\n"
        '<p><code>a ` b</code> <a href="https://example.com" rel="nofollow noopener">a [nested] link</a></p>'
    )


def test_stray_brackets_show_and_links_beside_them_still_work() -> None:
    assert prose.html("[[[ see [this](https://example.com) ((( `") == (
        '<p>[[[ see <a href="https://example.com" rel="nofollow noopener">this</a> ((( `</p>'
    )
    assert prose.html("[" * 5 + "deep" + "]" * 5) == "<p>[[[[[deep]]]]]</p>"


def test_a_stand_in_typed_into_a_record_is_not_restored_as_syntax() -> None:
    stand_in = chr(0xF0000 + ord("<"))
    assert prose.html(f"*a* {stand_in}script>") == "<p><em>a</em> \ufffdscript&gt;</p>"


def test_the_plain_language_scan_is_linear_on_brackets_and_backticks(content: Content) -> None:
    # 20,000 `[` took the plain-language check 9 s, and 20,000 backticks minutes.
    cases = {
        "[" * 20_000: ("[" * 20_000, []),  # no word, no sentence
        "x " + "`" * 20_000: ("x " + "`" * 20_000, [(0, 20_002)]),
        "`" * 20_000: ("\n\n", []),  # a code fence that never closes
        "[a](" * 20_000: ("[a](" * 20_000, [(0, 80_000)]),
        "<http://" * 20_000: ("<http://" * 20_000, [(0, 160_000)]),
        " " * 20_000 + "x.": (" " * 20_000 + "x.", [(20_000, 20_002)]),
    }
    for hostile, (text, sentences) in cases.items():
        plain = language.Plain.of(hostile)
        assert (plain.text, plain.sentences()) == (text, sentences)
    folder = content(replaced(INCIDENT, "We renewed certificates by hand and missed one.\nfollow", "'" + "[" * 20_000 + "'\nfollow"))
    assert human(folder) == []


HOSTILE_PIECES = st.sampled_from(["[", "]", "![", "[a](", "(", ")", "<http://", "<", ">", "`", "``", "*", "**", "_", "\\",
                                  "&", "<!--", "-->", "a", " ", "\n", "\n\n", "    ", "- ", "# ", "> ", "1. ", "x" * 50])  # fmt: skip


@settings(max_examples=60, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(HOSTILE_PIECES, max_size=40_000).map("".join).filter(lambda text: len(text) <= 100_000))
@example("[" * 100_000)
@example("![" * 50_000)
@example("[a](" * 25_000)
@example("<http://" * 12_500)
@example("*a* " * 25_000)
@example("`a` " * 25_000)
@example("_a_ " * 25_000)
@example(("[" * 98 + "\n\n") * 1_000)
def test_any_text_up_to_100_kb_renders_and_is_read_in_bounded_time(text: str) -> None:
    # The deadline is generous on purpose (shared machines); bench/hostile_text.py measures the real figures.
    assert bounded._ANY_STAND_IN.search(prose.html(text)) is None  # every stand-in was turned back
    language.Plain.of(text).sentences()
