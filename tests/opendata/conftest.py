"""Open data built from records: the small-site fixture, and a fuller set written in code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, VALID, write_content
from tests.render.conftest import small_site  # noqa: F401 - the real mkdocs build, shared with tests/render
from trustpages import opendata
from trustpages.numbers import Numbers
from trustpages.records import RecordSet
from trustpages.strings import Strings
from trustpages.validate import validate

SMALL_AS_OF = date(2026, 11, 23)
FULL_AS_OF = date(2026, 7, 1)

# VALID plus what the small site lacks: an open incident, planned maintenance, an overdue,
# a withdrawn and a broken promise, and a component without a group.
FULL: dict[str, str] = {
    **VALID,
    "site.yml": VALID["site.yml"].replace(
        "  - {id: api, name: Public API, group: Developers}\n",
        "  - {id: api, name: Public API, group: Developers}\n  - {id: billing, name: Billing, description: Invoices and payments.}\n",
    ),
    "incidents/2026-06-30-slow-api.yml": """\
title: The API is slow
impact: minor
started: 2026-06-30T08:00:00Z
affected: [api]
summary: Some API calls take several seconds.
updates:
  - {at: 2026-06-30T08:10:00Z, status: investigating, body: We are looking into **slow** calls.}
  - {at: 2026-06-30T09:00:00Z, status: update, body: Still looking <script>alert(1)</script>.}
""",
    "incidents/2026-07-10-database-upgrade.yml": """\
title: Database upgrade
impact: maintenance
scheduled_for: 2026-07-10T22:00:00Z
scheduled_until: 2026-07-10T23:30:00Z
affected: [api, billing]
summary: We upgrade the database; the API may pause for a minute.
updates:
  - {at: 2026-06-25T12:00:00Z, status: scheduled, body: Planned for the night of 10 July.}
""",
    "commitments/status-page-sms.yml": """\
title: Status alerts by SMS
promise: You can get status alerts by SMS.
why: Not everyone reads email during an outage.
category: support
made_on: 2026-01-10
due: 2026-05-31
owner: Support team
updates:
  - {on: 2026-01-10, status: not_started}
  - {on: 2026-03-01, status: in_progress}
  - {on: 2026-03-15, status: in_progress, note: Vendor chosen.}
""",
    "commitments/offline-mode.yml": """\
title: Offline mode
promise: The app works without a connection.
why: Customers asked for it.
made_on: 2026-01-05
due: 2026-12-31
owner: Apps team
updates:
  - {on: 2026-01-05, status: in_progress}
  - {on: 2026-04-01, status: withdrawn, note: We could not keep data safe offline.}
""",
    "commitments/weekly-backups.yml": """\
title: Weekly restore tests
promise: We test restoring a backup every week.
why: A backup you never restored is a hope.
category: data
made_on: 2026-01-02
due: 2026-03-31
owner: Ops
updates:
  - {on: 2026-01-02, status: in_progress}
  - {on: 2026-04-02, status: broken, note: We skipped three weeks in March.}
""",
}


@dataclass(frozen=True)
class Published:
    records: RecordSet
    as_of: date
    t: Strings
    files: dict[str, bytes]

    def text(self, path: str) -> str:
        return self.files[path].decode("utf-8")


def strings(records: RecordSet) -> Strings:
    return Strings.for_site(records.site.locale)


def publish(content: Path, as_of: date) -> Published:
    result = validate(content, as_of)
    assert not result.errors, [p.human() for p in result.errors]
    assert result.records is not None
    t = strings(result.records)
    return Published(result.records, as_of, t, opendata.publish(Numbers.of(result.records, as_of), t))


@pytest.fixture(scope="session")
def small() -> Published:
    return publish(FIXTURES / "small-site", SMALL_AS_OF)


@pytest.fixture(scope="session")
def full(tmp_path_factory: pytest.TempPathFactory) -> Published:
    return publish(write_content(tmp_path_factory.mktemp("full") / "content", FULL), FULL_AS_OF)


@pytest.fixture(params=["small", "full"])
def published(request: pytest.FixtureRequest) -> Published:
    return request.getfixturevalue(request.param)
