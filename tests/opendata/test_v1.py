"""/api/v1/: JSON that validates against its own published schema, numbers equal to the site's, CSV, determinism."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest
from jsonschema import Draft202012Validator

from tests.opendata.conftest import Published
from trustpages import metrics, opendata
from trustpages.numbers import Numbers
from trustpages.opendata import models
from trustpages.pipeline import make_site
from trustpages.render import STYLESHEET

NAMES = ["summary", "commitments", "incidents", "mistakes", "pricing", "contact", "metrics"]


@pytest.mark.parametrize("name", NAMES)
def test_every_json_file_validates_against_its_published_schema(published: Published, name: str) -> None:
    schema = json.loads(published.text(f"api/v1/schema/{name}.schema.json"))
    document = json.loads(published.text(f"api/v1/{name}.json"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(document), key=str)
    assert not errors, [e.message for e in errors]
    assert document["$schema"] == schema["$id"] == f"https://trust.example.com/api/v1/schema/{name}.schema.json"
    assert document["version"] == models.VERSION == "1"
    assert document["as_of"] == published.as_of.isoformat()


def test_the_schema_rejects_what_it_should(small: Published) -> None:
    """A schema that accepts anything proves nothing."""
    schema = json.loads(small.text("api/v1/schema/summary.schema.json"))
    document = json.loads(small.text("api/v1/summary.json"))
    validator = Draft202012Validator(schema)
    for broken in (
        {**document, "promise_kept_rate": 1.5},
        {**document, "milestones": {**document["milestones"], "overdue": -1}},
        {k: v for k, v in document.items() if k != "as_of"},
        {**document, "version": "2"},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_summary_numbers_equal_the_metrics(published: Published) -> None:
    summary = json.loads(published.text("api/v1/summary.json"))
    expected = metrics.summarise(published.records, published.as_of)
    assert summary["milestones"] == {"total": expected.milestones.total, **expected.milestones.counts}
    assert summary["promise_kept_rate"] == expected.promise_kept_rate
    assert summary["standing"] == {
        "total": expected.standing_total,
        "periods_measured": expected.periods_measured,
        "periods_met": expected.periods_met,
        "met_rate": expected.standing_met_rate,
    }
    assert summary["incidents"]["total"] == expected.incidents_total
    assert summary["incidents"]["open"] == expected.incidents_open


def test_summary_by_hand_for_the_full_set(full: Published) -> None:
    # 2026-07-01: export-all-data kept; status-page-sms was due 2026-05-31, in progress -> overdue only;
    # weekly-backups broken; offline-mode withdrawn. Rate = 1 kept / (1 + 1 broken + 1 overdue).
    summary = json.loads(full.text("api/v1/summary.json"))
    assert summary["milestones"] == {
        "total": 4,
        "kept": 1,
        "partly_kept": 0,
        "broken": 1,
        "overdue": 1,
        "in_progress": 0,
        "not_started": 0,
        "stalled": 0,
        "withdrawn": 1,
    }
    assert summary["promise_kept_rate"] == pytest.approx(1 / 3)
    assert summary["standing"] == {"total": 1, "periods_measured": 2, "periods_met": 1, "met_rate": 0.5}
    assert summary["incidents"] == {"total": 2, "open": 1, "days_since_serious": 119}
    assert summary["status"] == "degraded_performance"


def test_links_are_absolute_and_times_utc(full: Published) -> None:
    incidents = json.loads(full.text("api/v1/incidents.json"))["incidents"]
    assert [i["id"] for i in incidents] == [
        "2026-07-10-database-upgrade",
        "2026-06-30-slow-api",
        "2026-03-04-login-failures",
    ]  # newest first
    assert incidents[1]["url"] == "https://trust.example.com/incidents/2026-06-30-slow-api/"
    assert incidents[1]["open"] is True and incidents[2]["open"] is False
    assert incidents[2]["started"] == "2026-03-04T09:12:00Z"
    assert incidents[2]["duration_minutes"] == 53
    commitments = json.loads(full.text("api/v1/commitments.json"))["commitments"]
    sms = next(c for c in commitments if c["id"] == "status-page-sms")
    assert (sms["kind"], sms["status"], sms["days_late"]) == ("milestone", "overdue", 31)


def test_pricing_keeps_numbers_as_numbers(small: Published) -> None:
    pricing = json.loads(small.text("api/v1/pricing.json"))["pricing"]
    assert [p["price"] for p in pricing["plans"]] == [0, 12]
    assert pricing["history"][0] | {"why": ""} == {
        "announced": "2026-01-10",
        "effective": "2026-02-15",
        "notice_days": 36,
        "plan": "Team",
        "from": 10,
        "to": 12,
        "why": "",
    }


def test_missing_singletons_are_null(small: Published) -> None:
    records = small.records.with_records("pricing", ()).with_records("contact", ())
    files = opendata.publish(Numbers.of(records, small.as_of), small.t)
    assert json.loads(files["api/v1/pricing.json"])["pricing"] is None
    assert json.loads(files["api/v1/contact.json"])["contact"] is None
    assert ".well-known/security.txt" not in files


def rows(published: Published, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published.text(f"api/v1/{name}.csv"), newline="")))


def test_csv_has_a_header_and_a_row_per_record(published: Published) -> None:
    records = published.records
    for name, expected in (("commitments", records.commitments), ("incidents", records.incidents), ("mistakes", records.mistakes)):
        table = rows(published, name)
        assert len(table) == len(expected), name
        assert sorted(row["id"] for row in table) == sorted(r.id for r in expected)
        assert all(row["url"].startswith("https://trust.example.com/") for row in table)
    header = published.text("api/v1/commitments.csv").split("\r\n", 1)[0]
    assert header.startswith("id,kind,title,category,owner,made_on,due,status,days_late")


def test_csv_cells(full: Published) -> None:
    incidents = {row["id"]: row for row in rows(full, "incidents")}
    login = incidents["2026-03-04-login-failures"]
    assert (login["affected"], login["updates"], login["open"], login["resolved"]) == ("login api", "3", "false", "2026-03-04T10:05:00Z")
    assert incidents["2026-06-30-slow-api"]["resolved"] == ""
    commitments = {row["id"]: row for row in rows(full, "commitments")}
    assert commitments["reply-within-one-day"]["kind"] == "standing"
    assert commitments["reply-within-one-day"]["periods_met"] == "1"


def test_json_is_utf8_sorted_and_ends_with_a_newline(small: Published) -> None:
    raw = small.files["api/v1/contact.json"]
    assert raw.endswith(b"}\n")
    assert "Beispielstraße".encode() in raw  # ensure_ascii=False


def test_output_does_not_depend_on_file_order(full: Published) -> None:
    records = full.records
    shuffled = list(records.commitments), list(records.incidents), list(records.mistakes)
    for items in shuffled:
        random.Random(4).shuffle(items)
        items.reverse()
    other = records.with_records("commitment", shuffled[0]).with_records("incident", shuffled[1]).with_records("mistake", shuffled[2])
    assert opendata.publish(Numbers.of(other, full.as_of), full.t) == full.files


def test_catalogue_lists_exactly_what_is_published(published: Published) -> None:
    listed = [item.path for item in opendata.catalogue(published.records)]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(published.files)


def test_the_built_site_carries_exactly_the_open_data_publish_makes(published: Published) -> None:
    # The pipeline hands publish the numbers and events its pages read; nothing may differ from a fresh publish.
    assets = make_site(published.records, published.as_of).assets
    assert {path: data for path, data in assets.items() if path != STYLESHEET} == published.files
