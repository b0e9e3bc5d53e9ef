"""The progress bar shows on a terminal for large imports, and never in a pipe or a log."""

from __future__ import annotations

import io

from trustpages.importers.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_draws_on_a_terminal_and_clears_itself() -> None:
    terminal = Terminal()
    progress = Progress(100, "importing x.json", terminal)
    for _ in range(100):
        progress.step()
    progress.close()
    output = terminal.getvalue()
    assert "importing x.json [" in output
    assert output.rstrip("\r\033[K").endswith("] 100/100")
    assert output.endswith("\r\033[K")


def test_no_bar_in_a_pipe_or_for_small_imports() -> None:
    pipe, terminal = io.StringIO(), Terminal()
    for stream, total in ((pipe, 1000), (terminal, 10)):
        progress = Progress(total, "importing", stream)
        for _ in range(total):
            progress.step()
        progress.close()
    assert pipe.getvalue() == terminal.getvalue() == ""
