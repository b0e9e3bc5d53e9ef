"""MkDocs as a child of `trustpages build` and `serve` that stops when trustpages stops.

The parent passes SIGINT, SIGTERM and SIGHUP on as SIGTERM and waits for the child; the child asks
Linux to end it when the parent dies (even by kill -9), so no server keeps answering on the port.
The child takes SIGTERM as Ctrl-C, so `mkdocs serve` shuts down the way it does for Ctrl-C.
Run as `python -m trustpages.commands.mkdocs_process PARENT_PID MKDOCS_ARGS...` for the child side.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

QUIET = {"NO_MKDOCS_2_WARNING": "1"}  # the MkDocs 2 / Material end-of-life notice, shown on every run
SHOWN = "TRUSTPAGES_MKDOCS_SHOWN"  # the lowest level of MkDocs' log the child prints: WARNING, ERROR (-q) or INFO (-v)
QUIET_OPTIONS = {"-q", "--quiet"}  # MkDocs' own: they would raise its logger's level, so --strict would count nothing
STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE = 10.0  # seconds a child has to stop after the signal before it is killed
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Interrupted(BaseException):
    """trustpages was asked to stop by a signal; raised where cleanup can still run.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def stoppable() -> Iterator[None]:
    """Inside, a stop signal raises Interrupted (so `finally` blocks run) instead of ending the process."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {stop: signal.signal(stop, interrupt) for stop in STOPS}
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)


def run_mkdocs(*args: str, shown: str = "WARNING") -> int:
    """Run `mkdocs ARGS` and return its exit code; a stop signal meanwhile goes to MkDocs, then raises Interrupted.

    MkDocs runs in a session of its own so that the terminal's Ctrl-C and hang-up reach it only
    through us, once: a second stop would break `mkdocs serve` in the middle of shutting down.
    """
    received: list[int] = []
    child: list[subprocess.Popen[bytes]] = []

    def forward(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        if child:
            child[0].terminate()

    previous = {stop: signal.signal(stop, forward) for stop in STOPS}
    try:
        command = [sys.executable, "-m", __name__, str(os.getpid()), *args]
        child.append(subprocess.Popen(command, env={**os.environ, **QUIET, SHOWN: shown}, start_new_session=True))
        if received:  # arrived before there was a child to pass it to
            child[0].terminate()
        returncode = _wait(child[0], received)
    finally:
        if child and child[0].poll() is None:  # we are failing ourselves: never leave MkDocs behind
            child[0].kill()
            child[0].wait()
        for stop, handler in previous.items():
            signal.signal(stop, handler)
    if received:
        raise Interrupted(received[0])
    return returncode


def _wait(child: subprocess.Popen[bytes], received: list[int]) -> int:
    """Wait for `child`; once a signal was passed on, give it GRACE seconds, then kill it."""
    deadline: float | None = None
    while True:
        try:
            return child.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            if received and deadline is None:
                deadline = time.monotonic() + GRACE
            if deadline is not None and time.monotonic() > deadline:
                child.kill()


def _child(parent: int, args: list[str]) -> int:
    """The child side: die with the parent, then run MkDocs."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # raises KeyboardInterrupt, which MkDocs handles
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # only the parent decides when to stop
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before prctl took effect
        return 1
    return run_cli(args)


def _not_the_dirty_notice(record: logging.LogRecord) -> bool:
    """False for MkDocs' "A 'dirty' build is being performed" warning: `serve` chose --dirty on purpose, and
    the warning, shown to a comms person on every preview, reads like something is broken."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _show_from(level: str) -> None:
    """Print MkDocs' log from `level` up, while every warning still reaches --strict's count.

    Not `mkdocs --quiet`: it raises the level of the logger itself, so a warning is never made and
    --strict never counts it (a broken nav link would publish). The printing handler, which MkDocs
    adds when its command starts, is the one that gets the level.
    """
    logger = logging.getLogger("mkdocs")
    add = logger.addHandler

    def add_shown_from(handler: logging.Handler) -> None:
        if handler.get_name() == "MkDocsStreamHandler":
            handler.setLevel(logging.getLevelName(level))
        add(handler)

    logger.addHandler = add_shown_from  # type: ignore[method-assign,assignment]


def run_cli(args: list[str]) -> int:
    """MkDocs' own command line, with a file-system error as one plain line instead of a traceback.

    `--quiet` prints only MkDocs' warnings and errors, and --strict still counts every warning.
    MkDocs' own --quiet raises its logger's level, so warnings were dropped before strict mode
    counted them (a broken link was published with exit 0); here the quiet is the printing's alone.
    """
    from trustpages.commands import describe_os_error

    logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_notice)
    _show_from(os.environ.get(SHOWN, "WARNING"))
    try:
        from mkdocs.__main__ import State, cli

        state = State()  # made here, for MkDocs' options to find: its printing is quieted, not its logger
        if QUIET_OPTIONS & set(args):
            state.stream.setLevel(logging.WARNING)
            args = [arg for arg in args if arg not in QUIET_OPTIONS]
        cli.main(args=args, prog_name="mkdocs", obj=state)  # raises SystemExit with MkDocs' own exit code
    except OSError as exc:  # a full disk or a folder made read-only mid-build: a message, not a traceback
        print(f"trustpages: error: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # a stop passed on by the parent, which reports it
        return 128 + signal.SIGTERM
    return 0  # not reached while click runs standalone


if __name__ == "__main__":
    try:
        sys.exit(_child(int(sys.argv[1]), sys.argv[2:]))
    except KeyboardInterrupt:  # a stop before MkDocs started
        sys.exit(128 + signal.SIGTERM)
