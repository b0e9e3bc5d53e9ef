"""/calendar.ics (RFC 5545): every milestone's due date and every maintenance window, for calendar apps.

Written line by line rather than with a calendar library: the file uses a dozen properties of one
component, and a library spent a quarter of a 10,000-record site's generation time on them. The
tests read it back with the icalendar library.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from trustpages import __version__, metrics
from trustpages.opendata.links import midnight, record_url, utc
from trustpages.opendata.plaintext import plain, uri
from trustpages.records import Incident, Milestone, RecordSet
from trustpages.strings import Strings

PATH = "calendar.ics"
# Line breaks, as str.splitlines() knows them: some readers split lines at any of them.
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # the rest of what RFC 5545 TEXT excludes (CONTROL)
LINE_OCTETS = 75  # RFC 5545 3.1: longer content lines are folded


def calendar(records: RecordSet, as_of: date, t: Strings) -> bytes:
    """The calendar; DTSTAMPs come from the records (never the build's clock), so builds are reproducible."""
    site = records.site
    host = urlsplit(site.url).hostname or "trustpages"
    events = [_due(m, records, as_of, t, host) for m in metrics.milestones(records)]
    events += [_maintenance(i, records, t, host) for i in records.incidents if i.impact == "maintenance" and (i.scheduled_for or i.started)]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_text(f'-//trustpages {__version__}//{site.name}//{site.locale.upper()}')}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_text(t('calendar.name', name=site.name))}",
        f"X-WR-TIMEZONE:{_text(site.timezone)}",
    ]
    for _, event in sorted(events, key=lambda pair: pair[0]):
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line)).encode("utf-8")


def _due(milestone: Milestone, records: RecordSet, as_of: date, t: Strings, host: str) -> tuple[tuple[datetime, str], list[str]]:
    """An all-day event on the due date, saying where the promise stands."""
    shown = metrics.status(milestone, as_of)
    uid = f"commitment-{milestone.id}@{host}"
    lines = _event(
        uid,
        stamp=midnight(max([milestone.made_on, *(u.on for u in milestone.updates)])),
        start=milestone.due,
        end=milestone.due + timedelta(days=1),
        summary=t("calendar.due", title=milestone.title),
        description=f"{plain(milestone.promise)}\n\n{t('commitments.status')}: {t.table('status')[shown]}",
        category=t("nav.commitments"),
        url=record_url(records.site, "commitment", milestone.id),
        status="CANCELLED" if shown == "withdrawn" else "CONFIRMED",
        transparent=True,  # a deadline, not time the reader is busy
    )
    return (midnight(milestone.due), uid), lines  # soonest first; an all-day event counts from midnight UTC


def _maintenance(incident: Incident, records: RecordSet, t: Strings, host: str) -> tuple[tuple[datetime, str], list[str]]:
    """The planned window (or, once it started, the real one) of a maintenance."""
    start = utc(incident.scheduled_for or incident.started)  # type: ignore[arg-type]
    end = incident.scheduled_until or incident.resolved
    uid = f"maintenance-{incident.id}@{host}"
    lines = _event(
        uid,
        stamp=utc(max([u.at for u in incident.updates] or [start])),
        start=start,
        end=utc(end) if end is not None and utc(end) > start else None,
        summary=t("calendar.maintenance", title=incident.title),
        description=plain(incident.summary),
        category=t.table("impact")["maintenance"],
        url=record_url(records.site, "incident", incident.id),
        status="CONFIRMED",
        transparent=False,
    )
    return (start, uid), lines


def _event(
    uid: str,
    *,
    stamp: datetime,
    start: date | datetime,
    end: date | datetime | None,
    summary: str,
    description: str,
    category: str,
    url: str,
    status: str,
    transparent: bool,
) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{_text(uid)}", f"DTSTAMP:{_when(stamp)}", _moment("DTSTART", start)]
    if end is not None:
        lines.append(_moment("DTEND", end))
    lines += [
        f"SUMMARY:{_text(summary)}",
        f"DESCRIPTION:{_text(description)}",
        f"CATEGORIES:{_text(category)}",
        f"URL:{uri(url)}",
        f"STATUS:{status}",
    ]
    if transparent:
        lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def _moment(name: str, value: date | datetime) -> str:
    """DTSTART or DTEND: a whole day (VALUE=DATE) or a moment in UTC."""
    return f"{name}:{_when(value)}" if isinstance(value, datetime) else f"{name};VALUE=DATE:{value:%Y%m%d}"


def _when(moment: datetime) -> str:
    return f"{utc(moment):%Y%m%dT%H%M%SZ}"


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped, other
    control characters (which TEXT cannot hold) left out."""
    escaped = _BREAK.sub(r"\\n", value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,"))
    return _CONTROL.sub("", escaped) if _CONTROL.search(escaped) else escaped


def _fold(line: str) -> Iterator[str]:
    """A content line in pieces of at most 75 octets, each after the first starting with a space;
    never inside a character, so every piece stays valid UTF-8."""
    if len(line) * 4 <= LINE_OCTETS or len(line.encode("utf-8")) <= LINE_OCTETS:
        yield line
        return
    if line.isascii():  # one octet a character: the pieces are plain slices
        yield line[:LINE_OCTETS]
        for start in range(LINE_OCTETS, len(line), LINE_OCTETS - 1):
            yield " " + line[start : start + LINE_OCTETS - 1]
        return
    piece: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            yield ("" if limit == LINE_OCTETS else " ") + "".join(piece)
            piece, size, limit = [], 0, LINE_OCTETS - 1  # the leading space counts
        piece.append(char)
        size += octets
    yield ("" if limit == LINE_OCTETS else " ") + "".join(piece)
