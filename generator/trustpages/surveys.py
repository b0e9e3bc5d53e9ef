"""Trust survey numbers, computed, never typed: per question and wave the share who agree with its 95 % interval, and a trust index.

How we count (shown beside the numbers): a person agrees when they chose a point above the
middle of the scale (4 or 5 of 5, 5 to 7 of 7), so no scale can flatter (with "the top two", a
two-point scale counted every answer as agreeing; a scale has at least three points). The share
who agree is agree ÷ n, with a 95 % Wilson score interval (it stays inside 0–100 % and is honest
for small n). A wave's trust index is the mean of its
questions' shares. A wave with fewer than FEW answers to a question says so. An answers list
whose length is not the survey's scale is left out of every number (check warns).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trustpages.records import Survey
from trustpages.records.survey import Wave

FEW = 30  # below this many answers, a share is shown with "few answers"
Z = 1.959963984540054  # the 97.5th percentile of the normal distribution: a 95 % interval


@dataclass(frozen=True)
class Share:
    """How many answered a question in one wave, how many agreed, and the interval around the share."""

    n: int
    agree: int

    @property
    def value(self) -> float | None:
        return self.agree / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95 % Wilson score interval of the share."""
        if not self.n:
            return None
        p, n = self.agree / self.n, self.n
        centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
        half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
        return max(0.0, centre - half), min(1.0, centre + half)

    @property
    def few(self) -> bool:
        return self.n < FEW


@dataclass(frozen=True)
class WaveResult:
    """One wave: each question's share (None when its answers do not fit the scale or are missing) and the trust index."""

    wave: Wave
    shares: dict[str, Share | None]

    @property
    def index(self) -> float | None:
        """The mean of the questions' shares; None when no question has one."""
        values = [share.value for share in self.shares.values() if share is not None and share.value is not None]
        return sum(values) / len(values) if values else None


def share(counts: tuple[int, ...], scale: int) -> Share | None:
    """The share who agree (a point above the middle of the scale), or None when the counts do not fit the scale."""
    if len(counts) != scale:
        return None
    return Share(sum(counts), sum(counts[len(counts) - agreeing(scale) :]))


def agreeing(scale: int) -> int:
    """How many of a scale's points agree: those strictly above its middle ((scale + 1) / 2), never the middle itself."""
    return scale // 2


def results(survey: Survey) -> list[WaveResult]:
    """Every wave, oldest first, with its shares by question id (in the order of the questions)."""
    return [
        WaveResult(wave, {q.id: share(wave.answers[q.id], survey.scale) if q.id in wave.answers else None for q in survey.questions})
        for wave in survey.waves
    ]


def by_stage(survey: Survey) -> dict[str, list[WaveResult]]:
    """The waves grouped by stage (onboarding, renewal, leaving, all), for trends."""
    grouped: dict[str, list[WaveResult]] = {}
    for result in results(survey):
        grouped.setdefault(result.wave.stage, []).append(result)
    return grouped


def delivers(surveys: tuple[Survey, ...]) -> tuple[Survey, str, Share] | None:
    """The latest period's share who agree the company delivers on its promises (the question marked measures: promises).

    Every stage asked in that period counts together (renewing and leaving customers alike), so the
    number beside the promise-kept rate is neither the happiest nor the unhappiest group alone.
    """
    found: tuple[Survey, str, Share] | None = None
    for survey in surveys:
        marked = [q.id for q in survey.questions if q.measures == "promises"]
        pooled: dict[str, Share] = {}
        for result in results(survey):
            for qid in marked:
                answer = result.shares.get(qid)
                if answer is not None and answer.n:
                    before = pooled.get(result.wave.period, Share(0, 0))
                    pooled[result.wave.period] = Share(before.n + answer.n, before.agree + answer.agree)
        if pooled:
            period = max(pooled)
            if found is None or period >= found[1]:
                found = (survey, period, pooled[period])
    return found
