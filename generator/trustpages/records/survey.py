"""Trust surveys: how far customers agree the company deserves their trust, asked the same way wave after wave."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from trustpages.records.common import Line, Period, Record, Slug, Tally, Text
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction

Stage = Literal["onboarding", "renewal", "leaving", "all"]


class Question(Record):
    """One statement customers rate."""

    id: Slug = Field(description="Short id the waves' answers use, e.g. delivers.")
    text: Line = Field(description="The statement as customers read it, e.g. Tallyhouse delivers on what it promises.")
    measures: Literal["promises"] | None = Field(
        None, description="promises: this question is shown beside the promise-kept rate (what we did against what customers feel)."
    )


class Wave(Record):
    """The answers of one period and stage."""

    period: Period = Field(description="When it was asked, e.g. 2026-Q1.")
    stage: Stage = Field(description="Whom it asked: onboarding, renewal, leaving, or all.")
    answers: dict[Slug, tuple[Tally, ...]] = Field(
        description="For each question id, how many gave each answer, lowest first, e.g. cares: [4, 9, 30, 80, 77]."
    )


class Survey(Record):
    """content/surveys/<id>.yml: a trust survey, its questions and every wave of answers."""

    id: str = Field("", exclude=True)
    title: Line = Field(description="What it asks, e.g. How much do customers trust us?")
    method: Text = Field(description="How and whom it asks, e.g. Five questions in the onboarding email and the cancellation form.")
    # At least three points, or "above the middle" would be half the scale or all of it. The bounds are
    # the type's own: beside Count's ge=0 in a type, a field's ge is lost (scales of 1 and 2 passed check).
    scale: Annotated[int, Field(ge=3, le=11, strict=True)] = Field(
        description="Answers per question, 1 (strongly disagree) to this, e.g. 5."
    )
    questions: tuple[Question, ...] = Field(min_length=1, description="The statements, e.g. {id: cares, text: We care about your success.}")
    waves: tuple[Wave, ...] = Field(
        (), description="Every wave of answers, oldest first; never delete one, e.g. {period: 2026-Q1, stage: renewal, answers: {…}}."
    )
    behaviour: tuple[Slug, ...] = Field((), description="Ids of metric series of what customers did, shown beside it, e.g. [renewal-rate].")
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
