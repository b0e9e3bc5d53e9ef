"""When an incident's account reached the public: the first update's minutes, and the postmortem's day against the policy."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from trustpages.history import Change, FieldChange, History
from trustpages.records import Incident, Policies
from trustpages.timeliness import Published, first_update, first_update_minutes, postmortem_published

BERLIN = ZoneInfo("Europe/Berlin")
UTC_ZONE = ZoneInfo("UTC")
AS_OF = date(2026, 3, 20)
WEEK = Policies(postmortem_within_days=7)


def incident(**extra: Any) -> Incident:
    data: dict[str, Any] = {
        "id": "login",
        "title": "Login failures",
        "impact": "major",
        "started": "2026-03-04T22:00:00Z",
        "resolved": "2026-03-04T23:30:00Z",  # 5 March, 00:30 in Berlin
        "summary": "Logins failed.",
        "postmortem": "A certificate expired.",
        **extra,
    }
    return Incident.model_validate({key: value for key, value in data.items() if value is not None})


def commit(when: str, action: str = "changed", fields: tuple[FieldChange, ...] = (), keys: frozenset[str] = frozenset()) -> Change:
    return Change("a" * 40, datetime.fromisoformat(when), "edit", action, fields, keys=keys)  # type: ignore[arg-type]


POSTMORTEM_ADDED = FieldChange("postmortem", None, "A certificate expired.")
CREATED = commit("2026-03-05T08:00:00+00:00", "created", keys=frozenset({"title", "impact"}))


def test_a_logged_postmortem_counts_days_where_the_site_is() -> None:
    logged = datetime(2026, 3, 11, 22, 30, tzinfo=UTC)  # 11 March 23:30 in Berlin
    assert postmortem_published(incident(), None, AS_OF, BERLIN, WEEK, logged) == Published(date(2026, 3, 11), 6, False)
    # In UTC the incident was resolved on the 4th: a day more.
    assert postmortem_published(incident(), None, AS_OF, UTC_ZONE, WEEK, logged) == Published(date(2026, 3, 11), 7, False)
    assert postmortem_published(incident(), None, AS_OF, UTC_ZONE, Policies(postmortem_within_days=6), logged) == Published(
        date(2026, 3, 11), 7, True
    )


def test_the_log_time_wins_over_git_and_is_never_before_the_incident() -> None:
    history = History({("incident", "login"): (commit("2026-03-30T09:00:00+00:00", fields=(POSTMORTEM_ADDED,)), CREATED)})
    logged = datetime(2026, 3, 1, tzinfo=UTC)
    assert postmortem_published(incident(), history, AS_OF, UTC_ZONE, WEEK, logged) == Published(date(2026, 3, 1), 0, False)


def test_git_says_when_the_postmortem_was_added() -> None:
    history = History({("incident", "login"): (commit("2026-03-13T01:00:00+02:00", fields=(POSTMORTEM_ADDED,)), CREATED)})
    # Committed at 12 March 23:00 UTC: 13 March in Berlin (8 days after the 5th: late), 12 March in UTC (8 after the 4th).
    assert postmortem_published(incident(), history, AS_OF, BERLIN, WEEK) == Published(date(2026, 3, 13), 8, True)
    assert postmortem_published(incident(), history, AS_OF, UTC_ZONE, WEEK) == Published(date(2026, 3, 12), 8, True)


def test_git_days_are_never_negative_and_the_policy_day_itself_is_on_time() -> None:
    same_day = History({("incident", "login"): (commit("2026-03-04T23:50:00+00:00", fields=(POSTMORTEM_ADDED,)), CREATED)})
    assert postmortem_published(incident(), same_day, AS_OF, UTC_ZONE, WEEK) == Published(date(2026, 3, 4), 0, False)
    before = History({("incident", "login"): (commit("2026-03-01T10:00:00+00:00", fields=(POSTMORTEM_ADDED,)), CREATED)})
    assert postmortem_published(incident(), before, AS_OF, UTC_ZONE, WEEK) == Published(date(2026, 3, 1), 0, False)
    on_the_day = History({("incident", "login"): (commit("2026-03-11T12:00:00+00:00", fields=(POSTMORTEM_ADDED,)), CREATED)})
    assert postmortem_published(incident(), on_the_day, AS_OF, UTC_ZONE, WEEK) == Published(date(2026, 3, 11), 7, False)


def test_a_postmortem_not_committed_yet_is_published_by_this_build() -> None:
    history = History({("incident", "login"): (CREATED,)})
    assert postmortem_published(incident(), history, date(2026, 3, 9), UTC_ZONE, WEEK) == Published(date(2026, 3, 9), 5, False)
    assert postmortem_published(incident(), history, date(2026, 3, 12), UTC_ZONE, WEEK) == Published(date(2026, 3, 12), 8, True)


def test_nothing_is_said_when_nothing_can_tell() -> None:
    added = History({("incident", "login"): (commit("2026-03-06T00:00:00+00:00", fields=(POSTMORTEM_ADDED,)), CREATED)})
    assert postmortem_published(incident(postmortem=None), added, AS_OF, UTC_ZONE, WEEK) is None  # no postmortem
    assert postmortem_published(incident(resolved=None), added, AS_OF, UTC_ZONE, WEEK) is None  # still open
    assert postmortem_published(incident(), None, AS_OF, UTC_ZONE, WEEK) is None  # no history
    assert postmortem_published(incident(), History(available=False), AS_OF, UTC_ZONE, WEEK) is None
    assert postmortem_published(incident(), History(), AS_OF, UTC_ZONE, WEEK) is None  # the record is not committed yet
    born = History({("incident", "login"): (commit("2026-03-05T08:00:00+00:00", "created", keys=frozenset({"postmortem"})),)})
    assert postmortem_published(incident(), born, AS_OF, UTC_ZONE, WEEK) is None  # committed with it: the record's timeliness
    shallow = History({("incident", "login"): (CREATED,)}, is_shallow=True)
    assert postmortem_published(incident(), shallow, AS_OF, UTC_ZONE, WEEK) is None  # git may not have the commit
    assert postmortem_published(incident(), History({("incident", "login"): (CREATED,)}), AS_OF, UTC_ZONE, WEEK) is not None


def test_the_first_update_is_the_first_posted_at_or_after_the_start() -> None:
    updates = [
        {"at": "2026-03-04T21:50:00Z", "status": "investigating", "body": "Before the start."},
        {"at": "2026-03-04T22:08:59Z", "status": "identified", "body": "A certificate."},
        {"at": "2026-03-04T22:30:00Z", "status": "resolved", "body": "Fixed."},
    ]
    found = incident(updates=updates)
    assert first_update(found) == (1, found.updates[1])
    assert first_update_minutes(found) == 8  # 8 minutes 59 seconds: whole minutes
    at_start = incident(updates=[{"at": "2026-03-04T22:00:00Z", "status": "investigating", "body": "Now."}])
    assert first_update_minutes(at_start) == 0
    half_hour = incident(updates=[{"at": "2026-03-04T22:30:00Z", "status": "investigating", "body": "Now."}])
    assert first_update_minutes(half_hour) == 30


def test_no_first_update_without_a_start_or_an_update_after_it() -> None:
    assert first_update(incident(updates=[{"at": "2026-03-04T21:59:59Z", "status": "investigating", "body": "Early."}])) is None
    assert first_update_minutes(incident()) is None
    planned = incident(
        impact="maintenance",
        started=None,
        resolved=None,
        postmortem=None,
        scheduled_for="2026-03-10T10:00:00Z",
        scheduled_until="2026-03-10T11:00:00Z",
        updates=[{"at": "2026-03-01T10:00:00Z", "status": "scheduled", "body": "Planned."}],
    )
    assert first_update(planned) is None and first_update_minutes(planned) is None
