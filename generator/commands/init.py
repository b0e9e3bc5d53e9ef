"""`trustpages init DIR`: a new site that builds, checks clean and publishes from CI on day one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.asof import default_as_of
from generator.commands import EXIT_OK, EXIT_USAGE, as_of_date
from generator.records.site import LOCALES
from generator.scaffold import starter_files

NEXT_STEPS = """\
Next:
  cd {dir}
  trustpages check     every example passes; replace them with your own records
  trustpages serve     preview at http://127.0.0.1:8000 while you edit
  trustpages new incident "Some customers could not log in"
To publish: push to GitHub, then Settings → Pages → Source: GitHub Actions."""


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init",
        help="start a new site: example records, mkdocs.yml, CI publishing, pre-commit and editor settings",
        description="Write a working trustpages site into DIR: content/ with one example of each record "
        "(marked 'Example — replace this'), mkdocs.yml, site_src/about.md, a GitHub workflow that checks pull "
        "requests and publishes to GitHub Pages, a pre-commit hook, JSON Schemas in schemas/ and VS Code settings "
        "that give every record file hover help. Existing files are never overwritten: init stops (exit 2) and "
        "names them, unless --skip-existing.",
    )
    init.add_argument("dir", nargs="?", default=Path("."), type=Path, metavar="DIR", help="folder for the site (default: the current folder)")
    init.add_argument("--name", default="Example Co", help="the company's name, for site.yml and mkdocs.yml (default: Example Co)")
    init.add_argument(
        "--locale", default="en", choices=LOCALES, help="the site's language, for headings, dates and numbers (default: en)"
    )
    init.add_argument("--skip-existing", action="store_true", help="write the other files and leave existing ones as they are")
    init.add_argument("--date", type=as_of_date, default=None, metavar="YYYY-MM-DD", help="date the examples are written for (default: today)")
    init.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if target.exists() and not target.is_dir():
        print(f"trustpages: error: {target} is a file; pass a folder", file=sys.stderr)
        return EXIT_USAGE
    files = starter_files(args.name, args.date or default_as_of(), args.locale)
    existing = [file for file in files if (target / file.path).exists()]
    if existing and not args.skip_existing:
        listed = "".join(f"\n  {target / file.path}" for file in existing)
        print(
            f"trustpages: error: {len(existing)} file(s) already exist; nothing was written:{listed}\n"
            "Move them away, or pass --skip-existing to keep them and write the rest.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    written = 0
    for file in files:
        path = target / file.path
        if file in existing:
            print(f"kept     {path} (it already exists)")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite, even a file made just now
            out.write(file.text)
        written += 1
    print(f"created a trustpages site in {target} ({written} files)")
    print(NEXT_STEPS.format(dir=target))
    return EXIT_OK
