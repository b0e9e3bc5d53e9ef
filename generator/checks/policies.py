"""The company's own rules from site.yml, checked against its records (warnings)."""

from __future__ import annotations

from datetime import date

from generator.checks.findings import Findings
from generator.records import RecordSet

POSTMORTEM_IMPACTS = {"minor", "major", "critical"}


def check(records: RecordSet, as_of: date, findings: Findings) -> None:
    policy = records.site.policies
    if records.pricing:
        for i, change in enumerate(records.pricing.history):
            notice = (change.effective - change.announced).days
            if 0 <= notice < policy.price_change_notice_days:  # negative notice is a consistency error
                findings.warning(
                    "pricing",
                    "",
                    ("history", i, "effective"),
                    f"only {notice} days' notice for the {change.plan} price change; "
                    f"site.yml promises {policy.price_change_notice_days}",
                    "the pricing page will say the policy was not met",
                )
    for incident in records.incidents:
        if (
            incident.resolved
            and incident.impact in POSTMORTEM_IMPACTS
            and not incident.postmortem
            # Compare counts, not dates: a policy of 10**9 days must not overflow `date`.
            and (as_of - incident.resolved.date()).days > policy.postmortem_within_days
        ):
            findings.warning(
                "incident",
                incident.id,
                ("resolved",),
                f"resolved on {incident.resolved.date()} and still no postmortem; "
                f"site.yml promises one within {policy.postmortem_within_days} days",
                "add postmortem: what happened and what we learned",
            )
        if incident.started is None or incident.impact == "maintenance":
            continue
        first_index = next((i for i, update in enumerate(incident.updates) if update.at >= incident.started), None)
        if first_index is None:
            findings.warning("incident", incident.id, ("started",), "no public update was posted", "add updates: what we told customers, and when")
            continue
        first = incident.updates[first_index].at
        late = first - incident.started
        if late.total_seconds() > 60 * policy.first_update_within_minutes:
            minutes = int(late.total_seconds() // 60)
            findings.warning(
                "incident",
                incident.id,
                ("updates", first_index, "at"),
                f"first public update came {minutes} minutes after the start; "
                f"site.yml promises one within {policy.first_update_within_minutes}",
            )
