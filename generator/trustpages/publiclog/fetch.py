"""Reading a served public log: where the live site is, and its log, checked, within a deadline and a size cap.

The live address never comes from the tree being published: it is `TRUSTPAGES_LIVE_URL`, else
site.yml's `url` as it was in the parent commit, so a change that points `url` at another server
takes effect only after a publication through the old one.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

from trustpages import yamlsource
from trustpages.fetch import FetchError, fetch
from trustpages.publiclog.log import CHECKPOINT, CHECKPOINTS, ENTRIES, Checkpoint, Log, LogError

LIVE_URL = "TRUSTPAGES_LIVE_URL"
DEADLINE_SECONDS = 60.0  # for the whole of one file, however slowly the server sends it
MAX_BYTES = 256 << 20  # a log of a million facts is about this size


class Unreadable(Exception):
    """The live log could not be read; the message says why, in words."""


class NotFound(Unreadable):
    """The live site answered that it has no log (404)."""


def live_address(content: Path, environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """The live site's address: TRUSTPAGES_LIVE_URL, else site.yml's url in the parent commit; Unreadable when neither says."""
    explicit = environ.get(LIVE_URL, "").strip()
    if explicit:
        return explicit
    site = content.resolve() / "site.yml"
    try:
        top = _git(site.parent, "rev-parse", "--show-toplevel").strip()
        relative = site.relative_to(Path(top).resolve()).as_posix()
        text = _git(site.parent, "show", f"HEAD~1:{relative}")
    except (OSError, ValueError, subprocess.CalledProcessError):
        raise Unreadable(
            f"cannot tell where the live site is: no parent commit with {site.name} to read its url from "
            f"(set {LIVE_URL}, or pass --first-publication for the very first one)"
        ) from None
    try:  # as check reads it, within a record's budgets (size, nesting, aliases)
        value = yamlsource.parse(text.encode("utf-8")).value
    except yamlsource.YamlError as exc:
        raise Unreadable(f"site.yml in the parent commit cannot be read (line {exc.line}: {exc.message}); set {LIVE_URL}") from None
    url = value.get("url") if isinstance(value, dict) else None
    if not isinstance(url, str) or not url.strip():
        raise Unreadable(f"site.yml in the parent commit has no url to read the live log from (set {LIVE_URL})")
    return url.strip()


def read_log(address: str, deadline: float = DEADLINE_SECONDS) -> Log:
    """The log served at `address`, checked (every checkpoint the root of its entries); Unreadable or NotFound otherwise."""
    checkpoints = read(join(address, CHECKPOINTS), deadline)
    entries = read(join(address, ENTRIES), deadline)
    latest = read(join(address, CHECKPOINT), deadline)
    try:
        log = Log.read(entries, checkpoints)
        if Checkpoint.parse(json.loads(latest)) != log.checkpoints[-1]:
            raise LogError("checkpoint.json is not the last of checkpoints.json")
    except (LogError, ValueError, RecursionError) as exc:
        raise Unreadable(f"the log at {address} does not hold together: {exc}") from None
    return log


def join(address: str, path: str) -> str:
    return address.rstrip("/") + "/" + path


def read(url: str, deadline: float = DEADLINE_SECONDS, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes at `url` (http, https or file), all of them within `deadline` seconds and `max_bytes`."""
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme == "file":
        path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path))
        try:
            if path.stat().st_size > max_bytes:
                raise Unreadable(f"{url} is larger than {max_bytes} bytes")
            return path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"{url} does not exist") from None
        except OSError as exc:
            raise Unreadable(f"{url} could not be read ({exc.strerror or exc})") from None
    if scheme not in ("http", "https"):
        raise Unreadable(f"{url} is not a web address")
    try:  # one deadline for the whole request, headers and redirects included (trustpages.fetch)
        return fetch(url, max_bytes=max_bytes, deadline_seconds=deadline)
    except FetchError as exc:
        raise (NotFound if exc.status in (404, 410) else Unreadable)(str(exc)) from None


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True, timeout=60).stdout
