"""The record over time on its pages (/record/): what their templates read, and the timeline's entries as HTML, each made
once per depth of page: thousands of events are listed twice (all, and their filter)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from trustpages import timeline
from trustpages.render.environment import Here
from trustpages.strings import Strings
from trustpages.timeline import Event, Words


class Entries:
    """Each event as one list item: date, kind, what it is about (linked) and what happened, worded alike for good and bad news.

    Only the link depends on the page it is on (`here`), so the rest of an entry is made once per event.
    """

    def __init__(self, words: Words, day: Callable[[date], str]) -> None:
        self.words, self.day = words, day
        self._made: dict[str, tuple[str, str, str]] = {}  # event id -> (before the link, the address, after it)

    def __call__(self, event: Event, here: Here) -> Markup:
        made = self._made.get(event.id)
        if made is None:
            # Every value escaped on its own (escape is C; Markup.format took most of the time at 20,000 events).
            day, words = event.day, self.words
            before = (
                f'<li class="tp-event" id="event-{event.id}"><span class="tp-event__date"><time datetime="{day.isoformat()}">'
                f'{escape(self.day(day))}</time></span> <span class="tp-event__kind">{escape(words.kind(event))}</span> '
                '<a class="tp-event__title" href="'
            )
            after = f'">{escape(words.title(event))}</a> <span class="tp-event__outcome">{escape(words.outcome(event))}</span></li>'
            made = self._made[event.id] = (before, str(escape(event.address)), after)
        before, address, after = made
        return Markup(before + here.root + address + after)  # the root is only ../ repeated


def timeline_context(events: Sequence[Event], strings: Strings, zone: ZoneInfo) -> dict[str, Any]:
    """The record over time (trustpages.timeline): its events, worded, with each year's tally and each filter's size."""
    return {
        "timeline": events,
        "timeline_words": timeline.Words(strings, zone),
        "timeline_tally": timeline.tally(events),
        "timeline_counts": timeline.pages.counts(events),
        "timeline_filters": timeline.filters(),
        "timeline_path": timeline.pages.path,
    }
