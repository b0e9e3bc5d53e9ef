"""`trustpages build` and `serve`: MkDocs with the right options, and a site/ replaced only by a good build."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trustpages import cachefolder, kinds, sitefolder, zensical
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Verbosity, as_of_date, describe_os_error, no_config, say, verbosity
from trustpages.commands.mkdocs_process import STOPS, Interrupted, run_mkdocs, stoppable
from trustpages.outfolder import Protected, UnsafeOutput, refuse_overlap


def register(commands: argparse._SubParsersAction) -> None:
    build = commands.add_parser(
        "build",
        help="build the site with MkDocs (strict) into site/, replacing it only when the build succeeds",
        description="Run `mkdocs build --strict` into a temporary folder next to the site folder, and swap it in "
        "only when the build succeeded: a failed or interrupted build leaves the last good site untouched.",
    )
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    build.add_argument("-d", "--site-dir", type=Path, default=None, help="where the site goes (default: site_dir of mkdocs.yml, else site)")
    build.add_argument(
        "--builder",
        choices=["mkdocs", "zensical"],
        default=None,
        help="build with MkDocs + Material, or with Zensical (pip install 'trustpages[zensical]'); default: the "
        "trustpages plugin's `builder:` option in mkdocs.yml, else mkdocs",
    )
    build.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        help="compute as if today were DATE (YYYY-MM-DD); the build's SOURCE_DATE_EPOCH becomes that day, unless mkdocs.yml pins as_of",
    )
    build.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve",
        help="preview the site locally; pages reload when a record or template is saved",
        description=(
            "Run `mkdocs serve` on 127.0.0.1 with trustpages watching content/ and templates/. After a save, only the "
            "pages whose Markdown changed are built again (MkDocs' --dirty, without its warning about that); --clean builds "
            "every page each time. A problem in a record is printed as file:line:col; the preview shows the last good "
            "build until it is fixed. A preview is never strict: a warning does not stop it."
        ),
    )
    serve.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.add_argument("--clean", action="store_true", help="build every page after each save (slower)")
    serve.set_defaults(run=run_serve)


def run_build(args: argparse.Namespace) -> int:
    config: Path = args.config_file
    if not config.is_file():
        no_config(config)
        return EXIT_USAGE
    from mkdocs.exceptions import MkDocsException  # imported here: only build needs MkDocs loaded

    if args.as_of is not None:  # the one way a build is dated (trustpages.asof), for MkDocs in its own process too
        os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(args.as_of, datetime.min.time(), UTC).timestamp()))

    site: Path | None = None
    try:
        with stoppable():
            folders = _project(config)
            site = args.site_dir.resolve() if args.site_dir else folders.site
            if folders.cache is not None:  # MkDocs builds into a folder beside the site: the plugin cannot see this overlap
                cachefolder.check(folders.cache, config.resolve().parent, [Protected("the site folder", site)])
            builder = args.builder or folders.builder
            if builder == "zensical":
                return _build(config, site, folders, lambda staging: _with_zensical(config, folders, staging))
            return _build(config, site, folders, lambda staging: _with_mkdocs(config, staging))
    except MkDocsException as exc:  # MkDocs has logged the details above
        print(f"trustpages: error: {config}: {exc}", file=sys.stderr)
    except zensical.BuildFailed as exc:
        print(f"trustpages: error: {exc}; {site or 'the site folder'} was left as it was", file=sys.stderr)
    except UnsafeOutput as exc:
        print(f"trustpages: error: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"trustpages: error: cannot build into {site or 'the site folder'}: {describe_os_error(exc)}", file=sys.stderr)
    except Interrupted as stop:
        # Stops wait for the swap, so either the new build or the one before is there, whole.
        print(f"trustpages: build stopped by {stop}; {site or 'the site folder'} holds the last complete build", file=sys.stderr)
        return 128 + stop.signum
    return EXIT_PROBLEMS


def _with_mkdocs(config: Path, staging: Path) -> bool:
    # Strict as documented: every warning fails the build, whatever is printed (see run_cli).
    return run_mkdocs("build", "--strict", "-f", str(config), "-d", str(staging), shown=_shown()) == 0


def _shown(usual: str = "WARNING") -> str:
    """The lowest level of MkDocs' log to print: its warnings (serve: also what it serves), its errors alone
    with -q, everything it says about the build with -v."""
    return {Verbosity.QUIET: "ERROR", Verbosity.VERBOSE: "INFO"}.get(verbosity(), usual)


def _with_zensical(config: Path, folders: _Folders, staging: Path) -> bool:
    seconds = zensical.build(config, folders.loaded, staging)
    say(f"zensical built the pages in {seconds:.2f} s")
    return True


def _build(config: Path, site: Path, folders: _Folders, produce: Callable[[Path], bool]) -> int:
    refuse_overlap(site, folders.protected, "-d")
    started = time.perf_counter()
    sitefolder.make_parent(site)
    with sitefolder.exclusive(site, waiting=lambda: _say_waiting(site)):
        sitefolder.refuse_foreign(site)  # under the lock: the build before may have just made it
        sitefolder.remove_stale(site)
        staging = sitefolder.new_staging(site)
        try:
            if not produce(staging):
                print(f"trustpages: build failed; {site} was left as it was", file=sys.stderr)
                return EXIT_PROBLEMS
            # Signals wait for the few renames of the swap, so `site` is never left half swapped.
            signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
            try:
                sitefolder.swap_in(staging, site)
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        summary = f"{sum(1 for _ in site.rglob('index.html'))} pages ({_records(site)})"  # before the next build swaps
    say(f"published {summary} to {site} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def _say_waiting(site: Path) -> None:
    say(f"trustpages: another build is writing in {site.parent}; waiting for it to finish", file=sys.stderr)


def _records(site: Path) -> str:
    """How many record pages the site has, by section: what a person checks after publishing."""
    counts = []
    for kind in kinds.kinds():
        if kind.page is not None and kind.folder is not None:  # a page per record (trustpages.kinds)
            n = sum(1 for _ in (site / kind.folder).glob("*/index.html"))
            counts.append(f"{n} {kind.name if n == 1 else kind.folder}")
    return ", ".join(counts)


@dataclass(frozen=True)
class _Folders:
    site: Path
    protected: list[Protected]
    builder: str  # the plugin's `builder:` option
    loaded: Any  # mkdocs.yml as MkDocs loads it (an MkDocsConfig)
    cache: Path | None  # the plugin's build cache folder (cache_dir, beside mkdocs.yml), if any


def _project(config: Path) -> _Folders:
    """The site folder and the user's folders it must stay clear of, as MkDocs reads them (no build events run)."""
    from mkdocs.config import load_config

    loaded = load_config(str(config))
    protected = [
        Protected("the project folder (where mkdocs.yml is)", config.resolve().parent, may_hold_output=True),
        Protected("the docs folder (docs_dir)", Path(loaded.docs_dir)),
    ]
    builder, cache = "mkdocs", None
    if "trustpages" in loaded.plugins:
        options = loaded.plugins["trustpages"].config
        protected.append(Protected("the content folder", Path(options.content_dir)))
        if options.templates_dir:
            protected.append(Protected("the templates folder", Path(options.templates_dir)))
        builder = options.builder
        cache = config.resolve().parent / options.cache_dir if options.cache_dir else None
    return _Folders(Path(loaded.site_dir).resolve(), protected, builder, loaded, cache)


def plugin_options(config: Path) -> Any:
    """The trustpages plugin's options in `config`, as MkDocs reads them; None when the plugin is not enabled."""
    folders = _project(config)
    return folders.loaded.plugins["trustpages"].config if "trustpages" in folders.loaded.plugins else None


def run_serve(args: argparse.Namespace) -> int:
    if not args.config_file.is_file():
        no_config(args.config_file)
        return EXIT_USAGE
    rebuild = "--clean" if args.clean else "--dirty"
    try:
        return run_mkdocs("serve", "-f", str(args.config_file), "-a", args.dev_addr, rebuild, "--no-strict", shown=_shown("INFO"))
    except Interrupted as stop:  # Ctrl-C is how a preview is meant to end
        return EXIT_OK if stop.signum == signal.SIGINT else 128 + stop.signum
