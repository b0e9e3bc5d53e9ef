"""trustpages.surveys against hand computation: shares, the Wilson interval, the trust index, and the warnings check gives."""

from __future__ import annotations

import math

import pytest

from trustpages import surveys
from trustpages.records import Survey

SURVEY = Survey.model_validate(
    {
        "id": "trust",
        "title": "How much do customers trust us?",
        "method": "Five questions.",
        "scale": 5,
        "questions": [
            {"id": "cares", "text": "We care."},
            {"id": "delivers", "text": "We deliver.", "measures": "promises"},
        ],
        "waves": [
            {"period": "2026-Q1", "stage": "renewal", "answers": {"cares": [4, 9, 30, 80, 77], "delivers": [6, 11, 25, 90, 68]}},
            {"period": "2026-Q2", "stage": "leaving", "answers": {"cares": [5, 5, 5, 5, 5], "delivers": [1, 2, 3]}},
        ],
    }
)


def test_share_by_hand() -> None:
    first = surveys.results(SURVEY)[0]
    cares = first.shares["cares"]
    assert cares is not None and (cares.n, cares.agree) == (200, 157)
    assert cares.value == pytest.approx(0.785)
    # Wilson, by hand: p = 0.785, n = 200, z = 1.96
    p, n, z = 0.785, 200, 1.959963984540054
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    low, high = cares.interval  # type: ignore[misc]
    assert (low, high) == pytest.approx((centre - half, centre + half))
    assert (round(low, 3), round(high, 3)) == (0.723, 0.836)
    delivers = first.shares["delivers"]
    assert delivers is not None and (delivers.n, delivers.agree) == (200, 158)
    assert first.index == pytest.approx((157 / 200 + 158 / 200) / 2)


def test_few_answers_and_a_list_that_does_not_fit_the_scale() -> None:
    second = surveys.results(SURVEY)[1]
    cares = second.shares["cares"]
    assert cares is not None and cares.few and cares.value == pytest.approx(0.4)
    assert second.shares["delivers"] is None  # three counts on a five-point scale: left out
    assert second.index == pytest.approx(0.4)


def test_the_interval_stays_inside_0_and_1() -> None:
    assert surveys.Share(10, 10).interval[1] == pytest.approx(1.0)  # type: ignore[index]
    assert surveys.Share(10, 0).interval[0] == pytest.approx(0.0, abs=1e-12)  # type: ignore[index]
    assert surveys.Share(0, 0).interval is None and surveys.Share(0, 0).value is None


def test_the_latest_delivers_share_and_stages() -> None:
    found = surveys.delivers((SURVEY,))
    assert found is not None and found[1] == "2026-Q1"  # the Q2 list does not fit the scale
    assert (found[2].n, found[2].agree) == (200, 158)
    assert list(surveys.by_stage(SURVEY)) == ["renewal", "leaving"]


def test_every_stage_of_the_latest_period_counts_together() -> None:
    both = SURVEY.model_copy(
        update={
            "waves": (
                *SURVEY.waves[:1],
                SURVEY.waves[0].model_copy(update={"stage": "leaving", "answers": {"delivers": (20, 10, 5, 3, 2)}}),
            )
        }
    )
    found = surveys.delivers((both,))
    assert found is not None and found[1] == "2026-Q1"
    assert (found[2].n, found[2].agree) == (200 + 40, 158 + 5)
