"""Problems found in content, and the three ways of reporting them (human, GitHub, JSON)."""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


class UsageError(Exception):
    """Bad input from the person running trustpages (an option, a date, an environment variable): one plain message."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a place a person can find."""

    file: str
    line: int
    col: int
    severity: Severity
    message: str
    hint: str | None = None

    def human(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return _visible(f"{text} ({self.hint})" if self.hint else text, _UNSHOWABLE_ON_ONE_LINE)

    def github(self) -> str:
        props = ",".join(
            f"{name}={_escape_property(_visible(str(value)))}"
            for name, value in (("file", self.file), ("line", self.line), ("col", self.col), ("title", "trustpages"))
        )
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        return f"::{self.severity} {props}::{_escape_data(_visible(text))}"


# Control and bidi characters from a file name or a YAML key would reach the terminal or CI log
# as they are (colours, a cleared screen, a line of its own, text shown backwards): spell them out.
# A human report is one problem per line, so line breaks are spelled out too; GitHub's format has
# an escape of its own for them.
_UNSHOWABLE = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSHOWABLE_ON_ONE_LINE = re.compile(f"{_UNSHOWABLE.pattern}|[\n\r]")


def _visible(text: str, pattern: re.Pattern[str] = _UNSHOWABLE) -> str:
    return pattern.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice, or None when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def count(problems: Iterable[Problem], severity: Severity) -> int:
    return sum(1 for problem in problems if problem.severity == severity)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(problems: list[Problem]) -> str:
    errors, warnings = count(problems, "error"), count(problems, "warning")
    if not problems:
        return "no problems found"
    files = len({problem.file for problem in problems})
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"


def render(problems: list[Problem], fmt: str, checked: str = "") -> str:
    """The report for `problems` in format human, github or json."""
    if fmt == "json":
        return json.dumps(
            {
                "errors": count(problems, "error"),
                "warnings": count(problems, "warning"),
                "problems": [asdict(problem) for problem in problems],
            },
            indent=2,
            ensure_ascii=False,
        )
    if fmt == "github":
        return "\n".join(problem.github() for problem in problems)
    lines = [problem.human() for problem in problems]
    lines.append(f"{checked}: {summary(problems)}" if checked else summary(problems))
    return "\n".join(lines)


class Reported:
    """A result's errors and warnings, from its `problems` (validation's, the pipeline's)."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "warning"]


def display_path(path: Path) -> str:
    """The path as a person in the current folder would type it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
