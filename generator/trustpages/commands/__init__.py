"""One module per `trustpages` subcommand; each has `register(subparsers)` and sets `run`."""

from __future__ import annotations

import argparse
import errno
import sys
from datetime import date
from pathlib import Path

from trustpages.asof import parse_day
from trustpages.problems import UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


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
