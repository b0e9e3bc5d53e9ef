"""Collects problems about records, placing each one at the field it is about."""

from __future__ import annotations

from trustpages import kinds
from trustpages.problems import Problem, Severity, display_path
from trustpages.records import RecordSet


class Findings:
    """Problems found so far; `error` and `warning` take a record and a field path."""

    def __init__(self, records: RecordSet) -> None:
        self.records = records
        self.problems: list[Problem] = []

    def error(self, kind: str, id: str, loc: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        self.add("error", kind, id, loc, message, hint)

    def warning(self, kind: str, id: str, loc: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        self.add("warning", kind, id, loc, message, hint)

    def add(self, severity: Severity, kind: str, id: str, loc: tuple[str | int, ...], message: str, hint: str | None) -> None:
        source = self.records.source(kind, id)
        if source is None:  # records built in code, not read from files, or a file that is gone
            registered = kinds.kind(kind)
            file = display_path(self.records.root / (registered.file or f"{registered.folder}/{id}.yml"))
            line, col = 1, 1
        else:
            file = source.file
            line, col = source.position(loc)
        self.problems.append(Problem(file, line, col, severity, message, hint))
