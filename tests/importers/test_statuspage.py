"""`trustpages import statuspage`: the real-world fixture, re-runs, hand edits, mapping rules and bad input."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.importers.conftest import STATUSPAGE, export, incidents, snapshot, statuspage_incident, trustpages
from tests.opendata.statuspage_client import SummaryResponse
from trustpages.opendata import statuspage as statuspage_api
from trustpages.records import Incident, RecordSet, Site
from trustpages.status import service_status
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)
MAINTENANCE = "2021-05-05-sunsetting-api-authentication-via-query-parameters-and-the"
UNRESOLVED = "2020-11-18-incident-on-23-02-utc"  # Statuspage id j4vrg2ljjb5c, resolved_at: null

GOLDEN_MAINTENANCE = """\
# Imported from Statuspage incident lkcdh6zsvngf: https://stspg.io/9ymg1gwpw2hx
# trustpages import updates this file until you edit it; from then on it leaves the file alone (unless --force).
title: Sunsetting API Authentication via Query Parameters, and the OAuth Applications API
impact: maintenance
# When the maintenance went in progress (Statuspage's started_at is when it was announced).
started: 2021-05-05T14:01:22Z
# No resolved: the export has no resolved_at, so this stays ongoing until it has one.
affected: [api-requests]
# Statuspage has no summary: this is the start of the first update.
summary: We will be removing API Authentication via Query Parameters and OAuth Application API during these hours as part of a planned deprecation cycle. For more information, please read our blog post.
updates:
  - at: 2021-04-22T08:44:58Z
    status: scheduled
    body: We will be removing [API Authentication via Query Parameters](https://developer.github.com/changes/2020-02-10-deprecating-auth-through-query-param/) and [OAuth Application API](https://developer.github.com/changes/2020-02-14-deprecating-oauth-app-endpoint) during these hours as part of a planned deprecation cycle. For more information, please read our [blog post](https://github.blog/changelog/2021-04-19-sunsetting-api-authentication-via-query-parameters-and-the-oauth-applications-api/).
  - at: 2021-05-05T12:59:32Z
    status: scheduled
    body: Maintenance will begin as scheduled in 60 minutes.
  - at: 2021-05-05T14:01:22Z
    status: in_progress
    body: Scheduled maintenance is currently in progress. We will provide updates as necessary.
scheduled_for: 2021-05-05T14:00:00Z
scheduled_until: 2021-05-06T02:00:00Z
"""


@pytest.fixture
def imported(content: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", content)
    assert result.code == 0, result.out + result.err
    return content


def test_fixture_gives_91_incidents_and_204_updates(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", content)
    assert result.code == 0, result.err
    records = incidents(content)
    assert len(records) == 91
    assert sum(len(incident.updates) for incident in records.values()) == 204
    assert "91 incidents (204 updates): 91 added, 0 updated, 0 unchanged, 0 skipped" in result.out
    assert result.out.count("\nadded ") + result.out.startswith("added ") == 91
    assert result.out.splitlines()[-1].startswith(f"{content}: no errors")  # warnings are about GitHub's old data


def test_every_file_is_named_by_date_and_title(imported: Path) -> None:
    names = sorted(path.stem for path in (imported / "incidents").glob("*.yml"))
    assert len(names) == len(set(names)) == 91
    assert "2021-09-28-incident-with-github-actions" in names
    assert "2021-08-27-incident-with-github-packages-2" in names  # a second incident of that name that day
    for incident in incidents(imported).values():
        assert incident.id.startswith((incident.started or incident.scheduled_for).strftime("%Y-%m-%d-"))  # type: ignore[union-attr]


def test_imported_fixture_passes_check(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate(imported, AS_OF).errors == []
    result = trustpages(capsys, "check", imported, "--as-of", AS_OF.isoformat())
    assert result.code == 0, result.out


def test_second_import_changes_nothing(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(imported)
    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", imported)
    assert result.code == 0
    assert "0 added, 0 updated, 91 unchanged, 0 skipped" in result.out
    assert snapshot(imported) == before


def test_written_yaml_is_tidy_and_stable(imported: Path) -> None:
    assert (imported / "incidents" / f"{MAINTENANCE}.yml").read_text(encoding="utf-8") == GOLDEN_MAINTENANCE


def test_incident_without_resolved_at_stays_ongoing(imported: Path) -> None:
    text = (imported / "incidents" / f"{UNRESOLVED}.yml").read_text(encoding="utf-8")
    assert "\nresolved:" not in text
    assert "# No resolved: the export has no resolved_at" in text
    incident = incidents(imported)[UNRESOLVED]
    assert incident.resolved is None
    assert incident.started == datetime(2020, 11, 18, 23, 2, 10, tzinfo=UTC)
    assert [update.at.strftime("%H:%M:%S") for update in incident.updates] == ["23:02:10", "23:24:04", "23:26:43"]  # oldest first
    assert incident.affected == ("webhooks",)


def test_maintenance_keeps_its_window_and_starts_when_under_way(imported: Path) -> None:
    incident = incidents(imported)[MAINTENANCE]
    assert incident.impact == "maintenance"
    assert incident.scheduled_for == datetime(2021, 5, 5, 14, 0, tzinfo=UTC)
    assert incident.scheduled_until == datetime(2021, 5, 6, 2, 0, tzinfo=UTC)
    assert incident.started == datetime(2021, 5, 5, 14, 1, 22, tzinfo=UTC)
    assert [update.status for update in incident.updates] == ["scheduled", "scheduled", "in_progress"]


def test_components_are_added_to_site_yml_by_their_current_name(imported: Path) -> None:
    site = (imported / "site.yml").read_text(encoding="utf-8")
    assert site.startswith("name: Example Co\nurl: https://trust.example.com\ntimezone: UTC\ncomponents:\n")
    assert "  - {id: actions, name: Actions, description: 'Workflows, Compute and Orchestration for GitHub Actions'}\n" in site
    assert site.count("\n  - {id: ") == 12
    # Incidents named the component "GitHub Actions" then; its Statuspage id makes it the same one.
    actions = [i for i in incidents(imported).values() if "actions" in i.affected]
    assert len(actions) == 41


def test_a_component_renamed_in_the_source_keeps_its_id(imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The id an earlier import chose is remembered (.import/statuspage.json): a new name is no new component."""
    before = snapshot(imported)
    data = json.loads(STATUSPAGE.read_text(encoding="utf-8"))
    renamed = 0
    for component in [
        *data["components"],
        *(c for incident in data["incidents"] for c in incident["components"]),
        *(c for incident in data["incidents"] for update in incident["incident_updates"] for c in update["affected_components"] or ()),
    ]:
        if component.get("id", component.get("code")) == "br0l2tvcx85d":
            component["name"] = "Workflow runners"
            renamed += 1
    assert renamed > 41  # the page's list, each incident that affected it, and the updates that say so
    source = tmp_path / "renamed.json"
    source.write_text(json.dumps(data), encoding="utf-8")

    result = trustpages(capsys, "import", "statuspage", source, "--into", imported)
    assert result.code == 0, result.out + result.err
    assert "0 added, 0 updated, 91 unchanged, 0 skipped" in result.out
    assert snapshot(imported) == before  # site.yml, every incident file and the state, byte for byte


def test_site_yml_comments_and_existing_components_are_kept(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "site.yml").write_text(
        "name: Example Co   # our legal name\nurl: https://trust.example.com\n\n"
        "# What customers use\ncomponents:\n  - id: gh-actions   # we call it this\n    name: Actions\n"
        "  - id: login\n    name: Login\n\n# Our own rules\npolicies:\n  postmortem_within_days: 7\n",
        encoding="utf-8",
    )
    assert trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", content).code == 0
    site = (content / "site.yml").read_text(encoding="utf-8")
    assert site.startswith(
        "name: Example Co   # our legal name\nurl: https://trust.example.com\n\n"
        "# What customers use\ncomponents:\n  - id: gh-actions   # we call it this\n    name: Actions\n"
        "  - id: login\n    name: Login\n  - id: git-operations\n    name: Git Operations\n"
    )
    assert site.endswith(
        "  - id: copilot-ai-model-providers\n    name: Copilot AI Model Providers\n\n# Our own rules\npolicies:\n  postmortem_within_days: 7\n"
    )
    assert "id: actions" not in site  # matched by name: the site's own id is used
    assert sum("gh-actions" in i.affected for i in incidents(content).values()) == 41


def test_empty_components_list_is_filled_in_place(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(content.parent, statuspage_incident(components=[{"id": "c1", "name": "Search"}]))
    (content / "site.yml").write_text("name: Example Co\ncomponents: []  # none yet\nurl: https://trust.example.com\n", encoding="utf-8")
    assert trustpages(capsys, "import", "statuspage", source, "--into", content).code == 0
    assert (content / "site.yml").read_text(encoding="utf-8") == (
        "name: Example Co\ncomponents:  # none yet\n  - {id: search, name: Search}\nurl: https://trust.example.com\n"
    )


def test_hand_edited_file_is_skipped_unless_forced(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = imported / "incidents" / f"{UNRESOLVED}.yml"
    edited = path.read_text(encoding="utf-8").replace("impact: minor", "impact: major") + "cause: A bad deploy.\n"
    path.write_text(edited, encoding="utf-8")

    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", imported)
    assert f"skipped   content/incidents/{UNRESOLVED}.yml (edited by hand since the last import; --force overwrites it)" in result.out
    assert "0 added, 0 updated, 90 unchanged, 1 skipped" in result.out
    assert path.read_text(encoding="utf-8") == edited

    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", imported, "--force")
    assert f"updated   content/incidents/{UNRESOLVED}.yml" in result.out
    assert "0 added, 1 updated, 90 unchanged, 0 skipped" in result.out
    assert "impact: minor" in path.read_text(encoding="utf-8")
    assert "cause:" not in path.read_text(encoding="utf-8")


def test_deleted_file_is_not_brought_back_unless_forced(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = imported / "incidents" / f"{UNRESOLVED}.yml"
    path.unlink()
    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", imported)
    assert "(deleted by hand since the last import; --force writes it again)" in result.out
    assert not path.exists()
    assert "1 added" in trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", imported, "--force").out
    assert path.exists()


def test_changes_at_the_source_update_the_same_file(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(content.parent, statuspage_incident())
    trustpages(capsys, "import", "statuspage", source, "--into", content)
    resolved = statuspage_incident(
        name="Slow pages for EU customers",
        status="resolved",
        resolved_at="2021-03-01T11:30:00.000Z",
        incident_updates=[
            {"status": "resolved", "body": "Pages are fast again.", "created_at": "2021-03-01T11:30:00.000Z"},
            *statuspage_incident()["incident_updates"],
        ],
    )
    export(content.parent, resolved)
    result = trustpages(capsys, "import", "statuspage", source, "--into", content)
    assert "updated   content/incidents/2021-03-01-slow-pages.yml" in result.out
    assert "1 incident (2 updates): 0 added, 1 updated, 0 unchanged, 0 skipped" in result.out
    assert [p.name for p in (content / "incidents").iterdir()] == ["2021-03-01-slow-pages.yml"]  # name kept, title changed
    incident = incidents(content)["2021-03-01-slow-pages"]
    assert incident.title == "Slow pages for EU customers"
    assert incident.resolved == datetime(2021, 3, 1, 11, 30, tzinfo=UTC)
    assert [u.status for u in incident.updates] == ["investigating", "resolved"]


def test_update_before_started_at_moves_the_start_and_says_so(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    early = statuspage_incident(
        started_at="2021-03-01T10:30:00Z",
        resolved_at="2021-03-01T10:40:00Z",
        incident_updates=[
            {"status": "resolved", "body": "Fixed.", "created_at": "2021-03-01T10:45:00Z"},
            {"status": "investigating", "body": "Looking.", "created_at": "2021-03-01T10:05:00Z"},
        ],
    )
    assert trustpages(capsys, "import", "statuspage", export(content.parent, early), "--into", content).code == 0
    text = (content / "incidents" / "2021-03-01-slow-pages.yml").read_text(encoding="utf-8")
    assert (
        "# Statuspage's started_at is 2021-03-01T10:30:00Z, after the first update; started is that update's time.\nstarted: 2021-03-01T10:05:00Z\n"
        in text
    )
    assert (
        "# Statuspage's resolved_at is 2021-03-01T10:40:00Z; an update was posted later, so resolved is that update's time.\nresolved: 2021-03-01T10:45:00Z\n"
        in text
    )
    assert len(incidents(content)["2021-03-01-slow-pages"].updates) == 2
    assert validate(content, AS_OF).errors == []


def test_html_body_becomes_markdown(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = 'First line<br />Second <b>bold</b> line<br /><br />See <a href="https://example.com/x">details</a>:<ul><li>one</li><li>two</li></ul><script>alert(1)</script><img src="https://t.example/p.gif">'
    incident = statuspage_incident(incident_updates=[{"status": "identified", "body": body, "created_at": "2021-03-01T10:01:00Z"}])
    trustpages(capsys, "import", "statuspage", export(content.parent, incident), "--into", content)
    update = incidents(content)["2021-03-01-slow-pages"].updates[0]
    assert update.body == "First line  \nSecond bold line\n\nSee [details](https://example.com/x):\n\n- one\n- two\n"
    text = (content / "incidents" / "2021-03-01-slow-pages.yml").read_text(encoding="utf-8")
    assert (
        "    body: |\n      First line  \n      Second bold line\n\n      See [details](https://example.com/x):\n\n      - one\n      - two\n"
        in text
    )


def test_same_title_same_day_gets_a_unique_name_and_other_files_are_left_alone(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = content / "incidents" / "2021-03-01-slow-pages.yml"
    mine.parent.mkdir()
    mine.write_text("title: Written by a person\n", encoding="utf-8")
    source = export(content.parent, statuspage_incident("a1"), statuspage_incident("b2"))
    result = trustpages(capsys, "import", "statuspage", source, "--into", content)
    assert "added     content/incidents/2021-03-01-slow-pages-2.yml" in result.out
    assert "added     content/incidents/2021-03-01-slow-pages-3.yml" in result.out
    assert mine.read_text(encoding="utf-8") == "title: Written by a person\n"


def test_dry_run_writes_nothing(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(content)
    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", content, "--dry-run")
    assert result.code == 0
    assert "91 added, 0 updated, 0 unchanged, 0 skipped (dry run: nothing written)" in result.out
    assert snapshot(content) == before


def test_summary_is_the_start_of_the_first_update(imported: Path) -> None:
    summaries = {i.summary for i in incidents(imported).values()}
    assert "We are investigating reports of degraded performance for Webhooks." in summaries
    long = incidents(imported)["2020-12-15-macos-virtual-environment-maintenance"].summary
    assert long == (
        "During the week of December 14-18, GitHub will be performing scheduled maintenance on one of our datacenters "
        "that may result in longer than normal queue…"
    )


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (None, "trustpages: error: missing.json: no such file\n"),
        (
            '{"incidents": [\n  {"id": 1,}\n]}',
            "trustpages: error: missing.json:2:12: not valid JSON: Expecting property name enclosed in double quotes\n",
        ),
        (
            '{"page": {}}',
            "trustpages: error: missing.json: not a Statuspage export (expected an object with 'incidents', like summary.json or incidents.json)\n",
        ),
        (
            '{"incidents": [{"id": "x1", "created_at": "yesterday"}]}',
            "trustpages: error: missing.json: incidents[0].created_at (incident x1): expected a moment with its time zone, like 2020-11-18T23:02:10.335Z; got 'yesterday'\n",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_file(content: Path, capsys: pytest.CaptureFixture[str], write: str | None, message: str) -> None:
    if write is not None:
        (content.parent / "missing.json").write_text(write, encoding="utf-8")
    before = snapshot(content)
    result = trustpages(capsys, "import", "statuspage", "missing.json", "--into", content)
    assert (result.code, result.out, result.err) == (2, "", message)
    assert snapshot(content) == before


def test_missing_site_yml_is_a_usage_error(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "site.yml").unlink()
    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", content)
    assert result.code == 2
    assert result.err == "trustpages: error: content/site.yml: not found (create site.yml with at least name and url before importing)\n"
    assert not (content / "incidents").exists()


def test_broken_site_yml_is_reported_with_its_line(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "site.yml").write_text("name: Example Co\nurl: [\n", encoding="utf-8")
    result = trustpages(capsys, "import", "statuspage", STATUSPAGE, "--into", content)
    assert result.code == 2
    assert result.err.startswith("trustpages: error: content/site.yml:3:1: YAML syntax:")


def test_state_records_each_file_and_its_hash(imported: Path) -> None:
    state = json.loads((imported / ".import" / "statuspage.json").read_text(encoding="utf-8"))
    assert state["incidents"]["j4vrg2ljjb5c"]["file"] == f"incidents/{UNRESOLVED}.yml"
    assert len(state["incidents"]) == 91
    assert state["components"]["br0l2tvcx85d"] == "actions"


def test_summary_json_lists_a_maintenance_twice_and_it_is_imported_once(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    window = statuspage_incident(
        "m1",
        "Database upgrade",
        status="scheduled",
        impact="minor",  # Statuspage lets a maintenance carry an impact
        scheduled_for="2021-03-05T22:00:00Z",
        scheduled_until="2021-03-06T02:00:00Z",
        incident_updates=[{"status": "scheduled", "body": "We will upgrade the database.", "created_at": "2021-03-01T10:00:00Z"}],
    )
    source = content.parent / "summary.json"
    source.write_text(
        json.dumps({"page": {}, "components": [], "incidents": [], "scheduled_maintenances": [window, window]}), encoding="utf-8"
    )
    result = trustpages(capsys, "import", "statuspage", source, "--into", content)
    assert "1 incident (1 update): 1 added" in result.out
    incident = incidents(content)["2021-03-05-database-upgrade"]  # named by its planned start: it has not started
    assert (incident.impact, incident.started, incident.resolved) == ("maintenance", None, None)
    text = (content / "incidents" / "2021-03-05-database-upgrade.yml").read_text(encoding="utf-8")
    assert "# Statuspage's impact was 'minor'; a scheduled window is maintenance here.\nimpact: maintenance\n" in text
    assert validate(content, AS_OF).errors == []


def test_a_partial_outage_survives_statuspage_and_back(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Statuspage's impacts have no partial outage: ours goes out as minor with the component in partial_outage,
    # as a Statuspage client reads it, and that pair comes back in as partial, never as slowness (minor).
    site = Site.model_validate(
        {"name": "Example Co", "url": "https://trust.example.com", "timezone": "UTC", "components": [{"id": "app", "name": "App"}]}
    )
    photos = Incident.model_validate(
        {
            "id": "2021-03-01-photos",
            "title": "Photos do not upload",
            "impact": "partial",
            "started": "2021-03-01T10:00:00Z",
            "affected": ["app"],
            "summary": "Photos stay stuck at uploading.",
            "updates": [{"at": "2021-03-01T10:20:00Z", "status": "investigating", "body": "Photos do not upload; we are on it."}],
        }
    )
    records = RecordSet.holding(site, photos)
    as_of = date(2021, 3, 2)
    files = statuspage_api.files(records, as_of, service_status(records, as_of))
    summary = SummaryResponse.model_validate_json(files["api/v2/summary.json"])
    assert (summary.status.indicator, summary.incidents[0].impact) == ("minor", "minor")
    assert {c.id: c.status for c in summary.components}["app"] == "partial_outage"
    source = content.parent / "incidents.json"
    source.write_bytes(files["api/v2/incidents.json"])
    assert trustpages(capsys, "import", "statuspage", source, "--into", content).code == 0
    [imported] = incidents(content).values()
    assert imported.impact == "partial"
    minor = statuspage_incident(impact="minor")  # no component said to be partly down: slowness, as before
    assert trustpages(capsys, "import", "statuspage", export(content.parent, minor), "--into", content).code == 0
    assert {i.title: i.impact for i in incidents(content).values()}["Slow pages"] == "minor"
