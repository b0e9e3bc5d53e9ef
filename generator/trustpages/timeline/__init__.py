"""The record over time: every dated event of every record, computed (events), worded (words) and paged (pages); one event is an Event (event)."""

from trustpages.timeline.event import Event, filters
from trustpages.timeline.events import newest_first, record
from trustpages.timeline.pages import Page, YearTally, every_page, tally
from trustpages.timeline.words import Words

__all__ = ["Event", "Page", "Words", "YearTally", "every_page", "filters", "newest_first", "record", "tally"]
