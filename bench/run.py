"""Time each stage of trustpages on synthetic content of several sizes, each against its floor.

`check` is compared with just parsing the YAML; `generate` (records to pages) and the full
`mkdocs build` with the plugin with a plain `mkdocs build` of the same pages, written to disk by
`trustpages generate`. `serve rebuild` is what `trustpages serve` does after one record is saved:
a build with the plugin kept from the first one, whose page cache renders again only the pages
that changed, and MkDocs (--dirty) builds only those. `cached build` is a CI build after one record
changed, with the build cache (cache_dir) the previous build left.
Every run is a fresh process. Slow: the default sizes take about 25 minutes
(a 10,000-record build is over a minute, and runs three times per config).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import platform
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from multiprocessing import get_context
from operator import attrgetter
from pathlib import Path
from typing import Any

import sites  # first: it sets NO_MKDOCS_2_WARNING before anything imports Material
import yaml
from synth import AS_OF, synthesise

from trustpages.pipeline import make_site
from trustpages.records import RecordSet
from trustpages.validate import validate

RESULTS = Path(__file__).parent / "results" / "build.json"
CPU_METHOD = (
    "user + system time of the stage alone (not its imports or input), in a freshly spawned process, with the "
    "processes it waited for (the plugin's git call); best of the rounds"
)
MEMORY_METHOD = "peak RSS (VmHWM) of the fresh process that prepared the stage's input and ran it once; includes the interpreter and imports; the most of the rounds"
RATIO_METHOD = "median over the rounds of the two stages' CPU seconds in the same round (paired, as each round runs every stage in turn)"
GENERATE_SCOPE = "make_site(records, as_of): every page and asset (numbers, pages, open data), without the git history pass"


@dataclass(frozen=True)
class Stage:
    """One timed step: a name for the table, and a function of what `prepare` makes from the workspace.

    `prepare` runs before every timed run and is not timed, so a stage can start from validated
    records or a written config without paying for them.
    """

    name: str
    run: Callable[[Any], object]
    prepare: Callable[[sites.Sites], Any] = attrgetter("content")


@dataclass(frozen=True)
class Ratio:
    """One stage's CPU time over another's, and the most the issue allows."""

    over: str
    under: str
    target: float

    @property
    def name(self) -> str:
        return f"{self.over} / {self.under}"


def check(content: Path) -> object:
    """`trustpages check`: load and validate every record."""
    return validate(content, AS_OF)


def floor(content: Path) -> object:
    """The least any check could cost: read every .yml file and parse it with libyaml."""
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in sorted(content.rglob("*.yml"))]


def validated(workspace: sites.Sites) -> RecordSet:
    records = validate(workspace.content, AS_OF).records
    assert records is not None  # measure() stopped on errors already
    return records


def generate(records: RecordSet) -> object:
    """The generator alone: records to pages and assets, no history (see GENERATE_SCOPE)."""
    return make_site(records, AS_OF)


FLOOR = Stage("floor", floor)
STAGES = [
    Stage("check", check),
    FLOOR,
    Stage("generate", generate, prepare=validated),
    Stage("mkdocs+plugin", sites.build, prepare=lambda workspace: sites.fresh(workspace.with_plugin, workspace.plugin_site)),
    Stage("mkdocs bare", sites.build, prepare=lambda workspace: sites.fresh(workspace.bare, workspace.bare_site)),
    # `trustpages serve` after saving one record: only pages whose source changed are built again.
    Stage("serve rebuild", sites.rebuild, prepare=sites.serve_then_edit),
    # A CI build after one record changed, with the build cache the previous build left (cache_dir).
    Stage("cached build", sites.cached_build, prepare=sites.build_then_edit),
]
RATIOS = [
    Ratio("check", "floor", 1.5),
    Ratio("generate", "mkdocs+plugin", 0.10),
    Ratio("mkdocs+plugin", "mkdocs bare", 1.1),
    Ratio("cached build", "mkdocs+plugin", 1 / 3),
]


def cpu_seconds() -> float:
    """CPU time so far of this process and of the child processes it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_times(workspace: sites.Sites, repeat: int) -> tuple[dict[str, dict[str, float]], list[dict[str, float]]]:
    """Each stage's fastest wall-clock and CPU seconds over `repeat` rounds and its peak memory,
    and every round's CPU seconds by stage.

    Every run is a freshly spawned interpreter, as every `trustpages` or `mkdocs` command is: what
    one run leaves in memory (trustpages' cache of rendered pages, MkDocs' and Material's state)
    cannot speed up the next. Files on disk can, as they would between two commands: Python's
    .pyc files and Jinja's compiled templates. Rounds run every stage in turn, so a busy spell on a
    shared machine slows them alike; CPU time leaves out the time the process waited for a core.
    """
    best: dict[str, Any] = {stage.name: {"wall_seconds": math.inf, "cpu_seconds": math.inf, "peak_mib": 0.0} for stage in STAGES}
    rounds: list[dict[str, float]] = []
    for round_no in range(1, repeat + 1):
        took = []
        rounds.append({})
        for stage in STAGES:
            wall, cpu, peak, said = in_fresh_process(timed_run, stage.name, workspace)
            times = best[stage.name]
            if said:
                times["note"] = said
            times["wall_seconds"] = min(times["wall_seconds"], wall)
            times["cpu_seconds"] = min(times["cpu_seconds"], cpu)
            times["peak_mib"] = max(times["peak_mib"], peak)
            rounds[-1][stage.name] = cpu
            took.append(f"{stage.name} {cpu:.1f}s")
        print(f"  round {round_no}/{repeat} (CPU): {', '.join(took)}", file=sys.stderr)
    return best, rounds


def peak_mib() -> float:
    """This process's peak resident memory so far, in MiB (Linux).

    Not ru_maxrss: Linux carries it over through fork and exec, so a spawned child would
    report at least its parent's size. VmHWM starts afresh with the new program.
    """
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024


def timed_run(stage_name: str, workspace: sites.Sites) -> tuple[float, float, float, str | None]:
    """In this (fresh) process: prepare the stage's input, then run it once, timed.

    Returns wall seconds, CPU seconds, the process's peak resident memory in MiB, and what the
    stage said about its run, if anything.
    """
    stage = next(stage for stage in STAGES if stage.name == stage_name)
    given = stage.prepare(workspace)
    gc.collect()
    wall, cpu = time.perf_counter(), cpu_seconds()
    said = stage.run(given)
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    return wall, cpu, peak_mib(), said if isinstance(said, str) else None


def in_fresh_process(function: Callable[..., Any], *args: object) -> Any:
    """Call `function` in a newly spawned interpreter and return what it returns."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def measure(n: int, repeat: int, seed: int) -> dict[str, Any]:
    """Synthesise `n` records and measure every stage on them."""
    with tempfile.TemporaryDirectory(prefix="trustpages-bench-") as tmp:
        folder = Path(tmp)
        content = folder / "content"
        print(f"synthesising {n:,} records…", file=sys.stderr)
        synthesise(content, n, seed)
        result = validate(content, AS_OF)
        if result.errors:
            raise SystemExit(f"synthetic content has {len(result.errors)} errors, first: {result.errors[0].human()}")
        if result.warnings:  # new checks may need synth.py to catch up; timings still count
            print(f"  {len(result.warnings)} warnings, first: {result.warnings[0].human()}", file=sys.stderr)
        print("  writing the generated docs folder (trustpages generate) and both mkdocs.yml…", file=sys.stderr)
        workspace = sites.prepare(folder, content, AS_OF)
        print(f"  timing {', '.join(stage.name for stage in STAGES)}…", file=sys.stderr)
        stages, rounds = best_times(workspace, repeat)
        differences = sites.differences(workspace)  # both sites are still there from the last round
        if differences:
            print(f"  warning: the two builds made different files, e.g. {differences[:5]}", file=sys.stderr)
        # Paired: both stages of a ratio ran in the same round, one after the other, so a busy spell
        # on a shared machine slows both; the median of the rounds' ratios is steadier than best over
        # best, whose two figures may come from different rounds.
        per_round = {ratio.name: [r[ratio.over] / r[ratio.under] for r in rounds] for ratio in RATIOS}
        ratios = {name: statistics.median(values) for name, values in per_round.items()}
        return {
            "n": n,
            "weight": weight(workspace.plugin_site),
            "files": sum(1 for _ in content.rglob("*.yml")),
            "pages": sum(1 for _ in (folder / "generated").rglob("*.md")),
            "stages": stages,
            "ratios": ratios,
            "ratios_per_round": per_round,
            "rounds_cpu_seconds": rounds,
            "site_differences": differences,
        }


def weight(site: Path) -> dict[str, int]:
    """What a reader's browser fetches: the home page and the stylesheets it needs before first paint, and the search index.

    The index is fetched only once a reader starts to search (templates/theme/main.html); scripts
    sit at the end of the page and do not hold back its first paint.
    """
    home = (site / "index.html").read_text(encoding="utf-8")
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', home)
    css = sum((site / href.split("?")[0]).stat().st_size for href in styles if not href.startswith(("http:", "https:")))
    return {
        "home_html_bytes": len(home.encode("utf-8")),
        "home_first_paint_bytes": len(home.encode("utf-8")) + css,
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
    }


def linearity(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Each stage's CPU time per record at the largest size over that at the smallest: 1.0 is linear."""
    small, large = min(rows, key=lambda row: row["n"]), max(rows, key=lambda row: row["n"])
    return {
        stage.name: (large["stages"][stage.name]["cpu_seconds"] / large["n"]) / (small["stages"][stage.name]["cpu_seconds"] / small["n"])
        for stage in STAGES
    }


def size_table(row: dict[str, Any]) -> str:
    """One size as Markdown: a line per stage, then the ratios against their targets."""
    lines = [
        f"{row['n']:,} records ({row['files']:,} YAML files, {row['pages']:,} pages)",
        "",
        "| stage | CPU s | wall s | CPU ms/record | peak MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for stage in STAGES:
        times = row["stages"][stage.name]
        cpu = times["cpu_seconds"]
        lines.append(f"| {stage.name} | {cpu:.2f} | {times['wall_seconds']:.2f} | {cpu / row['n'] * 1000:.2f} | {times['peak_mib']:.0f} |")
    lines.append("")
    lines += [f"{name}: {times['note']}" for name, times in row["stages"].items() if "note" in times]
    size = row["weight"]
    lines.append(
        f"home page: {size['home_html_bytes'] / 1000:.0f} kB of HTML, {size['home_first_paint_bytes'] / 1000:.0f} kB with the "
        f"stylesheets before first paint (uncompressed); search index: {size['search_index_bytes'] / 1000:.0f} kB, "
        "fetched once a reader starts to search"
    )
    for ratio in RATIOS:
        value = row["ratios"][ratio.name]
        rounds = ", ".join(f"{each:.2f}" for each in row["ratios_per_round"][ratio.name])
        best = row["stages"][ratio.over]["cpu_seconds"] / row["stages"][ratio.under]["cpu_seconds"]
        verdict = "met" if value <= ratio.target else "MISSED"
        lines.append(
            f"{ratio.name} = {value:.2f}, median of rounds {rounds}; best over best {best:.2f} (target <= {ratio.target:.2g}: {verdict})"
        )
    return "\n".join(lines)


def linearity_table(rows: list[dict[str, Any]], growth: dict[str, float]) -> str:
    """CPU ms per record at each size, and how much it grew from the smallest size to the largest."""
    header = ["stage", *(f"ms/record at {row['n']:,}" for row in rows), "growth"]
    lines = ["| " + " | ".join(header) + " |", "|---" + "|---:" * (len(header) - 1) + "|"]
    for stage in STAGES:
        cells = [f"{row['stages'][stage.name]['cpu_seconds'] / row['n'] * 1000:.2f}" for row in rows]
        lines.append(f"| {stage.name} | " + " | ".join(cells) + f" | {growth[stage.name]:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated record counts (default: 1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best counts (default: 3)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the synthetic content (default: 0)")
    args = parser.parse_args()

    started = time.perf_counter()
    rows = [measure(int(size), args.repeat, args.seed) for size in args.sizes.split(",")]
    baseline = in_fresh_process(peak_mib)
    growth = linearity(rows) if len(rows) > 1 else {}
    for row in rows:
        print(size_table(row) + "\n")
    if growth:
        print("Per-record CPU cost by size (growth: largest size over smallest; 1.00 is linear)\n")
        print(linearity_table(rows, growth) + "\n")
    print(f"best of {args.repeat}; CPU: {CPU_METHOD}")
    print(f"ratios: {RATIO_METHOD}")
    print(f"generate: {GENERATE_SCOPE}; mkdocs+plugin includes validation and the history pass (no git repository here)")
    print(f"memory: {MEMORY_METHOD} (idle: {baseline:.0f} MiB)")
    print(f"took {(time.perf_counter() - started) / 60:.1f} minutes", file=sys.stderr)

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "as_of": AS_OF.isoformat(),
        "seed": args.seed,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "cpu": CPU_METHOD,
        "memory": MEMORY_METHOD,
        "ratios": RATIO_METHOD,
        "generate": GENERATE_SCOPE,
        "baseline_mib": baseline,
        "targets": {ratio.name: ratio.target for ratio in RATIOS},
        "sizes": rows,
        "per_record_growth": growth,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
