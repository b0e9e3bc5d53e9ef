"""Tables carry their headings on every cell, so phones can show each row as a card."""

from __future__ import annotations

import markdown

from trustpages.render.cards import TableCards


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", TableCards()])


def test_each_cell_carries_its_heading() -> None:
    out = html("| Plan | *Change* | Why |\n|---|---|---|\n| Solo | 7 → 9 | [Costs](x) |\n")
    assert "<table data-tp-cards" in out
    assert '<td data-label="Plan">Solo</td>' in out
    assert '<td data-label="Change">7 → 9</td>' in out  # inline markup in a heading becomes its words
    assert '<td data-label="Why"><a href="x">Costs</a></td>' in out


def test_narrow_and_fact_tables_stay_tables() -> None:
    assert "data-" not in html("| A | B |\n|---|---|\n| 1 | 2 |\n")
    assert "data-" not in html("| | | |\n|---|---|---|\n| Due | 1 May | x |\n")
