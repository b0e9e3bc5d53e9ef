"""HTML pages get what the Markdown path gave them: toc ids, phone-card labels, a table of contents, search entries."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import markdown
import pytest

from trustpages.pipeline import make_site
from trustpages.render import htmlpage
from trustpages.render.cards import TableCards
from trustpages.validate import validate

REPO = Path(__file__).resolve().parents[2]


def _markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables", "toc", TableCards()])


@pytest.mark.parametrize(
    "headings",
    [
        ["What happened", "Timeline", "What happened"],  # a repeat gets _1, as Markdown's toc gives it
        ["Ça & <co> — 100 %", "Warum es passiert ist", "2026 Q3: at renewal"],
        ["Status", "status", "Status_1"],
    ],
)
def test_headings_get_the_ids_markdown_gives_them(headings: list[str]) -> None:
    from markupsafe import escape

    html = htmlpage.finish("".join(f"<h2>{escape(text)}</h2>\n" for text in headings))
    expected = _markdown("\n\n".join(f"## {text.replace('<', '&lt;').replace('>', '&gt;')}" for text in headings))
    assert re.findall(r'id="([^"]*)"', html) == re.findall(r'id="([^"]*)"', expected)


def test_an_id_a_template_gives_is_kept_and_not_given_twice() -> None:
    html = htmlpage.finish('<h2 id="remedy">Remedy</h2>\n<h2>Remedy</h2>\n<h3 data-search-exclude>Why</h3>')
    assert re.findall(r'id="([^"]*)"', html) == ["remedy", "remedy_1", "why"]
    assert '<h3 data-search-exclude id="why">Why</h3>' in html


def test_tables_get_the_same_card_labels_as_the_markdown_extension() -> None:
    rows = [("Date", "Title", "Impact"), ("1 May", "<a href='x'>Down</a>", "<span>Major</span>"), ("2 May", "Slow", "Minor")]
    as_markdown = _markdown(
        "\n".join(["| " + " | ".join(row) + " |" if i != 1 else "|---|---|---|\n| " + " | ".join(row) + " |" for i, row in enumerate(rows)])
    )
    as_html = htmlpage.finish(
        "<table>\n<thead><tr>"
        + "".join(f"<th>{cell}</th>" for cell in rows[0])
        + "</tr></thead>\n<tbody>\n"
        + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows[1:])
        + "</tbody>\n</table>"
    )
    labels = re.compile(r'data-label="([^"]*)"|data-tp-cards')
    assert labels.findall(as_html) == labels.findall(as_markdown) and "data-tp-cards" in as_html
    # Two columns, or a fact table with empty headings, stay tables.
    for table in ("<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
                  "<table><thead><tr><th></th><th></th><th></th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>"):  # fmt: skip
        assert htmlpage.finish(table) == table


def test_the_table_of_contents_nests_headings_as_markdown_reports_them() -> None:
    body = htmlpage.finish("<h1>Title</h1><h2>One</h2><h3>One a</h3><h2>Two &amp; more</h2>")
    tokens = htmlpage.toc_tokens(htmlpage.headings(body))
    assert [(t["id"], [(c["id"], [g["id"] for g in c["children"]]) for c in t["children"]]) for t in tokens] == [
        ("title", [("one", ["one-a"]), ("two-more", [])])
    ]
    assert tokens[0]["children"][1]["name"] == "Two &amp; more"


def test_an_html_page_written_for_a_markdown_builder_keeps_its_headings_and_html() -> None:
    source = '---\ntitle: "A (b)"\n---\n<h1 id="a-b">A (b)</h1>\n<p class="x">1 * 2</p>\n<h2 data-search-exclude id="t">Time_line</h2>\n'
    converted = _markdown(htmlpage.split(htmlpage.as_markdown_file(source))[1])
    assert (
        re.sub(r">\s+<", "><", converted.strip())
        == '<h1 id="a-b">A (b)</h1><p class="x">1 * 2</p><h2 data-search-exclude id="t">Time_line</h2>'
    )


def test_pages_are_html_unless_a_site_overrides_one_with_a_markdown_template(tmp_path: Path) -> None:
    records = validate(REPO / "content", date(2026, 11, 23), advice=False).records
    assert records is not None
    built_in = make_site(records, date(2026, 11, 23))
    assert built_in.html == set(built_in.pages)  # every built-in template is HTML
    (tmp_path / "mistake.md.j2").write_text(
        '{% from "_macros.md.j2" import get_updates with context %}\n# {{ mistake.title|text }}\n\n{{ status_badge("kept") }}\n',
        encoding="utf-8",
    )
    own = make_site(records, date(2026, 11, 23), tmp_path)
    mistakes = {path for path in own.pages if path.startswith("mistakes/") and path != "mistakes/index.md"}
    assert mistakes and not mistakes & own.html and own.html == set(own.pages) - mistakes
    assert all(own.pages[path].startswith("# ") for path in mistakes)


def test_search_sections_are_the_themes_without_its_parser() -> None:
    """A heading with an id starts a section; the first is the page itself; excluded headings leave theirs out."""
    body = htmlpage.finish(
        "<h1>Outage</h1><p>Started &amp; stopped</p><h2>What happened</h2><div class='tp-prose'><p>All down.</p><h3>More</h3></div>"
        "<h2 data-search-exclude>Timeline</h2><ol><li>first</li></ol><h2 id='remedy'>Remedy</h2><p>Refunds</p>"
    )
    sections = htmlpage.search_sections(body)
    assert [(s.title, s.id, s.text) for s in sections] == [
        ("Outage", None, "Started &amp; stopped"),
        ("What happened", "what-happened", "All down. More"),  # a heading inside a record's text is text
        ("Remedy", "remedy", "Refunds"),
    ]
    # Material shows a result's title and text as HTML: markup typed into a record is escaped words in both.
    hostile = htmlpage.finish("<h1>&lt;img src=x onerror=&#34;go()&#34;&gt; &amp; co</h1><p>&lt;script&gt;go()&lt;/script&gt;</p>")
    assert [(s.title, s.text) for s in htmlpage.search_sections(hostile)] == [
        ('&lt;img src=x onerror="go()"&gt; &amp; co', "&lt;script&gt;go()&lt;/script&gt;")
    ]
    # Words before the first heading are the page's own section (shown under its title).
    assert [(s.title, s.id) for s in htmlpage.search_sections(htmlpage.finish("<p>Lead</p><h2>Next</h2><p>x</p>"))] == [
        (None, None),
        ("Next", "next"),
    ]
    # A paragraph marked data-search-exclude (a record page's way back) is no words of the page: the title stays its first section.
    back = '<p class="tp-back" data-search-exclude><a href="../">← All incidents</a></p><h1>Outage</h1><p>Down</p><p>After</p>'
    assert [(s.title, s.id, s.text) for s in htmlpage.search_sections(htmlpage.finish(back))] == [("Outage", None, "Down After")]


def test_a_title_is_escaped_once_however_often_it_is_escaped() -> None:
    """Front matter titles come escaped from templates (`|e`); markup written into one is left out, never run."""
    assert htmlpage.escaped_title("Tom &amp; Jerry &lt;b&gt;") == "Tom &amp; Jerry &lt;b&gt;"
    assert htmlpage.escaped_title(htmlpage.escaped_title("a &lt; b &#34;c&#34;")) == 'a &lt; b "c"'
    assert htmlpage.escaped_title('<img src=x onerror="go()">Outage & more') == "Outage &amp; more"
