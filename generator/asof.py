"""The date every computation is relative to: explicit, so builds are reproducible."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def default_as_of() -> date:
    """SOURCE_DATE_EPOCH's date when it is set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970; got {epoch!r}") from None
    return datetime.now(UTC).date()
