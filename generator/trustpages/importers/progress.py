"""A one-line progress bar on the terminal, for imports large enough to wait for."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

LARGE = 50  # incidents; smaller imports finish before a bar would be read


class Progress:
    """Draws `label [#####.....] 45/91` on a terminal; silent when output is a file or a pipe."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, minimum: int = LARGE) -> None:
        self.stream = stream or sys.stderr
        self.total, self.label, self.done = total, label, 0
        self.enabled = total >= minimum and self.stream.isatty()
        self.drawn_at = 0.0

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done == self.total or now - self.drawn_at >= 0.05:
            self.drawn_at = now
            self._draw()

    def close(self) -> None:
        """Clear the bar, so what is printed next starts on a clean line."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _draw(self) -> None:
        counter = f" {self.done}/{self.total}"
        width = max(10, min(40, shutil.get_terminal_size((80, 24)).columns - len(self.label) - len(counter) - 4))
        filled = width * self.done // max(self.total, 1)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}]{counter}")
        self.stream.flush()
