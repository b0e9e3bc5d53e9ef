"""`trustpages build` and `serve`: MkDocs with the right options, and a site/ replaced only by a good build."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

QUIET = {"NO_MKDOCS_2_WARNING": "1"}  # the MkDocs 2 / Material end-of-life notice, shown on every run


def register(commands: argparse._SubParsersAction) -> None:
    build = commands.add_parser(
        "build",
        help="build the site with MkDocs (strict) into site/, replacing it only when the build succeeds",
        description="Run `mkdocs build --strict` into a temporary folder next to the site folder, and swap it in "
        "only when the build succeeded: a failed or interrupted build leaves the last good site untouched.",
    )
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    build.add_argument("-d", "--site-dir", type=Path, default=None, help="where the site goes (default: site_dir of mkdocs.yml, else site)")
    build.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve",
        help="preview the site locally; pages reload when a record or template is saved",
        description=(
            "Run `mkdocs serve` on 127.0.0.1 with trustpages watching content/ and templates/. After a save, only the "
            "pages whose Markdown changed are built again (MkDocs' --dirty, which MkDocs warns about); --clean builds "
            "every page each time. A preview is never strict: a warning does not stop it."
        ),
    )
    serve.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.add_argument("--clean", action="store_true", help="build every page after each save (slower)")
    serve.set_defaults(run=run_serve)


def _mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def run_build(args: argparse.Namespace) -> int:
    config: Path = args.config_file
    if not config.is_file():
        print(f"trustpages: error: no MkDocs configuration at {config}", file=sys.stderr)
        return EXIT_USAGE
    site = (args.site_dir or _site_dir(config)).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-building-", dir=site.parent))
    try:
        proc = subprocess.run(
            _mkdocs("build", "--strict", "--quiet", "-f", str(config), "-d", str(staging)),
            env={**os.environ, **QUIET},
            check=False,
        )
        if proc.returncode != 0:
            print(f"trustpages: build failed; {site} was left as it was", file=sys.stderr)
            return EXIT_PROBLEMS
        _swap_in(staging, site)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"published {pages} pages ({_records(site)}) to {site} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def _records(site: Path) -> str:
    """How many record pages the site has, by section: what a person checks after publishing."""
    counts = []
    for section, one in (("commitments", "commitment"), ("incidents", "incident"), ("mistakes", "mistake")):
        n = sum(1 for _ in (site / section).glob("*/index.html"))
        counts.append(f"{n} {one if n == 1 else section}")
    return ", ".join(counts)


def _swap_in(staging: Path, site: Path) -> None:
    """Replace `site` by `staging` with renames, so `site` is never half written."""
    old = site.with_name(f".{site.name}-previous")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    if old.exists():
        shutil.rmtree(old)


def _site_dir(config: Path) -> Path:
    """site_dir as MkDocs reads it (validated config; no build events run)."""
    from mkdocs.config import load_config  # imported here: only build needs MkDocs loaded

    return Path(load_config(str(config)).site_dir)


def run_serve(args: argparse.Namespace) -> int:
    if not args.config_file.is_file():
        print(f"trustpages: error: no MkDocs configuration at {args.config_file}", file=sys.stderr)
        return EXIT_USAGE
    env = {**os.environ, **QUIET}
    rebuild = "--clean" if args.clean else "--dirty"
    command = _mkdocs("serve", "-f", str(args.config_file), "-a", args.dev_addr, rebuild, "--no-strict")
    return subprocess.run(command, env=env, check=False).returncode
