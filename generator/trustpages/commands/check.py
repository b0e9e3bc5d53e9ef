"""`trustpages check`: every problem in the content, with file:line:col, and an exit code for CI."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from trustpages import gitrefs
from trustpages.asof import default_as_of
from trustpages.checks import examples
from trustpages.checks.published import Published
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Verbosity, as_of_date, build, detail, missing_content, verbosity
from trustpages.pipeline import default_templates
from trustpages.problems import Problem, render
from trustpages.publiclog.compare import compare
from trustpages.publiclog.fetch import Unreadable, live_address, read_log
from trustpages.render.replaced import replaced
from trustpages.strings import override_problems
from trustpages.validate import validate


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="check every record and report each problem with file:line:col",
        description="Check every record in a content folder. Exit 0 when clean, 1 on errors "
        "(or on warnings with --strict), 2 on usage errors.",
    )
    check.add_argument(
        "content",
        nargs="?",
        default=None,
        type=Path,
        help="content folder (default: the trustpages plugin's content_dir in ./mkdocs.yml, else content)",
    )
    check.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="MkDocs configuration naming the content folder (default: mkdocs.yml)",
    )
    check.add_argument("--format", choices=["human", "github", "json"], default="human", help="how to print problems")
    check.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings as errors (with --against REF: only warnings in files the change touched; the others are still reported)",
    )
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
        help="compare with the public log the live site serves (default: at TRUSTPAGES_LIVE_URL, else site.yml's url in "
        "the parent commit): what it holds may not be rewritten or dropped without a correction or withdrawal. A log "
        "that cannot be read is an error: there is no fallback.",
    )
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    built = _built_folder(args.config_file)  # another folder of this project than the one built is refused; another site's is fine
    if args.content is None:
        args.content = Path(os.path.relpath(built)) if built is not None else Path("content")  # named as people type it
    elif built is not None and args.content.resolve() != built.resolve() and args.content.resolve().is_relative_to(Path.cwd()):
        print(
            f"trustpages: error: {args.config_file} builds the site from {built}, not {args.content}: checking another folder "
            f"would pass what is not published. Check {built}, or change content_dir in {args.config_file}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if missing_content(args.content):
        return EXIT_USAGE
    if args.against is not None and args.against_live is not None:
        print("trustpages: error: give --against or --against-live, not both", file=sys.stderr)
        return EXIT_USAGE
    published = None
    if args.against is not None:
        try:
            published = Published(args.against, gitrefs.load_at(args.against, args.content), examples.at(args.against, args.content))
        except gitrefs.GitError as exc:
            print(f"trustpages: error: --against {args.against}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    log = None
    if args.against_live is not None:
        try:
            log = read_log(args.against_live or live_address(args.content))
        except Unreadable as exc:
            print(f"trustpages: error: --against-live: cannot read the live public log: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    as_of = args.as_of or default_as_of()
    began = time.perf_counter()
    result = validate(args.content, as_of, published, log=log)
    problems = list(result.problems) + override_problems(default_templates(Path.cwd()))  # a site's own strings
    if log is not None and result.records is not None:
        problems = sorted({*problems, *compare(log, result.records, as_of.isoformat()).problems})
    detail(f"checked {args.content} as of {as_of} in {time.perf_counter() - began:.2f} s")
    report = render(problems, args.format, checked=str(args.content))
    if args.format == "human" and verbosity() is Verbosity.QUIET:  # the problems, without the summary line
        report = "\n".join(problem.human() for problem in problems)
    if report:
        print(report)
    for name, file in replaced(default_templates(Path.cwd())).items():
        print(
            f"trustpages: note: {os.path.relpath(file)} replaces the built-in {name} page, which shows computed numbers; "
            "the page says so under its content",
            file=sys.stderr,
        )
    failed = any(p.severity == "error" for p in problems) or (args.strict and bool(_blocking(result.warnings, args)))
    return EXIT_PROBLEMS if failed else EXIT_OK


def _blocking(warnings: list[Problem], args: argparse.Namespace) -> list[Problem]:
    """The warnings --strict fails on: every one, but with --against REF only those in files the change touched.

    A warning from the date (a postmortem that became late today) or about a file the change left
    alone is still reported (and annotated), but does not fail a pull request that did not cause it.
    """
    if args.against is None:
        return warnings
    touched = gitrefs.changed_since(args.against, args.content)
    return [w for w in warnings if Path(w.file).resolve() in touched]


def _built_folder(config: Path) -> Path | None:
    """The content folder mkdocs.yml builds from (the plugin's content_dir), or None without one that says."""
    if not config.is_file():
        return None
    from mkdocs.exceptions import MkDocsException  # imported here: only a folder with mkdocs.yml needs it

    try:
        options = build.plugin_options(config)
    except (MkDocsException, OSError):
        return None  # the build reports a broken mkdocs.yml itself
    return Path(options.content_dir) if options is not None else None
