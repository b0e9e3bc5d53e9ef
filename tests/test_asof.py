"""The date every computation is relative to: SOURCE_DATE_EPOCH's day or today, and a date typed by a person, each refused in words when it cannot be one."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from trustpages.asof import default_as_of, parse_day
from trustpages.problems import UsageError

OUTSIDE = "is outside the dates trustpages accepts (1970-01-01 to 9000-12-31)"


def test_source_date_epoch_gives_its_day_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1772668740 ")  # 2026-03-04T23:59:00Z; spaces around it are ignored
    assert default_as_of() == date(2026, 3, 4)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772668800")  # one minute later: the next day
    assert default_as_of() == date(2026, 3, 5)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert default_as_of() == date(1970, 1, 1)


@pytest.mark.parametrize("unset", ["", "   "])
def test_without_source_date_epoch_it_is_today_in_utc(monkeypatch: pytest.MonkeyPatch, unset: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", unset)
    before = datetime.now(UTC).date()
    assert default_as_of() in {before, datetime.now(UTC).date()}  # either side of a midnight passing during the call


@pytest.mark.parametrize(
    ("epoch", "message"),
    [
        ("1.5", "SOURCE_DATE_EPOCH must be whole seconds since 1970; got '1.5'"),
        ("2026-03-04", "SOURCE_DATE_EPOCH must be whole seconds since 1970; got '2026-03-04'"),
        ("-1", f"SOURCE_DATE_EPOCH -1 {OUTSIDE}"),  # 1969-12-31
        ("253402300800", f"SOURCE_DATE_EPOCH 253402300800 {OUTSIDE}"),  # year 10000: beyond datetime itself
        ("222000000000", f"SOURCE_DATE_EPOCH 222000000000 {OUTSIDE}"),  # year 9004: a date, but past 9000
        ("9" * 40, f"SOURCE_DATE_EPOCH {'9' * 30}… {OUTSIDE}"),  # too long to show, or to convert
    ],
)
def test_a_source_date_epoch_that_is_no_day_is_said_plainly(monkeypatch: pytest.MonkeyPatch, epoch: str, message: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(UsageError) as raised:
        default_as_of()
    assert str(raised.value) == message


def test_a_typed_day_is_read_inside_the_range() -> None:
    assert parse_day("2026-03-04") == date(2026, 3, 4)
    assert parse_day("1970-01-01", "as_of") == date(1970, 1, 1)
    assert parse_day("9000-12-31", "as_of") == date(9000, 12, 31)


@pytest.mark.parametrize(
    ("text", "what", "message"),
    [
        ("tomorrow", "as_of", "as_of must be a date like 2026-03-04; got 'tomorrow'"),
        ("2026-02-30", None, "expected a date like 2026-03-04; got '2026-02-30'"),
        ("1969-12-31", "--as-of", "--as-of must be a date from 1970-01-01 to 9000-12-31; got '1969-12-31'"),
        ("9001-01-01", None, "expected a date from 1970-01-01 to 9000-12-31; got '9001-01-01'"),
    ],
)
def test_a_typed_day_that_is_not_one_is_said_plainly(text: str, what: str | None, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_day(text, what)
    assert str(raised.value) == message
