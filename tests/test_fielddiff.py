"""fielddiff: the changed values between two parsed versions of a record, and a value on one line."""

from __future__ import annotations

from trustpages.fielddiff import FieldChange, diff, show


def test_the_same_record_has_no_changes_and_numbers_compare_as_values() -> None:
    assert diff({"price": 12, "notes": [1, 2]}, {"price": 12.0, "notes": [1, 2]}) == []
    assert diff({"price": 12}, {"price": "12"}) == [FieldChange("price", "12", "12")]


def test_mappings_compare_key_by_key_in_the_newer_files_order_then_removed_keys() -> None:
    old = {"title": "Old", "due": "2026-06-30", "owner": "Team"}
    new = {"cause": "A cert", "title": "New", "owner": "Team"}
    assert diff(old, new) == [
        FieldChange("cause", None, "A cert"),
        FieldChange("title", "Old", "New"),
        FieldChange("due", "2026-06-30", None),
    ]


def test_nested_paths_are_dotted_and_list_items_counted_from_one() -> None:
    old = {"updates": [{"on": "2026-02-01", "status": "not_started"}, {"on": "2026-04-10", "status": "in_progress"}]}
    new = {"updates": [{"on": "2026-02-01", "status": "not_started"}, {"on": "2026-04-10", "status": "stalled"}]}
    assert diff(old, new) == [FieldChange("updates[2].status", "in_progress", "stalled")]


def test_an_appended_update_is_one_added_item() -> None:
    old = {"updates": [{"status": "a"}, {"status": "b"}]}
    new = {"updates": [{"status": "a"}, {"status": "b"}, {"status": "kept", "note": "Live"}]}
    assert diff(old, new) == [FieldChange("updates[3]", None, "{status: kept, note: Live}")]


def test_a_removed_last_item_is_one_removed_item() -> None:
    assert diff(["a", "b", "c"], ["a", "b"]) == [FieldChange("[3]", "c", None)]


def test_an_item_inserted_at_the_front_is_aligned_not_every_later_item_changed() -> None:
    # Two or more items differ position by position, so the lists are aligned first.
    assert diff(["b", "c", "d"], ["a", "b", "c", "d"]) == [FieldChange("[1]", None, "a")]
    assert diff(["a", "b", "c", "d"], ["b", "c", "d"]) == [FieldChange("[1]", "a", None)]


def test_an_aligned_replacement_is_compared_field_by_field() -> None:
    old = [{"id": "x", "n": 1}, {"id": "y", "n": 2}, {"id": "z", "n": 3}]
    new = [{"id": "new", "n": 0}, {"id": "x", "n": 1}, {"id": "y", "n": 2}, {"id": "z", "n": 4}]
    assert diff(old, new) == [FieldChange("[1]", None, "{id: new, n: 0}"), FieldChange("[4].n", "3", "4")]


def test_a_change_of_shape_is_the_whole_value() -> None:
    assert diff({"a": 1}, [1]) == [FieldChange("", "{a: 1}", "[1]")]
    assert diff({"evidence": "one"}, {"evidence": ["one"]}) == [FieldChange("evidence", "one", "[one]")]


def test_show_writes_a_value_on_one_line_in_yamls_flow_style() -> None:
    assert show(None) == "null"
    assert show(True) == "true"
    assert show(False) == "false"
    assert show(12.5) == "12.5"
    assert show({"on": "2026-02-01", "ok": [True, None]}) == "{on: 2026-02-01, ok: [true, null]}"
    assert show("Two lines\n  of text\twith   gaps") == "Two lines of text with gaps"
