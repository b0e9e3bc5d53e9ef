"""The company's policies as they were when each thing happened: a relaxed policy is never applied to the past.

site.yml holds the policies in force now. The public log holds every value each policy had and
when it was first published, so a price change made under a 30-day promise is judged by 30 days
even after site.yml says 7, and the pages say "from 6 December 2026 we promise 7 days' notice;
before, 30". Before the log began, the first logged value applies. Without a log (a preview),
the current policies apply to everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from trustpages.publiclog.log import Log
from trustpages.records import RecordSet
from trustpages.records.site import Policies

PREFIX = "policies."


@dataclass(frozen=True)
class PolicyChange:
    """A policy changed: from `since`, `new` instead of `old`."""

    name: str
    since: datetime
    old: int
    new: int


@dataclass(frozen=True)
class InForce:
    """The policies as they were at any moment: `at(when)`, and the changes, oldest first."""

    current: Policies
    changes: tuple[PolicyChange, ...] = ()

    def at(self, when: date | datetime | None) -> Policies:
        """The policies in force at `when` (None: now)."""
        if when is None or not self.changes:
            return self.current
        moment = when if isinstance(when, datetime) else datetime.combine(when, time.max, UTC)
        values: dict[str, int] = {}
        for change in reversed(self.changes):  # newest first: undo every change made after `when`
            if change.since > moment:
                values[change.name] = change.old
        return self.current.model_copy(update=values) if values else self.current

    def of(self, name: str) -> tuple[PolicyChange, ...]:
        return tuple(change for change in self.changes if change.name == name)


def in_force(records: RecordSet, log: Log | None) -> InForce:
    """The policies of `records` with their history from `log`."""
    current = records.site.policies
    if log is None:
        return InForce(current)
    last: dict[str, int] = {}
    changes: list[PolicyChange] = []
    for entry in log.entries:
        if entry.kind != "site" or not entry.key.startswith(PREFIX) or type(entry.value) is not int:
            continue
        name = entry.key.removeprefix(PREFIX)
        if name in last and last[name] != entry.value:
            changes.append(PolicyChange(name, entry.published, last[name], entry.value))
        last[name] = entry.value
    for name, value in last.items():  # changed in site.yml, not published yet: it takes effect when it is
        now = getattr(current, name, value)
        if now != value:
            changes.append(PolicyChange(name, datetime.now(UTC), value, now))
    return InForce(current, tuple(changes))
