"""What an importer reads from another tool: incidents as drafts, and the components they name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime

from trustpages.records import Incident


class SourceError(Exception):
    """An input file that cannot be imported; the message is one line naming the file."""


@dataclass(frozen=True)
class SourceComponent:
    """A component as the other tool names it; `key` is its identity there."""

    key: str
    name: str
    description: str | None = None
    group: str | None = None
    aliases: tuple[str, ...] = ()  # older names seen in incidents


@dataclass(frozen=True)
class Draft:
    """One incident read from another tool, before it gets a file name and component ids.

    `incident.affected` is empty: `components` holds the source's component keys instead.
    `notes` explains, as YAML comments, where the record differs from the source's fields.
    """

    source_id: str
    incident: Incident
    created: datetime  # when the source created it: names the file when nothing better is known
    components: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)
    origin: str = ""  # first header line: where the record came from

    @property
    def day(self) -> str:
        """The date in the file name: when it started (maintenance not yet started: when it is planned)."""
        moment = self.incident.started or self.incident.scheduled_for or self.created
        return moment.astimezone(UTC).date().isoformat()


@dataclass(frozen=True)
class Export:
    """Everything one import reads: which tool, its components, its incidents."""

    tool: str  # "statuspage" or "cstate": also names the import's state file
    source: str  # the file or folder read, as shown to people
    components: tuple[SourceComponent, ...]
    drafts: tuple[Draft, ...]
    left_out: tuple[str, ...] = ()  # source items deliberately not imported, with why


def slugify(text: str, limit: int = 60) -> str:
    """A file-name-safe id from a title: lowercase ASCII words joined by dashes, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug


def whole_seconds(moment: datetime) -> datetime:
    """The moment in UTC without fractions of a second: records show times to the second."""
    return moment.astimezone(UTC).replace(microsecond=0)


def stamp(moment: datetime) -> str:
    """A moment as records write it, e.g. 2020-11-02T15:06:00Z."""
    return whole_seconds(moment).strftime("%Y-%m-%dT%H:%M:%SZ")
