"""`check --against REF`: what was published at REF may grow, but never vanish or be quietly rewritten.

Rules (errors; trustpages.factrules', as `publish` applies them to the public log):
* A commitment, incident, mistake or metric with a file at REF and none now is missing, unless
  content/withdrawn.yml lists it (same kind and id). A commitment withdrawn by an update keeps
  its file: that file is where the site shows the reason.
* The published facts of a record (each kind's `facts` in trustpages.kinds) may be added to, never changed or removed:
  an empty fact may be filled in, a list of published items may only grow, each item staying
  as it was. A change passes only when the record carries a correction added since REF that
  names the field (`corrections: [{on, field, why}]`, field `impact` or `updates.2.body`, items
  counted from 1) — the correction is shown in public beside the record.
* A keyed value (a plan's price, by the plan's id, else its name) may also change with a new row
  announcing it (a `history` row: plan, from, to).
* Every published withdrawn.yml entry stays as it was: taking a record down is for good.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from pydantic import BaseModel

from trustpages import factrules, kinds
from trustpages.checks.examples import Examples
from trustpages.checks.findings import Findings
from trustpages.factrules import HINT_MISSING, HINT_WITHDRAWAL_STAYS, WITHDRAWN, covered, empty, refusal, shown, value_at
from trustpages.loader import Loaded
from trustpages.problems import Problem, display_path
from trustpages.records import Milestone, RecordSet, Withdrawal
from trustpages.records.correction import Correction


@dataclass(frozen=True)
class Published:
    """The records as they were at a git ref (see trustpages.gitrefs.load_at), to compare the content with."""

    ref: str
    loaded: Loaded
    examples: Examples = Examples()  # init's examples at `ref` (trustpages.checks.examples.at)


@dataclass(frozen=True)
class Rewrite:
    """One published fact that differs now: `path` as corrections name it, `loc` to place the problem."""

    path: str
    loc: tuple[str | int, ...]
    old: Any
    new: Any  # _GONE when removed
    also: tuple[str, ...] = ()  # other paths a correction may name it by (a keyed value's: plans.team.price)

    def message(self, ref: str) -> str:
        return refusal(self.path, self.old, self.new, f"at {ref}", removed=self.new is _GONE)


class _Gone:
    """The value of a fact that is no longer there."""


_GONE = _Gone()


def check(
    published: Published,
    records: RecordSet,
    seen: frozenset[tuple[str, str]],
    as_of: date,
    failed: frozenset[tuple[str, str]] = frozenset(),
) -> list[Problem]:
    """Problems of the content now (`records`, `seen`) against what was published at `published.ref`.

    `failed` names the records whose files exist but did not load: their own errors say why, and
    comparing them would only add noise.
    """
    findings = Findings(records)
    _missing(published, records, seen, findings)
    before = published.loaded.records
    if before is None:
        return findings.problems
    ref = published.ref
    for kind, old, new in _pairs(before, records, seen):
        if (kind, getattr(old, "id", "")) in failed or (kind == "site" and ("site", "") in failed):
            continue
        rewrites = rewrites_of(kind, old, new) + _keyed(kinds.kind(kind), old, new)
        _report(findings, ref, as_of, kind, old, new, rewrites)
    if (WITHDRAWN, "") not in failed:
        _withdrawals(ref, before.withdrawn, records.withdrawn, findings)
    _late_postmortems(before, records, as_of, findings)
    return findings.problems


def _late_postmortems(before: RecordSet, now: RecordSet, as_of: date, findings: Findings) -> None:
    """A postmortem added to a published incident is published by this change: later than promised, say so (warning)."""
    promised = now.site.policies.postmortem_within_days
    had = {incident.id for incident in before.incidents if incident.postmortem}
    for incident in now.incidents:
        if not incident.postmortem or incident.resolved is None or incident.id in had:
            continue
        if not any(old.id == incident.id for old in before.incidents):
            continue  # a new record, published whole: its postmortem says nothing of when it was written
        days = (as_of - incident.resolved.date()).days
        if days > promised:
            findings.warning(
                "incident",
                incident.id,
                ("postmortem",),
                f"postmortem published {days} days after the incident was resolved; site.yml promises one within {promised}",
                "the incident page will say so; publish postmortems sooner",
            )


def _pairs(before: RecordSet, now: RecordSet, seen: frozenset[tuple[str, str]]) -> Iterable[tuple[str, Any, Any]]:
    """(kind, published record, record now) for every published record that still exists (now None: its file is gone).

    A record of a kind with a file per record that is gone now is `_missing`'s; a single file that
    is gone takes its facts with it (a deleted pricing.yml: every history row is reported).
    """
    for k in kinds.kinds():
        if k.name == WITHDRAWN:
            continue  # its entries: _withdrawals
        if k.folder is not None:
            current = {item.id: item for item in k.of(now)}
            yield from ((k.name, old, current[old.id]) for old in k.of(before) if old.id in current)
            continue
        for old in k.of(before):
            present = k.of(now)
            if present or (k.name, "") not in seen:
                yield k.name, old, present[0] if present else None


def rewrites_of(kind: str, old: BaseModel, new: BaseModel | None) -> list[Rewrite]:
    """Every published fact of `old` (a record of `kind`) that `new` changed or removed."""
    facts = kinds.kind(kind).facts
    found: list[Rewrite] = []
    for name in facts.fields:
        was, now = value_at(old, name), value_at(new, name) if new is not None else None
        if _empty(was) or was == now:
            continue
        loc = tuple(name.split("."))
        found.append(Rewrite(name, loc if not _empty(now) else loc[:-1], was, _GONE if _empty(now) else now))
    for name in facts.sets:
        kept = set(value_at(new, name) or ()) if new is not None else set()
        for item in value_at(old, name) or ():
            if item not in kept:
                found.append(Rewrite(name, (name,), item, _GONE))
    for name in facts.lists:
        found += _list_rewrites(name, value_at(old, name) or (), (value_at(new, name) or ()) if new is not None else ())
    return found


def _list_rewrites(name: str, old: Sequence[Any], new: Sequence[Any]) -> list[Rewrite]:
    """Published items of an append-only list that were changed or removed; new items are free."""
    found: list[Rewrite] = []
    matcher = SequenceMatcher(a=[_canonical(item) for item in old], b=[_canonical(item) for item in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "insert"):
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            found += _item_rewrites(name, old[i1 + k], new[j1 + k], j1 + k)
        for i in range(i1 + paired, i2):
            found.append(Rewrite(f"{name}.{i + 1}", (name,), old[i], _GONE))
    return found


def _item_rewrites(name: str, old: Any, new: Any, index: int) -> list[Rewrite]:
    """The fields of one published item that changed; an item that was empty where it is filled now is fine."""
    if not isinstance(old, BaseModel) or not isinstance(new, BaseModel):
        return [] if old == new else [Rewrite(f"{name}.{index + 1}", (name, index), old, new)]
    found: list[Rewrite] = []
    for field in type(old).model_fields:
        was, now = getattr(old, field), getattr(new, field, None)
        if _empty(was) or was == now:
            continue
        alias = type(old).model_fields[field].alias or field
        path = f"{name}.{index + 1}.{alias}"
        found.append(Rewrite(path, (name, index, alias) if not _empty(now) else (name, index), was, _GONE if _empty(now) else now))
    return found


def _keyed(kind: kinds.Kind, old: BaseModel, new: BaseModel | None) -> list[Rewrite]:
    """Keyed values (a plan's price) changed without a new row announcing it; a keyed item that is gone is its list's to report."""
    if new is None or not kind.facts.keyed:
        return []
    before, now = old.model_dump(mode="json", by_alias=True), new.model_dump(mode="json", by_alias=True)
    was = {(keyed.list, key): value for keyed, key, _, value in factrules.keyed_values(kind, before)}
    names = factrules.names_of(kind, now)
    found: list[Rewrite] = []
    for keyed, key, index, value in factrules.keyed_values(kind, now):
        published = {_canonical(row) for row in before.get(keyed.announced_in) or ()}
        rows = [row for row in now.get(keyed.announced_in) or () if _canonical(row) not in published]
        old_value = was.get((keyed.list, key), value)
        if old_value != value and not factrules.announced(keyed, names[key], old_value, value, rows):
            at = (keyed.list, index, keyed.field)
            found.append(
                Rewrite(".".join(map(str, (keyed.list, index + 1, keyed.field))), at, old_value, value, (factrules.keyed_path(keyed, key),))
            )
    return found


def _report(findings: Findings, ref: str, as_of: date, kind: str, old: Any, new: Any, rewrites: list[Rewrite]) -> None:
    if not rewrites:
        return
    id = getattr(old, "id", "")
    added = _new_corrections(old, new)
    for rewrite in rewrites:
        if covered(added, rewrite.path, *rewrite.also):
            continue
        loc = rewrite.loc if new is not None else ()
        findings.error(kind, id, loc, rewrite.message(ref), factrules.hint(kinds.kind(kind), rewrite.path, as_of))


def _new_corrections(old: Any, new: Any) -> list[Correction]:
    """The corrections `new` has that were not published yet: only these can cover a change."""
    if new is None:
        return []
    published = {_canonical(c) for c in getattr(old, "corrections", ())}
    return [c for c in getattr(new, "corrections", ()) if _canonical(c) not in published]


def _withdrawals(ref: str, old: tuple[Withdrawal, ...], new: tuple[Withdrawal, ...], findings: Findings) -> None:
    now = {(entry.kind, entry.id): (index, entry) for index, entry in enumerate(new)}
    for entry in old:
        index, current = now.get((entry.kind, entry.id), (None, None))
        if current == entry:
            continue
        what = f"the withdrawal of {entry.kind} '{entry.id}' ({entry.on}: {shown(entry.reason)})"
        message = f"{what} was published at {ref} and is {'missing' if current is None else 'changed'} now"
        loc: tuple[str | int, ...] = () if index is None else (index,)
        findings.error(WITHDRAWN, "", loc, message, HINT_WITHDRAWAL_STAYS)


def _missing(published: Published, records: RecordSet, seen: frozenset[tuple[str, str]], findings: Findings) -> None:
    withdrawn = {(entry.kind, entry.id) for entry in records.withdrawn}
    before = published.loaded.records
    was_withdrawn = {c.id for c in before.commitments if isinstance(c, Milestone) and c.status == "withdrawn"} if before else set()
    listing = records.source("withdrawn")
    for kind, id in sorted(published.loaded.seen):
        if kind not in kinds.withdrawable() or (kind, id) in seen or (kind, id) in withdrawn or (kind, id) in published.examples.unedited:
            continue  # an example from `trustpages init`, published as init wrote it, is meant to be deleted
        # At withdrawn.yml, where the fix goes, when there is one; else at the file that vanished (a GitHub
        # annotation then names it, not the whole content folder).
        file = listing.file if listing else display_path(records.root / str(kinds.kind(kind).folder) / f"{id}.yml")
        message = f"{kind} '{id}' was published at {published.ref} and is missing now"
        if kind == "commitment" and id in was_withdrawn:
            message += " (it was withdrawn by an update; keep its file so the site shows why)"
        findings.problems.append(Problem(file, 1, 1, "error", message, HINT_MISSING))


def _empty(value: Any) -> bool:
    return empty(value) or value is _GONE


def _canonical(value: Any) -> str:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True)
    return json.dumps(value, sort_keys=True, default=str)
