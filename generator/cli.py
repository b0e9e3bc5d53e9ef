"""The `trustpages` command: assembles the subcommands of generator/commands/ and maps failures to exit codes."""

from __future__ import annotations

import argparse
import sys

from generator import __version__
from generator.commands import EXIT_USAGE, build, check, generate, import_, notify, schema

COMMANDS = [check, build, generate, schema, notify, import_]


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="trustpages",
        description="Publish a company's public record - promises, incidents, mistakes, prices, contacts - as an honest site.",
    )
    top.add_argument("--version", action="version", version=f"trustpages {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(commands)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ValueError as exc:  # e.g. a malformed SOURCE_DATE_EPOCH
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
