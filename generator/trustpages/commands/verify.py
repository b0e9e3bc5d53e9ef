"""`trustpages verify URL`: check a site's public log without its repository or trust in the company.

Downloads the log, recomputes every checkpoint's root from the entries, proves that the log
extends a checkpoint the reader kept (`--since`: recomputed, and the site's own consistency proof
checked too), checks that the site's open data (/api/v1) says what the log's latest state says,
and tells in plain words what was published, corrected and withdrawn since. `--save` keeps the
current checkpoint for next time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from trustpages import kinds
from trustpages.commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from trustpages.publiclog import merkle
from trustpages.publiclog.facts import EXISTS, WITHDRAWN
from trustpages.publiclog.fetch import Unreadable, join, read, read_log
from trustpages.publiclog.log import PROOFS, Checkpoint, Log, LogError


def register(commands: argparse._SubParsersAction) -> None:
    verify = commands.add_parser(
        "verify",
        help="check a published site's public log: consistent, extending a checkpoint you kept, matching its open data",
        description="Download the public log of the site at URL, recompute it, and check that it extends the checkpoint "
        "in FILE (--since) and that the site's /api/v1 data agrees with it. Exit 0 when consistent, 1 when not, 2 on usage errors.",
    )
    verify.add_argument("url", metavar="URL", help="the site's address, e.g. https://trust.example.com")
    verify.add_argument("--since", metavar="FILE", type=Path, default=None, help="a checkpoint you saved before (--save)")
    verify.add_argument("--save", metavar="FILE", type=Path, default=None, help="write the current checkpoint to FILE")
    verify.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    since = None
    if args.since is not None:
        try:
            since = Checkpoint.parse(json.loads(args.since.read_text(encoding="utf-8")))
        except (OSError, ValueError, LogError, RecursionError) as exc:
            print(f"trustpages: error: {args.since}: not a checkpoint saved by `trustpages verify --save` ({exc})", file=sys.stderr)
            return EXIT_USAGE
    try:
        log = read_log(args.url)
    except Unreadable as exc:
        print(f"NOT VERIFIED: {exc}")
        return EXIT_PROBLEMS
    latest = log.checkpoints[-1]
    failures: list[str] = []
    if since is not None:
        failures += _extends(log, since, args.url)
    failures += _agrees(log, args.url)
    if failures:
        print("NOT VERIFIED:")
        print("\n".join(f"- {failure}" for failure in failures))
        return EXIT_PROBLEMS
    print(f"verified: {args.url} serves a consistent public log of {log.size} facts (checkpoint {latest.root[:16]}…, {latest.time})")
    if log.checkpoints[0].first_publication:
        print(f"  it began with the first publication on {log.checkpoints[0].time}")
    if since is not None:
        print(f"  it extends your checkpoint of {since.size} facts ({since.time}); since then:")
        print("\n".join(f"  {line}" for line in _since(log, since.size)) or "  nothing new")
    if args.save is not None:
        args.save.write_text(json.dumps(latest.as_json(), indent=1) + "\n", encoding="utf-8")
        print(f"  saved this checkpoint to {args.save}; next time: trustpages verify {args.url} --since {args.save}")
    print(f"  ({time.perf_counter() - started:.1f} s)")
    return EXIT_OK


def _extends(log: Log, since: Checkpoint, url: str) -> list[str]:
    """Why the log does not extend `since` (empty when it does): shorter, or another tree of the same entries count."""
    if since.size > log.size:
        return [f"the log has {log.size} facts, fewer than the {since.size} of your checkpoint: published facts were removed"]
    if log.root_at(since.size).hex() != since.root:
        return [
            f"the first {since.size} facts of the log are not the ones your checkpoint saw ({since.time}): "
            "the log was rewritten or forked since"
        ]
    if since.size in (0, log.size):
        return []
    try:
        proof = json.loads(read(join(url, f"{PROOFS}/{since.size}.json")))
        nodes = [bytes.fromhex(node) for node in proof["proof"]]
    except (Unreadable, ValueError, KeyError, TypeError, RecursionError):
        return []  # a checkpoint the site never published (one saved by a reader mid-way): the recomputation above is the proof
    root = log.root_at(log.size)
    if not merkle.verify_consistency(since.size, log.size, bytes.fromhex(since.root), root, nodes):
        return [f"the site's consistency proof from {since.size} facts does not verify"]
    return []


def _agrees(log: Log, url: str) -> list[str]:
    """Where the site's /api/v1 data says something other than the log's latest state."""
    state = log.state()
    withdrawn = {log.entries[index].path for index in state.get((WITHDRAWN, ""), {}).values()}
    failures: list[str] = []
    for kind in kinds.kinds():
        if kind.folder is None:
            continue
        logged = {id: facts for (name, id), facts in state.items() if name == kind.name and EXISTS in facts}
        if not logged:
            continue
        try:
            document = json.loads(read(join(url, f"api/v1/{kind.folder}.json")))
            items = {item["id"]: item for item in _records_in(document, kind.folder)}
        except (Unreadable, ValueError, KeyError, TypeError, RecursionError) as exc:
            failures.append(f"api/v1/{kind.folder}.json cannot be read to compare with the log ({exc})")
            continue
        for id, facts in sorted(logged.items()):
            item = items.get(id)
            if item is None:
                if f"{kind.name}/{id}" not in withdrawn:
                    failures.append(f"{kind.name} '{id}' is in the log but not in api/v1/{kind.folder}.json, and was not withdrawn")
                continue
            failures += [f"{kind.name} '{id}': {problem}" for problem in _item_agrees(log, facts, item)]
        for id in sorted(set(items) - set(logged)):
            failures.append(f"{kind.name} '{id}' is in api/v1/{kind.folder}.json but was never logged")
    return failures


def _records_in(document: Any, name: str) -> list[dict[str, Any]]:
    """The list of records in an open data document: under the kind's folder name, else its one list of items with ids."""
    lists = [
        value
        for key, value in document.items()
        if isinstance(value, list) and (key == name or all(isinstance(v, dict) and "id" in v for v in value))
    ]
    if not lists:
        raise KeyError(name)
    return list(document[name] if name in document else lists[0])


def _item_agrees(log: Log, facts: dict[str, int], item: dict[str, Any]) -> list[str]:
    found = []
    for key, index in facts.items():
        entry = log.entries[index]
        if key == EXISTS:
            continue
        if "#" not in key:
            if "." not in key and key in item and item[key] != entry.value:
                found.append(f"{entry.path} is {item[key]!r} in the open data, {entry.value!r} in the log")
            continue
        name = key.split("#", 1)[0]
        served = item.get(name)
        if isinstance(served, list) and not any(_contains(value, entry.value) for value in served):
            found.append(f"{entry.path} as logged ({entry.time}) is missing from the open data")
    return found


def _contains(served: Any, logged: Any) -> bool:
    """Whether the served item says at least what the logged one does (open data may add computed fields)."""
    if isinstance(logged, dict) and isinstance(served, dict):
        return all(value in (None, [], "") or served.get(key) == value for key, value in logged.items())
    return bool(served == logged)


def _since(log: Log, size: int) -> list[str]:
    """What the entries after `size` did, in plain words, a line each (corrections and withdrawals first)."""
    lines: list[str] = []
    added: dict[tuple[str, str], int] = {}
    for entry in log.entries[size:]:
        if entry.replaces is not None:
            old = log.entries[entry.replaces]
            lines.append(
                f"corrected {entry.kind} '{entry.id}' {entry.path}: was {_short(old.value)}, now {_short(entry.value)} ({entry.time})"
            )
        elif entry.kind == WITHDRAWN:
            lines.append(f"withdrew {entry.path}: {_short(entry.value.get('reason') if isinstance(entry.value, dict) else entry.value)}")
        else:
            added[(entry.kind, entry.id)] = added.get((entry.kind, entry.id), 0) + 1
    lines += [
        f"published {count} new fact(s) of {kind} '{id}'" if id else f"published {count} new fact(s) of {kind}"
        for (kind, id), count in added.items()
    ]
    return lines


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return repr(text if len(text) <= 80 else text[:79] + "…")
