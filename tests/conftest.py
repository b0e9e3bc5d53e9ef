"""A small valid content folder, written fresh for each test, and ways to look at its problems."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from trustpages.problems import Problem
from trustpages.render.environment import TEMPLATE_CACHE_FOLDER
from trustpages.validate import validate

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# Late enough that every date in VALID is past, early enough that no policy warning fires.
AS_OF = date(2026, 7, 1)

# One record of every kind, consistent with each other and with every policy on AS_OF.
VALID: dict[str, str] = {
    "site.yml": """\
name: Example Co
url: https://trust.example.com
description: What we promised, what went wrong, what it costs, how to reach us.
locale: en
timezone: Europe/Berlin
repo_url: https://github.com/example/trust
components:
  - {id: login, name: Login, group: Web app}
  - {id: api, name: Public API, group: Developers}
policies:
  price_change_notice_days: 30
  postmortem_within_days: 7
  first_update_within_minutes: 30
""",
    "commitments/export-all-data.yml": """\
title: You can export all your data
promise: We will let every customer download all their data as CSV and JSON.
why: Your data is yours; you should be able to leave without asking us.
category: data
made_on: 2026-02-01
due: 2026-06-30
owner: Platform team
updates:
  - {on: 2026-02-01, status: not_started}
  - {on: 2026-04-10, status: in_progress, note: CSV export is in beta.}
  - on: 2026-06-20
    status: kept
    note: Export is live for every plan.
    evidence: [https://example.com/changelog/export]
""",
    "commitments/reply-within-one-day.yml": """\
title: We answer every support email within one working day
promise: Every email to support gets a reply from a person within one working day.
why: Waiting for an answer is the most common complaint in our surveys.
category: support
made_on: 2025-01-15
owner: Support team
target: 95% of emails answered within one working day
measurements:
  - {period: 2026-Q1, actual: 96.2%, met: true}
  - {period: 2026-Q2, actual: 91.0%, met: false, note: Two people left in May.}
""",
    "incidents/2026-03-04-login-failures.yml": """\
title: Some customers could not log in
impact: major
started: 2026-03-04T09:12:00Z
resolved: 2026-03-04T10:05:00Z
affected: [login, api]
summary: About 1 in 5 login attempts failed for 53 minutes.
updates:
  - {at: 2026-03-04T09:20:00Z, status: investigating, body: We are looking into failed logins.}
  - {at: 2026-03-04T09:41:00Z, status: identified, body: A certificate expired on one server.}
  - {at: 2026-03-04T10:05:00Z, status: resolved, body: All logins work again.}
cause: We renewed certificates by hand and missed one.
postmortem: |
  We renewed certificates by hand and missed one.
follow_ups: [export-all-data]
remedy: Affected customers got one day of credit.
""",
    "mistakes/2026-05-02-double-charged.yml": """\
title: We charged some customers twice in May
on: 2026-05-02
what_happened: A billing job ran twice and 312 customers were charged twice.
who_was_affected: 312 customers on monthly plans.
why: A retry setting was changed without review.
what_we_changed: Billing jobs now refuse to run twice for the same month.
apology: We are sorry. We refunded every extra charge within two days.
related: [2026-03-04-login-failures]
""",
    "pricing.yml": """\
currency: EUR
plans:
  - {name: Starter, price: 0, per: month, for_whom: One person trying us out,
     includes: [3 projects], limits: [No phone support]}
  - {name: Team, price: 12, per: user-month, for_whom: Teams up to 50, includes: [Unlimited projects]}
fees:
  - {name: Paper invoice, price: 2, per: invoice}
cancel: Cancel any time from Settings; you pay nothing after the current month.
refunds: Full refund within 30 days, no questions asked.
history:
  - {announced: 2026-01-10, effective: 2026-02-15, plan: Team, from: 10, to: 12,
     why: Hosting costs rose by a third.}
""",
    "contact.yml": """\
channels:
  - {kind: email, label: Support, value: help@example.com, hours: Mon–Fri 9–17 CET,
     response_promise: reply-within-one-day}
  - {kind: phone, label: Billing, value: "+49 30 1234567", hours: Mon–Fri 10–16 CET}
escalation: If you are unhappy with an answer, write to our CEO at ceo@example.com.
security: {email: security@example.com, policy: https://example.com/security}
address: Example Co GmbH, Beispielstraße 1, 10115 Berlin, Germany
""",
    "metrics/trust-survey.yml": """\
title: Do our customers trust us?
unit: "% agree"
source: Quarterly survey of all customers
points:
  - {period: 2026-Q1, value: 71, n: 412}
  - {period: 2026-Q2, value: 68, n: 388}
""",
}

INCIDENT = "incidents/2026-03-04-login-failures.yml"
MILESTONE = "commitments/export-all-data.yml"
STANDING = "commitments/reply-within-one-day.yml"
MISTAKE = "mistakes/2026-05-02-double-charged.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's example site (content/ and site_src/) to build; modules may define their own."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "site_src", tmp_path / "site_src")
    return tmp_path


def write_content(folder: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write `files` (relative path -> text; None deletes) into `folder`, creating subfolders."""
    for relative, text in files.items():
        path = folder / relative
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def replaced(relative: str, *pairs: str) -> dict[str, str]:
    """The valid record at `relative` with each (old, new) pair replaced; fails loudly if an old is not there."""
    text = VALID[relative]
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert old in text, old
        text = text.replace(old, new, 1)
    return {relative: text}


Content = Callable[..., Path]


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Content:
    """`content(changes)` writes the valid folder as tmp/content with `changes` (path -> text) applied.

    The working folder is tmp, so problems name files as `content/...`, as people see them.
    """
    monkeypatch.chdir(tmp_path)

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        folder = tmp_path / "content"
        write_content(folder, {**VALID, **(changes or {})})
        return folder

    return make


def problems(folder: Path, as_of: date = AS_OF) -> list[Problem]:
    return validate(folder, as_of).problems


def human(folder: Path, as_of: date = AS_OF) -> list[str]:
    """Every problem of `folder` as the one line a person reads."""
    return [problem.human() for problem in problems(folder, as_of)]


BAD = FIXTURES / "bad"
# What reading each file of tests/fixtures/bad/ reports: (line, col, message, hint).
BAD_YAML: dict[str, tuple[int, int, str, str | None]] = {
    "billion-laughs.yml": (2, 52, "more than 100,000 values (are aliases (*) expanding?)", None),
    "colon-in-value.yml": (1, 12, "a colon followed by a space inside a value", "put the whole value in quotes"),
    "control-character.yml": (1, 24, "character U+001B is not allowed in YAML", "delete it: most editors do not show it"),
    "deep-nesting.yml": (33, 65, "nested more than 32 levels deep", None),
    "duplicate-key.yml": (3, 1, "duplicate key 'title'", "keep one of them: YAML would silently drop the other"),
    "empty.yml": (1, 1, "file is empty", "write the record's fields, or delete the file"),
    "invalid-utf8.yml": (1, 11, "not valid UTF-8 (byte 0xe9)", "save the file as UTF-8 in your editor"),
    "list-as-key.yml": (2, 3, "a key must be a plain word, not a list or mapping", None),
    "python-tag.yml": (1, 8, "YAML tag '!!python/object/apply:os.system' is not allowed", "remove the tag"),
    "tab-indent.yml": (3, 1, "tab character; YAML needs spaces for indentation", "replace the tab with spaces"),
    "two-documents.yml": (3, 1, "more than one YAML document (---) in one file", "one record per file"),
    "unclosed-quote.yml": (
        1,
        8,
        "YAML syntax: found unexpected end of stream (while scanning a quoted scalar)",
        "check indentation, quotes and colons on this line",
    ),
    "undefined-alias.yml": (2, 10, "YAML syntax: found undefined alias", "check indentation, quotes and colons on this line"),
}


@pytest.fixture(scope="session", autouse=True)
def fresh_template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled templates in a folder of this run's own (subprocesses too): what the machine ran before decides nothing."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(TEMPLATE_CACHE_FOLDER, str(tmp_path_factory.mktemp("compiled-templates")))
        yield
