"""Metric series the company publishes, such as survey results."""

from __future__ import annotations

from pydantic import Field

from trustpages.records.common import Line, Number, Period, Record, Tally, Text
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction


class Point(Record):
    """One value of a series."""

    period: Period = Field(description="The period, e.g. 2026-Q1.")
    value: Number = Field(description="The value, e.g. 71.")
    n: Tally | None = Field(None, description="How many answers or samples it is based on, e.g. 412.")


class MetricSeries(Record):
    """content/metrics/<id>.yml: a number tracked over time."""

    id: str = Field("", exclude=True)
    title: Line = Field(description="The question it answers, e.g. Do our customers trust us?")
    unit: Line = Field(description="Unit of the values, e.g. % agree.")
    source: Text = Field(description="Where the numbers come from and how they are counted, e.g. Quarterly survey of all customers.")
    points: tuple[Point, ...] = Field(min_length=1, description="Values, oldest first, e.g. {period: 2026-Q1, value: 71, n: 412}.")
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
