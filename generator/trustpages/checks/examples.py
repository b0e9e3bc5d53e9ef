"""The example records `trustpages init` writes, known again by the mark init leaves beside them, never by their names.

init writes `content/.examples.json` (MARKS): each example's kind, id and the SHA-256 of its file
as written. A record is an example while its file is, byte for byte, what that mark says: edited,
it is the company's own record, whatever its name. So:

* `check` warns while any example is left, so `check --strict` (pull requests) fails until each is
  replaced or deleted.
* `check --against REF` lets a record published at REF vanish without a withdrawal only when REF's
  marks name it and its file at REF was the marked one. An example edited and then published was
  read by customers as the company's own words: deleting it needs a withdrawal like any record.
* Marks are fixed at the site's first publication: against REF, a mark that REF's marks did not
  have (new, or with another digest) is an error. A published promise can never be made an example
  afterwards, by renaming it (the id is not the mark) or by marking it (the mark must already be at
  REF, with the digest of REF's file). Entries may be removed, and the file deleted.

Why a digest in a file of its own: a YAML field would be a new field of the binding record format,
and a comment in the record could be added after publication without changing a published fact.
What stays open is a mark made before anything was published, in the very commit that first
publishes it; that commit is public, and the marked record reads as an example.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from trustpages import gitrefs, kinds
from trustpages.checks.findings import Findings
from trustpages.problems import Problem, display_path
from trustpages.records import RecordSet

MARKS = ".examples.json"
ABOUT = (
    "The example records trustpages init wrote, each with the SHA-256 of its file as init wrote it. While a file "
    "is still byte for byte that, deleting it needs no withdrawal (trustpages check --against). Remove entries "
    "freely; an entry added or changed after the site was first published is an error."
)
HINT_BAD = "restore it from git as trustpages init wrote it, or delete it: then no record counts as an example"


@dataclass(frozen=True, order=True)
class Mark:
    """One example as init wrote it: which record, and the SHA-256 of its file's bytes."""

    kind: str
    id: str
    sha256: str

    @property
    def path(self) -> str:
        """The record's file, relative to the content folder."""
        return f"{kinds.kind(self.kind).folder}/{self.id}.yml"


@dataclass(frozen=True)
class Examples:
    """The marks at a published ref, and which of those records were still, at that ref, the files init wrote."""

    marks: frozenset[Mark] = frozenset()
    unedited: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (kind, id)


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def marks_text(files: Iterable[tuple[str, str]]) -> str:
    """MARKS for the record files init writes, given as (path relative to the content folder, text)."""
    marks = []
    for relative, text in files:
        parts = PurePosixPath(relative).parts
        kind = kinds.by_folder(parts[0]) if len(parts) == 2 and relative.endswith(".yml") else None
        if kind is not None:
            marks.append(Mark(kind.name, parts[1].removesuffix(".yml"), digest(text.encode("utf-8"))))
    lines = ",\n".join(f"    {json.dumps({'kind': m.kind, 'id': m.id, 'sha256': m.sha256}, ensure_ascii=False)}" for m in sorted(marks))
    return f'{{\n  "about": {json.dumps(ABOUT)},\n  "examples": [\n{lines}\n  ]\n}}\n'


def parse(text: str, file: str) -> tuple[frozenset[Mark], list[Problem]]:
    """The marks in MARKS's `text`; a file that is not what init writes marks nothing and is one error."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return frozenset(), [Problem(file, exc.lineno, exc.colno, "error", f"not valid JSON: {exc.msg}", HINT_BAD)]
    entries = value.get("examples") if isinstance(value, dict) else None
    if not isinstance(entries, list):
        return frozenset(), [Problem(file, 1, 1, "error", 'expected an object with an "examples" list', HINT_BAD)]
    marks: set[Mark] = set()
    with_ids = {k.name for k in kinds.kinds() if k.folder is not None}
    for index, entry in enumerate(entries):
        fields = entry if isinstance(entry, dict) else {}
        kind, id, sha256 = fields.get("kind"), fields.get("id"), fields.get("sha256")
        if not (isinstance(kind, str) and kind in with_ids and isinstance(id, str) and isinstance(sha256, str)):
            message = f"examples entry {index + 1}: expected kind (of a record with an id), id and sha256"
            return frozenset(), [Problem(file, _line_of(text, json.dumps(entry)), 1, "error", message, HINT_BAD)]
        marks.add(Mark(kind, id, sha256))
    return frozenset(marks), []


def read(content: Path) -> tuple[frozenset[Mark], list[Problem]]:
    """The marks in `content` now; none when init left none (or they were deleted)."""
    path = content / MARKS
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset(), []
    except (OSError, UnicodeDecodeError) as exc:
        return frozenset(), [Problem(display_path(path), 1, 1, "error", f"cannot read it: {exc}", HINT_BAD)]
    return parse(text, display_path(path))


def at(ref: str, content: Path) -> Examples:
    """The marks at git `ref` and the records whose files at `ref` were byte for byte the marked ones.

    Raises gitrefs.GitError as gitrefs.load_at does; a marks file at `ref` that does not parse marks nothing.
    """
    place = gitrefs.locate(content)
    sha = gitrefs.resolve(ref, place.top)

    def name(relative: str) -> str:
        return f"{sha}:{relative if str(place.prefix) == '.' else f'{place.prefix.as_posix()}/{relative}'}"

    raw = gitrefs.blobs(place.top, [name(MARKS)])[name(MARKS)]
    if raw is None:
        return Examples()
    marks, _ = parse(raw.decode("utf-8", "replace"), MARKS)
    files = gitrefs.blobs(place.top, (name(mark.path) for mark in marks))
    unedited = {(m.kind, m.id) for m in marks if (found := files.get(name(m.path))) is not None and digest(found) == m.sha256}
    return Examples(marks, frozenset(unedited))


def against(ref: str, published: Examples, content: Path) -> list[Problem]:
    """A mark in `content` that was not at `ref`, as it is now: marks come only with the first publication.

    A marks file that does not parse is reported by `check` (through `examples.check`), not again here.
    """
    marks, problems = read(content)
    if problems or not marks - published.marks:
        return []
    path = content / MARKS
    text = path.read_text(encoding="utf-8")
    return [
        Problem(
            display_path(path),
            _line_of(text, f'"id": {json.dumps(mark.id, ensure_ascii=False)}'),
            1,
            "error",
            f"{mark.kind} '{mark.id}' is marked as an example of trustpages init, but was not marked so at {ref}",
            "marks come only with a site's first publication: remove the entry (a record taken down is listed in content/withdrawn.yml)",
        )
        for mark in sorted(marks - published.marks)
    ]


def marked(records: RecordSet) -> frozenset[tuple[str, str]]:
    """(kind, id) of every record init's marks name, edited or not; none when the marks file is missing or broken."""
    marks, _ = read(records.root)
    return frozenset((mark.kind, mark.id) for mark in marks)


def check(records: RecordSet, findings: Findings) -> None:
    """One warning, at the first example, while any example record is left as init wrote it."""
    marks, problems = read(records.root)
    findings.problems.extend(problems)
    present = {(kind.name, record.id) for kind in kinds.kinds() if kind.folder is not None for record in kind.of(records)}
    examples = [mark for mark in sorted(marks) if (mark.kind, mark.id) in present and _unedited(records.root, mark)]
    if not examples:
        return
    order = {kind.name: index for index, kind in enumerate(kinds.kinds())}
    first = min(examples, key=lambda mark: (order[mark.kind], mark.id))
    count = f"{len(examples)} example record{'s are' if len(examples) != 1 else ' is'}"
    findings.warning(
        first.kind,
        first.id,
        (),
        f"{count} still in {display_path(records.root)}/: replace or delete them",
        f'write your own records (trustpages new incident "…"), then delete the examples listed in {display_path(records.root / MARKS)}',
    )


def _unedited(content: Path, mark: Mark) -> bool:
    try:
        return digest((content / mark.path).read_bytes()) == mark.sha256
    except OSError:
        return False


def _line_of(text: str, needle: str) -> int:
    """The line `needle` is on in `text` (1 when it is not there): marks are written one per line."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1
