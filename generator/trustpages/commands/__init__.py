"""One module per `trustpages` subcommand; each has `register(subparsers)` and sets `run`."""

from __future__ import annotations

import argparse
import errno
import sys
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import TextIO

from trustpages.asof import parse_day
from trustpages.problems import UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class Verbosity(IntEnum):
    """How much a command says beside its results (problems, errors and data always print): -q, default, -v."""

    QUIET = -1
    NORMAL = 0
    VERBOSE = 1


# The process's one setting, as a command line has one (logging's levels are process-wide too): set by
# cli.main from -q/-v before a command runs, read by say() and detail().
_verbosity = Verbosity.NORMAL


def set_verbosity(level: Verbosity) -> None:
    global _verbosity
    _verbosity = level


def verbosity() -> Verbosity:
    return _verbosity


def say(text: str, file: TextIO | None = None) -> None:
    """A line of news (what was written, published, compared): printed unless -q."""
    if _verbosity >= Verbosity.NORMAL:
        print(text, file=file or sys.stdout, flush=file is sys.stderr)


def detail(text: str) -> None:
    """A line only -v prints (what was read, how long it took), on stderr so stdout stays the result."""
    if _verbosity >= Verbosity.VERBOSE:
        print(f"trustpages: {text}", file=sys.stderr, flush=True)


def as_of_date(text: str) -> date:
    """argparse type for --as-of (and --date): a date in the range records may hold."""
    try:
        return parse_day(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_content_argument(parser: argparse.ArgumentParser) -> None:
    """The optional CONTENT folder argument every command that reads records takes."""
    parser.add_argument("content", nargs="?", default="content", type=Path, help="content folder (default: content)")


def missing_content(content: Path) -> bool:
    """True (after saying so on stderr) when `content` is not a folder: a usage error."""
    if content.is_dir():
        return False
    print(f"trustpages: error: no content folder at {content} (pass the folder that holds site.yml)", file=sys.stderr)
    return True


def no_config(config: Path) -> None:
    """Say on stderr that there is no mkdocs.yml where one was expected, and how to get one."""
    print(
        f"trustpages: error: no MkDocs configuration at {config} (run `trustpages init` to start a site here, "
        "or pass -f the mkdocs.yml of your site)",
        file=sys.stderr,
    )


_HINTS = {
    errno.ENOSPC: "free some space and try again",
    errno.EDQUOT: "free some space and try again",
    errno.EACCES: "choose a folder you can write to, or change its permissions",
    errno.EPERM: "choose a folder you can write to, or change its permissions",
    errno.EROFS: "choose a folder on a file system you can write to",
    errno.ENOTDIR: "a part of that path is a file; choose a folder",
}


def describe_os_error(exc: OSError) -> str:
    """An operator's file-system error (full disk, no permission, a file where a folder should be) as one line."""
    where = f"{exc.filename}: " if exc.filename else ""
    what = (exc.strerror or str(exc)).lower()
    hint = _HINTS.get(exc.errno or 0)
    return f"{where}{what}" + (f"; {hint}" if hint else "")
