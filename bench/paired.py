"""Before and after: the same `mkdocs build` of the same synthetic records by two checkouts, in paired rounds.

    python bench/paired.py --before ../old-checkout [--sizes 1000] [--rounds 5] [--cache]

Each checkout builds with its own virtual environment (`<checkout>/.venv`, as `make` sets it up),
its own package (its generator/ first on the path), templates and plugin, in a fresh process; a
round builds with one, then the other (the order alternates), so a busy spell on a shared machine
slows both alike. Reported: each side's best CPU seconds (user + system of the build process) and
the median of the rounds' ratios.

With --cache, each side keeps a build cache (cache_dir) of its own, filled by one untimed build;
before every round one incident's title changes, as the next pull request's would, so each timed
build is a CI rebuild after one edit: the edited pages rendered again, the rest reused.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from synth import AS_OF, synthesise

HERE = Path(__file__).resolve().parents[1]


def build_cpu(checkout: Path, config: Path) -> float:
    """CPU seconds of one `mkdocs build` run by `checkout`'s environment."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [str(checkout / ".venv" / "bin" / "python"), "-m", "mkdocs", "build", "-q", "-f", str(config)],
        cwd=checkout,
        capture_output=True,
        text=True,
        # The checkout's own package, whatever the environment has installed (an editable install names one folder).
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(checkout / "generator")},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{checkout}: build failed:\n{done.stdout}{done.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def config(folder: Path, name: str, content: Path, cache: bool = False) -> Path:
    path = folder / f"mkdocs-{name}.yml"
    plugin: dict[str, str] = {"content_dir": str(content), "as_of": AS_OF.isoformat()}
    if cache:
        plugin["cache_dir"] = str(folder / f"cache-{name}")  # one per side: the two checkouts' keys differ
    settings = {
        "site_name": "Benchmark",
        "docs_dir": str(HERE / "site_src"),
        "site_dir": str(folder / f"site-{name}"),
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["attr_list", "tables"],
        "plugins": ["search", {"trustpages": plugin}],
    }
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def edit_one_record(content: Path, round_no: int) -> None:
    """Give the first incident a title this round alone has, so both sides' caches miss on its pages only."""
    record = min((content / "incidents").glob("*.yml"))
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[at] = f"title: Edited in round {round_no + 1}\n"  # the old title may be quoted: replaced, not prefixed
    record.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (with its .venv)")
    parser.add_argument("--sizes", default="1000", help="comma-separated record counts (default: 1000)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cache", action="store_true", help="time a cached rebuild after one edited record")
    args = parser.parse_args()
    sides = {"before": args.before.resolve(), "after": HERE}
    for size in (int(n) for n in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="trustpages-paired-") as tmp:
            folder = Path(tmp)
            synthesise(folder / "content", size, 0)
            configs = {name: config(folder, name, folder / "content", args.cache) for name in sides}
            if args.cache:
                for name in sides:
                    build_cpu(sides[name], configs[name])  # fills the side's cache, untimed
            times: dict[str, list[float]] = {name: [] for name in sides}
            for round_no in range(args.rounds):
                if args.cache:
                    edit_one_record(folder / "content", round_no)
                order = list(sides) if round_no % 2 == 0 else list(reversed(sides))
                for name in order:
                    times[name].append(build_cpu(sides[name], configs[name]))
                print(f"  round {round_no + 1}: " + ", ".join(f"{name} {times[name][-1]:.2f} s" for name in sides), file=sys.stderr)
            ratios = [after / before for before, after in zip(times["before"], times["after"], strict=True)]
            what = "cached rebuild after one edit" if args.cache else "build"
            print(
                f"{size:,} records, {what}: before {min(times['before']):.2f} s, after {min(times['after']):.2f} s CPU (best of {args.rounds}); "
                f"after / before = {statistics.median(ratios):.2f} (median of rounds {', '.join(f'{r:.2f}' for r in ratios)})"
            )


if __name__ == "__main__":
    main()
