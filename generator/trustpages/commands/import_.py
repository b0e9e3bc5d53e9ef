"""`trustpages import statuspage FILE` / `import cstate DIR`: bring incident history over from another tool."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from trustpages.asof import default_as_of
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Verbosity, say, verbosity
from trustpages.importers import cstate, statuspage, sync
from trustpages.importers.export import Export, SourceError
from trustpages.importers.progress import LARGE, Progress
from trustpages.problems import display_path, plural, render
from trustpages.validate import validate

SOURCES = {
    "statuspage": (statuspage.read, "FILE", "a Statuspage API v2 export: summary.json, incidents.json or scheduled-maintenances.json"),
    "cstate": (cstate.read, "DIR", "a cState site: the folder holding config.yml and content/issues/"),
}


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "import",
        help="import incident history from Statuspage or cState",
        description="Write one incident record per incident of another status page tool, and add its components "
        "to site.yml. Run it again to bring in what changed: files edited by hand since the last import are "
        "left alone unless --force. Exit 0 when the imported content checks clean, 1 when it has errors, "
        "2 when the input cannot be read.",
    )
    tools = command.add_subparsers(dest="tool", metavar="TOOL", required=True)
    for tool, (_, metavar, what) in SOURCES.items():
        source = tools.add_parser(tool, help=f"import {what}", description=f"Import {what}.")
        source.add_argument("source", type=Path, metavar=metavar, help=what)
        source.add_argument("--into", type=Path, default=Path("content"), help="content folder holding site.yml (default: content)")
        source.add_argument(
            "--force", action="store_true", help="also overwrite imported files edited by hand since the last import (the edits are lost)"
        )
        source.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")
        source.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    read = SOURCES[args.tool][0]
    if not args.into.is_dir():
        print(f"trustpages: error: no content folder at {args.into} (pass --into the folder that holds site.yml)", file=sys.stderr)
        return EXIT_USAGE
    began = time.perf_counter()
    try:
        export = read(args.source)
        quiet = verbosity() is Verbosity.QUIET
        progress = Progress(len(export.drafts), f"importing {args.source.name}", minimum=len(export.drafts) + 1 if quiet else LARGE)
        try:
            plan = sync.plan(export, args.into, force=args.force, progress=progress)
        finally:
            progress.close()
    except SourceError as exc:
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.dry_run:
        sync.apply(plan)
    if args.dry_run or verbosity() is not Verbosity.QUIET:  # a dry run's report is its result
        _report(plan, export, args.dry_run, time.perf_counter() - began)
    if args.dry_run:
        return EXIT_OK
    result = validate(args.into, default_as_of())
    if result.errors:
        print(render(result.problems, "human", checked=str(args.into)))
        return EXIT_PROBLEMS
    warnings = f", {plural(len(result.warnings), 'warning')} (run trustpages check to see them)" if result.warnings else ""
    say(f"{args.into}: no errors{warnings}")
    return EXIT_OK


def _report(plan: sync.Plan, export: Export, dry_run: bool, seconds: float) -> None:
    would = "would be " if dry_run else ""
    for change in plan.changes:
        if change.action != "unchanged":
            reason = f" ({change.reason})" if change.reason else ""
            print(f"{would + change.action:<{len(would) + 9}} {display_path(plan.content / change.file)}{reason}")
    if plan.new_components:
        ids = ", ".join(component.id for component in plan.new_components)
        print(
            f"{would + 'updated':<{len(would) + 9}} {display_path(plan.site_path)} (added {plural(len(plan.new_components), 'component')}: {ids})"
        )
    for item in export.left_out:
        print(f"{'left out':<9} {item}")
    updates = sum(len(draft.incident.updates) for draft in export.drafts)
    counts = ", ".join(f"{plan.count(action)} {action}" for action in ("added", "updated", "unchanged", "skipped"))
    print(
        f"{export.source}: {plural(len(export.drafts), 'incident')} ({plural(updates, 'update')}): {counts}"
        f"{' (dry run: nothing written)' if dry_run else ''} in {seconds:.2f} s"
    )
