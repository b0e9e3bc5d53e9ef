"""Time `trustpages check` and `trustpages build` on a site whose postmortem is ~1 MB of hostile Markdown.

Issue 16 found Python-Markdown and the plain-language regexes superlinear on brackets: 40 KB of
`[` took minutes. Record files are limited to 1 MB; each shape fills one postmortem to just
under that. Every run is a fresh `trustpages` process on a fresh `trustpages init` site, timed in
CPU seconds (its own and its children's, so `build` counts MkDocs): wall time on a shared
machine says more about the neighbours. Usage: `.venv/bin/python bench/hostile_text.py [SHAPE ...]`
(default: every shape).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from trustpages.yamlsource import MAX_BYTES

SHAPES = {
    "brackets": "[",
    "images": "![",
    "open-links": "[a](",
    "autolinks": "<http://",
    "backticks": "`",
    "emphasis": "*a* ",
    "bracket-paragraphs": "[" * 98 + "\n\n",
    "rule-lines": "---\n",
    "heading-blocks": "# a\n" * 16 + "\n",
    "nested-quotes": "> ",
    "list-blocks": "- a\n" * 40 + "\n",
    "tables": "|a|b|\n|-|-|\n" + "|c|d|\n" * 40 + "\n",
}
TARGET_SECONDS = 5.0
_CLI = [sys.executable, "-m", "trustpages"]


def site_with_postmortem(folder: Path, text: str) -> Path:
    """A `trustpages init` site whose example incident's postmortem is `text`."""
    subprocess.run([*_CLI, "init", str(folder)], check=True, capture_output=True)
    incident = next((folder / "content" / "incidents").glob("*.yml"))
    lines = incident.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("postmortem:")]
    block = "\n".join("  " + line if line else "" for line in text.split("\n"))
    incident.write_text("\n".join(kept) + "\npostmortem: |-\n" + block + "\n", encoding="utf-8")
    return folder


def hostile(unit: str, budget: int) -> str:
    return (unit * (budget // len(unit.encode("utf-8")) + 1))[:budget].rstrip("\n")


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """CPU seconds of `command` and everything it started, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapes", nargs="*", metavar="SHAPE", help=f"any of: {', '.join(SHAPES)}")
    shapes = parser.parse_args().shapes or list(SHAPES)
    if unknown := set(shapes) - set(SHAPES):
        parser.error(f"unknown shapes: {', '.join(sorted(unknown))}")
    print(f"{'shape':<24} {'bytes':>9} {'check s':>8} {'build s':>8}  (CPU seconds; target: each under {TARGET_SECONDS:g} s)")
    for name in shapes:
        with tempfile.TemporaryDirectory() as tmp:
            text = hostile(SHAPES[name], MAX_BYTES - 4_000)  # room for the rest of the record
            text = text[: len(text) - 2 * text.count("\n")]  # and for the block's indentation
            site = site_with_postmortem(Path(tmp) / "site", text)
            size = (next((site / "content" / "incidents").glob("*.yml"))).stat().st_size
            check, check_code = timed([*_CLI, "check", "content"], site)
            build, build_code = timed([*_CLI, "build"], site)
            failed = "" if check_code in (0, 1) and build_code == 0 else f"  exit codes: check {check_code}, build {build_code}"
            print(f"{name:<24} {size:>9,} {check:>8.2f} {build:>8.2f}{failed}", flush=True)


if __name__ == "__main__":
    main()
