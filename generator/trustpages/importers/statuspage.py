"""Read a Statuspage API v2 export (summary.json, incidents.json, scheduled-maintenances.json) into drafts.

Mapping, field by field: `name` -> title; `impact` -> impact (a window with `scheduled_for`
is maintenance; a minor one that put a component in partial_outage is partial, which Statuspage's
impacts have no level for); `started_at` -> started (maintenance: when it went in progress);
`resolved_at` -> resolved, and nothing when it is null; components of the incident and
of its updates -> affected; every update (`display_at`, else `created_at`) -> updates,
oldest first, its HTML body as Markdown. The export has no summary: the first update's
text, shortened, stands in for one (or the title, without updates).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

from trustpages.importers import markup
from trustpages.importers.export import Draft, Export, SourceComponent, SourceError, made_valid, stamp, whole_seconds
from trustpages.problems import display_path
from trustpages.records import Incident, IncidentUpdate
from trustpages.records.incident import UpdateStatus

_UPDATE_STATUSES = set(UpdateStatus.__args__)  # type: ignore[attr-defined]
_IMPACTS = {"none", "minor", "major", "critical", "maintenance"}
_MAINTENANCE_STATUSES = {"scheduled", "in_progress", "verifying", "completed"}
MAX_EXPORT_BYTES = 200_000_000  # a page with ten thousand incidents exports a few tens of megabytes


class _Loose(BaseModel):
    """Statuspage's JSON: only the fields we map, the rest ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class _Component(_Loose):
    id: str
    name: str
    description: str | None = None
    group: bool = False
    group_id: str | None = None


class _AffectedComponent(_Loose):
    code: str
    name: str = ""
    new_status: str = ""


class _Update(_Loose):
    status: str
    body: str | None = None
    created_at: AwareDatetime
    display_at: AwareDatetime | None = None
    affected_components: list[_AffectedComponent] | None = None

    @property
    def at(self) -> datetime:
        return whole_seconds(self.display_at or self.created_at)


class _Incident(_Loose):
    id: str
    name: str | None = None
    status: str = ""
    impact: str = "none"
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None
    started_at: AwareDatetime | None = None
    resolved_at: AwareDatetime | None = None
    scheduled_for: AwareDatetime | None = None
    scheduled_until: AwareDatetime | None = None
    shortlink: str | None = None
    postmortem_body: str | None = None
    components: list[_Component] | None = None
    incident_updates: list[_Update] = []


class _Export(_Loose):
    components: list[_Component] = []
    incidents: list[_Incident] = []
    scheduled_maintenances: list[_Incident] = []


def read(path: Path) -> Export:
    """The drafts of every incident in the export at `path`."""
    file = display_path(path)
    try:
        if path.is_file() and path.stat().st_size > MAX_EXPORT_BYTES:
            raise SourceError(f"{file}: larger than {MAX_EXPORT_BYTES:,} bytes; export fewer incidents at a time")
        raw = json.loads(path.read_bytes())
    except RecursionError:  # Python's JSON parser recurses once per level
        raise SourceError(f"{file}: nested too deeply to be a Statuspage export") from None
    except FileNotFoundError:
        raise SourceError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{file}: is a folder; pass the exported JSON file (summary.json or incidents.json)") from None
    except UnicodeDecodeError:
        raise SourceError(f"{file}: not UTF-8 text; a Statuspage export is JSON") from None
    except json.JSONDecodeError as exc:
        raise SourceError(f"{file}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except OSError as exc:  # unreadable, a pipe, …
        raise SourceError(f"{file}: cannot be read ({exc.strerror or exc})") from None
    if isinstance(raw, list):
        raw = {"incidents": raw}
    elif isinstance(raw, dict) and isinstance(raw.get("incident"), dict):
        raw = {**raw, "incidents": [raw["incident"]]}
    if not isinstance(raw, dict) or not ({"incidents", "scheduled_maintenances"} & raw.keys()):
        raise SourceError(f"{file}: not a Statuspage export (expected an object with 'incidents', like summary.json or incidents.json)")
    try:
        export = _Export.model_validate(raw)
    except ValidationError as exc:
        raise SourceError(f"{file}: {_explain(exc, raw)}") from None
    incidents = _unique([*export.incidents, *export.scheduled_maintenances])
    components = _components(export, incidents)
    drafts = []
    for incident in incidents:
        with made_valid(f"{file}: incident {incident.id}"):
            drafts.append(_draft(incident))
    return Export("statuspage", file, components, tuple(drafts))


def _explain(exc: ValidationError, raw: dict[str, Any]) -> str:
    """The first problem, as `incidents[3] (id abc): created_at: expected ...`."""
    error = exc.errors(include_url=False)[0]
    loc = error["loc"]
    where = ""
    for part in loc:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    ident = ""
    if len(loc) > 2 and isinstance(loc[1], int):
        try:
            ident = f" (incident {raw[loc[0]][loc[1]]['id']})"  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            pass
    kind = error["type"]
    if kind == "missing":
        problem = "is missing"
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        problem = "expected an object ({...})"
    elif kind == "list_type":
        problem = "expected a list ([...])"
    elif kind.startswith("datetime") or kind == "timezone_aware":
        problem = f"expected a moment with its time zone, like 2020-11-18T23:02:10.335Z; got {error.get('input')!r}"
    elif kind == "string_type":
        problem = f"expected text; got {error.get('input')!r}"
    else:
        problem = error["msg"][:1].lower() + error["msg"][1:]
    return f"{where}{ident}: {problem}"


def _unique(incidents: list[_Incident]) -> list[_Incident]:
    """One incident per id (summary.json can list a maintenance twice), the latest version; oldest first."""
    latest: dict[str, _Incident] = {}
    for incident in incidents:
        known = latest.get(incident.id)
        if known is None or (incident.updated_at or incident.created_at) >= (known.updated_at or known.created_at):
            latest[incident.id] = incident
    return sorted(latest.values(), key=lambda i: (i.started_at or i.created_at, i.id))


def _components(export: _Export, incidents: list[_Incident]) -> tuple[SourceComponent, ...]:
    """Every component of the page, then any only incidents name; groups only when an incident names one."""
    groups = {c.id: c.name for c in export.components if c.group}
    seen: dict[str, list[str]] = {}  # key -> names seen in incidents, newest last
    for incident in incidents:
        for key, name in _keys(incident):
            seen.setdefault(key, [])
            if name and name not in seen[key]:
                seen[key].append(name)
    listed: list[SourceComponent] = []
    for c in export.components:
        if c.group and c.id not in seen:
            continue
        aliases = tuple(name for name in seen.get(c.id, []) if name != c.name)
        description = " ".join(c.description.split()) if c.description and c.description.strip() else None
        listed.append(SourceComponent(c.id, c.name.strip(), description, groups.get(c.group_id or ""), aliases))
    known = {c.key for c in listed}
    for key, names in seen.items():
        if key not in known:
            name = names[-1] if names else key
            listed.append(SourceComponent(key, name, aliases=tuple(n for n in names if n != name)))
    return tuple(listed)


def _keys(incident: _Incident) -> list[tuple[str, str]]:
    """(id, name) of each component the incident or its updates name, in order of first mention."""
    keys = [(c.id, c.name) for c in incident.components or []]
    for update in sorted(incident.incident_updates, key=lambda u: u.at):
        keys += [(c.code, c.name) for c in update.affected_components or []]
    return keys


def _impact(incident: _Incident, maintenance: bool, notes: dict[str, str]) -> str:
    """The impact in trustpages' words: maintenance for a scheduled window, none for one it does not know (said in `notes`)."""
    if maintenance:
        if incident.impact != "maintenance":
            notes["impact"] = f"Statuspage's impact was '{incident.impact}'; a scheduled window is maintenance here."
        return "maintenance"
    if incident.impact not in _IMPACTS:
        notes["impact"] = f"Statuspage's impact '{incident.impact}' is not one trustpages knows."
        return "none"
    if incident.impact == "minor" and any(
        c.new_status == "partial_outage" for u in incident.incident_updates for c in u.affected_components or []
    ):
        notes["impact"] = "Statuspage's impact was 'minor', with a component in partial outage: a partial outage here."
        return "partial"
    return incident.impact


def _started_and_resolved(
    incident: _Incident, updates: list[_Update], maintenance: bool, notes: dict[str, str]
) -> tuple[datetime | None, datetime | None]:
    """When it started and was resolved: never resolved before its last update, never started after it was resolved."""
    started = _started(incident, updates, maintenance, notes)
    resolved = whole_seconds(incident.resolved_at) if incident.resolved_at else None
    if resolved is None:
        notes["resolved"] = "No resolved: the export has no resolved_at, so this stays ongoing until it has one."
        if incident.status in {"resolved", "postmortem", "completed"}:
            notes["resolved"] += f" (Statuspage's status says '{incident.status}'.)"
    elif updates and updates[-1].at > resolved:
        notes["resolved"] = f"Statuspage's resolved_at is {stamp(resolved)}; an update was posted later, so resolved is that update's time."
        resolved = updates[-1].at
    if resolved is not None and started is not None and resolved < started:
        notes["started"] = f"Statuspage's started_at ({stamp(started)}) is after its resolved_at; started is resolved_at."
        started = resolved
    return started, resolved


def _record_updates(updates: list[_Update], notes: dict[str, str]) -> list[IncidentUpdate]:
    """Each update in trustpages' statuses, as Markdown; one it cannot say as it was is noted."""
    record_updates = []
    for i, update in enumerate(updates):
        status = update.status if update.status in _UPDATE_STATUSES else "update"
        body = _text(markup.to_markdown(update.body or ""))
        if status != update.status:
            notes[f"updates[{i}]"] = f"Statuspage's status was '{update.status}'."
        if not body:
            body = "(no text)"
            notes[f"updates[{i}]"] = (notes.get(f"updates[{i}]", "") + " The update had no text.").strip()
        record_updates.append(IncidentUpdate(at=update.at, status=status, body=body))
    return record_updates


def _draft(incident: _Incident) -> Draft:
    notes: dict[str, str] = {}
    # Statuspage lists updates newest first; the stable sort keeps same-second updates in posting order.
    updates = sorted(reversed(incident.incident_updates), key=lambda u: u.at)
    maintenance = incident.impact == "maintenance" or (incident.scheduled_for is not None and incident.status in _MAINTENANCE_STATUSES)
    impact = _impact(incident, maintenance, notes)
    started, resolved = _started_and_resolved(incident, updates, maintenance, notes)
    record_updates = _record_updates(updates, notes)

    title = " ".join((incident.name or "").split())
    if not title:
        title = f"Incident on {(started or incident.created_at):%Y-%m-%d %H:%M} UTC"
        notes["title"] = "The export gives no name; this is the name Statuspage shows for unnamed incidents."
    first_text = next((markup.to_plain(u.body or "") for u in updates if (u.body or "").strip()), "")
    summary = markup.escape(markup.shorten(first_text)) if first_text else markup.escape(title)
    notes["summary"] = (
        "Statuspage has no summary: this is the start of the first update."
        if first_text
        else "Statuspage has no summary: this is the title."
    )

    incident_record = Incident(
        id="",
        title=title,
        impact=impact,
        started=started,
        resolved=resolved,
        summary=summary,
        updates=tuple(record_updates),
        postmortem=_text(markup.to_markdown(incident.postmortem_body or "")) or None,
        scheduled_for=whole_seconds(incident.scheduled_for) if maintenance and incident.scheduled_for else None,
        scheduled_until=whole_seconds(incident.scheduled_until) if maintenance and incident.scheduled_until else None,
    )
    if maintenance and incident.scheduled_for is None:
        notes["scheduled_for"] = "The export gives no scheduled_for: add the planned start."
    if maintenance and incident.scheduled_until is None:
        notes["scheduled_until"] = "The export gives no scheduled_until: add the planned end."
    keys = tuple(dict.fromkeys(key for key, _ in _keys(incident)))
    link = f": {incident.shortlink}" if incident.shortlink else ""
    origin = f"Imported from Statuspage incident {incident.id}{link}"
    return Draft(incident.id, incident_record, whole_seconds(incident.created_at), keys, notes, origin)


def _started(incident: _Incident, updates: list[_Update], maintenance: bool, notes: dict[str, str]) -> datetime | None:
    """When it started: Statuspage's started_at, moved earlier if an update came before it.

    For maintenance Statuspage's started_at is when the window was announced, so the
    start is the first update once it was under way (none while it is only scheduled).
    """
    if maintenance:
        under_way = next((u.at for u in updates if u.status != "scheduled"), None)
        if under_way is not None:
            notes["started"] = "When the maintenance went in progress (Statuspage's started_at is when it was announced)."
            return under_way
        if incident.resolved_at is None:
            return None
        notes["started"] = "Statuspage's started_at: the export shows no update once the maintenance was under way."
        return whole_seconds(incident.started_at or incident.created_at)
    started = whole_seconds(incident.started_at or incident.created_at)
    if incident.started_at is None:
        notes["started"] = "The export has no started_at; this is when the incident was created."
    first = next((u.at for u in updates if u.status != "scheduled"), None)
    if first is not None and first < started:
        notes["started"] = f"Statuspage's started_at is {stamp(started)}, after the first update; started is that update's time."
        started = first
    return started


def _text(markdown_text: str) -> str:
    """Text for a record field: trimmed, and ending in a newline when it spans lines (written as a `|` block)."""
    text = markdown_text.strip("\n")
    return f"{text}\n" if "\n" in text else text
