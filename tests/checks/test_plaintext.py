"""A prose field read as readers see it: Markdown gone, each character traced back to the field, sentences with words in them."""

from __future__ import annotations

from trustpages.checks.plaintext import WORD, Plain


def test_text_without_markdown_is_its_own_plain_text() -> None:
    plain = Plain.of("We are sorry. It will not happen again.")
    assert plain.offsets is None
    assert [plain.text[start:end] for start, end in plain.sentences()] == ["We are sorry.", "It will not happen again."]
    assert plain.raw(3) == 3


def test_markdown_is_dropped_and_each_character_found_where_it_was_typed() -> None:
    raw = "We **utilised** [our docs](https://example.com) and `retry`."
    plain = Plain.of(raw)
    assert plain.text == "We utilised our docs and code."
    index = plain.text.index("utilised")
    assert raw[plain.raw(index) : plain.raw(index) + 8] == "utilised"
    assert raw[plain.raw(plain.text.index("our docs"))] == "o"
    assert plain.raw(len(plain.text)) == len(raw)  # one past the end: after the last character


def test_blocks_end_sentences_and_empty_ones_are_not_sentences() -> None:
    plain = Plain.of("# Heading\n\n- first item\n- second item\n\n```\ncode here\n```\n\n!!!")
    assert [plain.text[start:end] for start, end in plain.sentences()] == ["Heading", "first item", "second item"]


def test_an_address_is_one_word() -> None:
    assert [found.group() for found in WORD.finditer("Mail help@example.com or see https://example.com/a-b now.")] == [
        "Mail",
        "help@example.com",
        "or",
        "see",
        "https://example.com/a-b",
        "now",
    ]
