"""/calendar.ics (RFC 5545): every milestone's due date and every maintenance window, for calendar apps."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from generator import __version__, metrics
from generator.opendata.links import midnight, record_url, utc
from generator.opendata.plaintext import plain
from generator.records import Incident, Milestone, RecordSet
from generator.render.environment import Strings

PATH = "calendar.ics"


def calendar(records: RecordSet, as_of: date, t: Strings) -> bytes:
    """The calendar; DTSTAMPs come from the records (never the build's clock), so builds are reproducible."""
    site = records.site
    host = urlsplit(site.url).hostname or "trustpages"
    cal = Calendar()
    cal.add("prodid", f"-//trustpages {__version__}//{site.name}//{site.locale.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("calendar.name", name=site.name))
    cal.add("x-wr-timezone", site.timezone)
    events = [_due(m, records, as_of, t, host) for m in metrics.milestones(records)]
    events += [_maintenance(i, records, t, host) for i in records.incidents if i.impact == "maintenance" and (i.scheduled_for or i.started)]
    for event in sorted(events, key=_order):
        cal.add_component(event)
    return cal.to_ical()


def _order(event: Event) -> tuple[datetime, str]:
    """Soonest first; an all-day event counts from midnight UTC."""
    start = event.decoded("dtstart")
    return (start if isinstance(start, datetime) else midnight(start), str(event["uid"]))


def _due(milestone: Milestone, records: RecordSet, as_of: date, t: Strings, host: str) -> Event:
    """An all-day event on the due date, saying where the promise stands."""
    shown = metrics.status(milestone, as_of)
    event = Event()
    event.add("uid", f"commitment-{milestone.id}@{host}")
    event.add("dtstamp", midnight(max([milestone.made_on, *(u.on for u in milestone.updates)])))
    event.add("dtstart", milestone.due)
    event.add("dtend", milestone.due + timedelta(days=1))
    event.add("summary", t("calendar.due", title=milestone.title))
    event.add("description", f"{plain(milestone.promise)}\n\n{t('commitments.status')}: {t('status')[shown]}")
    event.add("categories", [t("nav.commitments")])
    event.add("url", record_url(records.site, "commitment", milestone.id))
    event.add("status", "CANCELLED" if shown == "withdrawn" else "CONFIRMED")
    event.add("transp", "TRANSPARENT")  # a deadline, not time the reader is busy
    return event


def _maintenance(incident: Incident, records: RecordSet, t: Strings, host: str) -> Event:
    """The planned window (or, once it started, the real one) of a maintenance."""
    start = utc(incident.scheduled_for or incident.started)  # type: ignore[arg-type]
    end = incident.scheduled_until or incident.resolved
    event = Event()
    event.add("uid", f"maintenance-{incident.id}@{host}")
    moments = [u.at for u in incident.updates] or [start]
    event.add("dtstamp", utc(max(moments)))
    event.add("dtstart", start)
    if end is not None and utc(end) > start:
        event.add("dtend", utc(end))
    event.add("summary", t("calendar.maintenance", title=incident.title))
    event.add("description", plain(incident.summary))
    event.add("categories", [t("impact")["maintenance"]])
    event.add("url", record_url(records.site, "incident", incident.id))
    event.add("status", "CONFIRMED")
    return event

