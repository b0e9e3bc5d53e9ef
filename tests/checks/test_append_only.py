"""Published facts are append-only: each rewrite a sceptical reader tried fails `check --against`, unless corrected in public."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import Repo, make_repo
from tests.render.conftest import AS_OF
from trustpages.cli import main

Edit = Callable[[Repo], None]


@dataclass(frozen=True)
class Rewrite:
    """A change to a published record, what `check --against HEAD` must say, and the correction that allows it."""

    name: str
    edit: Edit
    file: str  # the file the error names
    says: str  # 'field: published as OLD at HEAD, now NEW'
    field: str | None  # the corrections entry that covers it (None: nothing can)
    record: str | None = None  # the record file that carries the correction, when it is not `file`


def edit(relative: str, change: Callable[[dict[str, Any]], None]) -> Edit:
    return lambda repo: repo.edit(relative, change)


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(record: dict[str, Any]) -> None:
        target: Any = record
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def _delete_row(name: str, index: int) -> Callable[[dict[str, Any]], None]:
    return lambda record: record[name].pop(index)


def _remove_file(relative: str) -> Edit:
    return lambda repo: (repo.content / relative).unlink()


INCIDENT = "incidents/2025-08-12-web-app-down.yml"
MISTAKE = "mistakes/2026-08-30-newsletter-to-closed-accounts.yml"
INVOICES = "commitments/invoices-in-german-and-french.yml"
STANDING = "commitments/reply-within-one-working-day.yml"
BANK_SYNC = "incidents/2025-11-03-bank-sync-delays.yml"

REWRITES = [
    Rewrite(
        "softened impact",
        edit(INCIDENT, _set(("impact",), "minor")),
        INCIDENT,
        "impact: published as 'critical' at HEAD, now 'minor'",
        "impact",
    ),
    Rewrite(
        "fewer people affected",
        edit(MISTAKE, _set(("what_happened",), "Our August newsletter went to 24 people who had closed their Tallyhouse accounts.")),
        MISTAKE,
        "what_happened: published as 'Our August newsletter went to 2,400 people who had closed their Tallyhouse accounts.' at HEAD, "
        "now 'Our August newsletter went to 24 people who had closed their Tallyhouse accounts.'",
        "what_happened",
    ),
    Rewrite(
        "fewer former customers",
        edit(MISTAKE, _set(("who_was_affected",), "24 former customers.")),
        MISTAKE,
        "who_was_affected: published as '2,400 former customers.' at HEAD, now '24 former customers.'",
        "who_was_affected",
    ),
    Rewrite(
        "price change deleted",
        edit("pricing.yml", _delete_row("history", 0)),
        "pricing.yml",
        "history.1: published as '{announced: 2025-01-06, effective: 2025-03-01, plan: Solo, from: 7, to: 9, why: ",
        "history.1",
    ),
    Rewrite(
        "commitment update rewritten",
        edit(INVOICES, lambda record: record["updates"][-1].update(on="2026-02-27", status="kept")),
        INVOICES,
        "updates.3.on: published as '2026-03-09' at HEAD, now '2026-02-27'",
        "updates.3",
    ),
    Rewrite(
        "due moved a year",
        edit(INVOICES, _set(("due",), "2027-01-31")),
        INVOICES,
        "due: published as '2026-02-28' at HEAD, now '2027-01-31'",
        "due",
    ),
    Rewrite("made_on moved", edit(INVOICES, _set(("made_on",), "2025-05-01")), INVOICES, "made_on: published as ", "made_on"),
    Rewrite(
        "update removed",
        edit(INVOICES, _delete_row("updates", 1)),
        INVOICES,
        "updates.2: published as '{on: 2025-10-01, status: in_progress",
        "updates.2",
    ),
    Rewrite(
        "incident started later",
        edit(INCIDENT, _set(("started",), "2025-08-12T10:00:00Z")),
        INCIDENT,
        "started: published as '2025-08-12T",
        "started",
    ),
    Rewrite(
        "incident resolved earlier",
        edit(INCIDENT, _set(("resolved",), "2025-08-12T23:00:00Z")),
        INCIDENT,
        "resolved: published as ",
        "resolved",
    ),
    Rewrite("resolved removed", edit(INCIDENT, lambda record: record.pop("resolved")), INCIDENT, ", removed", "resolved"),
    Rewrite(
        "affected component dropped",
        edit(BANK_SYNC, _set(("affected",), [])),
        BANK_SYNC,
        "affected: published as 'bank-sync' at HEAD, removed",
        "affected",
    ),
    Rewrite(
        "incident update body softened",
        edit(INCIDENT, lambda record: record["updates"][0].update(body="A few customers saw slow pages.")),
        INCIDENT,
        "updates.1.body: published as ",
        "updates.1.body",
    ),
    Rewrite(
        "plan price raised quietly",
        edit("pricing.yml", lambda record: record["plans"][1].update(price=11)),
        "pricing.yml",
        "plans.2.price: published as '9' at HEAD, now '11'",
        "plans.2.price",
    ),
    Rewrite(
        "standing measurement rewritten",
        edit(STANDING, lambda record: record["measurements"][0].update(actual="99.0%", met=True)),
        STANDING,
        "measurements.1.actual: published as ",
        "measurements.1",
    ),
    Rewrite(
        "metric point changed",
        edit("metrics/customer-trust-survey.yml", lambda record: record["points"][0].update(value=99)),
        "metrics/customer-trust-survey.yml",
        "points.1.value: published as ",
        "points.1",
    ),
    Rewrite(
        "policy loosened",
        edit("site.yml", lambda record: record.setdefault("policies", {}).update(postmortem_within_days=60)),
        "site.yml",
        "policies.postmortem_within_days: published as ",
        "policies.postmortem_within_days",
    ),
    Rewrite(
        "withdrawn.yml deleted",
        _remove_file("withdrawn.yml"),
        "withdrawn.yml",
        "the withdrawal of commitment 'paper-invoices' (2026-01-02: 'We stopped paper invoices.') was published at HEAD and is missing now",
        None,
    ),
]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = make_repo(tmp_path / "repo")
    (repo.content / "withdrawn.yml").write_text(
        "- {id: paper-invoices, kind: commitment, on: 2026-01-02, reason: We stopped paper invoices.}\n", encoding="utf-8"
    )
    repo.commit("Withdraw a promise", "2026-01-06")
    return repo


def run_check(repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    monkeypatch.chdir(repo.root)
    code = main(["check", "content", "--as-of", AS_OF, *args])
    return code, capsys.readouterr().out


def test_the_example_passes_against_itself(repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD", "--strict")
    assert code == 0, out


@pytest.mark.parametrize("rewrite", REWRITES, ids=[r.name for r in REWRITES])
def test_a_rewrite_fails_naming_file_field_old_and_new(
    rewrite: Rewrite, repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rewrite.edit(repo)
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 1
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert any(line.startswith(f"content/{rewrite.file}:") and rewrite.says in line for line in errors), out


@pytest.mark.parametrize("rewrite", [r for r in REWRITES if r.field], ids=[r.name for r in REWRITES if r.field])
def test_the_same_rewrite_with_a_correction_passes(
    rewrite: Rewrite, repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rewrite.edit(repo)
    correction = {"on": AS_OF, "field": rewrite.field, "why": "We got it wrong at first."}
    repo.edit(rewrite.record or rewrite.file, lambda record: record.setdefault("corrections", []).append(correction))
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 0, out


def test_a_correction_of_another_field_does_not_cover(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(record: dict[str, Any]) -> None:
        record["impact"] = "minor"
        record["corrections"] = [{"on": AS_OF, "field": "resolved", "why": "We typed the wrong time."}]

    repo.edit(INCIDENT, change)
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 1
    assert "impact: published as 'critical' at HEAD, now 'minor'" in out


def test_a_published_correction_does_not_cover_a_later_rewrite(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def first(record: dict[str, Any]) -> None:
        record["impact"] = "major"
        record["corrections"] = [{"on": "2026-02-01", "field": "impact", "why": "Only the web app was down."}]

    repo.edit(INCIDENT, first)
    repo.commit("Correct the impact", "2026-02-01")
    repo.edit(INCIDENT, _set(("impact",), "minor"))
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 1
    assert "impact: published as 'major' at HEAD, now 'minor'" in out


def test_a_published_correction_cannot_be_removed(repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def first(record: dict[str, Any]) -> None:
        record["impact"] = "major"
        record["corrections"] = [{"on": "2026-02-01", "field": "impact", "why": "Only the web app was down."}]

    repo.edit(INCIDENT, first)
    repo.commit("Correct the impact", "2026-02-01")
    repo.edit(INCIDENT, lambda record: record.pop("corrections"))
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 1
    assert "corrections.1: published as '{on: 2026-02-01, field: impact, why: Only the web app was down.}' at HEAD, removed" in out


def test_additions_are_free(repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    repo.edit(
        INVOICES,
        lambda record: record["updates"].append(
            {"on": AS_OF, "status": "kept", "note": "French is live.", "evidence": ["https://tallyhouse.example/changelog/french"]}
        ),
    )
    repo.edit(BANK_SYNC, lambda record: record["affected"].append("web-app"))
    repo.edit(STANDING, lambda record: record["measurements"].append({"period": "2026-Q4", "actual": "97.0%", "met": True}))
    repo.edit(
        "pricing.yml",
        lambda record: record["history"].append(
            {"announced": "2026-11-01", "effective": "2026-12-15", "plan": "Solo", "from": 9, "to": 10, "why": "Costs rose."}
        ),
    )
    repo.edit("pricing.yml", lambda record: record["plans"][1].update(price=10))
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 0, out


def test_a_price_history_row_for_another_amount_does_not_cover(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit(
        "pricing.yml",
        lambda record: record["history"].append(
            {"announced": "2026-11-01", "effective": "2026-12-15", "plan": "Solo", "from": 9, "to": 10, "why": "Costs rose."}
        ),
    )
    repo.edit("pricing.yml", lambda record: record["plans"][1].update(price=12))
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 1
    assert "plans.2.price: published as '9' at HEAD, now '12'" in out


def test_the_same_moment_written_in_another_zone_is_no_change(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustpages import yamlsource

    started = yamlsource.read(repo.content / INCIDENT).value["started"]
    from datetime import datetime, timedelta, timezone

    moment = datetime.fromisoformat(str(started)).astimezone(timezone(timedelta(hours=2))).isoformat()
    repo.edit(INCIDENT, _set(("started",), moment))
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD")
    assert code == 0, out


# What readers see: the correction on the page, and numbers that count the promise as first made.


def _render(repo: Repo) -> dict[str, str]:
    from datetime import date

    from trustpages.history import record_history
    from trustpages.pipeline import make_site
    from trustpages.validate import validate

    result = validate(repo.content, date.fromisoformat(AS_OF))
    assert result.records is not None and not result.errors, result.problems
    output = make_site(result.records, date.fromisoformat(AS_OF), history=record_history(repo.content))
    return {**output.pages, **{path: data.decode("utf-8") for path, data in output.assets.items() if path.endswith((".json", ".xml"))}}


def test_a_correction_is_shown_on_the_page_in_the_feed_and_in_open_data(repo: Repo) -> None:
    def correct(record: dict[str, Any]) -> None:
        record["impact"] = "major"
        record["corrections"] = [{"on": "2026-02-03", "field": "impact", "why": "Only the web app was down; the API kept working."}]

    repo.edit(INCIDENT, correct)
    repo.commit("Correct the impact", "2026-02-03")
    pages = _render(repo)
    page = pages["incidents/2025-08-12-web-app-down.md"]
    assert "Corrected on 3 February 2026: impact was “critical”, now “major”. Why: Only the web app was down; the API kept working." in page
    assert "Only the web app was down; the API kept working." in pages["feeds/incidents.xml"]
    assert (
        '"corrections":[{"on":"2026-02-03","field":"impact","why":"Only the web app was down; the API kept working."}]'
        in pages["api/v1/incidents.json"]
    )


def test_moving_a_due_date_does_not_move_the_home_page_rate(repo: Repo) -> None:
    before = _render(repo)
    # A promise overdue on AS_OF, its due date moved a year on, with a correction: allowed, and public.
    from trustpages import yamlsource

    overdue = next(
        path.stem
        for path in sorted((repo.content / "commitments").glob("*.yml"))
        if f"commitments/{path.stem}.md" in before and "tp-status--overdue" in before[f"commitments/{path.stem}.md"].split("tp-promise")[0]
    )
    old_due = yamlsource.read(repo.content / "commitments" / f"{overdue}.yml").value["due"]

    def move(record: dict[str, Any]) -> None:
        record["due"] = "2027-11-30"
        record["corrections"] = [{"on": "2026-02-01", "field": "due", "why": "The bank changed its interface."}]

    repo.edit(f"commitments/{overdue}.yml", move)
    repo.commit("Move a due date", "2026-02-01")
    after = _render(repo)

    def headline(pages: dict[str, str]) -> str:
        card = pages["index.md"].split('tp-card__number">', 1)[1]
        return card[: card.index("</span>", card.index("tp-card__detail"))]

    assert headline(after) == headline(before)
    assert '"promise_kept_rate"' in after["api/v1/summary.json"]
    summary_before = before["api/v1/summary.json"].split('"promise_kept_rate":')[1][:10]
    assert after["api/v1/summary.json"].split('"promise_kept_rate":')[1][:10] == summary_before
    assert '"rescheduled":1' in after["api/v1/summary.json"]
    page = after[f"commitments/{overdue}.md"]
    assert "tp-status--overdue" in page.split("tp-promise")[0]
    from datetime import date

    first = date.fromisoformat(str(old_due))
    assert f"Due date moved from {first.day} {first.strftime('%B')} {first.year} to 30 November 2027." in page
    assert "Why: The bank changed its interface" in page
    assert "Rescheduled promises" in after["metrics.md"]


def _add_postmortem(repo: Repo, relative: str) -> None:
    repo.edit(relative, lambda record: record.pop("postmortem", None))
    repo.commit("Publish the incident without its postmortem", "2026-01-07")
    repo.edit(relative, lambda record: record.update(postmortem="We looked at what went wrong and changed three things."))


def test_a_late_postmortem_warns_in_check_and_shows_on_the_page(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_postmortem(repo, INCIDENT)  # resolved 12 August 2025; promised within 7 days
    code, out = run_check(repo, capsys, monkeypatch, "--against", "HEAD", "--strict")
    assert code == 1
    assert "warning: postmortem published 468 days after the incident was resolved; site.yml promises one within 7 (" in out

    repo.commit("Add the postmortem", "2025-09-10")  # 29 days after it was resolved
    page = _render(repo)["incidents/2025-08-12-web-app-down.md"]
    assert "Postmortem published on 10 September 2025, 29 days after it was resolved; we promise one within 7 days." in page
    assert 'class="tp-policy-missed">Postmortem published' in page


def test_a_postmortem_in_time_says_when_without_blame(repo: Repo) -> None:
    _add_postmortem(repo, INCIDENT)
    repo.commit("Add the postmortem", "2025-08-15")
    page = _render(repo)["incidents/2025-08-12-web-app-down.md"]
    assert 'class="tp-record-note">Postmortem published on 15 August 2025, 3 days after it was resolved.' in page


def test_a_record_published_with_its_postmortem_makes_no_claim(repo: Repo) -> None:
    assert "Postmortem published" not in _render(repo)["incidents/2025-08-12-web-app-down.md"]
