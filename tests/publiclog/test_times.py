"""trustpages.publiclog.times: a typed date counts from when the log first published its fact, when that is later."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.conftest import MILESTONE, STANDING, VALID, Content
from trustpages import metrics
from trustpages.publiclog.compare import extend
from trustpages.publiclog.log import Log, publication_times
from trustpages.publiclog.times import as_published
from trustpages.records import RecordSet
from trustpages.validate import validate

KEPT = (
    "  - on: 2026-06-20\n    status: kept\n    note: Export is live for every plan.\n    evidence: [https://example.com/changelog/export]\n"
)
NOT_YET = VALID[MILESTONE].replace(KEPT, "")
EXPORT = "export-all-data"


def load(folder: object, day: date = date(2026, 7, 20), log: Log | None = None) -> RecordSet:
    result = validate(folder, day, log=log)  # type: ignore[arg-type]
    assert result.records is not None, [p.human() for p in result.errors]
    return result.records


def test_a_kept_update_published_after_the_due_date_is_late(content: Content) -> None:
    assert KEPT in VALID[MILESTONE]
    log = Log()
    assert not extend(log, load(content({MILESTONE: NOT_YET})), "2026-06-01T09:00:00Z", "a" * 40, True).problems
    records = load(content())  # the kept update, dated 20 June, published on 10 July: after the due date (30 June)
    assert not extend(log, records, "2026-07-10T09:00:00Z", "b" * 40).problems
    typed = metrics.on_time_rate(records, date(2026, 7, 20))
    published = as_published(records, publication_times(log))
    assert typed == 1.0 and metrics.on_time_rate(published.records, date(2026, 7, 20)) == 0.0
    [late] = published.of("commitment", EXPORT)
    assert (late.path, late.typed, late.published) == ("updates.3.on", date(2026, 6, 20), datetime(2026, 7, 10, 9, tzinfo=UTC))


def test_the_first_publication_is_dated_as_typed(content: Content) -> None:
    log = Log()
    records = load(content())
    extend(log, records, "2026-07-10T09:00:00Z", "a" * 40, first_publication=True)
    assert as_published(records, publication_times(log)).backdated == ()


def test_within_the_tolerance_a_typed_date_stands(content: Content) -> None:
    log = Log()
    extend(log, load(content({MILESTONE: NOT_YET})), "2026-06-01T09:00:00Z", "a" * 40, True)
    records = load(content())
    extend(log, records, "2026-06-21T20:00:00Z", "b" * 40)  # the next day in the site's time zone: within the tolerance
    assert as_published(records, publication_times(log)).backdated == ()


def test_notice_given_after_the_fact_is_no_notice(content: Content) -> None:
    pricing = VALID["pricing.yml"]
    without = pricing[: pricing.index("history:")]
    log = Log()
    extend(log, load(content({"pricing.yml": without})), "2026-01-01T09:00:00Z", "a" * 40, True)
    records = load(content())  # a price change announced (typed) 10 January, effective 15 February, published 1 March
    assert not extend(log, records, "2026-03-01T09:00:00Z", "b" * 40).refused
    typed = [p.message for p in validate(content(), date(2026, 7, 1)).warnings]
    judged = [p.message for p in validate(content(), date(2026, 7, 1), log=log).warnings]
    assert not any("price change" in m for m in typed)
    assert "no notice (published 14 days after it took effect) for the Team price change; we promised 30 when it was announced" in judged


def test_a_period_reported_long_after_it_ended_is_shown_not_moved(content: Content) -> None:
    standing = VALID[STANDING]
    without = standing.replace("  - {period: 2026-Q1, actual: 96.2%, met: true}\n", "")
    log = Log()
    extend(log, load(content({STANDING: without})), "2026-04-01T09:00:00Z", "a" * 40, True)
    records = load(content())  # 2026-Q1's measurement first published on 1 June: more than a month after 31 March
    extend(log, records, "2026-06-01T09:00:00Z", "b" * 40)
    published = as_published(records, publication_times(log))
    [late] = published.of("commitment", "reply-within-one-day")
    assert (late.path, late.typed) == ("measurements.1.period", "2026-Q1")
    assert published.records.commitments == records.commitments  # the period and its numbers are what they were


def test_a_promise_already_kept_when_published_is_not_kept_on_time(content: Content) -> None:
    log = Log()
    extend(log, load(content({MILESTONE: None, "incidents/2026-03-04-login-failures.yml": None})), "2026-01-01T09:00:00Z", "a" * 40, True)
    records = load(content({"incidents/2026-03-04-login-failures.yml": None}))  # made 1 February, kept 20 June: typed
    assert not extend(log, records, "2026-06-25T09:00:00Z", "b" * 40).problems  # but first published, whole, on 25 June
    published = as_published(records, publication_times(log))
    assert metrics.on_time_rate(records, date(2026, 7, 20)) == 1.0
    assert metrics.on_time_rate(published.records, date(2026, 7, 20)) == 0.0


def test_a_postmortem_is_dated_by_the_log_not_by_a_commit(content: Content) -> None:
    from trustpages.pipeline import make_site

    incident = "incidents/2026-03-04-login-failures.yml"
    without = VALID[incident].split("postmortem:")[0] if "postmortem:" in VALID[incident] else VALID[incident]
    log = Log()
    extend(log, load(content({incident: without})), "2026-03-05T09:00:00Z", "a" * 40, True)
    records = load(content({incident: without + "postmortem: We renewed certificates by hand and missed one.\n"}))
    extend(log, records, "2026-04-01T09:00:00Z", "b" * 40)  # 28 days after it was resolved, whatever git says
    assert ("incident", "2026-03-04-login-failures", "postmortem@present") in publication_times(log)
    page = make_site(records, date(2026, 7, 20), log=log).pages["incidents/2026-03-04-login-failures.md"]
    assert "1 April 2026" in page and "28 days" in page
