"""Hostile cases for `trustpages build`, `serve` and `generate --out`: the output folder, concurrency, signals, operator errors.

Each case names the finding of issue 16 it reproduces and asserts the exact outcome: exit code,
message, and which files are still there.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.render.conftest import AS_OF, FIXTURES, REPO, write_config
from tests.test_build_command import snapshot, trustpages
from trustpages import sitefolder
from trustpages.cli import main


def site_project(tmp_path: Path) -> Path:
    """A site's folder as people have it: content/, site_src/about.md, mkdocs.yml, .git/; and a sibling folder."""
    folder = tmp_path / "trust"
    folder.mkdir()
    shutil.copytree(FIXTURES / "small-site", folder / "content")
    shutil.copytree(REPO / "site_src", folder / "site_src")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    write_config(folder, folder / "content", docs=folder / "site_src")
    (tmp_path / "sibling").mkdir()
    (tmp_path / "sibling" / "notes.md").write_text("mine\n", encoding="utf-8")
    return folder


def everything(tmp_path: Path) -> dict[str, str]:
    """Every file under tmp_path with its hash: what must survive a refused build."""
    return snapshot(tmp_path)


# Finding 1: `build -d DIR` deleted the user's files.

REFUSED = {
    ".": "refusing to write into {trust}: it is the project folder (where mkdocs.yml is), and replacing it would "
    "delete your files; pass -d with a separate folder",
    "..": "refusing to write into {tmp}: it contains the project folder (where mkdocs.yml is), {trust}, and replacing "
    "it would delete your files; pass -d with a separate folder",
    "site_src": "refusing to write into {trust}/site_src: it is the docs folder (docs_dir), and replacing it would "
    "delete your files; pass -d with a separate folder",
    "content": "refusing to write into {trust}/content: it is the content folder, and replacing it would delete your "
    "files; pass -d with a separate folder",
    "site_src/site": "refusing to write into {trust}/site_src/site: it is inside the docs folder (docs_dir), "
    "{trust}/site_src, which must not mix with what is built from it; pass -d with a separate folder",
    "content/site": "refusing to write into {trust}/content/site: it is inside the content folder, {trust}/content, "
    "which must not mix with what is built from it; pass -d with a separate folder",
}


@pytest.mark.parametrize("site_dir", sorted(REFUSED))
def test_build_refuses_a_site_folder_that_overlaps_the_users_folders(tmp_path: Path, site_dir: str) -> None:
    trust = site_project(tmp_path)
    before = everything(tmp_path)

    result = trustpages("build", "-d", site_dir, cwd=trust)

    assert result.returncode == 1
    assert result.stderr == "trustpages: error: " + REFUSED[site_dir].format(trust=trust, tmp=tmp_path) + "\n"
    assert result.stdout == ""
    assert everything(tmp_path) == before
    assert sorted(p.name for p in trust.iterdir()) == [".git", "content", "mkdocs.yml", "site_src"]


def test_build_refuses_site_dir_of_mkdocs_yml_pointing_at_the_project(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    # docs_dir outside the project, so MkDocs' own "docs_dir should not be within the site_dir" does not apply.
    write_config(trust, trust / "content", docs=REPO / "site_src")
    config = trust / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_dir: {trust / 'site'}", "site_dir: ."), encoding="utf-8")
    before = everything(tmp_path)

    result = trustpages("build", cwd=trust)

    assert result.returncode == 1
    assert result.stderr == f"trustpages: error: {REFUSED['.'].format(trust=trust)}\n"
    assert everything(tmp_path) == before


def test_build_refuses_a_folder_of_someone_elses_files(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    before = everything(tmp_path)

    result = trustpages("build", "-d", "../sibling", cwd=trust)

    assert result.returncode == 1
    assert result.stderr == (
        f"trustpages: error: refusing to build into {tmp_path / 'sibling'}: it holds files trustpages did not build "
        "(notes.md); pass -d with a new folder, or empty this one if it only holds a site (one built before trustpages "
        "marked its sites)\n"
    )
    assert everything(tmp_path) == before


def test_build_refuses_a_file_as_site_folder(tmp_path: Path) -> None:
    trust = site_project(tmp_path)

    result = trustpages("build", "-d", "mkdocs.yml", cwd=trust)

    assert result.returncode == 1
    assert (
        result.stderr
        == f"trustpages: error: refusing to build into {trust / 'mkdocs.yml'}: it is a file, not a folder; pass -d with a folder\n"
    )
    assert (trust / "mkdocs.yml").is_file()


def test_build_keeps_the_dot_entries_and_cname_people_keep_in_the_site_folder(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    site = trust / "site"
    (site / ".git").mkdir(parents=True)  # a gh-pages worktree, before the first build
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    (site / "CNAME").write_text("trust.example.com\n", encoding="utf-8")

    first = trustpages("build", cwd=trust)
    assert first.returncode == 0, first.stderr
    (site / ".well-known" / "stale.txt").write_text("left from an old build\n", encoding="utf-8")
    (site / "stray.html").write_text("not in the new build\n", encoding="utf-8")
    second = trustpages("build", cwd=trust)

    assert second.returncode == 0, second.stderr
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (site / ".nojekyll").is_file()
    assert (site / "CNAME").read_text(encoding="utf-8") == "trust.example.com\n"
    # What the build makes is replaced whole, dot-folder or not: nothing of an old build lingers.
    assert (site / ".well-known" / "security.txt").is_file()
    assert not (site / ".well-known" / "stale.txt").exists()
    assert not (site / "stray.html").exists()
    assert (site / sitefolder.MARKER).is_file()
    assert sorted(p.name for p in trust.iterdir()) == [".git", "content", "mkdocs.yml", "site", "site_src"]


# `generate --out` gets the same refusal.

GENERATE_REFUSED = {
    ".": "refusing to write into {trust}: it is the project folder (where you run trustpages), and replacing it "
    "would delete your files; pass --out with a separate folder",
    "..": "refusing to write into {tmp}: it contains the project folder (where you run trustpages), {trust}, and "
    "replacing it would delete your files; pass --out with a separate folder",
    "content": "refusing to write into {trust}/content: it is the content folder, and replacing it would delete your "
    "files; pass --out with a separate folder",
    "site_src": "refusing to write into {trust}/site_src: it is the docs folder, and replacing it would delete your "
    "files; pass --out with a separate folder",
    "site_src/generated": "refusing to write into {trust}/site_src/generated: it is inside the docs folder, "
    "{trust}/site_src, which must not mix with what is built from it; pass --out with a separate folder",
}


@pytest.mark.parametrize("out", sorted(GENERATE_REFUSED))
def test_generate_refuses_an_output_folder_that_overlaps_the_users_folders(
    tmp_path: Path, out: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trust = site_project(tmp_path)
    (trust / "content" / ".trustpages-generated").write_text("", encoding="utf-8")  # even a marker does not make it safe
    monkeypatch.chdir(trust)
    before = everything(tmp_path)

    code = main(["generate", "--out", out, "--as-of", AS_OF])

    assert code == 2
    assert capsys.readouterr().err == "trustpages: error: " + GENERATE_REFUSED[out].format(trust=trust, tmp=tmp_path) + "\n"
    assert everything(tmp_path) == before


# Finding 9: concurrency and interruption.


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """`trustpages ARGS` running in the background, its output kept for the test."""
    return subprocess.Popen(
        [sys.executable, "-m", "trustpages", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc (Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended while we looked
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def wait_until(condition: Callable[[], object], what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.05)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "-building-" in p.name or "-previous-" in p.name)


def built_site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    trust = site_project(tmp_path)
    first = trustpages("build", cwd=trust)
    assert first.returncode == 0, first.stderr
    return trust, snapshot(trust / "site")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
@pytest.mark.parametrize(("stop", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_build_stops_mkdocs_removes_its_staging_and_keeps_the_site(tmp_path: Path, stop: int, code: int) -> None:
    trust, good = built_site(tmp_path)
    build = start("build", cwd=trust)
    wait_until(lambda: children(build.pid), "MkDocs runs")
    mkdocs = children(build.pid)[0]

    build.send_signal(stop)
    _, err = build.communicate(timeout=60)

    assert build.returncode == code
    assert err == f"trustpages: build stopped by {signal.Signals(stop).name}; {trust / 'site'} holds the last complete build\n"
    assert not alive(mkdocs)
    assert leftovers(trust) == []
    assert snapshot(trust / "site") == good


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
def test_after_kill_9_mkdocs_dies_too_and_the_next_build_removes_the_staging(tmp_path: Path) -> None:
    trust, good = built_site(tmp_path)
    build = start("build", cwd=trust)
    wait_until(lambda: children(build.pid), "MkDocs runs")
    mkdocs = children(build.pid)[0]

    build.kill()
    build.wait(timeout=60)

    wait_until(lambda: not alive(mkdocs), "MkDocs ends with its parent", timeout=10)
    assert len(leftovers(trust)) == 1  # nothing can clean up after kill -9 ...
    assert snapshot(trust / "site") == good
    again = trustpages("build", cwd=trust)
    assert again.returncode == 0, again.stderr
    assert leftovers(trust) == []  # ... so the next build does
    assert sorted(p.name for p in trust.iterdir()) == [".git", "content", "mkdocs.yml", "site", "site_src"]


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    holder = os.open(trust, os.O_RDONLY)  # as a running build holds it
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        build = start("build", cwd=trust)
        assert build.stderr is not None
        line = build.stderr.readline()
        assert line == f"trustpages: another build is writing in {trust}; waiting for it to finish\n"
        time.sleep(1)
        assert build.poll() is None
        assert not (trust / "site").exists()
    finally:
        os.close(holder)
    out, err = build.communicate(timeout=120)
    assert build.returncode == 0, err
    assert out.startswith("published ")
    assert (trust / "site" / "index.html").is_file()


def test_three_builds_at_once_all_succeed_and_leave_one_whole_site(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    builds = [start("build", cwd=trust) for _ in range(3)]
    results = [(build.communicate(timeout=300), build.returncode) for build in builds]

    assert [code for _, code in results] == [0, 0, 0], [err for (_, err), _ in results]
    assert "Traceback" not in "".join(err for (_, err), _ in results)
    assert leftovers(trust) == []
    assert (trust / "site" / "index.html").is_file() and (trust / "site" / sitefolder.MARKER).is_file()


def test_a_build_removes_what_killed_builds_left(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    for name in (".site-building-x1y2z3", ".site-previous-4242"):
        (trust / name).mkdir()
        (trust / name / "index.html").write_text("half a site\n", encoding="utf-8")
    (trust / ".sites-building-other").mkdir()  # another site's name: not ours to remove

    result = trustpages("build", cwd=trust)

    assert result.returncode == 0, result.stderr
    assert leftovers(trust) == [".sites-building-other"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
@pytest.mark.parametrize(("stop", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 0), (signal.SIGKILL, -9)])
def test_serve_stops_its_server_when_it_is_stopped(tmp_path: Path, stop: int, code: int) -> None:
    trust = site_project(tmp_path)
    port = free_port()
    serve = start("serve", "-a", f"127.0.0.1:{port}", cwd=trust)
    try:
        wait_until(lambda: answers(port) or serve.poll() is not None, "the preview answers")
        assert serve.poll() is None, serve.communicate()[1]
        mkdocs = children(serve.pid)[0]

        serve.send_signal(stop)
        assert serve.wait(timeout=60) == code

        wait_until(lambda: not alive(mkdocs), "MkDocs ends with trustpages", timeout=15)
        assert not answers(port)
    finally:
        if serve.poll() is None:
            serve.kill()
        serve.communicate()


# Finding 10: operator errors are one plain message, exit 1, never a traceback.


def test_a_site_folder_under_a_file_is_a_plain_error(tmp_path: Path) -> None:
    trust = site_project(tmp_path)

    result = trustpages("build", "-d", "/dev/null/site", cwd=trust)

    assert result.returncode == 1
    assert result.stderr == (
        "trustpages: error: cannot build into /dev/null/site: /dev/null: not a directory; a part of that path is a file; choose a folder\n"
    )


def failing(exc: OSError, original: Callable[..., Any], when: Callable[..., bool]) -> Callable[..., Any]:
    """`original`, except that it raises `exc` for the calls `when` picks."""

    def call(*args: Any, **kwargs: Any) -> Any:
        if when(*args, **kwargs):
            raise exc
        return original(*args, **kwargs)

    return call


def test_an_unwritable_folder_for_the_site_is_a_plain_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trust = site_project(tmp_path)
    # Tests run as root, for whom chmod does not forbid anything: fail as a read-only parent folder would.
    denied = PermissionError(errno.EACCES, "Permission denied", str(trust / ".site-building-x"))
    monkeypatch.setattr(tempfile, "mkdtemp", failing(denied, tempfile.mkdtemp, lambda *a, **k: True))

    code = main(["build", "-f", str(trust / "mkdocs.yml")])

    assert code == 1
    assert capsys.readouterr().err == (
        f"trustpages: error: cannot build into {trust / 'site'}: {trust / '.site-building-x'}: permission denied; "
        "choose a folder you can write to, or change its permissions\n"
    )
    assert leftovers(trust) == [] and not (trust / "site").exists()


def test_a_read_only_site_folder_is_a_plain_error_and_the_swap_is_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trust, _ = built_site(tmp_path)
    site = trust / "site"
    (site / ".nojekyll").write_text("", encoding="utf-8")  # moved into the new build before the swap, then back
    good = snapshot(site)
    read_only = OSError(errno.EROFS, "Read-only file system", str(site))
    monkeypatch.setattr(Path, "rename", failing(read_only, Path.rename, lambda self, target: self == site))
    # On Linux the swap is one exchange of the two folders; elsewhere the site is renamed aside.
    monkeypatch.setattr(sitefolder, "exchange", failing(read_only, sitefolder.exchange, lambda staging, target: target == site))

    code = main(["build", "-f", str(trust / "mkdocs.yml")])

    assert code == 1
    assert capsys.readouterr().err == (
        f"trustpages: error: cannot build into {site}: {site}: read-only file system; choose a folder on a file system you can write to\n"
    )
    assert snapshot(site) == good
    assert leftovers(trust) == []


def test_a_full_disk_is_a_plain_error_and_keeps_the_last_good_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trust, good = built_site(tmp_path)
    full = OSError(errno.ENOSPC, "No space left on device", "marker")
    monkeypatch.setattr(Path, "write_text", failing(full, Path.write_text, lambda self, *a, **k: self.name == sitefolder.MARKER))

    code = main(["build", "-f", str(trust / "mkdocs.yml")])

    assert code == 1
    assert capsys.readouterr().err == (
        f"trustpages: error: cannot build into {trust / 'site'}: marker: no space left on device; free some space and try again\n"
    )
    assert snapshot(trust / "site") == good
    assert leftovers(trust) == []


def test_a_full_disk_while_mkdocs_writes_is_a_plain_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mkdocs.commands import build

    from trustpages.commands.mkdocs_process import run_cli

    trust = site_project(tmp_path)
    full = OSError(errno.ENOSPC, "No space left on device", str(trust / "site" / "index.html"))
    monkeypatch.setattr(build, "build", failing(full, build.build, lambda *a, **k: True))

    code = run_cli(["build", "--quiet", "-f", str(trust / "mkdocs.yml")])

    assert code == 1
    assert capsys.readouterr().err == (
        f"trustpages: error: {trust / 'site' / 'index.html'}: no space left on device; free some space and try again\n"
    )
