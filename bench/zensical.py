"""Time `trustpages build --builder zensical` against the MkDocs build on synthetic content: cold and with Zensical's cache.

Each build is a fresh `trustpages build` process, timed on the wall clock (Zensical runs in a
child process of its own, and uses several threads), best of --repeat runs (by the whole build's time). "cold" removes
Zensical's cache (.trustpages/zensical/.cache) before each run; "cached" builds again with it kept,
as CI does when it keeps that folder. Slow at 10,000 records.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth import AS_OF, synthesise

REPO = Path(__file__).resolve().parents[1]
CONFIG = """site_name: Bench
docs_dir: site_src
site_dir: site
strict: true
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
  - tables
plugins:
  - search
  - trustpages:
      content_dir: content
      as_of: "{as_of}"
"""


def build(folder: Path, *args: str) -> tuple[float, float]:
    """Wall seconds of the whole `trustpages build`, and of Zensical's own part (0 for MkDocs)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "trustpages", "build", *args], cwd=folder, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"trustpages build {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    said = re.search(r"zensical built the pages in ([0-9.]+) s", done.stdout)
    return time.perf_counter() - started, float(said[1]) if said else 0.0


def measure(n: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        synthesise(folder / "content", n)
        shutil.copytree(REPO / "site_src", folder / "site_src")
        (folder / "mkdocs.yml").write_text(CONFIG.format(as_of=AS_OF.isoformat()), encoding="utf-8")
        cache = folder / ".trustpages" / "zensical" / ".cache"
        times: dict[str, list[tuple[float, float]]] = {"mkdocs": [], "zensical cold": [], "zensical cached": []}
        for _ in range(repeat):
            times["mkdocs"].append(build(folder, "--builder", "mkdocs"))
            shutil.rmtree(cache, ignore_errors=True)
            times["zensical cold"].append(build(folder, "--builder", "zensical"))
            times["zensical cached"].append(build(folder, "--builder", "zensical"))
        return {name: min(runs) for name, runs in times.items()}  # type: ignore[misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| records | trustpages build (MkDocs) | --builder zensical, cold (Zensical's part) | cached (Zensical's part) |")
    print("|---:|---:|---:|---:|")
    for n in args.sizes:
        row = measure(n, args.repeat)
        cold, cached = row["zensical cold"], row["zensical cached"]
        print(
            f"| {n:,} | {row['mkdocs'][0]:.1f} s | {cold[0]:.1f} s ({cold[1]:.1f} s) | {cached[0]:.1f} s ({cached[1]:.1f} s) |", flush=True
        )


if __name__ == "__main__":
    main()
