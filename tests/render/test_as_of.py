"""Every page showing status says when it is from, with time and zone (asof.build_moment, Clock.as_of): a page can be hours old."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.gitrepo import REPO
from trustpages.asof import build_moment
from trustpages.pipeline import make_site
from trustpages.render import Output
from trustpages.render.environment import make_environment
from trustpages.render.htmlpage import text_of
from trustpages.validate import validate

AS_OF = date(2026, 12, 6)
BUILT = datetime(2026, 12, 6, 13, 5, 42, tzinfo=UTC)  # 14:05 in Berlin
STATUS_PAGES = ("index.md", "incidents/index.md", "commitments/index.md", "metrics.md", "record/index.md", "open-data.md")


@pytest.fixture(scope="module")
def example() -> Output:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(BUILT.timestamp())))
        records = validate(REPO / "content", AS_OF, advice=False).records
        assert records is not None
        return make_site(records, AS_OF)


def test_the_build_moment_is_source_date_epochs_or_the_clocks_when_it_falls_on_as_of(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(BUILT.timestamp())))
    assert build_moment(AS_OF) == BUILT
    assert build_moment(date(2026, 11, 23)) is None  # a day pinned by hand: its time is nobody's to invent
    # A day written as a moment (trustpages build --as-of sets SOURCE_DATE_EPOCH to its midnight UTC): no time invented.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 12, 6, tzinfo=UTC).timestamp())))
    assert build_moment(AS_OF) is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    assert build_moment(AS_OF) is None
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    today = datetime.now(UTC).date()
    moment = build_moment(today)
    assert moment is not None and moment.date() == today and moment.tzinfo is not None


@pytest.mark.parametrize("page", STATUS_PAGES)
def test_every_page_showing_status_says_its_time_and_zone(example: Output, page: str) -> None:
    assert "6 December 2026, 14:05 Berlin time" in text_of(example.pages[page]), page


def test_a_record_page_says_the_day_its_status_is_for(example: Output) -> None:
    # A computed status ("129 days late") grows stale; record pages are made once a day, so they name the day (no time).
    for page, status in (
        ("commitments/delete-accounts-within-30-days.md", "Overdue 128 days late as of 6 December 2026"),
        ("incidents/2026-12-12-bank-sync-maintenance.md", "Scheduled as of 6 December 2026"),
        ("incidents/2026-09-08-bank-sync-outage.md", "Resolved as of 6 December 2026"),
    ):
        assert status in text_of(example.pages[page]), page


def test_status_right_now_on_the_home_page_says_when(example: Output) -> None:
    text = text_of(example.pages["index.md"])
    assert "Figures as of 6 December 2026, 14:05 Berlin time." in text
    assert "Status as of 6 December 2026, 14:05 Berlin time." in text_of(example.pages["incidents/index.md"])


def test_a_day_pinned_by_hand_is_as_of_its_end_as_status_counts_it() -> None:
    as_of = make_environment(None, "en", "Europe/Berlin").filters["as_of"]
    assert as_of(date(2026, 11, 23), None) == "23 November 2026, end of day, Berlin time"
    in_german = make_environment(None, "de", "Europe/Berlin").filters["as_of"]
    assert in_german(date(2026, 11, 23), datetime(2026, 11, 23, 13, 5, tzinfo=UTC)) == "23. November 2026, 14:05 Ortszeit Berlin"


def test_the_incidents_page_names_the_zone_as_every_moment_does(example: Output) -> None:
    text = text_of(example.pages["incidents/index.md"])
    assert "Times are shown in Berlin time." in text and "Europe/Berlin" not in text
