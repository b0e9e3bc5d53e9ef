"""The `trustpages` command: assembles the subcommands of generator/trustpages/commands/ and maps failures to exit codes."""

from __future__ import annotations

import argparse
import os
import signal
import sys

from trustpages import __version__
from trustpages.collector import fewer_collections
from trustpages.commands import (
    EXIT_USAGE,
    Verbosity,
    build,
    check,
    docs,
    editor,
    generate,
    import_,
    init,
    new,
    notify,
    publish,
    schema,
    set_verbosity,
    verify,
)
from trustpages.problems import UsageError

COMMANDS = [init, new, check, build, publish, verify, editor, generate, schema, docs, notify, import_]

EXAMPLES = """\
start here:
  trustpages init my-site                    a working site, one example of each record
  trustpages new incident "Title"            a new record, every field explained
  trustpages check                           every problem, as file:line:col
  trustpages serve                           preview while you edit
run `trustpages COMMAND --help` for a command's options"""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="trustpages",
        description="Publish a company's public record - promises, incidents, mistakes, prices, contacts - as an honest site.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"trustpages {__version__}", help="print the version and exit")
    _add_verbosity(top, default=Verbosity.NORMAL)
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(commands)
    for sub in _subparsers(top):  # `trustpages -q build` and `trustpages build -q` alike
        _add_verbosity(sub, default=argparse.SUPPRESS)  # SUPPRESS: an option before the command is not reset after it
    return top


def _add_verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    said = parser.add_mutually_exclusive_group()
    said.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const=Verbosity.QUIET,
        default=default,
        help="print only problems, errors and results: no summaries, progress or next steps",
    )
    said.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const=Verbosity.VERBOSE,
        default=default,
        help="also say what was read and how long it took, and show MkDocs' own log",
    )


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every subcommand's parser under `parser`, nested ones (import statuspage) included."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += [sub, *_subparsers(sub)]
    return found


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    set_verbosity(args.verbosity)
    try:
        with fewer_collections():  # the core makes millions of objects at scale, few of them cyclic
            code = args.run(args)
        sys.stdout.flush()  # here, not at exit, so a reader that left early is caught below
        return code
    except UsageError as exc:  # bad input from the person running it, e.g. a malformed SOURCE_DATE_EPOCH
        print(f"trustpages: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `trustpages check --format json | head`: the reader has all it wanted
        _silence_stdout()
        return 128 + signal.SIGPIPE


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's final flush does not print a second BrokenPipeError."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
