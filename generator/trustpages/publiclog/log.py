"""The public log itself: its entries, checkpoints and proofs, as files served with the site under /log/.

One entry per published fact that is new or changed, in the order it was published, each the
canonical JSON of: the fact (kind, record id, key, path, value), the time the publishing build
first published it, the source commit, and for a change the entry it replaces. A checkpoint is
(size, root, time); the site serves every checkpoint it made and a consistency proof from each
to the latest, so whoever kept any checkpoint can check the log only grew since.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from trustpages.publiclog import merkle
from trustpages.publiclog.facts import Fact, canonical

FOLDER = "log"
ENTRIES = f"{FOLDER}/entries.jsonl"
CHECKPOINT = f"{FOLDER}/checkpoint.json"
CHECKPOINTS = f"{FOLDER}/checkpoints.json"
FEED = f"{FOLDER}/checkpoints.xml"  # an Atom feed of checkpoints: any feed reader keeps an independent copy
PROOFS = f"{FOLDER}/proofs"  # <m>.json: from the checkpoint of size m to the latest


class LogError(Exception):
    """A log that does not hold together (a bad entry, a root that does not match); the message says what."""


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    key: str
    path: str
    value: Any
    time: str  # when the publishing build first published it, UTC: 2026-12-06T21:40:00Z
    commit: str  # the source commit it was published from
    replaces: int | None = None  # the entry (its index) whose fact this one corrects

    def encoded(self) -> bytes:
        data: dict[str, Any] = {
            "kind": self.kind,
            "id": self.id,
            "key": self.key,
            "path": self.path,
            "value": self.value,
            "time": self.time,
            "commit": self.commit,
        }
        if self.replaces is not None:
            data["replaces"] = self.replaces
        return canonical(data).encode("utf-8")

    @property
    def published(self) -> datetime:
        return parse_time(self.time)

    @classmethod
    def decode(cls, line: bytes, number: int) -> Entry:
        try:
            data = json.loads(line)
            entry = cls(
                **{name: data[name] for name in ("kind", "id", "key", "path", "value", "time", "commit")},
                replaces=data.get("replaces"),
            )
            ok = all(isinstance(getattr(entry, name), str) for name in ("kind", "id", "key", "path", "time", "commit"))
            ok = ok and (entry.replaces is None or (type(entry.replaces) is int and 0 <= entry.replaces < number))
            parse_time(entry.time)
        except (ValueError, KeyError, TypeError, RecursionError):
            ok = False
        if not ok or entry.encoded() != line:
            raise LogError(f"entry {number + 1} is not a log entry in canonical form")
        return entry


@dataclass(frozen=True)
class Checkpoint:
    size: int
    root: str  # hex
    time: str
    first_publication: bool = False

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"size": self.size, "root": self.root, "time": self.time}
        if self.first_publication:
            data["first_publication"] = True
        return data

    @classmethod
    def parse(cls, data: Any) -> Checkpoint:
        try:
            checkpoint = cls(int(data["size"]), str(data["root"]), str(data["time"]), bool(data.get("first_publication", False)))
            bytes.fromhex(checkpoint.root)
            parse_time(checkpoint.time)
        except (ValueError, KeyError, TypeError, AttributeError):
            raise LogError("not a checkpoint: it needs size, root (hex) and time") from None
        if checkpoint.size < 0 or len(checkpoint.root) != 64:
            raise LogError("not a checkpoint: its size or root is out of shape")
        return checkpoint


@dataclass
class Log:
    """Entries with their leaf hashes, and the checkpoints published so far."""

    entries: list[Entry] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    leaves: list[bytes] = field(default_factory=list)

    @classmethod
    def read(cls, entries: bytes, checkpoints: bytes) -> Log:
        """A served log, checked: every entry canonical, every checkpoint the root of the entries it counts."""
        log = cls()
        for number, line in enumerate(entries.splitlines()):
            entry = Entry.decode(line, number)
            log.entries.append(entry)
            log.leaves.append(merkle.leaf_hash(line))
        try:
            listed = json.loads(checkpoints)
        except (ValueError, RecursionError):
            raise LogError("checkpoints.json is not JSON") from None
        if not isinstance(listed, list) or not listed:
            raise LogError("checkpoints.json lists no checkpoint")
        log.checkpoints = [Checkpoint.parse(item) for item in listed]
        sizes = [c.size for c in log.checkpoints]
        if sizes != sorted(sizes) or sizes[-1] != len(log.entries):
            raise LogError(f"the checkpoints do not end at the log's size ({len(log.entries)} entries)")
        for checkpoint in log.checkpoints:
            if log.root_at(checkpoint.size).hex() != checkpoint.root:
                raise LogError(f"the checkpoint of size {checkpoint.size} does not match the entries: the log was rewritten")
        return log

    @property
    def size(self) -> int:
        return len(self.entries)

    def root_at(self, size: int) -> bytes:
        return merkle.root(self.leaves[:size])

    def append(self, entry: Entry) -> int:
        self.entries.append(entry)
        self.leaves.append(merkle.leaf_hash(entry.encoded()))
        return len(self.entries) - 1

    def checkpoint(self, time: str, first_publication: bool = False) -> Checkpoint:
        made = Checkpoint(self.size, self.root_at(self.size).hex(), time, first_publication)
        self.checkpoints.append(made)
        return made

    def state(self) -> dict[tuple[str, str], dict[str, int]]:
        """Each record's facts as last published: key → index of the entry that published its value."""
        found: dict[tuple[str, str], dict[str, int]] = {}
        for index, entry in enumerate(self.entries):
            if entry.replaces is not None:
                old = self.entries[entry.replaces]
                found.get((old.kind, old.id), {}).pop(old.key, None)
            found.setdefault((entry.kind, entry.id), {})[entry.key] = index
        return found

    def files(self) -> dict[str, bytes]:
        """The files the site serves, by path: entries, checkpoints, the latest, and a proof from each earlier one."""
        latest = self.checkpoints[-1]
        files = {
            ENTRIES: b"".join(entry.encoded() + b"\n" for entry in self.entries),
            CHECKPOINT: _json(latest.as_json()),
            CHECKPOINTS: _json([c.as_json() for c in self.checkpoints]),
            FEED: _feed(self.checkpoints),
        }
        for earlier in {c.size for c in self.checkpoints[:-1] if 0 < c.size}:
            proof = merkle.consistency_proof(self.leaves, earlier)
            files[f"{PROOFS}/{earlier}.json"] = _json({"from": earlier, "to": latest.size, "proof": [node.hex() for node in proof]})
        return files


def entry_for(fact: Fact, time: str, commit: str, replaces: int | None = None) -> Entry:
    return Entry(fact.kind, fact.id, fact.key, fact.path, fact.value, time, commit, replaces)


def now() -> str:
    return format_time(datetime.now(UTC))


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{text}: a log time has its offset")
    return moment.astimezone(UTC)


def publication_times(log: Log) -> dict[tuple[str, str, str], datetime]:
    """When each fact now in the log was first published: (kind, id, key) → time.

    The facts of the first publication are left out: the log began with them, so it can say
    nothing of when they were first made public (its first checkpoint says so; the page too).
    """
    first = log.checkpoints[0].size if log.checkpoints and log.checkpoints[0].first_publication else 0
    return {
        (kind, id, key): log.entries[index].published
        for (kind, id), facts in log.state().items()
        for key, index in facts.items()
        if index >= first
    }


def _feed(checkpoints: list[Checkpoint]) -> bytes:
    """Every checkpoint as an Atom entry, newest first; ids and text hold only the checkpoint itself."""
    entries = "".join(
        f"<entry><id>urn:trustpages:checkpoint:{c.size}:{c.root}</id><title>{c.size} facts, root {c.root[:16]}…</title>"
        f'<updated>{escape(c.time)}</updated><content type="text">size {c.size}, root {c.root}, time {escape(c.time)}'
        f"{', first publication' if c.first_publication else ''}</content></entry>"
        for c in reversed(checkpoints)
    )
    first = checkpoints[0]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:trustpages:log:{first.root}</id><title>Public log checkpoints</title><updated>{escape(checkpoints[-1].time)}</updated>"
        f"<author><name>trustpages</name></author>{entries}</feed>\n"
    ).encode()


def _json(value: Any) -> bytes:
    return (json.dumps(value, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def keys(entries: Iterable[Entry]) -> set[tuple[str, str, str]]:
    return {(e.kind, e.id, e.key) for e in entries}
