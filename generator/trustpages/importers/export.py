"""What an importer reads from another tool: incidents as drafts, and the components they name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from trustpages.problems import display_path
from trustpages.records import Incident
from trustpages.yamlsource import MAX_BYTES


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


@contextmanager
def made_valid(where: str) -> Iterator[None]:
    """Inside, a record the source's values cannot make (a title too long, a control character, a date out of range) is a SourceError.

    Its message is `where: field: problem (hint)`, in the words `check` uses, never a pydantic traceback.
    """
    try:
        yield
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        name = ".".join(str(part) for part in error["loc"] if isinstance(part, int) or "[" not in part)
        hint = (error.get("ctx") or {}).get("hint")
        raise SourceError(f"{where}: {name + ': ' if name else ''}{error['msg']}{f' ({hint})' if hint else ''}") from None


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """A source file as text, refused when it is larger than `limit` (an incident record is at most MAX_BYTES) or not UTF-8."""
    file = display_path(path)
    try:
        with path.open("rb") as opened:
            data = opened.read(limit + 1)
    except OSError as exc:
        raise SourceError(f"{file}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise SourceError(f"{file}: larger than {limit:,} bytes; an incident record cannot hold that much")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError(f"{file}: not UTF-8 text") from None


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
