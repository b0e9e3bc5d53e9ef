"""`trustpages check`: every problem in the content, with file:line:col, and an exit code for CI."""

from __future__ import annotations

import argparse
import sys

from generator import gitrefs
from generator.asof import default_as_of
from generator.checks.vanished import Published
from generator.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_content_argument, as_of_date, missing_content
from generator.problems import render
from generator.validate import validate


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="check every record and report each problem with file:line:col",
        description="Check every record in a content folder. Exit 0 when clean, 1 on errors "
        "(or on warnings with --strict), 2 on usage errors.",
    )
    add_content_argument(check)
    check.add_argument("--format", choices=["human", "github", "json"], default="human", help="how to print problems")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--as-of", type=as_of_date, default=None, help="check as if today were DATE (YYYY-MM-DD)")
    check.add_argument(
        "--against",
        metavar="REF",
        default=None,
        help="also compare with the records at git REF (e.g. origin/main): a record there may not be missing now "
        "unless withdrawn, and a changed promise or due date needs an update with a note",
    )
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if missing_content(args.content):
        return EXIT_USAGE
    published = None
    if args.against is not None:
        try:
            published = Published(args.against, gitrefs.load_at(args.against, args.content))
        except gitrefs.GitError as exc:
            print(f"trustpages: error: --against {args.against}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    result = validate(args.content, args.as_of or default_as_of(), published)
    report = render(result.problems, args.format, checked=str(args.content))
    if report:
        print(report)
    failed = result.errors or (args.strict and result.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK
