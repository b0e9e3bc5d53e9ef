"""Where a character of a field's text is in its YAML file: exact where the text is laid out plainly, else the field's own place."""

from __future__ import annotations

import pytest

from trustpages.checks.textposition import phrase_position
from trustpages.records import Source
from trustpages.yamlsource import parse


def position(yaml: str, loc: tuple[str | int, ...], phrase: str) -> tuple[int, int]:
    source = Source("content/x.yml", parse(yaml.encode()))
    value = source.document.value
    for part in loc:
        value = value[part]
    return phrase_position(source, loc, value.index(phrase))


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("title: T\npromise: We strive to answer.\n", (2, 13)),  # plain
        ('promise: "We strive to answer."\n', (1, 14)),  # quoted: after the quote
        ("promise: 'It''s we who strive to'\n", (1, 24)),  # '' is one quote in the text, two in the file
        ("promise: |\n  First line.\n  We strive to answer.\n", (3, 6)),  # literal block
        ("promise: |\n    First line.\n    We strive to answer.\n", (3, 8)),  # indented four
    ],
)
def test_a_phrase_is_found_where_it_was_typed(yaml: str, expected: tuple[int, int]) -> None:
    assert position(yaml, ("promise",), "strive") == expected


def test_a_phrase_in_a_list_item_is_found_there() -> None:
    yaml = "updates:\n  - on: 2026-01-01\n    note: We strive to finish.\n"
    assert position(yaml, ("updates", 0, "note"), "strive") == (3, 14)


@pytest.mark.parametrize(
    "yaml",
    [
        "promise: >\n  We strive\n  to answer.\n",  # folded: lines joined, columns unknown
        'promise: "We \\u0073trive to answer."\n',  # an escape: the text is shorter than the file
        "promise: |2\n    We strive to answer.\n",  # an indentation indicator
    ],
)
def test_where_columns_cannot_be_known_it_is_the_field_itself(yaml: str) -> None:
    source = Source("content/x.yml", parse(yaml.encode()))
    assert position(yaml, ("promise",), "strive") == source.position(("promise",))
