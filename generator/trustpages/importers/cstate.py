"""Read a cState site (Hugo: content/issues/*.md, config.yml) into drafts.

An issue's front matter gives `title`, `date` (the start), `resolved` and `resolvedWhen`,
`severity` (notice, disrupted, down), `affected` (system names) and `informational`.
Its Markdown body holds the updates, newest first, each ending in a
`{{< track "2018-05-25 05:54:00" >}}` timestamp; a leading `*Resolved* -` names the
update's status. cState wants times in UTC, so a time without a zone is read as UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trustpages import yamlsource
from trustpages.importers import markup
from trustpages.importers.export import Draft, Export, SourceComponent, SourceError, made_valid, read_text, stamp, whole_seconds
from trustpages.problems import display_path
from trustpages.records import Incident, IncidentUpdate

# cState's severities, from least to most serious, as trustpages impacts. "disrupted" is cState's level between
# working and down: a partial outage (the draft's note says to make it minor when everything only got slower).
SEVERITY = {"notice": "none", "disrupted": "partial", "down": "major"}
_TRACK = re.compile(r"""\{\{[<%]\s*track\s+["']([^"']*)["']\s*[>%]\}\}""")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# "*Resolved* -", "**Update:**", "Monitoring -": a status word opening an update.
_STATUS_PREFIX = re.compile(r"\A\s*([*_]{0,2})\s*([A-Za-z][A-Za-z ]{2,20}?)\s*(?::\1|\1\s*[-–—:])\s*(?:[*_]{0,2}\s*)")
_STATUS_WORDS = {
    "investigating": "investigating",
    "identified": "identified",
    "monitoring": "monitoring",
    "update": "update",
    "updated": "update",
    "resolved": "resolved",
    "postmortem": "postmortem",
    "scheduled": "scheduled",
    "in progress": "in_progress",
    "verifying": "verifying",
    "completed": "completed",
}
_CONFIG_FILES = ("config.yml", "config.yaml", "hugo.yml", "hugo.yaml")


def read(folder: Path) -> Export:
    """The drafts of every issue of the cState site at `folder` (or of its issues folder itself)."""
    shown = display_path(folder)
    if not folder.is_dir():
        raise SourceError(f"{shown}: no such folder (pass the cState site, the folder holding content/issues/)")
    issues = folder / "content" / "issues"
    if not issues.is_dir():
        if not any(folder.glob("*.md")):
            raise SourceError(f"{shown}: not a cState site (no content/issues/ folder with .md files)")
        issues = folder
    systems = _systems(folder)
    drafts: list[Draft] = []
    left_out: list[str] = []
    for path in sorted(issues.rglob("*.md")):
        if path.name.startswith("_"):  # _index.md: the section page, not an issue
            continue
        front, body = _split(path)
        if _flag(front.get("draft"), path, "draft"):
            left_out.append(f"{display_path(path)} (draft: true, never published)")
            continue
        with made_valid(display_path(path)):
            drafts.append(_draft(path, issues, front, body))
    components = _components(systems, drafts)
    return Export("cstate", shown, components, tuple(sorted(drafts, key=lambda d: (d.created, d.source_id))), tuple(left_out))


def _systems(folder: Path) -> list[dict[str, Any]]:
    """cState's `params.systems` (name, description, category) from the site's YAML config, if there is one."""
    for name in _CONFIG_FILES:
        path = folder / name
        if path.is_file():
            config = _yaml(read_text(path), display_path(path), "not valid YAML")
            params = config.get("params") if isinstance(config, dict) else None
            systems = params.get("systems") if isinstance(params, dict) else None
            return [s for s in systems or [] if isinstance(s, dict) and isinstance(s.get("name"), str)]
    return []


def _components(systems: list[dict[str, Any]], drafts: list[Draft]) -> tuple[SourceComponent, ...]:
    listed = [
        SourceComponent(
            key=s["name"],
            name=s["name"].strip(),
            description=" ".join(s["description"].split()) if isinstance(s.get("description"), str) and s["description"].strip() else None,
            group=s["category"].strip() if isinstance(s.get("category"), str) and s["category"].strip() else None,
        )
        for s in systems
    ]
    known = {c.key for c in listed}
    for draft in drafts:
        for key in draft.components:
            if key not in known:
                known.add(key)
                listed.append(SourceComponent(key, key.strip()))
    return tuple(listed)


def _split(path: Path) -> tuple[dict[str, Any], str]:
    text = read_text(path)
    match = _FRONT_MATTER.match(text)
    if not match:
        raise SourceError(f"{display_path(path)}:1:1: no front matter (an issue starts with --- , its fields, and --- )")
    front = _yaml(match.group(1), display_path(path), "front matter is not valid YAML", first_line=2)
    if not isinstance(front, dict):
        raise SourceError(f"{display_path(path)}:2:1: front matter must be fields (name: value lines)")
    return front, text[match.end() :]


def _yaml(text: str, file: str, what: str, first_line: int = 1) -> Any:
    """Every value as text, as Hugo reads it, within the budgets a record has (aliases cannot expand without end).

    Problems are `file:line:col: what: problem (hint)`, the line counted in the whole file.
    """
    try:
        return yamlsource.load_text(text)
    except yamlsource.YamlError as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        raise SourceError(f"{file}:{exc.line + first_line - 1}:{exc.col}: {what}: {exc.message}{hint}") from None


def _impact(severity: Any, notes: dict[str, str]) -> str:
    """cState's severity in trustpages' impacts; none for one it does not know (said in `notes`)."""
    if isinstance(severity, str) and severity.strip().lower() in SEVERITY:
        impact = SEVERITY[severity.strip().lower()]
        if impact == "partial":
            notes["impact"] = (
                "cState's severity was 'disrupted', which covers slow and partly down: make it minor if everything still worked, only slower."
            )
        return impact
    notes["impact"] = (
        f"cState's severity was {severity!r}; only notice, disrupted and down are known." if severity else "cState gave no severity."
    )
    return "none"


def _resolved(
    path: Path, front: dict[str, Any], informational: bool, updates: list[IncidentUpdate], started: datetime, notes: dict[str, str]
) -> datetime | None:
    """When the issue was resolved, never before its last update or its start; None while cState says it is not."""
    file = display_path(path)
    resolved_when = _moment(front.get("resolvedWhen"), file, "resolvedWhen")
    resolved = None
    if informational:
        # cState shows an informational post as a dated note, never as ongoing.
        resolved = resolved_when or (updates[-1].at if updates else started)
        if resolved_when is None:
            notes["resolved"] = "An informational post has nothing to resolve; resolved is when it was last updated."
    elif _flag(front.get("resolved"), path, "resolved"):
        resolved = resolved_when
        if resolved is None:
            notes["resolved"] = "No resolved: cState marks it resolved but gives no resolvedWhen, so it stays ongoing."
    elif resolved_when is not None:
        notes["resolved"] = f"No resolved: cState says resolved: false (its resolvedWhen {stamp(resolved_when)} was a plan)."
    if resolved is None:
        return None
    if updates and updates[-1].at > resolved:
        notes["resolved"] = f"cState's resolvedWhen is {stamp(resolved)}; an update was posted later, so resolved is that update's time."
        resolved = updates[-1].at
    if resolved < started:
        notes["resolved"] = f"cState's resolvedWhen ({stamp(resolved)}) is before its date; resolved is the start."
        resolved = started
    return resolved


def _draft(path: Path, issues: Path, front: dict[str, Any], body: str) -> Draft:
    file = display_path(path)
    notes: dict[str, str] = {}
    date = _moment(front.get("date"), file, "date")
    if date is None:
        raise SourceError(f"{file}: the front matter has no date (when the issue started)")
    informational = _flag(front.get("informational"), path, "informational")
    impact = "none" if informational else _impact(front.get("severity"), notes)

    updates = _updates(body, date, notes, file)
    started = date
    if updates and updates[0].at < started:
        notes["started"] = f"cState's date is {stamp(started)}, after the first update; started is that update's time."
        started = updates[0].at
    resolved = _resolved(path, front, informational, updates, started, notes)

    title = " ".join(str(front.get("title") or "").split())
    if not title:
        title = path.stem
        notes["title"] = "cState's front matter has no title; this is its file name."
    first = next((markup.markdown_to_plain(u.body) for u in updates), "")
    summary = markup.escape(markup.shorten(first)) if first.strip() else markup.escape(title)
    notes["summary"] = (
        "cState has no summary: this is the start of the first update." if first.strip() else "cState has no summary: this is the title."
    )
    if informational:
        notes["impact"] = "An informational post in cState (no severity)."
    affected = front.get("affected") or []
    if isinstance(affected, str):
        affected = [affected]
    keys = tuple(dict.fromkeys(name for name in affected if isinstance(name, str) and name.strip()))
    incident = Incident(id="", title=title, impact=impact, started=started, resolved=resolved, summary=summary, updates=tuple(updates))
    source_id = path.relative_to(issues).with_suffix("").as_posix()
    return Draft(source_id, incident, date, keys, notes, f"Imported from cState issue {path.relative_to(issues).as_posix()}")


def _updates(body: str, date: datetime, notes: dict[str, str], file: str) -> list[IncidentUpdate]:
    """One update per `track` timestamp: the text before it, since the previous one. Oldest first."""
    body = body.replace("\r\n", "\n").replace("\t", "    ")
    pieces: list[tuple[str, datetime | None]] = []
    start = 0
    for match in _TRACK.finditer(body):
        pieces.append((body[start : match.start()], _moment(match.group(1), file, "track") if match.group(1).strip() else None))
        start = match.end()
    pieces.append((body[start:], None))
    found = [(text.strip("\n").strip(), at) for text, at in pieces if text.strip()]
    updates: list[tuple[datetime, str, str, bool]] = []
    for text, at in found:
        status, text = _status(text)
        updates.append((at or date, status, text, at is None))
    # The body lists updates newest first: read it backwards, then order by time.
    updates.reverse()
    updates.sort(key=lambda u: u[0])
    result = []
    for i, (at, status, text, undated) in enumerate(updates):
        if undated:
            notes[f"updates[{i}]"] = "This text has no track timestamp in cState; it is dated with the issue's date."
        with made_valid(f"{file}: the update posted {stamp(at)}"):
            result.append(IncidentUpdate(at=at, status=status, body=f"{text}\n" if "\n" in text else text))
    return result


def _status(text: str) -> tuple[str, str]:
    """The status an update opens with (`*Resolved* -`), and its text without it; else `update`, text unchanged."""
    match = _STATUS_PREFIX.match(text)
    if match:
        status = _STATUS_WORDS.get(" ".join(match.group(2).lower().split()))
        rest = text[match.end() :].strip()
        if status and rest:
            return status, rest
    return "update", text


def _moment(value: Any, file: str, name: str) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().strip("'\"")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise SourceError(f"{file}: {name}: {text!r} is not a date and time like 2018-05-25 04:13:00") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # cState asks for UTC in front matter and track timestamps
    return whole_seconds(moment)


def _flag(value: Any, path: Path, name: str) -> bool:
    if value is None or value == "":
        return False
    text = str(value).strip().lower()
    if text in {"true", "yes", "on"}:
        return True
    if text in {"false", "no", "off"}:
        return False
    raise SourceError(f"{display_path(path)}: {name}: expected true or false; got {value!r}")
