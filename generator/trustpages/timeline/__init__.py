"""The record over time: every dated event of every record, computed (events), worded (words) and paged (pages)."""

from trustpages.timeline.events import FILTERS, Event, newest_first, record
from trustpages.timeline.pages import Page, YearTally, every_page, tally
from trustpages.timeline.words import Words

__all__ = ["FILTERS", "Event", "Page", "Words", "YearTally", "every_page", "newest_first", "record", "tally"]
