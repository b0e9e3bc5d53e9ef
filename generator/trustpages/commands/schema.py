"""`trustpages schema`: JSON Schemas of the record files, for editors and other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustpages import schema
from trustpages.commands import EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    schemas = commands.add_parser(
        "schema",
        help="write the JSON Schema of every record type (for editors)",
        description="Print the JSON Schemas of all record types, or write one <type>.schema.json per type into --out.",
    )
    schemas.add_argument("--out", type=Path, default=None, help="folder to write the schema files into")
    schemas.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.out is None:
        sys.stdout.write(schema.dumps({name: schema.schema(name) for name in schema.names()}))
        return EXIT_OK
    for path in schema.write(args.out):
        print(path)
    return EXIT_OK
