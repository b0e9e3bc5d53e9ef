"""The safe YAML reader: YAML 1.2 scalars, positions, and a clear error for every hostile or broken file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BAD, BAD_YAML
from trustpages.yamlsource import MAX_BYTES, Document, YamlError, read


def parse(tmp_path: Path, text: str | bytes) -> Document:
    path = tmp_path / "record.yml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read(path)


def error(tmp_path: Path, text: str | bytes) -> tuple[int, int, str, str | None]:
    with pytest.raises(YamlError) as caught:
        parse(tmp_path, text)
    return caught.value.line, caught.value.col, caught.value.message, caught.value.hint


def value(tmp_path: Path, text: str) -> Any:
    return parse(tmp_path, text).value


# Plain scalars: YAML 1.2 core schema, so the words people write stay words.


def test_yes_no_on_off_stay_text(tmp_path: Path) -> None:
    assert value(tmp_path, "on: yes\nanswer: no\nswitch: off\nother: On\n") == {
        "on": "yes",
        "answer": "no",
        "switch": "off",
        "other": "On",
    }


def test_clock_times_and_dates_stay_text(tmp_path: Path) -> None:
    # YAML 1.1 reads 1:30 as the number 90 and 2026-02-30 as an error or a date object.
    assert value(tmp_path, "duration: 1:30\nday: 2026-02-30\nmoment: 2026-03-04T09:12:00Z\n") == {
        "duration": "1:30",
        "day": "2026-02-30",
        "moment": "2026-03-04T09:12:00Z",
    }


def test_numbers_booleans_and_null(tmp_path: Path) -> None:
    assert value(tmp_path, "a: 12\nb: -1.5\nc: 1e3\nd: true\ne: False\nf: ~\ng:\nh: null\n") == {
        "a": 12,
        "b": -1.5,
        "c": 1000.0,
        "d": True,
        "e": False,
        "f": None,
        "g": None,
        "h": None,
    }


def test_yaml_1_1_number_forms_stay_text(tmp_path: Path) -> None:
    assert value(tmp_path, "hex: 0x1F\noctal: 0o17\nunderscored: 1_000\ninf: .inf\n") == {
        "hex": "0x1F",
        "octal": "0o17",
        "underscored": "1_000",
        "inf": ".inf",
    }


def test_quoted_values_are_always_text(tmp_path: Path) -> None:
    assert value(tmp_path, "a: '12'\nb: \"true\"\nc: 'Note: x'\n") == {"a": "12", "b": "true", "c": "Note: x"}


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    assert value(tmp_path, "\ufefftitle: x\n") == {"title": "x"}


def test_one_document_with_explicit_markers_is_fine(tmp_path: Path) -> None:
    assert value(tmp_path, "---\ntitle: x\n...\n") == {"title": "x"}


def test_aliases_within_budget_are_expanded(tmp_path: Path) -> None:
    assert value(tmp_path, "a: &owner Platform team\nb: *owner\n") == {"a": "Platform team", "b": "Platform team"}


def test_a_tab_inside_a_value_is_fine(tmp_path: Path) -> None:
    assert value(tmp_path, 'body: "one\ttwo"\nplain: a\tb\n') == {"body": "one\ttwo", "plain": "a\tb"}


def test_a_list_where_a_mapping_belongs_is_returned_as_is(tmp_path: Path) -> None:
    # The reader does not know what a record should be; the loader reports the shape (test_loader).
    assert value(tmp_path, "- title\n- on\n") == ["title", "on"]


# Positions.


POSITIONS = """\
title: Login
updates:
  - {at: 2026-03-04T09:20:00Z, status: investigating}
  - at: 2026-03-04T09:41:00Z
    status: identified
"""


@pytest.mark.parametrize(
    ("loc", "key", "expected"),
    [
        (("title",), False, (1, 8)),
        (("title",), True, (1, 1)),
        (("updates", 0, "status"), False, (3, 40)),
        (("updates", 1, "status"), True, (5, 5)),
        (("updates", 1), False, (4, 5)),
        (("updates", 1, "body"), False, (4, 5)),  # missing: its parent
        (("updates", 7, "at"), False, (3, 3)),  # no such item: the list
        (("nothing",), False, (1, 1)),
        ((), False, (1, 1)),
    ],
)
def test_position_of_a_value_or_key(tmp_path: Path, loc: tuple[str | int, ...], key: bool, expected: tuple[int, int]) -> None:
    assert parse(tmp_path, POSITIONS).position(loc, key=key) == expected


# Files that are not plain, well-formed YAML: one fixture per rule in tests/fixtures/bad/.


def test_every_bad_fixture_has_its_expected_problem() -> None:
    assert sorted(path.name for path in BAD.iterdir()) == sorted(BAD_YAML)


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_bad_fixture(name: str) -> None:
    with pytest.raises(YamlError) as caught:
        read(BAD / name)
    found = caught.value
    assert (found.line, found.col, found.message, found.hint) == BAD_YAML[name]


def test_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(YamlError) as caught:
        read(tmp_path)  # a folder
    assert (caught.value.line, caught.value.col, caught.value.message, caught.value.hint) == (
        1,
        1,
        "cannot read the file: Is a directory",
        "check that you may read it",
    )


def test_comment_only_file_is_empty(tmp_path: Path) -> None:
    assert error(tmp_path, "# nothing here yet\n") == (1, 1, "file is empty", "write the record's fields, or delete the file")


def test_duplicate_key_inside_a_list_item(tmp_path: Path) -> None:
    text = "updates:\n  - at: 2026-03-04T09:20:00Z\n    status: investigating\n    status: identified\n"
    assert error(tmp_path, text)[:3] == (4, 5, "duplicate key 'status'")


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system x\n", "!!python/object:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!int 12\n", "!!int"),
        ("a: !custom x\n", "!custom"),
    ],
)
def test_tags_are_refused(tmp_path: Path, text: str, tag: str) -> None:
    assert error(tmp_path, text) == (1, 4, f"YAML tag '{tag}' is not allowed", "remove the tag")


def test_colon_in_a_plain_value(tmp_path: Path) -> None:
    assert error(tmp_path, "on: 2026-05-02\ntitle: Note: x\n") == (
        2,
        12,
        "a colon followed by a space inside a value",
        "put the whole value in quotes",
    )


def test_invalid_utf8_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    # "é" is two bytes; the bad byte is the 10th character of line 2.
    assert error(tmp_path, b"title: x\nwhy: caf\xc3\xa9\xff\n")[:3] == (2, 10, "not valid UTF-8 (byte 0xff)")


def test_tab_after_spaces_in_indentation(tmp_path: Path) -> None:
    assert error(tmp_path, "related:\n  \t- a\n")[:3] == (2, 3, "tab character; YAML needs spaces for indentation")


def test_file_just_at_the_size_limit_is_read(tmp_path: Path) -> None:
    text = "why: " + "x" * (MAX_BYTES - len("why: \n")) + "\n"
    assert len(text) == MAX_BYTES
    assert len(value(tmp_path, text)["why"]) == MAX_BYTES - 6


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    assert error(tmp_path, "why: " + "x" * MAX_BYTES + "\n") == (
        1,
        1,
        "file is 1,000,006 bytes; records are limited to 1,000,000",
        "split it, or link to a long write-up instead of pasting it",
    )


def test_absurd_flow_nesting(tmp_path: Path) -> None:
    assert error(tmp_path, "[" * 100_000 + "]" * 100_000) == (1, 33, "nested more than 32 levels deep", None)


def test_absurd_block_nesting(tmp_path: Path) -> None:
    # Deep enough that libyaml's recursive composer must never see it, small enough to be read.
    text = "".join(" " * depth + "a:\n" for depth in range(1_200)) + " " * 1_200 + "b: 1\n"
    assert error(tmp_path, text) == (33, 33, "nested more than 32 levels deep", None)


def test_absurd_nesting_in_a_long_one_line_list(tmp_path: Path) -> None:
    assert error(tmp_path, "- " * 5_000 + "x\n") == (1, 65, "nested more than 32 levels deep", None)


def test_nesting_at_the_limit_is_read(tmp_path: Path) -> None:
    flow = "[" * 32 + "]" * 32
    block = "".join("  " * depth + f"level{depth + 1}:\n" for depth in range(31)) + "  " * 31 + "level32: x\n"
    assert value(tmp_path, flow) is not None
    assert value(tmp_path, block)["level1"]["level2"] is not None


def test_nesting_reached_through_aliases(tmp_path: Path) -> None:
    deep = "[" * 20 + "]" * 20
    assert error(tmp_path, f"a: &deep {deep}\nb: [{', '.join(['*deep'] * 3)}]\nc: [[[[[[[[[[[[[[*deep]]]]]]]]]]]]]]\n") == (
        1,
        27,  # the 32nd level is inside the anchored list, reached from c
        "nested more than 32 levels deep",
        None,
    )


def test_alias_to_itself(tmp_path: Path) -> None:
    assert error(tmp_path, "a: &loop [*loop]\n") == (1, 4, "nested more than 32 levels deep", None)


def test_control_character_in_a_deeply_nested_file(tmp_path: Path) -> None:
    # The depth pre-check parses too: it must explain the character, not crash on it.
    assert error(tmp_path, "[" * 3_000 + "\x00")[:3] == (1, 3_001, "character U+0000 is not allowed in YAML")


def test_unclosed_flow_list(tmp_path: Path) -> None:
    # The bracket is never closed: point where it opened, not past the end of the file.
    assert error(tmp_path, "affected: [login, api\n")[:3] == (
        1,
        11,
        "YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence)",
    )


@pytest.mark.parametrize("text", ['title: "half \\ud800 a pair"\n', '"\\udc00": 1\n'])
def test_an_escape_for_half_a_character_is_refused_whichever_parser_composed_it(text: str) -> None:
    """libyaml refuses a lone surrogate; PyYAML's own parser (without libyaml) makes one, which no file or page can hold."""
    import yaml

    from trustpages.yamlsource import _Converter, parse

    with pytest.raises(YamlError, match="YAML syntax"):
        parse(text.encode())
    with pytest.raises(YamlError) as raised:
        _Converter().value(yaml.compose(text, Loader=yaml.SafeLoader), 0)  # the pure-Python composer
    assert raised.value.message.startswith("the escape \\ud800 is half" if "ud800" in text else "the escape \\udc00 is half")
    assert (raised.value.line, raised.value.col) == (1, 8 if "title" in text else 1)


def test_text_another_tool_wrote_is_read_as_text_within_the_same_budgets() -> None:
    from trustpages.yamlsource import MAX_NODES, load_text

    assert load_text("date: 2021-03-01\nresolved: yes\ncount: 3\nnothing:\nlist: [a, ~]\n") == {
        "date": "2021-03-01",
        "resolved": "yes",
        "count": "3",
        "nothing": "",
        "list": ["a", "~"],
    }
    assert load_text("") is None
    bomb = "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * (MAX_NODES // 1000 + 1)) + "]\n"
    with pytest.raises(YamlError, match="aliases"):
        load_text(bomb)
    with pytest.raises(YamlError, match="is not allowed"):
        load_text("when: !!timestamp 2021-03-01\n")
    with pytest.raises(YamlError, match="duplicate key 'title'"):
        load_text("title: a\ntitle: b\n")
