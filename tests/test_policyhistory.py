"""trustpages.policyhistory: each thing is judged by the policy in force when it happened; a relaxed policy never reaches back."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.conftest import VALID, Content
from trustpages.pipeline import build_site
from trustpages.policyhistory import in_force
from trustpages.publiclog.compare import extend
from trustpages.publiclog.log import Log
from trustpages.validate import validate

# A price change with 20 days' notice: short of a 30-day promise, enough for a 7-day one.
SHORT = VALID["pricing.yml"].replace("announced: 2026-01-10, effective: 2026-02-15", "announced: 2026-01-26, effective: 2026-02-15")
RELAXED = VALID["site.yml"].replace("price_change_notice_days: 30", "price_change_notice_days: 7") + (
    "corrections:\n  - {on: 2026-06-01, field: policies.price_change_notice_days, why: We can no longer promise a month of notice.}\n"
)


def published_log(content: Content) -> Log:
    log = Log()
    first = validate(content({"pricing.yml": SHORT}), date(2026, 5, 1)).records
    assert first is not None and not extend(log, first, "2026-05-01T09:00:00Z", "a" * 40, True).problems
    relaxed = validate(content({"pricing.yml": SHORT, "site.yml": RELAXED}), date(2026, 6, 1)).records
    assert relaxed is not None and not extend(log, relaxed, "2026-06-01T09:00:00Z", "b" * 40).problems
    return log


def test_the_policy_in_force_at_each_moment(content: Content) -> None:
    log = published_log(content)
    records = validate(content({"pricing.yml": SHORT, "site.yml": RELAXED}), date(2026, 7, 1)).records
    assert records is not None
    policies = in_force(records, log)
    [change] = policies.of("price_change_notice_days")
    assert (change.old, change.new, change.since) == (30, 7, datetime(2026, 6, 1, 9, tzinfo=UTC))
    assert policies.at(date(2026, 1, 26)).price_change_notice_days == 30
    assert policies.at(date(2026, 6, 2)).price_change_notice_days == 7
    assert in_force(records, None).at(date(2026, 1, 26)).price_change_notice_days == 7  # without a log: site.yml's, for all


def test_a_relaxed_policy_is_not_applied_to_the_past(content: Content) -> None:
    log = published_log(content)
    folder = content({"pricing.yml": SHORT, "site.yml": RELAXED})
    judged = [p.message for p in validate(folder, date(2026, 7, 1), log=log).warnings]
    assert "only 20 days' notice for the Team price change; we promised 30 when it was announced" in judged
    page = build_site(folder, date(2026, 7, 1), log=log, history=False).output
    assert page is not None
    pricing = page.pages["pricing.md"]
    assert "From 1 June 2026 we promise 7 days&#39; notice; before, 30." in pricing
    assert "tp-met--no" in pricing and "tp-met--yes" not in pricing  # 20 days under the 30 promised then: missed
