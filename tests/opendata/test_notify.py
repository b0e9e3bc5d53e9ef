"""`trustpages notify`: a real git repository, a real HTTP server on 127.0.0.1, and the messages it receives."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import INCIDENT, MILESTONE, MISTAKE, VALID, write_content
from tests.test_record_set import Award
from trustpages import kinds
from trustpages.cli import main
from trustpages.gitrefs import GitError, NoContentAt, load_at
from trustpages.kinds import Facts, Kind, Wording
from trustpages.opendata.notify import headline
from trustpages.strings import Strings, builtin_templates
from trustpages.timeline.event import Event

AT = datetime(2026, 3, 4, 9, 12, tzinfo=UTC)

SLOW_API = """\
title: The API is slow
impact: minor
started: 2026-06-30T08:00:00Z
affected: [api]
summary: Some API calls take several seconds.
updates:
  - {at: 2026-06-30T08:10:00Z, status: investigating, body: We are looking into slow calls.}
  - {at: 2026-06-30T09:00:00Z, status: identified, body: "A slow query & a full disk."}
"""


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env, input=stdin).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two commits: the records as last announced, then new incidents, updates, a status change and a mistake."""
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    before = {
        **VALID,
        INCIDENT: VALID[INCIDENT]
        .replace("resolved: 2026-03-04T10:05:00Z\n", "")
        .replace("  - {at: 2026-03-04T10:05:00Z, status: resolved, body: All logins work again.}\n", ""),
        MILESTONE: VALID[MILESTONE].split("  - on: 2026-06-20")[0],
        MISTAKE: None,
    }
    write_content(tmp_path / "content", before)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "as announced")
    after = {
        **VALID,
        # Rewording a published update is not news: it must not be sent again.
        INCIDENT: VALID[INCIDENT].replace("We are looking into failed logins.", "We are looking into failed log-ins."),
        "incidents/2026-06-30-slow-api.yml": SLOW_API,
    }
    write_content(tmp_path / "content", after)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "new records")
    return tmp_path


class Webhook:
    """An HTTP server on 127.0.0.1 that records every POST and answers with the next planned status."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, object]] = []
        self.attempts = 0
        self.answers: list[int] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                hook.attempts += 1
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = hook.answers.pop(0) if hook.answers else 200
                if status < 300:
                    assert self.headers["Content-Type"].startswith("application/json")
                    hook.bodies.append(json.loads(body))
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/secret-token"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    hook = Webhook()
    yield hook
    hook.close()


def notify(*extra: str) -> int:
    return main(["notify", "content", "--since", "HEAD~1", "--ledger", "ledger.json", "--retry-delay", "0", *extra])


def test_posts_one_message_per_event_oldest_first_and_nothing_on_a_rerun(repo: Path, webhook: Webhook, capsys) -> None:  # type: ignore[no-untyped-def]
    assert notify("--webhook", webhook.url, "--format", "json") == 0
    sent = [(b["kind"], b["record_id"], b["status"], b["at"]) for b in webhook.bodies]
    assert sent == [
        ("incident.update", "2026-03-04-login-failures", "resolved", "2026-03-04T10:05:00Z"),
        ("mistake.new", "2026-05-02-double-charged", None, "2026-05-02T00:00:00Z"),
        ("commitment.status", "export-all-data", "kept", "2026-06-20T00:00:00Z"),
        ("incident.new", "2026-06-30-slow-api", "minor", "2026-06-30T08:00:00Z"),
        ("incident.update", "2026-06-30-slow-api", "investigating", "2026-06-30T08:10:00Z"),
        ("incident.update", "2026-06-30-slow-api", "identified", "2026-06-30T09:00:00Z"),
    ]
    first = webhook.bodies[0]
    assert first["headline"] == "Some customers could not log in: Resolved"
    assert first["url"] == "https://trust.example.com/incidents/2026-03-04-login-failures/"
    assert first["text"] == "All logins work again."
    out = capsys.readouterr().out
    assert "sent 6 message(s) to http://127.0.0.1:" in out and "secret-token" not in out

    assert notify("--webhook", webhook.url, "--format", "json") == 0
    assert len(webhook.bodies) == 6 and webhook.attempts == 6
    assert "nothing new to send" in capsys.readouterr().out
    ledger = json.loads(Path("ledger.json").read_text(encoding="utf-8"))
    [(span, ids)] = ledger["ranges"].items()
    head = git(repo, "rev-parse", "HEAD").strip()
    assert span == f"{git(repo, 'rev-parse', 'HEAD~1').strip()}..{head}"
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 6


def test_slack_format_escapes_and_links(repo: Path, webhook: Webhook) -> None:
    assert notify("--webhook", webhook.url) == 0
    last = webhook.bodies[-1]
    assert last == {
        "text": "*The API is slow: Identified*\nA slow query &amp; a full disk.\n<https://trust.example.com/incidents/2026-06-30-slow-api/>"
    }
    assert webhook.bodies[1]["text"].startswith("*We made a mistake: We charged some customers twice in May*")  # type: ignore[union-attr]


def test_dry_run_prints_and_sends_nothing(repo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert notify("--dry-run", "--format", "json") == 0
    captured = capsys.readouterr()
    assert captured.out.count('"kind"') == 6
    assert "6 message(s) would be sent" in captured.err
    assert not Path("ledger.json").exists()


def test_a_failing_server_gets_three_attempts_then_exit_1(repo: Path, webhook: Webhook, capsys) -> None:  # type: ignore[no-untyped-def]
    webhook.answers = [500, 500, 500]
    assert notify("--webhook", webhook.url) == 1
    assert webhook.attempts == 3 and webhook.bodies == []
    err = capsys.readouterr().err
    assert "webhook answered 500" in err and "after 3 attempts" in err and "secret-token" not in err


def test_a_retry_that_succeeds_and_a_resume_after_failure(repo: Path, webhook: Webhook) -> None:
    # First message: one 503, then accepted. Second message: refused for good (404 is not retried).
    webhook.answers = [503, 200, 404]
    assert notify("--webhook", webhook.url, "--format", "json") == 1
    assert webhook.attempts == 3 and len(webhook.bodies) == 1
    # The rerun sends the other five, never the first again.
    assert notify("--webhook", webhook.url, "--format", "json") == 0
    kinds = [b["kind"] for b in webhook.bodies]
    assert len(kinds) == 6 and kinds.count("incident.new") == 1
    assert len({json.dumps(b, sort_keys=True) for b in webhook.bodies}) == 6


@pytest.mark.parametrize(
    "url", ["ftp://example.com/hook", "example.com/hook", "http://", "http://example.com:port/x", "https://exa mple.com/"]
)
def test_a_bad_url_is_a_usage_error(repo: Path, url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert notify("--webhook", url) == 2
    assert "--webhook is not a usable address" in capsys.readouterr().err


def test_an_unknown_ref_is_a_usage_error(repo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["notify", "content", "--since", "no-such-tag", "--dry-run"]) == 2
    assert "unknown git ref 'no-such-tag'" in capsys.readouterr().err


def test_an_unreachable_server_fails_clearly(repo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    hook = Webhook()
    url = hook.url
    hook.close()  # nothing listens there any more
    assert notify("--webhook", url) == 1
    assert "could not reach the webhook at http://127.0.0.1:" in capsys.readouterr().err


def test_load_at_reads_the_past_without_touching_the_work_tree(repo: Path) -> None:
    before = {p: p.read_bytes() for p in (repo / "content").rglob("*") if p.is_file()}
    old = load_at("HEAD~1", repo / "content").records
    assert old is not None
    assert [i.id for i in old.incidents] == ["2026-03-04-login-failures"]
    assert old.incidents[0].resolved is None and old.mistakes == ()
    assert {p: p.read_bytes() for p in (repo / "content").rglob("*") if p.is_file()} == before
    with pytest.raises(GitError):
        load_at("--output=x", repo / "content")


def test_a_ref_before_the_content_existed_announces_everything(repo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    empty_tree = git(repo, "mktree", stdin="").strip()
    root = git(repo, "commit-tree", "-m", "before any content", empty_tree).strip()
    with pytest.raises(NoContentAt):
        load_at(root, repo / "content")
    assert main(["notify", "content", "--since", root, "--ledger", "ledger.json", "--dry-run", "--format", "json"]) == 0
    # Login incident: new + 3 updates; slow API: new + 2 updates; export-all-data: 3 statuses; 1 mistake.
    assert capsys.readouterr().out.count('"kind"') == 11


def test_each_events_headline_is_worded_by_its_kind_else_by_its_strings() -> None:
    t = Strings({"notify": {"award_given": "Award: {title}"}, "status": {"kept": "kept"}, "update_status": {"resolved": "Resolved"}})
    real = Strings.load("en", [builtin_templates()])
    assert headline(Event("incident.new", "i", "Login fails", AT), real) == "New incident: Login fails"
    assert headline(Event("incident.update", "i", "Login fails", AT, status="resolved"), real) == "Login fails: Resolved"
    assert headline(Event("commitment.status", "c", "Export", AT, status="kept"), real) == "Commitment Export: now Kept"
    assert headline(Event("mistake.new", "m", "Charged twice", AT), real) == "We made a mistake: Charged twice"
    # a kind of a site's own: its strings' notify.<kind>_<what happened>, or its Wording's headline when it has one
    plain = Kind("award", Award, folder="awards", timeline=lambda records, as_of, history: (), facts=Facts(lists=()))
    with kinds.registered(plain):
        assert headline(Event("award.given", "a", "Friendliest support", AT), t) == "Award: Friendliest support"
    worded = dataclasses.replace(plain, wording=Wording(lambda words, event, what: what, headline=lambda t, event, what: f"{what}!"))
    with kinds.registered(worded):
        assert headline(Event("award.given", "a", "Friendliest support", AT), t) == "given!"
