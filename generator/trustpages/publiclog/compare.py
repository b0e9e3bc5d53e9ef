"""The content now against the public log: what is new, what was corrected, and what was rewritten or dropped without a word.

The rules are trustpages.factrules', as `check --against` applies them to git (each refusal an error at the field it is about):
* A fact in the log stays as it is. It may change only with a correction added since (one the
  log does not hold yet) that names its path — `corrections: [{on, field, why}]` — and then the
  new value is logged as replacing the old, so readers see both.
* A vanished list item is paired with the list's new items in order: a correction naming the new
  item's path (or the old one's) makes the pair a correction; else the item was rewritten or
  removed.
* A keyed value (a plan's price) may also change with a new row announcing it (plan, from, to).
* A record in the log whose file is gone must be listed in withdrawn.yml; withdrawn.yml's own
  entries, like every fact, stay.
Records are matched by kind and id, whatever folder they were read from, so moving a file or
deleting and re-creating a record changes nothing: its first published facts are still the log's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trustpages import factrules, kinds
from trustpages.checks.findings import Findings
from trustpages.factrules import HINT_MISSING, covered, refusal
from trustpages.problems import Problem, display_path
from trustpages.publiclog.facts import EXISTS, WITHDRAWN, Fact, facts_of
from trustpages.publiclog.log import Log, entry_for
from trustpages.records import RecordSet
from trustpages.records.correction import Correction


@dataclass(frozen=True)
class Change:
    """A fact to log: new, or replacing the entry at `replaces`."""

    fact: Fact
    replaces: int | None = None


@dataclass(frozen=True)
class Comparison:
    changes: list[Change]
    problems: list[Problem]

    @property
    def refused(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)


def compare(log: Log, records: RecordSet, today: str) -> Comparison:
    """What publishing `records` adds to `log`, and what it would rewrite (problems)."""
    findings = Findings(records)
    current = facts_of(records)
    state = log.state()
    withdrawn = {fact.value["kind"] + "/" + fact.value["id"] for fact in current.get((WITHDRAWN, ""), [])}
    changes: list[Change] = []
    for record, logged in state.items():
        facts = current.get(record)
        if facts is None and EXISTS in logged:  # a record with its own file: gone, withdrawn or not
            if f"{record[0]}/{record[1]}" not in withdrawn:
                file = display_path(records.root / "withdrawn.yml")
                message = f"{record[0]} '{record[1]}' was published on {log.entries[logged[EXISTS]].time} (public log) and is missing now"
                findings.problems.append(Problem(file, 1, 1, "error", message, HINT_MISSING))
            continue
        names = _names(records, record)
        changes += _record(log, record, logged, facts or [], names, findings, today)  # a single file gone: every fact vanished
    for record, facts in current.items():
        if record not in state:
            changes += [Change(fact) for fact in facts]
    return Comparison(changes, findings.problems)


def _names(records: RecordSet, record: tuple[str, str]) -> dict[str, set[str]]:
    """The record's keyed items (plans) now: key -> the names a row may announce it by."""
    kind = kinds.kind(record[0]) if record[0] != WITHDRAWN else None
    if kind is None or not kind.facts.keyed:
        return {}
    now = next((item for item in kind.of(records) if getattr(item, "id", "") == record[1]), None)
    return factrules.names_of(kind, now.model_dump(mode="json", by_alias=True)) if now is not None else {}


def _record(
    log: Log, record: tuple[str, str], logged: dict[str, int], facts: list[Fact], names: dict[str, set[str]], findings: Findings, today: str
) -> list[Change]:
    now = {fact.key: fact for fact in facts}
    new = [fact for fact in facts if fact.key not in logged]
    corrections = [_correction(fact.value) for fact in new if fact.listed_in == "corrections"]
    rows = {name: [fact.value for fact in new if fact.listed_in == name] for name in {k.announced_in for k in _keyed(record)}}
    changes: list[Change] = []
    paired_new: set[str] = set()
    vanished: dict[str, list[tuple[int, Fact]]] = {}
    for key, index in logged.items():
        entry = log.entries[index]
        old = Fact(entry.kind, entry.id, entry.key, entry.path, entry.value)
        current = now.get(key)
        if old.listed_in is not None:
            if current is None:
                vanished.setdefault(old.listed_in, []).append((index, old))
            continue
        if current is not None and current.value == old.value:
            continue
        value = current.value if current is not None else None
        if covered(corrections, old.path) or _announced(record, old, value, rows, names):
            if current is not None:
                changes.append(Change(current, index))
            continue  # emptied with a correction: the log keeps the old value as the last one published
        _refuse(findings, record, old, value, entry.time, today)
    changes += [Change(fact) for fact in new if fact.listed_in is None]
    for name, items in vanished.items():
        items.sort(key=lambda pair: _position(pair[1].path))
        added = [fact for fact in new if fact.listed_in == name]
        for number, (index, old) in enumerate(items):
            replacement = added[number] if number < len(added) else None
            paths = [old.path] + ([replacement.path] if replacement else [])
            if covered(corrections, *paths) or any(c.field.startswith(path + ".") for c in corrections for path in paths):
                if replacement is not None:
                    changes.append(Change(replacement, index))
                    paired_new.add(replacement.key)
                continue
            _refuse(findings, record, old, replacement.value if replacement else None, log.entries[index].time, today)
            if replacement is not None:
                paired_new.add(replacement.key)
    changes += [Change(fact) for fact in new if fact.listed_in is not None and fact.key not in paired_new]
    return changes


def _refuse(findings: Findings, record: tuple[str, str], old: Fact, value: Any, time: str, today: str) -> None:
    kind, id = record
    message = refusal(old.path, old.value, value, f"on {time} (public log)", removed=value is None)
    loc: tuple[str | int, ...] = ()
    if kind != WITHDRAWN:
        parts = old.path.split(".")
        loc = tuple(int(part) - 1 if part.isdigit() else part for part in parts) if value is not None else tuple(parts[:1])
    findings.error(kind, id, loc, message, factrules.hint(kinds.kind(kind), old.path, today))


def _keyed(record: tuple[str, str]) -> tuple[kinds.Keyed, ...]:
    return kinds.kind(record[0]).facts.keyed if record[0] != WITHDRAWN else ()


def _announced(record: tuple[str, str], old: Fact, value: Any, rows: dict[str, list[Any]], names: dict[str, set[str]]) -> bool:
    """A keyed value's change with a new row announcing it (a plan's new price, with a history row)."""
    for keyed in _keyed(record):
        if value is not None and old.key.startswith(f"{keyed.list}["):
            key = old.key[len(keyed.list) + 1 :].rsplit("].", 1)[0]
            return factrules.announced(keyed, names.get(key, {key}), old.value, value, rows[keyed.announced_in])
    return False


def _correction(value: Any) -> Correction:
    return Correction.model_validate(value)


def _position(path: str) -> int:
    last = path.rsplit(".", 1)[-1]
    return int(last) if last.isdigit() else 0


def extend(log: Log, records: RecordSet, time: str, commit: str, first_publication: bool = False) -> Comparison:
    """Compare `records` with `log` and, unless that refuses them, append their new and corrected facts and a checkpoint."""
    comparison = compare(log, records, time[:10])
    if not comparison.refused:
        for change in comparison.changes:
            log.append(entry_for(change.fact, time, commit, change.replaces))
        log.checkpoint(time, first_publication)
    return comparison
