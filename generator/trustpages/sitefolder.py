"""Replacing a site folder: one build at a time, all at once, and keeping what the user keeps there.

Next to `site/` live `.site-building-*` (the build in progress, and after the swap the last
site until it is deleted) and, where the swap takes two renames, for a moment `.site-previous-*`.
Only the build holding the lock (an flock on the folder around `site/`) creates them, so any
the next holder finds were left by a killed build.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from trustpages.outfolder import UnsafeOutput, user_may_keep

MARKER = ".trustpages-site"
_MARKER_HEADER = "Built by `trustpages build`. It replaces the entries below on every build and keeps any other .name or CNAME.\n"


def refuse_foreign(site: Path) -> None:
    """Raise UnsafeOutput unless `site` is missing, trustpages-built, or holds only entries users keep there."""
    if not site.exists():
        return
    if not site.is_dir():
        raise UnsafeOutput(f"refusing to build into {site}: it is a file, not a folder; pass -d with a folder")
    names = sorted(entry.name for entry in site.iterdir())
    if MARKER in names:
        return
    foreign = [name for name in names if not user_may_keep(name)]
    if foreign:
        shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise UnsafeOutput(
            f"refusing to build into {site}: it holds files trustpages did not build ({shown}); "
            "pass -d with a new folder, or empty this one if it only holds a site (one built before trustpages marked its sites)"
        )


def make_parent(site: Path) -> None:
    """Create the folders above `site`, saying plainly when a part of the path is a file."""
    for parent in site.parents:  # nearest first: the first that exists decides
        if parent.exists():
            if not parent.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent))
            break
    site.parent.mkdir(parents=True, exist_ok=True)


@contextmanager
def exclusive(site: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold the lock of the folder around `site` while inside; if another build holds it, call `waiting` and wait.

    A later build waits rather than fails, so the site ends as the last build made it. The lock
    is an flock on the parent folder itself, so no lock file is left for git to see; the kernel
    releases it when its holder dies, even by kill -9. Builds of sibling site folders therefore
    take turns too, which costs little and keeps their staging folders apart.
    """
    fd = os.open(site.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_stale(site: Path) -> None:
    """Delete what killed builds left next to `site`; call only while holding its lock."""
    for entry in site.parent.iterdir():
        if entry.name.startswith((f".{site.name}-building-", f".{site.name}-previous-")):
            shutil.rmtree(entry, ignore_errors=True)


def new_staging(site: Path) -> Path:
    """An empty folder next to `site` to build into: the same file system, so swapping it in is a rename."""
    return Path(tempfile.mkdtemp(prefix=f".{site.name}-building-", dir=site.parent))


def swap_in(staging: Path, site: Path) -> None:
    """Replace `site` by the finished build in `staging` in one step where the system allows, so `site` is never half written or missing.

    On Linux the two folders trade places in one `renameat2(RENAME_EXCHANGE)`: a build killed at
    any moment leaves the last site or the new one. Elsewhere (or on a file system without it)
    it takes two renames, old site aside then new one in, and a kill between them leaves none
    until the next build. The entries the user keeps in `site` (see `user_may_keep`) move into
    the new site first, unless the build made an entry of that name; they move back if the swap fails.
    """
    built = sorted(entry.name for entry in staging.iterdir())
    (staging / MARKER).write_text(_MARKER_HEADER + "".join(f"{name}\n" for name in built), encoding="utf-8")
    moved: list[str] = []
    try:
        for name in _kept(site):
            if name not in built:
                (site / name).rename(staging / name)
                moved.append(name)
        previous = None
        if site.exists() or site.is_symlink():
            if exchange(staging, site):
                shutil.rmtree(staging, ignore_errors=True)  # the last site, where the build was; what is left, the next build removes
                return
            previous = site.with_name(f".{site.name}-previous-{os.getpid()}")
            site.rename(previous)
        try:
            staging.rename(site)
        except BaseException:
            if previous is not None:
                previous.rename(site)
            raise
    except BaseException:
        for name in moved:
            (staging / name).rename(site / name)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)  # what is left, the next build removes


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where the system cannot, having changed nothing."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):  # an old kernel, or a file system without it
        return False
    raise OSError(code, os.strerror(code), str(b))


def _renameat2() -> Callable[..., int] | None:
    """The C library's renameat2 (glibc 2.28 and later), or None."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not Linux, or an older or other C library
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    function.restype = ctypes.c_int
    return function


def _kept(site: Path) -> list[str]:
    """Entries of `site` the last build did not make and the user may keep there."""
    if not site.is_dir():
        return []
    try:
        built = set((site / MARKER).read_text(encoding="utf-8").splitlines()[1:])
    except FileNotFoundError:
        built = set()
    return sorted(e.name for e in site.iterdir() if user_may_keep(e.name) and e.name not in built and e.name != MARKER)
