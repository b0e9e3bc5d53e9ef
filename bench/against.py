"""Time `trustpages check --against REF` on a synthetic repository: N records, each touched by 5 commits.

The repository is bench/history.py's (every record added, then its title edited 4 times). Each
run is a fresh process, as in CI: `check` alone, then `check --against` the commit before the
last round of edits (every record differs from it, none in a published fact) and `--against HEAD`.
Run from bench/: `../.venv/bin/python against.py`. CPU seconds count the process and its git children.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from history import build_repo

RESULTS = Path(__file__).parent / "results" / "against.json"


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of trustpages with `args`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "trustpages", *args], cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"trustpages {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1000, help="records in the repository (default: 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts (default: 3)")
    args = parser.parse_args()
    report: dict[str, object] = {"records": args.records}
    with tempfile.TemporaryDirectory(prefix="trustpages-against-") as tmp:
        repo = Path(tmp)
        print(f"building a repository of {args.records:,} records × 5 commits…", file=sys.stderr)
        report["commits"] = build_repo(repo, args.records, 0)
        runs = {
            "check": ["check", "content", "--as-of", "2026-11-23"],
            "check --against (a round of edits back)": ["check", "content", "--as-of", "2026-11-23", "--against", f"HEAD~{args.records}"],
            "check --against HEAD": ["check", "content", "--as-of", "2026-11-23", "--against", "HEAD"],
        }
        for name, argv in runs.items():
            results = [timed(argv, repo) for _ in range(args.repeat)]
            report[name] = {"best_wall_seconds": min(w for w, _ in results), "best_cpu_seconds": min(c for _, c in results)}
            print(f"{name}: best {min(w for w, _ in results):.2f} s wall, {min(c for _, c in results):.2f} s CPU")
    report["load_average"] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
