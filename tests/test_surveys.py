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
    assert found is not None and found.period == "2026-Q1"  # the Q2 list does not fit the scale
    assert (found.share.n, found.share.agree) == (200, 158) and found.group is None and found.groups == ("renewal",)
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
    assert found is not None and found.period == "2026-Q1"
    assert (found.share.n, found.share.agree) == (200 + 40, 158 + 5) and found.groups == ("renewal", "leaving")


def test_a_figure_is_one_question_one_group_one_period_and_the_same_however_asked_for() -> None:
    two = SURVEY.model_copy(
        update={
            "waves": (
                *SURVEY.waves,
                SURVEY.waves[0].model_copy(update={"period": "2026-Q2", "stage": "renewal"}),
            )
        }
    )
    leaving = surveys.figure(two, "cares", "2026-Q2", "leaving")
    assert leaving is not None and (leaving.share.n, leaving.share.agree) == (25, 10) and leaving.groups == ("leaving",)
    everyone = surveys.figure(two, "cares", "2026-Q2")
    assert everyone is not None and (everyone.share.n, everyone.share.agree) == (225, 167)
    assert everyone.groups == ("leaving", "renewal") and everyone.question.text == "We care."
    assert surveys.figure(two, "cares", "2026-Q2", "onboarding") is None  # nobody asked
    assert surveys.figure(two, "delivers", "2026-Q2", "leaving") is None  # its answers do not fit the scale
    assert surveys.figure(two, "cares", "2026-Q2", "leaving") == leaving


def test_the_latest_figure_of_each_group_not_of_whichever_wave_came_last() -> None:
    # Renewal last answered in Q1, leaving in Q2: the list shows both, each its own latest, never Q2's leavers for all.
    latest = surveys.latest_by_group(SURVEY, "cares")
    assert [(f.group, f.period, f.share.n) for f in latest] == [("renewal", "2026-Q1", 200), ("leaving", "2026-Q2", 25)]
    assert surveys.headline(SURVEY).id == "delivers"  # marked measures: promises
    unmarked = SURVEY.model_copy(update={"questions": SURVEY.questions[:1]})
    assert surveys.headline(unmarked).id == "cares"
    assert [(f.period, f.group) for f in surveys.by_wave(SURVEY, "cares")] == [("2026-Q1", "renewal"), ("2026-Q2", "leaving")]
