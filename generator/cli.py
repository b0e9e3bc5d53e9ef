"""The `trustpages` command: translates arguments into calls to the core, and problems into exit codes."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from generator import __version__, ondisk, schema
from generator.asof import default_as_of
from generator.problems import render
from generator.validate import validate

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-03-04; got {text!r}") from None


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="trustpages",
        description="Publish a company's public record - promises, incidents, mistakes, prices, contacts - as an honest site.",
    )
    top.add_argument("--version", action="version", version=f"trustpages {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check",
        help="check every record and report each problem with file:line:col",
        description="Check every record in a content folder. Exit 0 when clean, 1 on errors "
        "(or on warnings with --strict), 2 on usage errors.",
    )
    check.add_argument("content", nargs="?", default="content", type=Path, help="content folder (default: content)")
    check.add_argument("--format", choices=["human", "github", "json"], default="human", help="how to print problems")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--as-of", type=_as_of, default=None, help="check as if today were DATE (YYYY-MM-DD)")
    check.set_defaults(run=_check)

    generate = commands.add_parser(
        "generate",
        help="write the generated pages to a folder, buildable by plain MkDocs without the plugin",
        description="Write every generated page and asset into --out (with the hand-written pages of --docs "
        "copied first), so any Markdown site builder can build the site without the trustpages plugin.",
    )
    generate.add_argument("content", nargs="?", default="content", type=Path, help="content folder (default: content)")
    generate.add_argument("--out", type=Path, required=True, help="folder to write into (new, or written by generate before)")
    generate.add_argument("--docs", type=Path, default=None, help="hand-written pages to copy in (default: site_src if it exists)")
    generate.add_argument("--templates", type=Path, default=None, help="templates overriding the built-in ones (default: templates if it exists)")
    generate.add_argument("--as-of", type=_as_of, default=None, help="compute as if today were DATE (YYYY-MM-DD)")
    generate.set_defaults(run=_generate)

    schemas = commands.add_parser(
        "schema",
        help="write the JSON Schema of every record type (for editors)",
        description="Print the JSON Schemas of all record types, or write one <type>.schema.json per type into --out.",
    )
    schemas.add_argument("--out", type=Path, default=None, help="folder to write the schema files into")
    schemas.set_defaults(run=_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ValueError as exc:  # e.g. a malformed SOURCE_DATE_EPOCH
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _check(args: argparse.Namespace) -> int:
    if not args.content.is_dir():
        print(f"trustpages: error: no content folder at {args.content} (pass the folder that holds site.yml)", file=sys.stderr)
        return EXIT_USAGE
    result = validate(args.content, args.as_of or default_as_of())
    report = render(result.problems, args.format, checked=str(args.content))
    if report:
        print(report)
    failed = result.errors or (args.strict and result.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _generate(args: argparse.Namespace) -> int:
    if not args.content.is_dir():
        print(f"trustpages: error: no content folder at {args.content} (pass the folder that holds site.yml)", file=sys.stderr)
        return EXIT_USAGE
    result = validate(args.content, args.as_of or default_as_of())
    if result.errors:
        print(render(result.problems, "human", checked=str(args.content)))
        return EXIT_PROBLEMS
    docs = args.docs or (Path("site_src") if Path("site_src").is_dir() else None)
    templates = args.templates or (Path("templates") if Path("templates").is_dir() else None)
    try:
        written = ondisk.write(result.records, args.as_of or default_as_of(), args.out, docs, templates)
    except ondisk.RefusedError as exc:
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {written} files into {args.out}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    if args.out is None:
        sys.stdout.write(schema.dumps({name: schema.schema(name) for name in schema.SCHEMA_TYPES}))
        return EXIT_OK
    for path in schema.write(args.out):
        print(path)
    return EXIT_OK
