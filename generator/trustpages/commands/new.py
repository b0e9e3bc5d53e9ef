"""`trustpages new commitment|incident|mistake "Title"`: a correctly named record with every field explained."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from trustpages.asof import default_as_of
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, as_of_date, describe_os_error, say
from trustpages.newfiles import NotWritten, write_all
from trustpages.problems import UsageError, display_path
from trustpages.scaffold.drafts import KINDS, draft


def register(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new",
        help="start a new commitment, incident or mistake, with every field explained",
        description="Write a new record: content/incidents/<date>-<slug>.yml, content/mistakes/<date>-<slug>.yml "
        "or content/commitments/<slug>.yml, named after today's date and the title. Every field is there with a "
        'comment saying what to write; the ones you must write are left as "", so `trustpages check` points at '
        "them until they are filled in. An existing file is never overwritten (exit 2).",
        epilog='example: trustpages new incident "Some customers could not log in"',
    )
    new.add_argument("kind", choices=KINDS, metavar="KIND", help="what to write: " + ", ".join(KINDS))
    new.add_argument("title", help='the title, in quotes, e.g. "Some customers could not log in"; the file name is made from it')
    new.add_argument(
        "--standing",
        action="store_true",
        help="commitment only: a promise kept every period (target and measurements) instead of one with a due date",
    )
    new.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="content folder (default: content)")
    new.add_argument(
        "--date", type=as_of_date, default=None, metavar="YYYY-MM-DD", help="date for the file name and the record (default: today)"
    )
    new.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.standing and args.kind != "commitment":
        return _usage("--standing is only for commitments")
    if not args.content.is_dir():
        return _usage(f"no content folder at {args.content} (run `trustpages init` first, or pass --content)")
    try:
        record = draft(args.kind, args.title.strip(), args.date or default_as_of(), standing=args.standing)
    except UsageError as exc:
        return _usage(str(exc))
    path = args.content / record.path
    text = _schema_line(args.content, path, args.kind) + record.text
    try:
        write_all(args.content, [(str(path.relative_to(args.content)), text.encode("utf-8"))])
    except NotWritten as exc:
        if (path.is_symlink() or path.exists()) and path.parent.is_dir():
            return _usage(f"{display_path(path)} already exists; nothing was written (edit it, or choose another title)")
        return _usage(f"{exc}; nothing was written")
    except OSError as exc:
        print(f"trustpages: error: {describe_os_error(exc)}; nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {display_path(path)}")
    if record.to_fill:
        say(f'fill in the {record.to_fill} fields left as "", then run: trustpages check {display_path(args.content)}')
    return EXIT_OK


def _schema_line(content: Path, path: Path, kind: str) -> str:
    """The editor's pointer to the record's JSON Schema, when the site has schemas/ beside content/."""
    schema = content.parent / "schemas" / f"{kind}.schema.json"
    if not schema.is_file():
        return ""
    relative = os.path.relpath(schema, path.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}\n"


def _usage(message: str) -> int:
    print(f"trustpages: error: {message}", file=sys.stderr)
    return EXIT_USAGE
