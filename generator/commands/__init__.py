"""One module per `trustpages` subcommand; each has `register(subparsers)` and sets `run`."""

from __future__ import annotations

import argparse
from datetime import date

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def as_of_date(text: str) -> date:
    """argparse type for --as-of."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-03-04; got {text!r}") from None
