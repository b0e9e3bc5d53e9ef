"""`trustpages editor`: add (or refresh) the browser editor at /admin/ of a site, with Decap CMS's script vendored."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, describe_os_error, no_config, say
from trustpages.editor import ADMIN, DECAP_VERSION, SCRIPT_FOLDER, AdminFile, EditorError, admin_files, fetch_tarball, vendored

_GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:)([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")


def register(commands: argparse._SubParsersAction) -> None:
    editor = commands.add_parser(
        "editor",
        help="add the browser editor for comms teams at /admin/ (Decap CMS), or refresh it after an upgrade",
        description=f"Write <docs folder>/{ADMIN}/index.html and config.yml, whose collections and fields come from the record "
        f"kinds (each field's description is its hint), and vendor Decap CMS {DECAP_VERSION}'s script into "
        f"<docs folder>/{ADMIN}/{SCRIPT_FOLDER}/ from the npm registry (checked against the hash it published). Editors sign in "
        "with GitHub and each save becomes a pull request. The page is not in the site's navigation, and the public pages "
        "never load its script. Run it again after upgrading trustpages; a config.yml it did not write is never replaced.",
    )
    editor.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    editor.add_argument(
        "--repo",
        metavar="OWNER/NAME",
        default=None,
        help="the site's GitHub repository (default: from site.yml's repo_url, else the git remote origin)",
    )
    editor.add_argument("--branch", default="main", help="the branch editors' pull requests go to (default: main)")
    editor.add_argument(
        "--from",
        dest="tarball",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"Decap's npm tarball (npm pack decap-cms@{DECAP_VERSION}) instead of fetching it: for machines without the registry",
    )
    editor.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config: Path = args.config_file
    if not config.is_file():
        no_config(config)
        return EXIT_USAGE
    from mkdocs.config import load_config  # imported here: only this command needs MkDocs loaded
    from mkdocs.exceptions import MkDocsException

    try:
        loaded = load_config(str(config))
    except (MkDocsException, OSError) as exc:
        print(f"trustpages: error: {config}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if "trustpages" not in loaded.plugins:
        print(f"trustpages: error: {config} does not enable the trustpages plugin", file=sys.stderr)
        return EXIT_USAGE
    content, docs = Path(loaded.plugins["trustpages"].config.content_dir).resolve(), Path(loaded.docs_dir).resolve()
    root = _repository_root(config.resolve().parent)
    if not content.is_relative_to(root) or not docs.is_relative_to(root):
        print(f"trustpages: error: the content and docs folders must be inside the repository at {root}", file=sys.stderr)
        return EXIT_USAGE
    admin = docs / ADMIN
    if (
        (admin / "config.yml").exists()
        and not _ours(admin / "config.yml")
        or (admin / "index.html").exists()
        and not (admin / "config.yml").exists()
    ):
        print(
            f"trustpages: error: {admin} holds an admin page trustpages did not write; nothing was changed. Move it away "
            "to add trustpages' editor there",
            file=sys.stderr,
        )
        return EXIT_USAGE
    repo = args.repo or _repository(content / "site.yml", root)
    files = admin_files(content.relative_to(root).as_posix(), docs.relative_to(root).as_posix(), repo, args.branch)
    try:
        script = vendored(fetch_tarball(args.tarball))
        _write(admin, files, script)
    except EditorError as exc:
        print(f"trustpages: error: {exc}; nothing was changed", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"trustpages: error: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    size = sum(len(data) for data in script.values())
    say(
        f"wrote the editor into {admin}: Decap CMS {DECAP_VERSION} ({len(script)} files, {size / 1e6:.1f} MB), for {repo or 'YOUR-NAME/YOUR-REPO'}"
    )
    if repo is None:
        print(
            f"trustpages: note: no GitHub repository is known for this site: set repo_url in site.yml, or pass --repo, "
            f"and run this again (or replace YOUR-NAME/YOUR-REPO in {admin / 'config.yml'})",
            file=sys.stderr,
        )
    return EXIT_OK


def _ours(config: Path) -> bool:
    """True when `config` is a config.yml this command (or init) wrote: its first line says so."""
    try:
        with config.open(encoding="utf-8") as file:
            return "written by `trustpages editor`" in file.readline()
    except (OSError, UnicodeDecodeError):
        return False


def _write(admin: Path, files: list[AdminFile], script: dict[str, bytes]) -> None:
    """Write the page, its configuration and the script folder, the script folder swapped in whole by renames."""
    admin.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{SCRIPT_FOLDER}-new-", dir=admin))
    try:
        for name, data in script.items():
            (staging / name).write_bytes(data)
        target, previous = admin / SCRIPT_FOLDER, admin / f".{SCRIPT_FOLDER}-old-{os.getpid()}"
        if target.exists():
            target.rename(previous)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(previous, ignore_errors=True)
    for file in files:
        path = admin.parent / file.path
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(file.text, encoding="utf-8", newline="\n")
        partial.replace(path)


def _repository_root(folder: Path) -> Path:
    """The git work tree `folder` is in (config.yml's paths start there), else `folder` itself."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=30)
    except OSError:
        return folder
    return Path(done.stdout.strip()).resolve() if done.returncode == 0 and done.stdout.strip() else folder


def _repository(site_yml: Path, root: Path) -> str | None:
    """owner/name of the site's GitHub repository: site.yml's repo_url, else the git remote origin; None if neither is GitHub."""
    try:
        site = yaml.safe_load(site_yml.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        site = None
    addresses = [site.get("repo_url")] if isinstance(site, dict) else []
    try:
        remote = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True, timeout=30)
        addresses.append(remote.stdout.strip() if remote.returncode == 0 else None)
    except OSError:
        pass
    for address in addresses:
        found = _GITHUB.match(address) if isinstance(address, str) else None
        if found:
            return found[1]
    return None
