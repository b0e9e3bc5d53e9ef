"""The date every computation is relative to: explicit, so builds are reproducible."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time

from trustpages.problems import UsageError
from trustpages.records.common import RANGE, in_range


def default_as_of() -> date:
    """SOURCE_DATE_EPOCH's date when it is set (reproducible builds), else today (UTC).

    A SOURCE_DATE_EPOCH that is not whole seconds, or whose date is outside the range records
    may hold, is a UsageError with a message for people.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(UTC).date()
    if not re.fullmatch(r"[+-]?[0-9]+", epoch):
        raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970; got {epoch!r}")
    outside = UsageError(
        f"SOURCE_DATE_EPOCH {epoch[:30]}{'…' if len(epoch) > 30 else ''} is outside the dates trustpages accepts ({RANGE})"
    )
    if len(epoch) > 20:  # far outside, and int() of a huge string is slow  # pragma: no mutate (only zero padding tells 20 from 21)
        raise outside
    try:
        day = datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise outside from None
    if not in_range(day):
        raise outside
    return day


def build_moment(as_of: date) -> datetime | None:
    """When a build for `as_of` is made (UTC): SOURCE_DATE_EPOCH's moment when it is set, else the clock's, if that falls on as_of.

    Pages say their status is as of this moment, with its time: a page can be hours old. A day
    pinned by hand (the plugin's as_of, --as-of) whose time nobody gave has none: None. So has a
    SOURCE_DATE_EPOCH at midnight UTC exactly: that is a day written as a moment (`trustpages build
    --as-of` sets one), and its "01:00 Berlin time" would be a time nobody gave.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not re.fullmatch(r"[+-]?[0-9]{1,20}", epoch):  # default_as_of says why, when this build uses it
        return None
    try:
        moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    except (ValueError, OverflowError, OSError):
        return None
    if epoch and moment.timetz() == time(tzinfo=UTC):
        return None
    return moment if moment.date() == as_of else None


def parse_day(text: str, what: str | None = None) -> date:
    """A date typed by a person (--as-of, the plugin's as_of): YYYY-MM-DD inside the range records may hold; UsageError otherwise.

    `what` names the setting in the message ("as_of must be …"); without it the message starts "expected …".
    """
    start = f"{what} must be" if what else "expected"
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        raise UsageError(f"{start} a date like 2026-03-04; got {text!r}") from None
    if not in_range(day):
        raise UsageError(f"{start} a date from {RANGE}; got {text!r}")
    return day
