"""`trustpages docs`: the field reference and the JSON Schemas, written or checked to be current (for CI)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustpages import fieldref, schema
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, say
from trustpages.problems import display_path


def register(commands: argparse._SubParsersAction) -> None:
    docs = commands.add_parser(
        "docs",
        help="write the field reference (docs/records.md) and JSON Schemas (schemas/); --check: are they current?",
        description="Write what is generated from the record models for the people who write records: the field "
        "reference, every field of every file with what to write (Markdown), and the JSON Schemas editors use for "
        "hover help. With --check nothing is written: exit 1 when a file is missing or out of date, as CI does.",
    )
    docs.add_argument("--reference", type=Path, default=Path("docs/records.md"), help="field reference file (default: docs/records.md)")
    docs.add_argument("--schemas", type=Path, default=Path("schemas"), help="folder for the JSON Schemas (default: schemas)")
    docs.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is missing or differs")
    docs.set_defaults(run=run)


def expected(reference: Path, schemas: Path) -> dict[Path, str]:
    """Every generated file and its text."""
    files = {reference: fieldref.reference()}
    files.update({schemas / f"{name}.schema.json": schema.dumps(schema.schema(name)) for name in schema.names()})
    return files


def run(args: argparse.Namespace) -> int:
    files = expected(args.reference, args.schemas)
    stale = [path for path, text in files.items() if _read(path) != text]
    if args.check:
        for path in stale:
            print(f"{display_path(path)}: out of date", file=sys.stderr)
        if stale:
            print("trustpages: run `trustpages docs` and commit the result", file=sys.stderr)
            return EXIT_PROBLEMS
        say("field reference and schemas are up to date")
        return EXIT_OK
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path], encoding="utf-8", newline="\n")
        say(f"wrote {display_path(path)}")
    if not stale:
        say("field reference and schemas are up to date")
    return EXIT_OK


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
