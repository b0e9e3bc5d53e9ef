"""The keeper of a one-off build keeps nothing: every value is made afresh, each time it is asked for."""

from __future__ import annotations

from trustpages.opendata.keeper import FRESH, Keeper


def test_fresh_makes_every_value_each_time_it_is_asked() -> None:
    made: list[str] = []

    def make() -> str:
        made.append("x")
        return f"value {len(made)}"

    assert isinstance(FRESH, Keeper)
    assert FRESH.remember("schema", make) == "value 1"
    assert FRESH.remember("schema", make) == "value 2"  # the same name: made again, never kept
    assert FRESH.fragment(("inputs",), make) == "value 3"
    assert FRESH.fragment(("inputs",), make) == "value 4"
    assert made == ["x"] * 4
