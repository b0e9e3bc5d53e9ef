"""`trustpages check`: every problem in the content, with file:line:col, and an exit code for CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustpages import gitrefs, live, yamlsource
from trustpages.asof import default_as_of
from trustpages.checks.published import Published
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_content_argument, as_of_date, missing_content
from trustpages.problems import render
from trustpages.validate import validate


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
        "unless withdrawn, and its published facts may be added to but not changed without a correction",
    )
    check.add_argument(
        "--against-live",
        metavar="URL",
        nargs="?",
        const="",
        default=None,
        help="compare with the commit the live site was built from, read from its api/v1/summary.json (default: at "
        "site.yml's url); when the site cannot be read, with the previous commit. For the publish job.",
    )
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if missing_content(args.content):
        return EXIT_USAGE
    if args.against is not None and args.against_live is not None:
        print("trustpages: error: give --against or --against-live, not both", file=sys.stderr)
        return EXIT_USAGE
    published = None
    ref = args.against
    if args.against_live is not None:
        try:
            ref = _live_ref(args)
        except gitrefs.GitError as exc:
            print(f"trustpages: error: --against-live: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if ref is not None:
        try:
            published = Published(ref, gitrefs.load_at(ref, args.content))
        except gitrefs.NoContentAt as exc:
            if args.against_live is None:
                print(f"trustpages: error: --against {ref}: {exc}", file=sys.stderr)
                return EXIT_USAGE
            print(f"trustpages: {exc}: nothing was published yet to compare with", file=sys.stderr)
        except gitrefs.GitError as exc:
            print(f"trustpages: error: --against {ref}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    result = validate(args.content, args.as_of or default_as_of(), published)
    report = render(result.problems, args.format, checked=str(args.content))
    if report:
        print(report)
    failed = result.errors or (args.strict and result.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _live_ref(args: argparse.Namespace) -> str | None:
    """The commit the live site was built from; else the previous commit; None when there is none (a first publish)."""
    url = args.against_live or _site_summary_url(args.content)
    place = gitrefs.locate(args.content)
    if url:
        try:
            commit = live.live_commit(url)
        except live.NotLive as exc:
            print(f"trustpages: the live site: {exc}; comparing with the previous commit instead", file=sys.stderr)
        else:
            try:
                gitrefs.resolve(commit, place.top)
            except gitrefs.GitError:
                raise gitrefs.GitError(
                    f"the live site was built from commit {commit}, which this clone does not have: fetch the whole "
                    "history (fetch-depth: 0); if the branch's history was rewritten, compare with that commit by hand"
                ) from None
            print(f"trustpages: comparing with {commit[:12]}, the commit the live site was built from", file=sys.stderr)
            return commit
    try:
        return gitrefs.resolve("HEAD~1", place.top)
    except gitrefs.GitError:
        print("trustpages: no earlier commit: nothing was published yet to compare with", file=sys.stderr)
        return None


def _site_summary_url(content: Path) -> str | None:
    """Where site.yml says the site lives, as the address of its summary.json; None when site.yml does not say."""
    try:
        value = yamlsource.read(content / "site.yml").value
    except (yamlsource.YamlError, OSError):
        return None
    url = value.get("url") if isinstance(value, dict) else None
    return live.summary_url(url) if isinstance(url, str) else None
