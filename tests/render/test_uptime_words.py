"""Uptime as the example's home page says it: a known fault never reads as a clean 100 %, and how it counts is said beside it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.gitrepo import REPO
from trustpages.pipeline import make_site
from trustpages.records import RecordSet
from trustpages.render.htmlpage import text_of
from trustpages.status import DOWNTIME_WEIGHT, service_status
from trustpages.strings import Strings
from trustpages.validate import validate

AS_OF = date(2026, 12, 6)
PHOTOS = "2026-11-22-mobile-app-photos"


@pytest.fixture(scope="module")
def example() -> RecordSet:
    records = validate(REPO / "content", AS_OF).records
    assert records is not None
    return records


def shown_uptime(records: RecordSet) -> dict[str, tuple[str, str]]:
    """Each component's name -> (its state's word, its uptime sentence), and each group's name -> ("", its average)."""
    home = make_site(records, AS_OF).pages["index.md"]
    shown = {
        text_of(name): (text_of(state), text_of(words))
        for name, state, words in re.findall(r'tp-component__name">(.*?)</span>(.*?)</p>.*?tp-component__uptime">(.*?)</p>', home, re.S)
    }
    for group, average in re.findall(r'tp-group__name">(.*?) <span class="tp-group__uptime">(.*?)</span>', home):
        shown[text_of(group)] = ("", text_of(average))
    return shown


def test_a_feature_broken_for_two_weeks_is_a_partial_outage_counted_in_uptime(example: RecordSet) -> None:
    # Receipt photos did not upload from Android for 14 days: filed as minor, the app read "100.00 %" and its group 100 %.
    photos = next(i for i in example.incidents if i.id == PHOTOS)
    assert photos.impact == "partial" and [c.field for c in photos.corrections] == ["impact"]
    shown = shown_uptime(example)
    state, words = shown["Mobile app"]
    assert state == "Partial outage"
    assert words.startswith(
        "98.40% uptime over the last 90 days. In plain time: 14 days 7 h partial outage, counted as 34 h 21 min of downtime."
    )
    assert shown["Apps"] == ("", "98.40% average uptime")


def test_no_part_with_a_fault_in_the_window_reads_a_clean_hundred(example: RecordSet) -> None:
    # The same fault filed as minor (slow, no downtime): the share is exactly 1, and the page still says it was not 100 %.
    minor = tuple(i.model_copy(update={"impact": "minor"}) if i.id == PHOTOS else i for i in example.incidents)
    slow = example.with_records("incident", minor)
    service = service_status(slow, AS_OF)
    shown = shown_uptime(slow)
    assert shown["Mobile app"][1].startswith("under 100% uptime over the last 90 days. In plain time: 14 days 7 h degraded performance")
    assert shown["Apps"][1] == "under 100% average uptime"
    for component in service.components:
        assert ("100.00%" in shown[component.component.name][1]) == (not component.faulted)
    assert any(not c.faulted for c in service.components)  # the clean 100.00 % is still said where it is true


@pytest.mark.parametrize("locale", ["en", "de"])
def test_how_we_count_states_every_weight_the_numbers_use(locale: str) -> None:
    t = Strings.for_site(locale)
    said = (t("service.method") + " " + t("service.method_more")).replace("\u00a0", " ")  # with or without a no-break space
    for impact in ("major", "partial"):
        assert t("percent_format", value=round(DOWNTIME_WEIGHT[impact] * 100)).replace("\u00a0", " ") in said
