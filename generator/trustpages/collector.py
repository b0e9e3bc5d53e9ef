"""Python's cycle collector, run less often while trustpages builds thousands of objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Python collects its youngest objects after every 700 new ones, and every hundred of those
# collections walks every object alive: at 10,000 records (a million objects) that took 1.6 s of a
# 12 s validation and render. trustpages makes almost no cyclic garbage (Jinja macros imported
# with context made the most; templates no longer import them), so collecting rarely costs no memory.
YOUNG = 10_000
OLDEST = 100


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds (never lower them) for the block, then restore them."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG), before[1], max(before[2], OLDEST))
    try:
        yield
    finally:
        gc.set_threshold(*before)
