"""trustpages.targets: `met` computed from a standing promise's target and a measurement, by documented rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustpages.targets import actual_quantity, computed_met

CASES = [
    # target, actual, met (None: cannot be computed, people type it)
    ("99% of transactions arrive within one hour", "99.4%", True),
    ("99% of transactions arrive within one hour", "98.6%", False),
    ("95% of emails answered by a person within one working day", "95.0%", True),
    ("95 % answered", "94.99 %", False),
    ("at least 95 percent of calls answered", "96 percent", True),
    ("95% or more", "95%", True),
    ("5% or less of payments fail", "6%", False),  # words after the number, against the default (≥)
    ("each call lasts 30 minutes or more", "20 minutes", False),  # against the default (≤)
    ("≥ 95%", "94%", False),
    ("Fewer than 1% of payments fail", "0.5%", True),
    ("Fewer than 1% of payments fail", "1%", False),
    ("at most 1% of payments fail", "1%", True),
    ("Every refund paid within five working days", "100%", True),
    ("Every refund paid within five working days", "98.7%", False),
    ("A first public update within 30 minutes for every unplanned incident", "1 of 1", True),
    ("A first public update within 30 minutes for every unplanned incident", "3 out of 4", False),
    ("A first public update within 30 minutes for every unplanned incident", "0 of 0", None),
    ("95.5% of emails answered", "19 of 20", False),  # a share is the percentage it makes: 95
    ("First reply within 4 hours", "3.5 h", True),
    ("First reply within 4 hours", "240 minutes", True),
    ("First reply within 4 hours", "300 minutes", False),
    ("within a day", "23 h", True),
    # A duration without comparison words is a limit (≤), the documented default.
    ("First reply in 4 hours", "4 h", True),
    ("First reply in 4 hours", "3 hours", True),
    ("First reply in 4 hours", "241 minutes", False),
    ("Refunds in 5 working days", "6 working days", False),
    ("Refunds within 5 working days", "4 working days", True),
    ("Refunds within 5 working days", "4 days", None),  # working days and calendar days do not compare
    ("at most 2 incidents a quarter", "3", False),
    ("at most 2 incidents a quarter", "2", True),
    ("more than 100 customers asked", "100", False),
    ("2 incidents a quarter", "2", None),  # a bare count needs words saying which way
    ("95% of emails answered", "96% in July", None),  # more than one number: people read it
    ("95% of emails answered", "all but two", None),
    ("We answer quickly", "96%", None),
]


@pytest.mark.parametrize(("target", "actual", "met"), CASES)
def test_rules(target: str, actual: str, met: bool | None) -> None:
    assert computed_met(target, actual) is met


shares = st.integers(min_value=0, max_value=10_000).map(lambda n: n / 100)


@given(target=shares, actual=shares)
def test_a_percentage_target_is_a_floor(target: float, actual: float) -> None:
    assert computed_met(f"{target:g}% of emails answered within one working day", f"{actual:g}%") is (actual >= target)


@given(target=shares, actual=shares)
def test_fewer_than_is_strict(target: float, actual: float) -> None:
    assert computed_met(f"fewer than {target:g}% of payments fail", f"{actual:g}%") is (actual < target)


@given(limit=st.integers(min_value=1, max_value=48), minutes=st.integers(min_value=0, max_value=4000))
def test_durations_compare_across_units(limit: int, minutes: int) -> None:
    assert computed_met(f"first reply within {limit} hours", f"{minutes} minutes") is (minutes <= limit * 60)
    assert computed_met(f"first reply within {limit * 60} min", f"{minutes / 60:.6f} h") is (minutes / 60 <= limit + 1e-9)


@given(limit=st.integers(min_value=1, max_value=48), minutes=st.integers(min_value=0, max_value=4000))
def test_a_duration_without_comparison_words_is_a_limit(limit: int, minutes: int) -> None:
    assert computed_met(f"a person replies in {limit} hours", f"{minutes} minutes") is (minutes <= limit * 60)


@given(done=st.integers(min_value=0, max_value=500), extra=st.integers(min_value=0, max_value=500))
def test_a_share_is_a_percentage(done: int, extra: int) -> None:
    total = done + extra
    expected = None if total == 0 else done == total
    assert computed_met("every incident gets an update within 30 minutes", f"{done} of {total}") is expected


@given(st.text(max_size=60))
def test_any_text_gives_an_answer_or_none_never_an_error(text: str) -> None:
    assert computed_met(text, text) in (True, False, None)
    assert computed_met("95% answered", text) in (True, False, None)


def test_only_a_lone_number_is_an_actual() -> None:
    assert actual_quantity("96.2%") is not None
    assert actual_quantity("96.2% (412 emails)") is None
