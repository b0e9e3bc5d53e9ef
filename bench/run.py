"""Time each stage of trustpages on synthetic content of several sizes, against the cost of just parsing the YAML."""

from __future__ import annotations

import argparse
import gc
import json
import math
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import yaml

from generator.validate import validate
from synth import AS_OF, synthesise

RESULTS = Path(__file__).parent / "results" / "check.json"
MEMORY_METHOD = "peak RSS (VmHWM) of a fresh spawned Python process that runs the stage once; includes the interpreter and imports"


@dataclass(frozen=True)
class Stage:
    """One timed step: a name for the table and a function of the content folder."""

    name: str
    run: Callable[[Path], object]


def check(content: Path) -> object:
    """`trustpages check`: load and validate every record."""
    return validate(content, AS_OF)


def floor(content: Path) -> object:
    """The least any check could cost: read every .yml file and parse it with libyaml."""
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in sorted(content.rglob("*.yml"))]


FLOOR = Stage("floor", floor)
# Add later stages (site generation, mkdocs build) here; each gets its own columns.
STAGES = [Stage("check", check), FLOOR]


def best_times(content: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Each stage's fastest wall-clock and CPU seconds over `repeat` rounds.

    Rounds run every stage in turn, so a busy spell on a shared machine slows them alike;
    CPU time (user + system) leaves out the time the process waited for a core.
    """
    best = {stage.name: {"wall_seconds": math.inf, "cpu_seconds": math.inf} for stage in STAGES}
    for _ in range(repeat):
        for stage in STAGES:
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            stage.run(content)
            times = best[stage.name]
            times["wall_seconds"] = min(times["wall_seconds"], time.perf_counter() - wall)
            times["cpu_seconds"] = min(times["cpu_seconds"], time.process_time() - cpu)
    return best


def peak_mib() -> float:
    """This process's peak resident memory so far, in MiB (Linux).

    Not ru_maxrss: Linux carries it over through fork and exec, so a spawned child would
    report at least its parent's size. VmHWM starts afresh with the new program.
    """
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024


def stage_peak_mib(stage_name: str, content: Path) -> float:
    """Run one stage in this (fresh) process and return its peak resident memory in MiB."""
    next(stage for stage in STAGES if stage.name == stage_name).run(content)
    return peak_mib()


def in_fresh_process(function: Callable[..., float], *args: object) -> float:
    """Call `function` in a newly spawned interpreter, so nothing this process holds is counted."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def measure(n: int, repeat: int, seed: int) -> dict[str, object]:
    """Synthesise `n` records and measure every stage on them."""
    with tempfile.TemporaryDirectory(prefix="trustpages-bench-") as tmp:
        content = Path(tmp) / "content"
        print(f"synthesising {n:,} records…", file=sys.stderr)
        synthesise(content, n, seed)
        result = validate(content, AS_OF)
        if result.errors:
            raise SystemExit(f"synthetic content has {len(result.errors)} errors, first: {result.errors[0].human()}")
        if result.warnings:  # new checks may need synth.py to catch up; timings still count
            print(f"  {len(result.warnings)} warnings, first: {result.warnings[0].human()}", file=sys.stderr)
        print(f"  timing {', '.join(stage.name for stage in STAGES)}…", file=sys.stderr)
        stages = best_times(content, repeat)
        for stage in STAGES:
            stages[stage.name]["peak_mib"] = in_fresh_process(stage_peak_mib, stage.name, content)
        floor_cpu = stages[FLOOR.name]["cpu_seconds"]
        ratios = {name: times["cpu_seconds"] / floor_cpu for name, times in stages.items() if name != FLOOR.name}
        return {"n": n, "files": sum(1 for _ in content.rglob("*.yml")), "stages": stages, "ratios": ratios}


def table(rows: list[dict[str, object]]) -> str:
    """Rows as a Markdown table: seconds per stage (CPU, wall), each stage's CPU time relative to the floor, peak memory."""
    others = [stage.name for stage in STAGES if stage is not FLOOR]
    header = [
        "N",
        "files",
        *(f"{s.name} s cpu (wall)" for s in STAGES),
        *(f"{name}/floor" for name in others),
        *(f"{s.name} MiB" for s in STAGES),
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    for row in rows:
        stages = row["stages"]
        cells = [f"{row['n']:,}", f"{row['files']:,}"]
        cells += [f"{stages[s.name]['cpu_seconds']:.2f} ({stages[s.name]['wall_seconds']:.2f})" for s in STAGES]
        cells += [f"{row['ratios'][name]:.2f}" for name in others]
        cells += [f"{stages[s.name]['peak_mib']:.0f}" for s in STAGES]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated record counts (default: 1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best counts (default: 3)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the synthetic content (default: 0)")
    args = parser.parse_args()

    rows = [measure(int(size), args.repeat, args.seed) for size in args.sizes.split(",")]
    baseline = in_fresh_process(peak_mib)
    print(table(rows))
    print(f"\nbest of {args.repeat}; ratios use CPU time, target check/floor <= 1.5")
    print(f"memory: {MEMORY_METHOD} (idle: {baseline:.0f} MiB)")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "as_of": AS_OF.isoformat(),
        "seed": args.seed,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "memory": MEMORY_METHOD,
        "baseline_mib": baseline,
        "sizes": rows,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
