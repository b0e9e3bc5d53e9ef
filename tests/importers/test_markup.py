"""HTML bodies as clean Markdown: line breaks, links and lists kept; everything else dropped or escaped."""

from __future__ import annotations

import markdown
import pytest

from trustpages.importers.markup import escape, markdown_to_plain, shorten, to_markdown, to_plain


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Degraded  performance.", "Degraded performance."),
        ("One<br />two<br>three", "One  \ntwo  \nthree"),
        ("One<br />\ntwo", "One  \ntwo"),  # <br /> at the end of a source line is one break
        ("One<br /><br />two", "One\n\ntwo"),
        ("One.\n\nTwo.", "One.\n\nTwo."),
        ("One\ntwo", "One  \ntwo"),  # Statuspage shows a newline as a line break
        ('Read <a href="https://example.com/a">the post</a>.', "Read [the post](https://example.com/a)."),
        ('<a href="https://example.com/a">https://example.com/a</a>', "<https://example.com/a>"),
        ('<a href="https://example.com/a b(c)">x</a>', "[x](https://example.com/a%20b%28c%29)"),
        ('<a href="javascript:alert(1)">click</a> <a href="/relative">here</a>', "click here"),
        ("<ul><li>one</li><li>two <b>bold</b></li></ul>", "- one\n- two bold"),
        ("Steps:<ol><li>a</li><li>b</li></ol>Done.", "Steps:\n\n1. a\n2. b\n\nDone."),
        ("<ul><li>a<ul><li>inner</li></ul></li><li>b</li></ul>", "- a\n    - inner\n- b"),
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<h1>Title</h1><em>text</em>", "Title\n\ntext"),
        ("Hi<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)> there", "Hi there"),
        ('<iframe src="https://evil.example"></iframe>ok', "ok"),
        ("< 2% of runs", "< 2% of runs"),
        ("&lt;b&gt;not bold&lt;/b&gt; &amp;amp; AT&amp;T", "&lt;b>not bold&lt;/b> &amp;amp; AT&T"),
        ("*stars* _under_ snake_case [x] `tick` \\", "\\*stars\\* \\_under\\_ snake_case \\[x\\] \\`tick\\` \\\\"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list\n1. not numbered\n> not a quote", "\\- not a list  \n1\\. not numbered  \n\\> not a quote"),
        ("", ""),
    ],
)
def test_to_markdown(html: str, expected: str) -> None:
    assert to_markdown(html) == expected


def test_markdown_renders_what_the_source_showed() -> None:
    html = 'a <b>x</b><br />b &lt;script&gt;<ul><li>c</li></ul><a href="https://e.com/">d</a> *e*'
    rendered = markdown.markdown(to_markdown(html), extensions=["tables", "sane_lists"])
    assert rendered == ('<p>a x<br />\nb &lt;script&gt;</p>\n<ul>\n<li>c</li>\n</ul>\n<p><a href="https://e.com/">d</a> *e*</p>')


def test_to_plain_keeps_only_words() -> None:
    assert to_plain('One<br />two <a href="https://e.com">link</a><ul><li>three</li></ul><script>x</script>') == "One two link three"
    assert markdown_to_plain("*Resolved* - all **good** [now](https://e.com)") == "Resolved - all good now"


def test_escape_makes_plain_text_safe_markdown() -> None:
    assert escape("# 1 *big* <b>") == "\\# 1 \\*big\\* &lt;b>"


def test_shorten_keeps_whole_sentences_or_cuts_at_a_word() -> None:
    assert shorten("Short.") == "Short."
    assert shorten("First sentence here. Second one is long.", limit=25) == "First sentence here."
    assert shorten("one two three four five six", limit=15) == "one two three…"
    assert shorten("one, two three four. Five.", words=3) == "one, two three…"
    assert shorten("One two. Three four five six.", words=3) == "One two."
