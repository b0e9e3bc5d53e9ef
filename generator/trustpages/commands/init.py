"""`trustpages init DIR`: a new site that builds, checks clean and publishes from CI on day one."""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from trustpages import SOURCE_REPOSITORY
from trustpages.asof import default_as_of
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, as_of_date, describe_os_error, say
from trustpages.installed import WHEELS, origin
from trustpages.newfiles import NotWritten, write_all
from trustpages.records.site import LOCALES
from trustpages.scaffold import default_name, starter_files

NEXT_STEPS = """\
Next:
  cd {dir}
  trustpages serve     preview at http://127.0.0.1:8000 while you edit
  trustpages new incident "Some customers could not log in"
  trustpages check     what to fix, as file:line; the examples (listed in content/.examples.json)
                       pass, but pull requests fail until each is replaced or deleted
  trustpages editor    fetches the script of the browser editor at /admin/ (for people who do not use git)
To publish on GitHub Pages:
  1. Create an empty repository (no README, no licence): https://github.com/new
  2. {push}
  3. On GitHub, in the repository: Settings → Pages → Build and deployment → Source: GitHub Actions.
     Then Actions → trustpages → Run workflow with first_publication publishes the site (and every push to
     main after that); the run your push started stops at "GitHub Pages is turned on" until then."""
PUSH_COMMITTED = """Send the first commit to it (YOUR-NAME/YOUR-REPO as GitHub shows it):
       git remote add origin https://github.com/YOUR-NAME/YOUR-REPO.git
       git push -u origin main"""
PUSH_UNCOMMITTED = """Commit the files and send them to it (YOUR-NAME/YOUR-REPO as GitHub shows it):
       git add -- {paths} && git commit -m "Start our trust site"
       git remote add origin https://github.com/YOUR-NAME/YOUR-REPO.git
       git push -u origin main"""
FIRST_COMMIT = "Start the trust site (trustpages init)"


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init",
        help="start a new site: example records, mkdocs.yml, CI publishing, pre-commit and editor settings",
        description="Write a working trustpages site into DIR: content/ with one example of each record "
        "(marked 'Example — replace this'), mkdocs.yml, site_src/about.md, a GitHub workflow that checks pull "
        "requests and publishes to GitHub Pages, a browser editor's page (site_src/admin/), a pre-commit hook, JSON Schemas in schemas/ and VS Code settings "
        "that give every record file hover help. With git installed, DIR becomes a git repository with the files as its "
        "first commit, and the steps to publish on GitHub Pages are printed. Existing files are never overwritten: init stops (exit 2) and "
        "names them, unless --skip-existing.",
    )
    init.add_argument(
        "dir", nargs="?", default=Path("."), type=Path, metavar="DIR", help="folder for the site (default: the current folder)"
    )
    init.add_argument(
        "--name",
        default=default_name(),
        help=f"the company's name, for site.yml, mkdocs.yml and the address (default: {default_name()}, to replace)",
    )
    init.add_argument("--locale", default="en", choices=LOCALES, help="the site's language, for headings, dates and numbers (default: en)")
    init.add_argument("--skip-existing", action="store_true", help="write the other files and leave existing ones as they are")
    init.add_argument(
        "--git",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="make DIR a git repository with the new files as its first commit (default: on when git is installed "
        "and DIR is not inside a repository already)",
    )
    init.add_argument(
        "--date", type=as_of_date, default=None, metavar="YYYY-MM-DD", help="date the examples are written for (default: today)"
    )
    init.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        print(f"trustpages: error: {target} is {'a symbolic link' if target.is_symlink() else 'a file'}; pass a folder", file=sys.stderr)
        return EXIT_USAGE
    source = origin()
    files = starter_files(args.name, args.date or default_as_of(), source, args.locale)
    existing = [file for file in files if (target / file.path).exists()]
    if existing and not args.skip_existing:
        listed = "".join(f"\n  {target / file.path}" for file in existing)
        print(
            f"trustpages: error: {len(existing)} file(s) already exist; nothing was written:{listed}\n"
            "Move them away, or pass --skip-existing to keep them and write the rest.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for file in existing:
        say(f"kept     {target / file.path} (it already exists)")
    try:  # every file or none: a full disk or a file in the way leaves the folder as it was
        written = write_all(target, [(str(file.path), file.text.encode("utf-8")) for file in files if file not in existing])
    except NotWritten as exc:
        print(f"trustpages: error: {exc}; nothing was written", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"trustpages: error: {describe_os_error(exc)}; nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    if source.wheel is not None:  # requirements.txt installs it from here: no index has this trustpages
        wheel = target / WHEELS / source.wheel.name
        if not wheel.exists():
            wheel.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source.wheel, wheel)
            written.append(str(Path(WHEELS) / source.wheel.name))
    if source.only_here:
        print(
            f"trustpages: note: requirements.txt installs trustpages from {source.said}, as no repository or index is "
            f"known to have this version of it: CI cannot install that. Push the checkout's commit to {SOURCE_REPOSITORY}, "
            "or build a wheel (pip wheel --no-deps FOLDER), install it and run init again (with --skip-existing)",
            file=sys.stderr,
        )
    committed = _first_commit(target, args.git, written)
    say(f"created a trustpages site in {target} ({len(written)} files)" + (", committed as a new git repository" if committed else ""))
    tops = " ".join(sorted({shlex.quote(Path(path).parts[0]) for path in written}))
    say(NEXT_STEPS.format(dir=target, push=PUSH_COMMITTED if committed else PUSH_UNCOMMITTED.format(paths=tops)))
    return EXIT_OK


def _first_commit(target: Path, wanted: bool | None, written: list[str]) -> bool:
    """`git init` and a first commit of the files init `written` in `target`, when wanted (None: when git is there); True if done.

    Only those files: a folder people init into may hold their own (`.env`, keys, notes), which a
    commit meant for pushing to GitHub must not take along. Never inside an existing repository
    (that one's owner decides what to commit), and a failure (no git, no name set for commits) is
    said in words and leaves the files for a commit by hand.
    """
    if wanted is False or not written:  # nothing new (--skip-existing kept every file): nothing to commit
        return False
    if shutil.which("git") is None:
        if wanted:
            print("trustpages: git is not installed, so no repository was made; install git, then run `git init`", file=sys.stderr)
        return False
    inside = subprocess.run(["git", "-C", str(target), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True)
    if inside.returncode == 0:
        print(f"trustpages: {target} is inside a git repository already; commit the new files there", file=sys.stderr)
        return False
    for step in (["init", "-q", "-b", "main"], ["add", "--", *written], ["commit", "-q", "-m", FIRST_COMMIT]):
        done = subprocess.run(["git", "--literal-pathspecs", "-C", str(target), *step], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"trustpages: `git {step[0]}` failed, so the files are not committed yet:\n{done.stderr.strip()}", file=sys.stderr)
            if step[0] == "commit":
                print(
                    'trustpages: git needs your name for commits: git config --global user.name "Your Name" && '
                    "git config --global user.email you@example.com",
                    file=sys.stderr,
                )
            return False
    left = subprocess.run(["git", "-C", str(target), "status", "--porcelain", "-z"], capture_output=True, text=True).stdout
    others = [entry[3:] for entry in left.split("\0") if entry]
    if others:
        named = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        print(
            f"trustpages: the first commit holds only the files init wrote; {len(others)} other(s) in {target} are not in it "
            f"({named}): add those that belong in a public repository yourself",
            file=sys.stderr,
        )
    return True
