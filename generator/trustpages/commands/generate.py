"""`trustpages generate --out DIR`: the site's pages on disk, buildable without the plugin."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustpages import ondisk
from trustpages.asof import default_as_of
from trustpages.commands import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    add_content_argument,
    as_of_date,
    describe_os_error,
    missing_content,
    say,
)
from trustpages.outfolder import Protected, UnsafeOutput, refuse_overlap
from trustpages.pipeline import build_site, default_templates
from trustpages.problems import render


def register(commands: argparse._SubParsersAction) -> None:
    generate = commands.add_parser(
        "generate",
        help="write the generated pages to a folder, buildable by plain MkDocs without the plugin",
        description="Write every generated page and asset into --out (with the hand-written pages of --docs "
        "copied first), so any Markdown site builder can build the site without the trustpages plugin.",
    )
    add_content_argument(generate)
    generate.add_argument("--out", type=Path, required=True, help="folder to write into (new, or written by generate before)")
    generate.add_argument("--docs", type=Path, default=None, help="hand-written pages to copy in (default: site_src if it exists)")
    generate.add_argument(
        "--templates", type=Path, default=None, help="templates overriding the built-in ones (default: templates if it exists)"
    )
    generate.add_argument("--as-of", type=as_of_date, default=None, help="compute as if today were DATE (YYYY-MM-DD)")
    generate.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if missing_content(args.content):
        return EXIT_USAGE
    as_of = args.as_of or default_as_of()
    docs = args.docs or (Path("site_src") if Path("site_src").is_dir() else None)
    templates = args.templates or default_templates(Path.cwd())  # run where mkdocs.yml is, as the plugin reads it
    protected = [Protected("the project folder (where you run trustpages)", Path.cwd(), may_hold_output=True)]
    for what, path in (("content", args.content), ("docs", docs), ("templates", templates)):
        if path is not None:
            protected.append(Protected(f"the {what} folder", path))
    try:
        refuse_overlap(args.out, protected, "--out")  # before any work: nothing is read for a folder that will be refused
    except UnsafeOutput as exc:
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    built = build_site(args.content, as_of, templates)  # only errors stop it; warnings are for `check`
    if built.errors or built.output is None:
        print(render(built.problems, "human", checked=str(args.content)))
        return EXIT_PROBLEMS
    assert built.history is not None
    for commit in built.history.skipped:
        print(f"trustpages: warning: {commit.explain()}", file=sys.stderr)
    try:
        written = ondisk.write(built.output, args.out, docs, built.records.site.locale if built.records else "en")
    except (ondisk.RefusedError, UnsafeOutput) as exc:
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"trustpages: error: cannot write into {args.out}: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    say(f"wrote {written} files into {args.out}")
    return EXIT_OK
