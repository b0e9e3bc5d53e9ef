"""`trustpages publish`: read the live public log, refuse a build that rewrites it, and build the site with the log extended.

The baseline is the log the live site serves, never git history or the tree being published: its
address is `TRUSTPAGES_LIVE_URL`, else site.yml's `url` in the parent commit. A log that cannot be
read stops the publication (there is no fallback); the very first publication says so with
`--first-publication`, which the first checkpoint records. The record is dated by the clock of
the machine that publishes: a pinned date (SOURCE_DATE_EPOCH, the plugin's as_of) is refused.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, build
from trustpages.problems import render
from trustpages.publiclog.compare import extend
from trustpages.publiclog.fetch import LIVE_URL, NotFound, Unreadable, live_address, read_log
from trustpages.publiclog.log import Log, LogError, now
from trustpages.publiclog.served import LOG_FOLDER, write_folder
from trustpages.validate import validate


def register(commands: argparse._SubParsersAction) -> None:
    publish = commands.add_parser(
        "publish",
        help="publish: extend the live site's public log with what is new, refuse rewrites, and build the site",
        description="Read the public log the live site serves (at TRUSTPAGES_LIVE_URL, else at site.yml's url as it was in "
        "the parent commit), check it, compare the records with it, and build the site with the log extended. Exit 0 "
        "when published, 1 when refused (each reason as file:line:col), 2 on usage errors.",
    )
    publish.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    publish.add_argument(
        "-d", "--site-dir", type=Path, default=None, help="where the site goes (default: site_dir of mkdocs.yml, else site)"
    )
    publish.add_argument(
        "--builder",
        choices=["mkdocs", "zensical"],
        default=None,
        help="build with MkDocs + Material, or with Zensical; default: the trustpages plugin's `builder:` option, else mkdocs",
    )
    publish.add_argument(
        "--first-publication",
        action="store_true",
        help="this is the very first publication: there is no live log yet (recorded in the first checkpoint)",
    )
    publish.add_argument("--format", choices=["human", "github", "json"], default="human", help="how to print problems")
    publish.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config: Path = args.config_file
    options, refusal = _publishing_options(config)
    if refusal is not None:
        print(f"trustpages: error: {refusal}", file=sys.stderr)
        return EXIT_USAGE
    content = Path(options.content_dir)  # the folder the build reads: the one compared with the log
    if _shallow(content):
        print(
            "trustpages: error: this is a shallow clone: record history (first-published due dates, corrections' old values) "
            "would be missing from the published pages. Fetch the whole history (actions/checkout with fetch-depth: 0)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    started = time.perf_counter()
    log = _live_log(content, args.first_publication)
    if log is None:
        return EXIT_PROBLEMS
    checked = validate(content, datetime.now(UTC).date())
    if checked.errors or checked.records is None:
        print(render(checked.problems, args.format, checked=str(content)))
        return EXIT_PROBLEMS
    before = log.size
    comparison = extend(log, checked.records, now(), _commit(content), args.first_publication)
    report = render(comparison.problems, args.format, checked=str(content))
    if comparison.refused:
        print(report)
        print("trustpages: publication refused: it would rewrite what the public log holds; nothing was built", file=sys.stderr)
        return EXIT_PROBLEMS
    result = _build_with(log, config, args)
    if result == EXIT_OK:
        latest = log.checkpoints[-1]
        print(
            f"public log: {log.size} entries ({log.size - before} new), checkpoint {latest.root[:16]}… at {latest.time}"
            f" ({time.perf_counter() - started:.1f} s)"
        )
    return result


def _publishing_options(config: Path) -> tuple[Any, str | None]:
    """The trustpages plugin's options in `config`, and why they cannot publish (no plugin, a pinned date) or None."""
    if not config.is_file():
        return None, f"no MkDocs configuration at {config} (run `trustpages init` to start a site)"
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return None, "SOURCE_DATE_EPOCH is set: publishing dates the record by the clock, never a pinned date; unset it"
    from mkdocs.exceptions import MkDocsException  # imported here: only building needs MkDocs loaded

    try:
        options = build.plugin_options(config)
    except MkDocsException as exc:
        return None, f"{config}: {exc}"
    if options is None:
        return None, f"{config} does not enable the trustpages plugin"
    if options.as_of:
        return options, f"{config} pins as_of: {options.as_of}; publishing uses the clock: remove it"
    return options, None


def _build_with(log: Log, config: Path, args: argparse.Namespace) -> int:
    """Build the site as `trustpages build` does, with `log` as the public log it publishes."""
    with tempfile.TemporaryDirectory(prefix="trustpages-log-") as folder:
        write_folder(log, Path(folder))
        os.environ[LOG_FOLDER] = folder  # the plugin publishes this log, in this process or MkDocs' own
        try:
            return build.run_build(argparse.Namespace(config_file=config, site_dir=args.site_dir, builder=args.builder, as_of=None))
        finally:
            del os.environ[LOG_FOLDER]


def _live_log(content: Path, first: bool) -> Log | None:
    """The live log, checked; an empty one for a first publication; None (said why) when publishing must stop."""
    try:
        address = live_address(content)
    except Unreadable as exc:
        if first:
            return Log()
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return None
    try:
        log = read_log(address)
    except NotFound as exc:
        if first:
            return Log()
        print(
            f"trustpages: error: the live site has no public log ({exc}); if this is the very first publication, pass --first-publication",
            file=sys.stderr,
        )
        return None
    except (Unreadable, LogError) as exc:
        if first:
            print(f"trustpages: the live site cannot be read ({exc}); publishing for the first time", file=sys.stderr)
            return Log()
        print(
            f"trustpages: error: cannot read the live public log: {exc}. Publishing compares with it and has no fallback: "
            f"try again when the site answers (or set {LIVE_URL} to where it is served)",
            file=sys.stderr,
        )
        return None
    if first:
        print(
            f"trustpages: error: --first-publication, but {address} already serves a public log of {log.size} entries: "
            "publish without it, so the log goes on",
            file=sys.stderr,
        )
        return None
    return log


def _shallow(content: Path) -> bool:
    try:
        done = subprocess.run(
            ["git", "-C", str(content), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True, timeout=60
        )
    except OSError:
        return False
    return done.stdout.strip() == "true"


def _commit(content: Path) -> str:
    """The source commit being published, or 'uncommitted' outside git."""
    try:
        done = subprocess.run(["git", "-C", str(content), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=60)
    except OSError:
        return "uncommitted"
    return done.stdout.strip() if done.returncode == 0 else "uncommitted"
