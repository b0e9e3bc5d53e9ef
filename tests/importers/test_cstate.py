"""`trustpages import cstate`: a cState site written from cState's documented format imports like Statuspage."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.importers.conftest import CSTATE, incidents, snapshot, trustpages
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)


@pytest.fixture
def imported(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    result = trustpages(capsys, "import", "cstate", CSTATE, "--into", content)
    assert result.code == 0, result.out + result.err
    return content, result.out


def test_fixture_gives_4_incidents_and_8_updates_without_the_draft(imported: tuple[Path, str]) -> None:
    content, out = imported
    records = incidents(content)
    assert sorted(records) == [
        "2023-03-02-nobody-could-log-in",
        "2023-05-10-api-responses-were-slow-up-to-30-seconds",
        "2023-06-01-database-maintenance",
        "2023-07-04-our-new-status-page",
    ]
    assert sum(len(i.updates) for i in records.values()) == 8
    assert "4 incidents (8 updates): 4 added, 0 updated, 0 unchanged, 0 skipped" in out
    assert "2023-08-15-draft-incident.md (draft: true, never published)" in out


def test_imported_site_passes_check(imported: tuple[Path, str]) -> None:
    assert validate(imported[0], AS_OF).errors == []


def test_second_import_changes_nothing(imported: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    content, _ = imported
    before = snapshot(content)
    result = trustpages(capsys, "import", "cstate", CSTATE, "--into", content)
    assert "0 added, 0 updated, 4 unchanged, 0 skipped" in result.out
    assert snapshot(content) == before


def test_tracks_become_updates_with_their_status(imported: tuple[Path, str]) -> None:
    incident = incidents(imported[0])["2023-03-02-nobody-could-log-in"]
    assert incident.impact == "major"  # severity: down
    assert incident.started == datetime(2023, 3, 2, 8, 10, tzinfo=UTC)
    assert incident.resolved == datetime(2023, 3, 2, 9, 2, tzinfo=UTC)
    assert incident.affected == ("login", "website")
    assert [(u.at.strftime("%H:%M"), u.status, u.body) for u in incident.updates] == [
        ("08:12", "investigating", "We are looking into reports that nobody can log in."),
        ("08:35", "identified", "An expired certificate on the login servers rejected every session. We are replacing it."),
        ("09:02", "resolved", "Logins work again for everyone. We are sorry for the trouble."),
    ]
    assert incident.summary == "We are looking into reports that nobody can log in."


def test_markdown_bodies_are_kept(imported: tuple[Path, str]) -> None:
    incident = incidents(imported[0])["2023-05-10-api-responses-were-slow-up-to-30-seconds"]
    assert incident.impact == "partial"  # severity: disrupted: cState's level between working and down
    assert incident.resolved == datetime(2023, 5, 10, 15, 45, 30, tzinfo=UTC)
    assert incident.updates[-1].body == (
        "Response times are back to normal. The cause:\n\n"
        "- a slow database query on _every_ request\n- no cache in front of it\n\n"
        "Details are in [our write-up](https://example.com/blog/slow-api).\n"
    )


def test_unresolved_issue_stays_ongoing_and_untracked_text_is_dated_with_the_issue(imported: tuple[Path, str]) -> None:
    content, _ = imported
    incident = incidents(content)["2023-06-01-database-maintenance"]
    assert incident.impact == "none"  # severity: notice
    assert incident.resolved is None  # resolved: false; resolvedWhen was only the plan
    assert [(u.at.strftime("%H:%M"), u.status) for u in incident.updates] == [("22:00", "update"), ("22:05", "update")]
    text = (content / "incidents" / "2023-06-01-database-maintenance.yml").read_text(encoding="utf-8")
    assert "# No resolved: cState says resolved: false (its resolvedWhen 2023-06-02T02:00:00Z was a plan).\n" in text
    assert "  # This text has no track timestamp in cState; it is dated with the issue's date.\n  - at: 2023-06-01T22:00:00Z\n" in text


def test_informational_post_is_a_resolved_note(imported: tuple[Path, str]) -> None:
    incident = incidents(imported[0])["2023-07-04-our-new-status-page"]
    assert (incident.impact, incident.resolved, len(incident.updates)) == ("none", incident.started, 1)


def test_systems_become_components_with_group_and_description(imported: tuple[Path, str]) -> None:
    site = (imported[0] / "site.yml").read_text(encoding="utf-8")
    assert site.endswith(
        "components:\n"
        "  - {id: website, name: Website, group: Web, description: The web app customers log in to.}\n"
        "  - {id: login, name: Login, group: Web}\n"
        "  - {id: api, name: API, group: Developers, description: The public REST API.}\n"
        "  - {id: media-proxy, name: Media Proxy, group: Developers, description: 'Serves images, audio and video through our CDN.'}\n"
    )


def test_issues_folder_alone_is_enough(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = trustpages(capsys, "import", "cstate", CSTATE / "content" / "issues", "--into", content)
    assert result.code == 0
    assert "4 added" in result.out
    assert "- {id: media-proxy, name: Media Proxy}" in (content / "site.yml").read_text(encoding="utf-8")  # no config.yml: names only


@pytest.mark.parametrize(
    ("issue", "message"),
    [
        (
            "no front matter\n",
            "trustpages: error: site/content/issues/x.md:1:1: no front matter (an issue starts with --- , its fields, and --- )\n",
        ),
        (
            "---\ntitle: X\n---\nBody\n",
            "trustpages: error: site/content/issues/x.md: the front matter has no date (when the issue started)\n",
        ),
        (
            "---\ntitle: X\ndate: soon\n---\n",
            "trustpages: error: site/content/issues/x.md: date: 'soon' is not a date and time like 2018-05-25 04:13:00\n",
        ),
        (
            '---\ntitle: X\ndate: 2023-01-01\n---\nHi {{< track "later" >}}\n',
            "trustpages: error: site/content/issues/x.md: track: 'later' is not a date and time like 2018-05-25 04:13:00\n",
        ),
        (
            "---\ntitle: [\n---\n",
            # Where the front matter ends with the list still open: the parser, as for a record, points there.
            "trustpages: error: site/content/issues/x.md:3:1: front matter is not valid YAML: YAML syntax: did not find expected node "
            "content (while parsing a flow node) (check indentation, quotes and colons on this line)\n",
        ),
    ],
)
def test_bad_issue_is_one_line_naming_the_file(content: Path, capsys: pytest.CaptureFixture[str], issue: str, message: str) -> None:
    issues = content.parent / "site" / "content" / "issues"
    issues.mkdir(parents=True)
    (issues / "x.md").write_text(issue, encoding="utf-8")
    result = trustpages(capsys, "import", "cstate", content.parent / "site", "--into", content)
    assert (result.code, result.err) == (2, message)
