"""Turn an export's drafts into incident files and site.yml components, updating earlier imports in place.

Everything is planned before anything is written: each incident gets its file (the one an
earlier import gave it, else a new unique `YYYY-MM-DD-<slug>.yml`), its text is checked to
read back as the same record, and only then are files, site.yml and the state written.
A file whose bytes differ from what the last import wrote was edited by a person: it is
skipped unless `force`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from trustpages.importers import sitecomponents, state
from trustpages.importers.export import Draft, Export, SourceComponent, slugify
from trustpages.importers.progress import Progress
from trustpages.importers.yamlwriter import incident_yaml
from trustpages.records import Component, Incident
from trustpages.yamlsource import parse

Action = Literal["added", "updated", "unchanged", "skipped"]
INCIDENTS = state.INCIDENTS
KEEP_NOTE = "trustpages import updates this file until you edit it; from then on it leaves the file alone (unless --force)."


@dataclass(frozen=True)
class Change:
    """What the import does to one incident's file (relative to the content folder)."""

    action: Action
    file: str
    source_id: str
    text: str | None = None  # the new bytes, for added and updated
    reason: str = ""  # why, for skipped


@dataclass(frozen=True)
class Plan:
    """Everything one import would write, decided before writing any of it."""

    export: Export
    content: Path
    changes: tuple[Change, ...]
    new_components: tuple[Component, ...]
    site_path: Path
    site_text: str | None  # site.yml's new text, when components are added
    state_text: str

    def count(self, action: Action) -> int:
        return sum(1 for change in self.changes if change.action == action)


def plan(export: Export, content: Path, force: bool = False, progress: Progress | None = None) -> Plan:
    """Decide every file the import adds, updates or skips; raises SourceError for an unusable site.yml or state."""
    site = sitecomponents.load(content / "site.yml")
    earlier = state.load(content, export.tool)
    ids, new_components = _component_ids(export.components, site.components, earlier.components)
    after = state.ImportState(dict(earlier.incidents), {**earlier.components, **ids})
    taken = {w.file for w in earlier.incidents.values()}  # by earlier imports, then by this one
    changes: list[Change] = []
    for draft in export.drafts:
        change = _change(draft, ids, content, earlier, taken, force)
        changes.append(change)
        if change.action != "skipped":
            data = change.text.encode("utf-8") if change.text is not None else (content / change.file).read_bytes()
            after.incidents[draft.source_id] = state.Written(change.file, state.digest(data))
        if progress:
            progress.step()
    site_text = sitecomponents.with_components(site, list(new_components)) if new_components else None
    return Plan(export, content, tuple(changes), tuple(new_components), site.path, site_text, after.dumps(export.tool))


def apply(plan: Plan) -> None:
    """Write what `plan` decided: incident files, then site.yml, then the state (only what changed)."""
    for change in plan.changes:
        if change.text is not None:
            _write(plan.content / change.file, change.text)
    if plan.site_text is not None:
        _write(plan.site_path, plan.site_text)
    state_path = state.path(plan.content, plan.export.tool)
    if not state_path.exists() or state_path.read_text(encoding="utf-8") != plan.state_text:
        _write(state_path, plan.state_text)


def _component_ids(
    components: tuple[SourceComponent, ...], existing: tuple[Component, ...], remembered: dict[str, str]
) -> tuple[dict[str, str], list[Component]]:
    """The site.yml id of each source component, and the components site.yml is missing.

    An id an earlier import chose is kept; else a site.yml component with the same name
    (or an older name of it) is used; else the slug of its name, added to site.yml.
    """
    by_id = {c.id for c in existing}
    by_name = {c.name.casefold(): c.id for c in existing}
    ids: dict[str, str] = {}
    new: list[Component] = []
    new_ids: set[str] = set()
    for source in components:
        cid = remembered.get(source.key)
        if cid is None:
            cid = next((by_name[n.casefold()] for n in (source.name, *source.aliases) if n.casefold() in by_name), None)
        if cid is None:
            cid = slugify(source.name) or "component"
            if cid in new_ids:  # two source components with names that slug alike
                cid = next(f"{cid}-{n}" for n in range(2, 10_000) if f"{cid}-{n}" not in new_ids | by_id)
        ids[source.key] = cid
        if cid not in by_id and cid not in new_ids:
            new.append(Component(id=cid, name=source.name, group=source.group, description=source.description))
            new_ids.add(cid)
    return ids, new


def _change(draft: Draft, ids: dict[str, str], content: Path, earlier: state.ImportState, taken: set[str], force: bool) -> Change:
    sid = draft.source_id
    written = earlier.incidents.get(sid)
    if written is not None:
        text = _render(draft, ids, Path(written.file).stem)
        path = content / written.file
        if not path.exists():
            if force:
                return Change("added", written.file, sid, text)
            return Change("skipped", written.file, sid, reason="deleted by hand since the last import; --force writes it again")
        current = path.read_bytes()
        if current == text.encode("utf-8"):
            return Change("unchanged", written.file, sid)
        if state.digest(current) == written.sha256 or force:
            return Change("updated", written.file, sid, text)
        return Change("skipped", written.file, sid, reason="edited by hand since the last import; --force overwrites it")
    # "Incident on 2020-11-18 23:02 UTC" -> 2020-11-18-incident-on-23-02-utc: the date once is enough.
    words = slugify(draft.incident.title).replace(f"{draft.day}-", "").removesuffix(f"-{draft.day}")
    base = f"{draft.day}-{words or 'incident'}"
    for n in range(1, 10_000):
        stem = base if n == 1 else f"{base}-{n}"
        file = f"{INCIDENTS}/{stem}.yml"
        if file in taken:
            continue
        text = _render(draft, ids, stem)
        path = content / file
        if path.exists():
            current = path.read_bytes()
            if current == text.encode("utf-8"):
                taken.add(file)
                return Change("unchanged", file, sid)  # written by an import whose state was lost
            if _first_line(current) == f"# {draft.origin}":
                taken.add(file)
                if force:
                    return Change("updated", file, sid, text)
                return Change(
                    "skipped", file, sid, reason="imported before but edited since (its import state is gone); --force overwrites it"
                )
            continue  # someone else's file: never overwritten, take the next name
        taken.add(file)
        return Change("added", file, sid, text)
    raise AssertionError(f"no free file name for {base}")  # pragma: no cover


def _render(draft: Draft, ids: dict[str, str], stem: str) -> str:
    """The file's text, checked to read back as exactly this record."""
    affected = tuple(dict.fromkeys(ids[key] for key in draft.components))
    incident = draft.incident.model_copy(update={"id": stem, "affected": affected})
    text = incident_yaml(incident, [draft.origin, KEEP_NOTE], draft.notes)
    value = parse(text.encode("utf-8")).value
    if Incident.model_validate({**value, "id": stem}) != incident:  # pragma: no cover - a bug in the writer
        raise AssertionError(f"the YAML written for {draft.source_id} does not read back as the same incident")
    return text


def _first_line(data: bytes) -> str:
    return data.split(b"\n", 1)[0].decode("utf-8", "replace")


def _write(path: Path, text: str) -> None:
    """Replace `path` in one step, so an interrupted import never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")  # a dot name: the loader never reads it
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
