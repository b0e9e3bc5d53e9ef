"""The record's timeline (/record/) at scale: how many events, how many pages, their size and their cost.

    python bench/timeline.py [--records 1000 10000] [--rounds 3]

Synthesises each number of records (bench/synth.py), then times, in this process, deriving every
event of the record (timeline.record) and rendering the whole site (make_site), and reports the
/record/ pages' count and bytes (the first page, the largest, all of them). CPU seconds, best of
`--rounds`: the record's share of a build is the events plus its pages' part of the render.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

import sites  # noqa: F401 - first: it sets NO_MKDOCS_2_WARNING before anything imports Material
from synth import AS_OF, synthesise

from trustpages import timeline
from trustpages.numbers import Numbers
from trustpages.pipeline import make_site
from trustpages.validate import validate


def _best(rounds: int, work: object) -> float:
    """The least CPU time of `rounds` calls of `work`, the garbage collector run before each."""
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        work()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def measure(n: int, rounds: int) -> str:
    with tempfile.TemporaryDirectory(prefix="trustpages-timeline-") as tmp:
        content = Path(tmp) / "content"
        synthesise(content, n, 0)
        records = validate(content, AS_OF, advice=False).records
        assert records is not None, "the synthetic records do not validate"
        counted = Numbers.of(records, AS_OF).records
        events = timeline.record(counted, AS_OF, None)
        derive = _best(rounds, lambda: timeline.record(counted, AS_OF, None))
        output = make_site(records, AS_OF)
        build = _best(rounds, lambda: make_site(records, AS_OF))
    pages = {path: len(text.encode()) for path, text in output.pages.items() if path.startswith("record/")}
    first = pages.get("record/index.md", 0)
    return (
        f"{n:,} records: {len(events):,} events on {len(pages)} /record/ pages "
        f"(first {first / 1024:.0f} KiB, largest {max(pages.values()) / 1024:.0f} KiB, all {sum(pages.values()) / 1024:.0f} KiB); "
        f"deriving the events {derive:.2f} s CPU, the whole site's pages and open data {build:.2f} s CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for n in args.records:
        print(measure(n, args.rounds), flush=True)


if __name__ == "__main__":
    main()
