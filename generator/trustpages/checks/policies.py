"""The company's own rules from site.yml, checked against its records (warnings)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from trustpages import maintenance, timeliness
from trustpages.checks.findings import Findings
from trustpages.policyhistory import InForce
from trustpages.records import Incident, Policies, RecordSet

POSTMORTEM_IMPACTS = {"minor", "partial", "major", "critical"}


def check(records: RecordSet, as_of: date, findings: Findings, typed: RecordSet | None = None, in_force: InForce | None = None) -> None:
    """The company's policies on `records` (as the public log dates them), each thing judged by the policy in force when
    it happened (`in_force`, from the public log; else site.yml's for all); `typed`: the records as written, if they differ."""
    policies = in_force or InForce(records.site.policies)
    policy = records.site.policies
    written = (typed or records).pricing
    if records.pricing and written:
        for i, change in enumerate(records.pricing.history):
            notice = (change.effective - change.announced).days
            promised = policies.at(change.announced).price_change_notice_days
            if notice < 0 and written.history[i].announced == change.announced:
                continue  # announced after it took effect as typed: a consistency error says so
            if notice < promised:  # negative: first published after it took effect (the public log's time)
                said = f"only {notice} days' notice" if notice >= 0 else f"no notice (published {-notice} days after it took effect)"
                findings.warning(
                    "pricing",
                    "",
                    ("history", i, "effective"),
                    f"{said} for the {change.plan} price change; we promised {promised} when it was announced",
                    "the pricing page will say the policy was not met",
                )
    zone = ZoneInfo(records.site.timezone)
    for incident in records.incidents:
        policy = policies.at(incident.started or incident.scheduled_for)  # the rules in force when it began
        if incident.impact == "maintenance":
            _maintenance(incident, policy, as_of, zone, findings)
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
        found = timeliness.first_update(incident)
        if found is None:
            findings.warning(
                "incident", incident.id, ("started",), "no public update was posted", "add updates: what we told customers, and when"
            )
            continue
        first_index, first = found
        late = first.at - incident.started
        if late.total_seconds() > 60 * policy.first_update_within_minutes:
            minutes = int(late.total_seconds() // 60)
            findings.warning(
                "incident",
                incident.id,
                ("updates", first_index, "at"),
                f"first public update came {minutes} minutes after the start; "
                f"site.yml promises one within {policy.first_update_within_minutes}",
            )


def _maintenance(incident: Incident, policy: Policies, as_of: date, zone: ZoneInfo, findings: Findings) -> None:
    hours = policy.maintenance_notice_hours
    if incident.scheduled_for is None:
        return  # an error already: maintenance needs its window
    if maintenance.short_notice(incident, policy):
        ahead = maintenance.notice(incident)
        first = next((i for i, update in enumerate(incident.updates) if update.status == "scheduled"), None)
        if ahead is None:
            said = "was never announced with a scheduled update"
        elif ahead.total_seconds() <= 0:
            said = "was announced only once it was due to begin"
        else:
            said = f"was announced {_hours(ahead.total_seconds())} before it began"
        findings.warning(
            "incident",
            incident.id,
            ("updates", first, "at") if first is not None else ("scheduled_for",),
            f"maintenance {said}; site.yml promises {hours} hours' notice, so it counts as a {incident.impact_if_unannounced} outage in uptime",
            "announce planned work earlier, or set unannounced_impact: to how bad it was for customers",
        )
    if maintenance.overran(incident, as_of, zone):
        findings.warning(
            "incident",
            incident.id,
            ("scheduled_until",),
            f"maintenance planned to end at {incident.scheduled_until} has no completed update; the site shows it as overrun",
            "add an update with status: completed (and resolved:), or one saying why it is still going on",
        )


def _hours(seconds: float) -> str:
    if seconds < 3600:
        minutes = int(seconds // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = round(seconds / 3600)
    return f"{hours} hour{'s' if hours != 1 else ''}"
