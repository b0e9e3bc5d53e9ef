"""`trustpages notify --since REF`: one webhook message per new incident, incident update, status change and mistake."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trustpages.asof import default_as_of
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_content_argument, missing_content
from trustpages.gitrefs import GitError, NoContentAt, load_at, resolve
from trustpages.opendata import notify
from trustpages.problems import UsageError, render
from trustpages.records import RecordSet
from trustpages.strings import Strings
from trustpages.validate import validate

DEFAULT_LEDGER = Path(".trustpages/notify-ledger.json")


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "notify",
        help="post one message per new incident, incident update, commitment status change and mistake since a git ref",
        description="Compare the records at a git ref with the content folder now, and post one message per new "
        "incident, incident update, commitment status change and mistake to a webhook. Meant to run in CI after "
        "publishing. Events sent for a range (REF..HEAD) are kept in a ledger, so a rerun sends nothing twice. "
        "Exit 0 when done, 1 when the content has errors or the webhook refused a message, 2 on usage errors.",
    )
    add_content_argument(cmd)
    cmd.add_argument("--since", required=True, metavar="REF", help="git ref of the records last announced, e.g. HEAD~1 or a tag")
    target = cmd.add_mutually_exclusive_group(required=True)
    target.add_argument("--webhook", metavar="URL", help="http(s) address to POST each message to, as JSON")
    target.add_argument("--dry-run", action="store_true", help="print the messages instead of sending them")
    cmd.add_argument(
        "--format", choices=notify.FORMATS, default="slack", help="message shape: slack (incoming webhook) or json (default: slack)"
    )
    cmd.add_argument("--ledger", type=Path, default=DEFAULT_LEDGER, help=f"file remembering sent events (default: {DEFAULT_LEDGER})")
    cmd.add_argument(
        "--retry-delay", type=float, default=1.0, metavar="SECONDS", help="wait before the 2nd attempt; doubled before the 3rd (default: 1)"
    )
    cmd.add_argument(
        "--templates", type=Path, default=None, help="templates overriding the built-in UI strings (default: templates if it exists)"
    )
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.webhook is not None and (problem := notify.url_problem(args.webhook)) is not None:
        # The address itself is not repeated: webhook paths carry secrets, and this goes to CI logs.
        return _usage(f"--webhook is not a usable address: {problem}")
    if args.retry_delay < 0:
        return _usage("--retry-delay cannot be negative")
    if missing_content(args.content):
        return EXIT_USAGE
    try:
        repo = args.content.resolve()
        span = f"{resolve(args.since, repo)}..{resolve('HEAD', repo)}"
        old = _records_at(args.since, args.content)
    except GitError as exc:
        return _usage(str(exc))
    result = validate(args.content, default_as_of(), advice=False)  # only errors matter here
    if result.errors or result.records is None:
        print(render(result.problems, "human", checked=str(args.content)))
        return EXIT_PROBLEMS
    records = result.records
    try:
        ledger = notify.Ledger.read(args.ledger)
    except UsageError as exc:
        return _usage(str(exc))
    templates = args.templates or (Path("templates") if Path("templates").is_dir() else None)
    t = Strings.for_site(records.site.locale, templates)
    already = ledger.sent(span)
    pending = [event for event in notify.changes(old, records) if event.id not in already]

    if args.dry_run:
        for event in pending:
            print(json.dumps(notify.message(event, records, t, args.format), ensure_ascii=False, indent=2))
        print(f"{len(pending)} message(s) would be sent for {span}", file=sys.stderr)
        return EXIT_OK
    for number, event in enumerate(pending, start=1):
        try:
            notify.post(args.webhook, notify.message(event, records, t, args.format), delay=args.retry_delay)
        except notify.WebhookError as exc:
            print(
                f"trustpages: error: {exc}; sent {number - 1} of {len(pending)} message(s) to {notify.redacted(args.webhook)}. "
                "Run again to send the rest: sent ones are not repeated.",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        ledger.record(span, event.id)
    if pending:
        print(f"sent {len(pending)} message(s) to {notify.redacted(args.webhook)} for {span}")
    else:
        print(f"nothing new to send for {span}")
    return EXIT_OK


def _usage(message: str) -> int:
    print(f"trustpages: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _records_at(ref: str, content: Path) -> RecordSet | None:
    """The records published at `ref`; None when the site did not exist yet (everything is new)."""
    try:
        return load_at(ref, content).records
    except NoContentAt:
        return None
