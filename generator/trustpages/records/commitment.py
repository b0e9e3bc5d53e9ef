"""Commitments: milestone promises (done by a date) and standing promises (kept every period)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator

from trustpages.records.common import Count, Day, Flag, Label, Line, Period, Record, Text, Url
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction
from trustpages.targets import computed_met

MilestoneStatus = Literal["not_started", "in_progress", "stalled", "kept", "partly_kept", "broken", "withdrawn"]
FINISHED: frozenset[str] = frozenset({"kept", "partly_kept", "broken", "withdrawn"})


class StatusUpdate(Record):
    """One step in a milestone promise's life."""

    on: Day = Field(description="Date of this update, e.g. 2026-04-10.")
    status: MilestoneStatus = Field(description="not_started, in_progress, stalled, kept, partly_kept, broken or withdrawn.")
    note: Text | None = Field(None, description="What happened, in a sentence, e.g. CSV export is in beta. Required for withdrawn.")
    evidence: tuple[Url, ...] = Field((), description="Links that show it, e.g. a changelog entry.")


class Measurement(Record):
    """How a standing promise did in one period."""

    period: Period = Field(description="The period measured, e.g. 2026-Q1.")
    actual: Label = Field(description="What was measured, e.g. 96.2%.")
    met: Flag | None = Field(
        None,
        description="true if the target was met in this period, else false. Leave it out when actual and target are numbers "
        "trustpages can compare (e.g. 96.2% against 95% of emails…): it is then computed.",
    )
    note: Text | None = Field(None, description="Why, when it is worth saying, e.g. Two people left in May.")


class MeasuredBy(Record):
    """What in the records measures a standing promise (trustpages.measured), so its actuals are computed, never typed."""

    what: Literal["first_update", "price_notice", "data_change_notice", "maintenance_notice"] = Field(
        description="first_update: incidents' first public update (within: minutes); price_notice and data_change_notice: "
        "days announced ahead (within: days); maintenance_notice: hours announced ahead (within: hours)."
    )
    within: Count = Field(description="The limit, in the unit `what` names, e.g. 30.")


class _Commitment(Record):
    id: str = Field("", exclude=True)
    title: Line = Field(description="The promise in a few words, e.g. You can export all your data.")
    promise: Text = Field(
        description="The promise itself, in one plain sentence a customer can check, e.g. Every customer can download all their data as CSV."
    )
    why: Text = Field(description="Why we made it, e.g. Your data is yours.")
    category: Line = Field("general", description="A word grouping related promises, e.g. support or data.")
    made_on: Day = Field(description="Date the promise was made public, e.g. 2026-02-01.")
    owner: Line = Field(description="Who inside the company is answerable for it, e.g. Platform team.")
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)


class Milestone(_Commitment):
    """content/commitments/<id>.yml with `due`: a promise to get something done by a date."""

    due: Day = Field(description="Date it will be done by, e.g. 2026-06-30.")
    updates: tuple[StatusUpdate, ...] = Field(
        (), description="Status updates, oldest first; the last one is the current status, e.g. {on: 2026-04-10, status: in_progress}."
    )

    # The due date as first published, from git history (trustpages.corrected.as_first_made): never
    # typed, so a moved date cannot move the numbers. None: as published, or no history known.
    _first_due: date | None = PrivateAttr(None)

    @property
    def status(self) -> str:
        """The typed status: the last update's, or not_started."""
        return self.updates[-1].status if self.updates else "not_started"

    @property
    def counted_due(self) -> date:
        """The due date every number counts: as first published, else `due`."""
        return self._first_published() or self.due

    @property
    def rescheduled(self) -> bool:
        """Whether `due` moved since the promise was first published."""
        first = self._first_published()
        return first is not None and first != self.due

    def _first_published(self) -> date | None:
        # What `self._first_due` reads, without pydantic's __getattr__: every number asks, thousands of times a build.
        return (self.__pydantic_private__ or {}).get("_first_due")

    def first_promised(self, due: date) -> Milestone:
        """This promise with `due` as the date it was first published with."""
        copy = self.model_copy()
        copy._first_due = due
        return copy


class Standing(_Commitment):
    """content/commitments/<id>.yml with `target`: a promise kept every period."""

    target: Text = Field(description="What counts as keeping it, e.g. 95% of emails answered within one working day.")
    measurements: tuple[Measurement, ...] = Field(
        (), description="One entry per period measured, oldest first, e.g. {period: 2026-Q1, actual: 96.2%}."
    )
    measured_by: MeasuredBy | None = Field(
        None,
        description="What in the records measures it, e.g. {what: first_update, within: 30}: then every quarter's actual is "
        "computed from the records and `measurements` are left out.",
    )

    @field_validator("measurements")
    @classmethod
    def _computed_met(cls, measurements: tuple[Measurement, ...], info: ValidationInfo) -> tuple[Measurement, ...]:
        """Fill in `met` where the numbers decide it (trustpages.targets); a typed one that disagrees is a
        consistency error, reported at its line."""
        target = info.data.get("target")
        if not isinstance(target, str):
            return measurements
        return tuple(
            m.model_copy(update={"met": computed}) if m.met is None and (computed := computed_met(target, m.actual)) is not None else m
            for m in measurements
        )


Commitment = Milestone | Standing
