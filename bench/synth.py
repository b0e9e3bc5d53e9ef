"""Write a realistic, valid content folder of N records, the same bytes for the same seed."""

from __future__ import annotations

import argparse
import bisect
import math
import random
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

Named = tuple[str, dict[str, Any]]  # a record and the name its id is made from

AS_OF = date(2026, 11, 23)
FIRST_DAY = date(2019, 1, 1)
# Quarters fully measured by AS_OF: 2019-Q1 is 0, 2026-Q3 is 30.
LAST_QUARTER = (2026 - 2019) * 4 + 2

COMPONENTS = [
    {"id": "login", "name": "Login", "group": "Web app"},
    {"id": "dashboard", "name": "Dashboard", "group": "Web app"},
    {"id": "search", "name": "Search", "group": "Web app"},
    {"id": "api", "name": "Public API", "group": "Developers"},
    {"id": "webhooks", "name": "Webhooks", "group": "Developers"},
    {"id": "billing", "name": "Billing", "group": "Account", "description": "Invoices, payments and plan changes."},
    {"id": "email", "name": "Email notifications", "group": "Notifications"},
    {"id": "mobile", "name": "Mobile apps", "group": "Apps", "description": "The iOS and Android apps."},
]
SYMPTOMS = {
    "login": ["failed logins", "people being logged out", "slow sign-in pages"],
    "dashboard": ["a blank dashboard", "charts that did not load", "slow page loads"],
    "search": ["search returning no results", "slow searches", "out-of-date search results"],
    "api": ["API requests failing with errors", "slow API responses", "rejected API tokens"],
    "webhooks": ["webhooks arriving late", "missing webhooks", "duplicate webhooks"],
    "billing": ["failed card payments", "missing invoices", "wrong amounts on invoices"],
    "email": ["notification emails arriving late", "missing password-reset emails", "emails marked as spam"],
    "mobile": ["the apps not syncing", "the apps crashing on start", "push notifications not arriving"],
}
CAUSES = [  # what broke, why, and what we changed so it does not happen again
    (
        "a certificate expired on one server",
        "We renewed certificates by hand and missed one.",
        "Certificates now renew automatically, and we are alerted 30 days before any of them expires.",
    ),
    (
        "a database migration locked a busy table",
        "A schema change ran during working hours and held a lock for too long.",
        "Schema changes that lock tables now run only at night, after a dry run on a copy of production.",
    ),
    (
        "a configuration change sent traffic to a server being replaced",
        "A routing change was reviewed, but nobody checked which servers were still live.",
        "Every routing change now goes through a checklist that lists the servers it touches.",
    ),
    (
        "our email provider rejected our messages",
        "Our email provider changed its sending limits without telling us.",
        "We added a second email provider and switch to it automatically when the first one refuses mail.",
    ),
    (
        "a disk filled up on the queue server",
        "Old log files were never cleaned up on one server.",
        "Disks now alert at 70% full, and old logs are deleted after 30 days.",
    ),
    (
        "a bug in the release we shipped that morning",
        "A change passed our tests but behaved differently with real customer data.",
        "Releases now go to 5% of customers first, and roll back on their own if errors rise.",
    ),
    (
        "a network outage at our hosting provider in Frankfurt",
        "Our hosting provider lost a network link and our failover took too long.",
        "We now run in two data centres, and we test failover every month.",
    ),
    (
        "a DNS record that still pointed to an old load balancer",
        "A DNS record was left behind when we moved to new load balancers.",
        "DNS changes are kept in git and checked against the live servers every hour.",
    ),
    (
        "a background job that used all the database connections",
        "A nightly report grew with our customer base until it starved the database.",
        "Reports now run on a read-only copy of the database.",
    ),
    (
        "an expired API key for our payment provider",
        "The key had a one-year lifetime and no reminder was set.",
        "Every key now has an owner and a reminder 60 days before it expires.",
    ),
]
MILESTONES = [
    (
        "data",
        "Platform team",
        "You can export all your data",
        "We will let every customer download all their data as CSV and JSON",
        "Your data is yours; you should be able to leave without asking us.",
    ),
    (
        "security",
        "Security team",
        "Two-step login",
        "We will offer two-step login with an app or a security key",
        "Passwords alone are not enough to keep accounts safe.",
    ),
    (
        "privacy",
        "Legal team",
        "No third-party trackers",
        "We will remove every third-party tracker from our pages",
        "You should not be followed around the web because you use us.",
    ),
    (
        "reliability",
        "Infrastructure team",
        "A second data centre",
        "We will run the service from two data centres",
        "One building should not be able to take the whole service down.",
    ),
    (
        "support",
        "Support team",
        "Phone support",
        "We will answer the phone during working hours",
        "Some problems are faster to explain by voice.",
    ),
    (
        "accessibility",
        "Design team",
        "Screen-reader support",
        "We will make every page usable with a screen reader",
        "Everyone should be able to use what they pay for.",
    ),
    (
        "billing",
        "Finance team",
        "Clearer invoices",
        "We will show every line of an invoice in plain words",
        "Nobody should need to call us to understand a bill.",
    ),
    (
        "transparency",
        "Communications team",
        "Public postmortems",
        "We will publish a postmortem for every major incident",
        "You deserve to know what went wrong and what we changed.",
    ),
    (
        "data",
        "Platform team",
        "Data deletion on request",
        "We will delete all of an account's data within 30 days of a request",
        "Leaving should mean leaving, data included.",
    ),
    (
        "reliability",
        "Infrastructure team",
        "Automatic certificate renewal",
        "We will renew every certificate automatically",
        "An expired certificate locked people out once; it should not happen again.",
    ),
    (
        "developers",
        "API team",
        "A stable API version",
        "We will keep every API version working for two years after the next one ships",
        "Integrations should not break because we changed something.",
    ),
    (
        "security",
        "Security team",
        "An independent security audit",
        "We will have an outside firm audit our security and publish the summary",
        "Checking our own work is not enough.",
    ),
]
SCOPES = [
    "",
    "for every plan",
    "in the mobile apps",
    "for teams",
    "through the API",
    "in German",
    "for free accounts",
    "in the EU",
    "for admins",
    "for new customers",
    "on the web",
    "for partners",
]
# (category, owner, title, target, how `actual` is written, threshold, mean, spread); targets
# where lower is better (minutes, days) are negated so that met means value >= threshold.
STANDING = [
    (
        "support",
        "Support team",
        "We answer every support email within one working day",
        "95% of emails answered within one working day",
        "{:.1f}%",
        95.0,
        96.0,
        2.0,
    ),
    (
        "reliability",
        "Infrastructure team",
        "The service is available 99.9% of the time",
        "99.9% availability each quarter",
        "{:.2f}%",
        99.9,
        99.93,
        0.05,
    ),
    (
        "support",
        "Support team",
        "We pick up the phone within two minutes",
        "Calls answered within 2 minutes on average",
        "{:.1f} minutes",
        -2.0,
        -1.6,
        0.4,
    ),
    (
        "billing",
        "Finance team",
        "Refunds reach you within five working days",
        "Refunds paid within 5 working days",
        "{:.1f} days",
        -5.0,
        -3.8,
        1.0,
    ),
    (
        "security",
        "Security team",
        "Critical security fixes within 48 hours",
        "Critical fixes deployed within 48 hours",
        "{:.0f} hours",
        -48.0,
        -30.0,
        12.0,
    ),
    (
        "privacy",
        "Legal team",
        "Deletion requests done within 30 days",
        "Every deletion request completed within 30 days",
        "{:.0f} days",
        -30.0,
        -18.0,
        8.0,
    ),
    (
        "transparency",
        "Communications team",
        "A first public update within 30 minutes of an incident",
        "First update within 30 minutes for 95% of incidents",
        "{:.0f}%",
        95.0,
        97.0,
        3.0,
    ),
]
MISS_NOTES = [
    "Two people left in May.",
    "A bug in our ticket system hid some emails for a week.",
    "A long outage at our provider.",
    "Holiday cover was too thin.",
    "We moved to a new system this quarter.",
]
MISTAKES = [
    (
        "We charged some customers twice",
        "A billing job ran twice and {n} customers were charged twice.",
        "{n} customers on monthly plans.",
        "A retry setting was changed without review.",
        "Billing jobs now refuse to run twice for the same month.",
    ),
    (
        "We emailed people who had unsubscribed",
        "A newsletter went to {n} people who had asked us not to write to them.",
        "{n} former subscribers.",
        "Our mailing list was rebuilt from an old backup.",
        "Unsubscribes are now stored separately and checked before every send.",
    ),
    (
        "We deleted backups too early",
        "Backups older than 10 days were deleted instead of older than 90 days.",
        "{n} accounts that asked us to restore old data.",
        "A typo in a cleanup script.",
        "Cleanup scripts are now reviewed and tested on a copy first.",
    ),
    (
        "We showed the wrong price on our website",
        "Our pricing page showed last year's price for two days.",
        "{n} people who signed up in that time.",
        "The page was cached and the cache was not cleared.",
        "Price changes now clear every cache and are checked by a second person.",
    ),
    (
        "We missed our promised reply time",
        "{n} support emails waited more than a week for an answer.",
        "{n} customers who wrote to support.",
        "A filter sent emails to a folder nobody watched.",
        "Every folder now has an owner and alerts when mail piles up.",
    ),
]
METRICS = [
    ("Do our customers trust us?", "% agree", "Quarterly survey of all customers", 70.0, 5.0),
    ("How likely are customers to recommend us?", "NPS", "Quarterly survey; promoters minus detractors", 35.0, 8.0),
    ("How fast do we answer support emails?", "hours", "Median time to first human reply, from our ticket system", 6.0, 2.0),
    ("How many invoices were correct?", "%", "Invoices not corrected within 60 days, from our billing system", 99.2, 0.4),
    ("How satisfied are people with support?", "% satisfied", "One-question survey after each closed ticket", 88.0, 4.0),
]
REGIONS = ["", "in Germany", "in France", "among small teams", "among large teams", "on mobile", "in the EU", "among developers"]
PROGRESS = [
    "we are still working on it",
    "the fix is taking longer than we hoped",
    "we are testing a fix now",
    "part of the traffic is working again",
    "we have called in more engineers",
]


class _Dumper(yaml.SafeDumper):
    """Writes YAML as a person would: dates and words unquoted, lists indented, short items on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# Quote exactly what trustpages' YAML 1.2 reader would not read as text, so dates and `on:` stay plain.
_Dumper.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("bool", r"true|True|TRUE|false|False|FALSE", list("tTfF")),
    ("int", r"[-+]?[0-9]+", list("-+0123456789")),
    ("float", r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", list("-+.0123456789")),
):
    _Dumper.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"), _first)


def _one_line(values: list[Any]) -> bool:
    """Short runs of simple values read best inline, as people write them by hand (`affected: [login, api]`)."""
    simple = all(isinstance(v, int | float) or (isinstance(v, str) and not re.search(r"[\n:,#\[\]{}]", v)) for v in values)
    return simple and sum(len(str(v)) + 8 for v in values) <= 90


_Dumper.add_representer(str, lambda d, text: d.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))
_Dumper.add_representer(dict, lambda d, mapping: d.represent_mapping("tag:yaml.org,2002:map", mapping, _one_line(list(mapping.values()))))
_Dumper.add_representer(list, lambda d, items: d.represent_sequence("tag:yaml.org,2002:seq", items, _one_line(items)))


def synthesise(root: Path, n: int, seed: int = 0, open_incidents: int = 0) -> None:
    """Write site.yml, pricing.yml, contact.yml and `n` records into the content folder `root`.

    `open_incidents`: that many incidents (of the 45 % of records that are incidents) are still
    open, started in the last days; otherwise about one in 500 is.
    """
    rng = random.Random(seed)
    n_commitments, n_incidents, n_mistakes = round(n * 0.40), round(n * 0.45), round(n * 0.10)
    n_metrics = n - n_commitments - n_incidents - n_mistakes
    files: dict[str, dict[str, Any]] = {"site.yml": _site(), "pricing.yml": _pricing()}

    commitments = _file_under(files, "commitments", [_commitment(rng) for _ in range(n_commitments)])
    promised = sorted((record["made_on"], cid) for cid, record in commitments)
    standing = [cid for cid, record in commitments if "target" in record]
    files["contact.yml"] = _contact(standing[0] if standing else None)
    incidents = _file_under(files, "incidents", [_incident(rng, promised, number < open_incidents) for number in range(n_incidents)])
    happened = sorted((record["started"][:10], iid) for iid, record in incidents)
    _file_under(files, "mistakes", [_mistake(rng, promised, happened) for _ in range(n_mistakes)])
    _file_under(files, "metrics", [_metric(rng) for _ in range(n_metrics)])

    for relative, record in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def _file_under(files: dict[str, dict[str, Any]], folder: str, named: list[Named]) -> list[Named]:
    """File each (name, record) in `folder` under a unique id (`-2`, `-3`… on clashes); return (id, record)."""
    filed = []
    for name, record in named:
        stem = _slug(name)
        record_id, k = stem, 1
        while f"{folder}/{record_id}.yml" in files:
            k += 1
            record_id = f"{stem}-{k}"
        files[f"{folder}/{record_id}.yml"] = record
        filed.append((record_id, record))
    return filed


def _site() -> dict[str, Any]:
    return {
        "name": "Example Co",
        "url": "https://trust.example.com",
        "description": "What we promised, what went wrong, what it costs, how to reach us.",
        "locale": "en",
        "timezone": "Europe/Berlin",
        "repo_url": "https://github.com/example/trust",
        "components": COMPONENTS,
        "policies": {"price_change_notice_days": 30, "postmortem_within_days": 7, "first_update_within_minutes": 30},
    }


def _pricing() -> dict[str, Any]:
    history = [
        ("2019-09-02", "2019-11-01", "Team", 8, 10, "Our hosting bill doubled as we added a second region."),
        ("2021-03-15", "2021-05-01", "Business", 20, 24, "Phone support is now included in Business."),
        ("2023-01-10", "2023-03-01", "Business", 24, 29, "Prices had not changed in two years while our costs rose by a fifth."),
        ("2026-01-10", "2026-02-15", "Team", 10, 12, "Hosting costs rose by a third."),
    ]
    return {
        "currency": "EUR",
        "plans": [
            {
                "name": "Starter",
                "price": 0,
                "per": "month",
                "for_whom": "One person trying us out",
                "includes": ["3 projects"],
                "limits": ["No phone support"],
            },
            {"name": "Team", "price": 12, "per": "user-month", "for_whom": "Teams up to 50", "includes": ["Unlimited projects"]},
            {
                "name": "Business",
                "price": 29,
                "per": "user-month",
                "for_whom": "Companies that need an audit trail",
                "includes": ["Unlimited projects", "Phone support", "Single sign-on"],
            },
        ],
        "fees": [{"name": "Paper invoice", "price": 2, "per": "invoice"}],
        "cancel": "Cancel any time from Settings; you pay nothing after the current month.",
        "refunds": "Full refund within 30 days, no questions asked.",
        "history": [{"announced": a, "effective": e, "plan": p, "from": f, "to": t, "why": w} for a, e, p, f, t, w in history],
    }


def _contact(response_promise: str | None) -> dict[str, Any]:
    email = {"kind": "email", "label": "Support", "value": "help@example.com", "hours": "Mon–Fri 9–17 CET"}
    if response_promise:
        email["response_promise"] = response_promise
    return {
        "channels": [
            email,
            {"kind": "phone", "label": "Billing", "value": "+49 30 1234567", "hours": "Mon–Fri 10–16 CET"},
            {"kind": "chat", "label": "Live chat", "value": "https://example.com/chat", "hours": "Mon–Fri 9–17 CET"},
        ],
        "escalation": "If you are unhappy with an answer, write to our CEO at ceo@example.com.",
        "security": {"email": "security@example.com", "policy": "https://example.com/security"},
        "address": "Example Co GmbH, Beispielstraße 1, 10115 Berlin, Germany",
    }


def _commitment(rng: random.Random) -> Named:
    return _standing(rng) if rng.random() < 0.35 else _milestone(rng)


def _milestone(rng: random.Random) -> Named:
    category, owner, feature, promise, why = rng.choice(MILESTONES)
    scope = rng.choice(SCOPES)
    made_on = _day(rng, FIRST_DAY, date(2026, 10, 31))
    due = made_on + timedelta(days=rng.randint(45, 540))
    if due < AS_OF:
        final = _pick(rng, {"kept": 45, "partly_kept": 12, "broken": 10, "withdrawn": 6, "in_progress": 12, "stalled": 8, "not_started": 2})
    else:
        final = _pick(rng, {"not_started": 25, "in_progress": 50, "stalled": 15, "kept": 7, "withdrawn": 3})
    count = 1 if final == "not_started" else rng.randint(1, 5)
    statuses = (["not_started", "in_progress", "stalled", "in_progress"][: count - 1]) + [final]
    last_day = min(AS_OF, due + timedelta(days=30)) if final in {"kept", "partly_kept", "broken"} else AS_OF
    days = sorted(_day(rng, made_on, last_day) for _ in range(count))
    if count > 1:
        days[0] = made_on  # a promise with a history starts on the day it was made
    updates = []
    for on, status in zip(days, statuses, strict=False):
        update: dict[str, Any] = {"on": on.isoformat(), "status": status}
        if status == "withdrawn" or rng.random() < 0.4:
            update["note"] = _note(rng, status, feature[0].lower() + feature[1:])
        if status in {"kept", "partly_kept"}:
            update["evidence"] = [f"https://example.com/changelog/{on.year}/{_slug(feature)}"]
        updates.append(update)
    return f"{feature} {scope}", {
        "title": f"{feature} {scope}".strip(),
        "promise": f"{promise} {scope}".strip() + ".",
        "why": why,
        "category": category,
        "made_on": made_on.isoformat(),
        "due": due.isoformat(),
        "owner": owner,
        "updates": updates,
    }


def _note(rng: random.Random, status: str, feature: str) -> str:
    notes = {
        "not_started": [f"Work on {feature} starts next quarter.", "We are hiring the team that will do this."],
        "in_progress": [f"A first version of {feature} is in beta.", "Half of the work is done.", "Testing with ten customers."],
        "stalled": ["Paused while we fix reliability problems first.", "The engineer leading this left; we are hiring."],
        "kept": [f"{feature[0].upper()}{feature[1:]} is live for everyone.", "Done, and announced in our changelog."],
        "partly_kept": ["Live on the web; the apps follow next year.", "Done for most plans, not yet for free accounts."],
        "broken": ["We did not make it, and we are sorry.", "We ran out of time and chose other work."],
        "withdrawn": [
            "A law change made this promise impossible to keep.",
            "Customers told us they wanted something else; we explain why in our blog.",
        ],
    }
    return rng.choice(notes[status])


def _standing(rng: random.Random) -> Named:
    category, owner, title, target, shown, threshold, mean, spread = rng.choice(STANDING)
    count = rng.randint(4, 12)
    first = LAST_QUARTER - count + 1  # a promise still standing is measured up to the last full quarter
    quarter_start = date(2019 + first // 4, first % 4 * 3 + 1, 1)
    made_on = quarter_start - timedelta(days=rng.randint(0, 60))
    measurements = []
    for q in range(first, first + count):
        value = min(rng.gauss(mean, spread), 100.0)
        actual = shown.format(abs(value))
        value = math.copysign(float(actual.split("%")[0].split()[0]), value)  # as shown: met is computed from what is written
        met = value >= threshold
        measurement: dict[str, Any] = {"period": f"{2019 + q // 4}-Q{q % 4 + 1}", "actual": actual, "met": met}
        if not met and rng.random() < 0.6:
            measurement["note"] = rng.choice(MISS_NOTES)
        measurements.append(measurement)
    scope = rng.choice(REGIONS)
    return f"{title} {scope}", {
        "title": f"{title} {scope}".strip(),
        "promise": f"{target} {scope}".strip() + ", measured every quarter and published here.",
        "why": "A promise you cannot check is not worth much.",
        "category": category,
        "made_on": made_on.isoformat(),
        "owner": owner,
        "target": target,
        "measurements": measurements,
    }


def _incident(rng: random.Random, promised: list[tuple[str, str]], still_open: bool = False) -> Named:
    impact = _pick(
        rng,
        {"minor": 40, "major": 25, "critical": 8, "none": 7}
        if still_open
        else {"minor": 40, "major": 25, "critical": 8, "none": 7, "maintenance": 20},
    )
    if impact == "maintenance":
        return _maintenance(rng)
    ongoing = still_open or rng.random() < 0.002
    begin = datetime(2026, 11, 21, tzinfo=UTC) if ongoing else datetime(2019, 1, 1, tzinfo=UTC)
    started = _moment(rng, begin, datetime(2026, 11, 22, 18, tzinfo=UTC))
    minutes = rng.randint(15, {"none": 240, "minor": 180, "major": 300, "critical": 600}[impact])
    resolved = started + timedelta(minutes=minutes)
    affected = rng.sample([c["id"] for c in COMPONENTS], rng.choice([1, 1, 1, 2, 2, 3]))
    symptom = rng.choice(SYMPTOMS[affected[0]])
    names = [next(c["name"] for c in COMPONENTS if c["id"] == cid) for cid in affected]
    cause_short, cause, change = rng.choice(CAUSES)

    count = rng.randint(2, 6)
    offsets = sorted([min(rng.randint(2, 28), minutes)] + [rng.randint(0, minutes) for _ in range(count - 2)])
    middle = ["identified", *["update"] * max(count - 4, 0), "monitoring"][: count - 2]
    statuses = ["investigating", *middle, "update" if ongoing else "resolved"]
    moments = [started + timedelta(minutes=m) for m in offsets] + [resolved]
    bodies = {
        "investigating": f"We are looking into reports of {symptom}.",
        "identified": f"We found the cause: {cause_short}. We are working on a fix.",
        "update": f"Still affected: {', '.join(names)}; {rng.choice(PROGRESS)}.",
        "monitoring": "A fix is live. We are watching closely to make sure it holds.",
        "resolved": f"{names[0]} works normally again. We are sorry for the trouble.",
    }
    record: dict[str, Any] = {
        "title": f"{symptom[0].upper()}{symptom[1:]} ({', '.join(names)})",
        "impact": impact,
        "started": _stamp(started),
    }
    if not ongoing:
        record["resolved"] = _stamp(resolved)
    share = rng.choice(["1 in 20", "1 in 5", "about half of", "most"])
    record["affected"] = affected
    record["summary"] = (
        f"{share.capitalize()} customers saw {symptom} for {minutes} minutes."
        if not ongoing
        else f"{share.capitalize()} customers see {symptom}."
    )
    record["updates"] = [{"at": _stamp(at), "status": s, "body": bodies[s]} for at, s in zip(moments, statuses, strict=False)]
    name = f"{started.date()}-{symptom}"
    if ongoing:
        return name, record
    record["cause"] = cause
    recent = AS_OF - resolved.date() < timedelta(days=7)
    if (impact != "none" and not (recent and rng.random() < 0.5)) or rng.random() < 0.3:
        record["postmortem"] = _postmortem(rng, names, symptom, minutes, cause_short, cause, change)
    follow_up = _between(rng, promised, started.date(), started.date() + timedelta(days=180))
    if follow_up and rng.random() < 0.25:
        record["follow_ups"] = [follow_up]
    if impact in {"major", "critical"} and rng.random() < 0.5:
        record["remedy"] = rng.choice(
            [
                "Affected customers got one day of credit.",
                "We refunded the month for every affected account.",
                "Affected customers got a week of credit, applied automatically.",
            ]
        )
    return name, record


def _maintenance(rng: random.Random) -> Named:
    planned = _moment(rng, datetime(2019, 1, 8, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)).replace(
        hour=rng.choice([22, 23, 0, 1, 2]), minute=0
    )
    window = rng.randint(1, 4) * 60
    until = planned + timedelta(minutes=window)
    took = rng.randint(window * 2 // 5, window)
    resolved = planned + timedelta(minutes=took)
    component = rng.choice(COMPONENTS)
    count = rng.randint(2, 6)
    notice = planned - timedelta(days=rng.randint(3, 7))
    plan = {
        2: [(notice, "scheduled"), (resolved, "completed")],
        3: [(notice, "scheduled"), (planned, "in_progress"), (resolved, "completed")],
        4: [(notice, "scheduled"), (planned, "in_progress"), (resolved - timedelta(minutes=10), "verifying"), (resolved, "completed")],
    }
    steps = plan.get(count) or [(notice, "scheduled"), (planned - timedelta(days=1), "scheduled"), *plan[4][1:]]
    if count == 6:
        steps.insert(3, (planned + timedelta(minutes=took // 2), "update"))
    bodies = {
        "scheduled": f"{component['name']} will be unavailable for up to {window} minutes while we upgrade it.",
        "in_progress": "The maintenance has started.",
        "update": "The upgrade is going to plan.",
        "verifying": "The upgrade is done; we are checking that everything works.",
        "completed": f"{component['name']} is back and works normally.",
    }
    return f"{planned.date()}-{component['id']}-maintenance", {
        "title": f"Planned maintenance of {component['name']}",
        "impact": "maintenance",
        "started": _stamp(planned),
        "resolved": _stamp(resolved),
        "affected": [component["id"]],
        "summary": f"We upgraded the servers behind {component['name']}.",
        "updates": [{"at": _stamp(at), "status": status, "body": bodies[status]} for at, status in steps],
        "scheduled_for": _stamp(planned),
        "scheduled_until": _stamp(until),
    }


def _postmortem(rng: random.Random, names: list[str], symptom: str, minutes: int, cause_short: str, cause: str, change: str) -> str:
    customers = rng.randint(40, 9000)
    paragraphs = [
        "## What happened",
        f"For {minutes} minutes, customers using {' and '.join(names)} saw {symptom}. "
        f"About {customers:,} customers were affected. Our monitoring alerted the on-call engineer "
        f"{rng.randint(1, 9)} minutes after the first errors.",
        "## Why it happened",
        f"The direct cause: {cause_short}. {cause} "
        + rng.choice(
            [
                "Nothing in our checks would have caught it.",
                "A test for this existed but was switched off.",
                "We had seen a smaller version of this problem before and not followed up.",
            ]
        ),
        "## What we are changing",
        f"{change} "
        + rng.choice(
            [
                "We will report on this change in our next quarterly update.",
                "The change is already live.",
                "The work is tracked as a public commitment on this site.",
            ]
        ),
    ]
    if rng.random() < 0.3:  # some write-ups carry Markdown beyond paragraphs and headings, as real ones do
        paragraphs[2:2] = [
            "## Timeline",
            f"- **First errors**, then an alert {rng.randint(1, 9)} minutes later\n"
            f"- **Fix live** after {minutes} minutes; see [our status history](https://status.example.com/history)",
        ]
    if rng.random() < 0.5:
        paragraphs += ["## What we got right", "The first public update went out quickly, and support answered every ticket the same day."]
    return "\n\n".join(paragraphs) + "\n"


def _mistake(rng: random.Random, promised: list[tuple[str, str]], happened: list[tuple[str, str]]) -> Named:
    title, what, who, why, changed = rng.choice(MISTAKES)
    on = _day(rng, FIRST_DAY, date(2026, 11, 15))
    n = rng.randint(12, 4000)
    related = [
        ref for ref in (_between(rng, happened, on - timedelta(days=30), on), _between(rng, promised, on, on + timedelta(days=120))) if ref
    ]
    record: dict[str, Any] = {
        "title": f"{title} in {on:%B %Y}",
        "on": on.isoformat(),
        "what_happened": what.format(n=n),
        "who_was_affected": who.format(n=n),
        "why": why,
        "what_we_changed": changed,
        "apology": rng.choice(
            [
                "We are sorry. We fixed every affected account within two days.",
                "We are sorry, and we have written to everyone affected.",
                "We are sorry; this should not have happened.",
            ]
        ),
    }
    if related:
        record["related"] = related
    return f"{on}-{title}", record


def _metric(rng: random.Random) -> Named:
    title, unit, source, mean, spread = rng.choice(METRICS)
    region = rng.choice(REGIONS)
    count = rng.randint(4, 30)
    first = rng.randint(0, LAST_QUARTER - count + 1)
    points = []
    for q in range(first, first + count):
        point: dict[str, Any] = {"period": f"{2019 + q // 4}-Q{q % 4 + 1}", "value": round(rng.gauss(mean, spread), 1)}
        if "survey" in source:
            point["n"] = rng.randint(150, 900)
        points.append(point)
    full_title = f"{title.removesuffix('?')} {region}".strip() + "?"
    return full_title, {"title": full_title, "unit": unit, "source": source, "points": points}


def _between(rng: random.Random, dated: list[tuple[str, str]], start: date, end: date) -> str | None:
    """A random id from `dated` (sorted (day, id) pairs) whose day is in [start, end], if any."""
    low = bisect.bisect_left(dated, (start.isoformat(), ""))
    high = bisect.bisect_right(dated, (end.isoformat(), "\uffff"))
    return dated[rng.randrange(low, high)][1] if low < high else None


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _moment(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + timedelta(minutes=rng.randint(0, int((end - start).total_seconds() // 60)))


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic trustpages content folder.")
    parser.add_argument("out", type=Path, help="content folder to write (site.yml goes at its top)")
    parser.add_argument("n", type=int, help="number of records")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    args = parser.parse_args()
    synthesise(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
